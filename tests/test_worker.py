"""A real Celery worker, a real Redis broker: the application emails leave through the queue.

Needs Redis (TEST_REDIS_URL, else redis://127.0.0.1:6379/15) and a database that a second process
can open: PostgreSQL (as in CI), not SQLite's in-memory test database.
"""

import uuid

import pytest

from candidates.services.notifications import notify_application_received
from mail.models import OutgoingEmail
from tests.candidates.factories import ApplicationFactory, CandidateFactory
from tests.environment import require
from tests.mail.fixtures import celery_configured
from tests.vacancies.factories import PlanningPhaseFactory, VacancyFactory
from tests.workers import database_url_for_worker, worker_start, worker_stop
from tests.workers import wait_for as _wait_for

TIMEOUT = 30  # seconds


@pytest.fixture
def worker_database_url():
    url = database_url_for_worker()
    require(
        url is not None,
        "needs PostgreSQL (set DATABASE_URL): a worker process cannot open the in-memory "
        "SQLite test database",
    )
    return url


@pytest.fixture
def worker(redis_url, worker_database_url, tmp_path):
    """`celery -A recruitment worker --pool=solo` on its own queue, writing emails to files."""
    queue = f"test-{uuid.uuid4().hex[:12]}"
    mail_dir = tmp_path / "mail"
    mail_dir.mkdir()
    log = tmp_path / "worker.log"
    process = worker_start(
        name="worker",
        queue=queue,
        database_url=worker_database_url,
        broker_url=redis_url,
        mail_dir=mail_dir,
        log=log,
    )
    try:
        with celery_configured(broker_url=redis_url, task_default_queue=queue):
            yield {"mail_dir": mail_dir, "log": log, "process": process}
    finally:
        worker_stop(process)
        # The worker's database connections are gone before the test database is flushed.


def wait_for(condition, timeout=TIMEOUT):
    return _wait_for(condition, timeout)


@pytest.mark.redis
@pytest.mark.django_db(transaction=True)
def test_a_real_worker_sends_the_application_emails(worker):
    vacancy = VacancyFactory(lead_consultant__email="inge@example.org")
    PlanningPhaseFactory(vacancy=vacancy)
    candidate = CandidateFactory(first_name="Anna", last_name="de Vries", email="anna@example.org")
    application = ApplicationFactory(vacancy=vacancy, candidate=candidate)

    # Outside any transaction: queued, committed and handed to Redis at once.
    notify_application_received(application_id=application.pk)

    def all_sent():
        assert worker["process"].poll() is None, worker["log"].read_text()
        return not OutgoingEmail.objects.filter(sent_at__isnull=True).exists()

    sent = wait_for(all_sent)
    assert sent, "the worker did not send the emails in time:\n" + worker["log"].read_text()
    assert OutgoingEmail.objects.count() == 2
    assert OutgoingEmail.objects.filter(attempts=1).count() == 2

    # The file backend writes one file per connection; both messages are in it.
    assert list(worker["mail_dir"].iterdir())
    text = "".join(path.read_text() for path in worker["mail_dir"].iterdir())
    assert "To: anna@example.org" in text
    assert "To: inge@example.org" in text
    assert "Algemeen Directeur" in text
