"""Load the demo data: the procedures of the seeds, an open procedure, a committee, candidates.

The demo's passwords are printed and written in the README: with DEBUG off (a real site) the
command refuses unless `--force`, and then no demo account is a superuser.
"""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils.translation import gettext as _

from candidates.demo import demo_is_loaded, demo_load, demo_logins
from vacancies.models import Vacancy


class Command(BaseCommand):
    help = "Load the demo data (clients, procedures, committee, candidates) and print the logins."

    def add_arguments(self, parser):
        parser.add_argument(
            "--if-empty",
            action="store_true",
            help="Do nothing when the database already holds a vacancy.",
        )
        parser.add_argument(
            "--force",
            action="store_true",
            help="Load even with DEBUG off (never with a superuser then).",
        )

    def handle(self, *args, **options):
        if not settings.DEBUG and not options["force"]:
            raise CommandError(
                _(
                    "DEBUG is off: this looks like a real site, and the demo accounts have "
                    "public passwords. Use --force to load the demo anyway (without a superuser)."
                )
            )
        with transaction.atomic():
            if options["if_empty"] and Vacancy.objects.exists():
                self.stdout.write(_("The database already holds vacancies: demo data not loaded."))
            elif demo_is_loaded():
                raise CommandError(_("The demo data is already loaded."))
            else:
                result = demo_load(superuser=settings.DEBUG)
                self.stdout.write(
                    self.style.SUCCESS(
                        _("Demo data loaded: %(count)d procedures.")
                        % {"count": len(result.vacancies)}
                    )
                )
        self.print_logins()

    def print_logins(self):
        if not demo_is_loaded():
            self.stdout.write(_("No demo logins: this database holds no demo data."))
            return
        roles = {"recruiter": _("Recruiter"), "committee": _("Committee member")}
        self.stdout.write("")
        self.stdout.write(self.style.MIGRATE_HEADING(_("Demo logins")))
        for role, username, password, who in demo_logins():
            self.stdout.write(f"  {roles[role]:<18} {username:<17} {password:<22} {who}")
        self.stdout.write("")
