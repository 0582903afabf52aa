"""References, the nomination, the appointment and informing the others.

STUB: created by the coordinator so every URL exists; the owner replaces these views.
"""

from django.http import Http404
from django.urls import path


def references(request, pk):
    raise Http404


def status_references(request, signed):
    raise Http404


def decision(request, pk):
    raise Http404


def nominate(request, pk):
    raise Http404


def appoint(request, pk):
    raise Http404


def inform_remaining(request, pk):
    raise Http404


urlpatterns = [
    path("kantoor/sollicitaties/<int:pk>/referenties/", references, name="references"),
    path(
        "mijn-sollicitatie/<str:signed>/referenties/", status_references, name="status_references"
    ),
    path("kantoor/vacatures/<int:pk>/besluit/", decision, name="decision"),
    path("kantoor/vacatures/<int:pk>/besluit/voordracht/", nominate, name="nominate"),
    path("kantoor/vacatures/<int:pk>/besluit/benoeming/", appoint, name="appoint"),
    path(
        "kantoor/vacatures/<int:pk>/besluit/informeren/", inform_remaining, name="inform_remaining"
    ),
]
