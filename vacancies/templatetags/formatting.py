"""Dutch-aware formatting of dates, amounts and percentages, always through the active locale."""

from decimal import Decimal

from django import template
from django.utils import formats
from django.utils.translation import gettext as _

register = template.Library()


@register.filter
def money(value, decimals=2):
    """€ 8.850,88 in Dutch, €8,850.88 in English."""
    if value in (None, ""):
        return ""
    number = formats.number_format(
        Decimal(value), decimal_pos=int(decimals), use_l10n=True, force_grouping=True
    )
    # Translators: how an amount in euros is written; %(amount)s is the formatted number.
    return _("€ %(amount)s") % {"amount": number}


@register.filter
def percent(value):
    """21,82% in Dutch, 21.82% in English."""
    if value in (None, ""):
        return ""
    value = Decimal(value).normalize()
    decimals = max(0, -value.as_tuple().exponent)
    return formats.number_format(value, decimal_pos=decimals, use_l10n=True) + "%"


@register.filter
def longdate(value):
    """vrijdag 15 mei 2026."""
    if not value:
        return ""
    return formats.date_format(value, "l j F Y")


@register.filter
def shortdate(value):
    """15 mei 2026."""
    if not value:
        return ""
    return formats.date_format(value, "j F Y")


@register.simple_tag
def daterange(first, last):
    """15 – 26 juni 2026; 29 mei – 10 juni 2026; one date when both are the same."""
    if not first and not last:
        return ""
    if not first or not last or first == last:
        return shortdate(first or last)
    if first.year != last.year:
        return f"{shortdate(first)} – {shortdate(last)}"
    if first.month != last.month:
        return f"{formats.date_format(first, 'j F')} – {shortdate(last)}"
    return f"{first.day} – {shortdate(last)}"
