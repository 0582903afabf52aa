"""Run the erasure sweep once, in this process (for cron and for debugging): the same work as
the daily Celery task `candidates.tasks.erase_expired`. It prints counts, never who."""

from django.core.management.base import BaseCommand
from django.utils import timezone

from candidates.services.retention import erasure_due, erasure_sweep


class Command(BaseCommand):
    help = (
        "Erase the personal data whose retention period is over or whose erasure the candidate "
        "asked for, once; print what was erased, in counts."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="Only print how many applications are due, per procedure; erase nothing.",
        )

    def handle(self, *args, **options):
        if options["dry_run"]:
            groups = erasure_due(today=timezone.localdate())
            for (vacancy_id, cause), ids in sorted(groups.items()):
                self.stdout.write(f"vacancy {vacancy_id} ({cause}): {len(ids)} due")
            total = sum(len(ids) for ids in groups.values())
            self.stdout.write(f"{total} applications due; nothing erased (--dry-run).")
            return
        erased = erasure_sweep()
        for log in erased.logs:
            self.stdout.write(
                f"vacancy {log.vacancy_id_erased} ({log.cause}): {log.applications} applications, "
                f"{log.candidates} people anonymised, {log.documents} documents"
            )
        self.stdout.write(
            f"Erased {erased.applications} applications, anonymised {erased.candidates} people, "
            f"deleted {erased.documents} documents; retention dates written for "
            f"{erased.scheduled} applications; {erased.addresses_removed} addresses removed "
            "from sent erasure messages."
        )
        if erased.failed:
            self.stderr.write(
                f"{erased.failed} procedures could not be erased (see the log); "
                "the next run tries again."
            )
