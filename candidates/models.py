import secrets

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models.functions import Lower
from django.utils.translation import gettext_lazy as _

from vacancies.models import Vacancy


class Candidate(models.Model):
    """A person; one candidate may apply to many vacancies over time."""

    first_name = models.CharField(_("first name"), max_length=100)
    last_name = models.CharField(_("last name"), max_length=150)
    email = models.EmailField(_("email"))
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    current_position = models.CharField(_("current position"), max_length=200, blank=True)
    current_organisation = models.CharField(_("current organisation"), max_length=200, blank=True)
    linkedin_url = models.URLField(_("LinkedIn"), blank=True)
    language = models.CharField(
        _("language"), max_length=8, default="nl", choices=settings.LANGUAGES
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        ordering = ["last_name", "first_name"]
        verbose_name = _("candidate")
        verbose_name_plural = _("candidates")
        constraints = [
            models.UniqueConstraint(
                Lower("email"),
                name="candidates_candidate_unique_email_ci",
                violation_error_message=_("A candidate with this email address already exists."),
            )
        ]

    def __str__(self):
        return self.full_name

    @property
    def full_name(self):
        return f"{self.first_name} {self.last_name}".strip()


def new_access_token() -> str:
    return secrets.token_urlsafe(32)


class Application(models.Model):
    """The candidacy of one candidate for one vacancy."""

    class Stage(models.TextChoices):
        SOURCED = "sourced", _("Sourced")
        APPLIED = "applied", _("Applied")
        LONGLIST = "longlist", _("Longlist")
        PRESELECTION = "preselection", _("Preselection")
        SHORTLIST = "shortlist", _("Shortlist")
        COMMITTEE = "committee", _("Committee round")
        PREFERRED = "preferred", _("Preferred candidate")
        APPOINTED = "appointed", _("Appointed")
        REJECTED = "rejected", _("Rejected")
        WITHDRAWN = "withdrawn", _("Withdrawn")

    class Source(models.TextChoices):
        APPLIED = "applied", _("Applied")
        SOURCED = "sourced", _("Found by search")
        REFERRED = "referred", _("Referred")

    # The way forward; rejected and withdrawn can follow any stage that is not final.
    FORWARD = [
        Stage.SOURCED,
        Stage.APPLIED,
        Stage.LONGLIST,
        Stage.PRESELECTION,
        Stage.SHORTLIST,
        Stage.COMMITTEE,
        Stage.PREFERRED,
        Stage.APPOINTED,
    ]
    FINAL = {Stage.APPOINTED, Stage.REJECTED, Stage.WITHDRAWN}

    candidate = models.ForeignKey(
        Candidate,
        on_delete=models.CASCADE,
        related_name="applications",
        verbose_name=_("candidate"),
    )
    vacancy = models.ForeignKey(
        Vacancy, on_delete=models.CASCADE, related_name="applications", verbose_name=_("vacancy")
    )
    stage = models.CharField(
        _("stage"), max_length=20, choices=Stage.choices, default=Stage.APPLIED
    )
    source = models.CharField(
        _("source"), max_length=20, choices=Source.choices, default=Source.APPLIED
    )
    rejection_reason = models.TextField(_("reason for rejection"), blank=True)
    assessment = models.TextField(
        _("consultant's assessment"),
        blank=True,
        help_text=_("Shown to the committee in the candidate overview."),
    )
    consent_talent_pool = models.BooleanField(_("consent to keep data for one year"), default=False)
    privacy_accepted_at = models.DateTimeField(
        _("privacy statement accepted"), null=True, blank=True
    )
    access_token = models.CharField(
        max_length=64, unique=True, default=new_access_token, editable=False
    )
    erasure_requested_at = models.DateTimeField(_("erasure requested"), null=True, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    stage_changed_at = models.DateTimeField(_("stage changed"), auto_now_add=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("application")
        verbose_name_plural = _("applications")
        constraints = [
            models.UniqueConstraint(
                fields=["candidate", "vacancy"],
                name="candidates_application_one_per_vacancy",
                violation_error_message=_("This candidate already applied for this vacancy."),
            ),
            models.CheckConstraint(
                condition=~models.Q(stage="rejected") | ~models.Q(rejection_reason=""),
                name="candidates_application_rejection_has_reason",
                violation_error_message=_("A rejection needs a reason."),
            ),
        ]
        indexes = [models.Index(fields=["vacancy", "stage"], name="candidates_app_vacancy_stage")]

    def __str__(self):
        return f"{self.candidate} – {self.vacancy.title}"

    @property
    def is_final(self) -> bool:
        return self.stage in self.FINAL

    def can_move_to(self, stage: str) -> bool:
        if stage == self.stage or self.is_final:
            return False
        if stage in (self.Stage.REJECTED, self.Stage.WITHDRAWN):
            return True
        if stage == self.Stage.APPLIED:
            return False
        return self.FORWARD.index(self.Stage(stage)) > self.FORWARD.index(self.Stage(self.stage))

    def check_move(self, stage: str, reason: str = "") -> None:
        if not self.can_move_to(stage):
            raise ValidationError(
                _("An application in stage “%(current)s” cannot move to “%(new)s”.")
                % {"current": self.get_stage_display(), "new": self.Stage(stage).label},
                code="invalid_stage",
            )
        if stage == self.Stage.REJECTED and not reason.strip():
            raise ValidationError(_("A rejection needs a reason."), code="reason_required")


class StageChange(models.Model):
    """The history of an application's stage: who moved it, when, from where to where, and why."""

    application = models.ForeignKey(
        Application, on_delete=models.CASCADE, related_name="stage_changes"
    )
    from_stage = models.CharField(
        _("from"), max_length=20, choices=Application.Stage.choices, blank=True
    )
    to_stage = models.CharField(_("to"), max_length=20, choices=Application.Stage.choices)
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("by"),
    )
    changed_at = models.DateTimeField(_("when"), auto_now_add=True)
    reason = models.TextField(_("reason"), blank=True)

    class Meta:
        ordering = ["application", "changed_at", "pk"]
        verbose_name = _("stage change")
        verbose_name_plural = _("stage changes")

    def __str__(self):
        return f"{self.from_stage or '–'} → {self.to_stage}"


class Note(models.Model):
    """A consultant's note about an application. Part of the data a candidate can ask for."""

    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="notes")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    text = models.TextField(_("note"))
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        ordering = ["application", "-created_at"]
        verbose_name = _("note")
        verbose_name_plural = _("notes")

    def __str__(self):
        return self.text[:60]


def document_upload_to(instance, filename):
    # A random name: the original name is kept in the row, never in the path.
    return f"documents/{secrets.token_hex(2)}/{secrets.token_urlsafe(24)}.pdf"


class Document(models.Model):
    """A file a candidate handed in: motivation letter or CV. Never under a public URL."""

    class Kind(models.TextChoices):
        MOTIVATION = "motivation", _("Motivation letter")
        CV = "cv", _("CV")
        OTHER = "other", _("Other")

    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="documents")
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    file = models.FileField(_("file"), upload_to=document_upload_to, max_length=200)
    original_name = models.CharField(_("file name"), max_length=255)
    size = models.PositiveBigIntegerField(_("size"))
    sha256 = models.CharField(_("checksum"), max_length=64)
    uploaded_at = models.DateTimeField(_("uploaded"), auto_now_add=True)

    class Meta:
        ordering = ["application", "kind"]
        verbose_name = _("document")
        verbose_name_plural = _("documents")
        constraints = [
            models.UniqueConstraint(
                fields=["application", "kind"],
                condition=~models.Q(kind="other"),
                name="candidates_document_one_per_kind",
            )
        ]

    def __str__(self):
        return f"{self.get_kind_display()}: {self.original_name}"


class DocumentAccess(models.Model):
    """Every view or download of a candidate document: who, what, when."""

    document = models.ForeignKey(Document, on_delete=models.CASCADE, related_name="accesses")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    by_candidate = models.BooleanField(_("by the candidate"), default=False)
    accessed_at = models.DateTimeField(_("when"), auto_now_add=True)
    ip_address = models.GenericIPAddressField(_("IP address"), null=True, blank=True)

    class Meta:
        ordering = ["-accessed_at"]
        verbose_name = _("document access")
        verbose_name_plural = _("document accesses")

    def __str__(self):
        return f"{self.document} @ {self.accessed_at:%Y-%m-%d %H:%M}"
