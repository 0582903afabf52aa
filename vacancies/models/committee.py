from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from .vacancy import Vacancy


class CommitteeMember(models.Model):
    """A member of the selection committee of one vacancy."""

    class Role(models.TextChoices):
        CHAIR = "chair", _("Chair")
        MEMBER = "member", _("Member")
        ADVISER = "adviser", _("Adviser")
        WORKS_COUNCIL = "works_council", _("Works council representative")
        HR = "hr", _("HR")

    vacancy = models.ForeignKey(Vacancy, on_delete=models.CASCADE, related_name="committee")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="committee_seats",
        verbose_name=_("user"),
    )
    role = models.CharField(_("role"), max_length=20, choices=Role.choices, default=Role.MEMBER)
    organisation = models.CharField(_("organisation / function"), max_length=200, blank=True)
    added_at = models.DateTimeField(_("added"), auto_now_add=True)

    class Meta:
        ordering = ["vacancy", "role", "user__last_name"]
        verbose_name = _("committee member")
        verbose_name_plural = _("committee members")
        constraints = [
            models.UniqueConstraint(
                fields=["vacancy", "user"], name="vacancies_committeemember_unique_user"
            ),
            models.UniqueConstraint(
                fields=["vacancy"],
                condition=models.Q(role="chair"),
                name="vacancies_committeemember_one_chair",
                violation_error_message=_("This committee already has a chair."),
            ),
        ]

    def __str__(self):
        return f"{self.user} ({self.get_role_display()})"
