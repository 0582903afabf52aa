"""The planning editor's warnings about holidays and the Christmas break, for a phase's row."""

from django import template

from vacancies.services.planning import CalendarCheck, calendar_check

register = template.Library()


@register.simple_tag
def phase_calendar(phase) -> CalendarCheck:
    """{% phase_calendar phase as calendar %}: calendar.warnings, calendar.note."""
    return calendar_check(starts_on=phase.starts_on, ends_on=phase.ends_on)
