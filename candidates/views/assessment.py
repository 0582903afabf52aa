"""Placeholder: replaced by the real views of this area."""

from django.http import Http404
from django.urls import path


def assessment_edit(request, **kwargs):
    raise Http404


def pipeline_export_csv(request, **kwargs):
    raise Http404


def pipeline_export_xlsx(request, **kwargs):
    raise Http404


urlpatterns = [
    path("kantoor/sollicitaties/<int:pk>/beoordeling/", assessment_edit, name="assessment_edit"),
    path("kantoor/vacatures/<int:pk>/export.csv", pipeline_export_csv, name="pipeline_export_csv"),
    path(
        "kantoor/vacatures/<int:pk>/export.xlsx", pipeline_export_xlsx, name="pipeline_export_xlsx"
    ),
]
