from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from .client import Client, ClientLocation

MONEY = {"max_digits": 10, "decimal_places": 2}


class WntCeiling(models.Model):
    """The WNT maximum for public-sector top incomes, per calendar year."""

    year = models.PositiveSmallIntegerField(_("year"), unique=True)
    amount = models.DecimalField(_("ceiling"), **MONEY)

    class Meta:
        ordering = ["-year"]
        verbose_name = _("WNT ceiling")
        verbose_name_plural = _("WNT ceilings")

    def __str__(self):
        return f"{self.year}: {self.amount}"

    @classmethod
    def for_year(cls, year: int) -> "WntCeiling | None":
        """The ceiling of `year`, or of the latest known year before it."""
        return cls.objects.filter(year__lte=year).order_by("-year").first()


class Vacancy(models.Model):
    """One position for one client: the assignment, its profile, terms and procedure."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        PUBLISHED = "published", _("Published")
        CLOSED = "closed", _("Closed")
        APPOINTED = "appointed", pgettext_lazy("vacancy status", "Appointed")
        CANCELLED = "cancelled", _("Cancelled")

    class EmploymentType(models.TextChoices):
        PERMANENT = "permanent", _("Permanent (vaste dienst)")
        INTERIM = "interim", _("Interim")

    class ContractForm(models.TextChoices):
        EMPLOYMENT = "employment", _("Employment contract")
        ASSIGNMENT = "assignment", _("Contract for services (overeenkomst van opdracht / ZZP)")
        SECONDMENT = "secondment", _("Secondment (detachering)")

    # Which status may follow which. Anything not listed is refused.
    TRANSITIONS = {
        Status.DRAFT: {Status.PUBLISHED, Status.CANCELLED},
        Status.PUBLISHED: {Status.CLOSED, Status.DRAFT, Status.CANCELLED},
        Status.CLOSED: {Status.APPOINTED, Status.PUBLISHED, Status.CANCELLED},
        Status.APPOINTED: set(),
        Status.CANCELLED: set(),
    }

    client = models.ForeignKey(
        Client, on_delete=models.PROTECT, related_name="vacancies", verbose_name=_("client")
    )
    title = models.CharField(_("position"), max_length=200)
    reference = models.SlugField(
        _("reference"), max_length=80, unique=True, help_text=_("Used in the public address.")
    )
    lead_consultant = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="led_vacancies",
        verbose_name=_("lead consultant"),
        limit_choices_to={"role": "recruiter"},
    )
    search_firm = models.CharField(
        _("search firm"),
        max_length=120,
        blank=True,
        help_text=_("Leave empty when the employer runs the procedure itself."),
    )
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.DRAFT
    )
    profile_version = models.CharField(
        _("profile version"), max_length=60, blank=True, help_text=_("For example: April 2026")
    )

    # Profile (functieprofiel), in its numbered sections.
    intro = models.TextField(_("introduction"), blank=True)
    organisation_text = models.TextField(_("the organisation"), blank=True)
    reason_text = models.TextField(_("reason for the vacancy"), blank=True)
    position_text = models.TextField(_("the position and its environment"), blank=True)
    candidate_text = models.TextField(_("the candidate"), blank=True)
    terms_text = models.TextField(_("terms of employment"), blank=True)
    procedure_text = models.TextField(_("the procedure"), blank=True)

    # Terms.
    employment_type = models.CharField(
        _("employment type"),
        max_length=20,
        choices=EmploymentType.choices,
        default=EmploymentType.PERMANENT,
    )
    contract_form = models.CharField(
        _("contract form"),
        max_length=20,
        choices=ContractForm.choices,
        default=ContractForm.EMPLOYMENT,
    )
    interim_start = models.DateField(_("interim start"), null=True, blank=True)
    interim_end = models.DateField(_("interim end"), null=True, blank=True)
    hours_per_week = models.DecimalField(
        _("hours per week"), max_digits=4, decimal_places=1, null=True, blank=True
    )
    salary_scale = models.CharField(_("salary scale"), max_length=60, blank=True)
    salary_min_month = models.DecimalField(
        _("monthly salary minimum"), null=True, blank=True, **MONEY
    )
    salary_max_month = models.DecimalField(
        _("monthly salary maximum"), null=True, blank=True, **MONEY
    )
    ikb_percentage = models.DecimalField(
        _("IKB percentage"),
        max_digits=5,
        decimal_places=2,
        null=True,
        blank=True,
        # xgettext:no-python-format
        help_text=_("Individual choice budget (individueel keuzebudget), % of the yearly salary."),
    )
    locations = models.ManyToManyField(
        ClientLocation, blank=True, related_name="vacancies", verbose_name=_("locations")
    )

    # Procedure facts.
    published_on = models.DateField(_("publication date"), null=True, blank=True)
    closing_date = models.DateField(
        _("closing date"),
        null=True,
        blank=True,
        help_text=_("Applications are accepted up to and including this day."),
    )
    how_to_apply = models.TextField(_("how to apply"), blank=True)
    application_email = models.EmailField(_("application email"), blank=True)
    has_assessment = models.BooleanField(_("assessment part of the procedure"), default=False)
    has_references = models.BooleanField(_("references part of the procedure"), default=False)
    has_pre_employment_check = models.BooleanField(
        _("pre-employment check part of the procedure"), default=False
    )
    # The works council's advice on the appointment (Wet op de ondernemingsraden, article 30):
    # for director positions part of the procedure unless switched off. While it is on, the
    # appointment cannot be recorded before the advice (WorksCouncilAdvice).
    works_council_advice = models.BooleanField(
        _("works council advice part of the procedure (WOR art. 30)"), default=True
    )
    # When the procedure ended: appointed or cancelled (closing for applications is not the end).
    ended_at = models.DateTimeField(_("procedure ended"), null=True, blank=True, editable=False)

    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        ordering = ["-closing_date", "title"]
        verbose_name = _("vacancy")
        verbose_name_plural = _("vacancies")
        # The reminders sweep looks vacancies up by their closing date.
        indexes = [models.Index(fields=["closing_date"], name="vacancies_vacancy_closing_date")]
        constraints = [
            models.CheckConstraint(
                condition=Q(salary_min_month__isnull=True)
                | Q(salary_max_month__isnull=True)
                | Q(salary_min_month__lte=F("salary_max_month")),
                name="vacancies_vacancy_salary_min_lte_max",
                violation_error_message=_("The minimum salary cannot exceed the maximum."),
            ),
            models.CheckConstraint(
                condition=Q(salary_min_month__isnull=True) | Q(salary_min_month__gte=0),
                name="vacancies_vacancy_salary_min_not_negative",
            ),
            models.CheckConstraint(
                condition=Q(interim_start__isnull=True)
                | Q(interim_end__isnull=True)
                | Q(interim_end__gt=F("interim_start")),
                name="vacancies_vacancy_interim_end_after_start",
                violation_error_message=_("The interim period must end after it starts."),
            ),
            models.CheckConstraint(
                condition=Q(ikb_percentage__isnull=True)
                | Q(ikb_percentage__gte=0, ikb_percentage__lte=100),
                name="vacancies_vacancy_ikb_percentage_range",
                violation_error_message=_("The IKB percentage must lie between 0 and 100."),
            ),
            models.CheckConstraint(
                condition=Q(hours_per_week__isnull=True)
                | Q(hours_per_week__gt=0, hours_per_week__lte=60),
                name="vacancies_vacancy_hours_range",
                violation_error_message=_("Hours per week must lie between 0 and 60."),
            ),
            models.CheckConstraint(
                condition=Q(published_on__isnull=True)
                | Q(closing_date__isnull=True)
                | Q(closing_date__gte=F("published_on")),
                name="vacancies_vacancy_closing_after_publication",
                violation_error_message=_(
                    "The closing date cannot be before the publication date."
                ),
            ),
        ]

    def __str__(self):
        return f"{self.title}, {self.client}"

    def get_absolute_url(self):
        return reverse("vacancies:detail", args=[self.pk])

    def get_public_url(self):
        return reverse("candidates:vacancy", args=[self.reference])

    # Terms ---------------------------------------------------------------

    @property
    def is_interim(self) -> bool:
        return self.employment_type == self.EmploymentType.INTERIM

    @property
    def yearly_maximum(self) -> Decimal | None:
        """12 x the monthly maximum, plus the IKB on that yearly salary."""
        if self.salary_max_month is None:
            return None
        yearly = self.salary_max_month * 12
        if self.ikb_percentage:
            yearly += yearly * self.ikb_percentage / 100
        return yearly.quantize(Decimal("0.01"))

    def wnt_ceiling(self) -> "WntCeiling | None":
        year = (self.closing_date or timezone.localdate()).year
        return WntCeiling.for_year(year)

    def wnt_excess(self, ceiling: "WntCeiling | None" = None) -> Decimal | None:
        """By how much the yearly maximum exceeds the WNT ceiling (looked up when not given),
        or None when it does not."""
        ceiling = ceiling or self.wnt_ceiling()
        yearly = self.yearly_maximum
        if ceiling is None or yearly is None or yearly <= ceiling.amount:
            return None
        return yearly - ceiling.amount

    # Status ----------------------------------------------------------------

    def missing_for_publication(self) -> list[str]:
        """The fields a candidate needs that are still empty, as translated labels."""
        missing = []
        if not self.closing_date:
            missing.append(str(_("closing date")))
        if not self.how_to_apply and not self.application_email:
            missing.append(str(_("how to apply")))
        if self.is_interim:
            if not (self.interim_start and self.interim_end):
                missing.append(str(_("interim period")))
        elif not (self.salary_max_month or self.salary_scale):
            missing.append(str(_("salary")))
        if not self.hours_per_week:
            missing.append(str(_("hours per week")))
        return missing

    def can_move_to(self, status: str) -> bool:
        return status in self.TRANSITIONS[self.Status(self.status)]

    def check_transition(self, status: str) -> None:
        """Raise ValidationError, with a translated message, when `status` may not follow."""
        if not self.can_move_to(status):
            raise ValidationError(
                _("A vacancy that is %(current)s cannot become %(new)s.")
                % {
                    "current": self.get_status_display().lower(),
                    "new": self.Status(status).label.lower(),
                },
                code="invalid_transition",
            )
        if status == self.Status.PUBLISHED:
            missing = self.missing_for_publication()
            if missing:
                raise ValidationError(
                    _("This vacancy cannot be published yet. Missing: %(fields)s.")
                    % {"fields": ", ".join(missing)},
                    code="incomplete",
                )
            if self.closing_date < timezone.localdate():
                raise ValidationError(
                    _("The closing date has passed. Set a later closing date before publishing."),
                    code="closing_date_passed",
                )

    def phases_after_closing(self) -> list:
        """The planning phases still to come once applications close: what a candidate who has
        just applied waits for. Every dated phase when there is no closing date."""
        return [
            phase
            for phase in self.phases.all()
            if phase.last_day and (self.closing_date is None or phase.last_day > self.closing_date)
        ]

    def accepts_applications(self, today=None) -> bool:
        """Open for applications: published, and the closing date (inclusive) not passed."""
        today = today or timezone.localdate()
        return (
            self.status == self.Status.PUBLISHED
            and self.closing_date is not None
            and today <= self.closing_date
        )


class Responsibility(models.Model):
    vacancy = models.ForeignKey(Vacancy, on_delete=models.CASCADE, related_name="responsibilities")
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    text = models.TextField(_("responsibility"))

    class Meta:
        ordering = ["vacancy", "order", "pk"]
        verbose_name = _("responsibility")
        verbose_name_plural = _("responsibilities")

    def __str__(self):
        return self.text[:80]


class Requirement(models.Model):
    """A requirement of the candidate profile; also a criterion the committee scores against."""

    vacancy = models.ForeignKey(Vacancy, on_delete=models.CASCADE, related_name="requirements")
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    text = models.TextField(_("requirement"))

    class Meta:
        ordering = ["vacancy", "order", "pk"]
        verbose_name = _("requirement")
        verbose_name_plural = _("requirements")

    def __str__(self):
        return self.text[:80]


class ContactPerson(models.Model):
    """Whom candidates contact, and about what."""

    class Topic(models.TextChoices):
        CONTENT = "content", _("About the position")
        PROCEDURE = "procedure", _("About the procedure")
        BOTH = "both", _("About the position and the procedure")

    vacancy = models.ForeignKey(Vacancy, on_delete=models.CASCADE, related_name="contacts")
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    name = models.CharField(_("name"), max_length=120)
    job_title = models.CharField(_("job title"), max_length=160, blank=True)
    organisation = models.CharField(_("organisation"), max_length=160, blank=True)
    topic = models.CharField(
        _("contact for"), max_length=20, choices=Topic.choices, default=Topic.BOTH
    )
    email = models.EmailField(_("email"), blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)

    class Meta:
        ordering = ["vacancy", "order", "pk"]
        verbose_name = _("contact person")
        verbose_name_plural = _("contact persons")
        constraints = [
            models.CheckConstraint(
                condition=~Q(email="") | ~Q(phone=""),
                name="vacancies_contactperson_reachable",
                violation_error_message=_("Give an email address or a phone number."),
            )
        ]

    def __str__(self):
        return self.name


class ProfileVersion(models.Model):
    """The profile (functieprofiel) as it was published: recorded when a vacancy is published
    and again when its profile changes after publication. `content` holds everything the public
    page and the PDF print (texts, responsibilities, requirements, terms, procedure, contacts,
    planning), so an old version stays readable whatever changes later. `label` is its month,
    as the profile says it: "April 2026"."""

    vacancy = models.ForeignKey(
        Vacancy,
        on_delete=models.CASCADE,
        related_name="profile_versions",
        verbose_name=_("vacancy"),
    )
    number = models.PositiveIntegerField(_("version number"))
    label = models.CharField(_("version"), max_length=60)
    content = models.JSONField(_("content"), default=dict)
    fingerprint = models.CharField(max_length=64, editable=False)
    published_at = models.DateTimeField(_("published"), default=timezone.now)
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["vacancy", "-number"]
        verbose_name = _("profile version")
        verbose_name_plural = _("profile versions")
        constraints = [
            models.UniqueConstraint(
                fields=["vacancy", "number"], name="vacancies_profileversion_unique_number"
            )
        ]

    def __str__(self):
        return f"{self.vacancy} – {self.label} ({self.number})"
