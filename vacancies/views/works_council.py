"""The works council's advice (WOR article 30) of a vacancy.

STUB: created by the coordinator so every URL exists; the owner replaces these views.
"""

from django.http import Http404
from django.urls import path


def works_council(request, pk):
    raise Http404


urlpatterns = [
    path("vacatures/<int:pk>/ondernemingsraad/", works_council, name="works_council"),
]
