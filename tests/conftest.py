import os
from pathlib import Path

import pytest
from django.db import connection

from recruitment.celery import app as celery_app
from tests.accounts.factories import RecruiterFactory, UserFactory
from tests.environment import (  # noqa: F401  (hooks, registered by pytest through this module)
    pytest_make_collect_report,
    pytest_runtest_makereport,
    require,
)

# Playwright's sync API keeps an asyncio loop in the test thread; Django refuses ORM calls from a
# thread with a running loop unless told otherwise. Only the test process sets this.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

# Tasks run in-process in every test, whatever CELERY_BROKER_URL the environment or .env holds.
# A test that needs a real broker and worker asks for the `redis_url` fixture and builds its own.
celery_app.conf.task_always_eager = True
celery_app.conf.task_eager_propagates = True

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
DEFAULT_TEST_REDIS_URL = "redis://127.0.0.1:6379/15"


@pytest.fixture
def recruiter(db):
    return RecruiterFactory(username="consultant")


@pytest.fixture
def committee_user(db):
    return UserFactory(username="commissielid")


@pytest.fixture
def recruiter_client(client, recruiter):
    client.force_login(recruiter)
    return client


# What a test needs from the machine. Missing: skip locally, fail in CI (tests/environment.py).


@pytest.fixture
def requires_postgres():
    require(
        connection.vendor == "postgresql",
        f"needs PostgreSQL (set DATABASE_URL); the test database is {connection.vendor}",
    )


@pytest.fixture
def redis_url():
    """A reachable Redis (TEST_REDIS_URL, default database 15 on localhost), emptied first."""
    import redis

    url = os.environ.get("TEST_REDIS_URL") or DEFAULT_TEST_REDIS_URL
    try:
        client = redis.Redis.from_url(url, socket_connect_timeout=1, socket_timeout=2)
        client.ping()
    except redis.RedisError as exc:
        require(False, f"needs Redis at {url} (set TEST_REDIS_URL): {exc}")
    client.flushdb()
    yield url
    client.close()


@pytest.fixture(scope="session")
def browser():
    require(Path(CHROMIUM).exists(), f"needs Chromium at {CHROMIUM} (apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    playwright = sync_playwright().start()
    try:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS
        )
        yield browser
        browser.close()
    finally:
        playwright.stop()


@pytest.fixture
def page(browser):
    """A fresh browser context per test, as a Dutch user sees the site. Pair it with live_server."""
    context = browser.new_context(locale="nl-NL", timezone_id="Europe/Amsterdam")
    context.set_default_timeout(10_000)
    page = context.new_page()
    yield page
    context.close()


@pytest.fixture(autouse=True)
def _environment_markers(request):
    """@pytest.mark.postgres / .redis / .browser ask for what the test needs."""
    if request.node.get_closest_marker("postgres"):
        request.getfixturevalue("requires_postgres")
    if request.node.get_closest_marker("redis"):
        request.getfixturevalue("redis_url")
    if request.node.get_closest_marker("browser"):
        require(Path(CHROMIUM).exists(), f"needs Chromium at {CHROMIUM}")


@pytest.fixture(autouse=True)
def _second_factor_off(settings):
    """`force_login` gives no second factor; tests of the two-step login switch it on."""
    settings.OTP_REQUIRED_FOR_RECRUITERS = False


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings):
    """PBKDF2 costs about a second per user created; tests need no strong hashing."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def _empty_cache():
    """Counters in the cache (the application rate limit) start at zero in every test."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()
