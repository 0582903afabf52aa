from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from .vacancy import Vacancy


class PlanningPhase(models.Model):
    """One dated step of the procedure's planning."""

    class Responsible(models.TextChoices):
        SEARCH_FIRM = "search_firm", _("Search firm")
        COMMITTEE = "committee", _("Selection committee")
        CLIENT = "client", _("Client")

    class Kind(models.TextChoices):
        PUBLICATION = "publication", _("Publication")
        SEARCH = "search", pgettext_lazy("planning phase", "Search")
        PRESELECTION = "preselection", _("Preselection")
        COMMITTEE_DISCUSSION = "committee_discussion", _("Committee discussion")
        COMMITTEE_INTERVIEWS = "committee_interviews", _("Committee interviews")
        NOMINATION = "nomination", _("Nomination")
        REFERENCES = "references", _("Reference check")
        TERMS_TALK = "terms_talk", _("Terms of employment talk")
        APPOINTMENT = "appointment", _("Appointment")
        START = "start", _("Start")
        OTHER = "other", _("Other")

    vacancy = models.ForeignKey(Vacancy, on_delete=models.CASCADE, related_name="phases")
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    kind = models.CharField(_("kind"), max_length=30, choices=Kind.choices, default=Kind.OTHER)
    activity = models.CharField(_("activity"), max_length=300)
    starts_on = models.DateField(_("from"), null=True, blank=True)
    ends_on = models.DateField(_("until"), null=True, blank=True)
    date_note = models.CharField(
        _("date note"),
        max_length=100,
        blank=True,
        help_text=_(
            "Shown instead of, or beside, the dates: “before 1 July”, “as soon as possible”."
        ),
    )
    responsible = models.CharField(
        _("responsible"),
        max_length=20,
        choices=Responsible.choices,
        default=Responsible.SEARCH_FIRM,
    )
    is_parallel = models.BooleanField(
        _("runs in parallel"),
        default=False,
        help_text=_("Runs at the same time as the phase before it."),
    )

    class Meta:
        ordering = ["vacancy", "order", "starts_on", "pk"]
        verbose_name = _("planning phase")
        verbose_name_plural = _("planning phases")
        constraints = [
            models.CheckConstraint(
                condition=Q(starts_on__isnull=True)
                | Q(ends_on__isnull=True)
                | Q(ends_on__gte=F("starts_on")),
                name="vacancies_planningphase_ends_after_start",
                violation_error_message=_("A phase cannot end before it starts."),
            )
        ]
        # The reminders sweep looks phases up by their first and last day.
        indexes = [
            models.Index(fields=["starts_on"], name="vacancies_phase_starts_on"),
            models.Index(fields=["ends_on"], name="vacancies_phase_ends_on"),
        ]

    def __str__(self):
        return self.activity

    @property
    def first_day(self):
        return self.starts_on or self.ends_on

    @property
    def last_day(self):
        return self.ends_on or self.starts_on
