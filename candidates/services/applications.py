"""Applying for a vacancy."""

import logging

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models.functions import Lower
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _

from candidates.models import Application, Candidate, Document, Note, StageChange
from candidates.selectors import vacancy_contact_email
from candidates.services.documents import document_store, documents_delete_files
from candidates.services.notifications import notify_already_applied, notify_application_received
from candidates.services.search import candidate_reindex
from candidates.services.stages import application_move
from candidates.validators import single_line
from vacancies.models import Vacancy

logger = logging.getLogger(__name__)

SOURCED_APPLIED_REASON = _("Applied through the website after being approached")
DETAILS_TAKEN_OVER = _("Details from the application taken over into the candidate's record:")
DETAILS_KEPT = _("Details from the application not taken over; the record stays as it was:")

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


def _clean(data: dict) -> dict:
    """The person's fields on one line each (the form does this too; this holds for any caller)."""
    return {
        **data,
        **{name: single_line(str(data.get(name) or "")) for name in ("email", *CONTACT_FIELDS)},
    }


def _submitted_details(data: dict) -> dict:
    """What the form said about the person, kept with the application."""
    return {name: str(data.get(name) or "") for name in ("email", *CONTACT_FIELDS)}


def _candidate_get_or_create(*, data: dict) -> Candidate:
    """The candidate with this email (case-insensitive), as the record knows them; or a new one
    made from the form. Anyone can type anyone's email address: an application never changes
    what is known about a person (the submitted details stay with the application)."""
    email = data["email"].strip()
    same_email = Candidate.objects.alias(email_lower=Lower("email")).filter(
        email_lower=email.lower()
    )
    candidate = same_email.first()
    if candidate is not None:
        return candidate
    fields = {name: data.get(name) or "" for name in CONTACT_FIELDS}
    fields["language"] = translation.get_language() or "nl"
    if fields["language"] not in ("nl", "en"):
        fields["language"] = "nl"
    try:
        with transaction.atomic():
            return Candidate.objects.create(email=email, **fields)
    except IntegrityError:
        # Created at the same moment by an application for another vacancy.
        return same_email.get()


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
                consent_talent_pool_at=timezone.now() if data.get("consent_talent_pool") else None,
                submitted_details=_submitted_details(data),
            )
    except IntegrityError as exc:
        raise _already_applied_error(vacancy) from exc
    StageChange.objects.create(
        application=application, from_stage="", to_stage=Application.Stage.APPLIED
    )
    return application


def _sourced_applies(*, application: Application, data: dict) -> Application:
    """Someone the consultant found by search or who was referred (and who has handed in
    nothing yet) applies: the application keeps its history and becomes `applied` when it was
    still `sourced`. Anyone else already applied."""
    if application.source == Application.Source.APPLIED or application.documents.exists():
        raise _already_applied_error(application.vacancy)
    application.privacy_accepted_at = timezone.now()
    application.consent_talent_pool = bool(data.get("consent_talent_pool"))
    application.consent_talent_pool_at = timezone.now() if data.get("consent_talent_pool") else None
    application.submitted_details = _submitted_details(data)
    application.save(
        update_fields=[
            "privacy_accepted_at",
            "consent_talent_pool",
            "consent_talent_pool_at",
            "submitted_details",
        ]
    )
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
    validated PDF uploads. Raises ValidationError with code "closed" or "already_applied"; in
    the latter case nothing is stored and the address gets an email saying so (only its owner
    learns that this person is in the procedure: the public form answers the same either way).
    Files written to storage are deleted again when this transaction rolls back; call it
    outside other atomic blocks (as the view does), since a rollback of an outer block cannot
    be seen here.
    The candidate and the lead consultant are notified after commit.
    """
    data = _clean(data)
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
            candidate_reindex(candidate_id=candidate.pk)
            transaction.on_commit(
                lambda: notify_application_received(application_id=application.pk)
            )
    except ValidationError as error:
        documents_delete_files(names=stored)
        if error.code == "already_applied":
            notify_already_applied(vacancy_id=vacancy.pk, email=data["email"])
        raise
    except BaseException:
        documents_delete_files(names=stored)
        raise
    logger.info(
        "Application %s for vacancy %s received from %s", application.pk, vacancy.pk, ip_address
    )
    return application


def application_details_review(*, application: Application, by, take_over: bool) -> list[str]:
    """The consultant decides on the details submitted with `application` where they differ from
    the candidate's record: take them over (`take_over`) or leave the record as it is. Either way
    it is logged (an internal note on the application, by `by`) and the difference is no longer
    shown. Returns the names of the fields that changed; [] when already reviewed."""
    with transaction.atomic():
        application = (
            Application.objects.select_for_update()
            .select_related("candidate")
            .get(pk=application.pk)
        )
        if application.submitted_details_reviewed_at is not None:
            return []
        differences = application.submitted_differences
        candidate = application.candidate
        changed = []
        if take_over and differences:
            for difference in differences:
                field = Candidate._meta.get_field(difference["field"])
                setattr(candidate, field.name, difference["submitted"][: field.max_length])
                changed.append(field.name)
            candidate.save(update_fields=changed)
            candidate_reindex(candidate_id=candidate.pk)
        application.submitted_details_reviewed_at = timezone.now()
        application.submitted_details_reviewed_by = by
        application.save(
            update_fields=["submitted_details_reviewed_at", "submitted_details_reviewed_by"]
        )
        if differences:
            with translation.override(settings.LANGUAGE_CODE):  # read by the consultants
                heading = str(DETAILS_TAKEN_OVER if take_over else DETAILS_KEPT)
                lines = [
                    f"- {d['label']}: “{d['current']}” → “{d['submitted']}”" for d in differences
                ]
            Note.objects.create(
                candidate=candidate,
                application=application,
                author=by,
                text="\n".join([heading, *lines]),
                visibility=Note.Visibility.INTERNAL,
            )
    logger.info(
        "Submitted details of application %s %s by user %s: %s",
        application.pk,
        "taken over" if take_over else "set aside",
        getattr(by, "pk", None),
        ", ".join(changed) or "-",
    )
    return changed
