"""Reads of the decision: the record of a vacancy's decision and the candidates still to be
informed after the appointment. Each takes a fixed number of queries, however many candidates."""

from django.db.models import Avg, Count, Exists, IntegerField, OuterRef, Q, QuerySet, Subquery
from django.db.models.functions import Coalesce

from candidates.models import (
    Application,
    ConflictOfInterest,
    Interview,
    Nomination,
    Reference,
    Scorecard,
    ScorecardScore,
    StageChange,
)
from candidates.selectors.emails import INTERVIEWED_STAGES
from candidates.services.email_templates import applications_for_email
from vacancies.models import Vacancy, WorksCouncilAdvice

Stage = Application.Stage

# The candidates of the decision: from the shortlist on.
DECISION_STAGES = (Stage.SHORTLIST, Stage.COMMITTEE, Stage.PREFERRED, Stage.APPOINTED)
# Whom the committee may nominate.
NOMINABLE_STAGES = (Stage.SHORTLIST, Stage.COMMITTEE, Stage.PREFERRED)
# Who is no longer waiting for news after the appointment.
INFORMED_STAGES = (Stage.APPOINTED, Stage.REJECTED, Stage.WITHDRAWN)


def nominable_applications(vacancy: Vacancy) -> QuerySet[Application]:
    return (
        Application.objects.filter(vacancy_id=vacancy.pk, stage__in=NOMINABLE_STAGES)
        .select_related("candidate")
        .order_by("candidate__last_name", "candidate__first_name", "pk")
    )


def _no_conflict(member: str, application: str) -> Exists:
    """The scorecard's member declared no conflict with its candidate (such a card does not
    count, as in the matrix)."""
    return ~Exists(
        ConflictOfInterest.objects.filter(
            member=OuterRef(member), application=OuterRef(application)
        )
    )


def decision_candidates(vacancy: Vacancy) -> list[Application]:
    """The candidates from the shortlist on, and any other with a submitted scorecard, each
    with `scorecards_submitted` (counted ones) and `score_average` (the mean of their scores),
    whether references were recorded (`reference_count`); the furthest stage first."""
    cards = (
        Scorecard.objects.filter(application=OuterRef("pk"), submitted_at__isnull=False)
        .filter(_no_conflict("member", "application"))
        .order_by()
        .values("application")
        .annotate(n=Count("pk"))
        .values("n")
    )
    scores = (
        ScorecardScore.objects.filter(
            scorecard__application=OuterRef("pk"),
            scorecard__submitted_at__isnull=False,
            score__isnull=False,
        )
        .filter(_no_conflict("scorecard__member", "scorecard__application"))
        .order_by()
        .values("scorecard__application")
        .annotate(average=Avg("score"))
        .values("average")
    )
    references = (
        Reference.objects.filter(application=OuterRef("pk"))
        .order_by()
        .values("application")
        .annotate(n=Count("pk"))
        .values("n")
    )
    applications = (
        Application.objects.filter(vacancy_id=vacancy.pk)
        .select_related("candidate")
        .annotate(
            scorecards_submitted=Coalesce(Subquery(cards, output_field=IntegerField()), 0),
            score_average=Subquery(scores),
            reference_count=Coalesce(Subquery(references, output_field=IntegerField()), 0),
        )
        .filter(Q(stage__in=DECISION_STAGES) | Q(scorecards_submitted__gt=0))
    )
    order = {stage: index for index, stage in enumerate(Application.FORWARD)}
    return sorted(
        applications,
        key=lambda a: (
            -order.get(a.stage, -1),
            a.candidate.last_name.lower(),
            a.candidate.first_name.lower(),
            a.pk,
        ),
    )


def decision_conflicts(vacancy: Vacancy) -> QuerySet[ConflictOfInterest]:
    return (
        ConflictOfInterest.objects.filter(application__vacancy_id=vacancy.pk)
        .select_related("member__user", "application__candidate")
        .order_by("application__candidate__last_name", "declared_at", "pk")
    )


def decision_nomination(vacancy: Vacancy) -> Nomination | None:
    return (
        Nomination.objects.filter(vacancy_id=vacancy.pk)
        .select_related("application__candidate", "recorded_by")
        .first()
    )


def works_council_advice(vacancy: Vacancy) -> WorksCouncilAdvice | None:
    return WorksCouncilAdvice.objects.filter(vacancy_id=vacancy.pk).first()


def appointed_application(vacancy: Vacancy) -> Application | None:
    return (
        Application.objects.filter(vacancy_id=vacancy.pk, stage=Stage.APPOINTED)
        .select_related("candidate")
        .first()
    )


def remaining_to_inform(vacancy: Vacancy, ids: list[int] | None = None) -> list[Application]:
    """The candidates of `vacancy` not appointed and not yet rejected or withdrawn (among `ids`
    when given), with what their emails need and whether they had an interview (`interviewed`:
    with the consultant, from the preselection on, or with the committee)."""
    applications = (
        applications_for_email()
        .filter(vacancy_id=vacancy.pk)
        .exclude(stage__in=INFORMED_STAGES)
        .annotate(
            interviewed=Exists(
                StageChange.objects.filter(
                    application=OuterRef("pk"), to_stage__in=INTERVIEWED_STAGES
                )
            )
            | Exists(
                Interview.objects.filter(
                    application=OuterRef("pk"), status=Interview.Status.PLANNED
                )
            )
        )
        .order_by("candidate__last_name", "candidate__first_name", "pk")
    )
    if ids is not None:
        applications = applications.filter(pk__in=ids)
    applications = list(applications)
    for application in applications:
        application.interviewed = application.interviewed or application.stage in (
            INTERVIEWED_STAGES
        )
    return applications
