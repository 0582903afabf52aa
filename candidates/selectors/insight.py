"""Reads of the insight pages: how far the applications of a vacancy (or of many vacancies) got,
per stage and per source, how long they spent in each stage and how long it took to reach the
shortlist.

Everything is counted in the database, in a fixed number of queries whatever the number of
applications:

- one grouped query counts the applications per (vacancy, source, current stage, furthest stage
  reached); the furthest stage is the highest of the current stage and every stage in the
  application's history (a correlated MAX over StageChange), so an application rejected after
  the shortlist still reached it. The funnel, the sources and the per-stage counts are sums over
  those few rows;
- one query over the history gives each stay in a stage its length with a window function (LEAD
  to the next move; the stay in the current stage lasts until now), adds the stays up per
  application and stage, and returns per stage the count, the average and the median (ROW_NUMBER
  against COUNT), so only a row per stage leaves the database;
- one grouped query gives each shortlisted application its first move to the shortlist (MIN per
  application) and its first history row; only shortlisted applications come back, and their
  medians are taken in Python.
"""

import statistics
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime

from django.db import connection
from django.db.models import (
    Case,
    Count,
    F,
    FloatField,
    Func,
    IntegerField,
    Max,
    Min,
    OuterRef,
    QuerySet,
    Subquery,
    Value,
    When,
    Window,
)
from django.db.models.functions import Coalesce, Greatest, Lead
from django.utils import timezone

from candidates.models import Application, StageChange
from vacancies.models import Vacancy

Stage = Application.Stage
Source = Application.Source

# The stages of the funnel after the entry (sourced or applied): "reached" counts the
# applications that were in the stage or a later one at some point.
FUNNEL_STAGES = [
    Stage.LONGLIST,
    Stage.PRESELECTION,
    Stage.SHORTLIST,
    Stage.COMMITTEE,
    Stage.PREFERRED,
    Stage.APPOINTED,
]
# Stages whose length is measured: every stage on the way, not the final ones.
TIMED_STAGES = [stage for stage in Application.FORWARD if stage not in Application.FINAL]
RANK = {stage: index for index, stage in enumerate(Application.FORWARD)}
SECONDS_PER_DAY = 86400
# A procedure in these statuses is over: nothing stays in a stage "until now" any more.
FINISHED = {Vacancy.Status.APPOINTED, Vacancy.Status.CANCELLED}


# --- the numbers ---------------------------------------------------------------------------------


def _median(values: list[float]) -> float | None:
    return statistics.median(values) if values else None


def _mean(values: list[float]) -> float | None:
    return statistics.fmean(values) if values else None


def _share(part: int, whole: int) -> float | None:
    """`part` as a percentage of `whole`; None when there is no whole (no division by zero)."""
    return 100 * part / whole if whole else None


@dataclass
class Counts:
    """Applications counted: in total, per current stage, and per furthest stage reached."""

    total: int = 0
    now: dict[str, int] = field(default_factory=lambda: dict.fromkeys(Stage.values, 0))
    # furthest stage reached (its rank in Application.FORWARD; -1: none) -> applications
    by_top: dict[int, int] = field(default_factory=lambda: defaultdict(int))

    def add(self, *, stage: str, top: int, count: int) -> None:
        self.total += count
        self.now[stage] = self.now.get(stage, 0) + count
        self.by_top[top] += count

    def reached(self, stage: str) -> int:
        """Applications that were in `stage` or a later one at some point."""
        rank = RANK[stage]
        return sum(count for top, count in self.by_top.items() if top >= rank)

    @property
    def funnel(self) -> list["FunnelRow"]:
        return [
            FunnelRow(
                stage=stage,
                label=Stage(stage).label,
                reached=self.reached(stage),
                share=_share(self.reached(stage), self.total),
            )
            for stage in FUNNEL_STAGES
        ]

    @property
    def current(self) -> list["StageCount"]:
        return [
            StageCount(stage=stage, label=label, count=self.now.get(stage, 0))
            for stage, label in Stage.choices
        ]


@dataclass(frozen=True)
class FunnelRow:
    stage: str
    label: str
    reached: int
    share: float | None  # percentage of all applications


@dataclass(frozen=True)
class StageCount:
    stage: str
    label: str
    count: int


@dataclass
class SourceRow:
    source: str
    label: str
    counts: Counts

    @property
    def total(self) -> int:
        return self.counts.total

    @property
    def funnel(self) -> list[FunnelRow]:
        return self.counts.funnel

    @property
    def shortlist_share(self) -> float | None:
        return _share(self.counts.reached(Stage.SHORTLIST), self.counts.total)


@dataclass(frozen=True)
class StageTime:
    """How long applications stayed in one stage, in days (all stays of one application in the
    stage added up)."""

    stage: str
    label: str
    count: int
    median: float | None
    average: float | None


@dataclass
class ShortlistTimes:
    """Days to the first move to the shortlist, per shortlisted application: from its first
    history row (entering the procedure) and from the vacancy's closing date."""

    from_entry: list[float] = field(default_factory=list)
    from_closing: list[float] = field(default_factory=list)

    @property
    def count(self) -> int:
        return len(self.from_entry)

    @property
    def median_from_entry(self) -> float | None:
        return _median(self.from_entry)

    @property
    def average_from_entry(self) -> float | None:
        return _mean(self.from_entry)

    @property
    def median_from_closing(self) -> float | None:
        return _median(self.from_closing)

    @property
    def average_from_closing(self) -> float | None:
        return _mean(self.from_closing)


@dataclass
class VacancyInsight:
    vacancy: Vacancy
    counts: Counts
    sources: list[SourceRow]
    stage_times: list[StageTime]
    shortlist: ShortlistTimes


@dataclass
class VacancyRow:
    """One vacancy in the overview across vacancies."""

    vacancy: Vacancy
    counts: Counts
    shortlist: ShortlistTimes

    @property
    def shortlist_reached(self) -> int:
        return self.counts.reached(Stage.SHORTLIST)


@dataclass
class Overview:
    rows: list[VacancyRow]
    counts: Counts  # all vacancies of the selection together
    sources: list[SourceRow]
    shortlist: ShortlistTimes  # every shortlisted application of the selection

    @property
    def shortlist_reached(self) -> int:
        return self.counts.reached(Stage.SHORTLIST)


# --- the queries ---------------------------------------------------------------------------------


def _rank(field_name: str) -> Case:
    """The position of the stage in `field_name` on the way forward; NULL for rejected and
    withdrawn."""
    return Case(
        *(When(**{field_name: stage}, then=Value(rank)) for stage, rank in RANK.items()),
        default=None,
        output_field=IntegerField(),
    )


def _furthest_rank() -> Greatest:
    """Per application: the furthest stage on the way forward it ever was in (its history and its
    current stage), as a rank; -1 when it never was in one."""
    history = (
        StageChange.objects.filter(application=OuterRef("pk"))
        .order_by()
        .values("application")
        .annotate(top=Max(_rank("to_stage")))
        .values("top")
    )
    return Greatest(
        Coalesce(Subquery(history, output_field=IntegerField()), Value(-1)),
        Coalesce(_rank("stage"), Value(-1)),
        output_field=IntegerField(),
    )


def _counted(applications: QuerySet[Application]):
    """Rows of (vacancy id, source, current stage, furthest rank, applications): one grouped
    query."""
    return (
        applications.order_by()
        .annotate(top=_furthest_rank())
        .values_list("vacancy_id", "source", "stage", "top")
        .annotate(n=Count("pk"))
    )


def _sources(per_source: dict[str, Counts]) -> list[SourceRow]:
    return [
        SourceRow(source=source, label=label, counts=per_source.get(source) or Counts())
        for source, label in Source.choices
    ]


def _shortlist_moves(
    history: QuerySet[StageChange], vacancies: dict[int, Vacancy]
) -> dict[int, ShortlistTimes]:
    """Per vacancy id: the days each application in `history` took to reach the shortlist. One
    query over the moves to the shortlist only (MIN per application), with the application's
    first history row beside each."""
    entered = (
        StageChange.objects.filter(application=OuterRef("application_id"))
        .order_by()
        .values("application")
        .annotate(first=Min("changed_at"))
        .values("first")
    )
    rows = (
        history.filter(to_stage=Stage.SHORTLIST)
        .order_by()
        .values("application_id", "application__vacancy_id")
        .annotate(shortlisted=Min("changed_at"), entered=Subquery(entered))
        .values_list("application__vacancy_id", "entered", "shortlisted")
    )
    times: dict[int, ShortlistTimes] = defaultdict(ShortlistTimes)
    for vacancy_id, entered, shortlisted in rows:
        found = times[vacancy_id]
        found.from_entry.append((shortlisted - entered).total_seconds() / SECONDS_PER_DAY)
        closing: date | None = vacancies[vacancy_id].closing_date
        if closing is not None:
            # Calendar days after the closing date, on the local calendar.
            found.from_closing.append((timezone.localdate(shortlisted) - closing).days)
    return times


class _SecondsBetween(Func):
    """The seconds from one moment to a later one, as a floating-point number on every database:
    EXTRACT(EPOCH ...) of the interval on PostgreSQL, julianday() on SQLite."""

    arity = 2
    template = "CAST(EXTRACT(EPOCH FROM (%(expressions)s)) AS double precision)"
    arg_joiner = " - "
    output_field = FloatField()

    def __init__(self, later, earlier, **extra):
        super().__init__(later, earlier, **extra)

    def as_sqlite(self, compiler, connection, **extra):
        return self.as_sql(
            compiler,
            connection,
            template="((julianday(%(expressions)s)) * 86400.0)",
            arg_joiner=") - julianday(",
            **extra,
        )


# The stays of `stays` (application, stage, seconds) added up per application and stage, then
# per stage: how many applications, the average and the median (the middle one, or the mean of
# the middle two: ROW_NUMBER against COUNT over the stage). Plain SQL that SQLite and PostgreSQL
# both run; the part that differs per database (LEAD, the moments as numbers) is built by the ORM.
_STAGE_TIMES_SQL = """
WITH stays AS ({stays}),
per_application AS (
    SELECT application_id, to_stage, SUM(seconds) AS seconds
    FROM stays
    WHERE seconds IS NOT NULL AND to_stage IN ({stages})
    GROUP BY application_id, to_stage
),
ranked AS (
    SELECT to_stage, seconds,
        ROW_NUMBER() OVER (PARTITION BY to_stage ORDER BY seconds) AS position,
        COUNT(*) OVER (PARTITION BY to_stage) AS applications
    FROM per_application
)
SELECT to_stage, MAX(applications), AVG(seconds),
    AVG(CASE WHEN position IN ((applications + 1) / 2, (applications + 2) / 2)
        THEN seconds END)
FROM ranked
GROUP BY to_stage
"""


def _stage_times(vacancy: Vacancy, now: datetime) -> list[StageTime]:
    """Days each application spent in each stage, from consecutive history rows: each row's stay
    lasts until the next row (LEAD over the application's history), all stays of an application
    in one stage added up. The stay in the current stage lasts until now while the procedure
    runs; once the vacancy is appointed or cancelled the stays that never ended are left out
    (they measure nothing). One query, returning a row per stage."""
    running = vacancy.status not in FINISHED
    until = Lead("changed_at", default=Value(now)) if running else Lead("changed_at")
    stays = (
        StageChange.objects.filter(application__vacancy=vacancy)
        .order_by()
        .annotate(
            seconds=_SecondsBetween(
                Window(
                    until,
                    partition_by=[F("application_id")],
                    order_by=[F("changed_at").asc(), F("pk").asc()],
                ),
                "changed_at",
            )
        )
        .values("application_id", "to_stage", "seconds")
    )
    stays_sql, params = stays.query.sql_with_params()
    sql = _STAGE_TIMES_SQL.format(stays=stays_sql, stages=", ".join(["%s"] * len(TIMED_STAGES)))
    with connection.cursor() as cursor:
        cursor.execute(sql, [*params, *TIMED_STAGES])
        found = {
            stage: (count, _days(average), _days(middle))
            for stage, count, average, middle in cursor.fetchall()
        }
    return [
        StageTime(
            stage=stage,
            label=Stage(stage).label,
            count=found.get(stage, (0,))[0],
            median=found[stage][2] if stage in found else None,
            average=found[stage][1] if stage in found else None,
        )
        for stage in TIMED_STAGES
    ]


def _days(seconds) -> float | None:
    return None if seconds is None else float(seconds) / SECONDS_PER_DAY


# --- per vacancy ---------------------------------------------------------------------------------


def vacancy_insight(*, vacancy: Vacancy, now: datetime | None = None) -> VacancyInsight:
    """The funnel, the sources, the time in each stage and the time to the shortlist of one
    vacancy. Three queries, however many applications the vacancy has."""
    now = now or timezone.now()
    counts = Counts()
    per_source: dict[str, Counts] = defaultdict(Counts)
    for _vacancy_id, source, stage, top, n in _counted(Application.objects.filter(vacancy=vacancy)):
        counts.add(stage=stage, top=top, count=n)
        per_source[source].add(stage=stage, top=top, count=n)
    return VacancyInsight(
        vacancy=vacancy,
        counts=counts,
        sources=_sources(per_source),
        stage_times=_stage_times(vacancy, now),
        shortlist=_shortlist_moves(
            StageChange.objects.filter(application__vacancy=vacancy), {vacancy.pk: vacancy}
        ).get(vacancy.pk)
        or ShortlistTimes(),
    )


# --- across vacancies ----------------------------------------------------------------------------


def insight_years() -> list[int]:
    """The years of the vacancies' closing dates, newest first: the choices of the year filter."""
    return [day.year for day in Vacancy.objects.dates("closing_date", "year", order="DESC")]


def insight_overview(
    *, status: str = "", client_id: int | None = None, year: int | None = None
) -> Overview:
    """Every vacancy of the selection (status, client, year of the closing date) with its
    applications per stage, how many reached the shortlist and how fast; and the funnel and the
    sources of the whole selection. Three queries, however many vacancies and applications."""
    vacancies = Vacancy.objects.select_related("client").order_by("-closing_date", "title", "pk")
    if status:
        vacancies = vacancies.filter(status=status)
    if client_id:
        vacancies = vacancies.filter(client_id=client_id)
    if year:
        vacancies = vacancies.filter(closing_date__year=year)
    by_id = {vacancy.pk: vacancy for vacancy in vacancies}
    # The selection again, as a subquery: no list of ids however many vacancies there are.
    selection = vacancies.values("pk")

    counts = Counts()
    per_vacancy: dict[int, Counts] = defaultdict(Counts)
    per_source: dict[str, Counts] = defaultdict(Counts)
    shortlist_times: dict[int, ShortlistTimes] = {}
    if by_id:
        for vacancy_id, source, stage, top, n in _counted(
            Application.objects.filter(vacancy__in=selection)
        ):
            counts.add(stage=stage, top=top, count=n)
            per_vacancy[vacancy_id].add(stage=stage, top=top, count=n)
            per_source[source].add(stage=stage, top=top, count=n)
        shortlist_times = _shortlist_moves(
            StageChange.objects.filter(application__vacancy__in=selection), by_id
        )

    together = ShortlistTimes()
    rows = []
    for vacancy_id, vacancy in by_id.items():
        times = shortlist_times.get(vacancy_id) or ShortlistTimes()
        together.from_entry += times.from_entry
        together.from_closing += times.from_closing
        rows.append(
            VacancyRow(
                vacancy=vacancy, counts=per_vacancy.get(vacancy_id) or Counts(), shortlist=times
            )
        )
    return Overview(rows=rows, counts=counts, sources=_sources(per_source), shortlist=together)
