"""The consultant's assessment of an application: a score (1 to 5) and a text per requirement of
the vacancy, a summary and a recommendation. `assessment_save` is its only writer."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from candidates.models import Application, Assessment, AssessmentScore
from vacancies.models import Requirement

SCORE_MIN = 1
SCORE_MAX = 5
SCORES = range(SCORE_MIN, SCORE_MAX + 1)
# `expected_updated_at` default: save whatever version is stored.
UNCHECKED = object()


class StaleAssessment(ValidationError):
    """Someone else saved the assessment after the user opened it; nothing was changed.
    `assessment` is the assessment as it is now."""

    def __init__(self, *, assessment: Assessment):
        self.assessment = assessment
        if assessment.updated_by:
            message = _(
                "Not saved: %(name)s changed this assessment in the meantime. Your text is kept "
                "in the form; save again to replace their version."
            ) % {"name": assessment.updated_by}
        else:
            message = _(
                "Not saved: this assessment was changed in the meantime. Your text is kept in "
                "the form; save again to replace that version."
            )
        super().__init__(message, code="stale")


def _check_score(score, requirement: Requirement) -> None:
    valid = score is None or (
        isinstance(score, int) and not isinstance(score, bool) and score in SCORES
    )
    if not valid:
        raise ValidationError(
            _("The score for “%(requirement)s” must be a number from 1 to 5.")
            % {"requirement": requirement},
            code="score_range",
        )


def assessment_save(
    *,
    application: Application,
    by,
    scores: dict[int, tuple[int | None, str]],
    summary: str,
    recommendation: str,
    career: str | None = None,
    expected_updated_at=UNCHECKED,
) -> Assessment:
    """Save the consultant's assessment of `application`, all or nothing.

    `scores` maps a requirement id of the application's vacancy to (score, text); a score is
    1 to 5 or None (not scored). Requirements left out keep what they had. A requirement of
    another vacancy, a score outside 1 to 5 or an unknown recommendation is refused with a
    ValidationError and nothing is written. `expected_updated_at` is the version the user saw
    (its `updated_at`, None when there was no assessment yet); when someone saved since,
    StaleAssessment is raised and nothing changes. Left out, any version is overwritten.
    `career` (the candidate's career in short) is kept as it is when left out (None).
    """
    if recommendation not in ("", *Assessment.Recommendation.values):
        raise ValidationError(_("Choose one of the recommendations."), code="recommendation")
    with transaction.atomic():
        # The application's row lock makes two saves of one assessment wait for each other.
        locked = Application.objects.select_for_update(of=("self",)).get(pk=application.pk)
        requirements = {r.pk: r for r in Requirement.objects.filter(vacancy_id=locked.vacancy_id)}
        cleaned = {}
        for requirement_id, value in scores.items():
            requirement = requirements.get(requirement_id)
            if requirement is None:
                raise ValidationError(
                    _(
                        "A requirement that does not belong to this vacancy cannot be scored; "
                        "it may have been removed from the profile. Reload the page."
                    ),
                    code="foreign_requirement",
                )
            score, text = value
            _check_score(score, requirement)
            cleaned[requirement_id] = (score, (text or "").strip())

        assessment = (
            Assessment.objects.select_related("updated_by").filter(application=locked).first()
        )
        if (
            expected_updated_at is not UNCHECKED
            and assessment is not None
            and assessment.updated_at != expected_updated_at
        ):
            raise StaleAssessment(assessment=assessment)
        defaults = {"summary": summary.strip(), "recommendation": recommendation, "updated_by": by}
        if career is not None:
            defaults["career"] = career.strip()
        assessment, _created = Assessment.objects.update_or_create(
            application=locked, defaults=defaults
        )
        existing = {s.requirement_id: s for s in assessment.scores.all()}
        changed, new, empty = [], [], []
        for requirement_id, (score, text) in cleaned.items():
            row = existing.get(requirement_id)
            if score is None and not text:
                if row is not None:
                    empty.append(row.pk)
            elif row is None:
                new.append(
                    AssessmentScore(
                        assessment=assessment,
                        requirement_id=requirement_id,
                        score=score,
                        text=text,
                    )
                )
            elif (row.score, row.text) != (score, text):
                row.score, row.text = score, text
                changed.append(row)
        if empty:
            AssessmentScore.objects.filter(pk__in=empty).delete()
        if new:
            AssessmentScore.objects.bulk_create(new)
        if changed:
            AssessmentScore.objects.bulk_update(changed, ["score", "text"])
    return assessment
