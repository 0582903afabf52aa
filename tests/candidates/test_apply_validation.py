"""Every bad input on the application form: a clear message, the text kept, nothing stored."""

import zipfile
from datetime import datetime
from io import BytesIO
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.test import Client
from django.urls import reverse

from candidates.models import Application, Candidate, Document, StageChange
from tests.candidates.factories import ApplicationFactory, CandidateFactory
from tests.candidates.pdfs import (
    application_data,
    fresh_cache_fixture,  # noqa: F401
    make_big_pdf,
    make_broken_pdf,
    make_encrypted_pdf,
    make_pdf,
    private_storage_fixture,  # noqa: F401
    stored_files,
    upload,
)
from tests.vacancies.factories import ContactPersonFactory, DraftVacancyFactory, VacancyFactory
from vacancies.models import ContactPerson, Vacancy

AMSTERDAM = ZoneInfo("Europe/Amsterdam")

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("fresh_cache")]


@pytest.fixture(autouse=True)
def _before_closing_date():
    with time_machine.travel(datetime(2026, 5, 1, 12, 0, tzinfo=AMSTERDAM), tick=False):
        yield


@pytest.fixture
def en_client():
    """A candidate whose browser asks for English: the messages below are the English ones."""
    return Client(headers={"accept-language": "en"})


@pytest.fixture
def vacancy():
    return VacancyFactory()


def apply_url(vacancy):
    return reverse("candidates:apply", args=[vacancy.reference])


def word_document() -> bytes:
    buffer = BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("word/document.xml", "<w:document>Motivatie</w:document>")
    return buffer.getvalue()


def assert_nothing_stored(storage):
    assert not Candidate.objects.exists()
    assert not Application.objects.exists()
    assert not StageChange.objects.exists()
    assert not Document.objects.exists()
    assert stored_files(storage) == []


CASES = {
    "word file named .pdf": (
        {"motivation": upload(word_document(), "motivatie.pdf")},
        "motivation",
        "This file is not a PDF.",
    ),
    "text file": (
        {"cv": upload(b"Curriculum vitae\n", "cv.txt", "text/plain")},
        "cv",
        "This file is not a PDF.",
    ),
    "encrypted pdf": (
        {"cv": upload(make_encrypted_pdf(), "cv.pdf")},
        "cv",
        "This PDF is protected with a password or encrypted.",
    ),
    "unreadable pdf": (
        {"motivation": upload(make_broken_pdf(), "motivatie.pdf")},
        "motivation",
        "This PDF cannot be read",
    ),
    "truncated pdf": (
        {"motivation": upload(make_pdf("Motivatie")[:300], "motivatie.pdf")},
        "motivation",
        "This PDF cannot be read",
    ),
    "empty file": (
        {"cv": upload(b"", "cv.pdf")},
        "cv",
        "The file is empty.",
    ),
    "invalid email": (
        {"email": "inge.jansen@"},
        "email",
        "Enter a valid email address",
    ),
    "privacy statement not accepted": (
        {"privacy_accepted": ""},
        "privacy_accepted",
        "You can only apply when you accept the privacy statement.",
    ),
    "missing first name": ({"first_name": ""}, "first_name", "This field is required."),
}


@pytest.mark.parametrize("case", CASES.keys())
def test_bad_input_gets_a_clear_message_and_stores_nothing(
    en_client, vacancy, private_storage, case
):
    overrides, field, message = CASES[case]
    data = application_data(**overrides)

    response = en_client.post(apply_url(vacancy), data)

    assert response.status_code == 200
    form = response.context["form"]
    assert any(message in error for error in form.errors[field]), form.errors
    html = response.content.decode()
    assert message in html
    assert 'id="form-errors"' in html
    assert_nothing_stored(private_storage)
    # The text the candidate typed is kept; files must be chosen again, and the page says so.
    if field != "first_name":
        assert 'value="Inge"' in html
    assert 'value="Provincie Utrecht"' in html
    assert "choose your motivation letter and CV again" in html


@pytest.mark.parametrize("missing", ["motivation", "cv"])
def test_missing_file(en_client, vacancy, private_storage, missing):
    data = application_data()
    del data[missing]

    response = en_client.post(apply_url(vacancy), data)

    assert response.status_code == 200
    assert response.context["form"].errors[missing] == ["Choose a PDF file."]
    assert_nothing_stored(private_storage)


def test_file_over_the_size_limit(en_client, vacancy, private_storage, settings):
    settings.MAX_UPLOAD_SIZE = 200_000
    big = make_big_pdf(250_000)
    assert len(big) > settings.MAX_UPLOAD_SIZE

    response = en_client.post(apply_url(vacancy), application_data(cv=upload(big, "cv.pdf")))

    assert response.status_code == 200
    [error] = response.context["form"].errors["cv"]
    assert "The file is too large" in error
    assert "195.3\N{NO-BREAK SPACE}KB" in error  # the limit, in the user's words
    assert_nothing_stored(private_storage)


def test_default_size_limit_is_ten_megabytes(en_client, vacancy, private_storage):
    big = make_big_pdf(10 * 1024 * 1024)

    response = en_client.post(apply_url(vacancy), application_data(motivation=upload(big)))

    assert "The file is too large" in response.context["form"].errors["motivation"][0]
    assert_nothing_stored(private_storage)


def test_same_file_for_both_documents(en_client, vacancy, private_storage):
    content = make_pdf("Motivatie en CV in een")

    response = en_client.post(
        apply_url(vacancy),
        application_data(motivation=upload(content, "motivatie.pdf"), cv=upload(content, "cv.pdf")),
    )

    assert response.status_code == 200
    assert "You chose the same file twice." in response.context["form"].errors["cv"][0]
    assert_nothing_stored(private_storage)


def test_second_application_for_the_same_vacancy_is_refused(
    en_client, vacancy, private_storage, mailoutbox, django_capture_on_commit_callbacks
):
    ContactPersonFactory(
        vacancy=vacancy, topic=ContactPerson.Topic.PROCEDURE, email="procedure@chassesearch.nl"
    )
    first = ApplicationFactory(
        vacancy=vacancy, candidate=CandidateFactory(email="inge.jansen@example.nl", language="en")
    )

    with django_capture_on_commit_callbacks(execute=True):
        response = en_client.post(
            apply_url(vacancy), application_data(email="INGE.Jansen@example.NL")
        )

    # The form answers as for any application (issue 7); only the mailbox learns the difference.
    assert response.status_code == 302
    assert response.url == reverse("candidates:applied", args=[vacancy.reference])
    assert list(Application.objects.all()) == [first]
    assert not Document.objects.exists()
    assert stored_files(private_storage) == []
    [message] = mailoutbox
    assert message.to == ["inge.jansen@example.nl"]
    assert "You already applied" in message.subject
    assert "procedure@chassesearch.nl" in message.body


def test_already_applied_names_the_lead_consultant_without_contact_persons(
    en_client, vacancy, private_storage, mailoutbox, django_capture_on_commit_callbacks
):
    ApplicationFactory(
        vacancy=vacancy, candidate=CandidateFactory(email="inge.jansen@example.nl", language="en")
    )

    with django_capture_on_commit_callbacks(execute=True):
        en_client.post(apply_url(vacancy), application_data())

    assert vacancy.lead_consultant.email in mailoutbox[0].body
    assert Application.objects.count() == 1


@pytest.mark.parametrize(
    "moment",
    [
        datetime(2026, 5, 16, 0, 0, tzinfo=AMSTERDAM),
        datetime(2026, 5, 15, 23, 30, tzinfo=ZoneInfo("UTC")),  # 01:30 on 16 May in Amsterdam
    ],
)
def test_application_after_the_closing_date_is_refused(en_client, vacancy, private_storage, moment):
    with time_machine.travel(moment, tick=False):
        form_page = en_client.get(apply_url(vacancy))
        response = en_client.post(apply_url(vacancy), application_data())

    assert form_page.status_code == 200
    assert "Applications for this position are closed." in form_page.content.decode()
    assert "form" not in form_page.context
    assert response.status_code == 403
    assert "The closing date was Friday 15 May 2026." in response.content.decode()
    assert_nothing_stored(private_storage)


def test_application_on_the_closing_day_at_23_59_is_accepted(client, vacancy, private_storage):
    with time_machine.travel(datetime(2026, 5, 15, 23, 59, tzinfo=AMSTERDAM), tick=False):
        response = client.post(apply_url(vacancy), application_data())

    assert response.status_code == 302
    assert Application.objects.count() == 1


@pytest.mark.parametrize(
    "status", [Vacancy.Status.CLOSED, Vacancy.Status.DRAFT, Vacancy.Status.CANCELLED]
)
def test_application_for_a_vacancy_that_is_not_published_is_refused(
    en_client, private_storage, status
):
    vacancy = VacancyFactory(status=status)

    response = en_client.post(apply_url(vacancy), application_data())

    if status == Vacancy.Status.CLOSED:
        assert response.status_code == 403
        assert "Applications for this position are closed." in response.content.decode()
    else:
        assert response.status_code == 404
    assert_nothing_stored(private_storage)


def test_vacancy_unpublished_while_the_form_was_open(en_client, private_storage):
    vacancy = DraftVacancyFactory(status=Vacancy.Status.PUBLISHED)
    assert en_client.get(apply_url(vacancy)).status_code == 200
    Vacancy.objects.filter(pk=vacancy.pk).update(status=Vacancy.Status.DRAFT)

    response = en_client.post(apply_url(vacancy), application_data())

    assert response.status_code == 404
    assert_nothing_stored(private_storage)


def test_a_dutch_candidate_reads_the_errors_in_dutch(client, vacancy, private_storage):
    """No language asked for: the default, Dutch, as most candidates see the form."""
    data = application_data(motivation=upload(word_document(), "motivatie.pdf"))

    html = client.post(apply_url(vacancy), data).content.decode()

    assert "Dit bestand is geen pdf." in html
    assert "This file is not a PDF" not in html
    assert_nothing_stored(private_storage)
