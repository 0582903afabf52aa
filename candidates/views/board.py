"""Placeholder: replaced by the real views of this area."""

from django.http import Http404
from django.urls import path


def board(request, **kwargs):
    raise Http404


def board_column(request, **kwargs):
    raise Http404


def board_bulk_move(request, **kwargs):
    raise Http404


def application_move(request, **kwargs):
    raise Http404


urlpatterns = [
    path("kantoor/vacatures/<int:pk>/kandidaten/", board, name="board"),
    path(
        "kantoor/vacatures/<int:pk>/kandidaten/kolom/<str:stage>/",
        board_column,
        name="board_column",
    ),
    path(
        "kantoor/vacatures/<int:pk>/kandidaten/verplaatsen/",
        board_bulk_move,
        name="board_bulk_move",
    ),
    path("kantoor/sollicitaties/<int:pk>/verplaatsen/", application_move, name="application_move"),
]
