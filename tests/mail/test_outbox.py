import threading
from datetime import timedelta

import pytest
import time_machine
from django.conf import settings
from django.db import connection
from django.utils import timezone

from mail.models import OutgoingEmail
from mail.services.outbox import (
    CLAIM_TIMEOUT,
    email_enqueue,
    email_queue,
    email_send,
    outbox_flush,
    retry_delay,
)
from mail.tasks import flush_outbox, send_email
from recruitment.celery import app as celery_app
from recruitment.lib.emails import make_message
from tests.mail.fixtures import broker_down_fixture  # noqa: F401

pytestmark = pytest.mark.django_db

CONTEXT = {
    "candidate_name": "Anna de Vries",
    "candidate_email": "anna@example.org",
    "current_position": "Directeur",
    "current_organisation": "Provincie Utrecht",
    "vacancy_title": "Algemeen Directeur",
    "client_name": "Interprovinciaal Overleg",
    "date": "dinsdag 5 mei 2026",
    "url": "http://testserver/kantoor/kandidaten/1/",
}


def queue(key="test:1", **overrides):
    fields = {
        "key": key,
        "to": "consultant@example.org",
        "template": "application_received_consultant",
        "context": CONTEXT,
        "language": "nl",
        **overrides,
    }
    return email_queue(**fields)


def test_message_is_rendered_from_named_templates_in_the_recipients_language():
    message = make_message(
        name="application_received_consultant",
        to="consultant@example.org",
        context=CONTEXT,
        language="en",
    )
    assert message.to == ["consultant@example.org"]
    assert "\n" not in message.subject
    assert "Anna de Vries" in message.subject
    assert "Algemeen Directeur" in message.body
    assert "http://testserver/kantoor/kandidaten/1/" in message.body
    html, mimetype = message.alternatives[0]
    assert mimetype == "text/html"
    assert 'href="http://testserver/kantoor/kandidaten/1/"' in html


def test_plain_text_body_is_not_html_escaped():
    message = make_message(
        name="application_received_consultant",
        to="c@example.org",
        context={**CONTEXT, "client_name": "Bureau & Co <Noord>"},
        language="nl",
    )
    assert "Bureau & Co <Noord>" in message.body
    assert "Bureau &amp; Co &lt;Noord&gt;" in message.alternatives[0][0]


def test_queueing_twice_keeps_one_message_and_sends_it_once(
    mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        first, created_first = queue()
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        second, created_second = queue()

    assert created_first and not created_second
    assert first.pk == second.pk
    assert callbacks == []  # nothing enqueued the second time
    assert OutgoingEmail.objects.count() == 1
    assert len(mailoutbox) == 1
    first.refresh_from_db()
    assert first.sent_at is not None
    assert first.attempts == 1


def test_sending_a_sent_message_again_does_nothing(mailoutbox):
    email, _ = queue()
    assert email_send(email_id=email.pk) is True
    assert email_send(email_id=email.pk) is False
    send_email.delay(email.pk)
    assert len(mailoutbox) == 1


def test_a_message_claimed_by_another_worker_is_not_sent(mailoutbox):
    email, _ = queue()
    OutgoingEmail.objects.filter(pk=email.pk).update(claimed_at=timezone.now())
    assert email_send(email_id=email.pk) is False
    assert mailoutbox == []
    email.refresh_from_db()
    assert email.sent_at is None


def test_a_claim_of_a_worker_that_died_expires(mailoutbox):
    email, _ = queue()
    OutgoingEmail.objects.filter(pk=email.pk).update(
        claimed_at=timezone.now() - CLAIM_TIMEOUT - timedelta(seconds=1)
    )
    assert email_send(email_id=email.pk) is True
    assert len(mailoutbox) == 1


def test_flush_sends_only_messages_older_than_a_minute_and_only_once(mailoutbox):
    old, _ = queue("test:old")
    OutgoingEmail.objects.filter(pk=old.pk).update(created_at=timezone.now() - timedelta(minutes=2))
    fresh, _ = queue("test:fresh")

    assert flush_outbox.delay().get() == 1
    assert flush_outbox.delay().get() == 0
    assert [m.subject for m in mailoutbox] == [mailoutbox[0].subject]
    old.refresh_from_db()
    fresh.refresh_from_db()
    assert old.sent_at is not None
    assert fresh.sent_at is None


def test_a_failed_send_is_recorded_and_retried_by_the_flush(mailoutbox, settings):
    email, _ = queue(template="no_such_template")
    assert email_send(email_id=email.pk) is False
    email.refresh_from_db()
    assert email.sent_at is None
    assert email.claimed_at is None
    assert email.attempts == 1
    assert "TemplateDoesNotExist" in email.last_error

    OutgoingEmail.objects.filter(pk=email.pk).update(template="application_received_consultant")
    with time_machine.travel(timezone.now() + timedelta(minutes=2)):
        assert flush_outbox() == 1
    email.refresh_from_db()
    assert email.sent_at is not None
    assert email.last_error == ""
    assert email.attempts == 2
    assert len(mailoutbox) == 1


def test_failed_sends_wait_longer_each_time_and_are_not_marked_sent(mailoutbox):
    """Backoff: 1, 2, 4... minutes after each failure, at most an hour; never sent by a failure."""
    email, _ = queue(template="no_such_template")
    start = timezone.now()
    with time_machine.travel(start, tick=False):
        assert email_send(email_id=email.pk) is False
    waits = []
    moment = start
    for _attempt in range(4):
        email.refresh_from_db()
        assert email.sent_at is None
        wait = email.next_attempt_at - moment
        waits.append(round(wait.total_seconds() / 60))
        # Not before its time...
        with time_machine.travel(email.next_attempt_at - timedelta(seconds=5), tick=False):
            assert outbox_flush(min_age=timedelta(0)) == 0
        # ...then tried again (and failing again).
        moment = email.next_attempt_at + timedelta(seconds=1)
        with time_machine.travel(moment, tick=False):
            assert outbox_flush(min_age=timedelta(0)) == 0
        email.refresh_from_db()
        assert email.attempts == _attempt + 2
    assert waits == [1, 2, 4, 8]
    assert retry_delay(30) == timedelta(hours=1)
    assert mailoutbox == []


def test_flush_outbox_runs_every_minute_on_beat():
    entries = [e for e in settings.CELERY_BEAT_SCHEDULE.values() if e["task"] == flush_outbox.name]
    assert entries and entries[0]["schedule"] == 60.0
    assert flush_outbox.name in celery_app.tasks


@pytest.mark.usefixtures("broker_down")
def test_enqueue_with_the_broker_down_logs_and_leaves_the_message_unsent(mailoutbox, caplog):
    email, _ = queue()
    assert email_enqueue(email_id=email.pk) is False
    assert "flush_outbox will send it" in caplog.text
    email.refresh_from_db()
    assert email.sent_at is None
    assert mailoutbox == []


def _run_in_threads(count, target):
    barrier = threading.Barrier(count)
    results = []

    def worker():
        try:
            barrier.wait()
            results.append(target())
        finally:
            connection.close()

    threads = [threading.Thread(target=worker) for _ in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(30)
    return results


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_two_workers_claiming_at_the_same_moment_send_once(mailoutbox):
    # Created directly: queue() would send it at once, on commit.
    email = OutgoingEmail.objects.create(
        key="test:race",
        to="consultant@example.org",
        template="application_received_consultant",
        context=CONTEXT,
        language="nl",
    )
    results = _run_in_threads(4, lambda: email_send(email_id=email.pk))
    assert sorted(results) == [False, False, False, True]
    assert len(mailoutbox) == 1
    email.refresh_from_db()
    assert email.sent_at is not None
    assert email.attempts == 1
