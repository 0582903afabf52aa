from celery import shared_task

from candidates.services.overview import overview_build
from candidates.services.search import document_text_extract


@shared_task(ignore_result=True)
def extract_document_text(document_id: int) -> str | None:
    """Read the text of an uploaded PDF for the search; does nothing when that was done."""
    return document_text_extract(document_id=document_id)


@shared_task(ignore_result=True)
def overview_generate(overview_id: int) -> str | None:
    """Make the PDF of a pending candidate overview, reporting progress on its row; does
    nothing when it is made already or being made."""
    return overview_build(overview_id=overview_id)


# --- reminders ---
# Both are idempotent (each reminder and each digest has a unique key), so a retry or a second
# delivery of the task message repeats nothing. acks_late: a worker that dies mid-sweep leaves
# the message to be delivered again; reject_on_worker_lost does the same for a killed child.
REMINDER_TASK_OPTIONS = {
    "ignore_result": True,
    "acks_late": True,
    "reject_on_worker_lost": True,
    "autoretry_for": (Exception,),
    "retry_backoff": 30,
    "retry_backoff_max": 15 * 60,
    "retry_jitter": True,
    "max_retries": 5,
}


@shared_task(**REMINDER_TASK_OPTIONS)
def reminders_sweep_task() -> int:
    """Every 15 minutes (beat; the schedule is made by migration candidates 0012): insert the
    reminders that are due and send those that go at once. Returns how many it handled."""
    from candidates.services.reminders import reminders_sweep

    return len(reminders_sweep())


@shared_task(**REMINDER_TASK_OPTIONS)
def reminders_digest_task() -> int:
    """08:00 Europe/Amsterdam (beat): one digest to each user who chose it."""
    from candidates.services.reminders import digest_send

    return len(digest_send())


@shared_task(ignore_result=True)
def erase_expired() -> dict:
    """Daily at 03:00: erase the personal data whose time is up (retention and requests); the
    same as `manage.py erase_expired`. Running it twice erases nothing twice."""
    from candidates.services.retention import erasure_sweep

    erased = erasure_sweep()
    return {
        "applications": erased.applications,
        "candidates": erased.candidates,
        "documents": erased.documents,
        "failed": erased.failed,
    }
