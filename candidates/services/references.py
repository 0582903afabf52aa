"""References: asked only with the candidate's consent, recorded by the consultant.

The consultant asks for consent (an email with the link to the candidate's own page); the
candidate gives or refuses it there, once; only with consent given does the consultant record
referees, with what was asked and answered. The recruiter and the committee's chair read them
(candidates.access.can_view_references). A refusal stands: consent is not asked again here.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from candidates.models import Application, ApplicationEmail, Reference
from mail.services.outbox import email_queue
from vacancies.templatetags.formatting import longdate

CONSENT_EMAIL = "reference_consent_candidate"
ANSWER_EMAIL = "reference_consent_answered_consultant"
EMAIL_KIND = "reference_consent"


def _locked(application: Application) -> Application:
    return (
        Application.objects.select_for_update(of=("self",))
        .select_related("candidate", "vacancy__client", "vacancy__lead_consultant")
        .get(pk=application.pk)
    )


def _check_running(application: Application) -> None:
    if application.stage in Application.EXITS:
        raise ValidationError(
            _("This application is no longer in the procedure (%(stage)s).")
            % {"stage": application.get_stage_display().lower()},
            code="not_running",
        )


def consent_state(application: Application) -> str:
    """ "given", "refused", "asked" (waiting for the answer) or "" (not asked)."""
    if application.reference_consent_given_at:
        return "given"
    if application.reference_consent_refused_at:
        return "refused"
    if application.reference_consent_requested_at:
        return "asked"
    return ""


def _consultant(application: Application):
    vacancy = application.vacancy
    return vacancy.lead_consultant


def reference_consent_request(*, application: Application, by) -> Application:
    """Ask the candidate for consent to check references: recorded now, and an email with the
    link to their own page (added when the email is rendered, never stored). Asked once: not
    again while waiting for the answer, nor after an answer."""
    with transaction.atomic():
        locked = _locked(application)
        _check_running(locked)
        state = consent_state(locked)
        if state == "given":
            raise ValidationError(_("The candidate has already given consent."), code="given")
        if state == "refused":
            raise ValidationError(
                _("The candidate has refused consent; it is not asked again."), code="refused"
            )
        if state == "asked":
            raise ValidationError(
                _("Consent has already been asked; the candidate has not answered yet."),
                code="asked",
            )
        locked.reference_consent_requested_at = timezone.now()
        locked.save(update_fields=["reference_consent_requested_at"])
        candidate, vacancy = locked.candidate, locked.vacancy
        consultant = _consultant(locked) or by
        with translation.override(candidate.language):
            context = {
                "subject": gettext("Consent for references: %(title)s") % {"title": vacancy.title},
                "candidate_name": candidate.full_name,
                "vacancy_title": vacancy.title,
                "client_name": vacancy.client.display_name,
                "search_firm": vacancy.search_firm,
                "consultant_name": (consultant.get_full_name() or consultant.username)
                if consultant
                else "",
                "consultant_email": consultant.email if consultant else "",
                # The link is added when the email is rendered: candidate_link_context.
                "application_id": locked.pk,
            }
        email, created = email_queue(
            key=f"reference-consent:{locked.pk}:candidate",
            to=candidate.email,
            template=CONSENT_EMAIL,
            context=context,
            language=candidate.language,
        )
        if created:
            ApplicationEmail.objects.create(
                application=locked, email=email, kind=EMAIL_KIND, sent_by=by
            )
    return locked


def reference_consent_answer(*, application: Application, given: bool) -> Application:
    """The candidate's answer, from their own page: once, and only when it was asked. The lead
    consultant is told."""
    with transaction.atomic():
        locked = _locked(application)
        state = consent_state(locked)
        if state == "":
            raise ValidationError(_("No consent has been asked of you."), code="not_asked")
        if state in ("given", "refused"):
            raise ValidationError(_("You have already answered this question."), code="answered")
        now = timezone.now()
        if given:
            locked.reference_consent_given_at = now
            locked.save(update_fields=["reference_consent_given_at"])
        else:
            locked.reference_consent_refused_at = now
            locked.save(update_fields=["reference_consent_refused_at"])
        _tell_consultant(locked, given=given)
    return locked


def _tell_consultant(application: Application, *, given: bool) -> None:
    consultant = _consultant(application)
    if consultant is None or not consultant.email:
        return
    with translation.override(consultant.language):
        context = {
            "candidate_name": application.candidate.full_name,
            "vacancy_title": application.vacancy.title,
            "client_name": application.vacancy.client.display_name,
            "given": given,
            "date": longdate(timezone.localdate()),
            "url": settings.SITE_URL + reverse("candidates:references", args=[application.pk]),
        }
    email_queue(
        key=f"reference-consent:{application.pk}:answer",
        to=consultant.email,
        template=ANSWER_EMAIL,
        context=context,
        language=consultant.language,
    )


def reference_record(
    *,
    application: Application,
    referee_name: str,
    referee_relation: str = "",
    referee_contact: str = "",
    questions: str = "",
    answers: str = "",
    by,
) -> Reference:
    """Record a reference check: who, how they know the candidate, how to reach them, what was
    asked and answered. Refused without the candidate's consent."""
    with transaction.atomic():
        locked = _locked(application)
        if consent_state(locked) != "given":
            raise ValidationError(
                _("References are recorded only with the candidate's consent."),
                code="no_consent",
            )
        _check_running(locked)
        referee_name = (referee_name or "").strip()
        if not referee_name:
            raise ValidationError(
                {"referee_name": _("Enter the name of the referee.")}, code="required"
            )
        reference = Reference(
            application=locked,
            referee_name=referee_name,
            referee_relation=(referee_relation or "").strip(),
            referee_contact=(referee_contact or "").strip(),
            questions=(questions or "").strip(),
            answers=(answers or "").strip(),
            recorded_by=by,
        )
        reference.full_clean()
        reference.save()
    return reference
