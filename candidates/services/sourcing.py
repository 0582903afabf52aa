"""Sourcing: the consultant adds a person found by search (or referred) to a vacancy's pipeline.

No form for the candidate and no files: the consultant enters what they know. The person's
application starts as `sourced` or straight on the longlist; when they later apply through the
website, `application_submit` turns it into `applied` with its history kept.
"""

import logging

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models.functions import Lower
from django.utils.translation import gettext_lazy as _

from candidates.models import Application, Candidate, Note, StageChange
from vacancies.models import Vacancy

logger = logging.getLogger(__name__)

START_STAGES = (Application.Stage.SOURCED, Application.Stage.LONGLIST)
SOURCES = (Application.Source.SOURCED, Application.Source.REFERRED)
CANDIDATE_FIELDS = (
    "first_name",
    "last_name",
    "email",
    "phone",
    "current_position",
    "current_organisation",
    "linkedin_url",
    "language",
)
# A procedure in these statuses takes no new candidates.
CLOSED_STATUSES = (Vacancy.Status.APPOINTED, Vacancy.Status.CANCELLED)


def already_in_pipeline_error(application: Application) -> ValidationError:
    return ValidationError(
        _("%(name)s is already in the pipeline of this vacancy, in stage “%(stage)s”.")
        % {"name": application.candidate.full_name, "stage": application.get_stage_display()},
        code="already_in_pipeline",
    )


def duplicate_email_error() -> ValidationError:
    return ValidationError(
        _(
            "A candidate with this email address already exists. Add the existing candidate "
            "instead."
        ),
        code="duplicate_email",
    )


def candidate_reindex_if_available(*, candidate_id: int) -> None:
    """Refresh the candidate's search text, when the search service is installed."""
    try:
        from candidates.services import search
    except ImportError:
        return
    reindex = getattr(search, "candidate_reindex", None)
    if reindex is not None:
        reindex(candidate_id=candidate_id)


def _check_choices(*, stage: str, outreach: str, source: str) -> None:
    if stage not in START_STAGES:
        raise ValidationError(
            _("A sourced candidate starts in stage “Sourced” or “Longlist”."), code="invalid_stage"
        )
    if source not in SOURCES:
        raise ValidationError(
            _("Choose where the candidate comes from: found by search or referred."),
            code="invalid_source",
        )
    if outreach and outreach not in Application.Outreach.values:
        raise ValidationError(_("Choose a valid outreach status."), code="invalid_outreach")


def _candidate_create(*, data: dict) -> Candidate:
    fields = {name: (data.get(name) or "").strip() for name in CANDIDATE_FIELDS}
    if not fields["first_name"] or not fields["last_name"] or not fields["email"]:
        raise ValidationError(
            _("A new candidate needs a first name, a last name and an email address."),
            code="required",
        )
    if fields["language"] not in dict(settings.LANGUAGES):
        fields["language"] = settings.LANGUAGE_CODE
    exists = (
        Candidate.objects.alias(email_lower=Lower("email"))
        .filter(email_lower=fields["email"].lower())
        .exists()
    )
    if exists:
        raise duplicate_email_error()
    try:
        with transaction.atomic():
            return Candidate.objects.create(**fields)
    except IntegrityError as exc:
        # Created at the same moment by someone else (an application or a colleague).
        raise duplicate_email_error() from exc


def candidate_source(
    *,
    vacancy: Vacancy,
    by,
    data: dict,
    existing: Candidate | None = None,
    stage: str = Application.Stage.SOURCED,
    outreach: str = "",
    source: str = Application.Source.SOURCED,
    note: str = "",
) -> Application:
    """Add a person to `vacancy`'s pipeline: a new candidate from `data` (first_name, last_name,
    email, phone, current_position, current_organisation, linkedin_url, language), or the
    `existing` candidate as they are.

    The application starts in `stage` (sourced or longlist) with `source` (sourced or referred)
    and `outreach`; its history starts with a row by `by`; `note` becomes an internal note on the
    application. One transaction. Raises ValidationError: a procedure that has ended, a choice
    out of range, an email address that is taken (code "duplicate_email"), or a person already
    in this vacancy's pipeline (code "already_in_pipeline", naming the stage).
    """
    _check_choices(stage=stage, outreach=outreach, source=source)
    note = note.strip()
    with transaction.atomic():
        vacancy = Vacancy.objects.get(pk=vacancy.pk)
        if vacancy.status in CLOSED_STATUSES:
            raise ValidationError(
                _("This procedure has ended (%(status)s); no candidates can be added.")
                % {"status": vacancy.get_status_display()},
                code="closed",
            )
        if existing is not None:
            try:
                candidate = Candidate.objects.select_for_update().get(pk=existing.pk)
            except Candidate.DoesNotExist as exc:
                raise ValidationError(
                    _("This candidate no longer exists (merged or erased)."), code="gone"
                ) from exc
            current = (
                Application.objects.filter(candidate=candidate, vacancy=vacancy)
                .select_related("candidate")
                .first()
            )
            if current is not None:
                raise already_in_pipeline_error(current)
        else:
            candidate = _candidate_create(data=data)
        try:
            with transaction.atomic():
                application = Application.objects.create(
                    candidate=candidate,
                    vacancy=vacancy,
                    stage=stage,
                    source=source,
                    outreach=outreach,
                )
        except IntegrityError as exc:
            # Added by a colleague, or applied, at the same moment.
            current = Application.objects.select_related("candidate").get(
                candidate=candidate, vacancy=vacancy
            )
            raise already_in_pipeline_error(current) from exc
        StageChange.objects.create(
            application=application, from_stage="", to_stage=stage, changed_by=by
        )
        if note:
            Note.objects.create(
                candidate=candidate,
                application=application,
                author=by,
                text=note,
                visibility=Note.Visibility.INTERNAL,
            )
        candidate_reindex_if_available(candidate_id=candidate.pk)
    logger.info(
        "Candidate %s sourced for vacancy %s by %s",
        candidate.pk,
        vacancy.pk,
        getattr(by, "pk", None),
    )
    return application


def application_set_outreach(*, application: Application, by, outreach: str) -> Application:
    """Record how the approached person responded (`Application.Outreach`; "" clears it)."""
    if outreach and outreach not in Application.Outreach.values:
        raise ValidationError(_("Choose a valid outreach status."), code="invalid_outreach")
    with transaction.atomic():
        locked = Application.objects.select_for_update().get(pk=application.pk)
        if locked.outreach != outreach:
            locked.outreach = outreach
            locked.save(update_fields=["outreach"])
            logger.info(
                "Outreach of application %s set to %r by %s",
                locked.pk,
                outreach,
                getattr(by, "pk", None),
            )
    return locked
