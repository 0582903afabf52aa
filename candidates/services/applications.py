"""Applying for a vacancy."""

import logging

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models.functions import Lower
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _

from candidates.models import Application, Candidate, Document, StageChange
from candidates.selectors import vacancy_contact_email
from candidates.services.documents import document_store, documents_delete_files
from candidates.services.notifications import notify_application_received
from candidates.services.stages import application_move
from vacancies.models import Vacancy

logger = logging.getLogger(__name__)

SOURCED_APPLIED_REASON = _("Applied through the website after being approached")

CONTACT_FIELDS = (
    "first_name",
    "last_name",
    "phone",
    "current_position",
    "current_organisation",
    "linkedin_url",
)


def _closed_error() -> ValidationError:
    return ValidationError(
        _("Applications for this position are closed; we can no longer accept your application."),
        code="closed",
    )


def _already_applied_error(vacancy: Vacancy) -> ValidationError:
    return ValidationError(
        _(
            "You already applied for this position. For questions about your application, "
            "contact %(email)s."
        ),
        code="already_applied",
        params={"email": vacancy_contact_email(vacancy)},
    )


def _candidate_get_or_create(*, data: dict) -> Candidate:
    """The candidate with this email (case-insensitive), contact fields updated; or a new one."""
    email = data["email"].strip()
    fields = {name: data.get(name) or "" for name in CONTACT_FIELDS}
    fields["language"] = translation.get_language() or "nl"
    if fields["language"] not in ("nl", "en"):
        fields["language"] = "nl"
    same_email = Candidate.objects.alias(email_lower=Lower("email")).filter(
        email_lower=email.lower()
    )
    candidate = same_email.select_for_update().first()
    if candidate is None:
        try:
            with transaction.atomic():
                return Candidate.objects.create(email=email, **fields)
        except IntegrityError:
            # Created at the same moment by an application for another vacancy.
            candidate = same_email.select_for_update().get()
    fields["email"] = email
    for name, value in fields.items():
        setattr(candidate, name, value)
    candidate.save(update_fields=[*fields])
    return candidate


def _application_create(*, candidate: Candidate, vacancy: Vacancy, data: dict) -> Application:
    try:
        with transaction.atomic():
            application = Application.objects.create(
                candidate=candidate,
                vacancy=vacancy,
                stage=Application.Stage.APPLIED,
                source=Application.Source.APPLIED,
                privacy_accepted_at=timezone.now(),
                consent_talent_pool=bool(data.get("consent_talent_pool")),
            )
    except IntegrityError as exc:
        raise _already_applied_error(vacancy) from exc
    StageChange.objects.create(
        application=application, from_stage="", to_stage=Application.Stage.APPLIED
    )
    return application


def _sourced_applies(*, application: Application, data: dict) -> Application:
    """Someone the consultant found by search (and who has handed in nothing yet) applies: the
    application keeps its history and becomes `applied` when it was still `sourced`. Anyone else
    already applied."""
    if application.source != Application.Source.SOURCED or application.documents.exists():
        raise _already_applied_error(application.vacancy)
    application.privacy_accepted_at = timezone.now()
    application.consent_talent_pool = bool(data.get("consent_talent_pool"))
    application.save(update_fields=["privacy_accepted_at", "consent_talent_pool"])
    if application.stage == Application.Stage.SOURCED:
        with translation.override(settings.LANGUAGE_CODE):  # read by the consultants
            reason = str(SOURCED_APPLIED_REASON)
        application = application_move(
            application=application, to_stage=Application.Stage.APPLIED, by=None, reason=reason
        )
    return application


def application_submit(
    *, vacancy: Vacancy, data: dict, motivation, cv, ip_address=None
) -> Application:
    """Create an application with its two documents, in one transaction.

    `data` holds the candidate's fields (email, first_name, last_name, phone, current_position,
    current_organisation, linkedin_url) and `consent_talent_pool`; `motivation` and `cv` are
    validated PDF uploads. Raises ValidationError with code "closed" or "already_applied".
    Files written to storage are deleted again when this transaction rolls back; call it
    outside other atomic blocks (as the view does), since a rollback of an outer block cannot
    be seen here.
    The candidate and the lead consultant are notified after commit.
    """
    stored: list[str] = []
    try:
        with transaction.atomic():
            # No lock on the vacancy, so that a closing-hour rush is not handled one at a time.
            # Two identical submissions at the same moment still make one application: the
            # unique constraints on the candidate's email and on (candidate, vacancy) make the
            # second insert wait for the first transaction and then fail.
            vacancy = Vacancy.objects.get(pk=vacancy.pk)
            if not vacancy.accepts_applications():
                raise _closed_error()
            candidate = _candidate_get_or_create(data=data)
            existing = (
                Application.objects.select_for_update()
                .filter(candidate=candidate, vacancy=vacancy)
                .first()
            )
            if existing is not None:
                application = _sourced_applies(application=existing, data=data)
            else:
                application = _application_create(candidate=candidate, vacancy=vacancy, data=data)
            document_store(
                application=application,
                kind=Document.Kind.MOTIVATION,
                upload=motivation,
                stored=stored,
            )
            document_store(application=application, kind=Document.Kind.CV, upload=cv, stored=stored)
            transaction.on_commit(
                lambda: notify_application_received(application_id=application.pk)
            )
    except BaseException:
        documents_delete_files(names=stored)
        raise
    logger.info(
        "Application %s for vacancy %s received from %s", application.pk, vacancy.pk, ip_address
    )
    return application
