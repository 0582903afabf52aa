from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils.translation import gettext_lazy as _


class User(AbstractUser):
    """A person who logs in: a consultant of the search firm or a committee member."""

    class Role(models.TextChoices):
        RECRUITER = "recruiter", _("Recruiter")
        COMMITTEE = "committee", _("Committee member")

    role = models.CharField(_("role"), max_length=20, choices=Role.choices, default=Role.COMMITTEE)
    language = models.CharField(
        _("language"), max_length=8, default="nl", choices=[("nl", "Nederlands"), ("en", "English")]
    )
    phone = models.CharField(_("phone"), max_length=40, blank=True)

    class ReminderDelivery(models.TextChoices):
        IMMEDIATE = "immediate", _("Each reminder when it is due")
        DIGEST = "digest", _("One daily digest at 08:00")

    reminder_delivery = models.CharField(
        _("reminders"),
        max_length=20,
        choices=ReminderDelivery.choices,
        default=ReminderDelivery.IMMEDIATE,
    )

    class Meta(AbstractUser.Meta):
        verbose_name = _("user")
        verbose_name_plural = _("users")

    @property
    def is_recruiter(self) -> bool:
        return self.is_active and self.role == self.Role.RECRUITER

    def __str__(self):
        return self.get_full_name() or self.username
