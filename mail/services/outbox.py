"""The outbox: queue a message once and only once; send it at most once per claim.

`email_queue` stores the message (get_or_create by its unique key) and, after the surrounding
transaction commits, hands its id to Celery. If the broker is down, the row stays unsent and
the periodic `flush_outbox` task sends it once the worker runs again.

`email_send` claims the row with a conditional UPDATE (unsent, and not claimed by another worker
in the last CLAIM_TIMEOUT), so two workers that get the same id never both send it.

What must not be stored (a private link is a key) is added when the message is rendered: the
setting MAIL_CONTEXT_BUILDERS names, per template, a function that takes the stored context and
returns what to add (this app imports none of them: the apps above it name them in settings).
Files are made then too: the setting MAIL_ATTACHMENT_BUILDERS names, per template, a function
that takes the stored context and returns [(filename, content, mimetype)], called in the
message's language. The row holds ids, never a file; a builder that fails leaves the message
unsent, to be tried again like any other error.
"""

import logging
from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.db.models import F, Q
from django.utils import timezone, translation
from django.utils.module_loading import import_string

from mail.models import OutgoingEmail
from recruitment.lib.emails import Attachment, make_message

logger = logging.getLogger(__name__)

# A worker that claimed a message and died before finishing releases it after this long.
CLAIM_TIMEOUT = timedelta(minutes=10)
# After this many failed attempts a message is left for a human to look at (admin, last_error).
MAX_ATTEMPTS = 10
# A failed send is tried again after RETRY_FIRST, then twice as long each time, at most RETRY_MAX.
RETRY_FIRST = timedelta(minutes=1)
RETRY_MAX = timedelta(hours=1)
# flush_outbox leaves fresh messages to the task queued for them on commit.
FLUSH_MIN_AGE = timedelta(minutes=1)


def email_queue(
    *, key: str, to: str, template: str, context: dict, language: str
) -> tuple[OutgoingEmail, bool]:
    """Queue the message with this key unless it already exists. Returns (email, created)."""
    with transaction.atomic():
        email, created = OutgoingEmail.objects.get_or_create(
            key=key,
            defaults={"to": to, "template": template, "context": context, "language": language},
        )
        if created:
            transaction.on_commit(lambda: email_enqueue(email_id=email.pk))
    return email, created


def email_enqueue(*, email_id: int) -> bool:
    """Hand the message to Celery. A broker that is down is logged, never raised: the row stays
    unsent and flush_outbox picks it up later."""
    from mail.tasks import send_email

    try:
        send_email.delay(email_id)
    except Exception:  # kombu.exceptions.OperationalError, OSError, redis errors, ...
        logger.warning(
            "Could not hand email %s to the task queue; flush_outbox will send it.",
            email_id,
            exc_info=True,
        )
        return False
    return True


def email_context(*, template: str, context: dict) -> dict:
    """The stored context plus what the template's builder adds at render time."""
    builder = getattr(settings, "MAIL_CONTEXT_BUILDERS", {}).get(template)
    if not builder:
        return dict(context)
    return {**context, **import_string(builder)(context)}


def email_attachments(*, template: str, context: dict, language: str) -> list[Attachment]:
    """The files the template's builder makes from the stored context, in `language`."""
    builder = getattr(settings, "MAIL_ATTACHMENT_BUILDERS", {}).get(template)
    if not builder:
        return []
    with translation.override(language):
        return list(import_string(builder)(dict(context)))


def retry_delay(attempts: int) -> timedelta:
    """How long a message waits after its `attempts`-th failed attempt: 1, 2, 4... minutes,
    at most an hour (ten attempts span about four hours)."""
    return min(RETRY_FIRST * 2 ** max(attempts - 1, 0), RETRY_MAX)


def _claimable(now):
    return (
        Q(sent_at__isnull=True, attempts__lt=MAX_ATTEMPTS)
        & (Q(claimed_at__isnull=True) | Q(claimed_at__lt=now - CLAIM_TIMEOUT))
        & (Q(next_attempt_at__isnull=True) | Q(next_attempt_at__lte=now))
    )


def email_send(*, email_id: int) -> bool:
    """Send one queued message if nobody sent or claimed it. Returns whether this call sent it.

    Errors while rendering or sending are recorded on the row (last_error) and the claim is
    released, so a later flush tries again; they are not raised.
    """
    now = timezone.now()
    claimed = OutgoingEmail.objects.filter(_claimable(now), pk=email_id).update(
        claimed_at=now, attempts=F("attempts") + 1
    )
    if not claimed:
        return False

    email = OutgoingEmail.objects.get(pk=email_id)
    try:
        message = make_message(
            name=email.template,
            to=email.to,
            context=email_context(template=email.template, context=email.context),
            language=email.language,
            attachments=email_attachments(
                template=email.template, context=email.context, language=email.language
            ),
        )
        message.send()
    except Exception as exc:
        logger.exception("Sending email %s (%s) failed", email.pk, email.key)
        OutgoingEmail.objects.filter(pk=email.pk, claimed_at=now).update(
            claimed_at=None,
            next_attempt_at=timezone.now() + retry_delay(email.attempts),
            last_error=f"{type(exc).__name__}: {exc}"[:2000],
        )
        return False

    OutgoingEmail.objects.filter(pk=email.pk).update(sent_at=timezone.now(), last_error="")
    return True


def outbox_flush(*, min_age: timedelta = FLUSH_MIN_AGE) -> int:
    """Send every unsent message older than `min_age`. Returns how many this call sent."""
    now = timezone.now()
    ids = list(
        OutgoingEmail.objects.filter(_claimable(now), created_at__lte=now - min_age)
        .order_by("created_at", "pk")
        .values_list("pk", flat=True)
    )
    return sum(email_send(email_id=pk) for pk in ids)
