"""The user's own preferences, each with its one writer (the account page calls them)."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from accounts.models import User


def user_set_reminder_delivery(*, user, delivery: str) -> bool:
    """Each reminder when it is due, or one daily digest at 08:00 (Europe/Amsterdam). Reminders
    already waiting for a digest go out with the next sweep once the user switches to
    immediate. Returns whether the choice changed."""
    if delivery not in User.ReminderDelivery.values:
        raise ValidationError(_("Choose how you receive reminders."), code="invalid")
    changed = (
        User.objects.filter(pk=user.pk)
        .exclude(reminder_delivery=delivery)
        .update(reminder_delivery=delivery)
    )
    user.reminder_delivery = delivery
    return bool(changed)
