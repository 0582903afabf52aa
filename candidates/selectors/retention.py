"""Reads of data retention for the recruiter: the erasures coming up, per procedure, and the log
of the erasures done (counts only)."""

from dataclasses import dataclass, field
from datetime import date, timedelta

from django.db.models import OuterRef, Subquery
from django.utils import timezone

from candidates.models import ErasureLog
from candidates.services.retention import due_on_or_before, erasure_plan
from vacancies.models import Vacancy

COMING_DAYS = 30
LOG_ROWS = 5


@dataclass
class ComingErasure:
    """One application whose data is erased on `day`."""

    application_id: int
    name: str
    day: date
    cause: str
    postponed: bool


@dataclass
class ComingErasures:
    """The coming erasures of one procedure."""

    vacancy_id: int
    title: str
    client: str
    applications: list[ComingErasure] = field(default_factory=list)

    @property
    def count(self) -> int:
        return len(self.applications)

    @property
    def first_day(self) -> date:
        return min(item.day for item in self.applications)

    @property
    def last_day(self) -> date:
        return max(item.day for item in self.applications)


def coming_erasures(*, today: date | None = None, days: int = COMING_DAYS) -> list[ComingErasures]:
    """Every application erased within `days` (and any that is due and not yet erased), grouped
    per procedure, the earliest first. One query, however many applications are kept."""
    today = today or timezone.localdate()
    rows = (
        due_on_or_before(today + timedelta(days=days))
        .order_by()
        .values_list(
            "pk",
            "stage",
            "consent_talent_pool",
            "erasure_requested_at",
            "postponed_until",
            "vacancy_id",
            "vacancy__title",
            "vacancy__client__name",
            "vacancy__ended_at",
            "candidate__first_name",
            "candidate__last_name",
        )
    )
    groups: dict[int, ComingErasures] = {}
    for pk, stage, consent, requested, postponed, vacancy_id, title, client, ended, *name in rows:
        day, cause = erasure_plan(
            stage=stage,
            consent=consent,
            requested_at=requested,
            ended_at=ended,
            postponed_until=postponed,
        )
        group = groups.setdefault(
            vacancy_id, ComingErasures(vacancy_id=vacancy_id, title=title, client=client)
        )
        group.applications.append(
            ComingErasure(
                application_id=pk,
                name=" ".join(part for part in name if part),
                day=day,
                cause=cause,
                postponed=postponed is not None,
            )
        )
    for group in groups.values():
        group.applications.sort(key=lambda item: (item.day, item.name, item.application_id))
    return sorted(groups.values(), key=lambda group: (group.first_day, group.title))


def erasure_log(*, limit: int = LOG_ROWS) -> list[ErasureLog]:
    """The latest erasures, each with the title of its procedure (`vacancy_title`, empty when
    the vacancy no longer exists). One query."""
    title = Vacancy.objects.filter(pk=OuterRef("vacancy_id_erased")).values("title")[:1]
    return list(
        ErasureLog.objects.annotate(vacancy_title=Subquery(title)).order_by("-at", "-pk")[:limit]
    )


@dataclass
class ErasurePanel:
    """What the dashboard shows of retention: the coming erasures and the latest log rows."""

    coming: list[ComingErasures]
    log: list[ErasureLog]
    days: int = COMING_DAYS


def erasure_panel(*, today: date | None = None) -> ErasurePanel:
    """The dashboard's panel: two queries."""
    return ErasurePanel(coming=coming_erasures(today=today), log=erasure_log())
