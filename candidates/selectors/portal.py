"""Reads of the committee portal: my committees, a vacancy's shortlist, a released candidate.

What a user may see comes from `candidates.access`; these functions only shape it for a page.
Each page takes a fixed number of queries, however many members, candidates, documents, notes
and scorecards there are: what a page shows is joined, prefetched or annotated here.
"""

from dataclasses import dataclass, field
from datetime import date

from django.db.models import Count, Exists, OuterRef, Prefetch, Q, QuerySet, Subquery
from django.shortcuts import get_object_or_404
from django.utils import timezone

from candidates import access
from candidates.models import (
    Application,
    Assessment,
    ConflictOfInterest,
    Document,
    Interview,
    Note,
    Reference,
    Scorecard,
)
from candidates.selectors.assessment import (
    ASSESSMENT_PREFETCH,
    AssessmentView,
    application_assessment,
    assessment_view,
)
from candidates.services.notifications import phase_dates
from vacancies.models import CommitteeMember, PlanningPhase, Vacancy

PHASES = PlanningPhase.objects.order_by("order", "starts_on", "pk")


# --- the planning ---


@dataclass
class PlanningRow:
    phase: PlanningPhase
    dates: str
    is_next: bool
    is_past: bool


def planning_rows(phases, *, today: date | None = None) -> list[PlanningRow]:
    """The phases in order with their dates written out; the next date is that of the first
    phase whose last day is today or later (phases without a date are skipped for that)."""
    today = today or timezone.localdate()
    rows = []
    found = False
    for phase in phases:
        last = phase.last_day
        is_next = not found and last is not None and last >= today
        found = found or is_next
        rows.append(
            PlanningRow(
                phase=phase,
                dates=phase_dates(phase),
                is_next=is_next,
                is_past=last is not None and last < today,
            )
        )
    return rows


def _next(rows: list[PlanningRow]) -> PlanningRow | None:
    return next((row for row in rows if row.is_next), None)


# --- my committees ---


@dataclass
class CommitteeCard:
    """One committee the user sits on, with the planning, their progress and their interviews."""

    seat: CommitteeMember
    planning: list[PlanningRow]
    released: int = 0
    submitted: int = 0
    drafts: int = 0
    conflicts: int = 0
    interviews: list[Interview] = field(default_factory=list)

    @property
    def vacancy(self) -> Vacancy:
        return self.seat.vacancy

    @property
    def next_phase(self) -> PlanningRow | None:
        return _next(self.planning)

    @property
    def is_chair(self) -> bool:
        return self.seat.role == CommitteeMember.Role.CHAIR

    @property
    def to_score(self) -> int:
        return max(self.released - self.submitted - self.conflicts, 0)


def upcoming_interviews(user) -> QuerySet[Interview]:
    """The user's planned interviews that have not ended yet, soonest first."""
    return (
        access.interviews_visible_to(user)
        .filter(status=Interview.Status.PLANNED, ends_at__gte=timezone.now())
        .select_related("application__candidate")
        .defer("application__candidate__search_text", "application__submitted_details")
        .order_by("starts_at", "pk")
    )


def committee_cards(user) -> list[CommitteeCard]:
    """Per running procedure the user sits on: the vacancy and its client, their role, the
    planning, how many candidates are released and how many of those they have scored, and
    their upcoming interviews. Six queries, whatever the number of committees."""
    seats = list(
        access.seats_of(user)
        .select_related("vacancy__client")
        .prefetch_related(Prefetch("vacancy__phases", queryset=PHASES))
        .order_by("vacancy__title", "vacancy__pk")
    )
    if not seats:
        return []
    visible = access.all_applications_visible_to(user)
    released = dict(
        visible.order_by()
        .values("vacancy_id")
        .annotate(count=Count("pk"))
        .values_list("vacancy_id", "count")
    )
    scorecards = {
        row["member_id"]: row
        for row in Scorecard.objects.filter(member__in=seats, application__in=visible)
        .order_by()
        .values("member_id")
        .annotate(
            submitted=Count("pk", filter=Q(submitted_at__isnull=False)),
            drafts=Count("pk", filter=Q(submitted_at__isnull=True)),
        )
    }
    conflicts = dict(
        ConflictOfInterest.objects.filter(member__in=seats, application__in=visible)
        .order_by()
        .values("member_id")
        .annotate(count=Count("pk"))
        .values_list("member_id", "count")
    )
    interviews: dict[int, list[Interview]] = {}
    for interview in upcoming_interviews(user):
        interviews.setdefault(interview.application.vacancy_id, []).append(interview)
    cards = []
    for seat in seats:
        scored = scorecards.get(seat.pk, {})
        cards.append(
            CommitteeCard(
                seat=seat,
                planning=planning_rows(seat.vacancy.phases.all()),
                released=released.get(seat.vacancy_id, 0),
                submitted=scored.get("submitted", 0),
                drafts=scored.get("drafts", 0),
                conflicts=conflicts.get(seat.pk, 0),
                interviews=interviews.get(seat.vacancy_id, []),
            )
        )
    return cards


# --- a vacancy's shortlist ---


class Progress:
    """A member's own progress with one candidate."""

    NOT_STARTED = "not_started"
    DRAFT = "draft"
    SUBMITTED = "submitted"
    CONFLICT = "conflict"


@dataclass
class ShortlistRow:
    application: Application
    assessment: Assessment | None
    # The member's own progress (None for the recruiter's preview) and whether they may score.
    progress: str | None
    submitted_at: object = None
    can_score: bool = False

    @property
    def candidate(self):
        return self.application.candidate


@dataclass
class CommitteeVacancyPage:
    vacancy: Vacancy
    seat: CommitteeMember | None
    planning: list[PlanningRow]
    rows: list[ShortlistRow]
    can_view_matrix: bool

    @property
    def next_phase(self) -> PlanningRow | None:
        return _next(self.planning)

    @property
    def is_preview(self) -> bool:
        return self.seat is None


def vacancy_for_portal(*, pk: int) -> Vacancy:
    """The vacancy with its client and planning, or 404 (the caller then asks access)."""
    return get_object_or_404(
        Vacancy.objects.select_related("client").prefetch_related(
            Prefetch("phases", queryset=PHASES)
        ),
        pk=pk,
    )


def _progress(application: Application) -> str:
    if application.my_conflict:
        return Progress.CONFLICT
    if application.my_submitted_at is not None:
        return Progress.SUBMITTED
    if application.my_scorecard:
        return Progress.DRAFT
    return Progress.NOT_STARTED


def committee_vacancy_page(*, user, vacancy: Vacancy) -> CommitteeVacancyPage:
    """The planning and the released candidates of `vacancy`, each with the consultant's
    recommendation and the member's own progress (scorecard, conflict) annotated in one query.
    The caller checked `access.can_view_vacancy`."""
    seat = access.seat(user, vacancy)
    applications = (
        access.committee_applications(user, vacancy)
        .select_related("candidate", "assessment")
        .defer("candidate__search_text", "submitted_details")
        .order_by("candidate__last_name", "candidate__first_name", "pk")
    )
    if seat is not None:
        mine = Scorecard.objects.filter(member_id=seat.pk, application=OuterRef("pk")).order_by()
        applications = applications.annotate(
            my_conflict=Exists(
                ConflictOfInterest.objects.filter(member_id=seat.pk, application=OuterRef("pk"))
            ),
            my_scorecard=Exists(mine),
            my_submitted_at=Subquery(mine.values("submitted_at")[:1]),
        )
    rows = []
    for application in applications:
        progress = None if seat is None else _progress(application)
        rows.append(
            ShortlistRow(
                application=application,
                assessment=application_assessment(application),
                progress=progress,
                submitted_at=getattr(application, "my_submitted_at", None),
                # As access.can_score: a seat, a released application (it is in the list of
                # the running procedure) and no declared conflict.
                can_score=seat is not None and progress != Progress.CONFLICT,
            )
        )
    return CommitteeVacancyPage(
        vacancy=vacancy,
        seat=seat,
        planning=planning_rows(vacancy.phases.all()),
        rows=rows,
        can_view_matrix=access.can_view_matrix(user, vacancy),
    )


# --- a released candidate ---


@dataclass
class CommitteeApplicationPage:
    application: Application
    seat: CommitteeMember | None
    assessment: AssessmentView
    documents: list[Document]
    notes: list[Note]
    # None: the user may not see them (only the chair and the recruiter do).
    references: list[Reference] | None
    conflicts: list[ConflictOfInterest] | None
    my_scorecard: Scorecard | None
    my_conflict: ConflictOfInterest | None
    can_score: bool
    # For the recruiter's preview: whether members see this candidate at all.
    is_released: bool

    @property
    def candidate(self):
        return self.application.candidate

    @property
    def vacancy(self) -> Vacancy:
        return self.application.vacancy

    @property
    def is_preview(self) -> bool:
        return self.seat is None

    @property
    def progress(self) -> str | None:
        if self.seat is None:
            return None
        if self.my_conflict is not None:
            return Progress.CONFLICT
        if self.my_scorecard is None:
            return Progress.NOT_STARTED
        return Progress.SUBMITTED if self.my_scorecard.is_submitted else Progress.DRAFT


def application_for_portal(*, pk: int) -> Application:
    """The application with its candidate, vacancy, requirements and assessment, or 404 (the
    caller then asks access)."""
    return get_object_or_404(
        Application.objects.select_related("candidate", "vacancy__client", "assessment")
        .defer("candidate__search_text")
        .prefetch_related(*ASSESSMENT_PREFETCH),
        pk=pk,
    )


def committee_application_page(*, user, application: Application) -> CommitteeApplicationPage:
    """What the committee reads of one candidate: the consultant's assessment per requirement,
    the documents, the shareable notes; for the chair and the recruiter also the references
    and the declared conflicts; the member's own scorecard and conflict. The caller checked
    `access.can_view_application`."""
    seat = access.seat(user, application.vacancy)
    documents = list(
        access.documents_visible_to(user, application).defer("text").order_by("kind", "pk")
    )
    # Only what is shared with the committee, for the recruiter's preview too.
    notes = list(
        access.notes_visible_to(user, application)
        .filter(visibility=Note.Visibility.SHAREABLE)
        .select_related("author")
    )
    references = None
    if access.can_view_references(user, application):
        references = list(Reference.objects.filter(application_id=application.pk))
    conflicts = None
    if access.can_view_matrix(user, application.vacancy):
        conflicts = list(
            ConflictOfInterest.objects.filter(application_id=application.pk).select_related(
                "member__user"
            )
        )
    my_scorecard = my_conflict = None
    if seat is not None:
        my_scorecard = (
            Scorecard.objects.filter(member_id=seat.pk, application_id=application.pk)
            .order_by("pk")
            .first()
        )
        my_conflict = (
            ConflictOfInterest.objects.filter(member_id=seat.pk, application_id=application.pk)
            .order_by("pk")
            .first()
        )
    return CommitteeApplicationPage(
        application=application,
        seat=seat,
        assessment=assessment_view(application),
        documents=documents,
        notes=notes,
        references=references,
        conflicts=conflicts,
        my_scorecard=my_scorecard,
        my_conflict=my_conflict,
        can_score=seat is not None and access.can_score(user, application),
        is_released=seat is not None or access.application_is_released(application),
    )
