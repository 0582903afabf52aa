"""A committee member's scorecard of a released application, and their declaration of a conflict
of interest with it.

A scorecard is saved as a draft any number of times and submitted once: submitting needs a score
(1 to 5) for every requirement of the vacancy and a recommendation, and after it the scorecard
never changes. Refused input changes nothing (the form keeps what was typed).

Each member has their own scorecard row per application (a unique constraint), and every write
of a member first locks that member's committee seat: two saves of one member (a double click,
two tabs) run one after the other, while two members submitting at the same moment do not wait
for each other and both count.

A declared conflict is part of the decision's record and cannot be withdrawn by the member.
Declaring it deletes the member's draft scorecard of that application (it was never part of the
committee's figures); a scorecard submitted before the declaration is kept, as the record of what
was submitted, but no longer counts in the matrix, which marks it (candidates.selectors.scores).
"""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from candidates.access import ENDED, application_is_released
from candidates.models import Application, ConflictOfInterest, Scorecard, ScorecardScore
from vacancies.models import CommitteeMember, Requirement

SCORES = range(1, 6)
EXPLANATION_MAX_LENGTH = 2_000
COMMENTS_MAX_LENGTH = 10_000


class IncompleteScorecard(ValidationError):
    """Submitting a scorecard without a score for every requirement or without a
    recommendation. `missing` holds the ids of the requirements without a score."""

    def __init__(self, *, missing: list[int], recommendation_missing: bool):
        self.missing = missing
        self.recommendation_missing = recommendation_missing
        messages = []
        if missing:
            messages.append(_("Give every requirement a score from 1 to 5 before you submit."))
        if recommendation_missing:
            messages.append(_("Choose a recommendation before you submit."))
        super().__init__(messages, code="incomplete")


def _check_procedure(member: CommitteeMember, application: Application) -> None:
    """The application is one of the member's vacancy, released, in a running procedure."""
    if application.vacancy_id != member.vacancy_id:
        raise ValidationError(
            _("This candidate is not part of your committee's procedure."), code="other_vacancy"
        )
    if application.vacancy.status in ENDED:
        raise ValidationError(_("This procedure has ended."), code="ended")
    if not application_is_released(application):
        raise ValidationError(
            _("This candidate is not released to the committee."), code="not_released"
        )


def _lock_member(member: CommitteeMember) -> CommitteeMember:
    # Serialises the writes of one member; other members are not held up.
    try:
        return CommitteeMember.objects.select_for_update().get(pk=member.pk)
    except CommitteeMember.DoesNotExist:
        raise ValidationError(
            _("You are no longer a member of this committee."), code="no_member"
        ) from None


def scorecard_save(
    *,
    member: CommitteeMember,
    application: Application,
    scores: dict[int, int | None],
    recommendation: str,
    comments: str,
    submit: bool,
) -> Scorecard:
    """Save `member`'s scorecard of `application` as a draft, or submit it (`submit`).

    `scores` maps requirement ids of the vacancy to a score from 1 to 5 or None (not scored);
    a requirement left out is not scored, an id of another vacancy is ignored. Refused with a
    ValidationError: a submitted scorecard (it never changes), a declared conflict, an
    application of another vacancy or not released, a procedure that has ended, a score out of
    range, an unknown recommendation; IncompleteScorecard when submitting without every score
    or without a recommendation. A refusal saves nothing.
    """
    recommendation = recommendation or ""
    comments = (comments or "").strip()
    if recommendation and recommendation not in Scorecard.Recommendation.values:
        raise ValidationError(_("Choose one of the recommendations."), code="recommendation")
    if len(comments) > COMMENTS_MAX_LENGTH:
        raise ValidationError(
            _("The comments are too long (at most %(max)s characters)."),
            code="comments",
            params={"max": COMMENTS_MAX_LENGTH},
        )
    with transaction.atomic():
        member = _lock_member(member)
        _check_procedure(member, application)
        if ConflictOfInterest.objects.filter(member=member, application=application).exists():
            raise ValidationError(
                _("You declared a conflict of interest with this candidate: you do not score."),
                code="conflict",
            )
        if Scorecard.objects.filter(
            member=member, application=application, submitted_at__isnull=False
        ).exists():
            raise ValidationError(
                _("You have submitted this scorecard: it can no longer be changed."),
                code="submitted",
            )
        requirements = list(
            Requirement.objects.filter(vacancy_id=application.vacancy_id)
            .order_by("order", "pk")
            .values_list("pk", flat=True)
        )
        given = {}
        for requirement_id in requirements:
            value = scores.get(requirement_id)
            if value is not None and value not in SCORES:
                raise ValidationError(_("A score is a number from 1 to 5."), code="score")
            given[requirement_id] = value
        if submit:
            missing = [pk for pk, value in given.items() if value is None]
            if missing or not recommendation:
                raise IncompleteScorecard(
                    missing=missing, recommendation_missing=not recommendation
                )

        scorecard, _created = Scorecard.objects.get_or_create(
            member=member, application=application
        )
        scorecard.recommendation = recommendation
        scorecard.comments = comments
        if submit:
            scorecard.submitted_at = timezone.now()
        scorecard.save()
        if given:
            ScorecardScore.objects.bulk_create(
                [
                    ScorecardScore(scorecard=scorecard, requirement_id=pk, score=value)
                    for pk, value in given.items()
                ],
                update_conflicts=True,
                unique_fields=["scorecard", "requirement"],
                update_fields=["score"],
            )
        return scorecard


def conflict_declare(
    *, member: CommitteeMember, application: Application, explanation: str
) -> ConflictOfInterest:
    """Record `member`'s conflict of interest with `application`, with a short explanation.

    Their draft scorecard of it is deleted; a scorecard they already submitted is kept (it is
    part of the record) but no longer counts. Declaring again returns the existing declaration
    unchanged: a declaration is not withdrawn or rewritten by the member.
    """
    explanation = (explanation or "").strip()
    if not explanation:
        raise ValidationError(
            _("Explain briefly what the conflict of interest is."), code="explanation"
        )
    if len(explanation) > EXPLANATION_MAX_LENGTH:
        raise ValidationError(
            _("The explanation is too long (at most %(max)s characters)."),
            code="explanation",
            params={"max": EXPLANATION_MAX_LENGTH},
        )
    with transaction.atomic():
        member = _lock_member(member)
        _check_procedure(member, application)
        existing = ConflictOfInterest.objects.filter(member=member, application=application).first()
        if existing is not None:
            return existing
        Scorecard.objects.filter(
            member=member, application=application, submitted_at__isnull=True
        ).delete()
        return ConflictOfInterest.objects.create(
            member=member,
            application=application,
            explanation=explanation,
            declared_at=timezone.now(),
        )
