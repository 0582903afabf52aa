"""The setup around the code: CI turns skips into failures, and the tools agree on versions."""

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

BASE_DIR = Path(__file__).resolve().parent.parent

SAMPLE_TESTS = """
import pytest
from tests.environment import require

def test_needs_something_missing():
    require(False, "needs a unicorn")

@pytest.mark.skip(reason="plain skip")
def test_plainly_skipped():
    pass

@pytest.mark.xfail(reason="known bug", strict=True)
def test_known_bug():
    assert False

def test_passes():
    pass
"""


def run_sample(tmp_path, **env):
    (tmp_path / "test_sample.py").write_text(SAMPLE_TESTS)
    environ = {k: v for k, v in os.environ.items() if k != "CI"}
    environ.update(PYTHONPATH=str(BASE_DIR), **env)
    return subprocess.run(
        [
            *(sys.executable, "-m", "pytest", "-q", "-rA", "test_sample.py"),
            *("-p", "no:django", "-p", "no:cacheprovider", "-p", "tests.environment"),
        ],
        cwd=tmp_path,
        env=environ,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_missing_requirements_skip_on_a_developer_machine(tmp_path):
    result = run_sample(tmp_path)

    assert result.returncode == 0, result.stdout
    assert "1 passed, 2 skipped, 1 xfailed" in result.stdout


def test_in_ci_every_skip_fails_the_run(tmp_path):
    result = run_sample(tmp_path, CI="true")

    assert result.returncode == 1, result.stdout
    # require() fails in the test body; a skip marker fails in setup (reported as an error).
    assert "1 failed, 1 passed, 1 xfailed, 1 error" in result.stdout
    assert "CI must run every test: needs a unicorn" in result.stdout
    assert "CI must run every test: plain skip" in result.stdout


def test_ci_false_is_not_ci(tmp_path):
    result = run_sample(tmp_path, CI="false")

    assert "1 passed, 2 skipped, 1 xfailed" in result.stdout


def test_uv_is_pinned_to_one_version_everywhere():
    makefile = (BASE_DIR / "Makefile").read_text()
    dockerfile = (BASE_DIR / "Dockerfile").read_text()

    make_version = re.search(r"^UV_VERSION := (\S+)$", makefile, re.M).group(1)
    docker_versions = set(re.findall(r"uv==(\S+)", dockerfile))

    assert docker_versions == {make_version}


def test_browser_libraries_are_pinned_to_the_same_versions_in_make_and_docker():
    makefile = (BASE_DIR / "Makefile").read_text()
    dockerfile = (BASE_DIR / "Dockerfile").read_text()

    pinned = dict(
        package.rsplit("@", 1)
        for package in re.search(r"^NPM_PACKAGES := (.+)$", makefile, re.M).group(1).split()
    )
    in_docker = dict(re.findall(r"\b(sortablejs|chart\.js)@(\S+)", dockerfile))

    assert in_docker == {name: pinned[name] for name in ("sortablejs", "chart.js")}


def test_ci_script_is_executable_bash():
    script = BASE_DIR / ".ci" / "run"

    assert os.access(script, os.X_OK)
    assert script.read_text().startswith("#!/usr/bin/env bash\n")
    subprocess.run(["bash", "-n", str(script)], check=True)


@pytest.mark.skipif(shutil.which("make") is None, reason="needs make")
def test_make_test_runs_the_whole_suite_with_extra_arguments():
    result = subprocess.run(
        ["make", "-n", "test", "PYTEST_ARGS=-k settings"],
        cwd=BASE_DIR,
        capture_output=True,
        text=True,
        check=True,
    )

    assert ".venv/bin/pytest -k settings" in result.stdout.splitlines()


# The backing services CI provides. Locally these skip without them; in CI they must run.


@pytest.mark.django_db
def test_ci_tests_run_on_postgresql_with_the_named_constraints(requires_postgres):
    from django.db import connection

    with connection.cursor() as cursor:
        constraints = connection.introspection.get_constraints(cursor, "vacancies_vacancy")

    assert connection.pg_version >= 150000
    checks = [name for name, info in constraints.items() if info["check"]]
    assert checks
    assert all(name.startswith("vacancies_vacancy_") for name in checks), checks


def test_a_task_sent_through_redis_runs_on_a_real_worker(redis_url):
    from celery import Celery
    from celery.contrib.testing.worker import start_worker

    from recruitment.celery import app as project_app

    app = Celery("broker-check", broker=redis_url, backend=redis_url, set_as_current=False)
    app.conf.update(task_always_eager=False, broker_connection_retry_on_startup=False)

    @app.task
    def add(x, y):
        return x + y

    try:
        with start_worker(app, pool="solo", perform_ping_check=False, shutdown_timeout=10):
            result = add.delay(2, 3)
            assert result.get(timeout=15) == 5
            assert result.successful()
    finally:
        # start_worker makes its app the process default; give it back to the project's app.
        project_app.set_current()
        project_app.set_default()
