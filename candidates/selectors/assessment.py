"""Reads of the consultant's assessment: the application with its vacancy's requirements and the
scores given, and the rows the form and the read-only view show."""

from dataclasses import dataclass

from django.db.models import Prefetch
from django.shortcuts import get_object_or_404

from candidates.models import Application, Assessment, AssessmentScore
from vacancies.models import Requirement

# What `assessment_rows` reads, for callers that prefetch it with their own applications.
ASSESSMENT_PREFETCH = (
    Prefetch("vacancy__requirements", queryset=Requirement.objects.order_by("order", "pk")),
    Prefetch("assessment__scores", queryset=AssessmentScore.objects.order_by()),
)


def score_average(scores) -> float | None:
    """The mean of the given scores that are set; None when none is."""
    values = [s for s in scores if s is not None]
    return sum(values) / len(values) if values else None


@dataclass
class AssessmentRow:
    """One requirement of the vacancy with the score and text given (None and "": not scored)."""

    requirement: Requirement
    score: int | None
    text: str


@dataclass
class AssessmentView:
    assessment: Assessment | None
    rows: list[AssessmentRow]

    @property
    def average(self) -> float | None:
        return score_average(row.score for row in self.rows)

    @property
    def scored(self) -> int:
        return sum(1 for row in self.rows if row.score is not None)

    @property
    def is_empty(self) -> bool:
        return self.assessment is None or (
            not self.assessment.summary
            and not self.assessment.career
            and not self.assessment.recommendation
            and not any(row.score is not None or row.text for row in self.rows)
        )


def application_assessment(application: Application) -> Assessment | None:
    try:
        return application.assessment
    except Assessment.DoesNotExist:
        return None


def assessment_view(application: Application) -> AssessmentView:
    """Every current requirement of the application's vacancy, in the profile's order, with the
    score given. A requirement added later shows as not scored; a removed one is gone (its
    score went with it). Reads what the caller prefetched (ASSESSMENT_PREFETCH), else queries."""
    assessment = application_assessment(application)
    given = {s.requirement_id: s for s in assessment.scores.all()} if assessment else {}
    requirements = sorted(application.vacancy.requirements.all(), key=lambda r: (r.order, r.pk))
    rows = []
    for requirement in requirements:
        score = given.get(requirement.pk)
        rows.append(
            AssessmentRow(
                requirement=requirement,
                score=score.score if score else None,
                text=score.text if score else "",
            )
        )
    return AssessmentView(assessment=assessment, rows=rows)


def application_for_assessment(*, pk: int) -> Application:
    """The application with its candidate, vacancy, requirements and assessment, or 404."""
    return get_object_or_404(
        Application.objects.select_related(
            "candidate", "vacancy__client", "assessment__updated_by"
        ).prefetch_related(*ASSESSMENT_PREFETCH),
        pk=pk,
    )
