"""Reads for sourcing and merging: possible duplicates of a person, and picking a candidate."""

from dataclasses import dataclass, field

from django.db import connection
from django.db.models import (
    BooleanField,
    Count,
    ExpressionWrapper,
    F,
    Prefetch,
    Q,
    QuerySet,
    Value,
)
from django.db.models.functions import Lower
from django.utils.translation import gettext_lazy as _

from candidates.models import Application, Candidate

# On PostgreSQL a name whose trigram similarity to the entered name reaches this is "similar".
# "Inge Jansen" / "Inge Janssen" scores 0.79, "Jan de Vries" / "Jan de Fries" 0.63, while
# "Inge Jansen" / "Piet Jansen" scores 0.41.
SIMILAR_NAME_THRESHOLD = 0.5
DUPLICATES_SHOWN = 10
PICK_RESULTS = 20
QUERY_MAX_LENGTH = 200

REASON_EMAIL = _("same email address")
REASON_NAME_ORGANISATION = _("same name and organisation")
REASON_SIMILAR_NAME = _("similar name")


@dataclass
class Duplicate:
    """A candidate who may be the person being added, with why we think so."""

    candidate: Candidate
    reasons: list = field(default_factory=list)
    same_email: bool = False

    @property
    def similar_only(self) -> bool:
        return self.reasons == [REASON_SIMILAR_NAME]


def _applications_with_vacancy():
    return Prefetch(
        "applications",
        queryset=Application.objects.select_related("vacancy__client").order_by("-created_at"),
    )


def _same(a: str, b: str) -> bool:
    return a.strip().casefold() == b.strip().casefold()


def candidate_duplicates(
    *, first_name: str, last_name: str, email: str = "", organisation: str = ""
) -> list[Duplicate]:
    """Candidates who may be the person with these details, the likeliest first.

    The rules: the same email address (whatever its case); the same first and last name and the
    same organisation; a similar name (PostgreSQL: trigram similarity of the full name; SQLite:
    the same last name and first initial). Each candidate comes with their applications and
    vacancies, in two queries.
    """
    first_name, last_name = first_name.strip(), last_name.strip()
    email, organisation = email.strip(), organisation.strip()
    rules = Q()
    if email:
        rules |= Q(email_lower=email.lower())
    if first_name and last_name and organisation:
        rules |= Q(
            first_name__iexact=first_name,
            last_name__iexact=last_name,
            current_organisation__iexact=organisation,
        )
    candidates = Candidate.objects.alias(email_lower=Lower("email"))
    similarity = None
    if last_name and connection.vendor == "postgresql":
        # Both rules use an index: the unique index on lower(email), and the trigram index on
        # the lower-cased full name (migration 0005_search) through the `%` operator. The same
        # name with the same organisation is a subset of a similar name here, so that rule adds
        # no condition that would make PostgreSQL read the whole table.
        from django.contrib.postgres.lookups import TrigramSimilar
        from django.contrib.postgres.search import TrigramSimilarity

        from candidates.selectors.search import FullNameLower

        full_name = f"{first_name} {last_name}".strip().lower()
        candidates = candidates.annotate(
            name_similarity=TrigramSimilarity(FullNameLower(), Value(full_name))
        )
        similarity = "name_similarity"
        rules = (Q(email_lower=email.lower()) if email else Q()) | Q(
            TrigramSimilar(FullNameLower(), Value(full_name)),
            name_similarity__gte=SIMILAR_NAME_THRESHOLD,
        )
    elif last_name:
        similar = Q(last_name__iexact=last_name)
        if first_name:
            similar &= Q(first_name__istartswith=first_name[:1])
        rules |= similar
    if not rules:
        return []
    # The same email first, whatever the rest: it is the one match that forbids a new record.
    ordering = [ExpressionWrapper(Q(email_lower=email.lower()), BooleanField()).desc()]
    if similarity:
        ordering.append(F(similarity).desc())
    found = list(
        candidates.filter(rules)
        .prefetch_related(_applications_with_vacancy())
        .order_by(*ordering, "last_name", "first_name", "pk")[: DUPLICATES_SHOWN * 3]
    )
    duplicates = []
    for candidate in found:
        duplicate = Duplicate(candidate=candidate)
        if email and _same(candidate.email, email):
            duplicate.same_email = True
            duplicate.reasons.append(REASON_EMAIL)
        if (
            organisation
            and _same(candidate.first_name, first_name)
            and _same(candidate.last_name, last_name)
            and _same(candidate.current_organisation, organisation)
        ):
            duplicate.reasons.append(REASON_NAME_ORGANISATION)
        if not duplicate.reasons:
            duplicate.reasons.append(REASON_SIMILAR_NAME)
        duplicates.append(duplicate)
    # The strongest evidence first: the same email, then name and organisation, then the name
    # (on PostgreSQL the most similar first: the sort keeps the order within each group).
    duplicates.sort(key=lambda d: 0 if d.same_email else 2 if d.similar_only else 1)
    return duplicates[:DUPLICATES_SHOWN]


def candidate_pick_search(*, query: str, exclude_pk: int | None = None) -> QuerySet[Candidate]:
    """Candidates matching every word of `query`, for picking one: a word with "@" is an email
    address (in full), any other word a part of the name. An empty query finds nobody.

    Any characters are safe: each word is a plain parameter of a LIKE that Django escapes. On
    PostgreSQL both use an index (the trigram index on the lower-cased full name, the unique
    index on the lower-cased email); SQLite also matches parts of email addresses."""
    # PostgreSQL refuses NUL in a text parameter.
    words = query[:QUERY_MAX_LENGTH].replace("\x00", "").lower().split()[:8]
    if not words:
        return Candidate.objects.none()
    candidates = Candidate.objects.all()
    if connection.vendor == "postgresql":
        from candidates.selectors.search import FullNameLower

        candidates = candidates.alias(name_lower=FullNameLower(), email_lower=Lower("email"))
        for word in words:
            if "@" in word:
                candidates = candidates.filter(email_lower=word)
            else:
                candidates = candidates.filter(name_lower__contains=word)
    else:
        for word in words:
            candidates = candidates.filter(
                Q(first_name__icontains=word)
                | Q(last_name__icontains=word)
                | Q(email__icontains=word)
            )
    if exclude_pk is not None:
        candidates = candidates.exclude(pk=exclude_pk)
    return candidates.prefetch_related(_applications_with_vacancy()).order_by(
        "last_name", "first_name", "pk"
    )[:PICK_RESULTS]


def candidate_with_applications(*, pk) -> Candidate | None:
    """One candidate with their applications, vacancies and documents and the number of their
    notes; None when there is no such candidate (or `pk` is not a number)."""
    try:
        pk = int(pk)
    except (TypeError, ValueError):
        return None
    if pk <= 0 or pk > 2**31 - 1:
        return None
    return (
        Candidate.objects.filter(pk=pk)
        .annotate(note_count=Count("notes"))
        .prefetch_related(
            Prefetch(
                "applications",
                queryset=Application.objects.select_related("vacancy__client")
                .prefetch_related("documents")
                .order_by("-created_at"),
            )
        )
        .first()
    )


def application_in_vacancy(*, candidate: Candidate, vacancy_id: int) -> Application | None:
    """The candidate's application for this vacancy, from the prefetched applications."""
    for application in candidate.applications.all():
        if application.vacancy_id == vacancy_id:
            return application
    return None
