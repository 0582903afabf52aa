"""The application rate limit (issue 7): django-ratelimit per real address, limits from settings,
a submission refused for a mistake and corrected counts as one attempt, and a cache that is down
does not refuse every applicant."""

import re
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.test import Client
from django.urls import reverse

from candidates.models import Application
from tests.candidates.pdfs import (
    application_data,
    fresh_cache_fixture,  # noqa: F401
    private_storage_fixture,  # noqa: F401
)
from tests.vacancies.factories import VacancyFactory

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("fresh_cache", "private_storage")]

MOMENT = datetime(2026, 5, 1, 12, 0, tzinfo=ZoneInfo("Europe/Amsterdam"))


@pytest.fixture(autouse=True)
def _open():
    with time_machine.travel(MOMENT, tick=False) as traveller:
        yield traveller


@pytest.fixture
def url():
    return reverse("candidates:apply", args=[VacancyFactory().reference])


def attempt_of(response) -> str:
    return re.search(r'name="attempt" value="([^"]+)"', response.content.decode()).group(1)


def test_corrections_of_a_refused_submission_count_as_one_attempt(settings, url):
    """Old code: every POST counted, so someone who made two mistakes was locked out."""
    settings.APPLY_RATE_LIMIT = 2
    client = Client(REMOTE_ADDR="198.51.100.4")
    attempt = attempt_of(client.get(url))

    first = client.post(url, application_data(attempt=attempt, email="geen-adres"))
    assert first.status_code == 200
    assert attempt_of(first) == attempt  # the corrected form belongs to the same attempt
    second = client.post(url, application_data(attempt=attempt, phone=""))
    assert second.status_code == 200
    third = client.post(url, application_data(attempt=attempt))
    assert third.status_code == 302

    # One attempt was used: one more is allowed, the next is refused.
    assert client.post(url, application_data(email="b@example.nl")).status_code == 302
    assert client.post(url, application_data(email="c@example.nl")).status_code == 429
    assert Application.objects.count() == 2


def test_an_attempt_cannot_be_reused_forever(settings, url):
    settings.APPLY_RATE_LIMIT = 2
    settings.APPLY_RATE_CORRECTIONS = 3
    client = Client(REMOTE_ADDR="198.51.100.5")
    attempt = attempt_of(client.get(url))

    statuses = [
        client.post(url, {"attempt": attempt, "first_name": "x"}).status_code for _ in range(6)
    ]

    # 1 counted + 3 corrections free; the 5th use counts (2 of 2), the 6th is over the limit.
    assert statuses == [200, 200, 200, 200, 200, 429]


def test_a_forged_attempt_counts_like_none(settings, url):
    settings.APPLY_RATE_LIMIT = 2
    client = Client(REMOTE_ADDR="198.51.100.6")

    statuses = [
        client.post(url, {"attempt": "forged", "first_name": "x"}).status_code for _ in range(3)
    ]

    assert statuses == [200, 200, 429]


def test_limit_and_window_are_settings(settings, url, _open):
    settings.APPLY_RATE_LIMIT = 1
    settings.APPLY_RATE_WINDOW_MINUTES = 10
    client = Client(REMOTE_ADDR="198.51.100.7")
    assert client.post(url, application_data()).status_code == 302
    assert client.post(url, application_data(email="b@example.nl")).status_code == 429

    _open.shift(timedelta(minutes=21))

    assert client.post(url, application_data(email="b@example.nl")).status_code == 302


def test_no_limit_when_set_to_zero(settings, url):
    settings.APPLY_RATE_LIMIT = 0
    client = Client(REMOTE_ADDR="198.51.100.8")

    assert all(client.post(url, {"first_name": "x"}).status_code == 200 for _ in range(15))


def test_a_cache_that_is_down_lets_applications_through(settings, url, monkeypatch):
    """Redis stopped at the closing hour: applicants are not all refused."""

    def down(*args, **kwargs):
        raise ConnectionError("Redis is down")

    settings.APPLY_RATE_LIMIT = 1
    from django.core.cache import cache

    monkeypatch.setattr(cache, "add", down)
    monkeypatch.setattr(cache, "incr", down)
    monkeypatch.setattr(cache, "get", down)
    client = Client(REMOTE_ADDR="198.51.100.9")

    assert client.post(url, application_data()).status_code == 302
    assert client.post(url, application_data(email="b@example.nl")).status_code == 302
