"""Spam and abuse: the honeypot, the rate limit per client address, CSRF."""

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.test import Client
from django.urls import reverse

from candidates.models import Application, Candidate, Document
from tests.candidates.pdfs import (
    application_data,
    fresh_cache_fixture,  # noqa: F401
    private_storage_fixture,  # noqa: F401
    stored_files,
)
from tests.vacancies.factories import VacancyFactory

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("fresh_cache")]


@pytest.fixture(autouse=True)
def _before_closing_date():
    moment = datetime(2026, 5, 1, 12, 0, tzinfo=ZoneInfo("Europe/Amsterdam"))
    with time_machine.travel(moment, tick=True):
        yield


@pytest.fixture
def vacancy():
    return VacancyFactory()


def apply_url(vacancy):
    return reverse("candidates:apply", args=[vacancy.reference])


def test_honeypot_filled_pretends_success_and_stores_nothing(client, vacancy, private_storage):
    response = client.post(apply_url(vacancy), application_data(website="https://spam.example"))

    assert response.status_code == 302
    assert response.url == reverse("candidates:applied", args=[vacancy.reference])
    assert not Candidate.objects.exists()
    assert not Application.objects.exists()
    assert stored_files(private_storage) == []


def test_honeypot_is_hidden_from_people(client, vacancy):
    html = client.get(apply_url(vacancy)).content.decode()

    assert 'name="website"' in html
    assert 'class="honeypot"' in html
    assert 'tabindex="-1"' in html


def test_rate_limit_per_client_address(settings, vacancy, private_storage):
    settings.APPLY_RATE_LIMIT = 3
    client = Client(headers={"accept-language": "en"}, REMOTE_ADDR="203.0.113.7")
    for _ in range(3):
        # Incomplete posts count too: they are what a flood looks like.
        assert client.post(apply_url(vacancy), {"first_name": "x"}).status_code == 200

    response = client.post(apply_url(vacancy), application_data())

    assert response.status_code == 429
    assert "Too many applications were sent from your address" in response.content.decode()
    assert not Application.objects.exists()
    assert stored_files(private_storage) == []
    # Reading the form is not limited; another address may still apply.
    assert client.get(apply_url(vacancy)).status_code == 200
    other = Client(REMOTE_ADDR="203.0.113.8")
    assert other.post(apply_url(vacancy), application_data()).status_code == 302
    assert Application.objects.count() == 1


def test_rate_limit_window_passes(settings, vacancy, private_storage):
    settings.APPLY_RATE_LIMIT = 1
    client = Client(REMOTE_ADDR="203.0.113.9")
    client.post(apply_url(vacancy), {"first_name": "x"})
    assert client.post(apply_url(vacancy), {"first_name": "x"}).status_code == 429

    # The cache expires the counter after an hour.
    with time_machine.travel(datetime(2026, 5, 1, 13, 1, tzinfo=ZoneInfo("Europe/Amsterdam"))):
        response = client.post(apply_url(vacancy), application_data())

    assert response.status_code == 302


def test_csrf_is_enforced(vacancy, private_storage):
    client = Client(enforce_csrf_checks=True)

    response = client.post(apply_url(vacancy), application_data())

    assert response.status_code == 403
    assert not Application.objects.exists()
    assert not Document.objects.exists()
    assert stored_files(private_storage) == []


def test_csrf_token_from_the_form_is_accepted(vacancy, private_storage):
    client = Client(enforce_csrf_checks=True)
    client.get(apply_url(vacancy))
    token = client.cookies["csrftoken"].value

    response = client.post(apply_url(vacancy), application_data(csrfmiddlewaretoken=token))

    assert response.status_code == 302
    assert Application.objects.count() == 1
