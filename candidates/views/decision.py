"""References, the nomination, the appointment and informing the others.

The recruiter's pages (back office: `recruiter_required`, then `candidates.access`) and the
candidate's answer about references from their own page (the signed link). Plain forms: each
POST ends in a redirect, or the page again with the errors and everything typed.
"""

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import path
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from candidates import access
from candidates.forms_decision import ConsentAnswerForm, NominationForm, ReferenceForm
from candidates.forms_emails import add_service_errors
from candidates.models import Application, EmailTemplate
from candidates.selectors import decision as selectors
from candidates.services import decision as service
from candidates.services.email_templates import email_render, email_templates_for
from candidates.services.references import (
    consent_state,
    reference_consent_answer,
    reference_consent_request,
    reference_record,
)
from candidates.views.candidate_page import candidate_link
from vacancies.access import recruiter_required
from vacancies.models import Vacancy

LANGUAGE_NAMES = dict(settings.LANGUAGES)


# References (the recruiter) -----------------------------------------------------------------


def _application(pk) -> Application:
    return get_object_or_404(
        Application.objects.select_related("candidate", "vacancy__client"), pk=pk
    )


@recruiter_required
@require_http_methods(["GET", "POST"])
def references(request, pk):
    """The candidate's consent, the button that asks for it, the references recorded and the
    form to record one (only with consent)."""
    application = _application(pk)
    if not access.can_view_references(request.user, application):
        raise Http404
    form = ReferenceForm()
    status = 200
    if request.method == "POST":
        action = request.POST.get("action")
        if action == "ask":
            try:
                reference_consent_request(application=application, by=request.user)
            except ValidationError as error:
                messages.error(request, " ".join(error.messages))
            else:
                messages.success(
                    request,
                    _("Consent is asked: %(name)s gets an email with the link to their page.")
                    % {"name": application.candidate.full_name},
                )
            return redirect("candidates:references", pk=application.pk)
        if action == "record":
            form = ReferenceForm(request.POST)
            status = 400
            if form.is_valid():
                try:
                    reference_record(application=application, by=request.user, **form.cleaned_data)
                except ValidationError as error:
                    add_service_errors(form, error)
                else:
                    messages.success(
                        request,
                        _("The reference of %(name)s is recorded.")
                        % {"name": form.cleaned_data["referee_name"].strip()},
                    )
                    return redirect("candidates:references", pk=application.pk)
        else:
            messages.error(request, _("Nothing was changed."))
            return redirect("candidates:references", pk=application.pk)
    return render(
        request,
        "candidates/references.html",
        {
            "application": application,
            "vacancy": application.vacancy,
            "consent": consent_state(application),
            "references": application.references.select_related("recorded_by"),
            "form": form,
            "running": application.stage not in Application.EXITS,
        },
        status=status,
    )


# References (the candidate) -----------------------------------------------------------------


@require_http_methods(["GET", "POST"])
@candidate_link
def status_references(request, application, signed):
    """The question about references, with what it means; the candidate's answer."""
    if request.method == "POST":
        form = ConsentAnswerForm(request.POST)
        if not form.is_valid():
            messages.error(request, _("Choose whether you give consent or not."))
            return redirect("candidates:status_references", signed)
        given = form.cleaned_data["answer"] == "give"
        try:
            reference_consent_answer(application=application, given=given)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            if given:
                messages.success(request, _("Thank you. You have given consent for references."))
            else:
                messages.success(request, _("You have refused consent for references."))
        return redirect("candidates:status", signed)
    return render(
        request,
        "candidates/status_references.html",
        {
            "application": application,
            "vacancy": application.vacancy,
            "signed": signed,
            "consent": consent_state(application),
            "contact": application.vacancy.lead_consultant,
        },
    )


# The decision -------------------------------------------------------------------------------


def _vacancy(request, pk) -> Vacancy:
    """The decision is the recruiter's: the back office (recruiter_required) asks access too."""
    if not access.can_manage(request.user):
        raise Http404
    return get_object_or_404(Vacancy.objects.select_related("client"), pk=pk)


def _decision_page(request, vacancy, *, form=None, status=200):
    advice = selectors.works_council_advice(vacancy)
    nomination = selectors.decision_nomination(vacancy)
    appointed = selectors.appointed_application(vacancy)
    ended = vacancy.status in access.ENDED
    if form is None:
        initial = {}
        if nomination is not None:
            initial = {
                "application": nomination.application_id,
                "rationale": nomination.rationale,
                "decided_on": nomination.decided_on,
            }
        form = NominationForm(
            initial=initial, applications=selectors.nominable_applications(vacancy)
        )
    waiting_for_advice = vacancy.works_council_advice and not (advice and advice.is_received)
    context = {
        "vacancy": vacancy,
        "advice": advice,
        "waiting_for_advice": waiting_for_advice,
        "conflicts": selectors.decision_conflicts(vacancy),
        "candidates": selectors.decision_candidates(vacancy),
        "nomination": nomination,
        "appointed": appointed,
        "ended": ended,
        "form": form,
        "can_appoint": (
            nomination is not None
            and appointed is None
            and not ended
            and nomination.application.stage == Application.Stage.PREFERRED
        ),
    }
    return render(request, "candidates/decision.html", context, status=status)


@recruiter_required
@require_GET
def decision(request, pk):
    return _decision_page(request, _vacancy(request, pk))


@recruiter_required
@require_POST
def nominate(request, pk):
    vacancy = _vacancy(request, pk)
    form = NominationForm(request.POST, applications=selectors.nominable_applications(vacancy))
    if form.is_valid():
        try:
            nomination = service.nomination_record(
                vacancy=vacancy,
                application=form.cleaned_data["application"],
                rationale=form.cleaned_data["rationale"],
                decided_on=form.cleaned_data["decided_on"],
                by=request.user,
            )
        except ValidationError as error:
            if not hasattr(error, "error_dict"):
                # Not about the input: the procedure ended in the meantime.
                messages.error(request, " ".join(error.messages))
                return redirect("candidates:decision", pk=vacancy.pk)
            add_service_errors(form, error)
        else:
            messages.success(
                request,
                _("The nomination is recorded: %(name)s is the preferred candidate.")
                % {"name": nomination.application.candidate.full_name},
            )
            return redirect("candidates:decision", pk=vacancy.pk)
    return _decision_page(request, vacancy, form=form, status=400)


@recruiter_required
@require_POST
def appoint(request, pk):
    vacancy = _vacancy(request, pk)
    try:
        appointed = service.appointment_record(vacancy=vacancy, by=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect("candidates:decision", pk=vacancy.pk)
    messages.success(
        request,
        _("%(name)s is appointed. The procedure has ended; the committee no longer has access.")
        % {"name": appointed.candidate.full_name},
    )
    return redirect("candidates:inform_remaining", pk=vacancy.pk)


# Informing the others -------------------------------------------------------------------------


def _previews(remaining: list[Application], by) -> list[dict]:
    """One preview per template and language: how the first candidate of that group sees it."""
    groups: dict[tuple[str, str], list[Application]] = {}
    for application in remaining:
        key = (service.rejection_kind(application), application.candidate.language)
        groups.setdefault(key, []).append(application)
    previews = []
    for (kind, language), group in groups.items():
        template = email_templates_for(kind=kind, languages=[language])[language]
        rendered = None
        if template is not None:
            try:
                rendered = email_render(
                    application=group[0],
                    subject=template.subject,
                    body=template.body,
                    kind=kind,
                    by=by,
                )
            except ValidationError:
                rendered = None
        for application in group:
            application.rejection_template = kind
        previews.append(
            {
                "kind": kind,
                "kind_label": EmailTemplate.Kind(kind).label,
                "language": language,
                "language_name": LANGUAGE_NAMES.get(language, language),
                "applications": group,
                "template": template,
                "rendered": rendered,
            }
        )
    return previews


def _report(request, result) -> None:
    count = len(result.rejected)
    if count:
        messages.success(
            request,
            ngettext(
                "%(count)d candidate is informed: rejected, with their own email.",
                "%(count)d candidates are informed: rejected, each with their own email.",
                count,
            )
            % {"count": count},
        )
    for application, reason in result.refused:
        messages.error(
            request,
            _("Not informed: %(name)s. %(reason)s")
            % {"name": application.candidate.full_name, "reason": reason},
        )
    if not count and not result.refused:
        messages.info(request, _("Nobody was left to inform."))


@recruiter_required
@require_http_methods(["GET", "POST"])
def inform_remaining(request, pk):
    """After the appointment: everyone not appointed and not yet rejected or withdrawn, with the
    rejection template that fits them and a preview; one button rejects them all ("stronger
    candidates"), each with their own email in their language."""
    vacancy = _vacancy(request, pk)
    appointed = selectors.appointed_application(vacancy)
    if request.method == "POST":
        if appointed is None:
            messages.error(
                request, _("The remaining candidates are informed after the appointment.")
            )
            return redirect("candidates:decision", pk=vacancy.pk)
        # Only those the user saw, and only if they are still where the user saw them.
        ids = []
        for value in request.POST.getlist("applications")[:1000]:
            if value.isdigit() and int(value) < 2**63:
                ids.append(int(value))
        remaining = selectors.remaining_to_inform(vacancy, ids=ids)
        expected = {
            a.pk: request.POST.get(f"seen_{a.pk}")
            for a in remaining
            if request.POST.get(f"seen_{a.pk}") in Application.Stage.values
        }
        try:
            result = service.remaining_inform(
                vacancy=vacancy, applications=remaining, by=request.user, expected_stages=expected
            )
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            _report(request, result)
        return redirect("candidates:inform_remaining", pk=vacancy.pk)
    remaining = selectors.remaining_to_inform(vacancy) if appointed else []
    return render(
        request,
        "candidates/inform_remaining.html",
        {
            "vacancy": vacancy,
            "appointed": appointed,
            "remaining": remaining,
            "previews": _previews(remaining, request.user),
        },
    )


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
