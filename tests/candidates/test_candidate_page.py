import hashlib
import io
import json
import zipfile
from datetime import date

import pytest
from django.core import signing
from django.core.files.base import ContentFile
from django.urls import reverse
from django.utils import translation

from candidates.models import Application, Document, DocumentAccess, Note, StageChange
from candidates.services.candidate_page import LINK_SALT, WITHDRAWN_REASON, status_link_token
from mail.models import OutgoingEmail
from tests.accounts.factories import RecruiterFactory
from tests.candidates.factories import ApplicationFactory, CandidateFactory
from tests.candidates.pdfs import make_pdf, private_storage_fixture  # noqa: F401
from tests.vacancies.factories import PlanningPhaseFactory, VacancyFactory
from vacancies.models import PlanningPhase

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("private_storage")]


@pytest.fixture
def application():
    consultant = RecruiterFactory(username="inge", email="inge@example.org")
    vacancy = VacancyFactory(lead_consultant=consultant)
    PlanningPhaseFactory(vacancy=vacancy, order=1)  # preselection 18 - 29 May 2026
    candidate = CandidateFactory(first_name="Anna", last_name="de Vries")
    return ApplicationFactory(candidate=candidate, vacancy=vacancy)


def add_document(application, kind=Document.Kind.CV, text="Curriculum vitae"):
    content = make_pdf(text)
    document = Document(
        application=application,
        kind=kind,
        original_name=f"{kind}.pdf",
        size=len(content),
        sha256=hashlib.sha256(content).hexdigest(),
    )
    document.file.save("x.pdf", ContentFile(content), save=False)
    document.save()
    return document, content


def url(application, name="status", *args):
    return reverse(f"candidates:{name}", args=[status_link_token(application), *args])


# The page and its link ---------------------------------------------------------------------


def test_the_link_shows_the_status_in_plain_words(client, application):
    response = client.get(url(application))
    assert response.status_code == 200
    content = response.content.decode()
    assert "Algemeen Directeur" in content
    assert "Anna de Vries" in content
    assert "Wij hebben uw sollicitatie ontvangen." in content
    assert "vrijdag 15 mei 2026" in content  # the closing date, in Dutch
    assert "Voorselectie en interviews kandidaten door Chasse" in content  # the planning
    assert "noindex" in response["X-Robots-Tag"]
    assert "no-store" in response["Cache-Control"]


@pytest.mark.parametrize(
    ("stage", "words"),
    [
        (Application.Stage.LONGLIST, "being considered in the preselection"),
        (Application.Stage.SHORTLIST, "proposed you to the selection committee"),
        (Application.Stage.REJECTED, "The procedure has ended for you"),
        (Application.Stage.WITHDRAWN, "You have withdrawn your application"),
    ],
)
def test_internal_stage_names_are_never_shown(client, application, stage, words):
    Application.objects.filter(pk=application.pk).update(stage=stage, rejection_code="profile")
    with translation.override("en"):
        response = client.get(url(application), headers={"accept-language": "en"})
    content = response.content.decode()
    assert words in content
    for internal in ("longlist", "Longlist", "shortlist", "Shortlist", "Rejected", "rejected"):
        assert internal not in content


def test_a_tampered_link_is_not_found(client, application):
    signed = status_link_token(application)
    tampered = signed[:-1] + ("A" if signed[-1] != "A" else "B")
    assert client.get(reverse("candidates:status", args=[tampered])).status_code == 404
    assert client.get(reverse("candidates:status", args=["nonsense"])).status_code == 404
    # Well signed, but for a token that does not exist (or no longer exists).
    unknown = signing.dumps({"a": "unknown-token"}, salt=LINK_SALT)
    assert client.get(reverse("candidates:status", args=[unknown])).status_code == 404
    # The bare token without a signature is not a link either.
    bare = application.access_token
    assert client.get(reverse("candidates:status", args=[bare])).status_code == 404


def test_a_logged_in_recruiter_with_a_wrong_link_gets_404_too(recruiter_client, application):
    assert recruiter_client.get(reverse("candidates:status", args=["x"])).status_code == 404


def test_another_candidates_link_shows_only_their_own_data(client, application):
    other = ApplicationFactory(
        vacancy=application.vacancy, candidate=CandidateFactory(first_name="Bram", last_name="Kok")
    )
    document, _ = add_document(application)
    content = client.get(url(other)).content.decode()
    assert "Bram Kok" in content
    assert "Anna de Vries" not in content
    # Anna's document through Bram's link.
    assert client.get(url(other, "status_document", document.pk)).status_code == 404
    assert not DocumentAccess.objects.exists()


def test_the_candidate_downloads_their_document_and_it_is_logged(client, application):
    document, content = add_document(application)
    response = client.get(url(application, "status_document", document.pk))
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == content
    access = DocumentAccess.objects.get()
    assert access.document == document
    assert access.by_candidate is True
    assert access.user is None


def test_the_status_page_query_count_does_not_grow_with_the_planning(
    client, application, django_assert_max_num_queries
):
    add_document(application)
    with django_assert_max_num_queries(6):
        client.get(url(application))
    for order in range(2, 12):
        PlanningPhaseFactory(
            vacancy=application.vacancy, order=order, kind=PlanningPhase.Kind.OTHER
        )
    add_document(application, kind=Document.Kind.MOTIVATION)
    with django_assert_max_num_queries(6):
        response = client.get(url(application))
    assert len(response.context["planning"]) == 11


# Withdraw ----------------------------------------------------------------------------------


def test_withdraw_asks_for_confirmation_then_withdraws(
    client, application, mailoutbox, django_capture_on_commit_callbacks
):
    response = client.get(url(application, "status_withdraw"))
    assert response.status_code == 200
    assert Application.objects.get(pk=application.pk).stage == Application.Stage.APPLIED

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url(application, "status_withdraw"), follow=True)
    assert response.status_code == 200
    application.refresh_from_db()
    assert application.stage == Application.Stage.WITHDRAWN
    change = StageChange.objects.get(application=application)
    assert change.from_stage == Application.Stage.APPLIED
    assert change.to_stage == Application.Stage.WITHDRAWN
    assert change.changed_by is None
    with translation.override("nl"):
        assert change.reason == str(WITHDRAWN_REASON)
    assert [m.to[0] for m in mailoutbox] == ["inge@example.org"]
    content = response.content.decode()
    assert "U hebt uw sollicitatie ingetrokken" in content
    assert url(application, "status_withdraw") not in content  # no second withdraw button


@pytest.mark.parametrize("stage", [Application.Stage.REJECTED, Application.Stage.WITHDRAWN])
def test_a_final_application_cannot_be_withdrawn(client, application, stage):
    Application.objects.filter(pk=application.pk).update(stage=stage, rejection_code="profile")
    response = client.post(url(application, "status_withdraw"), follow=True)
    assert response.status_code == 200
    assert "kan niet meer worden ingetrokken" in response.content.decode()
    assert Application.objects.get(pk=application.pk).stage == stage
    assert not StageChange.objects.exists()


def test_withdraw_with_a_wrong_link_changes_nothing(client, application):
    assert client.post(reverse("candidates:status_withdraw", args=["x"])).status_code == 404
    assert Application.objects.get(pk=application.pk).stage == Application.Stage.APPLIED


# Export ------------------------------------------------------------------------------------


def test_export_holds_all_data_about_the_candidate(client, application):
    author = application.vacancy.lead_consultant
    Note.objects.create(
        candidate=application.candidate,
        application=application,
        author=author,
        text="Sterke bestuurder.",
    )
    StageChange.objects.create(application=application, from_stage="", to_stage="applied")
    cv, cv_bytes = add_document(application)
    letter, letter_bytes = add_document(application, Document.Kind.MOTIVATION, "Motivatie")
    earlier = ApplicationFactory(
        candidate=application.candidate,
        vacancy=VacancyFactory(
            title="Directeur BIJ12", published_on=date(2025, 2, 1), closing_date=date(2025, 3, 1)
        ),
    )
    Note.objects.create(candidate=earlier.candidate, application=earlier, text="Eerder gesproken.")
    someone_else = ApplicationFactory(vacancy=application.vacancy)
    Note.objects.create(
        candidate=someone_else.candidate, application=someone_else, text="Niet van Anna."
    )

    response = client.get(url(application, "status_export"))

    assert response.status_code == 200
    assert response["Content-Type"] == "application/zip"
    assert "attachment" in response["Content-Disposition"]
    assert "mijn-gegevens-" in response["Content-Disposition"]
    archive = zipfile.ZipFile(io.BytesIO(response.content))
    data = json.loads(archive.read("data.json"))
    assert data["candidate"]["first_name"] == "Anna"
    assert data["candidate"]["last_name"] == "de Vries"
    assert data["candidate"]["email"] == application.candidate.email
    assert {a["vacancy"] for a in data["applications"]} == {"Algemeen Directeur", "Directeur BIJ12"}
    notes = [n["text"] for a in data["applications"] for n in a["notes"]]
    assert sorted(notes) == ["Eerder gesproken.", "Sterke bestuurder."]
    current = next(a for a in data["applications"] if a["vacancy"] == "Algemeen Directeur")
    assert len(current["stage_history"]) == 1
    files = {d["sha256"]: d for d in current["documents"]}
    for document, content in ((cv, cv_bytes), (letter, letter_bytes)):
        entry = files[document.sha256]
        assert archive.read(entry["file"]) == content
        assert hashlib.sha256(content).hexdigest() == entry["sha256"]
    assert DocumentAccess.objects.filter(by_candidate=True).count() == 2
    assert "Niet van Anna" not in json.dumps(data)


# Erasure -----------------------------------------------------------------------------------


def test_erasure_request_is_recorded_once_and_tells_the_consultant(
    client, application, mailoutbox, django_capture_on_commit_callbacks
):
    assert client.get(url(application, "status_erasure")).status_code == 200
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url(application, "status_erasure"))
    assert response.status_code == 302
    application.refresh_from_db()
    first = application.erasure_requested_at
    assert first is not None
    assert [m.to[0] for m in mailoutbox] == ["inge@example.org"]
    assert "Anna de Vries" in mailoutbox[0].subject

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url(application, "status_erasure"), follow=True)
    application.refresh_from_db()
    assert application.erasure_requested_at == first
    assert len(mailoutbox) == 1
    assert OutgoingEmail.objects.filter(key__startswith="erasure-requested:").count() == 1


def test_erasure_request_covers_every_application_of_the_candidate(
    client, application, django_capture_on_commit_callbacks
):
    earlier = ApplicationFactory(candidate=application.candidate)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(url(application, "status_erasure"))
    earlier.refresh_from_db()
    assert earlier.erasure_requested_at is not None


def test_erasure_with_a_wrong_link_changes_nothing(client, application):
    assert client.post(reverse("candidates:status_erasure", args=["x"])).status_code == 404
    assert Application.objects.get(pk=application.pk).erasure_requested_at is None
