"""The consultant's assessment of an application, and the export of a vacancy's pipeline."""

import logging

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import path, reverse
from django.utils.http import content_disposition_header, url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods

from candidates.forms_assessment import SCORE_LABELS, AssessmentForm
from candidates.selectors.assessment import application_for_assessment, assessment_view
from candidates.services.assessment import StaleAssessment, assessment_save
from candidates.services.export import pipeline_csv, pipeline_xlsx
from vacancies.access import recruiter_required
from vacancies.models import Vacancy

logger = logging.getLogger(__name__)


def _back_url(request, application) -> str:
    target = request.POST.get("next") or request.GET.get("next") or ""
    if target and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    url = reverse("candidates:candidate_detail", args=[application.candidate_id])
    return f"{url}#assessment-{application.pk}"


@recruiter_required
@require_http_methods(["GET", "POST"])
def assessment_edit(request, pk):
    """Score the application against each requirement of its vacancy, then summarise and
    recommend. Saved all or nothing; on an error the user's input stays in the form."""
    application = application_for_assessment(pk=pk)
    view = assessment_view(application)
    form = AssessmentForm(request.POST or None, view=view)
    status = 200
    stale = None
    if request.method == "POST":
        status = 400
        if form.is_valid():
            try:
                assessment_save(
                    application=application,
                    by=request.user,
                    scores=form.scores(),
                    summary=form.cleaned_data["summary"],
                    career=form.cleaned_data["career"],
                    recommendation=form.cleaned_data["recommendation"],
                    expected_updated_at=form.seen_at(),
                )
            except StaleAssessment as error:
                # Keep what the user typed, show what is stored now; saving again overwrites.
                status = 409
                application = application_for_assessment(pk=pk)
                stale = assessment_view(application)
                data = request.POST.copy()
                data["seen"] = error.assessment.updated_at.isoformat()
                form = AssessmentForm(data, view=stale)
                form.is_valid()
                form.add_error(None, error)
            except ValidationError as error:
                form.add_error(None, error)
            else:
                messages.success(
                    request,
                    _("The assessment of %(name)s is saved.")
                    % {"name": application.candidate.full_name},
                )
                return redirect(_back_url(request, application))
    return render(
        request,
        "candidates/assessment_edit.html",
        {
            "application": application,
            "form": form,
            "stale": stale,
            "score_labels": SCORE_LABELS,
            "back_url": _back_url(request, application),
        },
        status=status,
    )


def _export(request, pk, build, extension, content_type):
    vacancy = get_object_or_404(Vacancy.objects.select_related("client"), pk=pk)
    content, rows, filename = build(vacancy=vacancy)
    # A download of personal data: who, which vacancy, how many rows; never a name.
    logger.info(
        "Pipeline export (%s) of vacancy %s by user %s: %s applications",
        extension,
        vacancy.pk,
        request.user.pk,
        rows,
    )
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = content_disposition_header(True, filename)
    response["X-Content-Type-Options"] = "nosniff"
    return response


@recruiter_required
@require_GET
@never_cache
def pipeline_export_csv(request, pk):
    return _export(request, pk, pipeline_csv, "csv", "text/csv; charset=utf-8")


@recruiter_required
@require_GET
@never_cache
def pipeline_export_xlsx(request, pk):
    return _export(
        request,
        pk,
        pipeline_xlsx,
        "xlsx",
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )


urlpatterns = [
    path("kantoor/sollicitaties/<int:pk>/beoordeling/", assessment_edit, name="assessment_edit"),
    path("kantoor/vacatures/<int:pk>/export.csv", pipeline_export_csv, name="pipeline_export_csv"),
    path(
        "kantoor/vacatures/<int:pk>/export.xlsx", pipeline_export_xlsx, name="pipeline_export_xlsx"
    ),
]
