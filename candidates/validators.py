"""Checks on uploaded candidate documents: a real, readable, unencrypted PDF within the size limit,
without active content.

The check looks at the content, never at the name or the content type the browser sent. A PDF that
carries JavaScript, a launch action (which starts a program) or embedded files is refused: those
are opened by consultants and committee members on their own machines.
"""

import hashlib
import logging
import re

from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _
from pypdf import PdfReader
from pypdf.generic import ArrayObject, DictionaryObject, IndirectObject

logger = logging.getLogger(__name__)

PDF_MAGIC = b"%PDF-"

# Active content, by the PDF names that carry it: keys of a dictionary, or the value of an
# action's /S (subtype) or of /Type.
ACTIVE_KEYS = {"/JS", "/JavaScript", "/EmbeddedFiles", "/EmbeddedFile", "/EF", "/RichMedia"}
ACTIVE_VALUES = {"/JavaScript", "/Launch", "/EmbeddedFile", "/RichMedia", "/ImportData"}
# The longer names also in the raw bytes (where a broken file hides them from the parser). Not
# /JS: three bytes turn up by chance in compressed data (a JavaScript action also names its /S
# /JavaScript). A name may spell letters as #xx, which the pattern does not follow: the walk does.
ACTIVE_BYTES = re.compile(rb"/(?:JavaScript|Launch|EmbeddedFiles?|RichMedia)(?![A-Za-z0-9])")
# A PDF with more objects than this is not a letter or a CV.
MAX_OBJECTS = 200_000


# Characters that have no place in a name or another one-line field: control characters (CR and
# LF would start new lines in the emails built from them), line and paragraph separators, and the
# bidirectional overrides that make text read differently from how it is stored.
_NOT_IN_ONE_LINE = re.compile(
    "[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\u200e\u200f\ufeff]+"
)


def single_line(value: str) -> str:
    """`value` on one line: control characters become spaces, runs of spaces one space."""
    if not value:
        return value
    return " ".join(_NOT_IN_ONE_LINE.sub(" ", value).split())


def file_sha256(upload) -> str:
    """The hex sha256 of an uploaded (or stored) file, read in chunks; leaves the file at 0."""
    digest = hashlib.sha256()
    upload.seek(0)
    for chunk in upload.chunks():
        digest.update(chunk)
    upload.seek(0)
    return digest.hexdigest()


def validate_pdf(upload) -> None:
    """Raise ValidationError (translated, with a code) unless `upload` is a usable PDF.

    Codes: empty, too_large, not_pdf, encrypted, unreadable, active_content.
    """
    size = upload.size
    if not size:
        raise ValidationError(_("The file is empty."), code="empty")
    limit = settings.MAX_UPLOAD_SIZE
    if size > limit:
        raise ValidationError(
            _("The file is too large (%(size)s); the maximum is %(limit)s."),
            code="too_large",
            params={"size": filesizeformat(size), "limit": filesizeformat(limit)},
        )

    upload.seek(0)
    head = upload.read(len(PDF_MAGIC))
    upload.seek(0)
    if head != PDF_MAGIC:
        raise ValidationError(
            _("This file is not a PDF. Save your document as PDF and choose it again."),
            code="not_pdf",
        )

    try:
        reader = PdfReader(upload, strict=False)
        if reader.is_encrypted:
            raise ValidationError(
                _(
                    "This PDF is protected with a password or encrypted. "
                    "Upload a version without protection."
                ),
                code="encrypted",
            )
        if len(reader.pages) < 1:
            raise ValueError("no pages")
        reader.pages[0].extract_text()
        active = pdf_active_content(reader, upload)
        if active:
            logger.info("PDF upload refused, active content: %s", active)
            raise ValidationError(
                _(
                    "This PDF contains active content (JavaScript, an action that starts a "
                    "program, or embedded files), which we do not accept for safety. Print the "
                    "document to a new PDF (or export it again) and upload that file."
                ),
                code="active_content",
            )
    except ValidationError:
        raise
    except Exception as exc:  # pypdf raises many kinds of errors on broken files
        logger.info("Unreadable PDF upload: %r", exc)
        raise ValidationError(
            _("This PDF cannot be read; it may be damaged. Save it again and upload the new file."),
            code="unreadable",
        ) from exc
    finally:
        upload.seek(0)


def _active_in(value, depth: int = 0) -> str:
    """The active-content name in this object and its direct children ('' when none); indirect
    objects are visited on their own by the caller."""
    if depth > 50:
        return ""
    if isinstance(value, DictionaryObject):
        for key, child in value.items():
            if key in ACTIVE_KEYS:
                return key
            if key in ("/S", "/Type", "/Subtype") and child in ACTIVE_VALUES:
                return str(child)
            if not isinstance(child, IndirectObject):
                found = _active_in(child, depth + 1)
                if found:
                    return found
    elif isinstance(value, ArrayObject):
        for child in value:
            if not isinstance(child, IndirectObject):
                found = _active_in(child, depth + 1)
                if found:
                    return found
    return ""


def pdf_active_content(reader: PdfReader, upload) -> str:
    """The first sign of JavaScript, a launch action or an embedded file ('' when none): every
    object of the file is looked at, also those packed in compressed object streams, and the raw
    bytes are searched for the same names."""
    upload.seek(0)
    for chunk in upload.chunks():
        match = ACTIVE_BYTES.search(chunk)
        if match:
            return match.group().decode("latin-1")
    upload.seek(0)
    numbers = set(reader.xref_objStm)
    for objects in reader.xref.values():
        numbers.update(objects)
    numbers.discard(0)
    if len(numbers) > MAX_OBJECTS:
        return "too many objects"
    for number in sorted(numbers):
        try:
            obj = reader.get_object(number)
        except Exception as exc:  # a broken object is no active content (the text was read)
            logger.debug("PDF object %s unreadable: %r", number, exc)
            continue
        found = _active_in(obj)
        if found:
            return found
    return ""
