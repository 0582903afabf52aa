"""Real Celery worker processes for the tests that need one (tests/test_worker.py,
tests/test_reminders_worker.py): the test database as a URL another process can open, a worker
started on its own queue with emails written to files, stopped at the end, and a wait."""

import os
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import quote

from django.conf import settings
from django.db import connection


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


def worker_start(
    *,
    name: str,
    queue: str,
    database_url: str,
    broker_url: str,
    mail_dir: Path,
    log: Path,
    **env_extra: str,
) -> subprocess.Popen:
    """`celery -A recruitment worker --pool=solo` on `queue`, its output in `log`, every email
    it sends written as a file into `mail_dir`. `env_extra` adds or overrides settings."""
    env = {
        **os.environ,
        "DATABASE_URL": database_url,
        "CELERY_BROKER_URL": broker_url,
        "CELERY_TASK_DEFAULT_QUEUE": queue,
        "EMAIL_URL": "filemail://",
        "EMAIL_FILE_PATH": str(mail_dir),
        "SECRET_KEY": settings.SECRET_KEY,
        "SITE_URL": settings.SITE_URL,
        **env_extra,
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
        f"{name}-{queue}@%h",
    ]
    with log.open("wb") as output:
        return subprocess.Popen(
            command, cwd=settings.BASE_DIR, env=env, stdout=output, stderr=subprocess.STDOUT
        )


def worker_stop(process: subprocess.Popen) -> None:
    """Terminate, or kill when it does not stop within 10 seconds."""
    if process.poll() is None:
        process.terminate()
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait(timeout=10)


def wait_for(condition, timeout: float, interval: float = 0.2) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(interval)
    return False
