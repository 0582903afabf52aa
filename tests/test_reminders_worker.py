"""Reminders through a real Redis broker and two real Celery worker processes: the sweep enqueued
twice at once sends each reminder exactly once; a worker killed (SIGKILL) in the middle of sending
loses nothing.

Like tests/test_worker.py: needs Redis (TEST_REDIS_URL) and PostgreSQL (the workers open the test
database); skipped elsewhere, failed in CI when missing. The workers run with
tests/reminders_worker/settings.py: emails are written to files (one folder, shared by both), so
what each address received is counted across processes.
"""

import os
import re
import signal
import time
import uuid
from datetime import datetime, timedelta

import pytest
from django.db.models import F
from django.utils import timezone

from candidates.models import Interview, Reminder
from candidates.services.calendar import AMSTERDAM
from candidates.services.reminders import day_start, local_today
from candidates.tasks import reminders_sweep_task
from mail.models import OutgoingEmail
from mail.services.outbox import CLAIM_TIMEOUT, FLUSH_MIN_AGE
from mail.tasks import flush_outbox
from tests.accounts.factories import RecruiterFactory, UserFactory
from tests.candidates.factories import ApplicationFactory, CandidateFactory
from tests.environment import require
from tests.mail.fixtures import celery_configured
from tests.vacancies.factories import CommitteeMemberFactory, VacancyFactory
from tests.workers import database_url_for_worker, worker_start, worker_stop
from tests.workers import wait_for as _wait_for

TIMEOUT = 60  # seconds
CONSULTANTS = 10


def wait_for(condition, timeout=TIMEOUT, interval=0.2):
    return _wait_for(condition, timeout, interval)


@pytest.fixture
def workers(redis_url, tmp_path):
    """A factory of `celery worker --pool=solo` processes on one queue, all writing emails into
    one folder. Every process started is stopped at the end."""
    url = database_url_for_worker()
    require(
        url is not None,
        "needs PostgreSQL (set DATABASE_URL): a worker process cannot open the in-memory "
        "SQLite test database",
    )
    queue = f"test-{uuid.uuid4().hex[:12]}"
    mail_dir = tmp_path / "mail"
    mail_dir.mkdir()
    stall_dir = tmp_path / "stall"
    stall_dir.mkdir()
    started = []

    def start(name: str, **env_extra) -> dict:
        log = tmp_path / f"{name}.log"
        process = worker_start(
            name=name,
            queue=queue,
            database_url=url,
            broker_url=redis_url,
            mail_dir=mail_dir,
            log=log,
            DJANGO_SETTINGS_MODULE="tests.reminders_worker.settings",
            **env_extra,
        )
        worker = {"name": name, "process": process, "log": log}
        started.append(worker)
        return worker

    try:
        with celery_configured(broker_url=redis_url, task_default_queue=queue):
            yield {"start": start, "mail_dir": mail_dir, "stall_dir": stall_dir}
    finally:
        for worker in started:
            worker_stop(worker["process"])


def logs(*workers) -> str:
    return "\n".join(f"--- {w['name']}\n{w['log'].read_text(errors='replace')}" for w in workers)


def ready(*workers) -> bool:
    for worker in workers:
        assert worker["process"].poll() is None, logs(worker)
    return all(" ready." in worker["log"].read_text(errors="replace") for worker in workers)


def received(mail_dir) -> dict[str, int]:
    """How many messages each address received, over every file of every worker."""
    counts: dict[str, int] = {}
    for path in mail_dir.iterdir():
        for address in re.findall(r"^To: (.+)$", path.read_text(errors="replace"), re.M):
            counts[address.strip()] = counts.get(address.strip(), 0) + 1
    return counts


def not_at_midnight():
    """The workers take "today" from the clock: keep the test away from an Amsterdam midnight."""
    now = timezone.now().astimezone(AMSTERDAM)
    if now.hour == 23 and now.minute >= 58:
        time.sleep((60 - now.minute) * 60 - now.second + 5)


def due_reminders() -> set[str]:
    """Reminders due today by the real clock: closing dates in 3 days for CONSULTANTS
    consultants, and an interview tomorrow (the candidate and two members). Their addresses."""
    today = local_today(timezone.now())
    addresses = set()
    for number in range(CONSULTANTS):
        consultant = RecruiterFactory(username=f"c{number}", email=f"c{number}@example.org")
        VacancyFactory(
            lead_consultant=consultant,
            reference=f"sluit-{number}",
            published_on=today - timedelta(days=20),
            closing_date=today + timedelta(days=3),
        )
        addresses.add(consultant.email)
    vacancy = VacancyFactory(
        reference="gesprek",
        status="closed",
        published_on=today - timedelta(days=40),
        closing_date=today - timedelta(days=20),
        lead_consultant=RecruiterFactory(username="lead", email=""),
    )
    candidate = CandidateFactory(email="anna@example.org")
    application = ApplicationFactory(vacancy=vacancy, candidate=candidate, stage="committee")
    application.releases.create()
    members = [
        CommitteeMemberFactory(
            vacancy=vacancy, user=UserFactory(username=name, email=f"{name}@example.org")
        )
        for name in ("marieke", "pieter")
    ]
    starts = datetime.combine(today + timedelta(days=1), datetime.min.time(), tzinfo=AMSTERDAM)
    starts = starts.replace(hour=10)
    interview = Interview.objects.create(
        application=application,
        starts_at=starts,
        ends_at=starts + timedelta(hours=1),
        place="Provinciehuis",
    )
    interview.members.set(members)
    addresses |= {"anna@example.org", "marieke@example.org", "pieter@example.org"}
    assert day_start(today) <= timezone.now()
    return addresses


def reminder_emails():
    return OutgoingEmail.objects.filter(key__startswith="reminder:")


@pytest.mark.redis
@pytest.mark.django_db(transaction=True)
def test_the_sweep_enqueued_twice_at_once_sends_each_reminder_exactly_once(workers):
    not_at_midnight()
    addresses = due_reminders()
    one, two = workers["start"]("one"), workers["start"]("two")
    assert wait_for(lambda: ready(one, two)), logs(one, two)

    # Twice at once: each worker takes one (prefetch 1, acks late) and both sweep together.
    reminders_sweep_task.delay()
    reminders_sweep_task.delay()

    def done():
        ready(one, two)
        sweeps = logs(one, two).count("reminders_sweep_task[")
        sent = reminder_emails().filter(sent_at__isnull=False).count()
        return sweeps >= 4 and sent == len(addresses)  # each sweep logs "received", "succeeded"

    assert wait_for(done), logs(one, two)
    time.sleep(1)  # anything sent twice would be written by now
    assert Reminder.objects.count() == len(addresses)
    assert reminder_emails().count() == len(addresses)
    assert set(reminder_emails().values_list("attempts", flat=True)) == {1}
    assert received(workers["mail_dir"]) == dict.fromkeys(addresses, 1)
    # Both workers swept.
    for worker in (one, two):
        assert "reminders_sweep_task" in worker["log"].read_text(), logs(one, two)


@pytest.mark.redis
@pytest.mark.django_db(transaction=True)
def test_a_worker_killed_while_sending_loses_no_reminder(workers):
    not_at_midnight()
    addresses = due_reminders()
    # The first message any worker sends stalls, so that its worker can be killed mid-send; an
    # unacknowledged task goes back to the queue 10 seconds after its delivery.
    stall = {"STALL_DIR": str(workers["stall_dir"]), "TEST_VISIBILITY_TIMEOUT": "10"}
    one, two = workers["start"]("one", **stall), workers["start"]("two", **stall)
    assert wait_for(lambda: ready(one, two)), logs(one, two)

    reminders_sweep_task.delay()

    def stalled():
        ready(one, two)
        return list(workers["stall_dir"].glob("sending-*"))

    assert wait_for(stalled), logs(one, two)
    (marker,) = stalled()
    pid = int(marker.name.removeprefix("sending-"))
    victim = next(w for w in (one, two) if w["process"].pid == pid)
    survivor = two if victim is one else one
    stalled_address = marker.read_text()
    os.kill(pid, signal.SIGKILL)
    victim["process"].wait(timeout=10)

    # The killed worker claimed the message and never sent it.
    assert wait_for(
        lambda: reminder_emails().filter(sent_at__isnull=False).count() == len(addresses) - 1
    ), logs(one, two)
    lost = reminder_emails().get(sent_at__isnull=True)
    assert lost.to == stalled_address and lost.claimed_at is not None
    assert stalled_address not in received(workers["mail_dir"])

    # Time passes: the claim of the dead worker times out (CLAIM_TIMEOUT). Its task message,
    # never acknowledged, comes back to the surviving worker, and the beat's flush_outbox runs;
    # whichever comes first sends the message, the other finds it sent.
    reminder_emails().filter(pk=lost.pk).update(
        claimed_at=F("claimed_at") - CLAIM_TIMEOUT - timedelta(seconds=1),
        created_at=F("created_at") - FLUSH_MIN_AGE,
    )
    flush_outbox.delay()

    def all_sent():
        assert survivor["process"].poll() is None, logs(one, two)
        return not reminder_emails().filter(sent_at__isnull=True).exists()

    assert wait_for(all_sent), logs(one, two)
    time.sleep(12)  # past the visibility timeout: a redelivered task finds the message sent
    assert received(workers["mail_dir"]) == dict.fromkeys(addresses, 1)
    assert Reminder.objects.count() == len(addresses)
    lost.refresh_from_db()
    assert lost.sent_at is not None and lost.attempts == 2
