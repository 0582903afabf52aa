from celery import shared_task

from mail.services.outbox import email_send, outbox_flush


@shared_task(ignore_result=True)
def send_email(outgoing_id: int) -> bool:
    """Send one queued email; does nothing if it was sent or is being sent."""
    return email_send(email_id=outgoing_id)


@shared_task(ignore_result=True)
def flush_outbox() -> int:
    """Every minute: send what was queued but never reached a worker (broker down, crash)."""
    return outbox_flush()
