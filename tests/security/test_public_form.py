"""The public form reveals and changes nothing it should not (issue 7): the same answer for every
valid submission, what differs only in the address's mailbox, and an application that never
changes what is known about a person (the consultant takes submitted details over, logged)."""

import re
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.test import Client
from django.urls import reverse

from candidates.models import Application, Candidate, Note, StageChange
from tests.candidates.factories import ApplicationFactory, CandidateFactory
from tests.candidates.pdfs import (
    application_data,
    fresh_cache_fixture,  # noqa: F401
    private_storage_fixture,  # noqa: F401
)
from tests.vacancies.factories import ContactPersonFactory, VacancyFactory

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("fresh_cache", "private_storage")]

EMAIL = "inge.jansen@example.nl"


@pytest.fixture(autouse=True)
def _open():
    with time_machine.travel(datetime(2026, 5, 1, 12, 0, tzinfo=ZoneInfo("Europe/Amsterdam"))):
        yield


@pytest.fixture
def vacancy():
    vacancy = VacancyFactory()
    ContactPersonFactory(vacancy=vacancy, email="procedure@chassesearch.nl")
    return vacancy


def submit(vacancy, capture, **data):
    with capture(execute=True):
        response = Client().post(
            reverse("candidates:apply", args=[vacancy.reference]), application_data(**data)
        )
    page = Client().get(response.url) if response.status_code == 302 else response
    # The CSRF token differs per visitor; nothing else may.
    text = re.sub(r"[A-Za-z0-9]{64}", "TOKEN", page.content.decode())
    return response.status_code, response.get("Location"), text


def test_every_valid_submission_gets_the_same_answer(
    vacancy, mailoutbox, django_capture_on_commit_callbacks
):
    """Old code: an address already in the pipeline got "you already applied" on the page."""
    capture = django_capture_on_commit_callbacks
    new = submit(vacancy, capture, email="nieuw@example.nl")
    CandidateFactory(email="bekend@example.nl")
    known = submit(vacancy, capture, email="bekend@example.nl")
    ApplicationFactory(vacancy=vacancy, candidate=CandidateFactory(email=EMAIL))
    in_pipeline = submit(vacancy, capture, email=EMAIL)
    sourced = CandidateFactory(email="benaderd@example.nl")
    ApplicationFactory(vacancy=vacancy, candidate=sourced, stage="sourced", source="sourced")
    approached = submit(vacancy, capture, email="benaderd@example.nl")

    assert new == known == in_pipeline == approached
    assert new[0] == 302
    assert new[1] == reverse("candidates:applied", args=[vacancy.reference])
    assert "Hartelijk dank voor uw sollicitatie" in new[2]
    # What differs goes to the mailbox of the address, and only there.
    consultant = vacancy.lead_consultant.email
    to = {message.to[0]: message for message in mailoutbox if message.to != [consultant]}
    assert set(to) == {"nieuw@example.nl", "bekend@example.nl", EMAIL, "benaderd@example.nl"}
    assert "U heeft al gesolliciteerd" in to[EMAIL].subject
    assert "procedure@chassesearch.nl" in to[EMAIL].body
    for address in ("nieuw@example.nl", "bekend@example.nl", "benaderd@example.nl"):
        assert "is ontvangen" in to[address].subject, to[address].subject


def test_the_already_applied_email_goes_out_once_a_day(
    vacancy, mailoutbox, django_capture_on_commit_callbacks
):
    ApplicationFactory(vacancy=vacancy, candidate=CandidateFactory(email=EMAIL))
    for _ in range(3):
        submit(vacancy, django_capture_on_commit_callbacks, email=EMAIL)

    assert len([m for m in mailoutbox if m.to == [EMAIL]]) == 1


def test_an_application_does_not_overwrite_a_known_candidate(
    vacancy, django_capture_on_commit_callbacks
):
    """Old code: name, phone and organisation of the known person were replaced."""
    known = CandidateFactory(
        email=EMAIL, first_name="Inge", last_name="Jansen", phone="010 000 0000",
        current_position="Directeur Bedrijfsvoering", current_organisation="Provincie Utrecht",
    )  # fmt: skip
    ApplicationFactory(candidate=known)

    submit(
        vacancy,
        django_capture_on_commit_callbacks,
        email="INGE.jansen@example.nl",
        first_name="Aanvaller",
        phone="06 6666 6666",
        current_organisation="Kwaadwillend BV",
    )

    known.refresh_from_db()
    assert (known.first_name, known.phone, known.current_organisation) == (
        "Inge", "010 000 0000", "Provincie Utrecht",
    )  # fmt: skip
    application = Application.objects.get(vacancy=vacancy)
    assert application.candidate == known
    assert application.submitted_details["first_name"] == "Aanvaller"
    assert application.submitted_details["phone"] == "06 6666 6666"
    assert [d["field"] for d in application.submitted_differences] == [
        "first_name", "phone", "current_organisation",
    ]  # fmt: skip


def test_a_sourced_person_who_applies_hands_in_documents_and_becomes_applied(
    vacancy, django_capture_on_commit_callbacks
):
    person = CandidateFactory(email=EMAIL, first_name="Inge", phone="010 000 0000")
    application = ApplicationFactory(
        vacancy=vacancy, candidate=person, stage="sourced", source="sourced"
    )
    StageChange.objects.create(application=application, from_stage="", to_stage="sourced")

    submit(vacancy, django_capture_on_commit_callbacks, email=EMAIL, phone="06 1111 2222")

    application.refresh_from_db()
    person.refresh_from_db()
    assert application.stage == Application.Stage.APPLIED
    assert application.documents.count() == 2
    assert person.phone == "010 000 0000"
    assert application.submitted_details["phone"] == "06 1111 2222"


# The back office: the difference, taken over with one click ---------------------------------


@pytest.fixture
def differing():
    candidate = CandidateFactory(email=EMAIL, phone="010 000 0000", current_position="Directeur")
    return ApplicationFactory(
        candidate=candidate,
        submitted_details={
            "email": EMAIL,
            "first_name": candidate.first_name,
            "last_name": candidate.last_name,
            "phone": "06 1111 2222",
            "current_position": "Secretaris-directeur",
            "current_organisation": "",
            "linkedin_url": "",
        },
    )


def review_url(application):
    return reverse("candidates:application_details_review", args=[application.pk])


def test_the_candidate_page_shows_the_difference(recruiter_client, differing):
    page = recruiter_client.get(
        reverse("candidates:candidate_detail", args=[differing.candidate_id])
    )

    html = page.content.decode()
    assert "anders dan in het dossier" in html
    assert "06 1111 2222" in html
    assert "Secretaris-directeur" in html
    assert review_url(differing) in html


def test_the_consultant_takes_the_details_over_with_one_click(
    recruiter_client, recruiter, differing
):
    response = recruiter_client.post(review_url(differing), {"action": "take_over"})

    assert response.status_code == 302
    candidate = Candidate.objects.get(pk=differing.candidate_id)
    assert candidate.phone == "06 1111 2222"
    assert candidate.current_position == "Secretaris-directeur"
    assert candidate.current_organisation == "Provincie Utrecht"  # empty submitted: kept
    differing.refresh_from_db()
    assert differing.submitted_details_reviewed_by == recruiter
    note = Note.objects.get(application=differing)
    assert note.author == recruiter
    assert note.visibility == Note.Visibility.INTERNAL
    assert "overgenomen" in note.text
    assert "“010 000 0000” → “06 1111 2222”" in note.text
    page = recruiter_client.get(reverse("candidates:candidate_detail", args=[candidate.pk]))
    assert review_url(differing) not in page.content.decode()
    # A second click changes nothing more.
    recruiter_client.post(review_url(differing), {"action": "take_over"})
    assert Note.objects.filter(application=differing).count() == 1


def test_the_consultant_may_keep_the_record(recruiter_client, differing):
    recruiter_client.post(review_url(differing), {"action": "keep"})

    candidate = Candidate.objects.get(pk=differing.candidate_id)
    assert candidate.phone == "010 000 0000"
    assert "niet overgenomen" in Note.objects.get(application=differing).text
    differing.refresh_from_db()
    assert differing.submitted_differences == []


def test_only_recruiters_review(client, committee_user, differing):
    anonymous = client.post(review_url(differing), {"action": "take_over"})
    client.force_login(committee_user)
    committee = client.post(review_url(differing), {"action": "take_over"})

    assert anonymous.status_code == 302
    assert anonymous.url.startswith(reverse("login"))
    assert committee.status_code == 404
    assert Candidate.objects.get(pk=differing.candidate_id).phone == "010 000 0000"
