"""The default planning of a procedure, after the 2026 IPO profile (Chasse Executive Search).

Seed: publication Fri 17 April - Fri 15 May 2026 with a targeted search in parallel; preselection
and interviews by the consultant Mon 18 - Fri 29 May; the committee discusses the candidate overview
Mon 8 - Wed 10 June; the committee's interview round Mon 15 - Fri 26 June; nomination of the
preferred candidate with, in parallel, the reference check and the terms talk, by 30 June; formal
appointment before 1 July; start as soon as possible.

Every date after the closing date counts from the first Monday after it, so that a closing date on
another weekday still gives phases that start on a Monday.

The calendar (issue 9): the phases are counted in working days (Monday to Friday), and the
Christmas break (24 December to 1 January inclusive, when clients and committee members are
away) stops the clock: a phase that runs into it gets its working days back after it, and every
later phase moves as much, so order and lengths stay as in the seed. A Dutch public holiday (the
`holidays` library's list for NL: New Year, Good Friday, Easter, King's Day, Liberation Day in
lustrum years, Ascension Day, Whitsun, Christmas) only moves a phase's first or last day that
falls on it to the next working day, as the seed itself does (Whit Monday 2026 lies inside its
preselection). The publication phase keeps the vacancy's own dates. The planning editor warns,
without refusing, when a phase starts or ends on a holiday or runs into the break
(`calendar_warnings`).
"""

from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache

import holidays
from django.conf import settings
from django.db import transaction
from django.utils import formats, translation
from django.utils.translation import gettext
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


# --- the calendar ----------------------------------------------------------------------------


def in_christmas_break(day: date) -> bool:
    """24 December to 1 January inclusive."""
    return (day.month == 12 and day.day >= 24) or (day.month == 1 and day.day == 1)


def christmas_break(day: date) -> tuple[date, date]:
    """The first and last day of the Christmas break `day` lies in (or the one of its year)."""
    year = day.year - 1 if day.month == 1 and day.day == 1 else day.year
    return date(year, 12, 24), date(year + 1, 1, 1)


@lru_cache(maxsize=64)
def _holidays(year: int, language: str) -> dict[date, str]:
    names = holidays.country_holidays("NL", years=year, language=language)
    return dict(names.items())


def public_holiday(day: date) -> str:
    """The name of the Dutch public holiday on `day`, in the active language (Dutch, else
    English); "" on any other day."""
    language = "nl" if (translation.get_language() or "nl").startswith("nl") else "en_US"
    return _holidays(day.year, language).get(day, "")


def is_working_day(day: date) -> bool:
    return day.weekday() < 5 and not in_christmas_break(day) and not public_holiday(day)


def next_working_day(day: date) -> date:
    """`day` itself when it is a working day, else the first working day after it."""
    while not is_working_day(day):
        day += timedelta(days=1)
    return day


def _counts(day: date) -> bool:
    """Whether `day` counts on the generator's clock: a weekday outside the Christmas break."""
    return day.weekday() < 5 and not in_christmas_break(day)


def _working_day(monday: date, offset: int) -> date:
    """The day of the template's `offset` (calendar days from `monday`, as in the seed): the
    same working day counted from `monday`, with the Christmas break left out."""
    weeks, rest = divmod(offset, 7)
    index = 5 * weeks + rest if rest < 5 else 5 * (weeks + 1)  # a weekend: the next Monday
    day = monday
    while not _counts(day):
        day += timedelta(days=1)
    while index:
        day += timedelta(days=1)
        if _counts(day):
            index -= 1
    return day


def phase_dates(monday: date, start: int | None, end: int | None) -> tuple[date | None, ...]:
    """The first and last day of a phase of the template (offsets from `monday`): counted in
    working days without the Christmas break, then off a public holiday."""
    starts_on = next_working_day(_working_day(monday, start)) if start is not None else None
    ends_on = next_working_day(_working_day(monday, end)) if end is not None else None
    if starts_on and ends_on and ends_on < starts_on:
        ends_on = starts_on
    return starts_on, ends_on


def _days(first: date, last: date):
    return (first + timedelta(days=n) for n in range((last - first).days + 1))


def _date_text(day: date) -> str:
    return formats.date_format(day, "l j F Y")


@dataclass(frozen=True)
class CalendarCheck:
    """What the planning editor says about a phase's dates, in the active language: `warnings`
    (a first or last day on a public holiday or in the Christmas break, a phase that runs into
    the break) and a quieter `note` naming the public holidays on working days inside it."""

    warnings: tuple[str, ...] = ()
    note: str = ""

    def __bool__(self) -> bool:
        return bool(self.warnings or self.note)


def calendar_check(*, starts_on: date | None, ends_on: date | None) -> CalendarCheck:
    """The warnings about a phase from `starts_on` to `ends_on` (either may be missing)."""
    first, last = starts_on or ends_on, ends_on or starts_on
    if first is None or last is None or last < first or (last - first).days > 400:
        return CalendarCheck()
    warnings = []
    if first == last:
        ends = [(first, gettext("Falls on %(holiday)s (%(date)s)."))]
    else:
        ends = [
            (first, gettext("Starts on %(holiday)s (%(date)s).")),
            (last, gettext("Ends on %(holiday)s (%(date)s).")),
        ]
    for day, text in ends:
        name = public_holiday(day)
        if name and not in_christmas_break(day):
            warnings.append(text % {"holiday": name, "date": _date_text(day)})
    in_break = [day for day in _days(first, last) if in_christmas_break(day)]
    if in_break:
        begin, finish = christmas_break(in_break[0])
        dates = {
            "first": formats.date_format(begin, "j F"),
            "last": formats.date_format(finish, "j F Y"),
        }
        if first == last:
            text = gettext("Falls in the Christmas break (%(first)s – %(last)s).")
        elif in_christmas_break(first):
            text = gettext("Starts in the Christmas break (%(first)s – %(last)s).")
        elif in_christmas_break(last):
            text = gettext("Ends in the Christmas break (%(first)s – %(last)s).")
        else:
            text = gettext("Runs into the Christmas break (%(first)s – %(last)s).")
        warnings.append(text % dates)
    inside = [
        day
        for day in _days(first + timedelta(days=1), last - timedelta(days=1))
        if day.weekday() < 5 and not in_christmas_break(day) and public_holiday(day)
    ]
    note = ""
    if inside:
        names = ", ".join(
            f"{public_holiday(day)} ({formats.date_format(day, 'j F')})" for day in inside
        )
        note = gettext("Public holiday during this phase: %(holidays)s.") % {"holidays": names}
    return CalendarCheck(warnings=tuple(warnings), note=note)


# --- the default planning --------------------------------------------------------------------


def default_phases(*, published_on: date, closing_date: date) -> list[PlanningPhase]:
    """Unsaved phases of the default planning for these dates, on working days (see the
    module's docstring for the calendar).

    The activities are stored in the site's language (the language of the profile candidates
    read), whatever language the recruiter who generates the planning uses.
    """
    monday = first_monday_after(closing_date)
    phases = []
    for order, template in enumerate(DEFAULT_PHASES, start=1):
        if template.anchor == "publication":
            starts_on, ends_on = published_on, closing_date
        else:
            starts_on, ends_on = phase_dates(monday, template.start, template.end)
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
