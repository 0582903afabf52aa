"""Reads of the recruiter back office, each with the joins it needs so that a page's query count
does not grow with its rows.

Only vacancies: candidates depends on vacancies, never the reverse. What shows a vacancy together
with its applications (the dashboard's counts, the board, insight) lives in candidates."""

from datetime import date, timedelta

from django.db.models import Count, Prefetch, Q, QuerySet
from django.db.models.functions import Coalesce
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
    queryset = Vacancy.objects.select_related("client", "lead_consultant")
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


def allowed_statuses(vacancy: Vacancy) -> list[str]:
    return [status for status in STATUS_ORDER if vacancy.can_move_to(status)]


# Planning ----------------------------------------------------------------


def upcoming_phases(*, user, days: int = 60, today: date | None = None) -> QuerySet[PlanningPhase]:
    """Planning phases of `user`'s open vacancies that start, run or end within the next `days`
    (the dashboard's planning column)."""
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
