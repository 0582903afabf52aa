from celery import shared_task

from candidates.services.search import document_text_extract


@shared_task(ignore_result=True)
def extract_document_text(document_id: int) -> str | None:
    """Read the text of an uploaded PDF for the search; does nothing when that was done."""
    return document_text_extract(document_id=document_id)
