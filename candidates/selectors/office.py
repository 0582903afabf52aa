"""Reads of the recruiter's dashboard: the vacancies they lead, with their applications counted
per stage. It lives in candidates because it counts applications; vacancies never reaches them."""

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from django.db.models import Count, Exists, IntegerField, OuterRef, Q, Subquery, Value
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext, ngettext

from candidates.models import Application, Interview, Nomination
from candidates.services.reminders import (
    FIRST_ANSWER_AFTER_DAYS,
    OVERDUE_WEEKS,
    day_start,
    local_today,
    unanswered,
)
from vacancies.models import CommitteeInvitation, PlanningPhase, Vacancy
from vacancies.selectors import FINAL_STATUSES


def my_assignments(*, user) -> list[Vacancy]:
    """The vacancies `user` leads that are not final, by closing date, each with `stage_counts`:
    a list of (stage label, count) in stage order, leaving out empty stages, and
    `application_count`. Two queries, however many vacancies and applications there are."""
    vacancies = list(
        Vacancy.objects.filter(lead_consultant=user)
        .exclude(status__in=FINAL_STATUSES)
        .select_related("client")
        .order_by("closing_date", "title", "pk")
    )
    if not vacancies:
        return vacancies
    counts: dict[int, dict[str, int]] = defaultdict(dict)
    rows = (
        Application.objects.filter(vacancy__in=[vacancy.pk for vacancy in vacancies])
        .values("vacancy_id", "stage")
        .annotate(n=Count("pk"))
        .order_by()
    )
    for row in rows:
        counts[row["vacancy_id"]][row["stage"]] = row["n"]
    for vacancy in vacancies:
        per_stage = counts.get(vacancy.pk, {})
        vacancy.stage_counts = [
            (label, per_stage[stage])
            for stage, label in Application.Stage.choices
            if stage in per_stage
        ]
        vacancy.application_count = sum(per_stage.values())
    return vacancies


# --- reminders: the dashboard's coming deadlines ---

DEADLINE_DAYS = 30


@dataclass
class Deadline:
    """One date something must be done by, on the dashboard."""

    day: date
    label: str
    url: str
    at: datetime | None = None  # a time of day too (an interview)
    overdue: bool = False


@dataclass
class Deadlines:
    days: int
    # [{"vacancy": Vacancy, "items": [Deadline, ...]}], the assignment with the nearest first.
    assignments: list = field(default_factory=list)


def coming_deadlines(*, user, now: datetime | None = None, days: int = DEADLINE_DAYS) -> Deadlines:
    """Every deadline of the next `days` days of the assignments `user` leads, per assignment,
    and what is overdue (the reminders' rules, candidates.services.reminders): the closing date,
    the last day of each planning phase, the committee meeting (scores are due before it),
    interviews, the first answer to the applicants two weeks after the closing date, committee
    invitations that expire. Four queries, however many assignments and rows there are."""
    now = now or timezone.now()
    today = local_today(now)
    until = today + timedelta(days=days)
    result = Deadlines(days=days)
    vacancies = {
        vacancy.pk: vacancy
        for vacancy in Vacancy.objects.filter(lead_consultant=user)
        .exclude(status__in=FINAL_STATUSES)
        .select_related("client")
        .annotate(
            waiting=Coalesce(
                Subquery(
                    unanswered()
                    .order_by()
                    .values("vacancy_id")
                    .annotate(n=Count("pk"))
                    .values("n"),
                    output_field=IntegerField(),
                ),
                Value(0),
            )
        )
        .order_by("closing_date", "title", "pk")
    }
    if not vacancies:
        return result
    items: dict[int, list[Deadline]] = defaultdict(list)

    def add(vacancy_id, *args, **kwargs):
        items[vacancy_id].append(Deadline(*args, **kwargs))

    for vacancy in vacancies.values():
        detail = vacancy.get_absolute_url()
        if (
            vacancy.status == Vacancy.Status.PUBLISHED
            and vacancy.closing_date
            and today <= vacancy.closing_date <= until
        ):
            add(vacancy.pk, vacancy.closing_date, gettext("Closing date"), detail)
        if vacancy.closing_date and vacancy.waiting:
            answer_by = vacancy.closing_date + timedelta(days=FIRST_ANSWER_AFTER_DAYS)
            if answer_by <= until:
                label = ngettext(
                    "First answer to %(count)s applicant",
                    "First answer to %(count)s applicants",
                    vacancy.waiting,
                ) % {"count": vacancy.waiting}
                url = reverse("candidates:board", args=[vacancy.pk])
                add(vacancy.pk, answer_by, label, url, overdue=answer_by < today)

    Kinds = PlanningPhase.Kind
    overdue_since = today - timedelta(days=7 * OVERDUE_WEEKS)
    phases = (
        PlanningPhase.objects.filter(vacancy_id__in=list(vacancies))
        .annotate(
            first=Coalesce("starts_on", "ends_on"),
            last=Coalesce("ends_on", "starts_on"),
            applied=Exists(
                Application.objects.filter(
                    vacancy_id=OuterRef("vacancy_id"), stage=Application.Stage.APPLIED
                )
            ),
            nominated=Exists(Nomination.objects.filter(vacancy_id=OuterRef("vacancy_id"))),
        )
        .filter(
            Q(last__range=(today, until))
            | Q(kind=Kinds.COMMITTEE_DISCUSSION, first__range=(today, until))
            | (
                Q(last__range=(overdue_since, today - timedelta(days=1)))
                & (
                    Q(kind=Kinds.PUBLICATION, vacancy__status=Vacancy.Status.DRAFT)
                    | Q(kind=Kinds.PRESELECTION, applied=True)
                    | Q(kind=Kinds.NOMINATION, nominated=False)
                    | Q(kind=Kinds.APPOINTMENT)
                )
            )
        )
        .order_by("first", "order", "pk")
    )
    for phase in phases:
        planning = reverse("vacancies:planning", args=[phase.vacancy_id])
        if phase.kind == Kinds.COMMITTEE_DISCUSSION and today <= phase.first <= until:
            label = gettext("Committee meeting: %(activity)s (scores due before it)") % {
                "activity": phase.activity
            }
            add(phase.vacancy_id, phase.first, label, planning)
            if phase.last == phase.first:
                continue
        if phase.last < today:
            label = gettext("Behind schedule: %(activity)s") % {"activity": phase.activity}
            add(phase.vacancy_id, phase.last, label, planning, overdue=True)
        elif phase.last <= until:
            label = gettext("Last day: %(activity)s") % {"activity": phase.activity}
            add(phase.vacancy_id, phase.last, label, planning)

    interviews = (
        Interview.objects.filter(
            application__vacancy_id__in=list(vacancies),
            status=Interview.Status.PLANNED,
            starts_at__gte=now,
            starts_at__lt=day_start(until + timedelta(days=1)),
        )
        .select_related("application__candidate")
        .order_by("starts_at", "pk")
    )
    for interview in interviews:
        label = gettext("Interview with %(candidate)s") % {
            "candidate": interview.application.candidate.full_name
        }
        url = reverse("candidates:interview_edit", args=[interview.pk])
        day = local_today(interview.starts_at)
        add(interview.application.vacancy_id, day, label, url, at=interview.starts_at)

    invitations = (
        CommitteeInvitation.objects.filter(
            member__vacancy_id__in=list(vacancies),
            accepted_at__isnull=True,
            replaced_at__isnull=True,
            expires_at__gt=now,
            expires_at__lt=day_start(until + timedelta(days=1)),
        )
        .select_related("member")
        .order_by("expires_at", "pk")
    )
    for invitation in invitations:
        label = gettext("Invitation of %(email)s expires") % {"email": invitation.email}
        url = reverse("vacancies:committee", args=[invitation.member.vacancy_id])
        add(
            invitation.member.vacancy_id,
            local_today(invitation.expires_at),
            label,
            url,
            at=invitation.expires_at,
        )

    for vacancy_id, found in items.items():
        found.sort(key=lambda item: (item.day, item.at or now, item.label))
        result.assignments.append({"vacancy": vacancies[vacancy_id], "items": found})
    result.assignments.sort(key=lambda group: (group["items"][0].day, group["vacancy"].title))
    return result
