"""Sourcing: adding a person found by search to a vacancy; the outreach status of an
application; merging two records of one person."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import path
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from candidates.forms_sourcing import (
    MergeForm,
    OutreachForm,
    SourceApplicationForm,
    SourceCandidateForm,
)
from candidates.models import Application
from candidates.selectors.sourcing import (
    QUERY_MAX_LENGTH,
    application_in_vacancy,
    candidate_duplicates,
    candidate_pick_search,
    candidate_with_applications,
)
from candidates.services.merge import candidate_merge as merge_service
from candidates.services.merge import merge_check
from candidates.services.sourcing import (
    CLOSED_STATUSES,
    application_set_outreach,
    candidate_source,
)
from candidates.validators import single_line
from vacancies.access import recruiter_required
from vacancies.models import Vacancy


def _query(request) -> str:
    return single_line(request.GET.get("q", "")[: QUERY_MAX_LENGTH * 4])[:QUERY_MAX_LENGTH]


def _error_text(error: ValidationError) -> str:
    return " ".join(error.messages)


@recruiter_required
@require_http_methods(["GET", "POST"])
def source_add(request, pk):
    """Add a person to the vacancy's pipeline: a new person (after the possible duplicates have
    been shown), or an existing candidate picked from a search or from the duplicates."""
    vacancy = get_object_or_404(Vacancy.objects.select_related("client"), pk=pk)
    posted = request.method == "POST"
    query = _query(request)
    existing_pk = request.POST.get("existing") if posted else request.GET.get("existing")
    existing = None
    if existing_pk:
        existing = candidate_with_applications(pk=existing_pk)
        if existing is None:
            messages.error(request, _("This candidate no longer exists (merged or erased)."))
    candidate_form = SourceCandidateForm(request.POST if posted and existing is None else None)
    application_form = SourceApplicationForm(request.POST if posted else None)
    duplicates = []
    status = 200
    if posted:
        status = 400
        if existing is not None:
            # Already in this vacancy's pipeline: the page says so where the form would be.
            current = application_in_vacancy(candidate=existing, vacancy_id=vacancy.pk)
            added = current is None and application_form.is_valid()
            if added and (done := _source(request, vacancy, application_form, existing=existing)):
                return done
        elif candidate_form.is_valid() and application_form.is_valid():
            data = candidate_form.cleaned_data
            duplicates = candidate_duplicates(
                first_name=data["first_name"],
                last_name=data["last_name"],
                email=data["email"],
                organisation=data["current_organisation"],
            )
            confirmed = request.POST.get("confirm_new") == "1"
            same_email = any(d.same_email for d in duplicates)
            if not duplicates or (confirmed and not same_email):
                if done := _source(request, vacancy, application_form, data=data):
                    return done
            elif confirmed:
                messages.error(
                    request,
                    _(
                        "A candidate with this email address already exists. Add the existing "
                        "candidate instead."
                    ),
                )
            else:
                status = 200  # the duplicates are shown: a question, not an error
    results = []
    if query and existing is None:
        results = [
            {
                "candidate": candidate,
                "current": application_in_vacancy(candidate=candidate, vacancy_id=vacancy.pk),
            }
            for candidate in candidate_pick_search(query=query)
        ]
    for duplicate in duplicates:
        duplicate.current = application_in_vacancy(
            candidate=duplicate.candidate, vacancy_id=vacancy.pk
        )
    context = {
        "vacancy": vacancy,
        "closed": vacancy.status in CLOSED_STATUSES,
        "query": query,
        "results": results,
        "existing": existing,
        "existing_current": (
            application_in_vacancy(candidate=existing, vacancy_id=vacancy.pk) if existing else None
        ),
        "candidate_form": candidate_form,
        "application_form": application_form,
        "duplicates": duplicates,
        "same_email": any(d.same_email for d in duplicates),
    }
    return render(request, "candidates/source_add.html", context, status=status)


def _source(request, vacancy, application_form, *, existing=None, data=None):
    """Add the person; a redirect when done, None (with the message) when refused."""
    choices = application_form.cleaned_data
    try:
        application = candidate_source(
            vacancy=vacancy,
            by=request.user,
            data=data or {},
            existing=existing,
            stage=choices["stage"],
            outreach=choices["outreach"],
            source=choices["source"],
            note=choices["note"],
        )
    except ValidationError as error:
        # Refused (a race with a colleague, a procedure that ended): the form stays filled in.
        messages.error(request, _error_text(error))
        return None
    messages.success(
        request,
        _("%(name)s has been added to “%(vacancy)s” in stage “%(stage)s”.")
        % {
            "name": application.candidate.full_name,
            "vacancy": vacancy.title,
            "stage": application.get_stage_display(),
        },
    )
    return redirect("candidates:source_add", vacancy.pk)


@recruiter_required
@require_POST
def application_outreach(request, pk):
    """Change the outreach status of an application (from the board card or the candidate
    page). With htmx the form comes back; otherwise the user returns to where they were."""
    application = get_object_or_404(Application.objects.select_related("candidate"), pk=pk)
    form = OutreachForm(request.POST)
    error = ""
    if form.is_valid():
        application = application_set_outreach(
            application=application, by=request.user, outreach=form.cleaned_data["outreach"]
        )
    else:
        error = _("Choose a valid outreach status.")
    next_url = request.POST.get("next", "")
    if request.htmx:
        # htmx swaps only successful responses: the refusal comes back in the form itself.
        return render(
            request,
            "candidates/_outreach_form.html",
            {
                "application": application,
                "outreach_saved": not error,
                "outreach_error": error,
                "outreach_next": next_url,
            },
        )
    if error:
        messages.error(request, error)
    else:
        messages.success(
            request,
            _("Outreach of %(name)s: %(status)s.")
            % {
                "name": application.candidate.full_name,
                "status": application.get_outreach_display() or _("not approached yet"),
            },
        )
    if url_has_allowed_host_and_scheme(
        next_url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return redirect(next_url)
    return redirect("candidates:candidate_detail", application.candidate_id)


@recruiter_required
@require_http_methods(["GET", "POST"])
def candidate_merge(request, pk):
    """Merge another record of the same person into this one: pick it, compare, choose the
    contact details, confirm."""
    candidate = candidate_with_applications(pk=pk)
    if candidate is None:
        raise Http404
    posted = request.method == "POST"
    other_pk = request.POST.get("other") if posted else request.GET.get("other")
    query = _query(request)
    other = None
    refusal = ""
    form = None
    rows = []
    status = 400 if posted else 200
    if other_pk:
        other = candidate_with_applications(pk=other_pk)
        if other is None:
            messages.error(request, _("The other record no longer exists (merged or erased)."))
        else:
            try:
                merge_check(
                    keep=candidate,
                    remove=other,
                    applications=[*candidate.applications.all(), *other.applications.all()],
                )
            except ValidationError as error:
                refusal = _error_text(error)
            comparison = MergeForm(
                request.POST if posted and not refusal else None, keep=candidate, remove=other
            )
            rows = comparison.bound_rows()
            if not refusal:
                form = comparison
                if posted and form.is_valid():
                    try:
                        merge_service(
                            keep=candidate,
                            remove=other,
                            by=request.user,
                            fields_from_remove=form.fields_from_remove(),
                        )
                    except ValidationError as error:
                        messages.error(request, _error_text(error))
                    else:
                        messages.success(
                            request,
                            _("%(removed)s (number %(pk)s) has been merged into this record.")
                            % {"removed": other.full_name, "pk": other.pk},
                        )
                        return redirect("candidates:candidate_detail", candidate.pk)
    elif posted:
        messages.error(request, _("Choose the record to merge with."))
    results = []
    if query and other is None:
        results = candidate_pick_search(query=query, exclude_pk=candidate.pk)
    context = {
        "candidate": candidate,
        "other": other,
        "query": query,
        "results": results,
        "refusal": refusal,
        "form": form,
        "rows": rows,
        "records": [candidate, other] if other else [],
    }
    return render(request, "candidates/merge.html", context, status=status)


urlpatterns = [
    path("kantoor/vacatures/<int:pk>/kandidaat-toevoegen/", source_add, name="source_add"),
    path(
        "kantoor/sollicitaties/<int:pk>/benadering/",
        application_outreach,
        name="application_outreach",
    ),
    path("kantoor/kandidaten/<int:pk>/samenvoegen/", candidate_merge, name="candidate_merge"),
]
