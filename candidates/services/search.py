"""The search text of a candidate: the one writer of `Candidate.search_text`.

`candidate_reindex` gathers everything a search may match (names, email, current position and
organisation, the notes and the text of the documents) into one lower-cased text. Call it after
every change to any of those: an application submitted, a document's text extracted, a note
added, a candidate edited, sourced or merged. PostgreSQL indexes the text for full-text search
(migration 0005_search); SQLite searches it with LIKE.
"""

import logging
import re
import unicodedata

from django.db import transaction
from pypdf import PdfReader

from candidates.models import Candidate, Document, Note

logger = logging.getLogger(__name__)

# What one document may add to the search text, and the whole text at most. A tsvector must stay
# under 1 MB; a CV or letter is a few thousand characters, a book is not what we search.
DOCUMENT_TEXT_MAX = 100_000
SEARCH_TEXT_MAX = 200_000
# Pages of a PDF read for its text; the rest of a very long document is not searched.
PDF_PAGES_MAX = 100

_SPACES = re.compile(r"\s+")
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")
_INVISIBLE = {"Cc", "Cf", "Cs", "Co", "Cn", "Zl", "Zp", "Zs"}
_EMAIL_PUNCTUATION = re.compile(r"[@._+\-]+")


def clean_text(text: str, *, limit: int | None = None) -> str:
    """`text` without NUL and other control or invisible format characters (PostgreSQL refuses
    NUL in a text), with runs of white space made one space, cut at `limit` characters."""
    if not text:
        return ""
    text = _SPACES.sub(" ", _CONTROL.sub(" ", text))
    if not text.isprintable():  # rare: format characters, surrogates, private use
        text = "".join(
            char for char in text if char == " " or unicodedata.category(char) not in _INVISIBLE
        )
        text = _SPACES.sub(" ", text)
    text = text.strip()
    return text[:limit].rstrip() if limit else text


def search_text_build(*, candidate: Candidate, notes, documents) -> str:
    """The lower-cased search text of `candidate` with these note and document texts."""
    email = candidate.email or ""
    parts = [
        candidate.first_name,
        candidate.last_name,
        email,
        # The parts of the address as words too, so "example.nl" or "jansen" finds it.
        _EMAIL_PUNCTUATION.sub(" ", email),
        candidate.current_position,
        candidate.current_organisation,
        *notes,
        *(clean_text(text, limit=DOCUMENT_TEXT_MAX) for text in documents),
    ]
    return clean_text(" ".join(part for part in parts if part), limit=SEARCH_TEXT_MAX).lower()


def candidate_reindex(*, candidate_id: int) -> str | None:
    """Rewrite the search text of the candidate from what is stored now. Returns the text, or
    None when the candidate no longer exists. Safe to call any number of times."""
    candidate = (
        Candidate.objects.filter(pk=candidate_id)
        .only("first_name", "last_name", "email", "current_position", "current_organisation")
        .first()
    )
    if candidate is None:
        return None
    notes = (
        Note.objects.filter(candidate_id=candidate_id).order_by("pk").values_list("text", flat=True)
    )
    documents = (
        Document.objects.filter(
            application__candidate_id=candidate_id, text_status=Document.TextStatus.EXTRACTED
        )
        .order_by("pk")
        .values_list("text", flat=True)
    )
    text = search_text_build(candidate=candidate, notes=list(notes), documents=list(documents))
    Candidate.objects.filter(pk=candidate_id).update(search_text=text)
    return text


def pdf_text(handle, *, max_pages: int | None = None, limit: int | None = None) -> str:
    """The text of the PDF in the open binary file `handle`, cleaned, of at most `max_pages`
    pages (default PDF_PAGES_MAX) and `limit` characters (default DOCUMENT_TEXT_MAX).

    Raises whatever pypdf raises on a broken file, and ValueError on an encrypted one."""
    max_pages = max_pages or PDF_PAGES_MAX
    limit = limit or DOCUMENT_TEXT_MAX
    reader = PdfReader(handle, strict=False)
    if reader.is_encrypted and not reader.decrypt(""):
        raise ValueError("encrypted PDF")
    texts = []
    length = 0
    for page in reader.pages[:max_pages]:
        text = page.extract_text() or ""
        texts.append(text)
        length += len(text)
        if length >= limit:
            break
    return clean_text("\n".join(texts), limit=limit)


def document_text_extract(*, document_id: int) -> str | None:
    """Read the text of a stored document into `Document.text` and reindex its candidate.

    Sets `text_status` to extracted, or to failed when the PDF has no readable text (a scan, a
    broken or protected file, a missing file): the document stays stored and shown either way.
    Does nothing when the document is gone or its text was already handled, so a task that runs
    twice does the work once. Returns the new status, or None when nothing was done.
    """
    document = (
        Document.objects.filter(pk=document_id, text_status=Document.TextStatus.PENDING)
        .select_related("application")
        .first()
    )
    if document is None:
        return None
    try:
        with document.file.storage.open(document.file.name, "rb") as handle:
            text = pdf_text(handle)
    except Exception as exc:  # pypdf raises many kinds of errors on broken files
        logger.info("No text read from document %s: %r", document_id, exc)
        text = ""
    status = Document.TextStatus.EXTRACTED if text else Document.TextStatus.FAILED
    with transaction.atomic():
        updated = Document.objects.filter(
            pk=document_id, text_status=Document.TextStatus.PENDING
        ).update(text=text, text_status=status)
        if not updated:
            return None
        candidate_reindex(candidate_id=document.application.candidate_id)
    return status


def document_text_enqueue(*, document_id: int) -> bool:
    """Hand the extraction of the document's text to Celery. A broker that is down is logged,
    never raised: the document is stored, its text stays pending."""
    from candidates.tasks import extract_document_text

    try:
        extract_document_text.delay(document_id)
    except Exception:  # kombu.exceptions.OperationalError, OSError, redis errors, ...
        logger.warning(
            "Could not hand document %s to the task queue; its text stays unread.",
            document_id,
            exc_info=True,
        )
        return False
    return True
