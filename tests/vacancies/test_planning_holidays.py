"""A planning that knows the calendar (issue 9): the generator keeps phases off Dutch public
holidays and counts the Christmas break (24 December - 1 January) as no time at all; the editor
warns, without refusing, when a phase starts or ends on a holiday or runs into the break."""

from datetime import date, timedelta

import pytest
from django.urls import reverse
from django.utils import translation

from tests.vacancies.factories import PlanningPhaseFactory, VacancyFactory
from vacancies.models import PlanningPhase
from vacancies.services.planning import (
    calendar_check,
    default_phases,
    in_christmas_break,
    is_working_day,
    next_working_day,
    public_holiday,
)

Kind = PlanningPhase.Kind
NL = {"HTTP_ACCEPT_LANGUAGE": "nl"}
EN = {"HTTP_ACCEPT_LANGUAGE": "en"}
HTMX = {"HTTP_HX_REQUEST": "true"}
DATED = [  # the phases after the closing date, which the generator dates itself
    Kind.PRESELECTION,
    Kind.COMMITTEE_DISCUSSION,
    Kind.COMMITTEE_INTERVIEWS,
    Kind.NOMINATION,
    Kind.REFERENCES,
    Kind.TERMS_TALK,
    Kind.APPOINTMENT,
]


def phases(closing: date) -> dict[str, PlanningPhase]:
    generated = default_phases(published_on=closing - timedelta(days=28), closing_date=closing)
    return {phase.kind: phase for phase in generated}


def dates(phase: PlanningPhase) -> tuple:
    return phase.starts_on, phase.ends_on


def counted_days(first: date, last: date) -> int:
    """Weekdays outside the Christmas break from `first` to `last`."""
    days = (first + timedelta(days=n) for n in range((last - first).days + 1))
    return sum(1 for day in days if day.weekday() < 5 and not in_christmas_break(day))


# The calendar -------------------------------------------------------------------------------


def test_the_calendar_knows_the_dutch_holidays_and_the_christmas_break():
    with translation.override("nl"):
        assert public_holiday(date(2026, 4, 27)) == "Koningsdag"
        assert public_holiday(date(2026, 5, 14)) == "Hemelvaartsdag"
        assert public_holiday(date(2026, 5, 25)) == "Tweede pinksterdag"
        assert public_holiday(date(2026, 5, 26)) == ""
    with translation.override("en"):
        assert public_holiday(date(2026, 4, 27)) == "King's Day"
    assert next_working_day(date(2026, 5, 14)) == date(2026, 5, 15)  # Ascension Day: Friday
    assert next_working_day(date(2026, 12, 23)) == date(2026, 12, 23)
    assert next_working_day(date(2026, 12, 24)) == date(2027, 1, 4)  # after the break
    assert in_christmas_break(date(2026, 12, 24)) and in_christmas_break(date(2027, 1, 1))
    assert not in_christmas_break(date(2026, 12, 23)) and not in_christmas_break(date(2027, 1, 2))
    assert not is_working_day(date(2026, 12, 28))  # a Monday in the break


# The generator ------------------------------------------------------------------------------


def test_the_seed_dates_stay_as_they_were():
    """Whit Monday (25 May 2026) lies inside the seed's preselection, as in the seed itself:
    a single holiday only moves a first or last day that falls on it."""
    generated = phases(date(2026, 5, 15))
    assert dates(generated[Kind.PRESELECTION]) == (date(2026, 5, 18), date(2026, 5, 29))
    assert dates(generated[Kind.COMMITTEE_DISCUSSION]) == (date(2026, 6, 8), date(2026, 6, 10))
    assert dates(generated[Kind.COMMITTEE_INTERVIEWS]) == (date(2026, 6, 15), date(2026, 6, 26))
    assert dates(generated[Kind.APPOINTMENT]) == (None, date(2026, 6, 30))


def test_the_preselection_does_not_start_on_kings_day():
    generated = phases(date(2026, 4, 24))  # the first Monday after it is 27 April, Koningsdag

    assert dates(generated[Kind.PRESELECTION]) == (date(2026, 4, 28), date(2026, 5, 8))
    assert generated[Kind.COMMITTEE_DISCUSSION].starts_on == date(2026, 5, 18)


def test_a_phase_does_not_start_on_whit_monday():
    generated = phases(date(2026, 5, 22))  # the Monday after: 25 May, Tweede pinksterdag

    assert generated[Kind.PRESELECTION].starts_on == date(2026, 5, 26)


def test_a_closing_date_before_christmas_keeps_the_preselection_out_of_the_break():
    generated = phases(date(2026, 12, 18))

    preselection = generated[Kind.PRESELECTION]
    # It starts before the break and gets its ten working days: three before, seven after.
    assert dates(preselection) == (date(2026, 12, 21), date(2027, 1, 12))
    assert counted_days(*dates(preselection)) == 10
    for kind in DATED:
        for day in dates(generated[kind]):
            assert day is None or not in_christmas_break(day), (kind, day)
    # Everything after it moves by as much, in the same order and with the same lengths.
    assert dates(generated[Kind.COMMITTEE_DISCUSSION]) == (date(2027, 1, 20), date(2027, 1, 22))
    assert dates(generated[Kind.COMMITTEE_INTERVIEWS]) == (date(2027, 1, 27), date(2027, 2, 9))
    assert dates(generated[Kind.NOMINATION]) == (date(2027, 2, 10), date(2027, 2, 11))
    assert generated[Kind.APPOINTMENT].ends_on == date(2027, 2, 11)
    # The vacancy's own dates are not the generator's to move.
    assert generated[Kind.PUBLICATION].ends_on == date(2026, 12, 18)


def test_a_closing_date_in_the_week_before_christmas_starts_after_the_break():
    generated = phases(date(2026, 12, 23))  # the first Monday after it is 28 December

    assert dates(generated[Kind.PRESELECTION]) == (date(2027, 1, 4), date(2027, 1, 15))


def test_no_generated_day_is_a_weekend_a_holiday_or_in_the_break_and_the_order_holds():
    """Every closing date of three years: the dated phases start and end on working days, in
    order, each as long (in working days outside the break) as the seed's."""
    seed = phases(date(2026, 5, 15))
    lengths = {kind: counted_days(*dates(seed[kind])) for kind in DATED if seed[kind].starts_on}
    for closing in (date(2026, 1, 1) + timedelta(days=n) for n in range(3 * 365)):
        generated = phases(closing)
        previous_start = closing
        for kind in DATED:
            phase = generated[kind]
            for day in dates(phase):
                assert day is None or is_working_day(day), (closing, kind, day)
            if phase.starts_on:
                assert phase.starts_on > closing and phase.ends_on >= phase.starts_on
                assert phase.starts_on >= previous_start, (closing, kind)
                previous_start = phase.starts_on
                # A holiday on the first or last day costs that day at most.
                assert counted_days(*dates(phase)) >= lengths[kind] - 1, (closing, kind)


# The editor's warnings ----------------------------------------------------------------------


def test_the_check_names_the_holiday_and_the_break():
    with translation.override("nl"):
        on_kings_day = calendar_check(starts_on=date(2026, 4, 27), ends_on=date(2026, 5, 8))
        on_ascension = calendar_check(starts_on=date(2026, 5, 11), ends_on=date(2026, 5, 14))
        one_day = calendar_check(starts_on=None, ends_on=date(2026, 5, 14))
        through = calendar_check(starts_on=date(2026, 12, 21), ends_on=date(2027, 1, 12))
        inside = calendar_check(starts_on=date(2026, 5, 18), ends_on=date(2026, 5, 29))
        quiet = calendar_check(starts_on=date(2026, 6, 8), ends_on=date(2026, 6, 10))

    assert on_kings_day.warnings == ("Begint op Koningsdag (maandag 27 april 2026).",)
    assert on_ascension.warnings == ("Eindigt op Hemelvaartsdag (donderdag 14 mei 2026).",)
    assert one_day.warnings == ("Valt op Hemelvaartsdag (donderdag 14 mei 2026).",)
    assert through.warnings == ("Loopt door de kerstvakantie (24 december – 1 januari 2027).",)
    assert inside.warnings == ()
    assert inside.note == "Feestdag in deze fase: Tweede pinksterdag (25 mei)."
    assert not quiet


def url(name, vacancy, phase=None):
    args = [vacancy.pk] if phase is None else [vacancy.pk, phase.pk]
    return reverse(f"vacancies:{name}", args=args)


@pytest.mark.django_db
def test_the_editor_warns_but_saves_a_phase_on_a_holiday(recruiter_client):
    vacancy = VacancyFactory()
    phase = PlanningPhaseFactory(vacancy=vacancy)
    data = {
        "starts_on": "2026-04-27",
        "ends_on": "2026-05-14",
        "date_note": "",
        "activity": phase.activity,
        "kind": phase.kind,
        "responsible": phase.responsible,
    }

    saved = recruiter_client.post(url("phase_edit", vacancy, phase), data, **NL)
    page = recruiter_client.get(url("planning", vacancy), **NL).content.decode()

    assert saved.status_code == 302  # a warning, not a refusal
    phase.refresh_from_db()
    assert (phase.starts_on, phase.ends_on) == (date(2026, 4, 27), date(2026, 5, 14))
    assert "Begint op Koningsdag (maandag 27 april 2026)." in page
    assert "Eindigt op Hemelvaartsdag (donderdag 14 mei 2026)." in page
    assert '<span class="visually-hidden">Waarschuwing: </span>' in page  # not colour alone


@pytest.mark.django_db
def test_the_row_after_an_htmx_edit_warns_in_the_users_language(recruiter_client):
    vacancy = VacancyFactory()
    phase = PlanningPhaseFactory(vacancy=vacancy)
    data = {
        "starts_on": "2026-12-21",
        "ends_on": "2027-01-08",
        "date_note": "",
        "activity": phase.activity,
        "kind": phase.kind,
        "responsible": phase.responsible,
    }

    row = recruiter_client.post(url("phase_edit", vacancy, phase), data, **HTMX, **EN)

    html = row.content.decode()
    assert html.lstrip().startswith(f'<tr id="phase-{phase.pk}"')
    assert "Runs into the Christmas break (24 December – 1 January 2027)." in html


@pytest.mark.django_db
def test_the_generated_planning_of_a_december_closing_shows_the_break(recruiter_client):
    vacancy = VacancyFactory(published_on=date(2026, 11, 20), closing_date=date(2026, 12, 18))

    recruiter_client.post(url("planning_generate", vacancy), **NL)
    page = recruiter_client.get(url("planning", vacancy), **NL).content.decode()

    preselection = vacancy.phases.get(kind=Kind.PRESELECTION)
    assert (preselection.starts_on, preselection.ends_on) == (date(2026, 12, 21), date(2027, 1, 12))
    assert "Loopt door de kerstvakantie (24 december – 1 januari 2027)." in page
