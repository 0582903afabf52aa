"""Candidate search: the search text, reading the text of PDFs, and queries of any kind.

These tests run on the database of the run: SQLite by default, PostgreSQL with DATABASE_URL
(then the full-text and trigram paths are the ones tested). test_search_postgres.py holds what
only PostgreSQL does.
"""

import io
import logging
from datetime import timedelta
from urllib.parse import quote_from_bytes

import pytest
from django.urls import reverse
from django.utils import timezone
from pypdf import PdfWriter

from candidates.models import Candidate, Document, Note
from candidates.selectors.search import candidate_search, search_query_clean
from candidates.services.applications import application_submit
from candidates.services.documents import document_store
from candidates.services.search import (
    candidate_reindex,
    clean_text,
    document_text_enqueue,
    document_text_extract,
)
from candidates.tasks import extract_document_text
from tests.candidates.factories import ApplicationFactory, CandidateFactory
from tests.candidates.pdfs import (  # noqa: F401
    make_broken_pdf,
    make_pdf,
    private_storage_fixture,
    upload,
)
from tests.vacancies.factories import VacancyFactory

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("private_storage")]

HOSTILE_QUERIES = [
    '"',
    "'",
    "''; DROP TABLE candidates_candidate; --",
    "&|!:*()",
    "jansen & | ! : * ( )",
    "!!!",
    "a:*",
    "(((",
    '"unclosed phrase',
    "-",
    "- - -",
    "or",
    "OR OR",
    "\\",
    "%",
    "_",
    "%_%",
    "<->",
    "jansen <-> directeur",
    "\x00",
    "jan\x00sen",
    "\x01\x02\x1f\x7f",
    "\u200b\u200e\ufeff",
    "\ud800",
    "x" * 10_000,
    "directeur " * 2_000,
    " " * 500,
    "\t\n\r",
    "Zoë Ünal-Çelik",
    "ĳsselmeer",
    "漢字かなカナ",
    "🙂🙂🙂",
    "مرحبا",
    "$1 %s %(name)s {0}",
    "de het een",  # only stop words
]


def make_candidate(**fields) -> Candidate:
    candidate = CandidateFactory(**fields)
    candidate_reindex(candidate_id=candidate.pk)
    candidate.refresh_from_db()
    return candidate


def found(query="", **filters) -> list[Candidate]:
    return list(candidate_search(query=query, **filters))


def store(application, content: bytes, kind=Document.Kind.CV, name="cv.pdf") -> Document:
    return document_store(
        application=application, kind=kind, upload=upload(content, name), stored=[]
    )


def blank_pdf() -> bytes:
    """A valid PDF with one page and no text on it, like a scan."""
    writer = PdfWriter()
    writer.add_blank_page(width=595, height=842)
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


# The search text


def test_search_text_holds_names_email_position_organisation_notes_and_documents():
    candidate = make_candidate(
        first_name="Inge",
        last_name="Jansen",
        email="Inge.Jansen@Example.NL",
        current_position="Directeur Bedrijfsvoering",
        current_organisation="Provincie Utrecht",
    )
    application = ApplicationFactory(candidate=candidate)
    Note.objects.create(candidate=candidate, text="Sterk in \t verandermanagement\n")
    Document.objects.create(
        application=application,
        kind=Document.Kind.CV,
        file="documents/x.pdf",
        original_name="cv.pdf",
        size=1,
        sha256="0" * 64,
        text="Ervaring met Omgevingswet",
        text_status=Document.TextStatus.EXTRACTED,
    )

    text = candidate_reindex(candidate_id=candidate.pk)

    candidate.refresh_from_db()
    assert candidate.search_text == text
    for part in [
        "inge",
        "jansen",
        "inge.jansen@example.nl",
        "example nl",
        "directeur bedrijfsvoering",
        "provincie utrecht",
        "sterk in verandermanagement",
        "ervaring met omgevingswet",
    ]:
        assert part in text, part
    assert text == text.lower()
    assert "\x00" not in text


def test_search_text_leaves_out_documents_whose_text_was_not_read():
    candidate = make_candidate(first_name="Piet", last_name="Bakker")
    application = ApplicationFactory(candidate=candidate)
    Document.objects.create(
        application=application,
        kind=Document.Kind.CV,
        file="documents/y.pdf",
        original_name="cv.pdf",
        size=1,
        sha256="0" * 64,
        text="half gelezen",
        text_status=Document.TextStatus.FAILED,
    )

    assert "half gelezen" not in candidate_reindex(candidate_id=candidate.pk)


def test_reindex_of_a_candidate_that_is_gone_does_nothing():
    assert candidate_reindex(candidate_id=987_654) is None


def test_clean_text_removes_control_characters_and_collapses_space():
    assert clean_text("a\x00b\tc\n\nd\u200be\u00a0f  ") == "a b c de f"
    assert clean_text("x" * 50, limit=10) == "x" * 10
    assert clean_text("") == ""


def test_search_query_clean_bounds_any_input():
    assert search_query_clean("  Jansen\x00  ") == "jansen"
    assert len(search_query_clean("x" * 10_000)) == 200
    assert search_query_clean(" " * 100) == ""
    assert search_query_clean(None) == ""
    assert search_query_clean(["jansen"]) == ""


# Reading the text of a PDF


def test_submitted_application_is_found_by_a_word_only_in_the_cv(
    django_capture_on_commit_callbacks,
):
    vacancy = VacancyFactory(closing_date=timezone.localdate() + timedelta(days=10))
    with django_capture_on_commit_callbacks(execute=True):
        application = application_submit(
            vacancy=vacancy,
            data={
                "first_name": "Inge",
                "last_name": "Jansen",
                "email": "inge.jansen@example.nl",
                "current_position": "Directeur",
                "current_organisation": "Provincie Utrecht",
            },
            motivation=upload(make_pdf("Motivatiebrief voor het IPO"), "motivatie.pdf"),
            cv=upload(make_pdf("Ervaring met stikstofdossiers en waterschappen"), "cv.pdf"),
        )
    other = make_candidate(first_name="Piet", last_name="Bakker", email="piet@example.nl")

    documents = {d.kind: d for d in application.documents.all()}
    assert documents["cv"].text_status == Document.TextStatus.EXTRACTED
    assert "stikstofdossiers" in documents["cv"].text
    assert "Motivatiebrief" in documents["motivation"].text
    assert found("stikstofdossiers") == [application.candidate]
    assert found("Motivatiebrief") == [application.candidate]
    assert other not in found("stikstofdossiers")


def test_text_is_read_after_commit_not_before(django_capture_on_commit_callbacks):
    application = ApplicationFactory()
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        document = store(application, make_pdf("Curriculum vitae"))
    document.refresh_from_db()
    assert document.text_status == Document.TextStatus.PENDING
    assert len(callbacks) == 1

    callbacks[0]()

    document.refresh_from_db()
    assert document.text_status == Document.TextStatus.EXTRACTED
    assert document.text == "Curriculum vitae"


def test_text_of_every_page_is_read():
    application = ApplicationFactory()
    document = store(application, make_pdf("Pagina", pages=3))

    assert document_text_extract(document_id=document.pk) == Document.TextStatus.EXTRACTED
    document.refresh_from_db()
    assert all(f"Pagina ({n})" in document.text for n in (1, 2, 3))


@pytest.mark.parametrize(
    "content", [blank_pdf(), make_pdf(""), make_broken_pdf(), make_pdf("x", password="geheim")]
)
def test_pdf_without_readable_text_is_kept_and_marked_failed(content, caplog):
    candidate = make_candidate(first_name="Karin", last_name="Smit")
    application = ApplicationFactory(candidate=candidate)
    document = store(application, content)

    with caplog.at_level(logging.INFO):
        status = document_text_extract(document_id=document.pk)

    assert status == Document.TextStatus.FAILED
    document.refresh_from_db()
    assert document.text == ""
    assert document.file.storage.exists(document.file.name)
    # The candidate is still found by the other fields.
    assert found("Karin Smit") == [candidate]


def test_missing_file_is_marked_failed():
    application = ApplicationFactory()
    document = store(application, make_pdf("Weg"))
    document.file.storage.delete(document.file.name)

    assert document_text_extract(document_id=document.pk) == Document.TextStatus.FAILED


def test_extraction_is_idempotent():
    candidate = make_candidate(first_name="Ruud", last_name="Visser")
    application = ApplicationFactory(candidate=candidate)
    document = store(application, make_pdf("Havenbeheer Rotterdam"))

    assert extract_document_text(document.pk) == Document.TextStatus.EXTRACTED
    Document.objects.filter(pk=document.pk).update(text="handmatig")
    assert extract_document_text(document.pk) is None
    assert extract_document_text(987_654) is None

    document.refresh_from_db()
    assert document.text == "handmatig"


def test_long_text_is_cut(monkeypatch):
    application = ApplicationFactory()
    document = store(application, make_pdf("woord " * 200, pages=2))
    monkeypatch.setattr("candidates.services.search.DOCUMENT_TEXT_MAX", 100)

    document_text_extract(document_id=document.pk)

    document.refresh_from_db()
    assert 0 < len(document.text) <= 100


def test_a_broker_that_is_down_leaves_the_text_pending(monkeypatch, caplog):
    def down(*args, **kwargs):
        raise OSError("broker down")

    monkeypatch.setattr("candidates.tasks.extract_document_text.delay", down)

    with caplog.at_level(logging.WARNING):
        assert document_text_enqueue(document_id=1) is False
    assert "stays unread" in caplog.text


# Searching


def test_search_finds_by_name_email_position_organisation_and_note():
    inge = make_candidate(
        first_name="Inge",
        last_name="Jansen",
        email="inge@voorbeeld.nl",
        current_position="Griffier",
        current_organisation="Waterschap Rivierenland",
    )
    piet = make_candidate(
        first_name="Piet",
        last_name="Bakker",
        email="piet@example.org",
        current_position="Secretaris",
        current_organisation="Gemeente Zwolle",
    )
    Note.objects.create(candidate=piet, text="Kent het sociaal domein door en door")
    candidate_reindex(candidate_id=piet.pk)

    assert found("Inge") == [inge]
    assert found("jansen") == [inge]
    assert found("INGE JANSEN") == [inge]
    assert found("inge@voorbeeld.nl") == [inge]
    assert found("griffier") == [inge]
    assert found("Rivierenland") == [inge]
    assert found("Zwolle") == [piet]
    assert found("sociaal domein") == [piet]
    assert found("Rivierenland Zwolle") == []
    assert found("") == [piet, inge]  # newest first


@pytest.mark.parametrize("query", HOSTILE_QUERIES)
def test_hostile_query_never_errors(query, recruiter_client):
    make_candidate(first_name="Inge", last_name="Jansen", current_position="Directeur")

    assert isinstance(found(query), list)
    # As a browser would send it: UTF-8, percent-encoded (a lone surrogate as invalid bytes).
    encoded = quote_from_bytes(query.encode("utf-8", "surrogatepass"))
    response = recruiter_client.get(f"{reverse('candidates:candidate_list')}?q={encoded}")
    assert response.status_code == 200
    response = recruiter_client.get(
        f"{reverse('candidates:candidate_list')}?q={encoded}", headers={"HX-Request": "true"}
    )
    assert response.status_code == 200


def test_nul_characters_are_dropped_from_the_search_box(recruiter_client):
    inge = make_candidate(first_name="Inge", last_name="Jansen")
    make_candidate(first_name="Piet", last_name="Bakker")

    response = recruiter_client.get(reverse("candidates:candidate_list"), {"q": "jan\x00sen"})

    assert not response.context["form"].errors
    assert list(response.context["page"].object_list) == [inge]


def test_only_spaces_is_no_search():
    inge = make_candidate(first_name="Inge", last_name="Jansen")

    assert found("     ") == [inge]


def test_like_wildcards_are_matched_literally():
    make_candidate(first_name="Inge", last_name="Jansen")

    assert found("%") == []
    assert found("_") == []
    assert found("%_%") == []


def test_demo_candidates_can_be_found():
    from candidates.demo.builder import demo_load

    demo_load()

    [candidate] = found("Verhoeven Annemiek")
    assert candidate.current_organisation == "Provincie Noord-Brabant"
    assert found("noord-brabant")


def test_web_search_syntax_quotes_or_and_minus_on_every_database():
    a = make_candidate(first_name="Anna", last_name="Boer", current_position="Directeur")
    b = make_candidate(first_name="Bram", last_name="Dekker", current_position="Griffier")
    Note.objects.create(candidate=a, text="Ervaring in het sociaal domein")
    candidate_reindex(candidate_id=a.pk)

    assert found('"sociaal domein"') == [a]
    assert found('"domein sociaal"') == []
    assert set(found("directeur or griffier")) == {a, b}
    assert found("directeur -griffier") == [a]
    assert found("-directeur") in ([b], [])  # PostgreSQL: a query of only a minus finds nobody
