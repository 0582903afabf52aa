"""Reminders: every kind, once, in the recipient's language, at once or in the 08:00 digest; the
days around the changes to and from summer time; a closing date on a public holiday; a failed
send retried and not marked sent; the delivery choice on the account page; the dashboard's
deadlines. Time is moved with time-machine; days are Amsterdam days."""

import importlib
from datetime import date, datetime, timedelta
from smtplib import SMTPException
from zoneinfo import ZoneInfo

import pytest
import time_machine
from celery.exceptions import Retry
from django.apps import apps
from django.core.management import call_command
from django.urls import reverse
from django_celery_beat.models import PeriodicTask
from icalendar import Calendar

from accounts.models import User
from candidates.models import (
    ApplicationEmail,
    ApplicationRelease,
    ConflictOfInterest,
    Interview,
    Nomination,
    Reminder,
    Scorecard,
)
from candidates.services.reminders import (
    digest_send,
    reminders_due,
    reminders_sweep,
)
from candidates.tasks import reminders_sweep_task
from mail.models import OutgoingEmail
from mail.services.outbox import outbox_flush
from tests.accounts.factories import RecruiterFactory, UserFactory
from tests.candidates.factories import ApplicationFactory, CandidateFactory
from tests.vacancies.factories import (
    CommitteeMemberFactory,
    PlanningPhaseFactory,
    VacancyFactory,
)
from vacancies.models import CommitteeInvitation, CommitteeMember, PlanningPhase, Vacancy

pytestmark = pytest.mark.django_db

AMS = ZoneInfo("Europe/Amsterdam")
UTC = ZoneInfo("UTC")
SITE = "http://127.0.0.1:8000"


def at(*args, tz=AMS) -> datetime:
    return datetime(*args, tzinfo=tz)


@pytest.fixture(autouse=True)
def _site(settings):
    settings.SITE_URL = SITE


@pytest.fixture
def sweep(mailoutbox, django_capture_on_commit_callbacks):
    """Run the sweep at a moment, with the on-commit hooks (queue -> send) run; returns the
    messages it sent."""

    def run(moment: datetime):
        before = len(mailoutbox)
        with (
            time_machine.travel(moment, tick=False),
            django_capture_on_commit_callbacks(execute=True),
        ):
            reminders_sweep()
        return mailoutbox[before:]

    return run


@pytest.fixture
def digest(mailoutbox, django_capture_on_commit_callbacks):
    def run(moment: datetime):
        before = len(mailoutbox)
        with (
            time_machine.travel(moment, tick=False),
            django_capture_on_commit_callbacks(execute=True),
        ):
            digest_send()
        return mailoutbox[before:]

    return run


@pytest.fixture
def inge(db):
    return RecruiterFactory(
        username="inge", first_name="Inge", last_name="Diepenhorst", email="inge@example.org"
    )


def vacancy_for(consultant, **fields) -> Vacancy:
    fields.setdefault("closing_date", date(2026, 5, 15))
    fields.setdefault("published_on", date(2026, 4, 1))
    return VacancyFactory(lead_consultant=consultant, **fields)


def to(messages, address):
    return [message for message in messages if message.to == [address]]


def html(message) -> str:
    return message.alternatives[0][0]


# Closing date ---------------------------------------------------------------------------------


def test_closing_date_in_three_days_and_today_to_the_lead_consultant(sweep, inge):
    vacancy = vacancy_for(inge, closing_date=date(2026, 5, 15))  # a Friday
    ApplicationFactory.create_batch(2, vacancy=vacancy)
    VacancyFactory(lead_consultant=inge, closing_date=date(2026, 5, 20), status="draft")

    sent = sweep(at(2026, 5, 12, 0, 5))
    assert [m.to for m in sent] == [["inge@example.org"]]
    message = sent[0]
    assert message.subject == "Sluitingsdatum over 3 dagen: Algemeen Directeur"
    assert "sluit op vrijdag 15 mei 2026" in message.body
    assert "Tot nu toe 2 sollicitaties." in message.body
    assert f"{SITE}/kantoor/vacatures/{vacancy.pk}/" in message.body
    assert f'href="{SITE}/kantoor/vacatures/{vacancy.pk}/"' in html(message)
    assert f"{SITE}/account/" in message.body  # where to choose the digest

    assert sweep(at(2026, 5, 13, 9, 0)) == []
    assert sweep(at(2026, 5, 14, 9, 0)) == []
    sent = sweep(at(2026, 5, 15, 6, 0))
    assert [m.subject for m in sent] == ["Sluitingsdatum vandaag: Algemeen Directeur"]
    assert "sluit vandaag, vrijdag 15 mei 2026, aan het einde van de dag" in sent[0].body


def test_a_closing_date_on_kings_day_is_reminded_on_the_actual_dates(sweep, inge):
    """Rule: reminders keep to the dates as they are, holidays included. Koningsdag 2026 is
    Monday 27 April: 3 days before is Friday 24 April, and "today" is the holiday itself."""
    vacancy_for(inge, closing_date=date(2026, 4, 27), published_on=date(2026, 4, 1))
    assert [m.subject for m in sweep(at(2026, 4, 24, 0, 15))] == [
        "Sluitingsdatum over 3 dagen: Algemeen Directeur"
    ]
    assert sweep(at(2026, 4, 25, 9, 0)) == []
    assert sweep(at(2026, 4, 26, 9, 0)) == []
    sent = sweep(at(2026, 4, 27, 0, 15))
    assert [m.subject for m in sent] == ["Sluitingsdatum vandaag: Algemeen Directeur"]
    assert "maandag 27 april 2026" in sent[0].body


def test_reminders_are_in_the_recipients_language(sweep):
    consultant = RecruiterFactory(username="john", email="john@example.org", language="en")
    vacancy_for(consultant, closing_date=date(2026, 5, 15))
    (message,) = sweep(at(2026, 5, 12, 9, 0))
    assert message.subject == "Closing date in 3 days: Algemeen Directeur"
    assert "close on Friday 15 May 2026" in message.body
    assert "Dear " in message.body


# Planning phases ------------------------------------------------------------------------------


def test_a_phase_that_starts_tomorrow_or_ends_today_goes_to_whoever_is_responsible(sweep, inge):
    vacancy = vacancy_for(inge)
    chair = UserFactory(username="chair", email="chair@example.org")
    CommitteeMemberFactory(vacancy=vacancy, user=chair, role=CommitteeMember.Role.CHAIR)
    CommitteeMemberFactory(vacancy=vacancy, user=UserFactory(email="lid@example.org"))
    R = PlanningPhase.Responsible
    PlanningPhaseFactory(
        vacancy=vacancy,
        activity="Voorselectie",
        responsible=R.SEARCH_FIRM,
        starts_on=date(2026, 6, 2),
        ends_on=date(2026, 6, 12),
    )
    PlanningPhaseFactory(
        vacancy=vacancy,
        kind=PlanningPhase.Kind.COMMITTEE_DISCUSSION,
        activity="Bespreking selectiecommissie",
        responsible=R.COMMITTEE,
        starts_on=date(2026, 6, 2),
        ends_on=date(2026, 6, 2),
    )
    PlanningPhaseFactory(
        vacancy=vacancy,
        kind=PlanningPhase.Kind.APPOINTMENT,
        activity="Formele benoeming",
        responsible=R.CLIENT,
        starts_on=None,
        ends_on=date(2026, 6, 1),
    )
    # Another vacancy's phase on other days, and an ended procedure's phase: nothing.
    PlanningPhaseFactory(starts_on=date(2026, 6, 20), ends_on=date(2026, 6, 25))
    PlanningPhaseFactory(
        vacancy=vacancy_for(inge, status=Vacancy.Status.CANCELLED, reference="gestopt"),
        starts_on=date(2026, 6, 2),
        ends_on=date(2026, 6, 5),
    )

    sent = sweep(at(2026, 6, 1, 0, 15))
    consultant = to(sent, "inge@example.org")
    assert sorted(m.subject for m in consultant) == [
        "Morgen: Voorselectie (Algemeen Directeur)",
        "Vandaag: de laatste dag van Formele benoeming (Algemeen Directeur)",
    ]
    starts = next(m for m in consultant if m.subject.startswith("Morgen"))
    assert "begint morgen, dinsdag 2 juni 2026" in starts.body
    assert "Die loopt tot en met vrijdag 12 juni 2026." in starts.body
    assert "Verantwoordelijk: Searchbureau." in starts.body
    assert f"{SITE}/kantoor/vacatures/{vacancy.pk}/planning/" in starts.body

    (to_chair,) = to(sent, "chair@example.org")
    assert to_chair.subject == "Morgen: Bespreking selectiecommissie (Algemeen Directeur)"
    assert f"{SITE}{reverse('candidates:committee_vacancy', args=[vacancy.pk])}" in to_chair.body
    assert to(sent, "lid@example.org") == []

    # Without a chair, the committee's phase goes to the lead consultant.
    CommitteeMember.objects.filter(user=chair).delete()
    sent = sweep(at(2026, 6, 1, 9, 0))
    assert [m.subject for m in to(sent, "inge@example.org")] == [
        "Morgen: Bespreking selectiecommissie (Algemeen Directeur)"
    ]


def test_an_overdue_phase_is_reminded_the_day_after_and_then_weekly(sweep, inge):
    vacancy = vacancy_for(inge, status=Vacancy.Status.CLOSED)
    PlanningPhaseFactory(
        vacancy=vacancy,
        kind=PlanningPhase.Kind.PRESELECTION,
        activity="Voorselectie",
        starts_on=date(2026, 5, 18),
        ends_on=date(2026, 5, 29),
    )
    nomination = PlanningPhaseFactory(
        vacancy=vacancy,
        kind=PlanningPhase.Kind.NOMINATION,
        activity="Voordracht",
        starts_on=date(2026, 5, 29),
        ends_on=date(2026, 5, 29),
    )
    waiting = ApplicationFactory(vacancy=vacancy)
    shortlisted = ApplicationFactory(vacancy=vacancy, stage="shortlist")
    Nomination.objects.create(vacancy=vacancy, application=shortlisted, rationale="De beste.")
    sweep(at(2026, 5, 29, 0, 5))  # the last day itself: "ends today"

    sent = sweep(at(2026, 5, 30, 0, 5))
    assert [m.subject for m in sent] == ["Achter op schema: Voorselectie (Algemeen Directeur)"]
    assert "eindigde op vrijdag 29 mei 2026, maar 1 sollicitatie wacht nog op de voorselectie" in (
        sent[0].body
    )
    assert sweep(at(2026, 5, 31, 9, 0)) == []
    assert [m.subject for m in sweep(at(2026, 6, 6, 9, 0))] == [
        "Achter op schema: Voorselectie (Algemeen Directeur)"
    ]
    # Once every application had its preselection, nothing is overdue.
    waiting.stage = "longlist"
    waiting.save()
    assert sweep(at(2026, 6, 13, 9, 0)) == []
    assert nomination.pk  # had a nomination: never overdue


# Scores before the committee meeting ----------------------------------------------------------


@pytest.fixture
def committee(inge):
    vacancy = vacancy_for(inge, status=Vacancy.Status.CLOSED)
    PlanningPhaseFactory(
        vacancy=vacancy,
        kind=PlanningPhase.Kind.COMMITTEE_DISCUSSION,
        activity="Bespreking selectiecommissie",
        responsible=PlanningPhase.Responsible.COMMITTEE,
        starts_on=date(2026, 6, 10),
        ends_on=date(2026, 6, 10),
    )

    def seat(username, role=CommitteeMember.Role.MEMBER, **user):
        account = UserFactory(
            username=username,
            first_name=username.title(),
            last_name="Lid",
            email=f"{username}@example.org",
            **user,
        )
        return CommitteeMemberFactory(vacancy=vacancy, user=account, role=role)

    seats = {
        "chair": seat("voorzitter", CommitteeMember.Role.CHAIR),
        "done": seat("klaar"),
        "behind": seat("achter"),
        "conflicted": seat("conflict"),
    }
    applications = ApplicationFactory.create_batch(2, vacancy=vacancy, stage="shortlist")
    for application in applications:
        ApplicationRelease.objects.create(application=application)
    rejected = ApplicationFactory(
        vacancy=vacancy, stage="rejected", rejection_code="profile"
    )  # released, but out of the procedure
    ApplicationRelease.objects.create(application=rejected)
    submitted = at(2026, 6, 1, 12, 0)
    for application in applications:
        Scorecard.objects.create(
            member=seats["done"], application=application, submitted_at=submitted
        )
    Scorecard.objects.create(
        member=seats["behind"], application=applications[0], submitted_at=submitted
    )
    Scorecard.objects.create(member=seats["behind"], application=applications[1])  # a draft
    ConflictOfInterest.objects.create(
        member=seats["conflicted"], application=applications[0], explanation="Oud-collega."
    )
    Scorecard.objects.create(
        member=seats["conflicted"], application=applications[1], submitted_at=submitted
    )
    return vacancy, seats


def test_members_without_scores_two_days_before_the_meeting_and_a_copy_to_the_chair(
    sweep, committee
):
    vacancy, _seats = committee
    assert sweep(at(2026, 6, 7, 9, 0)) == []
    sent = sweep(at(2026, 6, 8, 0, 15))
    assert sorted(m.to[0] for m in sent) == [
        "achter@example.org",
        "voorzitter@example.org",
        "voorzitter@example.org",
    ]
    (behind,) = to(sent, "achter@example.org")
    assert behind.subject == "Graag uw scores vóór de commissievergadering (Algemeen Directeur)"
    assert "vergadert op woensdag 10 juni 2026" in behind.body
    assert "U hebt uw scorekaart voor 1 kandidaat nog niet ingediend." in behind.body
    assert f"{SITE}/commissie/{vacancy.pk}/" in behind.body

    chair_own, chair_copy = sorted(to(sent, "voorzitter@example.org"), key=lambda m: m.subject)
    assert "U hebt uw scorekaarten voor 2 kandidaten nog niet ingediend." in chair_own.body
    assert chair_copy.subject == (
        "Nog ontbrekende scores vóór de commissievergadering (Algemeen Directeur)"
    )
    assert "Achter Lid: 1 kandidaat" in chair_copy.body
    assert "Voorzitter Lid: 2 kandidaten" in chair_copy.body
    assert "Klaar" not in chair_copy.body and "Conflict" not in chair_copy.body
    assert f"{SITE}/commissie/{vacancy.pk}/scores/" in chair_copy.body
    assert sweep(at(2026, 6, 8, 12, 0)) == []


# Interviews -----------------------------------------------------------------------------------


@pytest.fixture
def interview_world(inge):
    vacancy = vacancy_for(inge, status=Vacancy.Status.CLOSED)
    candidate = CandidateFactory(
        first_name="Anna", last_name="de Vries", email="anna@example.org", language="en"
    )
    application = ApplicationFactory(vacancy=vacancy, candidate=candidate, stage="committee")
    ApplicationRelease.objects.create(application=application)
    members = [
        CommitteeMemberFactory(
            vacancy=vacancy,
            user=UserFactory(username=name, first_name=name.title(), email=f"{name}@example.org"),
        )
        for name in ("marieke", "pieter", "thuis")
    ]

    def plan(starts_at, minutes=60, attending=members[:2]):
        interview = Interview.objects.create(
            application=application,
            starts_at=starts_at,
            ends_at=starts_at + timedelta(minutes=minutes),
            place="Provinciehuis Utrecht",
        )
        interview.members.set(attending)
        return interview

    return {"application": application, "members": members, "plan": plan}


def test_an_interview_tomorrow_reminds_the_candidate_and_the_attending_members_with_calendar(
    sweep, interview_world
):
    interview = interview_world["plan"](at(2026, 6, 16, 10, 0))
    interview_world["plan"](at(2026, 6, 17, 10, 0))  # the day after: not yet
    sent = sweep(at(2026, 6, 15, 0, 15))
    assert sorted(m.to[0] for m in sent) == [
        "anna@example.org",
        "marieke@example.org",
        "pieter@example.org",
    ]
    (candidate,) = to(sent, "anna@example.org")
    assert candidate.subject == "Tomorrow: your interview for Algemeen Directeur"
    assert "When: Tuesday 16 June 2026, 10:00 – 11:00" in candidate.body
    assert "Place: Provinciehuis Utrecht" in candidate.body
    assert f"{SITE}/mijn-sollicitatie/" in candidate.body
    (_filename, content, mimetype) = candidate.attachments[0]
    assert mimetype == "text/calendar"
    event = Calendar.from_ical(content).walk("VEVENT")[0]
    assert str(event["uid"]) == interview.uid
    assert event.decoded("dtstart") == at(2026, 6, 16, 10, 0)

    (member,) = to(sent, "marieke@example.org")
    assert member.subject == "Morgen: gesprek met Anna de Vries (Algemeen Directeur)"
    assert "Wanneer: dinsdag 16 juni 2026, 10:00 – 11:00" in member.body
    (members_line,) = [line for line in member.body.splitlines() if "Commissieleden:" in line]
    assert "Marieke" in members_line and "Pieter" in members_line and "Thuis" not in members_line
    assert f"{SITE}/commissie/agenda/" in member.body
    assert Calendar.from_ical(member.attachments[0][1]).walk("VEVENT")[0]["uid"] == interview.uid
    # No private link of the candidate is stored with any email.
    stored = "".join(str(email.context) for email in OutgoingEmail.objects.all())
    assert "/mijn-sollicitatie/" not in stored


def test_interviews_around_the_change_to_summer_time(sweep, interview_world):
    """Summer time starts on Sunday 29 March 2026 (02:00 -> 03:00): that Sunday is 23 hours.
    "Tomorrow" is an Amsterdam day, not a UTC day."""
    plan = interview_world["plan"]
    monday = plan(at(2026, 3, 30, 9, 0))  # 07:00 UTC
    just_after_midnight = plan(at(2026, 3, 30, 0, 30), attending=[])  # Sunday 22:30 UTC

    # Saturday 28 March, 23:30 UTC is already Sunday 00:30 in Amsterdam: Monday is tomorrow.
    sent = sweep(at(2026, 3, 28, 23, 30, tz=UTC))
    assert {m.to[0] for m in sent} == {
        "anna@example.org",
        "marieke@example.org",
        "pieter@example.org",
    }
    assert len(to(sent, "anna@example.org")) == 2
    reminders = Reminder.objects.filter(object_id__in=[monday.pk, just_after_midnight.pk])
    assert {r.due_on for r in reminders} == {date(2026, 3, 29)}
    member = to(sent, "marieke@example.org")[0]
    assert "maandag 30 maart 2026, 09:00 – 10:00" in member.body  # summer time, not 08:00

    # The rest of Sunday (23:30 CEST is 21:30 UTC): nothing twice.
    assert sweep(at(2026, 3, 29, 21, 30, tz=UTC)) == []
    # Monday 00:10 CEST (Sunday 22:10 UTC): the interviews are today, nothing new.
    assert sweep(at(2026, 3, 29, 22, 10, tz=UTC)) == []


def test_no_interview_reminder_the_day_before_the_day_before(sweep, interview_world):
    interview_world["plan"](at(2026, 3, 30, 0, 30))
    # Saturday 28 March 22:30 in Amsterdam (21:30 UTC): the interview is the day after tomorrow,
    # although in UTC it starts on Sunday 29 March 22:30, "tomorrow".
    assert sweep(at(2026, 3, 28, 22, 30)) == []


def test_a_cancelled_interview_or_a_rejected_candidate_is_not_reminded(sweep, interview_world):
    interview = interview_world["plan"](at(2026, 6, 16, 10, 0))
    interview.status = Interview.Status.CANCELLED
    interview.save()
    assert sweep(at(2026, 6, 15, 9, 0)) == []


# First answers and invitations ----------------------------------------------------------------


def test_applications_without_a_first_answer_two_weeks_after_the_closing_date(sweep, inge):
    vacancy = vacancy_for(inge, closing_date=date(2026, 5, 15), status=Vacancy.Status.CLOSED)
    ApplicationFactory(vacancy=vacancy)  # nothing yet
    acknowledged = ApplicationFactory(vacancy=vacancy)
    answered = ApplicationFactory(vacancy=vacancy)
    ApplicationFactory(vacancy=vacancy, stage="longlist")
    for application, kind in ((acknowledged, "acknowledgement"), (answered, "invite_preselection")):
        email = OutgoingEmail.objects.create(
            key=f"x:{application.pk}",
            to="x@example.org",
            template="candidate_message",
            language="nl",
        )
        ApplicationEmail.objects.create(application=application, email=email, kind=kind)

    assert sweep(at(2026, 5, 28, 9, 0)) == []
    sent = sweep(at(2026, 5, 29, 0, 15))
    assert [m.subject for m in sent] == ["Sollicitaties zonder eerste reactie: Algemeen Directeur"]
    assert "2 sollicitaties hebben nog geen eerste reactie gehad." in sent[0].body
    assert "was vrijdag 15 mei 2026, twee weken geleden" in sent[0].body
    assert f"{SITE}/kantoor/vacatures/{vacancy.pk}/kandidaten/" in sent[0].body
    assert sweep(at(2026, 5, 30, 9, 0)) == []


def test_an_invitation_not_accepted_after_three_days_reminds_the_recruiter_who_sent_it(sweep, inge):
    vacancy = vacancy_for(inge)
    colleague = RecruiterFactory(username="bram", email="bram@example.org")

    def invite(email, **fields):
        user = UserFactory(email=email, first_name="Nieuw", last_name="Lid")
        member = CommitteeMemberFactory(vacancy=vacancy, user=user)
        return CommitteeInvitation.objects.create(
            member=member,
            email=email,
            token_hash=CommitteeInvitation.hash_token(email),
            created_at=at(2026, 6, 1, 16, 30),
            created_by=colleague,
            expires_at=at(2026, 6, 8, 16, 30),
            **fields,
        )

    invite("nieuw@example.org")
    invite("klaar@example.org", accepted_at=at(2026, 6, 2, 9, 0))
    invite("vervangen@example.org", replaced_at=at(2026, 6, 2, 9, 0))

    assert sweep(at(2026, 6, 3, 23, 59)) == []
    sent = sweep(at(2026, 6, 4, 0, 0))
    assert [m.to for m in sent] == [["bram@example.org"]]
    assert sent[0].subject == "Uitnodiging niet aangenomen: Nieuw Lid (Algemeen Directeur)"
    assert "Op maandag 1 juni 2026 hebt u Nieuw Lid (nieuw@example.org) uitgenodigd" in sent[0].body
    assert "geldig tot maandag 8 juni 2026" in sent[0].body
    assert f"{SITE}/kantoor/vacatures/{vacancy.pk}/commissie/" in sent[0].body

    # The recruiter who sent it is gone: the lead consultant.
    colleague.is_active = False
    colleague.save()
    Reminder.objects.all().delete()
    assert [m.to for m in sweep(at(2026, 6, 4, 9, 0))] == [["inge@example.org"]]


# Once -----------------------------------------------------------------------------------------


def test_a_sweep_twice_sends_each_reminder_once(sweep, inge, interview_world):
    vacancy_for(inge, closing_date=date(2026, 6, 18), reference="tweede")
    interview_world["plan"](at(2026, 6, 16, 10, 0))
    first = sweep(at(2026, 6, 15, 0, 15))
    assert len(first) == 4
    assert sweep(at(2026, 6, 15, 0, 15)) == []
    assert sweep(at(2026, 6, 15, 17, 45)) == []
    assert Reminder.objects.count() == 4
    assert OutgoingEmail.objects.filter(key__startswith="reminder:").count() == 4
    assert all(r.sent_via_id and r.queued_at for r in Reminder.objects.all())


def test_the_task_runs_the_sweep_and_a_failure_is_retried_with_backoff(inge, monkeypatch):
    vacancy_for(inge, closing_date=date(2026, 5, 15))
    calls = []
    real = reminders_sweep

    def flaky(**kwargs):
        calls.append(kwargs)
        if len(calls) == 1:
            raise ConnectionError("database went away")
        return real(**kwargs)

    monkeypatch.setattr("candidates.services.reminders.reminders_sweep", flaky)
    with time_machine.travel(at(2026, 5, 12, 9, 0), tick=False):
        # In-process (eager) Celery raises the retry it would schedule on a worker.
        with pytest.raises(Retry) as retry:
            reminders_sweep_task.apply()
        assert isinstance(retry.value.exc, ConnectionError)
        assert 0 <= retry.value.when <= 30  # the first backoff step (with jitter)
        assert Reminder.objects.count() == 0
        result = reminders_sweep_task.apply()  # the retry
    assert result.successful() and result.result == 1
    assert Reminder.objects.count() == 1
    task = reminders_sweep_task
    assert task.acks_late and task.reject_on_worker_lost
    assert task.retry_backoff and task.max_retries and Exception in task.autoretry_for


def test_a_failed_send_is_retried_and_not_marked_sent(
    inge, monkeypatch, mailoutbox, django_capture_on_commit_callbacks
):
    vacancy_for(inge, closing_date=date(2026, 5, 15))
    from django.core.mail import EmailMultiAlternatives

    real_send = EmailMultiAlternatives.send

    def refuse(self, *args, **kwargs):
        raise SMTPException("451 try again later")

    monkeypatch.setattr(EmailMultiAlternatives, "send", refuse)
    with (
        time_machine.travel(at(2026, 5, 12, 9, 0), tick=False),
        django_capture_on_commit_callbacks(execute=True),
    ):
        reminders_sweep()
    reminder = Reminder.objects.get()
    email = reminder.sent_via
    assert email.sent_at is None and email.attempts == 1
    assert "451 try again later" in email.last_error
    assert mailoutbox == []

    # Another sweep queues nothing again; the outbox sends it once the server accepts.
    monkeypatch.setattr(EmailMultiAlternatives, "send", real_send)
    with (
        time_machine.travel(at(2026, 5, 12, 9, 15), tick=False),
        django_capture_on_commit_callbacks(execute=True),
    ):
        assert reminders_sweep() == []
        assert outbox_flush() == 1
    email.refresh_from_db()
    assert email.sent_at is not None and email.attempts == 2
    assert [m.to for m in mailoutbox] == [["inge@example.org"]]


# The digest -----------------------------------------------------------------------------------


def test_the_digest_at_eight_holds_the_days_reminders_once(sweep, digest, inge, interview_world):
    inge.reminder_delivery = User.ReminderDelivery.DIGEST
    inge.save()
    marieke = interview_world["members"][0].user
    marieke.reminder_delivery = User.ReminderDelivery.DIGEST
    marieke.save()
    vacancy_for(inge, closing_date=date(2026, 6, 18), reference="sluit")
    vacancy_for(inge, closing_date=date(2026, 6, 15), reference="vandaag")
    interview_world["plan"](at(2026, 6, 16, 10, 0))

    sent = sweep(at(2026, 6, 15, 0, 15))
    # The candidate and the member who wants each reminder at once; the rest waits.
    assert sorted(m.to[0] for m in sent) == ["anna@example.org", "pieter@example.org"]
    assert Reminder.objects.filter(queued_at__isnull=True).count() == 3

    sent = digest(at(2026, 6, 15, 8, 0))
    assert sorted(m.to[0] for m in sent) == ["inge@example.org", "marieke@example.org"]
    (to_inge,) = to(sent, "inge@example.org")
    assert to_inge.subject == "Uw 2 herinneringen voor maandag 15 juni 2026"
    assert "Sluitingsdatum vandaag: Algemeen Directeur" in to_inge.body
    assert "Sluitingsdatum over 3 dagen: Algemeen Directeur" in to_inge.body
    assert f"{SITE}/account/" in to_inge.body
    (to_marieke,) = to(sent, "marieke@example.org")
    assert to_marieke.subject == "Uw herinnering voor maandag 15 juni 2026"
    assert to_marieke.attachments and to_marieke.attachments[0][2] == "text/calendar"

    marked = Reminder.objects.filter(user__username__in=["inge", "marieke"])
    assert {(r.digest_date, r.sent_via.template) for r in marked} == {
        (date(2026, 6, 15), "reminder_digest")
    }
    assert digest(at(2026, 6, 15, 8, 15)) == []
    assert sweep(at(2026, 6, 15, 8, 15)) == []


def test_after_the_digest_an_urgent_reminder_goes_at_once_and_the_rest_waits(
    sweep, digest, inge, interview_world
):
    inge.reminder_delivery = User.ReminderDelivery.DIGEST
    inge.save()
    marieke = interview_world["members"][0].user
    marieke.reminder_delivery = User.ReminderDelivery.DIGEST
    marieke.save()
    assert digest(at(2026, 6, 15, 8, 0)) == []
    # At 10:00 an interview is planned for tomorrow and a vacancy closing in 3 days is published.
    interview_world["plan"](at(2026, 6, 16, 10, 0))
    vacancy_for(inge, closing_date=date(2026, 6, 18), reference="later")
    sent = sweep(at(2026, 6, 15, 10, 0))
    assert "marieke@example.org" in {m.to[0] for m in sent}  # tomorrow's interview: at once
    assert to(sent, "inge@example.org") == []  # in 3 days: tomorrow's digest
    sent = digest(at(2026, 6, 16, 8, 0))
    assert [m.to for m in sent] == [["inge@example.org"]]
    assert "Sluitingsdatum over 3 dagen" in sent[0].body


def test_the_digest_task_runs_at_eight_in_amsterdam_across_the_end_of_summer_time():
    """The beat schedule made by the migration: 08:00 Europe/Amsterdam, which is 06:00 UTC in
    summer and 07:00 UTC in winter (summer time ends on Sunday 25 October 2026)."""
    task = PeriodicTask.objects.get(name="reminders-digest")
    assert task.task == "candidates.tasks.reminders_digest_task"
    assert (task.crontab.hour, task.crontab.minute, str(task.crontab.timezone)) == (
        "8",
        "0",
        "Europe/Amsterdam",
    )
    schedule = task.crontab.schedule
    last_run = at(2026, 10, 24, 8, 0)  # Saturday, summer time: 06:00 UTC
    for moment, due in [
        (at(2026, 10, 25, 6, 0, tz=UTC), False),  # 07:00 in Amsterdam, winter time
        (at(2026, 10, 25, 6, 59, tz=UTC), False),
        (at(2026, 10, 25, 7, 0, tz=UTC), True),  # 08:00 in Amsterdam
    ]:
        with time_machine.travel(moment, tick=False):
            assert schedule.is_due(last_run).is_due is due, moment
    with time_machine.travel(at(2026, 10, 26, 7, 0, tz=UTC), tick=False):
        assert schedule.is_due(at(2026, 10, 25, 8, 0)).is_due

    sweep_task = PeriodicTask.objects.get(name="reminders-sweep")
    assert sweep_task.task == "candidates.tasks.reminders_sweep_task"
    assert (sweep_task.interval.every, sweep_task.interval.period) == (15, "minutes")


def test_the_digest_on_the_day_summer_time_ends_holds_that_days_reminders(digest, sweep, inge):
    inge.reminder_delivery = User.ReminderDelivery.DIGEST
    inge.save()
    vacancy_for(inge, closing_date=date(2026, 10, 28), published_on=date(2026, 10, 1))
    vacancy_for(
        inge, closing_date=date(2026, 10, 29), published_on=date(2026, 10, 1), reference="b"
    )
    # Sunday 25 October, 00:15 CEST (Saturday 22:15 UTC): the 28th is in 3 days.
    assert sweep(at(2026, 10, 24, 22, 15, tz=UTC)) == []
    # 08:00 CET is 07:00 UTC on the 25th.
    sent = digest(at(2026, 10, 25, 7, 0, tz=UTC))
    assert [m.subject for m in sent] == ["Uw herinnering voor zondag 25 oktober 2026"]
    assert "woensdag 28 oktober 2026" in sent[0].body
    # Monday 26 October 00:15 CET (Sunday 23:15 UTC): the 29th; its digest at 07:00 UTC.
    assert sweep(at(2026, 10, 25, 23, 15, tz=UTC)) == []
    sent = digest(at(2026, 10, 26, 7, 0, tz=UTC))
    assert [m.subject for m in sent] == ["Uw herinnering voor maandag 26 oktober 2026"]
    assert "donderdag 29 oktober 2026" in sent[0].body


def test_switching_to_immediate_sends_what_waited_for_the_digest(sweep, inge, client):
    inge.reminder_delivery = User.ReminderDelivery.DIGEST
    inge.save()
    vacancy_for(inge, closing_date=date(2026, 5, 15))
    assert sweep(at(2026, 5, 12, 0, 15)) == []
    client.force_login(inge)
    response = client.post(reverse("accounts:account"), {"reminder_delivery": "immediate"})
    assert response.status_code == 302
    sent = sweep(at(2026, 5, 12, 0, 30))
    assert [m.subject for m in sent] == ["Sluitingsdatum over 3 dagen: Algemeen Directeur"]


# The account page -----------------------------------------------------------------------------


@pytest.mark.parametrize("factory", [RecruiterFactory, UserFactory], ids=["recruiter", "member"])
def test_each_user_chooses_immediate_or_the_daily_digest_on_their_own_page(client, factory):
    user = factory(username="eigen")
    other = UserFactory(username="ander")
    client.force_login(user)
    url = reverse("accounts:account")
    page = client.get(url).content.decode()
    assert "Hoe wilt u herinneringen ontvangen?" in page
    assert 'value="immediate" class="form-check-input"' in page or 'value="immediate"' in page
    assert "Eén dagelijks overzicht om 08:00" in page

    response = client.post(url, {"reminder_delivery": "digest"}, follow=True)
    assert response.redirect_chain == [(url, 302)]
    assert "Uw keuze voor herinneringen is opgeslagen." in response.content.decode()
    user.refresh_from_db()
    other.refresh_from_db()
    assert user.reminder_delivery == "digest"
    assert other.reminder_delivery == "immediate"

    for bad in ({"reminder_delivery": "hourly"}, {}):
        response = client.post(url, bad)
        assert response.status_code == 400
        assert "Kies hoe u herinneringen ontvangt." in response.content.decode()
    user.refresh_from_db()
    assert user.reminder_delivery == "digest"


def test_the_account_page_needs_a_login(client):
    response = client.post(reverse("accounts:account"), {"reminder_delivery": "digest"})
    assert response.status_code == 302
    assert reverse("login") in response["Location"]


# The command and the schedule -----------------------------------------------------------------


def test_send_reminders_runs_the_sweep_once_and_prints_what_it_sent(
    inge, capsys, mailoutbox, django_capture_on_commit_callbacks
):
    vacancy_for(inge, closing_date=date(2026, 5, 15))
    with (
        time_machine.travel(at(2026, 5, 12, 9, 0), tick=False),
        django_capture_on_commit_callbacks(execute=True),
    ):
        call_command("send_reminders", "--dry-run")
        assert Reminder.objects.count() == 0
        dry = capsys.readouterr().out
        assert "2026-05-12  closing_soon" in dry and "inge@example.org" in dry
        call_command("send_reminders")
        out = capsys.readouterr().out
        assert "2026-05-12  closing_soon" in out and "inge@example.org" in out
        assert "1 reminders handled." in out
        call_command("send_reminders")
        assert "0 reminders handled." in capsys.readouterr().out
    assert len(mailoutbox) == 1


def test_the_schedule_migration_can_be_undone_and_redone():
    migration = importlib.import_module("candidates.migrations.0012_reminders")
    migration.schedule_remove(apps, None)
    assert not PeriodicTask.objects.filter(name__startswith="reminders-").exists()
    migration.schedule_create(apps, None)
    migration.schedule_create(apps, None)
    assert PeriodicTask.objects.filter(name__startswith="reminders-").count() == 2


# Query counts ---------------------------------------------------------------------------------


def _not_due(consultant, n):
    for i in range(n):
        vacancy = vacancy_for(consultant, closing_date=date(2026, 7, 1), reference=f"later-{n}-{i}")
        ApplicationFactory.create_batch(2, vacancy=vacancy)
        PlanningPhaseFactory(
            vacancy=vacancy, starts_on=date(2026, 7, 10), ends_on=date(2026, 7, 20)
        )
        CommitteeMemberFactory(vacancy=vacancy)


@pytest.mark.parametrize("not_due", [2, 20])
def test_finding_what_is_due_takes_the_same_queries_however_much_is_not_due(
    inge, django_assert_num_queries, not_due
):
    vacancy_for(inge, closing_date=date(2026, 5, 15))
    _not_due(inge, not_due)
    # One query per kind (8) and one for the recipients.
    with django_assert_num_queries(9):
        due = reminders_due(at(2026, 5, 12, 9, 0))
    assert [spec.kind for spec in due] == ["closing_soon"]


@pytest.mark.parametrize("not_due", [2, 20])
def test_a_sweep_with_nothing_new_takes_the_same_queries(
    inge, django_assert_num_queries, not_due, sweep
):
    vacancy_for(inge, closing_date=date(2026, 5, 15))
    _not_due(inge, not_due)
    sweep(at(2026, 5, 12, 0, 15))
    # Finding (9), the keys that exist (1), the claim: a transaction (here a savepoint and its
    # release) around one select.
    with time_machine.travel(at(2026, 5, 12, 0, 30), tick=False), django_assert_num_queries(13):
        assert reminders_sweep() == []


# The dashboard --------------------------------------------------------------------------------


def test_the_dashboard_shows_every_coming_deadline_per_assignment(client, inge, interview_world):
    vacancy = interview_world["application"].vacancy
    vacancy.closing_date = date(2026, 6, 5)
    vacancy.status = Vacancy.Status.PUBLISHED
    vacancy.save()
    PlanningPhaseFactory(
        vacancy=vacancy,
        activity="Voorselectie",
        starts_on=date(2026, 6, 8),
        ends_on=date(2026, 6, 12),
    )
    PlanningPhaseFactory(
        vacancy=vacancy,
        kind=PlanningPhase.Kind.COMMITTEE_DISCUSSION,
        activity="Bespreking",
        starts_on=date(2026, 6, 17),
        ends_on=date(2026, 6, 17),
    )
    interview_world["plan"](at(2026, 6, 16, 10, 0))
    ApplicationFactory(vacancy=vacancy)  # awaiting a first answer: due 19 June
    other = vacancy_for(RecruiterFactory(username="ander"), reference="niet-van-mij")
    PlanningPhaseFactory(
        vacancy=other, activity="Niet van mij", starts_on=date(2026, 6, 8), ends_on=date(2026, 6, 9)
    )

    client.force_login(inge)
    with time_machine.travel(at(2026, 6, 1, 9, 0), tick=False):
        page = client.get(reverse("candidates:dashboard")).content.decode()
    panel = page[page.index('id="coming-deadlines"') :]
    assert "Deadlines, de komende 30 dagen" in panel
    for text in (
        "Sluitingsdatum",
        "Laatste dag: Voorselectie",
        "Commissievergadering: Bespreking",
        "Gesprek met Anna de Vries",
        "16 juni 2026, 10:00",
        "Eerste reactie aan 1 sollicitant",
    ):
        assert text in panel, text
    assert "Niet van mij" not in panel
    assert panel.index("5 juni 2026") < panel.index("12 juni 2026") < panel.index("16 juni")


def test_the_dashboard_marks_an_overdue_phase_in_words(client, inge):
    vacancy = vacancy_for(inge, status=Vacancy.Status.CLOSED)
    PlanningPhaseFactory(
        vacancy=vacancy,
        activity="Voorselectie",
        starts_on=date(2026, 5, 18),
        ends_on=date(2026, 5, 29),
    )
    ApplicationFactory(vacancy=vacancy)
    client.force_login(inge)
    with time_machine.travel(at(2026, 6, 1, 9, 0), tick=False):
        page = client.get(reverse("candidates:dashboard")).content.decode()
    assert "te laat" in page and "Achter op schema: Voorselectie" in page


@pytest.mark.parametrize("assignments", [1, 10])
def test_the_deadlines_take_the_same_queries_however_many_assignments(
    inge, django_assert_num_queries, assignments
):
    from candidates.selectors.office import coming_deadlines

    for i in range(assignments):
        vacancy = vacancy_for(inge, closing_date=date(2026, 6, 5), reference=f"a-{i}")
        PlanningPhaseFactory(vacancy=vacancy, starts_on=date(2026, 6, 8), ends_on=date(2026, 6, 12))
        ApplicationFactory.create_batch(2, vacancy=vacancy)
    with django_assert_num_queries(4):
        deadlines = coming_deadlines(user=inge, now=at(2026, 6, 1, 9, 0))
    assert len(deadlines.assignments) == assignments


def test_a_reminder_whose_text_fails_is_left_for_the_next_sweep(sweep, inge, monkeypatch, caplog):
    vacancy_for(inge, closing_date=date(2026, 5, 15))
    vacancy_for(inge, closing_date=date(2026, 5, 12), reference="vandaag")
    from candidates.services import reminders

    real = reminders.reminder_message

    def broken(*, kind, context, language):
        if kind == "closing_soon":
            raise KeyError("date")
        return real(kind=kind, context=context, language=language)

    monkeypatch.setattr(reminders, "reminder_message", broken)
    sent = sweep(at(2026, 5, 12, 9, 0))
    assert [m.subject for m in sent] == ["Sluitingsdatum vandaag: Algemeen Directeur"]
    assert "could not be written" in caplog.text
    assert Reminder.objects.filter(queued_at__isnull=True).count() == 1

    monkeypatch.setattr(reminders, "reminder_message", real)
    sent = sweep(at(2026, 5, 12, 9, 15))
    assert [m.subject for m in sent] == ["Sluitingsdatum over 3 dagen: Algemeen Directeur"]


def test_a_missed_digest_does_not_send_yesterdays_today_the_next_morning(sweep, digest, inge):
    inge.reminder_delivery = User.ReminderDelivery.DIGEST
    inge.save()
    vacancy_for(inge, closing_date=date(2026, 6, 15), reference="vandaag")
    vacancy_for(inge, closing_date=date(2026, 6, 18), reference="later")
    assert sweep(at(2026, 6, 15, 0, 15)) == []
    # No digest on the 15th (the beat was down). On the 16th "closes today" is of no use.
    (message,) = digest(at(2026, 6, 16, 8, 0))
    assert "Sluitingsdatum over 3 dagen" in message.body
    assert "Sluitingsdatum vandaag" not in message.body
    assert not Reminder.objects.filter(queued_at__isnull=True).exists()
