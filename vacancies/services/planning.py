"""The default planning of a procedure, after the 2026 IPO profile (Chasse Executive Search).

Seed: publication Fri 17 April - Fri 15 May 2026 with a targeted search in parallel; preselection
and interviews by the consultant Mon 18 - Fri 29 May; the committee discusses the candidate overview
Mon 8 - Wed 10 June; the committee's interview round Mon 15 - Fri 26 June; nomination of the
preferred candidate with, in parallel, the reference check and the terms talk, by 30 June; formal
appointment before 1 July; start as soon as possible.

Every date after the closing date counts from the first Monday after it, so that a closing date on
another weekday still gives phases that start on a Monday.
"""

from dataclasses import dataclass
from datetime import date, timedelta

from django.conf import settings
from django.db import transaction
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from ..models import PlanningPhase, Vacancy

Kind = PlanningPhase.Kind
Responsible = PlanningPhase.Responsible


@dataclass(frozen=True)
class PhaseTemplate:
    kind: str
    activity: object  # lazy translation
    responsible: str
    start: int | None  # days from the first Monday after closing; None: see `anchor`
    end: int | None
    anchor: str = "monday"  # "publication" for the phases that run while the vacancy is open
    parallel: bool = False
    date_note: object = ""


DEFAULT_PHASES = [
    PhaseTemplate(
        Kind.PUBLICATION,
        _("Vacancy open for applications"),
        Responsible.SEARCH_FIRM,
        None,
        None,
        anchor="publication",
    ),
    PhaseTemplate(
        Kind.SEARCH,
        _("Targeted search by the search firm"),
        Responsible.SEARCH_FIRM,
        None,
        None,
        anchor="publication",
        parallel=True,
    ),
    PhaseTemplate(
        Kind.PRESELECTION,
        _("Preselection and interviews with candidates by the search firm"),
        Responsible.SEARCH_FIRM,
        0,
        11,
    ),
    PhaseTemplate(
        Kind.COMMITTEE_DISCUSSION,
        _(
            "Discussion of the candidate overview with the selection committee; "
            "invitation of about 3 to 4 candidates for the interview round"
        ),
        Responsible.COMMITTEE,
        21,
        23,
    ),
    PhaseTemplate(
        Kind.COMMITTEE_INTERVIEWS,
        _("Interview round with the selection committee"),
        Responsible.COMMITTEE,
        28,
        39,
    ),
    PhaseTemplate(
        Kind.NOMINATION,
        _("Nomination of the preferred candidate"),
        Responsible.COMMITTEE,
        42,
        43,
    ),
    PhaseTemplate(
        Kind.REFERENCES,
        _("Reference check by the search firm"),
        Responsible.SEARCH_FIRM,
        42,
        43,
        parallel=True,
    ),
    PhaseTemplate(
        Kind.TERMS_TALK,
        _("Terms of employment talk by the client"),
        Responsible.CLIENT,
        42,
        43,
        parallel=True,
    ),
    PhaseTemplate(
        Kind.APPOINTMENT,
        _("Formal appointment"),
        Responsible.CLIENT,
        None,
        43,
    ),
    PhaseTemplate(
        Kind.START,
        _("Start of the new director"),
        Responsible.CLIENT,
        None,
        None,
        date_note=_("As soon as possible"),
    ),
]


def first_monday_after(day: date) -> date:
    return day + timedelta(days=7 - day.weekday())


def default_phases(*, published_on: date, closing_date: date) -> list[PlanningPhase]:
    """Unsaved phases of the default planning for these dates.

    The activities are stored in the site's language (the language of the profile candidates
    read), whatever language the recruiter who generates the planning uses.
    """
    monday = first_monday_after(closing_date)
    phases = []
    for order, template in enumerate(DEFAULT_PHASES, start=1):
        if template.anchor == "publication":
            starts_on, ends_on = published_on, closing_date
        else:
            starts_on = (
                monday + timedelta(days=template.start) if template.start is not None else None
            )
            ends_on = monday + timedelta(days=template.end) if template.end is not None else None
        with translation.override(settings.LANGUAGE_CODE):
            activity, date_note = str(template.activity), str(template.date_note)
        phases.append(
            PlanningPhase(
                order=order,
                kind=template.kind,
                activity=activity,
                starts_on=starts_on,
                ends_on=ends_on,
                responsible=template.responsible,
                is_parallel=template.parallel,
                date_note=date_note,
            )
        )
    return phases


@transaction.atomic
def planning_generate(*, vacancy: Vacancy, replace: bool = False) -> list[PlanningPhase]:
    """Give `vacancy` the default planning from its publication and closing dates.

    An existing planning is kept unless `replace` is set, so edited dates are never lost by
    accident.
    """
    from django.core.exceptions import ValidationError

    if not vacancy.closing_date:
        raise ValidationError(_("Set a closing date before generating the planning."))
    published_on = vacancy.published_on or vacancy.closing_date - timedelta(days=28)
    if published_on > vacancy.closing_date:
        raise ValidationError(_("The closing date cannot be before the publication date."))
    if vacancy.phases.exists():
        if not replace:
            raise ValidationError(
                _("This vacancy already has a planning. Confirm that you want to replace it.")
            )
        vacancy.phases.all().delete()
    phases = default_phases(published_on=published_on, closing_date=vacancy.closing_date)
    for phase in phases:
        phase.vacancy = vacancy
    return PlanningPhase.objects.bulk_create(phases)


PHASE_FIELDS = (
    "kind",
    "activity",
    "starts_on",
    "ends_on",
    "date_note",
    "responsible",
    "is_parallel",
)


@transaction.atomic
def phase_create(*, vacancy: Vacancy, **fields) -> PlanningPhase:
    """Add a phase at the end of the planning, or raise ValidationError and save nothing."""
    last = vacancy.phases.order_by("-order").values_list("order", flat=True).first()
    phase = PlanningPhase(vacancy=vacancy, order=(last or 0) + 1)
    for name in PHASE_FIELDS:
        if name in fields:
            setattr(phase, name, fields[name])
    phase.full_clean()
    phase.save()
    return phase


@transaction.atomic
def phase_update(*, phase: PlanningPhase, **fields) -> PlanningPhase:
    """Change the dates, text or responsible party of a phase; refuse a phase that ends before it
    starts (ValidationError) and leave the stored row unchanged."""
    for name in PHASE_FIELDS:
        if name in fields:
            setattr(phase, name, fields[name])
    phase.full_clean()
    phase.save()
    return phase


@transaction.atomic
def phase_delete(*, phase: PlanningPhase) -> None:
    phase.delete()


@transaction.atomic
def phase_move(*, phase: PlanningPhase, direction: str) -> list[PlanningPhase]:
    """Swap `phase` with its neighbour ("up" or "down") and number the planning 1, 2, 3, ..."""
    if direction not in ("up", "down"):
        raise ValueError(direction)
    phases = list(PlanningPhase.objects.select_for_update().filter(vacancy_id=phase.vacancy_id))
    index = next(i for i, p in enumerate(phases) if p.pk == phase.pk)
    other = index - 1 if direction == "up" else index + 1
    if 0 <= other < len(phases):
        phases[index], phases[other] = phases[other], phases[index]
    changed = []
    for order, item in enumerate(phases, start=1):
        if item.order != order:
            item.order = order
            changed.append(item)
    PlanningPhase.objects.bulk_update(changed, ["order"])
    return phases
