"""The decision: the committee's nomination of its preferred candidate, the appointment by the
client, and informing everyone else.

Every stage change goes through `application_move`: the nominee becomes the preferred
candidate, the appointment ends the procedure (and waits for the works council's advice while
that step is on), and the remaining candidates are rejected ("stronger candidates") through the
bulk rejection, each with the template that fits them, in their language.
"""

from collections import defaultdict

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from candidates.models import Application, EmailTemplate, Nomination
from candidates.selectors.decision import NOMINABLE_STAGES
from candidates.services.email_templates import email_templates_for, email_texts_check
from candidates.services.rejections import (
    BulkRejectResult,
    applications_reject,
    rejection_kind_default,
)
from candidates.services.stages import application_move
from vacancies.models import Vacancy

Stage = Application.Stage
ENDED = (Vacancy.Status.APPOINTED, Vacancy.Status.CANCELLED)


def nomination_record(
    *, vacancy: Vacancy, application: Application, rationale: str, decided_on, by
) -> Nomination:
    """Record the committee's nomination of `application` with its rationale and the day the
    committee decided, and make it the preferred candidate. A new nomination replaces the
    earlier one, whose candidate (if still preferred) goes back to the committee round; the
    history of stages keeps both."""
    rationale = (rationale or "").strip()
    errors = {}
    if application is None:
        errors["application"] = [_("Choose the preferred candidate.")]
    if not rationale:
        errors["rationale"] = [_("Write down why the committee prefers this candidate.")]
    if decided_on is None:
        errors["decided_on"] = [_("Enter the date.")]
    elif decided_on > timezone.localdate():
        errors["decided_on"] = [_("This date lies in the future.")]
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        locked = Vacancy.objects.select_for_update().get(pk=vacancy.pk)
        if locked.status in ENDED:
            raise ValidationError(
                _("The procedure has ended: the nomination can no longer change."), code="ended"
            )
        nominee = Application.objects.filter(pk=application.pk, vacancy_id=locked.pk).first()
        if nominee is None or nominee.stage not in NOMINABLE_STAGES:
            raise ValidationError(
                {
                    "application": _(
                        "Only a candidate of this vacancy on the shortlist, in the committee "
                        "round or already preferred can be nominated."
                    )
                },
                code="not_nominable",
            )
        previous = Nomination.objects.filter(vacancy=locked).select_related("application").first()
        nomination, _created = Nomination.objects.update_or_create(
            vacancy=locked,
            defaults={
                "application": nominee,
                "rationale": rationale,
                "decided_on": decided_on,
                "recorded_by": by,
            },
        )
        if (
            previous is not None
            and previous.application_id != nominee.pk
            and previous.application.stage == Stage.PREFERRED
        ):
            application_move(
                application=previous.application,
                to_stage=Stage.COMMITTEE,
                by=by,
                reason=gettext("The committee nominated another candidate."),
            )
        if nominee.stage != Stage.PREFERRED:
            application_move(application=nominee, to_stage=Stage.PREFERRED, by=by)
    return nomination


def appointment_record(*, vacancy: Vacancy, by) -> Application:
    """The client appoints the nominated candidate: through `application_move`, which refuses
    while the works council's advice is outstanding and ends the procedure."""
    nomination = (
        Nomination.objects.filter(vacancy_id=vacancy.pk).select_related("application").first()
    )
    if nomination is None:
        raise ValidationError(
            _("Record the committee's nomination before the appointment."), code="no_nomination"
        )
    if nomination.application.stage == Stage.APPOINTED:
        raise ValidationError(
            _("%(name)s has already been appointed.")
            % {"name": nomination.application.candidate.full_name},
            code="appointed",
        )
    return application_move(application=nomination.application, to_stage=Stage.APPOINTED, by=by)


def rejection_kind(application: Application) -> str:
    """The template that fits: after an interview (with the consultant or the committee), or
    after reading the letter. `application.interviewed` comes from remaining_to_inform."""
    return rejection_kind_default(reached_interview=bool(getattr(application, "interviewed", 0)))


def _texts(kind: str, languages) -> dict[str, tuple[str, str]]:
    """The template of `kind` per language (or the fallback email_templates_for gives)."""
    templates = email_templates_for(kind=kind, languages=languages)
    missing = [language for language, template in templates.items() if template is None]
    if missing:
        raise ValidationError(
            _("There is no email template “%(kind)s”. Write it first.")
            % {"kind": EmailTemplate.Kind(kind).label},
            code="no_template",
        )
    return {language: (t.subject, t.body) for language, t in templates.items()}


def remaining_inform(
    *,
    vacancy: Vacancy,
    applications: list[Application],
    by,
    expected_stages: dict[int, str] | None = None,
) -> BulkRejectResult:
    """After the appointment: reject `applications` (from remaining_to_inform) in one step with
    the reason "stronger candidates", each candidate emailed the template that fits them in
    their language. Every text is checked before anything changes; one refusal does not stop
    the others."""
    if not Application.objects.filter(vacancy_id=vacancy.pk, stage=Stage.APPOINTED).exists():
        raise ValidationError(
            _("The remaining candidates are informed after the appointment."),
            code="not_appointed",
        )
    groups: dict[str, list[Application]] = defaultdict(list)
    for application in applications:
        if application.vacancy_id != vacancy.pk:
            raise ValidationError(_("Not an application for this vacancy."), code="other_vacancy")
        groups[rejection_kind(application)].append(application)
    texts = {
        kind: _texts(kind, {a.candidate.language for a in group}) for kind, group in groups.items()
    }
    for by_language in texts.values():
        for subject, body in by_language.values():
            email_texts_check(subject=subject, body=body)
    result = BulkRejectResult()
    reason = gettext("Another candidate has been appointed.")
    for kind, group in groups.items():
        done = applications_reject(
            applications=group,
            by=by,
            rejection_code=Application.RejectionReason.STRONGER,
            reason=reason,
            texts=texts[kind],
            kind=kind,
            expected_stages=expected_stages,
        )
        result.rejected += done.rejected
        result.emails += done.emails
        result.refused += done.refused
    return result
