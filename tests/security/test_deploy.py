"""Deployment (issue 7): the port only on this machine, forwarded headers only from the proxy, and
access logs without the keys in private links (gunicorn and runserver)."""

import logging
import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest
import yaml
from django.conf import settings

from recruitment.log_filters import RedactSecretsFilter, redact

BASE_DIR = Path(__file__).resolve().parents[2]
TOKEN = "eyJhIjoiZ2VoZWltIn0:1uVx:GEHEIM-token_123"


@pytest.fixture(scope="module")
def compose():
    return yaml.safe_load((BASE_DIR / "docker-compose.yml").read_text())


def test_compose_publishes_the_web_port_on_this_machine_only(compose):
    assert compose["services"]["web"]["ports"] == ["127.0.0.1:${WEB_PORT:-8000}:8000"]


def test_gunicorn_trusts_forwarded_headers_only_from_the_proxy(compose):
    for text in ((BASE_DIR / "Dockerfile").read_text(), yaml.safe_dump(compose)):
        assert "forwarded-allow-ips" not in text.replace("FORWARDED_ALLOW_IPS", "")
        assert "'*'" not in text
    env = compose["x-app"]["environment"]
    gateway = compose["networks"]["default"]["ipam"]["config"][0]["gateway"]
    assert env["FORWARDED_ALLOW_IPS"] == f"${{FORWARDED_ALLOW_IPS:-{gateway}}}"
    assert env["TRUSTED_PROXIES"] == f"${{TRUSTED_PROXIES:-{gateway}}}"
    assert "--config gunicorn.conf.py" in compose["services"]["web"]["command"][-1]


def test_redact_hides_the_token_of_private_links():
    line = f'"GET /mijn-sollicitatie/{TOKEN}/documenten/4/ HTTP/1.1" 200'

    assert redact(line) == '"GET /mijn-sollicitatie/[redacted]/documenten/4/ HTTP/1.1" 200'
    assert redact("/wachtwoord-herstellen/MQ/cz1x-abc123/") == (
        "/wachtwoord-herstellen/MQ/[redacted]/"
    )
    assert redact("GET /vacatures/ HTTP/1.1") == "GET /vacatures/ HTTP/1.1"


def test_runserver_and_django_logs_pass_the_filter():
    handlers = settings.LOGGING["handlers"]
    assert "redact_secrets" in handlers["console"]["filters"]
    assert "redact_secrets" in handlers["django.server"]["filters"]
    assert settings.LOGGING["loggers"]["django.server"]["handlers"] == ["django.server"]
    record = logging.LogRecord(
        "django.server", logging.INFO, __file__, 1, '"%s" %s %s',
        (f"GET /mijn-sollicitatie/{TOKEN}/ HTTP/1.1", "200", "512"), None,
    )  # fmt: skip

    RedactSecretsFilter().filter(record)

    assert TOKEN not in record.getMessage()
    assert "/mijn-sollicitatie/[redacted]/" in record.getMessage()


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def test_gunicorn_access_log_has_no_candidate_tokens(tmp_path):
    """The real thing: gunicorn with the image's configuration serves a candidate link."""
    port = free_port()
    env = {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "HOME": str(tmp_path),
        "DEBUG": "1",  # no collected static files here; the logging is the same
        "ALLOWED_HOSTS": "127.0.0.1",
        "DATA_DIR": str(tmp_path),
        "DJANGO_SETTINGS_MODULE": "recruitment.settings",
    }
    log = tmp_path / "gunicorn.log"
    with log.open("w") as out:
        server = subprocess.Popen(
            [sys.executable, "-m", "gunicorn", "recruitment.wsgi", "--config", "gunicorn.conf.py",
             "--bind", f"127.0.0.1:{port}", "--workers", "1"],
            cwd=BASE_DIR, env=env, stdout=out, stderr=subprocess.STDOUT,
        )  # fmt: skip
        try:
            url = f"http://127.0.0.1:{port}/mijn-sollicitatie/{TOKEN}/"
            request = urllib.request.Request(
                url, headers={"Referer": f"http://127.0.0.1:{port}/mijn-sollicitatie/{TOKEN}/"}
            )
            status = None
            for _ in range(100):
                try:
                    urllib.request.urlopen(request, timeout=5)
                except urllib.error.HTTPError as error:
                    status = error.code
                    break
                except OSError:
                    time.sleep(0.1)
            time.sleep(0.3)
        finally:
            server.terminate()
            server.wait(timeout=20)

    text = log.read_text()
    assert status == 404, text
    assert "GET /mijn-sollicitatie/[redacted]/ HTTP/1.1" in text
    assert TOKEN not in text
    assert "GEHEIM" not in text
