"""Placeholder: replaced by the real views of this area."""

from django.http import Http404
from django.urls import path


def dashboard(request, **kwargs):
    raise Http404


urlpatterns = [
    path("kantoor/", dashboard, name="dashboard"),
]
