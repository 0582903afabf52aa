"""Placeholder: replaced by the real views of this area."""

from django.http import Http404
from django.urls import path


def insight(request, **kwargs):
    raise Http404


def insight_vacancy(request, **kwargs):
    raise Http404


urlpatterns = [
    path("kantoor/inzicht/", insight, name="insight"),
    path("kantoor/vacatures/<int:pk>/inzicht/", insight_vacancy, name="insight_vacancy"),
]
