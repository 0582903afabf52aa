"""Template filters of interviews."""

from django import template
from django.utils import timezone

register = template.Library()


@register.filter
def is_upcoming(interview) -> bool:
    """The interview has not started yet."""
    return interview.starts_at > timezone.now()
