"""Reads of the committee's scores: a member's scorecard page and the matrix of a vacancy.

Only submitted scorecards count in the figures; a scorecard submitted by a member who later
declared a conflict of interest with the candidate is kept on record but does not count (it is
marked). The averages: per requirement, the mean of the counted scores of it; overall, the mean
of all counted scores of the candidate (the same as the mean of the requirement averages when
every scorecard scores every requirement); a member's own average, the mean of their scores.

Both reads take a fixed number of queries, however many members, candidates and requirements.
"""

from collections import Counter, defaultdict
from dataclasses import dataclass, field

from django.db.models import Exists, OuterRef, QuerySet

from candidates.models import (
    Application,
    ApplicationRelease,
    ConflictOfInterest,
    Scorecard,
    ScorecardScore,
)
from candidates.selectors.assessment import score_average
from vacancies.models import CommitteeMember, Requirement, Vacancy

# How a member stands with a candidate in the matrix.
SUBMITTED = "submitted"
DRAFT = "draft"
NOT_STARTED = "not_started"
CONFLICT = "conflict"

RECOMMENDATIONS = Scorecard.Recommendation


def requirements_of(vacancy_id: int) -> list[Requirement]:
    return list(Requirement.objects.filter(vacancy_id=vacancy_id).order_by("order", "pk"))


def _scores_by_card(rows: QuerySet[ScorecardScore]) -> dict[int, dict[int, int]]:
    """{scorecard id: {requirement id: score}} of the given scores, in one query."""
    by_card: dict[int, dict[int, int]] = defaultdict(dict)
    values = (
        rows.filter(score__isnull=False)
        .order_by()
        .values_list("scorecard_id", "requirement_id", "score")
    )
    for card_id, requirement_id, score in values:
        by_card[card_id][requirement_id] = score
    return by_card


@dataclass
class Card:
    """One member's scorecard of one candidate (or its absence), as a page shows it."""

    member: CommitteeMember
    status: str
    scorecard: Scorecard | None = None
    # Per requirement of the vacancy, in its order: the score or None.
    scores: list[int | None] = field(default_factory=list)
    conflict: ConflictOfInterest | None = None

    @property
    def counts(self) -> bool:
        return self.status == SUBMITTED

    @property
    def average(self) -> float | None:
        return score_average(self.scores)

    @property
    def submitted_despite_conflict(self) -> bool:
        """Submitted before the member declared a conflict: on record, not counted."""
        return self.status == CONFLICT and self.scorecard is not None


@dataclass
class Summary:
    """The figures of the counted scorecards of one candidate."""

    requirement_averages: list[float | None]
    average: float | None
    recommendations: list[tuple[str, str, int]]  # (value, label, count), in the choices' order
    counted: int


def summarise(requirements: list[Requirement], cards: list[Card]) -> Summary:
    counted = [card for card in cards if card.counts]
    averages = [
        score_average(card.scores[index] for card in counted) for index in range(len(requirements))
    ]
    every_score = [score for card in counted for score in card.scores]
    tally = Counter(card.scorecard.recommendation for card in counted)
    return Summary(
        requirement_averages=averages,
        average=score_average(every_score),
        recommendations=[(value, label, tally[value]) for value, label in RECOMMENDATIONS.choices],
        counted=len(counted),
    )


def _aligned(requirements: list[Requirement], given: dict[int, int]) -> list[int | None]:
    return [given.get(requirement.pk) for requirement in requirements]


# --- a member's scorecard page ------------------------------------------------------------


@dataclass
class ScorecardPage:
    requirements: list[Requirement]
    own: Scorecard | None
    # {requirement id: score} of the member's own scorecard (draft or submitted).
    own_scores: dict[int, int]
    # The submitted scorecards the member may see (their own first, once submitted; members
    # with a conflict left out), and their figures; empty and None when the member may not
    # see the others' scores yet.
    counted: list[Card]
    summary: Summary | None

    @property
    def own_rows(self) -> list[tuple[int, Requirement, int | None]]:
        return [
            (number, requirement, self.own_scores.get(requirement.pk))
            for number, requirement in enumerate(self.requirements, start=1)
        ]

    @property
    def own_average(self) -> float | None:
        return score_average(self.own_scores.get(r.pk) for r in self.requirements)

    @property
    def others(self) -> list[Card]:
        return [card for card in self.counted if card.scorecard is not self.own]


def scorecard_page(
    *, member: CommitteeMember, application: Application, with_others: bool
) -> ScorecardPage:
    """The member's own scorecard of `application` and, when `with_others` (the caller asked
    `access.can_see_scores`), every submitted one with the figures. Four queries at most."""
    requirements = requirements_of(application.vacancy_id)
    own = Scorecard.objects.filter(member_id=member.pk, application_id=application.pk).first()
    cards = [own] if own is not None else []
    if with_others:
        cards += list(
            Scorecard.objects.filter(application_id=application.pk, submitted_at__isnull=False)
            .exclude(member_id=member.pk)
            .exclude(
                Exists(
                    ConflictOfInterest.objects.filter(
                        member_id=OuterRef("member_id"), application_id=application.pk
                    )
                )
            )
            .select_related("member__user")
            .order_by("member__user__last_name", "member__user__first_name", "pk")
        )
    by_card = (
        _scores_by_card(ScorecardScore.objects.filter(scorecard_id__in=[c.pk for c in cards]))
        if cards
        else {}
    )
    own_scores = by_card.get(own.pk, {}) if own is not None else {}
    counted: list[Card] = []
    summary = None
    if with_others:
        counted = [
            Card(
                member=member if card is own else card.member,
                status=SUBMITTED,
                scorecard=card,
                scores=_aligned(requirements, by_card.get(card.pk, {})),
            )
            for card in cards
            if card.is_submitted
        ]
        summary = summarise(requirements, counted)
    return ScorecardPage(
        requirements=requirements,
        own=own,
        own_scores=own_scores,
        counted=counted,
        summary=summary,
    )


# --- the matrix ----------------------------------------------------------------------------


@dataclass
class CandidateScores:
    """One released candidate: every member's card, and the figures."""

    application: Application
    cards: list[Card]
    summary: Summary
    # The viewer (a chair) declared a conflict with this candidate: its scores stay hidden.
    hidden: bool = False

    @property
    def expected(self) -> int:
        """The members who are to score this candidate: those without a conflict."""
        return sum(1 for card in self.cards if card.status != CONFLICT)

    @property
    def waiting(self) -> list[Card]:
        return [card for card in self.cards if card.status in (DRAFT, NOT_STARTED)]

    @property
    def conflicts(self) -> list[Card]:
        return [card for card in self.cards if card.status == CONFLICT]


@dataclass
class Matrix:
    vacancy: Vacancy
    requirements: list[Requirement]
    members: list[CommitteeMember]
    candidates: list[CandidateScores]
    # Every declaration about an application the viewer may see, in the order declared.
    conflicts: list[ConflictOfInterest]

    @property
    def waiting(self) -> int:
        return sum(len(candidate.waiting) for candidate in self.candidates)


def _released() -> Exists:
    return Exists(
        ApplicationRelease.objects.filter(application=OuterRef("pk"), withdrawn_at__isnull=True)
    )


def score_matrix(
    *,
    vacancy: Vacancy,
    visible: QuerySet[Application],
    viewer: CommitteeMember | None = None,
) -> Matrix:
    """The committee's scores of `vacancy`: per released candidate, every member's scorecard
    (submitted, draft, not started, or a conflict) and the figures of the submitted ones.

    `visible` is what the viewer may see (`access.applications_visible_to`): it limits the
    candidates (further to the released ones) and the conflicts listed. A `viewer` who is a
    member of the committee (the chair) does not see the scores of a candidate they declared
    a conflict with. Six queries."""
    requirements = requirements_of(vacancy.pk)
    members = sorted(
        CommitteeMember.objects.filter(vacancy_id=vacancy.pk).select_related("user"),
        key=lambda m: (
            m.role != CommitteeMember.Role.CHAIR,
            m.user.last_name.lower(),
            m.user.first_name.lower(),
            m.pk,
        ),
    )
    applications = list(
        visible.filter(vacancy_id=vacancy.pk)
        .filter(_released())
        .select_related("candidate")
        .order_by("candidate__last_name", "candidate__first_name", "pk")
    )
    cards = list(
        Scorecard.objects.filter(application__in=visible.filter(vacancy_id=vacancy.pk)).order_by()
    )
    # The scores of submitted scorecards only: a draft is its member's own.
    by_card = _scores_by_card(
        ScorecardScore.objects.filter(
            scorecard__application__in=visible.filter(vacancy_id=vacancy.pk),
            scorecard__submitted_at__isnull=False,
        )
    )
    conflicts = list(
        ConflictOfInterest.objects.filter(application__in=visible.filter(vacancy_id=vacancy.pk))
        .select_related("member__user", "application__candidate")
        .order_by("declared_at", "pk")
    )
    card_of = {(card.member_id, card.application_id): card for card in cards}
    conflict_of = {(c.member_id, c.application_id): c for c in conflicts}
    hidden = {c.application_id for c in conflicts if c.member_id == viewer.pk} if viewer else set()

    candidates = []
    for application in applications:
        row = []
        for member in members:
            key = (member.pk, application.pk)
            card = card_of.get(key)
            conflict = conflict_of.get(key)
            if conflict is not None:
                status = CONFLICT
            elif card is None:
                status = NOT_STARTED
            elif card.is_submitted:
                status = SUBMITTED
            else:
                status = DRAFT
            submitted = card if card is not None and card.is_submitted else None
            row.append(
                Card(
                    member=member,
                    status=status,
                    scorecard=submitted,
                    scores=_aligned(
                        requirements, by_card.get(submitted.pk, {}) if submitted else {}
                    ),
                    conflict=conflict,
                )
            )
        candidates.append(
            CandidateScores(
                application=application,
                cards=row,
                summary=summarise(requirements, row),
                hidden=application.pk in hidden,
            )
        )
    return Matrix(
        vacancy=vacancy,
        requirements=requirements,
        members=members,
        candidates=candidates,
        conflicts=conflicts,
    )
