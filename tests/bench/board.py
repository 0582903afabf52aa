"""The pipeline board with 100,000 candidates in the database, 5,000 applications on one
vacancy and 100 on another: queries and median server time of each board.

Targets (issue 6): at most 15 queries, the same at 100 and at 5,000; a median of at most 20 ms on
PostgreSQL at 5,000, and at most 1.5 times the board's own time at 100 (what is not shown must
not cost).

    make bench BENCH=board
    .venv/bin/python -m tests.bench.board [--postgres] [--candidates 100000] [--repeat 30]

Runs against a throw-away SQLite file by default, or PostgreSQL with --postgres (a database
`recruitment_bench_board` is created and dropped each run).
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

# How a large procedure's 5,000 applications are spread: most are rejected or still applied.
SPREAD = {
    "sourced": 0.04,
    "applied": 0.30,
    "longlist": 0.08,
    "preselection": 0.03,
    "shortlist": 0.006,
    "committee": 0.004,
    "preferred": 0.0,
    "appointed": 0.0,
    "withdrawn": 0.04,
    "rejected": 0.50,
}


def populate(*, candidates: int, big: int, small: int):
    from datetime import date, timedelta

    from django.utils import timezone

    from accounts.models import User
    from candidates.models import Application, Assessment, AssessmentScore, Candidate
    from tests.vacancies.factories import RequirementFactory, VacancyFactory

    rng = random.Random(2026)
    recruiter = User.objects.create_user("bench", password="x", role=User.Role.RECRUITER)
    vacancies = []
    for reference in ("bench-groot", "bench-klein"):
        vacancy = VacancyFactory(
            lead_consultant=recruiter, closing_date=date(2026, 5, 15), reference=reference
        )
        for i in range(8):
            RequirementFactory(vacancy=vacancy, order=i)
        vacancies.append(vacancy)
    people = []
    batch = 5000
    for start in range(0, candidates, batch):
        people += Candidate.objects.bulk_create(
            Candidate(
                first_name=f"Voornaam{i % 997}",
                last_name=f"Achternaam {i}",
                email=f"kandidaat{i}@bench.example.org",
                current_position=rng.choice(["Directeur", "Secretaris", "Manager", "Adviseur"]),
                current_organisation=rng.choice(["Provincie Utrecht", "Gemeente Zwolle", "IPO"]),
            )
            for i in range(start, min(start + batch, candidates))
        )
    now = timezone.now()
    chosen = rng.sample(people, big + small)
    for vacancy, group in ((vacancies[0], chosen[:big]), (vacancies[1], chosen[big:])):
        stages = spread(len(group), SPREAD, rng)
        applications = Application.objects.bulk_create(
            Application(
                candidate=person,
                vacancy=vacancy,
                stage=stage,
                source="sourced" if stage == "sourced" else "applied",
                rejection_code="profile" if stage == "rejected" else "",
                stage_changed_at=now - timedelta(days=rng.randint(0, 60)),
            )
            for person, stage in zip(group, stages, strict=True)
        )
        scored = [a for a in applications if a.stage not in ("sourced", "applied", "rejected")]
        assessments = Assessment.objects.bulk_create(Assessment(application=a) for a in scored)
        requirements = list(vacancy.requirements.all())
        AssessmentScore.objects.bulk_create(
            AssessmentScore(assessment=assessment, requirement=r, score=rng.randint(1, 5))
            for assessment in assessments
            for r in requirements
        )
    analyze()
    return recruiter, vacancies


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    add_size_arguments(parser, repeat=30)
    args = parser.parse_args()
    setup_django(args, name="recruitment_bench_board")
    from django.db import connection
    from django.test import Client
    from django.urls import reverse

    started = time.perf_counter()
    recruiter, (big, small) = populate(candidates=args.candidates, big=args.big, small=args.small)
    print(
        f"{connection.vendor}: {args.candidates:,} candidates, {args.big:,} + {args.small:,} "
        f"applications made in {time.perf_counter() - started:.1f} s"
    )
    client = Client()
    client.force_login(recruiter)
    rows = measure_pages(
        client,
        {
            f"board, {args.big:,} applications": reverse("candidates:board", args=[big.pk]),
            f"board, {args.small:,} applications": reverse("candidates:board", args=[small.pk]),
        },
        args.repeat,
    )
    (big_s, big_q, _), (small_s, small_q, _) = rows.values()
    print(
        f"ratio {args.big:,} / {args.small:,}: {big_s / small_s:.2f} (target at most 1.5); "
        f"queries {big_q} and {small_q} (target at most 15, equal)"
    )
    connection.close()


if __name__ == "__main__":
    main()
