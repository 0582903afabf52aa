"""Interviews: planning by the recruiter, calendar files, the members' schedule and the
candidate's answer.

STUB: created by the coordinator so every URL exists; the owner replaces these views.
"""

from django.http import Http404
from django.urls import path


def committee_schedule(request):
    raise Http404


def interview_ics(request, pk):
    raise Http404


def interview_list(request, pk):
    raise Http404


def interview_create(request, pk):
    raise Http404


def interview_edit(request, pk):
    raise Http404


def interview_cancel(request, pk):
    raise Http404


def status_interview(request, signed, interview_pk):
    raise Http404


def status_interview_ics(request, signed, interview_pk):
    raise Http404


urlpatterns = [
    path("commissie/agenda/", committee_schedule, name="committee_schedule"),
    path("commissie/gesprekken/<int:pk>/agenda.ics", interview_ics, name="interview_ics"),
    path("kantoor/vacatures/<int:pk>/gesprekken/", interview_list, name="interview_list"),
    path("kantoor/vacatures/<int:pk>/gesprekken/nieuw/", interview_create, name="interview_create"),
    path("kantoor/gesprekken/<int:pk>/", interview_edit, name="interview_edit"),
    path("kantoor/gesprekken/<int:pk>/annuleren/", interview_cancel, name="interview_cancel"),
    path(
        "mijn-sollicitatie/<str:signed>/gesprekken/<int:interview_pk>/",
        status_interview,
        name="status_interview",
    ),
    path(
        "mijn-sollicitatie/<str:signed>/gesprekken/<int:interview_pk>/agenda.ics",
        status_interview_ics,
        name="status_interview_ics",
    ),
]
