"""Placeholder: replaced by the real views of this area."""

from django.http import Http404
from django.urls import path


def candidate_list(request, **kwargs):
    raise Http404


def note_add(request, **kwargs):
    raise Http404


urlpatterns = [
    path("kantoor/kandidaten/", candidate_list, name="candidate_list"),
    path("kantoor/kandidaten/<int:pk>/notities/", note_add, name="note_add"),
]
