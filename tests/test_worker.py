"""A real Celery worker, a real Redis broker: the application emails leave through the queue.

Needs Redis (TEST_REDIS_URL, else redis://127.0.0.1:6379/15) and a database that a second process
can open: PostgreSQL (as in CI), not SQLite's in-memory test database.
"""

import os
import subprocess
import sys
import time
import uuid
from urllib.parse import quote

import pytest
from django.conf import settings
from django.db import connection

from candidates.services.notifications import notify_application_received
from mail.models import OutgoingEmail
from tests.candidates.factories import ApplicationFactory, CandidateFactory
from tests.environment import require
from tests.mail.fixtures import celery_configured
from tests.vacancies.factories import PlanningPhaseFactory, VacancyFactory

TIMEOUT = 30  # seconds


def database_url_for_worker() -> str | None:
    """The test database as a DATABASE_URL another process can use, if there is one."""
    db = connection.settings_dict
    if connection.vendor == "postgresql":
        user = quote(db.get("USER") or "", safe="")
        password = quote(db.get("PASSWORD") or "", safe="")
        credentials = f"{user}:{password}@" if password else (f"{user}@" if user else "")
        host = db.get("HOST") or "localhost"
        port = f":{db['PORT']}" if db.get("PORT") else ""
        return f"postgres://{credentials}{host}{port}/{quote(db['NAME'], safe='')}"
    if connection.vendor == "sqlite" and not connection.is_in_memory_db():
        return f"sqlite:///{db['NAME']}"
    return None


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
    env = {
        **os.environ,
        "DATABASE_URL": worker_database_url,
        "CELERY_BROKER_URL": redis_url,
        "CELERY_TASK_DEFAULT_QUEUE": queue,
        "EMAIL_URL": "filemail://",
        "EMAIL_FILE_PATH": str(mail_dir),
        "SECRET_KEY": settings.SECRET_KEY,
        "SITE_URL": settings.SITE_URL,
    }
    command = [
        sys.executable,
        "-m",
        "celery",
        "-A",
        "recruitment",
        "worker",
        "--pool=solo",
        "--loglevel=INFO",
        "--without-gossip",
        "--without-mingle",
        "--without-heartbeat",
        "-Q",
        queue,
        "-n",
        f"{queue}@%h",
    ]
    with log.open("wb") as output:
        process = subprocess.Popen(
            command, cwd=settings.BASE_DIR, env=env, stdout=output, stderr=subprocess.STDOUT
        )
    try:
        with celery_configured(broker_url=redis_url, task_default_queue=queue):
            yield {"mail_dir": mail_dir, "log": log, "process": process}
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=10)
        # The worker's database connections are gone before the test database is flushed.


def wait_for(condition, timeout=TIMEOUT):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.2)
    return False


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
