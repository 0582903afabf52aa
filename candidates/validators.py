"""Checks on uploaded candidate documents: a real, readable, unencrypted PDF within the size limit.

The check looks at the content, never at the name or the content type the browser sent.
"""

import hashlib
import logging

from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _
from pypdf import PdfReader

logger = logging.getLogger(__name__)

PDF_MAGIC = b"%PDF-"


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

    Codes: empty, too_large, not_pdf, encrypted, unreadable.
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
