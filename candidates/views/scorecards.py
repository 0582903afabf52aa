"""Scorecards, conflicts of interest and the matrix of scores.

STUB: created by the coordinator so every URL exists; the owner replaces these views.
"""

from django.http import Http404
from django.urls import path


def scorecard(request, pk):
    raise Http404


def conflict_declare(request, pk):
    raise Http404


def score_matrix(request, pk):
    raise Http404


urlpatterns = [
    path("commissie/kandidaten/<int:pk>/scorekaart/", scorecard, name="scorecard"),
    path(
        "commissie/kandidaten/<int:pk>/belangenverstrengeling/",
        conflict_declare,
        name="conflict_declare",
    ),
    path("commissie/<int:pk>/scores/", score_matrix, name="score_matrix"),
]
