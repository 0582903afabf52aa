"""The reminders sweep over 10,000 vacancies and 100,000 applications, with a few hundred
reminders due: its time and its number of queries, at two sizes with the same reminders due, to
show that the queries do not grow with the rows that are not due.

    make bench BENCH=reminders
    .venv/bin/python -m tests.bench.reminders [--postgres] [--vacancies 10000]
        [--applications 100000] [--repeat 5]

First the small size (a tenth of the vacancies and applications) is loaded and measured, then the
rest is added (none of it due) and the same is measured again. Per size:

- "find": reminders_due alone (what is due; one query per kind and one for the recipients);
- "first sweep": inserting the reminders and sending each at once (emails rendered and sent
  in-process, to memory, as `manage.py send_reminders` does without a broker);
- "first, queue": the same sweep when a broker takes the emails (queued in the outbox, not sent);
- "next sweep": the sweep 15 minutes later, when everything due was handled (the common case).

Runs against a throw-away SQLite file by default, or PostgreSQL with --postgres (a database
`recruitment_bench_reminders` is created and dropped each run).
"""

import argparse
import random
import statistics
import time
from datetime import datetime, timedelta
from unittest import mock
from zoneinfo import ZoneInfo

from tests.bench._common import add_database_arguments, analyze, setup_django

AMS = ZoneInfo("Europe/Amsterdam")
# Monday 15 June 2026, 00:15 in Amsterdam: the first sweep of the day.
NOW = datetime(2026, 6, 15, 0, 15, tzinfo=AMS)
TODAY = NOW.date()
# What is due on TODAY, by kind (each interview reminds the candidate and two members, each
# committee meeting three members and the chair's copy).
DUE = {
    "closing_soon": 60,
    "closing_today": 40,
    "phase_starts": 50,
    "phase_ends": 30,
    "interviews": 30,
    "meetings": 10,
    "first_answer": 20,
    "invitations": 30,
}


def load(*, vacancies: int, applications: int, due: bool, offset: int, rng, people):
    """Add `vacancies` vacancies and `applications` applications that are not due (and, with
    `due`, the DUE set on top). `offset` keeps references and emails unique across calls."""
    from candidates.models import (
        Application,
        ApplicationRelease,
        Candidate,
        Interview,
    )
    from vacancies.models import (
        Client,
        CommitteeInvitation,
        CommitteeMember,
        PlanningPhase,
        Vacancy,
    )

    client = Client.objects.get_or_create(name="Provincie Bench", defaults={"short_name": "PB"})[0]
    consultants, members = people

    def vacancy(number, closing, status="published"):
        return Vacancy(
            client=client,
            title=f"Directeur {number}",
            reference=f"bench-{number}",
            lead_consultant=consultants[number % len(consultants)],
            status=status,
            published_on=closing - timedelta(days=40),
            closing_date=closing,
        )

    # Not due: closing dates from 5 to 300 days away or long past, phases elsewhere in time.
    rows = []
    for i in range(vacancies):
        number = offset + i
        if rng.random() < 0.5:
            closing = TODAY + timedelta(days=rng.randint(5, 300))
            rows.append(vacancy(number, closing))
        else:
            closing = TODAY - timedelta(days=rng.randint(100, 600))
            rows.append(vacancy(number, closing, rng.choice(["closed", "appointed", "cancelled"])))
    made = Vacancy.objects.bulk_create(rows, batch_size=5000)
    phases = []
    for vac in made:
        start = vac.closing_date + timedelta(days=3)
        for order, kind in enumerate(["preselection", "committee_discussion", "appointment"]):
            phases.append(
                PlanningPhase(
                    vacancy=vac,
                    order=order,
                    kind=kind,
                    activity=kind,
                    starts_on=start,
                    ends_on=start + timedelta(days=9),
                    responsible=rng.choice(["search_firm", "committee", "client"]),
                )
            )
            start += timedelta(days=14)
    PlanningPhase.objects.bulk_create(phases, batch_size=5000)
    seats = [
        CommitteeMember(vacancy=vac, user=user, role="chair" if n == 0 else "member")
        for vac in made[: len(made) // 5]
        for n, user in enumerate(rng.sample(members, 3))
    ]
    CommitteeMember.objects.bulk_create(seats, batch_size=5000)
    candidates = Candidate.objects.bulk_create(
        (
            Candidate(
                first_name="Voornaam",
                last_name=f"Bench {offset}-{i}",
                email=f"k{offset}-{i}@bench.nl",
            )
            for i in range(applications)
        ),
        batch_size=5000,
    )
    Application.objects.bulk_create(
        (
            Application(
                candidate=candidate,
                vacancy=rng.choice(made),
                stage=rng.choice(["applied", "longlist", "rejected", "rejected", "withdrawn"]),
                rejection_code="profile",
            )
            for candidate in candidates
        ),
        batch_size=5000,
    )
    if not due:
        return

    # Due: DUE, on top.
    number = offset + vacancies
    for _kind, count, closing in (
        ("closing_soon", DUE["closing_soon"], TODAY + timedelta(days=3)),
        ("closing_today", DUE["closing_today"], TODAY),
    ):
        Vacancy.objects.bulk_create(vacancy(number + i, closing) for i in range(count))
        number += count
    running = Vacancy.objects.bulk_create(
        vacancy(number + i, TODAY - timedelta(days=14), "closed")
        for i in range(DUE["phase_starts"] + DUE["phase_ends"] + DUE["first_answer"])
    )
    number += len(running)
    PlanningPhase.objects.bulk_create(
        [
            PlanningPhase(
                vacancy=vac,
                kind="preselection",
                activity="Voorselectie",
                starts_on=TODAY + timedelta(days=1),
                ends_on=TODAY + timedelta(days=10),
            )
            for vac in running[: DUE["phase_starts"]]
        ]
        + [
            PlanningPhase(
                vacancy=vac,
                kind="search",
                activity="Search",
                starts_on=TODAY - timedelta(days=10),
                ends_on=TODAY,
            )
            for vac in running[DUE["phase_starts"] : DUE["phase_starts"] + DUE["phase_ends"]]
        ]
    )
    waiting = running[DUE["phase_starts"] + DUE["phase_ends"] :]
    people_waiting = Candidate.objects.bulk_create(
        Candidate(first_name="W", last_name=f"{offset}-{i}", email=f"w{offset}-{i}@bench.nl")
        for i in range(len(waiting))
    )
    Application.objects.bulk_create(
        Application(candidate=person, vacancy=vac, stage="applied")
        for person, vac in zip(people_waiting, waiting, strict=True)
    )

    # Interviews tomorrow, each with two members; committee meetings in two days.
    with_committee = Vacancy.objects.bulk_create(
        vacancy(number + i, TODAY - timedelta(days=30), "closed")
        for i in range(DUE["interviews"] + DUE["meetings"] + DUE["invitations"])
    )
    seats = CommitteeMember.objects.bulk_create(
        CommitteeMember(vacancy=vac, user=user, role="chair" if n == 0 else "member")
        for vac in with_committee
        for n, user in enumerate(rng.sample(members, 3))
    )
    seats_of = {}
    for seat in seats:
        seats_of.setdefault(seat.vacancy_id, []).append(seat)
    interviewed = Candidate.objects.bulk_create(
        Candidate(first_name="I", last_name=f"{offset}-{i}", email=f"i{offset}-{i}@bench.nl")
        for i in range(len(with_committee) - DUE["invitations"])
    )
    shortlist = Application.objects.bulk_create(
        Application(candidate=person, vacancy=vac, stage="committee")
        for person, vac in zip(interviewed, with_committee, strict=False)
    )
    ApplicationRelease.objects.bulk_create(
        ApplicationRelease(application=application) for application in shortlist
    )
    tomorrow_ten = datetime.combine(TODAY + timedelta(days=1), datetime.min.time(), tzinfo=AMS)
    tomorrow_ten = tomorrow_ten.replace(hour=10)
    interviews = Interview.objects.bulk_create(
        Interview(
            application=application,
            starts_at=tomorrow_ten,
            ends_at=tomorrow_ten + timedelta(hours=1),
            place="Provinciehuis",
        )
        for application in shortlist[: DUE["interviews"]]
    )
    Interview.members.through.objects.bulk_create(
        Interview.members.through(interview=interview, committeemember=seat)
        for interview in interviews
        for seat in seats_of[interview.application.vacancy_id][1:]
    )
    PlanningPhase.objects.bulk_create(
        PlanningPhase(
            vacancy=vac,
            kind="committee_discussion",
            activity="Bespreking",
            starts_on=TODAY + timedelta(days=2),
            ends_on=TODAY + timedelta(days=2),
            responsible="committee",
        )
        for vac in with_committee[DUE["interviews"] : DUE["interviews"] + DUE["meetings"]]
    )
    sent = datetime.combine(TODAY - timedelta(days=3), datetime.min.time(), tzinfo=AMS)
    CommitteeInvitation.objects.bulk_create(
        CommitteeInvitation(
            member=seats_of[vac.pk][1],
            email=f"uitgenodigd{offset}-{i}@bench.nl",
            token_hash=f"{offset:08d}{i:056d}",
            created_at=sent.replace(hour=15),
            created_by=vac.lead_consultant,
            expires_at=sent + timedelta(days=7),
        )
        for i, vac in enumerate(with_committee[-DUE["invitations"] :])
    )


def people(rng):
    from accounts.models import User

    consultants = User.objects.bulk_create(
        User(username=f"consultant{i}", email=f"consultant{i}@bench.nl", role="recruiter")
        for i in range(20)
    )
    members = User.objects.bulk_create(
        User(username=f"lid{i}", email=f"lid{i}@bench.nl", role="committee") for i in range(300)
    )
    return consultants, members


def timed(function, repeat: int):
    """(median seconds, queries of the last run) of `function`, run `repeat` times."""
    from django.db import connection

    times, counted = [], [0]

    def count(execute, sql, params, many, context):
        counted[0] += 1
        return execute(sql, params, many, context)

    for _ in range(repeat):
        counted[0] = 0
        with connection.execute_wrapper(count):
            started = time.perf_counter()
            function()
            times.append(time.perf_counter() - started)
    return statistics.median(times), counted[0]


def measure(label: str, repeat: int) -> list[tuple]:
    import time_machine
    from django.core import mail

    from candidates.models import Application, Reminder, Vacancy
    from candidates.services.reminders import reminders_due, reminders_sweep
    from mail.models import OutgoingEmail

    def reset():
        Reminder.objects.all().delete()
        OutgoingEmail.objects.all().delete()
        mail.outbox = []

    sizes = f"{Vacancy.objects.count():,} vacancies, {Application.objects.count():,} applications"
    rows = []
    seconds, queries = timed(lambda: reminders_due(NOW), repeat)
    due = len(reminders_due(NOW))
    rows.append((label, sizes, "find", due, queries, seconds))

    firsts, first_queries = [], 0
    for _ in range(repeat):
        reset()
        with time_machine.travel(NOW, tick=False):
            seconds, first_queries = timed(lambda: reminders_sweep(now=NOW), 1)
        firsts.append(seconds)
        assert len(mail.outbox) == due, (len(mail.outbox), due)
    rows.append((label, sizes, "first sweep", due, first_queries, statistics.median(firsts)))

    # The same without sending: what the sweep itself costs when a broker takes the emails.
    queued, queued_queries = [], 0
    for _ in range(repeat):
        reset()
        with (
            time_machine.travel(NOW, tick=False),
            mock.patch("mail.services.outbox.email_enqueue", lambda **kwargs: True),
        ):
            seconds, queued_queries = timed(lambda: reminders_sweep(now=NOW), 1)
        queued.append(seconds)
        assert OutgoingEmail.objects.filter(key__startswith="reminder:").count() == due
    rows.append((label, sizes, "first, queue", due, queued_queries, statistics.median(queued)))
    # Send them, so that the next sweep finds everything handled.
    from mail.services.outbox import outbox_flush

    outbox_flush(min_age=timedelta(0))

    later = NOW + timedelta(minutes=15)
    with time_machine.travel(later, tick=False):
        seconds, queries = timed(lambda: reminders_sweep(now=later), repeat)
    assert len(mail.outbox) == due
    rows.append((label, sizes, "next sweep", 0, queries, seconds))
    return rows


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--vacancies", type=int, default=10_000)
    parser.add_argument("--applications", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=5)
    add_database_arguments(parser)
    args = parser.parse_args()
    setup_django(args, name="recruitment_bench_reminders")
    from django.conf import settings

    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    rng = random.Random(2026)
    staff = people(rng)
    small_vacancies, small_applications = args.vacancies // 10, args.applications // 10

    started = time.perf_counter()
    load(
        vacancies=small_vacancies,
        applications=small_applications,
        due=True,
        offset=0,
        rng=rng,
        people=staff,
    )
    analyze()
    print(f"loaded the small size in {time.perf_counter() - started:.0f} s")
    rows = measure("small", args.repeat)

    started = time.perf_counter()
    load(
        vacancies=args.vacancies - small_vacancies,
        applications=args.applications - small_applications,
        due=False,
        offset=10 * args.vacancies,
        rng=rng,
        people=staff,
    )
    analyze()
    print(f"loaded the large size in {time.perf_counter() - started:.0f} s")
    rows += measure("large", args.repeat)

    print(f"\n{'size':<7} {'data':<40} {'step':<13} {'reminders':>9} {'queries':>8} {'ms':>9}")
    for label, sizes, step, due, queries, seconds in rows:
        print(f"{label:<7} {sizes:<40} {step:<13} {due:>9} {queries:>8} {seconds * 1000:>9.1f}")
    by_step = {}
    for label, _sizes, step, _due, queries, _seconds in rows:
        by_step.setdefault(step, {})[label] = queries
    for step, counts in by_step.items():
        assert counts["small"] == counts["large"], (step, counts)
    print("\nThe same number of queries at both sizes, for every step.")
    print(f"On {NOW:%Y-%m-%d} (the moved clock), {'PostgreSQL' if args.postgres else 'SQLite'}.")


if __name__ == "__main__":
    main()
