"""Send the reminders that are due now, once, in this process: the work of the beat task that runs
every 15 minutes, for cron and for debugging. Prints each reminder it handled.

    python manage.py send_reminders            # insert what is due, send what goes at once
    python manage.py send_reminders --dry-run  # only list what is due and not handled yet
    python manage.py send_reminders --digest   # and send today's digests (the 08:00 task)

Running it beside the beat task is safe: every reminder and every digest has a unique key.
"""

from django.core.management.base import BaseCommand
from django.utils import timezone

from candidates.services.reminders import (
    digest_send,
    existing_keys,
    reminders_due,
    reminders_sweep,
)
from mail.models import OutgoingEmail


class Command(BaseCommand):
    help = "Send the reminders that are due now (once); --dry-run lists them without sending."

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="List what is due and not handled yet; change nothing, send nothing.",
        )
        parser.add_argument(
            "--digest",
            action="store_true",
            help="Also send today's daily digests (what the 08:00 task does).",
        )

    def line(self, due_on, kind, to, what):
        self.stdout.write(f"{due_on:%Y-%m-%d}  {kind:<22} {to:<40} {what}")

    def handle(self, *args, **options):
        now = timezone.now()
        if options["dry_run"]:
            due = reminders_due(now)
            done = existing_keys([spec.key for spec in due])
            waiting = [spec for spec in due if spec.key not in done]
            for spec in waiting:
                self.line(spec.due_on, spec.kind, spec.email, "due (dry run)")
            self.stdout.write(
                f"{len(waiting)} reminders due and not handled yet; {len(done)} handled before."
            )
            return

        handled = reminders_sweep(now=now)
        sent_at = dict(
            OutgoingEmail.objects.filter(
                pk__in=[reminder.sent_via_id for reminder in handled if reminder.sent_via_id]
            ).values_list("pk", "sent_at")
        )
        for reminder in handled:
            if reminder.queued_at is None:
                what = "kept for the digest"
            elif sent_at.get(reminder.sent_via_id):
                what = "sent"
            else:
                what = "queued"
            self.line(reminder.due_on, reminder.kind, reminder.email, what)
        self.stdout.write(self.style.SUCCESS(f"{len(handled)} reminders handled."))

        if options["digest"]:
            digests = digest_send(now=now)
            for email in digests:
                self.line(
                    timezone.localdate(now),
                    "digest",
                    email.to,
                    f"{len(email.context.get('items', []))} reminders",
                )
            self.stdout.write(self.style.SUCCESS(f"{len(digests)} digests queued."))
