"""Moving an application through the stages of its procedure.

`application_move` is the only code that changes `Application.stage`: the board, bulk moves, the
candidate's own withdrawal, an application by someone who was sourced, the demo data and the
committee's decision all call it. The model says what may follow what (`check_move`); this module
makes it so, records it and queues what follows (after the commit).
"""

from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from candidates.models import Application, StageChange
from vacancies.models import Vacancy, WorksCouncilAdvice
from vacancies.services.vacancy import vacancy_set_status


class StaleMove(ValidationError):
    """The application was moved by someone else after the user saw it; nothing was changed.

    `application` is the application as it is now and `last_change` the move that changed it.
    """

    def __init__(self, *, application: Application, last_change: StageChange | None):
        self.application = application
        self.last_change = last_change
        who = last_change.changed_by if last_change and last_change.changed_by else None
        if who is not None:
            message = _(
                "Not moved: %(name)s moved this application to “%(stage)s” in the meantime."
            ) % {"name": who, "stage": application.get_stage_display()}
        else:
            message = _("Not moved: this application was moved to “%(stage)s” in the meantime.") % {
                "stage": application.get_stage_display()
            }
        super().__init__(message, code="stale")


def application_move(
    *,
    application: Application,
    to_stage: str,
    by=None,
    reason: str = "",
    rejection_code: str = "",
    expected_stage: str | None = None,
    at=None,
) -> Application:
    """Move `application` to `to_stage`, recorded as done by the user `by` (None: the candidate
    or the system) with `reason`.

    Takes the row lock, checks the rules (`Application.check_move`), writes the history row and
    the timestamp. `expected_stage` is the stage the user saw: when the application is in
    another stage now, nothing changes and StaleMove (a ValidationError) says who moved it.
    A rejection needs `rejection_code`; moving back needs a reason. A vacancy has one appointed
    application at most, and while its works council step is on, nobody is appointed before the
    works council's advice is recorded; an appointment ends the procedure (the vacancy becomes
    appointed, in the same transaction). `at` backdates the move (the demo data); by default it
    is now. Returns the application as stored.
    """
    reason = reason.strip()
    with transaction.atomic():
        locked = (
            Application.objects.select_for_update(of=("self",))
            .select_related("candidate", "vacancy")
            .get(pk=application.pk)
        )
        if expected_stage is not None and locked.stage != expected_stage:
            raise StaleMove(application=locked, last_change=_last_change(locked))
        locked.check_move(to_stage, reason, rejection_code)
        if to_stage == Application.Stage.APPOINTED and (
            Application.objects.filter(vacancy_id=locked.vacancy_id, stage=to_stage)
            .exclude(pk=locked.pk)
            .exists()
        ):
            raise ValidationError(
                _("This vacancy already has an appointed candidate."), code="one_appointed"
            )
        if to_stage == Application.Stage.APPOINTED:
            _check_works_council(locked.vacancy)
        when = at or timezone.now()
        change = StageChange(
            application=locked,
            from_stage=locked.stage,
            to_stage=to_stage,
            changed_by=by,
            changed_at=when,
            reason=reason,
            rejection_code=rejection_code if to_stage == Application.Stage.REJECTED else "",
        )
        locked.stage = to_stage
        locked.stage_changed_at = when
        if to_stage == Application.Stage.REJECTED:
            locked.rejection_code = rejection_code
            locked.rejection_reason = reason
        else:
            # Undoing a rejection clears it; the history keeps what it was.
            locked.rejection_code = ""
            locked.rejection_reason = ""
        try:
            with transaction.atomic():
                locked.save(
                    update_fields=[
                        "stage",
                        "stage_changed_at",
                        "rejection_code",
                        "rejection_reason",
                    ]
                )
        except IntegrityError as exc:
            # Another application of this vacancy was appointed at the same moment.
            raise ValidationError(
                _("This vacancy already has an appointed candidate."), code="one_appointed"
            ) from exc
        change.save()
        _after_move(application=locked, change=change)
    return locked


def _check_works_council(vacancy: Vacancy) -> None:
    """WOR article 30: while the step is on, the works council's advice comes first."""
    if vacancy.works_council_advice and not (
        WorksCouncilAdvice.objects.filter(vacancy_id=vacancy.pk, received_on__isnull=False).exists()
    ):
        raise ValidationError(
            _(
                "Not appointed: the works council's advice has not been received yet. Record "
                "the advice first, or switch the step off for this vacancy."
            ),
            code="works_council",
        )


def _close_procedure(vacancy: Vacancy) -> Vacancy:
    """After an appointment the vacancy is appointed for good (a published one is closed first);
    its committee's access ends with it."""
    vacancy = Vacancy.objects.select_for_update().get(pk=vacancy.pk)
    if vacancy.status == Vacancy.Status.APPOINTED:
        return vacancy
    if vacancy.status == Vacancy.Status.PUBLISHED:
        vacancy = vacancy_set_status(vacancy=vacancy, status=Vacancy.Status.CLOSED)
    return vacancy_set_status(vacancy=vacancy, status=Vacancy.Status.APPOINTED)


def _after_move(*, application: Application, change: StageChange) -> None:
    """What follows a move; each follow-up queues its work to run after the commit, except the
    end of the procedure after an appointment, which is part of the move's transaction."""
    from candidates.services import interviews, notifications, release

    if change.to_stage == Application.Stage.APPOINTED:
        application.vacancy = _close_procedure(application.vacancy)
    if change.to_stage == Application.Stage.SHORTLIST:
        # On the shortlist the committee sees the application (recorded, idempotent).
        release.application_release(application=application, by=change.changed_by)
    elif change.to_stage == Application.Stage.WITHDRAWN:
        # A candidate who withdrew is no longer shown to the committee.
        release.application_release_withdraw(application=application, by=change.changed_by)
    if change.to_stage in Application.EXITS:
        # Rejected or withdrawn: the interviews still ahead are cancelled, and everyone invited
        # gets the cancellation that removes them from their calendars.
        interviews.interviews_cancel_ahead(application=application, by=change.changed_by)
    if change.to_stage == Application.Stage.WITHDRAWN and change.changed_by is None:
        # The candidate withdrew: the lead consultant is told.
        notifications.notify_application_withdrawn(application_id=application.pk)


def _last_change(application: Application) -> StageChange | None:
    return (
        StageChange.objects.filter(application=application)
        .select_related("changed_by")
        .order_by("-changed_at", "-pk")
        .first()
    )


@dataclass
class BulkMoveResult:
    moved: list[Application] = field(default_factory=list)
    # (application, message) for each application that was not moved.
    refused: list[tuple[Application, str]] = field(default_factory=list)


def applications_move(
    *,
    applications: list[Application],
    to_stage: str,
    by=None,
    reason: str = "",
    rejection_code: str = "",
    expected_stages: dict[int, str] | None = None,
) -> BulkMoveResult:
    """Move each of `applications` on its own (one refusal does not stop the others).

    `expected_stages` maps an application's id to the stage the user saw.
    """
    result = BulkMoveResult()
    expected_stages = expected_stages or {}
    for application in applications:
        try:
            moved = application_move(
                application=application,
                to_stage=to_stage,
                by=by,
                reason=reason,
                rejection_code=rejection_code,
                expected_stage=expected_stages.get(application.pk),
            )
        except ValidationError as error:
            result.refused.append((application, " ".join(error.messages)))
        else:
            result.moved.append(moved)
    return result
