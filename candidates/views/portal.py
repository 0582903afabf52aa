"""The committee portal: my committees, a vacancy's shortlist, a released candidate.

STUB: created by the coordinator so every URL exists; the owner replaces these views.
"""

from django.http import Http404
from django.urls import path


def committee_home(request):
    raise Http404


def committee_vacancy(request, pk):
    raise Http404


def committee_application(request, pk):
    raise Http404


urlpatterns = [
    path("commissie/", committee_home, name="committee_home"),
    path("commissie/<int:pk>/", committee_vacancy, name="committee_vacancy"),
    path("commissie/kandidaten/<int:pk>/", committee_application, name="committee_application"),
]
