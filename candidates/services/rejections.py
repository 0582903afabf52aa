"""Rejecting applications, with an email to each candidate written from a template.

The move itself goes through `application_move` (the one writer of a stage); the email is queued
in the outbox in the same transaction, so it is sent (through Celery, after the commit) exactly
when the rejection is stored, and never for a rejection that was refused.
"""

from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from candidates.models import Application, ApplicationEmail, EmailTemplate, StageChange
from candidates.services.email_templates import (
    REJECTION_KINDS,
    application_email_queue,
    application_for_email,
    email_texts_check,
)
from candidates.services.stages import application_move

# Stages from which a rejection follows an interview with the consultant.
INTERVIEWED = frozenset(Application.FORWARD[Application.FORWARD.index("preselection") :])


def rejection_kind_default(*, reached_interview: bool) -> str:
    """The template that fits: after an interview, or after reading the letter."""
    if reached_interview:
        return EmailTemplate.Kind.REJECT_AFTER_INTERVIEW
    return EmailTemplate.Kind.REJECT_AFTER_LETTER


def application_reject(
    *,
    application: Application,
    by,
    rejection_code: str,
    reason: str,
    subject: str = "",
    body: str = "",
    send_email: bool = True,
    kind: str = "",
    expected_stage: str | None = None,
) -> tuple[Application, ApplicationEmail | None]:
    """Reject `application` with a reason (one of Application.RejectionReason, plus text) and,
    unless `send_email` is False, email the candidate `subject` and `body` (template texts,
    rendered for them in their language). Everything happens in one transaction: a refused move
    or a refused text changes nothing and sends nothing (ValidationError).

    Returns the application as stored and the ApplicationEmail (None without an email)."""
    kind = kind if kind in EmailTemplate.Kind.values else ""
    if send_email:
        email_texts_check(subject=subject, body=body)
    with transaction.atomic():
        moved = application_move(
            application=application,
            to_stage=Application.Stage.REJECTED,
            by=by,
            reason=reason,
            rejection_code=rejection_code,
            expected_stage=expected_stage,
        )
        if not send_email:
            return moved, None
        change = (
            StageChange.objects.filter(application=moved, to_stage=Application.Stage.REJECTED)
            .order_by("-pk")
            .only("pk")
            .first()
        )
        sent = application_email_queue(
            application=application_for_email(moved.pk),
            by=by,
            key=f"rejection:{moved.pk}:{change.pk}",
            kind=kind or REJECTION_KINDS[0],
            subject=subject,
            body=body,
        )
    return moved, sent


@dataclass
class BulkRejectResult:
    rejected: list[Application] = field(default_factory=list)
    emails: list[ApplicationEmail] = field(default_factory=list)
    # (application, message) for each application that was not rejected.
    refused: list[tuple[Application, str]] = field(default_factory=list)


def applications_reject(
    *,
    applications: list[Application],
    by,
    rejection_code: str,
    reason: str,
    texts: dict[str, tuple[str, str]] | None = None,
    send_email: bool = True,
    kind: str = "",
    expected_stages: dict[int, str] | None = None,
) -> BulkRejectResult:
    """Reject each of `applications` on its own, each candidate with their own email: `texts`
    maps a language to the (subject, body) template texts for the candidates in that language.
    One refusal does not stop the others."""
    texts = texts or {}
    expected_stages = expected_stages or {}
    result = BulkRejectResult()
    if send_email:
        # A text that cannot be sent stops everything before anything changes.
        for subject, body in texts.values():
            email_texts_check(subject=subject, body=body)
    for application in applications:
        language = application.candidate.language
        subject, body = texts.get(language) or next(iter(texts.values()), ("", ""))
        try:
            if send_email and language not in texts:
                raise ValidationError(
                    _("No email text in the candidate's language."), code="no_text"
                )
            moved, sent = application_reject(
                application=application,
                by=by,
                rejection_code=rejection_code,
                reason=reason,
                subject=subject,
                body=body,
                send_email=send_email,
                kind=kind,
                expected_stage=expected_stages.get(application.pk),
            )
        except ValidationError as error:
            result.refused.append((application, " ".join(error.messages)))
        else:
            result.rejected.append(moved)
            if sent is not None:
                result.emails.append(sent)
    return result
