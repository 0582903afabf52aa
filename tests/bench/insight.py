"""The insight pages with 100,000 candidates in the database, 5,000 applications (with their
stage history) on one vacancy and 100 on another: queries and median server time.

    make bench BENCH=insight
    .venv/bin/python -m tests.bench.insight [--postgres] [--candidates 100000] [--repeat 20]

Runs against a throw-away SQLite file by default, or PostgreSQL with --postgres (a database
`recruitment_bench_insight` is created and dropped each run).
"""

import argparse
import random
import time

from tests.bench._common import (
    add_size_arguments,
    analyze,
    measure_pages,
    setup_django,
    spread,
)

# The stages an application went through, by where it ended.
PATHS = {
    "sourced": ["sourced"],
    "applied": ["applied"],
    "longlist": ["applied", "longlist"],
    "preselection": ["applied", "longlist", "preselection"],
    "shortlist": ["applied", "longlist", "preselection", "shortlist"],
    "committee": ["applied", "longlist", "preselection", "shortlist", "committee"],
    "withdrawn": ["applied", "longlist", "withdrawn"],
    "rejected": ["applied", "rejected"],
    "rejected_late": ["applied", "longlist", "preselection", "shortlist", "rejected"],
}
SPREAD = {
    "sourced": 0.04,
    "applied": 0.30,
    "longlist": 0.08,
    "preselection": 0.03,
    "shortlist": 0.006,
    "committee": 0.004,
    "withdrawn": 0.04,
    "rejected": 0.49,
    "rejected_late": 0.01,
}


def populate(*, candidates: int, big: int, small: int):
    from datetime import date, timedelta

    from django.utils import timezone

    from accounts.models import User
    from candidates.models import Application, Candidate, StageChange
    from tests.vacancies.factories import VacancyFactory

    rng = random.Random(2026)
    recruiter = User.objects.create_user("bench", password="x", role=User.Role.RECRUITER)
    people = []
    for start in range(0, candidates, 5000):
        people += Candidate.objects.bulk_create(
            Candidate(first_name="Voornaam", last_name=f"Achternaam {i}", email=f"k{i}@bench.nl")
            for i in range(start, min(candidates, start + 5000))
        )
    chosen = rng.sample(people, big + small)
    now = timezone.now()
    vacancies = []
    for reference, group in (("bench-groot", chosen[:big]), ("bench-klein", chosen[big:])):
        vacancy = VacancyFactory(
            lead_consultant=recruiter,
            closing_date=date(2026, 5, 15),
            reference=reference,
            status="closed",
        )
        vacancies.append(vacancy)
        kinds = spread(len(group), SPREAD, rng)
        applications = Application.objects.bulk_create(
            Application(
                candidate=person,
                vacancy=vacancy,
                stage=PATHS[kind][-1],
                source="sourced"
                if kind == "sourced"
                else rng.choice(["applied", "applied", "sourced", "referred"]),
                rejection_code="profile" if PATHS[kind][-1] == "rejected" else "",
            )
            for person, kind in zip(group, kinds, strict=True)
        )
        changes = []
        for application, kind in zip(applications, kinds, strict=True):
            when = now - timedelta(days=90, hours=rng.randint(0, 500))
            previous = ""
            for stage in PATHS[kind]:
                changes.append(
                    StageChange(
                        application=application,
                        from_stage=previous,
                        to_stage=stage,
                        changed_at=when,
                        rejection_code="profile" if stage == "rejected" else "",
                    )
                )
                previous = stage
                when += timedelta(hours=rng.randint(24, 400))
        StageChange.objects.bulk_create(changes, batch_size=5000)
    analyze()
    return recruiter, vacancies


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    add_size_arguments(parser, repeat=20)
    args = parser.parse_args()
    setup_django(args, name="recruitment_bench_insight")
    from django.db import connection
    from django.test import Client
    from django.urls import reverse

    from candidates.models import StageChange

    started = time.perf_counter()
    recruiter, (big, small) = populate(candidates=args.candidates, big=args.big, small=args.small)
    print(
        f"{connection.vendor}: {args.candidates:,} candidates, {args.big:,} + {args.small:,} "
        f"applications, {StageChange.objects.count():,} stage changes, made in "
        f"{time.perf_counter() - started:.1f} s"
    )
    client = Client()
    client.force_login(recruiter)
    overview = reverse("candidates:insight")
    pages = {
        f"one vacancy, {args.big:,}": reverse("candidates:insight_vacancy", args=[big.pk]),
        f"one vacancy, {args.small:,}": reverse("candidates:insight_vacancy", args=[small.pk]),
        "all vacancies": overview,
        "all vacancies, year 2026": overview + "?year=2026",
    }
    measure_pages(client, pages, args.repeat)
    connection.close()


if __name__ == "__main__":
    main()
