"""Settings read from the environment: strict in production, safe defaults locally.

Each case runs in a fresh interpreter with a clean environment, because settings are read once
per process. Variables set here win over the developer's .env (read without overwriting).
"""

import os
import secrets
import subprocess
import sys
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent


def run(args, tmp_path, **env):
    clean = {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "HOME": str(tmp_path),
        "DATA_DIR": str(tmp_path / "data"),
        "DJANGO_SETTINGS_MODULE": "recruitment.settings",
        **env,
    }
    return subprocess.run(
        [sys.executable, *args],
        cwd=BASE_DIR,
        env=clean,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def production_env():
    return {
        "DEBUG": "0",
        "SECRET_KEY": secrets.token_urlsafe(64),
        "ALLOWED_HOSTS": "werving.example.nl",
    }


def test_missing_secret_key_stops_start_up_when_debug_is_off(tmp_path):
    result = run(
        ["-c", "from django.conf import settings; settings.SECRET_KEY"],
        tmp_path,
        DEBUG="0",
        SECRET_KEY="",
    )

    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr
    assert "SECRET_KEY" in result.stderr


def test_debug_without_secret_key_starts_with_a_local_key(tmp_path):
    result = run(
        ["-c", "from django.conf import settings as s; print(s.DEBUG, bool(s.SECRET_KEY))"],
        tmp_path,
        DEBUG="1",
        SECRET_KEY="",
    )

    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["True", "True"]


def test_check_deploy_is_clean_for_the_production_configuration(tmp_path):
    result = run(
        ["manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        tmp_path,
        **production_env(),
    )

    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout


def test_check_deploy_warns_when_production_is_weakened(tmp_path):
    # Proves the check above can fail: switching HSTS off is reported.
    result = run(
        ["manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        tmp_path,
        **production_env(),
        SECURE_HSTS_SECONDS="0",
    )

    assert result.returncode != 0
    assert "security.W004" in result.stdout + result.stderr


def test_without_database_url_the_database_is_sqlite_in_the_data_folder(tmp_path):
    code = (
        "from django.conf import settings; db = settings.DATABASES['default'];"
        "print(db['ENGINE']); print(db['NAME'])"
    )
    result = run(["-c", code], tmp_path, DEBUG="1")

    assert result.returncode == 0, result.stderr
    engine, name = result.stdout.split()
    assert engine == "django.db.backends.sqlite3"
    assert Path(name) == tmp_path / "data" / "db.sqlite3"


def test_database_url_selects_postgresql(tmp_path):
    code = "from django.conf import settings; print(settings.DATABASES['default']['ENGINE'])"
    result = run(
        ["-c", code],
        tmp_path,
        DEBUG="1",
        DATABASE_URL="postgres://werving@db.example.nl:5432/werving",
    )

    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "django.db.backends.postgresql"


def test_tasks_run_in_process_without_a_broker_and_queue_with_one(tmp_path):
    code = "from django.conf import settings; print(settings.CELERY_TASK_ALWAYS_EAGER)"
    local = run(["-c", code], tmp_path, DEBUG="1", CELERY_BROKER_URL="")
    queued = run(["-c", code], tmp_path, DEBUG="1", CELERY_BROKER_URL="redis://127.0.0.1:6379/0")

    assert local.stdout.strip() == "True", local.stderr
    assert queued.stdout.strip() == "False", queued.stderr
