"""The real client address (issue 7): X-Forwarded-For only through the trusted proxies, used by
the application rate limit, the document access log and the login lockout (see test_logins)."""

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.test import Client, RequestFactory
from django.urls import reverse

from candidates.models import Application, DocumentAccess
from candidates.services.candidate_page import status_link_token
from recruitment.lib.client_ip import client_ip
from tests.candidates.factories import ApplicationFactory
from tests.candidates.pdfs import (
    application_data,
    fresh_cache_fixture,  # noqa: F401
    private_storage_fixture,  # noqa: F401
)
from tests.vacancies.factories import VacancyFactory

CLIENT = "203.0.113.5"
PROXY = "10.0.0.2"
EDGE = "192.0.2.10"  # a CDN or load balancer in front of the TLS proxy


def address(remote, forwarded=None) -> str | None:
    meta = {"REMOTE_ADDR": remote}
    if forwarded is not None:
        meta["HTTP_X_FORWARDED_FOR"] = forwarded
    return client_ip(RequestFactory().get("/", **meta))


def test_without_trusted_proxies_the_header_is_ignored(settings):
    settings.TRUSTED_PROXIES = []

    assert address(PROXY, CLIENT) == PROXY


def test_behind_one_proxy_the_client_is_what_the_proxy_forwards(settings):
    settings.TRUSTED_PROXIES = [PROXY]
    settings.TRUSTED_PROXY_COUNT = 1

    assert address(PROXY, CLIENT) == CLIENT
    # What the client wrote into the header itself stays left of what the proxy added.
    assert address(PROXY, f"198.51.100.1, {CLIENT}") == CLIENT
    assert address(PROXY, f"nonsense, {CLIENT}") == CLIENT
    # The proxy forwarded nothing: its own address, never a guess.
    assert address(PROXY) == PROXY
    assert address(PROXY, "") == PROXY


def test_behind_two_proxies_the_client_is_two_places_from_the_right(settings):
    settings.TRUSTED_PROXIES = ["10.0.0.0/8"]
    settings.TRUSTED_PROXY_COUNT = 2

    assert address("10.0.0.3", f"{CLIENT}, {EDGE}") == CLIENT
    assert address("10.0.0.3", f"198.51.100.1, {CLIENT}, {EDGE}") == CLIENT
    # Only one proxy's worth of header: not enough to trust, so the proxy's address.
    assert address("10.0.0.3", CLIENT) == "10.0.0.3"


def test_a_spoofed_header_from_outside_is_ignored(settings):
    settings.TRUSTED_PROXIES = [PROXY]

    assert address(CLIENT, "10.0.0.9") == CLIENT
    assert address(CLIENT, "198.51.100.1, 198.51.100.2") == CLIENT


def test_proxy_networks_and_ipv6(settings):
    settings.TRUSTED_PROXIES = ["172.16.0.0/12", "fd00::/8"]

    assert address("172.18.0.1", CLIENT) == CLIENT
    assert address("fd00::1", "2001:db8::7") == "2001:db8::7"
    assert address("172.32.0.1", "198.51.100.1") == "172.32.0.1"


# Used where it matters ------------------------------------------------------------------------


@pytest.fixture
def open_vacancy():
    with time_machine.travel(datetime(2026, 5, 1, 12, 0, tzinfo=ZoneInfo("Europe/Amsterdam"))):
        yield VacancyFactory()


@pytest.mark.django_db
@pytest.mark.usefixtures("fresh_cache", "private_storage")
def test_the_rate_limit_counts_each_applicant_behind_the_proxy(settings, open_vacancy):
    """Old code: every applicant had the proxy's address, so the second one was refused."""
    settings.TRUSTED_PROXIES = [PROXY]
    settings.APPLY_RATE_LIMIT = 1
    url = reverse("candidates:apply", args=[open_vacancy.reference])

    first = Client(REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR="198.51.100.1")
    second = Client(REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR="198.51.100.2")

    assert first.post(url, application_data(email="a@example.nl")).status_code == 302
    assert second.post(url, application_data(email="b@example.nl")).status_code == 302
    assert first.post(url, application_data(email="c@example.nl")).status_code == 429
    # A header the applicant writes does not buy a new limit.
    spoofing = Client(REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR="1.2.3.4, 198.51.100.1")
    assert spoofing.post(url, application_data(email="d@example.nl")).status_code == 429
    assert Application.objects.count() == 2


@pytest.mark.django_db
@pytest.mark.usefixtures("private_storage")
def test_the_document_access_log_records_the_real_address(settings, client):
    from django.core.files.base import ContentFile

    from candidates.models import Document
    from tests.candidates.pdfs import make_pdf

    settings.TRUSTED_PROXIES = [PROXY]
    application = ApplicationFactory()
    document = Document(
        application=application, kind="cv", original_name="cv.pdf", size=1, sha256="x"
    )
    document.file.save("cv.pdf", ContentFile(make_pdf("CV")), save=True)
    url = reverse("candidates:status_document", args=[status_link_token(application), document.pk])

    response = Client(REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR=CLIENT).get(url)

    assert response.status_code == 200
    assert DocumentAccess.objects.get().ip_address == CLIENT
