"""Applying: the happy path with real PDFs, and what the service guarantees."""

import hashlib
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core.exceptions import ValidationError
from django.urls import reverse

from candidates.models import Application, Candidate, Document, StageChange
from candidates.services.applications import application_submit
from tests.candidates.factories import ApplicationFactory, CandidateFactory
from tests.candidates.pdfs import (
    application_data,
    fresh_cache_fixture,  # noqa: F401
    make_pdf,
    private_storage_fixture,  # noqa: F401
    stored_files,
    upload,
)
from tests.vacancies.factories import ContactPersonFactory, PlanningPhaseFactory, VacancyFactory
from vacancies.models import Vacancy

OPEN = datetime(2026, 5, 1, 12, 0, tzinfo=ZoneInfo("Europe/Amsterdam"))

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("fresh_cache")]


@pytest.fixture(autouse=True)
def _before_closing_date():
    with time_machine.travel(OPEN, tick=False):
        yield


@pytest.fixture
def vacancy():
    vacancy = VacancyFactory()
    ContactPersonFactory(vacancy=vacancy, email="info@chassesearch.nl")
    return vacancy


@pytest.fixture
def notified(monkeypatch):
    """The ids the after-commit notification was called with."""
    calls = []
    monkeypatch.setattr(
        "candidates.services.applications.notify_application_received",
        lambda **kwargs: calls.append(kwargs),
    )
    return calls


def test_form_shows_only_the_fields_the_procedure_needs(client, vacancy):
    response = client.get(reverse("candidates:apply", args=[vacancy.reference]))

    assert response.status_code == 200
    assert list(response.context["form"].fields) == [
        "first_name",
        "last_name",
        "email",
        "phone",
        "current_position",
        "current_organisation",
        "linkedin_url",
        "motivation",
        "cv",
        "privacy_accepted",
        "consent_talent_pool",
        "website",
    ]
    html = response.content.decode()
    assert 'enctype="multipart/form-data"' in html
    assert reverse("candidates:privacy") in html
    assert "csrfmiddlewaretoken" in html


def test_apply_with_two_pdfs_stores_everything_and_notifies_after_commit(
    client, vacancy, private_storage, notified, django_capture_on_commit_callbacks
):
    motivation = make_pdf("Motivatiebrief Inge Jansen")
    cv = make_pdf("Curriculum vitae Inge Jansen", pages=3)
    data = application_data(
        motivation=upload(motivation, "Motivatie Inge.pdf"),
        cv=upload(cv, "CV Inge.pdf"),
        consent_talent_pool="on",
        linkedin_url="https://www.linkedin.com/in/ingejansen",
    )

    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        response = client.post(reverse("candidates:apply", args=[vacancy.reference]), data)

    assert response.status_code == 302
    assert response.url == reverse("candidates:applied", args=[vacancy.reference])
    application = Application.objects.get()
    candidate = application.candidate
    assert (candidate.first_name, candidate.last_name, candidate.email) == (
        "Inge",
        "Jansen",
        "inge.jansen@example.nl",
    )
    assert candidate.linkedin_url == "https://www.linkedin.com/in/ingejansen"
    assert candidate.language == "nl"
    assert application.vacancy == vacancy
    assert application.stage == Application.Stage.APPLIED
    assert application.source == Application.Source.APPLIED
    assert application.privacy_accepted_at is not None
    assert application.consent_talent_pool is True
    assert list(application.stage_changes.values_list("from_stage", "to_stage")) == [
        ("", "applied")
    ]

    documents = {d.kind: d for d in application.documents.all()}
    assert set(documents) == {Document.Kind.MOTIVATION, Document.Kind.CV}
    for kind, content, name in [
        (Document.Kind.MOTIVATION, motivation, "Motivatie Inge.pdf"),
        (Document.Kind.CV, cv, "CV Inge.pdf"),
    ]:
        document = documents[kind]
        assert document.original_name == name
        assert document.size == len(content)
        assert document.sha256 == hashlib.sha256(content).hexdigest()
        # Stored under a random name in the private storage, with the same bytes.
        assert "Inge" not in document.file.name
        assert document.file.name.startswith("documents/")
        assert (private_storage / document.file.name).read_bytes() == content
    assert len(stored_files(private_storage)) == 2

    # The notification, and reading the text of each document for the search.
    assert len(callbacks) == 3
    assert notified == [{"application_id": application.pk}]


def test_confirmation_page_tells_what_happens_next(client, vacancy):
    PlanningPhaseFactory(
        vacancy=vacancy,
        activity="Publicatie",
        starts_on=vacancy.closing_date - timedelta(days=28),
        ends_on=vacancy.closing_date,
    )
    PlanningPhaseFactory(vacancy=vacancy, activity="Voorselectie door het bureau")

    response = client.get(reverse("candidates:applied", args=[vacancy.reference]))

    assert response.status_code == 200
    html = response.content.decode()
    assert vacancy.title in html
    assert "info@chassesearch.nl" in html
    assert "Voorselectie door het bureau" in html  # after the closing date: what comes next
    assert "Publicatie" not in html  # over once applications close


def test_confirmation_page_of_a_vacancy_without_closing_date(client, vacancy):
    """A recruiter may clear the closing date of a published vacancy; the page still works."""
    PlanningPhaseFactory(vacancy=vacancy, activity="Voorselectie door het bureau")
    Vacancy.objects.filter(pk=vacancy.pk).update(closing_date=None)

    response = client.get(reverse("candidates:applied", args=[vacancy.reference]))

    assert response.status_code == 200
    assert "Voorselectie door het bureau" in response.content.decode()


def test_existing_candidate_is_reused_whatever_the_case_of_the_email(
    client, vacancy, private_storage, notified
):
    earlier = ApplicationFactory(
        candidate=CandidateFactory(email="Inge.Jansen@Example.NL", phone="010 000 0000"),
        vacancy=VacancyFactory(),
    )

    response = client.post(
        reverse("candidates:apply", args=[vacancy.reference]),
        application_data(email="inge.jansen@EXAMPLE.nl", phone="06 9999 0000"),
    )

    assert response.status_code == 302
    assert Candidate.objects.count() == 1
    candidate = Candidate.objects.get()
    assert candidate.pk == earlier.candidate.pk
    # The record is not changed by an application (issue 7): what was typed stays with it.
    assert candidate.phone == "010 000 0000"
    assert candidate.applications.count() == 2
    application = Application.objects.get(vacancy=vacancy)
    assert application.candidate == candidate
    assert application.submitted_details["phone"] == "06 9999 0000"


def test_service_refuses_a_closed_vacancy_and_stores_nothing(vacancy, private_storage):
    next_day = datetime(2026, 5, 16, 0, 0, tzinfo=ZoneInfo("Europe/Amsterdam"))
    with time_machine.travel(next_day), pytest.raises(ValidationError) as error:
        application_submit(
            vacancy=vacancy,
            data={"first_name": "A", "last_name": "B", "email": "a@example.nl"},
            motivation=upload(make_pdf("M")),
            cv=upload(make_pdf("C")),
        )

    assert error.value.code == "closed"
    assert not Candidate.objects.exists()
    assert stored_files(private_storage) == []


def test_service_deletes_written_files_when_the_transaction_rolls_back(
    vacancy, private_storage, monkeypatch
):
    def fail(*args, **kwargs):
        raise RuntimeError("database went away")

    # The failure comes after both files were written to storage.
    monkeypatch.setattr("candidates.services.applications.transaction.on_commit", fail)

    with pytest.raises(RuntimeError):
        application_submit(
            vacancy=vacancy,
            data={"first_name": "A", "last_name": "B", "email": "a@example.nl"},
            motivation=upload(make_pdf("M")),
            cv=upload(make_pdf("C")),
        )

    assert not Application.objects.exists()
    assert not Candidate.objects.exists()
    assert not Document.objects.exists()
    assert not StageChange.objects.exists()
    assert stored_files(private_storage) == []
