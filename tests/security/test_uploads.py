"""Uploads (issue 7): PDFs with JavaScript, launch actions or embedded files are refused with a
message, also where a byte search would miss them; the request size is capped before Django reads
the body."""

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.conf import settings
from django.urls import reverse

from candidates.models import Application, Document
from candidates.validators import validate_pdf
from tests.candidates.pdfs import (
    application_data,
    fresh_cache_fixture,  # noqa: F401
    make_pdf,
    private_storage_fixture,  # noqa: F401
    stored_files,
    upload,
)
from tests.security.pdfs import ACTIVE_PDFS
from tests.vacancies.factories import VacancyFactory

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("fresh_cache")]


@pytest.fixture(autouse=True)
def _open():
    with time_machine.travel(datetime(2026, 5, 1, 12, 0, tzinfo=ZoneInfo("Europe/Amsterdam"))):
        yield


@pytest.mark.parametrize("kind", list(ACTIVE_PDFS))
def test_a_pdf_with_active_content_is_refused(client, private_storage, kind):
    vacancy = VacancyFactory()

    response = client.post(
        reverse("candidates:apply", args=[vacancy.reference]),
        application_data(cv=upload(ACTIVE_PDFS[kind](), "cv.pdf")),
    )

    assert response.status_code == 200
    [error] = response.context["form"].errors["cv"]
    assert "Deze pdf bevat actieve inhoud" in error
    assert "Deze pdf bevat actieve inhoud" in response.content.decode()
    assert not Application.objects.exists()
    assert not Document.objects.exists()
    assert stored_files(private_storage) == []


def test_an_ordinary_pdf_with_images_of_random_bytes_is_accepted():
    """Compressed data is random bytes; a chance /JS in it is no reason to refuse."""
    for _ in range(20):
        validate_pdf(upload(make_pdf("CV met foto", padding=200_000)))


def test_the_request_size_cap_is_a_little_above_two_documents():
    assert settings.MAX_REQUEST_SIZE == 2 * settings.MAX_UPLOAD_SIZE + 1024 * 1024


def test_a_request_larger_than_the_cap_is_refused_before_it_is_read(
    client, settings, private_storage
):
    settings.MAX_REQUEST_SIZE = 50_000
    vacancy = VacancyFactory()

    response = client.post(
        reverse("candidates:apply", args=[vacancy.reference]),
        application_data(cv=upload(make_pdf("CV", padding=60_000), "cv.pdf")),
    )

    assert response.status_code == 413
    assert "Wat u verstuurde is te groot" in response.content.decode()
    assert not Application.objects.exists()
    assert stored_files(private_storage) == []


def test_the_cap_does_not_read_the_body(rf, settings):
    """The middleware answers from Content-Length alone (the body is never touched)."""
    from recruitment.middleware import RequestSizeMiddleware

    settings.MAX_REQUEST_SIZE = 100
    request = rf.post("/", data=b"x" * 10, content_type="application/octet-stream")
    request.META["CONTENT_LENGTH"] = "1000000000"

    class Unreadable:
        def read(self, *args):
            raise AssertionError("the body was read")

    request._stream = Unreadable()
    response = RequestSizeMiddleware(lambda r: None)(request)

    assert response.status_code == 413
