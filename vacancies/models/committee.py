import hashlib
from datetime import timedelta

from django.conf import settings
from django.db import models
from django.utils import timezone
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


class CommitteeInvitation(models.Model):
    """An invitation by email to join a vacancy's committee: a link, valid for 7 days and used
    once, with which a new member sets their password. Only the SHA-256 of the link's token is
    stored. An existing account is added without an invitation (and told by email)."""

    VALID_FOR = timedelta(days=7)

    member = models.ForeignKey(
        CommitteeMember,
        on_delete=models.CASCADE,
        related_name="invitations",
        verbose_name=_("committee member"),
    )
    email = models.EmailField(_("email"))
    token_hash = models.CharField(max_length=64, unique=True, editable=False)
    created_at = models.DateTimeField(_("sent"), default=timezone.now)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("invited by"),
    )
    expires_at = models.DateTimeField(_("valid until"))
    accepted_at = models.DateTimeField(_("accepted"), null=True, blank=True)
    # A newer invitation for the same member replaces this one.
    replaced_at = models.DateTimeField(_("replaced"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("committee invitation")
        verbose_name_plural = _("committee invitations")

    def __str__(self):
        return f"{self.email} ({self.member.vacancy_id})"

    @staticmethod
    def hash_token(token: str) -> str:
        return hashlib.sha256(token.encode()).hexdigest()

    @property
    def is_expired(self) -> bool:
        return timezone.now() >= self.expires_at

    @property
    def is_usable(self) -> bool:
        return self.accepted_at is None and self.replaced_at is None and not self.is_expired


class WorksCouncilAdvice(models.Model):
    """The works council's advice on the appointment (WOR article 30): when it was asked, when
    it came and what it said. One per vacancy; only while `Vacancy.works_council_advice` is on
    does it block the appointment."""

    vacancy = models.OneToOneField(
        Vacancy, on_delete=models.CASCADE, related_name="works_council", verbose_name=_("vacancy")
    )
    requested_on = models.DateField(_("advice requested on"), null=True, blank=True)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    received_on = models.DateField(_("advice received on"), null=True, blank=True)
    content = models.TextField(_("the advice"), blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("works council advice")
        verbose_name_plural = _("works council advice")

    def __str__(self):
        return f"{self.vacancy}"

    @property
    def is_received(self) -> bool:
        return self.received_on is not None
