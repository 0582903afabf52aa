"""Candidate documents: private storage through Django's storage API, and the access log."""

import logging
import os

from django.core.files.base import File
from django.db import transaction

from candidates.models import Application, Document, DocumentAccess
from candidates.services.search import document_text_enqueue
from candidates.validators import file_sha256

logger = logging.getLogger(__name__)


def document_store(*, application: Application, kind: str, upload, stored: list) -> Document:
    """Write `upload` to storage under a random name and create its Document row; after commit
    a task reads its text for the search.

    The name of every written file is appended to `stored`, so that the caller can delete the
    files again when its transaction rolls back (see `documents_delete_files`).
    """
    document = Document(
        application=application,
        kind=kind,
        original_name=os.path.basename(upload.name or "")[-255:] or f"{kind}.pdf",
        size=upload.size,
        sha256=file_sha256(upload),
    )
    upload.seek(0)
    # upload_to gives a random name; save=False: the row is saved below, in this transaction.
    document.file.save(os.path.basename(upload.name or "document.pdf"), File(upload), save=False)
    stored.append(document.file.name)
    document.save()
    # Its text is read for the search by a task, once the document is committed.
    transaction.on_commit(lambda: document_text_enqueue(document_id=document.pk), robust=True)
    return document


def documents_delete_files(*, names) -> None:
    """Delete stored files whose rows were rolled back. Never raises: a failure is logged."""
    for name in names:
        try:
            storage = Document._meta.get_field("file").storage
            storage.delete(name)
        except Exception:
            logger.exception("Could not delete orphaned document file %s", name)


def document_log_access(
    *, document: Document, user=None, by_candidate: bool = False, ip_address: str | None = None
) -> DocumentAccess:
    """Record that `document` was opened, by a user or by the candidate themselves."""
    return DocumentAccess.objects.create(
        document=document,
        user=user if user is not None and user.is_authenticated else None,
        by_candidate=by_candidate,
        ip_address=ip_address or None,
    )


def document_open(
    *, document: Document, user=None, by_candidate: bool = False, ip_address: str | None = None
):
    """Open the stored file for reading and log the access. Raises FileNotFoundError (nothing
    logged) when the file is gone. The caller closes the file (FileResponse does)."""
    handle = document.file.storage.open(document.file.name, "rb")
    document_log_access(
        document=document, user=user, by_candidate=by_candidate, ip_address=ip_address
    )
    return handle


def document_open_for_candidate(*, document: Document, ip_address: str | None = None):
    """The candidate opens their own document (from their private page); logged as such."""
    return document_open(document=document, by_candidate=True, ip_address=ip_address)
