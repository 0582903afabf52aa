"""Reads of the recruiter's dashboard: the vacancies they lead, with their applications counted
per stage. It lives in candidates because it counts applications; vacancies never reaches them."""

from collections import defaultdict

from django.db.models import Count

from candidates.models import Application
from vacancies.models import Vacancy
from vacancies.selectors import FINAL_STATUSES


def my_assignments(*, user) -> list[Vacancy]:
    """The vacancies `user` leads that are not final, by closing date, each with `stage_counts`:
    a list of (stage label, count) in stage order, leaving out empty stages, and
    `application_count`. Two queries, however many vacancies and applications there are."""
    vacancies = list(
        Vacancy.objects.filter(lead_consultant=user)
        .exclude(status__in=FINAL_STATUSES)
        .select_related("client")
        .order_by("closing_date", "title", "pk")
    )
    if not vacancies:
        return vacancies
    counts: dict[int, dict[str, int]] = defaultdict(dict)
    rows = (
        Application.objects.filter(vacancy__in=[vacancy.pk for vacancy in vacancies])
        .values("vacancy_id", "stage")
        .annotate(n=Count("pk"))
        .order_by()
    )
    for row in rows:
        counts[row["vacancy_id"]][row["stage"]] = row["n"]
    for vacancy in vacancies:
        per_stage = counts.get(vacancy.pk, {})
        vacancy.stage_counts = [
            (label, per_stage[stage])
            for stage, label in Application.Stage.choices
            if stage in per_stage
        ]
        vacancy.application_count = sum(per_stage.values())
    return vacancies
