"""Reads of the recruiter back office, each with the joins it needs so that a page's query count
does not grow with its rows."""

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, timedelta

from django.db.models import Count, F, Prefetch, Q, QuerySet, Window
from django.db.models.functions import Coalesce, RowNumber
from django.shortcuts import get_object_or_404
from django.utils import timezone

from .models import (
    Client,
    ClientContact,
    ClientLocation,
    ClientUnit,
    CommitteeMember,
    PlanningPhase,
    Vacancy,
)

# candidates depends on vacancies, never the reverse: the back office reaches the applications of
# a vacancy through the reverse relation that candidates.Application declares.
Application = Vacancy.applications.rel.related_model

FINAL_STATUSES = (Vacancy.Status.APPOINTED, Vacancy.Status.CANCELLED)

# The order in which the status buttons appear.
STATUS_ORDER = [
    Vacancy.Status.PUBLISHED,
    Vacancy.Status.CLOSED,
    Vacancy.Status.APPOINTED,
    Vacancy.Status.DRAFT,
    Vacancy.Status.CANCELLED,
]


# Clients -----------------------------------------------------------------


def client_list() -> QuerySet[Client]:
    return Client.objects.annotate(
        vacancy_count=Count("vacancies", distinct=True),
        open_vacancy_count=Count(
            "vacancies",
            filter=~Q(vacancies__status__in=FINAL_STATUSES),
            distinct=True,
        ),
    ).order_by("name")


def client_detail(*, pk: int) -> Client:
    queryset = Client.objects.prefetch_related(
        Prefetch("locations", queryset=ClientLocation.objects.order_by("name")),
        Prefetch("units", queryset=ClientUnit.objects.select_related("location").order_by("name")),
        Prefetch("contacts", queryset=ClientContact.objects.order_by("name")),
        Prefetch(
            "vacancies",
            queryset=Vacancy.objects.select_related("lead_consultant").order_by(
                "-closing_date", "title"
            ),
        ),
    )
    return get_object_or_404(queryset, pk=pk)


# Vacancies ---------------------------------------------------------------


def vacancy_list(*, search: str = "", status: str = "") -> QuerySet[Vacancy]:
    queryset = Vacancy.objects.select_related("client", "lead_consultant").annotate(
        application_count=Count("applications")
    )
    search = search.strip()
    if search:
        queryset = queryset.filter(
            Q(title__icontains=search)
            | Q(reference__icontains=search)
            | Q(client__name__icontains=search)
            | Q(client__short_name__icontains=search)
        )
    if status in Vacancy.Status.values:
        queryset = queryset.filter(status=status)
    return queryset.order_by("-closing_date", "title", "pk")


def vacancy_detail(*, pk: int) -> Vacancy:
    """A vacancy with everything its detail page shows, in a fixed number of queries."""
    queryset = Vacancy.objects.select_related("client", "lead_consultant").prefetch_related(
        "responsibilities",
        "requirements",
        "contacts",
        "phases",
        Prefetch("locations", queryset=ClientLocation.objects.order_by("name")),
        Prefetch("committee", queryset=CommitteeMember.objects.select_related("user")),
    )
    return get_object_or_404(queryset, pk=pk)


@dataclass
class StageGroup:
    stage: str
    label: str
    count: int = 0
    applications: list = field(default_factory=list)

    @property
    def more(self) -> int:
        """How many applications of this stage are counted but not listed."""
        return self.count - len(self.applications)


def applications_by_stage(vacancy: Vacancy, *, per_stage: int = 10) -> list[StageGroup]:
    """The vacancy's applications per stage, in the order of the stages: the count of each stage
    and the first `per_stage` names (by last name). One query, however many applications there
    are; empty stages are left out."""
    by_stage = {"partition_by": F("stage")}
    listed = (
        vacancy.applications.select_related("candidate")
        .annotate(
            rank=Window(
                RowNumber(),
                order_by=[F("candidate__last_name").asc(), F("candidate__first_name").asc()],
                **by_stage,
            ),
            stage_total=Window(Count("pk"), **by_stage),
        )
        .filter(rank__lte=per_stage)
        .order_by("stage", "rank")
    )
    groups = {stage: StageGroup(stage, label) for stage, label in Application.Stage.choices}
    for application in listed:
        group = groups[application.stage]
        group.count = application.stage_total
        group.applications.append(application)
    return [group for group in groups.values() if group.count]


def allowed_statuses(vacancy: Vacancy) -> list[str]:
    return [status for status in STATUS_ORDER if vacancy.can_move_to(status)]


# Dashboard ---------------------------------------------------------------


def my_assignments(*, user) -> list[Vacancy]:
    """The vacancies `user` leads that are not final, each with `stage_counts`: a list of
    (stage label, count) in stage order, and `application_count`."""
    vacancies = list(
        Vacancy.objects.filter(lead_consultant=user)
        .exclude(status__in=FINAL_STATUSES)
        .select_related("client")
        .order_by("closing_date", "title")
    )
    counts: dict[int, dict[str, int]] = defaultdict(dict)
    rows = (
        Application.objects.filter(vacancy__in=[v.pk for v in vacancies])
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


def upcoming_phases(*, user, days: int = 60, today: date | None = None) -> QuerySet[PlanningPhase]:
    """Planning phases of `user`'s open vacancies that start, run or end within the next `days`."""
    today = today or timezone.localdate()
    until = today + timedelta(days=days)
    return (
        PlanningPhase.objects.filter(vacancy__lead_consultant=user)
        .exclude(vacancy__status__in=FINAL_STATUSES)
        .filter(
            Q(starts_on__range=(today, until))
            | Q(ends_on__range=(today, until))
            | Q(starts_on__lt=today, ends_on__gt=until)
        )
        .select_related("vacancy", "vacancy__client")
        .annotate(first_date=Coalesce("starts_on", "ends_on"))
        .order_by("first_date", "vacancy__title", "order")
    )
