"""Server time and queries of the busiest back office pages, for one vacancy with 5,000 candidates.

The peer to beat (Horilla) needs 8 requests, about 3,400 queries and 6.9 s of server time to show
the pipeline of one job with 5,000 candidates. Here the pipeline is the board (candidates), measured
on its own by `tests.bench.board`; the vacancy page shows the vacancy only, and the dashboard counts
the applications of the recruiter's vacancies per stage in one grouped query.

    make bench BENCH=pages
    .venv/bin/python -m tests.bench.pages --candidates 5000 --repeat 5

Runs against a throw-away SQLite file by default, or PostgreSQL with --postgres (a database
`recruitment_bench_pages` is created and dropped).
"""

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def setup_django(args):
    if args.postgres:
        import psycopg2
        from psycopg2 import sql

        base = args.postgres.rstrip("/")
        conn = psycopg2.connect(f"{base}/postgres")
        conn.autocommit = True
        with conn.cursor() as cur:
            name = sql.Identifier("recruitment_bench_pages")
            cur.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(name))
            cur.execute(sql.SQL("CREATE DATABASE {}").format(name))
        conn.close()
        os.environ["DATABASE_URL"] = f"{base}/recruitment_bench_pages"
    else:
        os.environ["DATABASE_URL"] = f"sqlite:///{tempfile.mkdtemp()}/bench.sqlite3"
    os.environ.update({"DEBUG": "0", "SECRET_KEY": "bench-" + "x" * 50, "LOG_LEVEL": "WARNING"})
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "recruitment.settings")
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django.conf import settings

    settings.ALLOWED_HOSTS = ["testserver"]
    settings.SECURE_SSL_REDIRECT = False
    # The bench logs in with force_login, which gives no second factor.
    settings.OTP_REQUIRED_FOR_RECRUITERS = False
    settings.STORAGES["staticfiles"] = {
        "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
    }
    from django.core.management import call_command

    call_command("migrate", verbosity=0)


def populate(count: int):
    from datetime import date

    from accounts.models import User
    from candidates.models import Application, Candidate
    from tests.vacancies.factories import (
        ContactPersonFactory,
        RequirementFactory,
        ResponsibilityFactory,
        VacancyFactory,
    )
    from vacancies.services import planning_generate

    recruiter = User.objects.create_user("bench", password="x", role=User.Role.RECRUITER)
    vacancy = VacancyFactory(lead_consultant=recruiter, closing_date=date(2026, 5, 15))
    for i in range(11):
        ResponsibilityFactory(vacancy=vacancy, order=i)
    for i in range(8):
        RequirementFactory(vacancy=vacancy, order=i)
    ContactPersonFactory(vacancy=vacancy)
    planning_generate(vacancy=vacancy)
    candidates = Candidate.objects.bulk_create(
        Candidate(
            first_name="Kandidaat",
            last_name=f"Nummer {i}",
            email=f"kandidaat{i}@bench.example.org",
            current_position="Directeur",
            current_organisation="Provincie Utrecht",
        )
        for i in range(count)
    )
    # Not rejected (a rejection needs a reason) and not appointed (one per vacancy at most).
    skipped = {Application.Stage.REJECTED, Application.Stage.APPOINTED}
    stages = [s for s in Application.Stage.values if s not in skipped]
    Application.objects.bulk_create(
        Application(candidate=c, vacancy=vacancy, stage=stages[i % len(stages)])
        for i, c in enumerate(candidates)
    )
    return recruiter, vacancy, candidates[0]


def measure(client, url, repeat):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    times = []
    queries = 0
    for _ in range(repeat):
        with CaptureQueriesContext(connection) as ctx:
            started = time.perf_counter()
            response = client.get(url)
            times.append(time.perf_counter() - started)
        assert response.status_code == 200, (url, response.status_code)
        queries = len(ctx.captured_queries)
    return statistics.median(times), queries, len(response.content)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--candidates", type=int, default=5000)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument(
        "--postgres",
        nargs="?",
        const=os.environ.get("BENCH_POSTGRES", "postgres://postgres@127.0.0.1:5432"),
        default=None,
        help="run on PostgreSQL (server URL without a database name)",
    )
    args = parser.parse_args()
    setup_django(args)
    from django.test import Client
    from django.urls import reverse

    started = time.perf_counter()
    recruiter, vacancy, candidate = populate(args.candidates)
    print(f"{args.candidates} candidates made in {time.perf_counter() - started:.1f} s")
    client = Client()
    client.force_login(recruiter)
    pages = {
        "vacancy page": reverse("vacancies:detail", args=[vacancy.pk]),
        "dashboard": reverse("candidates:dashboard"),
        "vacancy list": reverse("vacancies:vacancy_list"),
        "planning editor": reverse("vacancies:planning", args=[vacancy.pk]),
        "candidate page": reverse("candidates:candidate_detail", args=[candidate.pk]),
        "applications list (50 a page)": reverse("candidates:application_list"),
        "applications list, searched": reverse("candidates:application_list") + "?q=nummer+4999",
        "public vacancy page": reverse("candidates:vacancy", args=[vacancy.reference]),
    }
    print(f"{'page':<32} {'median ms':>10} {'queries':>8} {'KB':>8}")
    for name, url in pages.items():
        seconds, queries, size = measure(client, url, args.repeat)
        print(f"{name:<32} {seconds * 1000:>10.0f} {queries:>8} {size / 1024:>8.0f}")
    if args.postgres:
        from django.db import connections

        connections.close_all()


if __name__ == "__main__":
    main()
