"""The candidate database: search over names, contact data, notes and CV text, with filters.

On PostgreSQL a query is matched in two ways, either of which finds a candidate:

- full text: `websearch_to_tsquery('dutch', query)` against `search_vector`, the stored
  to_tsvector('dutch', search_text) with the GIN index `candidates_candidate_search_fts`
  (migration 0005_search explains why the vector is stored rather than only indexed);
- a similar name: every word of the query is similar to a whole word of the lower-cased full
  name (pg_trgm's strict word similarity, `%>>`, at least 0.5), the expression of the trigram
  index `candidates_candidate_name_trgm`: "Jansen" finds "Janssen", "Hooglant" "Hoogland",
  while "Anna" does not find every "Hanna".

Both use their index (the expression below compiles to exactly the indexed SQL). On SQLite every
word of the query must occur in `search_text`.

Any text is a safe query: it is cleaned (control characters and NUL removed, cut at
QUERY_MAX_LENGTH) and only ever passed as a parameter; websearch_to_tsquery accepts any input
without a syntax error. Results are ordered newest first (by primary key, which is indexed).
"""

import math
import re
from dataclasses import dataclass
from datetime import date, datetime, time

from django.contrib.postgres.lookups import TrigramStrictWordSimilar
from django.contrib.postgres.search import (
    SearchQuery,
    SearchVectorField,
    TrigramStrictWordSimilarity,
)
from django.db import connection
from django.db.models import (
    BooleanField,
    Expression,
    F,
    Func,
    Prefetch,
    Q,
    QuerySet,
    Value,
)
from django.utils import timezone

from candidates.models import Application, Candidate
from candidates.services.search import clean_text

# What a query may be: longer input is cut off (it would match nothing anyway).
QUERY_MAX_LENGTH = 200
# SQLite: at most this many words of a query are matched.
QUERY_MAX_WORDS = 10
_TOKENS = re.compile(r'-?"[^"]*"?|\S+')
# A name is shorter than this and has at most so many words; longer queries are not compared
# with names.
NAME_QUERY_MAX_LENGTH = 60
NAME_QUERY_MAX_WORDS = 5
# The text search configuration of the vector (migration 0005_search) and of the query.
SEARCH_CONFIG = "dutch"

PAGE_SIZE = 50
# Results are counted up to this number; more is shown as "more than 1,000".
COUNT_CAP = 1000
# Pages beyond this are not served: narrow the search instead.
MAX_PAGES = 200


class SearchVector(Expression):
    """The candidate's stored `search_vector` column: to_tsvector('dutch', search_text), kept by
    PostgreSQL (migration 0005_search) and indexed; not a field of the model."""

    output_field = SearchVectorField()

    def as_sql(self, compiler, connection):
        alias = compiler.quote_name_unless_alias(compiler.query.get_initial_alias())
        return f"{alias}.search_vector", []


class FullNameLower(Func):
    """lower(first_name || ' ' || last_name), exactly the indexed expression."""

    template = "lower((%(expressions)s))"
    arg_joiner = " || ' ' || "

    def __init__(self, **extra):
        super().__init__(F("first_name"), F("last_name"), **extra)

    @property
    def output_field(self):
        return Candidate._meta.get_field("last_name")


class Matches(Func):
    """<tsvector> @@ <tsquery>."""

    template = "%(expressions)s"
    arg_joiner = " @@ "
    output_field = BooleanField()


def search_query_clean(query) -> str:
    """The query as it is searched: a string without control characters and NUL, white space
    collapsed, at most QUERY_MAX_LENGTH characters, lower-cased. Empty: no search."""
    if not isinstance(query, str):
        return ""
    return clean_text(query[: QUERY_MAX_LENGTH * 4], limit=QUERY_MAX_LENGTH).lower()


def _like_matches(query: str) -> Q:
    """SQLite: every word (or "quoted phrase") of the query occurs in the search text, a -word
    does not, and `a or b` needs one of the two: the web search syntax of PostgreSQL, without
    the stemming. Each word is a plain parameter, never syntax."""
    matches = Q()
    previous = None
    either = False
    for word in _TOKENS.findall(query)[: QUERY_MAX_WORDS * 2]:
        if word == "or" and previous is not None:
            either = True
            continue
        negative = word.startswith("-") and len(word) > 1
        text = word.lstrip("-").strip('"').strip()
        if not text:
            continue
        # LIKE '%text%' (Django escapes % and _); SQLite's LIKE is faster than instr() here.
        term = Q(search_text__contains=text)
        term = ~term if negative else term
        if either and previous is not None:
            previous |= term
        else:
            if previous is not None:
                matches &= previous
            previous = term
        either = False
    if previous is not None:
        matches &= previous
    return matches


@dataclass
class _Part:
    """One way a query can match: the condition, and the order in which to take the matches
    (the newest first, or the most similar name first)."""

    condition: Q
    ordering: tuple = ("-pk",)


def _match_parts(query: str) -> list[_Part]:
    """The ways a (cleaned, non-empty) query can match; a candidate matching any one is found.

    PostgreSQL: the full text, and (for a query that may be a name) the name. They are kept
    apart so that each is checked through its own index and cheap check: a trigram comparison
    per row costs ten times a full-text check, and would slow down every scan for a word."""
    if connection.vendor != "postgresql":
        return [_Part(_like_matches(query))]
    text = Q(
        Matches(SearchVector(), SearchQuery(query, search_type="websearch", config=SEARCH_CONFIG))
    )
    words = [word for word in query.split() if any(char.isalnum() for char in word)]
    if (
        len(query) > NAME_QUERY_MAX_LENGTH
        or not 0 < len(words) <= NAME_QUERY_MAX_WORDS
        or "@" in query  # an email address is found by the text, not compared with names
    ):
        return [_Part(text)]
    # Every word is (like) a part of the name: "inge jansen" finds Inge Janssen, not every Inge.
    name = Q()
    for word in words:
        name &= Q(TrigramStrictWordSimilar(FullNameLower(), Value(word)))
    # The most similar names first: PostgreSQL then collects the matches through the trigram
    # index, instead of walking the table newest first and comparing every name on the way.
    similarity = TrigramStrictWordSimilarity(" ".join(words), FullNameLower())
    return [_Part(text), _Part(name, (similarity.desc(), "-pk"))]


def _filtered(
    *,
    vacancy_id: int | None = None,
    stage: str = "",
    source: str = "",
    consent: bool | None = None,
    added_since: date | None = None,
) -> QuerySet[Candidate]:
    candidates = Candidate.objects.defer("search_text")
    application = {}
    if vacancy_id:
        application["vacancy_id"] = vacancy_id
    if stage:
        application["stage"] = stage
    if source:
        application["source"] = source
    # IN (the candidates of matching applications): SQLite reads those through the index on
    # the vacancy; PostgreSQL makes it a (hashed) semi-join either way.
    if application:
        candidates = candidates.filter(
            pk__in=Application.objects.filter(**application).values("candidate_id")
        )
    if consent is not None:
        consented = Q(
            pk__in=Application.objects.filter(consent_talent_pool=True).values("candidate_id")
        )
        candidates = candidates.filter(consented if consent else ~consented)
    if added_since:
        start = timezone.make_aware(datetime.combine(added_since, time.min))
        candidates = candidates.filter(created_at__gte=start)
    return candidates.order_by("-pk")


def _with_latest_application(candidates: QuerySet[Candidate]) -> QuerySet[Candidate]:
    latest = (
        Application.objects.select_related("vacancy")
        .only("candidate_id", "stage", "created_at", "vacancy__title")
        .order_by("-created_at", "-pk")
    )
    return candidates.prefetch_related(
        Prefetch("applications", queryset=latest[:1], to_attr="latest_applications")
    )


def candidate_search(*, query: str = "", **filters) -> QuerySet[Candidate]:
    """Candidates matching `query` (see the module) and the filters, newest first, with their
    latest application (`latest_applications`, a list of at most one, with its vacancy's title).

    Filters: `vacancy_id`, `stage` and `source` describe one application of the candidate (the
    stage of their application for that vacancy); `consent` whether any application consented
    to keeping the data (talent pool); `added_since` the day the candidate became known, or
    later. For a page of a long list use `candidate_search_page`.
    """
    candidates = _filtered(**filters)
    query = search_query_clean(query)
    if query:
        matches = Q()
        for part in _match_parts(query):
            matches |= part.condition
        candidates = candidates.filter(matches)
    return _with_latest_application(candidates)


@dataclass
class CandidatePage:
    """One page of a candidate list whose total is counted only up to COUNT_CAP."""

    object_list: list
    number: int
    count: int  # exact when not `more`, else COUNT_CAP
    more: bool  # more results than COUNT_CAP
    per_page: int = PAGE_SIZE
    has_next: bool = False

    @property
    def has_previous(self) -> bool:
        return self.number > 1

    @property
    def previous_page_number(self) -> int:
        return self.number - 1

    @property
    def next_page_number(self) -> int:
        return self.number + 1

    @property
    def num_pages(self) -> int | None:
        """The number of pages, or None when there are more results than counted."""
        return None if self.more else max(1, math.ceil(self.count / self.per_page))

    @property
    def start_index(self) -> int:
        return (self.number - 1) * self.per_page + 1 if self.object_list else 0

    @property
    def end_index(self) -> int:
        return (self.number - 1) * self.per_page + len(self.object_list)


def candidate_search_page(*, number=1, query: str = "", **filters) -> CandidatePage:
    """Page `number` (any input; invalid means 1, beyond the end the last page) of
    `candidate_search(query=query, **filters)`, in a fixed number of queries.

    First the numbers of the matching candidates are read, up to COUNT_CAP + 1 (further on later
    pages), one query per way of matching (`_match_parts`): that is the count, capped so that a
    word found in half the database is not counted row by row, and the page's share of it. For
    the text, the ORDER BY on the primary key with a LIMIT lets PostgreSQL pick per query
    between walking the primary key (a common word) and the search index (a rare one). Then the
    page's rows are read by number, newest first, with their latest application."""
    try:
        number = int(str(number)[:6])
    except (TypeError, ValueError):
        number = 1
    number = min(max(number, 1), MAX_PAGES)
    limit = max(COUNT_CAP + 1, number * PAGE_SIZE + 1)
    candidates = _filtered(**filters)
    query = search_query_clean(query)
    if query:
        found = set()
        for part in _match_parts(query):
            matching = candidates.filter(part.condition).order_by(*part.ordering)
            found.update(matching.values_list("pk", flat=True)[:limit])
        ids = sorted(found, reverse=True)[:limit]
    else:
        ids = list(candidates.values_list("pk", flat=True)[:limit])
    count = len(ids)
    more = count > COUNT_CAP
    if count < limit:  # every match was read: the last page is known
        number = min(number, max(1, math.ceil(count / PAGE_SIZE)))
    offset = (number - 1) * PAGE_SIZE
    page_ids = ids[offset : offset + PAGE_SIZE]
    rows = []
    if page_ids:
        rows = list(
            _with_latest_application(
                Candidate.objects.defer("search_text").filter(pk__in=page_ids).order_by("-pk")
            )
        )
    return CandidatePage(
        object_list=rows,
        number=number,
        count=min(count, COUNT_CAP),
        more=more,
        has_next=count > offset + PAGE_SIZE and number < MAX_PAGES,
    )
