"""The rules of `application_move`, the only writer of an application's stage, and its history;
and on PostgreSQL two moves of one application at the same moment."""

import threading
import time
from datetime import timedelta

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.db import IntegrityError, connection, transaction
from django.utils import timezone

from candidates.models import Application, StageChange
from candidates.services.stages import StaleMove, application_move, applications_move
from tests.accounts.factories import RecruiterFactory
from tests.candidates.factories import ApplicationFactory
from tests.vacancies.factories import VacancyFactory

Stage = Application.Stage

pytestmark = pytest.mark.django_db


def make(stage=Stage.APPLIED, **kwargs):
    if stage == Stage.REJECTED:
        kwargs.setdefault("rejection_code", "profile")
    return ApplicationFactory(stage=stage, **kwargs)


def refused(application, to_stage, **kwargs) -> ValidationError:
    with pytest.raises(ValidationError) as caught:
        application_move(application=application, to_stage=to_stage, **kwargs)
    return caught.value


def stage_of(application) -> str:
    return Application.objects.get(pk=application.pk).stage


# Forward ------------------------------------------------------------------


def test_forward_may_skip_stages_and_is_recorded_with_who_and_when(recruiter):
    application = make(Stage.APPLIED)
    before = timezone.now()

    moved = application_move(application=application, to_stage=Stage.SHORTLIST, by=recruiter)

    assert moved.stage == stage_of(application) == Stage.SHORTLIST
    change = StageChange.objects.get(application=application)
    assert (change.from_stage, change.to_stage, change.changed_by, change.reason) == (
        Stage.APPLIED,
        Stage.SHORTLIST,
        recruiter,
        "",
    )
    assert change.changed_at >= before
    assert moved.stage_changed_at == change.changed_at


def test_every_move_adds_a_history_row_in_order(recruiter):
    application = make(Stage.SOURCED)

    for stage in (Stage.APPLIED, Stage.LONGLIST, Stage.PRESELECTION):
        application_move(application=application, to_stage=stage, by=recruiter)

    assert [
        (c.from_stage, c.to_stage) for c in application.stage_changes.order_by("changed_at", "pk")
    ] == [
        ("sourced", "applied"),
        ("applied", "longlist"),
        ("longlist", "preselection"),
    ]


def test_move_to_the_same_stage_or_an_unknown_stage_is_refused():
    application = make(Stage.LONGLIST)

    assert refused(application, Stage.LONGLIST).code == "invalid_stage"
    assert refused(application, "promoted").code == "invalid_stage"
    assert not StageChange.objects.exists()


def test_at_backdates_the_move():
    application = make(Stage.APPLIED)
    when = timezone.now() - timedelta(days=10)

    moved = application_move(application=application, to_stage=Stage.LONGLIST, at=when)

    assert moved.stage_changed_at == when
    assert application.stage_changes.get().changed_at == when


# Back ---------------------------------------------------------------------


def test_back_needs_a_reason(recruiter):
    application = make(Stage.SHORTLIST)

    error = refused(application, Stage.LONGLIST, by=recruiter)
    assert error.code == "reason_required"
    assert refused(application, Stage.LONGLIST, by=recruiter, reason="   ").code == (
        "reason_required"
    )
    assert stage_of(application) == Stage.SHORTLIST
    assert not StageChange.objects.exists()

    application_move(
        application=application,
        to_stage=Stage.LONGLIST,
        by=recruiter,
        reason="  Per ongeluk naar de shortlist gezet  ",
    )

    change = application.stage_changes.get()
    assert (change.from_stage, change.to_stage, change.reason) == (
        "shortlist",
        "longlist",
        "Per ongeluk naar de shortlist gezet",
    )


def test_reject_needs_a_reason_code_and_text_for_other(recruiter):
    application = make(Stage.PRESELECTION)

    assert refused(application, Stage.REJECTED).code == "reason_required"
    assert refused(application, Stage.REJECTED, rejection_code="nonsense").code == (
        "reason_required"
    )
    assert refused(application, Stage.REJECTED, rejection_code="other").code == "reason_required"

    moved = application_move(
        application=application,
        to_stage=Stage.REJECTED,
        by=recruiter,
        rejection_code="experience",
        reason="Te weinig bestuurlijke ervaring",
    )

    assert (moved.rejection_code, moved.rejection_reason) == (
        "experience",
        "Te weinig bestuurlijke ervaring",
    )
    assert application.stage_changes.get().rejection_code == "experience"


def test_undo_of_a_rejection_with_a_reason_clears_it_and_keeps_the_history(recruiter):
    application = make(Stage.PRESELECTION)
    application_move(
        application=application, to_stage=Stage.REJECTED, by=recruiter, rejection_code="profile"
    )

    assert refused(application, Stage.PRESELECTION, by=recruiter).code == "reason_required"

    undone = application_move(
        application=application,
        to_stage=Stage.PRESELECTION,
        by=recruiter,
        reason="Verkeerde kandidaat afgewezen",
    )

    assert undone.stage == Stage.PRESELECTION
    assert (undone.rejection_code, undone.rejection_reason) == ("", "")
    history = list(application.stage_changes.order_by("changed_at", "pk"))
    assert [(c.from_stage, c.to_stage, c.rejection_code, c.reason) for c in history] == [
        ("preselection", "rejected", "profile", ""),
        ("rejected", "preselection", "", "Verkeerde kandidaat afgewezen"),
    ]


def test_out_of_a_rejection_not_straight_to_appointed_nor_to_another_end():
    application = make(Stage.REJECTED)

    assert refused(application, Stage.APPOINTED, reason="x").code == "invalid_stage"
    assert refused(application, Stage.WITHDRAWN, reason="x").code == "invalid_stage"


# One appointed per vacancy ------------------------------------------------


def test_one_appointed_per_vacancy(recruiter):
    # Without the works council's advice step (tested in tests/candidates/test_decision.py).
    vacancy = VacancyFactory(works_council_advice=False)
    first = make(Stage.PREFERRED, vacancy=vacancy)
    second = make(Stage.PREFERRED, vacancy=vacancy)
    elsewhere = make(Stage.PREFERRED, vacancy=VacancyFactory(works_council_advice=False))

    application_move(application=first, to_stage=Stage.APPOINTED, by=recruiter)

    error = refused(second, Stage.APPOINTED, by=recruiter)
    assert error.code == "one_appointed"
    assert error.messages == ["Voor deze vacature is al een kandidaat benoemd."]
    assert stage_of(second) == Stage.PREFERRED
    # Another vacancy has its own appointment.
    application_move(application=elsewhere, to_stage=Stage.APPOINTED, by=recruiter)
    # Once the first is moved back, the second may be appointed.
    application_move(application=first, to_stage=Stage.PREFERRED, by=recruiter, reason="Afgehaakt")
    application_move(application=second, to_stage=Stage.APPOINTED, by=recruiter)
    assert stage_of(second) == Stage.APPOINTED


def test_the_database_refuses_a_second_appointed_application():
    vacancy = VacancyFactory()
    make(Stage.APPOINTED, vacancy=vacancy)
    second = make(Stage.PREFERRED, vacancy=vacancy)

    with pytest.raises(IntegrityError), transaction.atomic():
        Application.objects.filter(pk=second.pk).update(stage=Stage.APPOINTED)


def test_a_lost_race_for_the_appointment_is_refused_by_the_constraint(monkeypatch):
    """The check before the save cannot see an appointment committed a moment later; the
    constraint can, and the service turns it into the same message."""
    vacancy = VacancyFactory(works_council_advice=False)
    make(Stage.APPOINTED, vacancy=vacancy)
    second = make(Stage.PREFERRED, vacancy=vacancy)
    from django.db.models.query import QuerySet

    monkeypatch.setattr(QuerySet, "exists", lambda self: False)

    error = refused(second, Stage.APPOINTED)
    assert error.code == "one_appointed"
    assert stage_of(second) == Stage.PREFERRED
    assert not StageChange.objects.filter(application=second).exists()


# Withdrawal ---------------------------------------------------------------


def test_withdrawal_by_the_candidate_tells_the_lead_consultant(django_capture_on_commit_callbacks):
    consultant = RecruiterFactory(email="inge@chassesearch.nl")
    application = make(Stage.PRESELECTION, vacancy=VacancyFactory(lead_consultant=consultant))

    with django_capture_on_commit_callbacks(execute=True):
        moved = application_move(application=application, to_stage=Stage.WITHDRAWN)

    assert moved.stage == Stage.WITHDRAWN
    change = application.stage_changes.get()
    assert (change.from_stage, change.to_stage, change.changed_by) == (
        "preselection",
        "withdrawn",
        None,
    )
    assert [m.to for m in mail.outbox] == [["inge@chassesearch.nl"]]


def test_withdrawal_recorded_by_a_consultant_sends_nothing(
    recruiter, django_capture_on_commit_callbacks
):
    application = make(Stage.LONGLIST)

    with django_capture_on_commit_callbacks(execute=True):
        application_move(application=application, to_stage=Stage.WITHDRAWN, by=recruiter)

    assert application.stage_changes.get().changed_by == recruiter
    assert mail.outbox == []


def test_withdrawn_cannot_be_rejected_but_can_be_taken_back_with_a_reason(recruiter):
    application = make(Stage.WITHDRAWN)

    assert refused(application, Stage.REJECTED, rejection_code="profile").code == "invalid_stage"
    assert refused(application, Stage.LONGLIST).code == "reason_required"
    application_move(
        application=application, to_stage=Stage.LONGLIST, by=recruiter, reason="Toch beschikbaar"
    )
    assert stage_of(application) == Stage.LONGLIST


# The stage the user saw ---------------------------------------------------


def test_stale_move_changes_nothing_and_names_who_moved_it(recruiter):
    application = make(Stage.APPLIED)
    colleague = RecruiterFactory(first_name="Petra", last_name="de Vries")
    application_move(application=application, to_stage=Stage.LONGLIST, by=colleague)

    with pytest.raises(StaleMove) as caught:
        application_move(
            application=application,
            to_stage=Stage.PRESELECTION,
            by=recruiter,
            expected_stage=Stage.APPLIED,
        )

    error = caught.value
    assert error.code == "stale"
    assert error.application.stage == Stage.LONGLIST
    assert error.last_change.changed_by == colleague
    assert error.message == (
        "Niet verplaatst: Petra de Vries heeft deze sollicitatie intussen naar “Longlist” "
        "verplaatst."
    )
    assert stage_of(application) == Stage.LONGLIST
    assert application.stage_changes.count() == 1


def test_stale_move_without_a_known_mover():
    application = make(Stage.LONGLIST)

    with pytest.raises(StaleMove) as caught:
        application_move(
            application=application, to_stage=Stage.SHORTLIST, expected_stage=Stage.APPLIED
        )

    assert caught.value.last_change is None
    assert caught.value.message == (
        "Niet verplaatst: deze sollicitatie is intussen naar “Longlist” verplaatst."
    )


def test_bulk_moves_each_on_its_own(recruiter):
    vacancy = VacancyFactory()
    ok = make(Stage.APPLIED, vacancy=vacancy)
    final = make(Stage.WITHDRAWN, vacancy=vacancy)
    stale = make(Stage.LONGLIST, vacancy=vacancy)

    result = applications_move(
        applications=[ok, final, stale],
        to_stage=Stage.PRESELECTION,
        by=recruiter,
        expected_stages={stale.pk: Stage.APPLIED},
    )

    assert [a.pk for a in result.moved] == [ok.pk]
    assert [a.pk for a, _message in result.refused] == [final.pk, stale.pk]
    assert "reden" in result.refused[0][1]
    assert result.refused[1][1].startswith("Niet verplaatst")
    assert stage_of(ok) == Stage.PRESELECTION
    assert stage_of(stale) == Stage.LONGLIST


# Two moves at once (PostgreSQL: real row locks) ---------------------------


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_two_moves_of_one_application_at_once_one_wins_the_other_is_told():
    application = make(Stage.LONGLIST)
    users = [RecruiterFactory(first_name="Anna"), RecruiterFactory(first_name="Bram")]
    start = threading.Barrier(2)
    outcomes = {}

    def move(user, to_stage):
        try:
            start.wait(timeout=10)
            with transaction.atomic():
                application_move(
                    application=Application.objects.get(pk=application.pk),
                    to_stage=to_stage,
                    by=user,
                    expected_stage=Stage.LONGLIST,
                )
                # Hold the row lock a moment, so that the other move has to wait for it.
                time.sleep(0.3)
            outcomes[user.pk] = ("moved", to_stage)
        except StaleMove as error:
            outcomes[user.pk] = ("stale", error)
        finally:
            connection.close()

    threads = [
        threading.Thread(target=move, args=(users[0], Stage.PRESELECTION)),
        threading.Thread(target=move, args=(users[1], Stage.SHORTLIST)),
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)

    assert sorted(kind for kind, _ in outcomes.values()) == ["moved", "stale"]
    [(winner, (_, won_stage))] = [(pk, o) for pk, o in outcomes.items() if o[0] == "moved"]
    [(_, (_, error))] = [(pk, o) for pk, o in outcomes.items() if o[0] == "stale"]
    assert stage_of(application) == won_stage
    assert error.application.stage == won_stage
    assert error.last_change.changed_by_id == winner
    assert StageChange.objects.filter(application=application).count() == 1
