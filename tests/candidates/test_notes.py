"""Notes on a candidate, and the candidate page that shows everything about them: applications,
documents (and whether their text was read), notes, emails and stage changes."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from candidates.models import Application, ApplicationEmail, Document, Note
from candidates.selectors.search import candidate_search
from candidates.services.documents import document_store
from candidates.services.notes import NOTE_MAX_LENGTH, note_add
from candidates.services.search import candidate_reindex, document_text_extract
from mail.models import OutgoingEmail
from tests.accounts.factories import RecruiterFactory
from tests.candidates.factories import ApplicationFactory, CandidateFactory, StageChangeFactory
from tests.candidates.pdfs import make_pdf, private_storage_fixture, upload  # noqa: F401
from tests.vacancies.factories import CommitteeMemberFactory, VacancyFactory

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("private_storage")]


@pytest.fixture
def candidate():
    candidate = CandidateFactory(first_name="Inge", last_name="Jansen", email="inge@example.nl")
    candidate_reindex(candidate_id=candidate.pk)
    return candidate


def detail_url(candidate):
    return reverse("candidates:candidate_detail", args=[candidate.pk])


def note_url(candidate):
    return reverse("candidates:note_add", args=[candidate.pk])


def add_email(application, *, subject, sent=True, body="Beste Inge,\n\nHelaas."):
    email = OutgoingEmail.objects.create(
        key=f"test:{application.pk}:{subject}",
        to=application.candidate.email,
        language="nl",
        template="application_message",
        context={"subject": subject, "body": body, "kind": "reject_after_letter"},
        sent_at=timezone.now() if sent else None,
    )
    return ApplicationEmail.objects.create(
        application=application, email=email, kind="reject_after_letter"
    )


def add_application(candidate, title="Algemeen Directeur", *, text="Curriculum vitae"):
    application = ApplicationFactory(candidate=candidate, vacancy=VacancyFactory(title=title))
    StageChangeFactory(application=application, from_stage="", to_stage="applied")
    for kind, content in [
        (Document.Kind.MOTIVATION, make_pdf("Motivatie")),
        (Document.Kind.CV, make_pdf(text)),
    ]:
        document = document_store(
            application=application, kind=kind, upload=upload(content, f"{kind}.pdf"), stored=[]
        )
        document_text_extract(document_id=document.pk)
    return application


# The service


def test_note_add_stores_the_note_and_makes_it_searchable(candidate, recruiter):
    application = ApplicationFactory(candidate=candidate)

    note = note_add(
        candidate=candidate,
        author=recruiter,
        text="  Sterke verbinder in het sociaal domein  ",
        visibility=Note.Visibility.SHAREABLE,
        application=application,
    )

    assert (note.candidate, note.application, note.author, note.visibility) == (
        candidate,
        application,
        recruiter,
        "shareable",
    )
    assert note.text == "Sterke verbinder in het sociaal domein"
    candidate.refresh_from_db()
    assert "sterke verbinder in het sociaal domein" in candidate.search_text
    assert list(candidate_search(query="verbinder")) == [candidate]


@pytest.mark.parametrize(
    ("fields", "code"),
    [
        ({"text": "   "}, "empty"),
        ({"text": "\x00\x01"}, "empty"),
        ({"text": "x" * (NOTE_MAX_LENGTH + 1)}, "too_long"),
        ({"text": "Goed", "visibility": "public"}, "invalid_visibility"),
    ],
)
def test_note_add_refuses_bad_input(candidate, recruiter, fields, code):
    with pytest.raises(ValidationError) as error:
        note_add(candidate=candidate, author=recruiter, **{"visibility": "internal", **fields})

    assert error.value.code == code
    assert not Note.objects.exists()


def test_note_add_refuses_an_application_of_another_candidate(candidate, recruiter):
    other = ApplicationFactory()

    with pytest.raises(ValidationError) as error:
        note_add(
            candidate=candidate,
            author=recruiter,
            text="Verkeerd",
            visibility="internal",
            application=other,
        )

    assert error.value.code == "invalid_application"
    assert not Note.objects.exists()


# The view


def test_recruiter_adds_a_note(recruiter_client, recruiter, candidate):
    application = ApplicationFactory(candidate=candidate)

    response = recruiter_client.post(
        note_url(candidate),
        {"text": "Belde terug, is geïnteresseerd", "visibility": "shareable",
         "application": application.pk},
    )  # fmt: skip

    assert response.status_code == 302
    assert response.url == detail_url(candidate) + "#notes"
    note = Note.objects.get()
    assert (note.author, note.application, note.visibility) == (
        recruiter,
        application,
        "shareable",
    )
    page = recruiter_client.get(response.url).content.decode()
    assert "De notitie is toegevoegd." in page
    assert "Belde terug, is geïnteresseerd" in page


def test_note_with_errors_is_shown_again_with_the_text_kept(recruiter_client, candidate):
    response = recruiter_client.post(
        note_url(candidate), {"text": "Mijn tekst", "visibility": "openbaar"}
    )

    assert response.status_code == 400
    html = response.content.decode()
    assert "Mijn tekst" in html
    assert "Selecteer een geldige keuze" in html
    assert not Note.objects.exists()


def test_empty_note_is_refused_in_dutch(recruiter_client, candidate):
    response = recruiter_client.post(note_url(candidate), {"text": " ", "visibility": "internal"})

    assert response.status_code == 400
    assert "Schrijf eerst een notitie." in response.content.decode()
    assert not Note.objects.exists()


def test_note_about_an_application_of_someone_else_is_refused(recruiter_client, candidate):
    other = ApplicationFactory()

    response = recruiter_client.post(
        note_url(candidate), {"text": "Let op", "visibility": "internal", "application": other.pk}
    )

    assert response.status_code == 400
    assert not Note.objects.exists()


def test_note_add_needs_post(recruiter_client, candidate):
    assert recruiter_client.get(note_url(candidate)).status_code == 405


def test_note_add_of_an_unknown_candidate_is_404(recruiter_client):
    response = recruiter_client.post(
        reverse("candidates:note_add", args=[999_999]), {"text": "x", "visibility": "internal"}
    )

    assert response.status_code == 404


def test_anonymous_cannot_add_a_note(client, candidate):
    response = client.post(note_url(candidate), {"text": "x", "visibility": "internal"})

    assert response.status_code == 302
    assert response.url.startswith(reverse("login"))
    assert not Note.objects.exists()


def test_committee_member_cannot_add_a_note_nor_see_the_page(client, candidate):
    application = ApplicationFactory(candidate=candidate)
    member = CommitteeMemberFactory(vacancy=application.vacancy)
    client.force_login(member.user)

    response = client.post(note_url(candidate), {"text": "x", "visibility": "internal"})

    assert response.status_code == 404
    assert not Note.objects.exists()
    assert client.get(detail_url(candidate)).status_code == 404


# The candidate page


def test_page_shows_applications_documents_notes_emails_and_history(
    recruiter_client, recruiter, candidate
):
    application = add_application(candidate, "Algemeen Directeur IPO")
    Application.objects.filter(pk=application.pk).update(
        source="sourced", outreach="interested", stage="longlist"
    )
    StageChangeFactory(
        application=application,
        from_stage="applied",
        to_stage="longlist",
        changed_by=recruiter,
        reason="Sterk profiel",
    )
    note_add(
        candidate=candidate,
        author=recruiter,
        text="Intern: salarisindicatie te hoog",
        visibility="internal",
    )
    note_add(
        candidate=candidate,
        author=recruiter,
        text="Deelbaar: sterke bestuurder",
        visibility="shareable",
        application=application,
    )
    add_email(application, subject="Uw sollicitatie bij het IPO", sent=True)
    add_email(application, subject="Uitnodiging gesprek", sent=False)

    response = recruiter_client.get(detail_url(candidate))

    assert response.status_code == 200
    html = response.content.decode()
    for text in [
        "Algemeen Directeur IPO",
        "Longlist",
        "Gevonden via search",  # source
        "Geïnteresseerd",  # outreach
        "Sterk profiel",
        str(recruiter),
        "Tekst gelezen voor het zoeken",
        "Intern: salarisindicatie te hoog",
        "Deelbaar: sterke bestuurder",
        "Intern",
        "Te delen met de commissie",
        "Uw sollicitatie bij het IPO",
        "Uitnodiging gesprek",
        "Verstuurd",
        "Wacht op verzending",
        reverse("candidates:note_add", args=[candidate.pk]),
    ]:
        assert text in html, text
    assert [n.text for n in response.context["notes"]] == [
        "Deelbaar: sterke bestuurder",
        "Intern: salarisindicatie te hoog",
    ]
    assert [e.email.context["subject"] for e in response.context["emails"]] == [
        "Uitnodiging gesprek",
        "Uw sollicitatie bij het IPO",
    ]


def test_page_says_when_the_text_of_a_pdf_could_not_be_read(recruiter_client, candidate):
    application = ApplicationFactory(candidate=candidate)
    document = document_store(
        application=application,
        kind=Document.Kind.CV,
        upload=upload(make_pdf(""), "scan.pdf"),
        stored=[],
    )
    document_text_extract(document_id=document.pk)

    html = recruiter_client.get(detail_url(candidate)).content.decode()

    assert "scan.pdf" in html
    assert "Tekst kon niet worden gelezen" in html
    assert "alleen op de andere gegevens" in html
    assert reverse("candidates:document_download", args=[document.pk]) in html


def test_page_query_count_is_fixed(
    recruiter_client,
    recruiter,
    candidate,
    django_assert_num_queries,
    django_assert_max_num_queries,
):
    add_application(candidate)
    # Session, user, candidate, applications, their history, documents, emails and assessments,
    # notes, merges, access log, the session saved.
    with django_assert_max_num_queries(16) as few:
        recruiter_client.get(detail_url(candidate))

    for number in range(5):
        application = add_application(candidate, f"Directeur {number}")
        StageChangeFactory(application=application, from_stage="applied", to_stage="longlist")
        add_email(application, subject=f"Bericht {number}")
        note_add(candidate=candidate, author=RecruiterFactory(), text=f"Notitie {number}",
                 visibility="internal", application=application)  # fmt: skip

    with django_assert_num_queries(len(few.captured_queries)):
        response = recruiter_client.get(detail_url(candidate))
    assert len(response.context["applications"]) == 6
    assert len(response.context["notes"]) == 5
    assert len(response.context["emails"]) == 5
