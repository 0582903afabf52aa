"""Real PDF files for tests, built with pypdf; a private storage in a temporary folder.

Test modules import the fixtures by their function names (`private_storage_fixture`,
`fresh_cache_fixture`) and ask for them by their fixture names (`private_storage`, `fresh_cache`).
"""

import io
import os

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from pypdf import PdfWriter
from pypdf.generic import (
    ArrayObject,
    DecodedStreamObject,
    DictionaryObject,
    NameObject,
    NumberObject,
)


def _text_page(writer, text):
    page = writer.add_blank_page(width=595, height=842)
    font = DictionaryObject(
        {
            NameObject("/Type"): NameObject("/Font"),
            NameObject("/Subtype"): NameObject("/Type1"),
            NameObject("/BaseFont"): NameObject("/Helvetica"),
        }
    )
    page[NameObject("/Resources")] = DictionaryObject(
        {NameObject("/Font"): DictionaryObject({NameObject("/F1"): writer._add_object(font)})}
    )
    escaped = text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
    stream = DecodedStreamObject()
    stream.set_data(f"BT /F1 12 Tf 72 770 Td ({escaped}) Tj ET".encode("latin-1"))
    page[NameObject("/Contents")] = writer._add_object(stream)
    return page


def make_pdf(text="Motivatie", pages=1, *, password=None, padding=0) -> bytes:
    """A valid PDF with `text` on each page; encrypted with `password`; `padding` random bytes."""
    writer = PdfWriter()
    for number in range(pages):
        _text_page(writer, f"{text} ({number + 1})" if pages > 1 else text)
    if padding:
        # Random bytes do not compress, so the file grows by about `padding` bytes. They sit in a
        # form XObject the page names but never draws (an attachment would be refused).
        pad = DecodedStreamObject()
        pad.set_data(os.urandom(padding))
        pad.update(
            {
                NameObject("/Type"): NameObject("/XObject"),
                NameObject("/Subtype"): NameObject("/Form"),
                NameObject("/BBox"): ArrayObject([NumberObject(0)] * 4),
            }
        )
        resources = writer.pages[0][NameObject("/Resources")]
        resources[NameObject("/XObject")] = DictionaryObject(
            {NameObject("/Pad"): writer._add_object(pad)}
        )
    if password:
        writer.encrypt(password, algorithm="RC4-128")
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def make_encrypted_pdf(text="Geheim") -> bytes:
    return make_pdf(text, password="geheim")


def make_big_pdf(size: int) -> bytes:
    """A valid PDF of at least `size` bytes."""
    return make_pdf("Groot bestand", padding=size)


def make_broken_pdf() -> bytes:
    """Starts like a PDF, but is not one."""
    return b"%PDF-1.7\n" + b"\x00garbage" * 100


def upload(content: bytes, name="document.pdf", content_type="application/pdf"):
    return SimpleUploadedFile(name, content, content_type=content_type)


@pytest.fixture(name="private_storage")
def private_storage_fixture(settings, tmp_path):
    """Candidate documents go to a temporary folder during the test."""
    location = tmp_path / "media"
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": str(location)},
        },
    }
    return location


@pytest.fixture(name="fresh_cache")
def fresh_cache_fixture():
    """The application rate limit counts in the cache: start every test with an empty one."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


def stored_files(location) -> list:
    """Every file under the temporary storage folder."""
    return sorted(p for p in location.rglob("*") if p.is_file()) if location.exists() else []


def application_data(*, motivation=None, cv=None, **overrides) -> dict:
    """A complete, valid POST for the application form, with two different real PDFs."""
    data = {
        "first_name": "Inge",
        "last_name": "Jansen",
        "email": "inge.jansen@example.nl",
        "phone": "06 1234 5678",
        "current_position": "Directeur Bedrijfsvoering",
        "current_organisation": "Provincie Utrecht",
        "linkedin_url": "",
        "privacy_accepted": "on",
        "motivation": motivation or upload(make_pdf("Motivatiebrief Inge Jansen"), "motivatie.pdf"),
        "cv": cv or upload(make_pdf("Curriculum vitae Inge Jansen", pages=2), "cv-inge.pdf"),
        "website": "",
    }
    data.update(overrides)
    return {key: value for key, value in data.items() if value is not None}
