"""Reads for the email templates, the rejection page and the email page of an application."""

from django.db.models import Exists, OuterRef, QuerySet

from candidates.models import Application, EmailTemplate, StageChange
from vacancies.models import Vacancy

# From these stages on, an application had an interview with the consultant.
INTERVIEWED_STAGES = tuple(Application.FORWARD[Application.FORWARD.index("preselection") :])

# How many recent applications the preview offers to choose from.
PREVIEW_CHOICES = 50


def email_templates_all() -> dict[tuple[str, str], EmailTemplate]:
    """Every template, by (kind, language)."""
    return {(t.kind, t.language): t for t in EmailTemplate.objects.select_related("updated_by")}


def _for_email() -> QuerySet[Application]:
    # What the email context of an application reads: candidate, vacancy with client, lead
    # consultant and planning.
    return Application.objects.select_related(
        "candidate", "vacancy__client", "vacancy__lead_consultant"
    ).prefetch_related("vacancy__phases")


def applications_to_reject(*, vacancy: Vacancy, ids: list[int]) -> list[Application]:
    """The applications of `vacancy` among `ids`, with what their emails need, and whether they
    ever reached an interview (`interviewed`)."""
    if not ids:
        return []
    return list(
        _for_email()
        .filter(vacancy=vacancy, pk__in=ids)
        .annotate(
            interviewed=Exists(
                StageChange.objects.filter(
                    application=OuterRef("pk"), to_stage__in=INTERVIEWED_STAGES
                )
            )
        )
        .order_by("candidate__last_name", "candidate__first_name", "pk")
    )


def application_for_email_page(*, pk: int) -> Application | None:
    return _for_email().filter(pk=pk).first()


def preview_applications(
    *, selected_id: int | None = None
) -> tuple[list[Application], Application | None]:
    """The most recent applications to preview a template with, and the selected one (by default
    the most recent). An id that does not exist selects nothing."""
    recent = list(
        Application.objects.select_related("candidate", "vacancy").order_by("-created_at", "-pk")[
            :PREVIEW_CHOICES
        ]
    )
    chosen_id = selected_id
    if chosen_id is None and recent:
        chosen_id = recent[0].pk
    if chosen_id is None:
        return recent, None
    selected = _for_email().filter(pk=chosen_id).first()
    if selected is not None and all(a.pk != selected.pk for a in recent):
        recent.insert(0, selected)
    return recent, selected
