"""Reads of a vacancy's board: its applications in a column per stage.

The board costs the same number of queries however many applications a vacancy has, and reads
no more of what it does not show than it must: the counts come from one aggregate over the index
(vacancy, stage); the ids of the first cards of each stage from one query that walks the board
index 25 rows down per stage; the cards themselves, with their candidate and the
consultant's score, from one query by primary key for the rows that are shown, nothing else.
"""

from dataclasses import dataclass, field
from datetime import datetime

from django.core.paginator import Page, Paginator
from django.db import connection
from django.db.models import Avg, Count, FloatField, OuterRef, QuerySet, Subquery
from django.db.models.functions import Cast
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from candidates.models import Application, AssessmentScore
from vacancies.models import Vacancy

Stage = Application.Stage

# Cards per column, on the board and per page of a column.
PER_COLUMN = 25

# Within a column the card that changed stage last comes first.
CARD_ORDER = ("-stage_changed_at", "-pk")

# What a card shows, read as plain values (no model instances: a board has up to 175 cards).
CARD_VALUES = (
    "pk",
    "stage",
    "source",
    "outreach",
    "stage_changed_at",
    "candidate_id",
    "candidate__first_name",
    "candidate__last_name",
    "candidate__current_position",
    "candidate__current_organisation",
    "score",
)


@dataclass(slots=True)
class Card:
    """One application on the board: what its card shows."""

    pk: int
    stage: str
    source: str
    outreach: str
    stage_changed_at: datetime
    candidate_id: int
    name: str
    position: str
    organisation: str
    # The average of the consultant's scores per requirement; None without any.
    score: float | None
    days_in_stage: int


@dataclass(frozen=True)
class ColumnSpec:
    key: str  # in the URL of the column's pages
    stages: tuple[str, ...]
    label: str
    folded: bool = False

    @property
    def drop_stage(self) -> str:
        """The stage a card dropped on this column moves to (the combined first column: applied,
        or sourced for a card that was found by search; see board.js)."""
        return self.stages[-1]


COLUMNS = (
    ColumnSpec("applied", (Stage.SOURCED, Stage.APPLIED), _("Sourced and applied")),
    ColumnSpec("longlist", (Stage.LONGLIST,), Stage.LONGLIST.label),
    ColumnSpec("preselection", (Stage.PRESELECTION,), Stage.PRESELECTION.label),
    ColumnSpec("shortlist", (Stage.SHORTLIST,), Stage.SHORTLIST.label),
    ColumnSpec("committee", (Stage.COMMITTEE,), Stage.COMMITTEE.label),
    ColumnSpec("preferred", (Stage.PREFERRED,), Stage.PREFERRED.label),
    ColumnSpec("appointed", (Stage.APPOINTED,), Stage.APPOINTED.label),
    ColumnSpec("rejected", (Stage.REJECTED,), Stage.REJECTED.label, folded=True),
    ColumnSpec("withdrawn", (Stage.WITHDRAWN,), Stage.WITHDRAWN.label, folded=True),
)
COLUMN_BY_KEY = {spec.key: spec for spec in COLUMNS} | {Stage.SOURCED.value: COLUMNS[0]}
COLUMN_BY_STAGE = {stage: spec for spec in COLUMNS for stage in spec.stages}


@dataclass
class Column:
    spec: ColumnSpec
    count: int = 0
    cards: list[Card] = field(default_factory=list)

    @property
    def key(self) -> str:
        return self.spec.key

    @property
    def label(self) -> str:
        return self.spec.label

    @property
    def stages(self) -> tuple[str, ...]:
        return self.spec.stages

    @property
    def drop_stage(self) -> str:
        return self.spec.drop_stage

    @property
    def has_more(self) -> bool:
        return self.count > len(self.cards)

    @property
    def next_page(self) -> int | None:
        """The page of the column's own pages that holds the cards after these."""
        return 2 if self.has_more else None


@dataclass
class Board:
    vacancy: Vacancy
    columns: list[Column]  # the running stages, in order
    folded: list[Column]  # rejected and withdrawn: counted, their cards on their own pages

    @property
    def total(self) -> int:
        return sum(column.count for column in self.columns + self.folded)


def board_vacancy_get(*, pk: int) -> Vacancy:
    return get_object_or_404(Vacancy.objects.select_related("client"), pk=pk)


def board_column_spec(key: str) -> ColumnSpec | None:
    return COLUMN_BY_KEY.get(key)


def _cards() -> QuerySet[Application]:
    """Applications annotated with `score`, the average of the consultant's scores per
    requirement (None when there is none)."""
    score = (
        AssessmentScore.objects.filter(assessment__application=OuterRef("pk"), score__isnull=False)
        .order_by()
        .values("assessment__application")
        # As a float: cheaper to read than PostgreSQL's numeric, and shown with one decimal.
        .annotate(average=Cast(Avg("score"), FloatField()))
        .values("average")
    )
    return Application.objects.annotate(score=Subquery(score))


def _to_cards(queryset) -> list[Card]:
    """The cards of `queryset` (a query of `_cards()`), in its order."""
    zone = timezone.get_current_timezone()
    today = timezone.localdate()
    cards = []
    for row in queryset.values_list(*CARD_VALUES):
        pk, stage, source, outreach, changed, candidate_id, first, last, position, org, score = row
        cards.append(
            Card(
                pk=pk,
                stage=stage,
                source=source,
                outreach=outreach,
                stage_changed_at=changed,
                candidate_id=candidate_id,
                name=f"{first} {last}".strip(),
                position=position,
                organisation=org,
                score=score,
                days_in_stage=(today - changed.astimezone(zone).date()).days,
            )
        )
    return cards


# One part of the query of _first_per_stage (a constant: only parameters vary). The table and
# column names are the model's (checked by the board tests on SQLite and PostgreSQL).
_FIRST_OF_STAGE = (
    'SELECT * FROM (SELECT "id", "stage", "stage_changed_at" FROM "candidates_application" '
    'WHERE "vacancy_id" = %s AND "stage" = %s '
    'ORDER BY "stage_changed_at" DESC, "id" DESC LIMIT %s) AS "first_of_stage"'
)


def _first_per_stage(*, vacancy_id: int, stages: list[str], limit: int) -> list[tuple]:
    """(id, stage, moved at) of the first `limit` applications of each stage, most recently moved
    first: one query of one part per stage, each part a walk of `limit` rows down the board
    index (a ranking over all rows of a stage would read them all). The moved-at values are
    only compared with each other (on SQLite they come back as text, which sorts the same)."""
    sql = " UNION ALL ".join([_FIRST_OF_STAGE] * len(stages))
    params = [value for stage in stages for value in (vacancy_id, stage, limit)]
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()


def board_get(*, vacancy: Vacancy, per_column: int = PER_COLUMN) -> Board:
    """The board of `vacancy`: each column with its count and first `per_column` cards; the
    folded columns (rejected, withdrawn) with their count only. Three queries, however many
    applications there are: the counts, the ranking, the cards."""
    counts = dict(
        Application.objects.filter(vacancy_id=vacancy.pk)
        .values_list("stage")
        .annotate(n=Count("*"))
        .order_by()
    )
    columns = [Column(spec) for spec in COLUMNS]
    for column in columns:
        column.count = sum(counts.get(stage, 0) for stage in column.stages)
    shown = [column for column in columns if not column.spec.folded]
    stages = [stage for column in shown if column.count for stage in column.stages]
    if stages:
        # First the ids of the first cards of each stage: per stage, the most recently moved,
        # read in order from the index (vacancy, stage, -stage_changed_at, -id), nothing more.
        ranked = _first_per_stage(vacancy_id=vacancy.pk, stages=stages, limit=per_column)
        # The first cards of each column (the first column merges two stages)...
        first: dict[str, list] = {column.key: [] for column in shown}
        for row in ranked:
            first[COLUMN_BY_STAGE[row[1]].key].append(row)
        ids = []
        for rows in first.values():
            rows.sort(key=lambda row: (row[2], row[0]), reverse=True)
            ids += [row[0] for row in rows[:per_column]]
        # ...then those cards, joined with their candidate and score: the joins are made for
        # the rows that are shown, nothing else.
        by_column = {column.key: column for column in shown}
        for card in _to_cards(_cards().filter(pk__in=ids).order_by(*CARD_ORDER)):
            by_column[COLUMN_BY_STAGE[card.stage].key].cards.append(card)
    return Board(
        vacancy=vacancy,
        columns=shown,
        folded=[column for column in columns if column.spec.folded],
    )


def board_column_page(
    *, vacancy: Vacancy, spec: ColumnSpec, page: int | str | None, per_page: int = PER_COLUMN
) -> Page:
    """One page of a column's cards (a count and a page query)."""
    cards = _cards().filter(vacancy_id=vacancy.pk, stage__in=spec.stages).order_by(*CARD_ORDER)
    result = Paginator(cards, per_page).get_page(page)
    result.object_list = _to_cards(result.object_list)
    return result


def board_application_get(*, pk: int) -> Application:
    """An application with its candidate and vacancy, for a move; 404 when unknown."""
    return get_object_or_404(Application.objects.select_related("candidate", "vacancy"), pk=pk)


def board_applications_for_bulk(*, vacancy: Vacancy, ids: list[int]) -> list[Application]:
    """The applications of `vacancy` among `ids` (others are ignored), with their candidate."""
    return list(
        Application.objects.filter(vacancy_id=vacancy.pk, pk__in=ids)
        .select_related("candidate", "vacancy")
        .order_by("candidate__last_name", "candidate__first_name", "pk")
    )
