"""Placeholder: replaced by the real views of this area."""

from django.http import Http404
from django.urls import path


def source_add(request, **kwargs):
    raise Http404


def candidate_merge(request, **kwargs):
    raise Http404


urlpatterns = [
    path("kantoor/vacatures/<int:pk>/kandidaat-toevoegen/", source_add, name="source_add"),
    path("kantoor/kandidaten/<int:pk>/samenvoegen/", candidate_merge, name="candidate_merge"),
]
