"""Robustness (issue 7): control characters out of names and one-line fields, query parameters
that are not ids, the export with a missing file, and branded error pages in the user's
language."""

import io
import json
import zipfile
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core.files.base import ContentFile
from django.test import Client
from django.urls import reverse

from candidates.models import Application, Candidate, Document
from candidates.services.candidate_page import status_link_token
from tests.candidates.factories import ApplicationFactory
from tests.candidates.pdfs import (
    application_data,
    fresh_cache_fixture,  # noqa: F401
    make_pdf,
    private_storage_fixture,  # noqa: F401
)
from tests.vacancies.factories import VacancyFactory

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("fresh_cache", "private_storage")]

HUGE = "9" * 30


@pytest.fixture
def open_moment():
    with time_machine.travel(datetime(2026, 5, 1, 12, 0, tzinfo=ZoneInfo("Europe/Amsterdam"))):
        yield


# Control characters ---------------------------------------------------------------------------


@pytest.mark.usefixtures("open_moment")
def test_control_characters_are_removed_from_names_and_one_line_fields(
    client, mailoutbox, django_capture_on_commit_callbacks
):
    vacancy = VacancyFactory()

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("candidates:apply", args=[vacancy.reference]),
            application_data(
                first_name="Inge\r\nBcc: iemand@example.org",
                last_name="Jansen\u2028\u202e",
                phone="06\t1234\x0b5678",
                current_position="Directeur\nBedrijfsvoering",
                current_organisation="Provincie\x00 Utrecht",
            ),
        )

    assert response.status_code == 302
    candidate = Candidate.objects.get()
    assert candidate.first_name == "Inge Bcc: iemand@example.org"
    assert candidate.last_name == "Jansen"
    assert candidate.phone == "06 1234 5678"
    assert candidate.current_position == "Directeur Bedrijfsvoering"
    assert candidate.current_organisation == "Provincie Utrecht"
    assert Application.objects.get().submitted_details["first_name"] == candidate.first_name
    # The emails built from them have the name on one line.
    for message in mailoutbox:
        for line in message.body.splitlines():
            assert not line.startswith("Bcc:")


@pytest.mark.usefixtures("open_moment")
def test_a_name_of_only_control_characters_is_missing(client):
    vacancy = VacancyFactory()

    response = client.post(
        reverse("candidates:apply", args=[vacancy.reference]),
        application_data(first_name="\r\n\t\x00"),
    )

    assert response.status_code == 200
    assert "first_name" in response.context["form"].errors
    assert not Candidate.objects.exists()


# Query parameters --------------------------------------------------------------------------------


@pytest.mark.parametrize("value", [HUGE, "-1", "abc", "1e9", " ", "0x10", "١٢"])
def test_a_client_filter_that_is_not_an_id_is_ignored(client, value):
    """Old code: a huge number reached SQLite and gave a server error."""
    VacancyFactory()

    response = client.get(reverse("candidates:vacancy_list"), {"client": value})

    assert response.status_code == 200


@pytest.mark.parametrize("value", [HUGE, "abc", "-5"])
def test_back_office_filters_that_are_not_ids_are_ignored(recruiter_client, value):
    application = ApplicationFactory()
    vacancy = application.vacancy
    urls = [
        (reverse("candidates:application_list"), {"vacancy": value, "page": value}),
        (reverse("candidates:candidate_list"), {"vacancy": value, "page": value}),
        (reverse("candidates:source_add", args=[vacancy.pk]), {"existing": value}),
        (reverse("candidates:candidate_merge", args=[application.candidate_id]), {"other": value}),
        (reverse("candidates:board", args=[vacancy.pk]), {"page": value}),
        (reverse("candidates:insight"), {"vacancy": value, "client": value}),
        (reverse("vacancies:vacancy_list"), {"page": value}),
    ]
    for url, params in urls:
        response = recruiter_client.get(url, params)
        assert response.status_code in (200, 404), (url, params, response.status_code)


@pytest.mark.parametrize("path", [f"/kantoor/vacatures/{HUGE}/", f"/kantoor/kandidaten/{HUGE}/"])
def test_a_huge_id_in_the_path_is_404(recruiter_client, path):
    assert recruiter_client.get(path).status_code == 404


# The export with a missing file ----------------------------------------------------------------


def test_the_export_names_a_missing_file_instead_of_failing(client):
    application = ApplicationFactory()
    for kind, name in (("motivation", "motivatie.pdf"), ("cv", "cv-inge.pdf")):
        document = Document(
            application=application, kind=kind, original_name=name, size=1, sha256="0" * 64
        )
        document.file.save(name, ContentFile(make_pdf(kind)), save=True)
    missing = application.documents.get(kind="cv")
    missing.file.storage.delete(missing.file.name)

    response = client.get(
        reverse("candidates:status_export", args=[status_link_token(application)])
    )

    assert response.status_code == 200
    archive = zipfile.ZipFile(io.BytesIO(response.content))
    names = archive.namelist()
    assert any(name.endswith("motivatie.pdf") for name in names)
    assert not any(name.endswith("cv-inge.pdf") for name in names)
    note = archive.read("ontbrekende-documenten.txt").decode()
    assert "We konden het bestand van dit document niet vinden" in note
    assert "cv-inge.pdf" in note
    data = json.loads(archive.read("data.json"))
    [entry] = data["missing_documents"]
    assert entry["original_name"] == "cv-inge.pdf"


# Error pages ------------------------------------------------------------------------------------


@pytest.fixture
def error_client(settings):
    settings.ROOT_URLCONF = "tests.security.urls_errors"
    return Client(raise_request_exception=False)


@pytest.mark.parametrize(
    ("path", "status", "dutch", "english"),
    [
        ("/test-fouten/400/", 400, "We begrijpen dit verzoek niet", "We could not understand"),
        ("/test-fouten/403/", 403, "Dit mag u niet doen", "You may not do this"),
        ("/bestaat-niet/", 404, "Deze pagina bestaat niet", "This page does not exist"),
        ("/test-fouten/500/", 500, "Er ging bij ons iets mis", "Something went wrong on our side"),
    ],
)
def test_error_pages_are_branded_in_the_users_language(error_client, path, status, dutch, english):
    dutch_page = error_client.get(path)
    english_page = error_client.get(path, headers={"accept-language": "en"})

    assert dutch_page.status_code == english_page.status_code == status
    assert dutch in dutch_page.content.decode()
    assert "Chasse Executive Search" in dutch_page.content.decode()
    assert english in english_page.content.decode()
    assert 'lang="en"' in english_page.content.decode()


def test_the_429_page_is_branded():
    from django.template.loader import render_to_string
    from django.utils import translation

    with translation.override("nl"):
        assert "Te veel verzoeken" in render_to_string("429.html")
