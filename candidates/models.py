import secrets
import uuid

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models.functions import Lower
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from vacancies.models import CommitteeMember, Requirement, Vacancy


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
    # Set when the person's data was erased: the row stays, anonymised, for the counts.
    erased_at = models.DateTimeField(_("erased"), null=True, blank=True)
    # Everything a search may match, lower-cased in one text: names, email, position and
    # organisation, notes and the text of the documents. Written only by
    # candidates.services.search.candidate_reindex; PostgreSQL indexes it for full-text search.
    search_text = models.TextField(_("search text"), blank=True, editable=False)

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

    class Outreach(models.TextChoices):
        APPROACHED = "approached", _("Approached")
        INTERESTED = "interested", _("Interested")
        NOT_INTERESTED = "not_interested", _("Not interested")
        NO_ANSWER = "no_answer", _("No answer")

    class RejectionReason(models.TextChoices):
        PROFILE = "profile", _("Does not fit the profile")
        EXPERIENCE = "experience", _("Not enough relevant experience")
        STRONGER = "stronger", _("Stronger candidates")
        WITHDREW = "withdrew", _("Withdrew from the procedure")
        OTHER = "other", _("Other")

    # The way forward, in order; a move forward may skip stages. Rejected and withdrawn can
    # follow any stage that is not final. A move back (undoing a mis-click or a rejection) is
    # allowed with a reason.
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
    EXITS = {Stage.REJECTED, Stage.WITHDRAWN}

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
    outreach = models.CharField(_("outreach"), max_length=20, choices=Outreach.choices, blank=True)
    rejection_code = models.CharField(
        _("reason for rejection"), max_length=20, choices=RejectionReason.choices, blank=True
    )
    rejection_reason = models.TextField(_("explanation of the rejection"), blank=True)
    consent_talent_pool = models.BooleanField(_("consent to keep data for one year"), default=False)
    privacy_accepted_at = models.DateTimeField(
        _("privacy statement accepted"), null=True, blank=True
    )
    access_token = models.CharField(
        max_length=64, unique=True, default=new_access_token, editable=False
    )
    erasure_requested_at = models.DateTimeField(_("erasure requested"), null=True, blank=True)
    # Retention: when the candidate consented to be kept for a year after the procedure (the
    # consent itself is consent_talent_pool), until when the data is kept (set when the
    # procedure ends, moved by a recorded postponement) and when it was erased.
    consent_talent_pool_at = models.DateTimeField(_("consent given"), null=True, blank=True)
    keep_until = models.DateField(_("kept until"), null=True, blank=True)
    erased_at = models.DateTimeField(_("erased"), null=True, blank=True)
    # References are checked only with the candidate's consent, asked from their status page.
    reference_consent_requested_at = models.DateTimeField(
        _("consent for references asked"), null=True, blank=True
    )
    reference_consent_given_at = models.DateTimeField(
        _("consent for references given"), null=True, blank=True
    )
    reference_consent_refused_at = models.DateTimeField(
        _("consent for references refused"), null=True, blank=True
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    stage_changed_at = models.DateTimeField(_("stage changed"), auto_now_add=True)
    # The contact details as typed into the application form. An application never changes the
    # candidate's record: where these differ, the consultant takes them over (or not) by hand.
    submitted_details = models.JSONField(_("details as submitted"), default=dict, blank=True)
    submitted_details_reviewed_at = models.DateTimeField(
        _("submitted details reviewed"), null=True, blank=True
    )
    submitted_details_reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    SUBMITTED_FIELDS = (
        "first_name",
        "last_name",
        "phone",
        "current_position",
        "current_organisation",
        "linkedin_url",
    )

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
                condition=~models.Q(stage="rejected") | ~models.Q(rejection_code=""),
                name="candidates_application_rejection_has_reason",
                violation_error_message=_("A rejection needs a reason."),
            ),
            models.UniqueConstraint(
                fields=["vacancy"],
                condition=models.Q(stage="appointed"),
                name="candidates_application_one_appointed",
                violation_error_message=_("This vacancy already has an appointed candidate."),
            ),
        ]
        indexes = [
            # The board: per vacancy and stage, the most recently moved first (no sort needed).
            models.Index(
                fields=["vacancy", "stage", "-stage_changed_at", "-id"],
                name="candidates_app_board",
            )
        ]

    def __str__(self):
        return f"{self.candidate} – {self.vacancy.title}"

    @property
    def is_final(self) -> bool:
        return self.stage in self.FINAL

    @property
    def submitted_differences(self) -> list[dict]:
        """The submitted details that differ from the candidate's record, not yet reviewed:
        [{"field", "label", "current", "submitted"}]. An empty submitted value is no difference."""
        if self.submitted_details_reviewed_at or not self.submitted_details:
            return []
        differences = []
        for name in self.SUBMITTED_FIELDS:
            submitted = str(self.submitted_details.get(name) or "").strip()
            current = getattr(self.candidate, name) or ""
            if submitted and submitted != current.strip():
                label = Candidate._meta.get_field(name).verbose_name
                differences.append(
                    {"field": name, "label": label, "current": current, "submitted": submitted}
                )
        return differences

    def is_move_back(self, stage: str) -> bool:
        """Whether moving to `stage` goes back: out of a final stage, or to an earlier stage."""
        if stage in self.EXITS:
            return False
        if self.stage in self.EXITS:
            return True
        return self.FORWARD.index(self.Stage(stage)) < self.FORWARD.index(self.Stage(self.stage))

    def can_move_to(self, stage: str) -> bool:
        """Whether the rules allow a move to `stage` at all (a move back also needs a reason).

        Forward may skip stages; rejected and withdrawn follow any stage that is not final; out
        of rejected or withdrawn an application goes back to a running stage, not straight to
        appointed."""
        if stage not in self.Stage.values or stage == self.stage:
            return False
        if stage in self.EXITS:
            return not self.is_final
        if self.stage in self.EXITS:
            return stage not in self.FINAL
        return True

    def needs_reason(self, stage: str) -> bool:
        return stage == self.Stage.REJECTED or self.is_move_back(stage)

    def check_move(self, stage: str, reason: str = "", rejection_code: str = "") -> None:
        """Raise a ValidationError with a translated message when this move is not allowed."""
        if not self.can_move_to(stage):
            current = self.get_stage_display()
            new = self.Stage(stage).label if stage in self.Stage.values else stage
            raise ValidationError(
                _("An application in stage “%(current)s” cannot move to “%(new)s”.")
                % {"current": current, "new": new},
                code="invalid_stage",
            )
        if stage == self.Stage.REJECTED:
            if rejection_code not in self.RejectionReason.values:
                raise ValidationError(_("A rejection needs a reason."), code="reason_required")
            if rejection_code == self.RejectionReason.OTHER and not reason.strip():
                raise ValidationError(
                    _("Explain the rejection when the reason is “other”."),
                    code="reason_required",
                )
        elif self.is_move_back(stage) and not reason.strip():
            raise ValidationError(
                _("Moving back to “%(new)s” needs a reason.") % {"new": self.Stage(stage).label},
                code="reason_required",
            )


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
    changed_at = models.DateTimeField(_("when"), default=timezone.now)
    reason = models.TextField(_("reason"), blank=True)
    rejection_code = models.CharField(
        _("reason for rejection"),
        max_length=20,
        choices=Application.RejectionReason.choices,
        blank=True,
    )

    class Meta:
        ordering = ["application", "changed_at", "pk"]
        verbose_name = _("stage change")
        verbose_name_plural = _("stage changes")

    def __str__(self):
        return f"{self.from_stage or '–'} → {self.to_stage}"


class Note(models.Model):
    """A consultant's note about a candidate, or about one of their applications.

    Internal notes stay within the search firm; shareable ones may be shown to the committee of
    the application's vacancy. Part of the data a candidate can ask for.
    """

    class Visibility(models.TextChoices):
        INTERNAL = "internal", _("Internal")
        SHAREABLE = "shareable", _("Shareable with the committee")

    candidate = models.ForeignKey(
        Candidate, on_delete=models.CASCADE, related_name="notes", verbose_name=_("candidate")
    )
    application = models.ForeignKey(
        Application,
        on_delete=models.CASCADE,
        related_name="notes",
        null=True,
        blank=True,
        verbose_name=_("application"),
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    text = models.TextField(_("note"))
    visibility = models.CharField(
        _("visibility"), max_length=20, choices=Visibility.choices, default=Visibility.INTERNAL
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("note")
        verbose_name_plural = _("notes")

    def __str__(self):
        return self.text[:60]


class Assessment(models.Model):
    """The consultant's assessment of an application against the vacancy's requirements: a score
    and a text per requirement (AssessmentScore), a summary and a recommendation. It feeds the
    committee portal and the candidate overview."""

    class Recommendation(models.TextChoices):
        PROPOSE = "propose", _("Propose to the committee")
        DOUBT = "doubt", _("In doubt")
        NOT_PROPOSE = "not_propose", _("Do not propose")

    application = models.OneToOneField(
        Application, on_delete=models.CASCADE, related_name="assessment"
    )
    summary = models.TextField(_("summary"), blank=True)
    career = models.TextField(
        _("career"),
        blank=True,
        help_text=_("The candidate's career in short: positions, organisations, years."),
    )
    recommendation = models.CharField(
        _("recommendation"), max_length=20, choices=Recommendation.choices, blank=True
    )
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        verbose_name = _("assessment")
        verbose_name_plural = _("assessments")

    def __str__(self):
        return f"{self.application}"


class AssessmentScore(models.Model):
    """The consultant's score (1 to 5) and text for one requirement of the vacancy."""

    assessment = models.ForeignKey(Assessment, on_delete=models.CASCADE, related_name="scores")
    requirement = models.ForeignKey(
        Requirement, on_delete=models.CASCADE, related_name="+", verbose_name=_("requirement")
    )
    score = models.PositiveSmallIntegerField(_("score"), null=True, blank=True)
    text = models.TextField(_("explanation"), blank=True)

    class Meta:
        ordering = ["assessment", "requirement__order", "requirement__pk"]
        verbose_name = _("score")
        verbose_name_plural = _("scores")
        constraints = [
            models.UniqueConstraint(
                fields=["assessment", "requirement"],
                name="candidates_assessmentscore_one_per_requirement",
            ),
            models.CheckConstraint(
                condition=models.Q(score__isnull=True) | models.Q(score__gte=1, score__lte=5),
                name="candidates_assessmentscore_score_range",
                violation_error_message=_("A score is a number from 1 to 5."),
            ),
        ]

    def __str__(self):
        return f"{self.requirement}: {self.score}"


def document_upload_to(instance, filename):
    # A random name: the original name is kept in the row, never in the path.
    return f"documents/{secrets.token_hex(2)}/{secrets.token_urlsafe(24)}.pdf"


class Document(models.Model):
    """A file a candidate handed in: motivation letter or CV. Never under a public URL."""

    class Kind(models.TextChoices):
        MOTIVATION = "motivation", _("Motivation letter")
        CV = "cv", _("CV")
        OTHER = "other", _("Other")

    class TextStatus(models.TextChoices):
        PENDING = "pending", _("Not read yet")
        EXTRACTED = "extracted", _("Read")
        FAILED = "failed", _("Could not be read")

    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="documents")
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    file = models.FileField(_("file"), upload_to=document_upload_to, max_length=200)
    original_name = models.CharField(_("file name"), max_length=255)
    size = models.PositiveBigIntegerField(_("size"))
    sha256 = models.CharField(_("checksum"), max_length=64)
    uploaded_at = models.DateTimeField(_("uploaded"), auto_now_add=True)
    # The text of the PDF, for the search: extracted by a task after upload.
    text = models.TextField(_("text"), blank=True, editable=False)
    text_status = models.CharField(
        _("text extraction"),
        max_length=20,
        choices=TextStatus.choices,
        default=TextStatus.PENDING,
        editable=False,
    )

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
    """Every view or download of a candidate document, and every candidate overview made for a
    committee member: who, what, when."""

    document = models.ForeignKey(
        Document, on_delete=models.CASCADE, related_name="accesses", null=True, blank=True
    )
    overview = models.ForeignKey(
        "CandidateOverview",
        on_delete=models.SET_NULL,
        related_name="accesses",
        null=True,
        blank=True,
        verbose_name=_("candidate overview"),
    )

    class Action(models.TextChoices):
        OPENED = "opened", _("Opened or downloaded")
        MADE = "made", _("Made")

    action = models.CharField(
        _("action"), max_length=20, choices=Action.choices, default=Action.OPENED
    )
    # The vacancy of an overview; kept when the overview's file is replaced or erased.
    vacancy = models.ForeignKey(
        Vacancy, on_delete=models.CASCADE, related_name="+", null=True, blank=True
    )
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
        constraints = [
            models.CheckConstraint(
                condition=models.Q(document__isnull=False) | models.Q(vacancy__isnull=False),
                name="candidates_documentaccess_document_or_vacancy",
            )
        ]

    def __str__(self):
        return f"{self.document or self.overview_id} @ {self.accessed_at:%Y-%m-%d %H:%M}"


class CandidateMerge(models.Model):
    """The log of a merge of two records of one person: `removed_pk` was merged into `kept`."""

    kept = models.ForeignKey(
        Candidate, on_delete=models.CASCADE, related_name="merges", verbose_name=_("kept record")
    )
    removed_pk = models.PositiveIntegerField(_("number of the merged record"))
    removed_name = models.CharField(_("name on the merged record"), max_length=255)
    removed_email = models.EmailField(_("email on the merged record"))
    moved = models.JSONField(_("what was moved"), default=dict)
    merged_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    merged_at = models.DateTimeField(_("merged"), auto_now_add=True)

    class Meta:
        ordering = ["-merged_at", "-pk"]
        verbose_name = _("candidate merge")
        verbose_name_plural = _("candidate merges")

    def __str__(self):
        return f"{self.removed_pk} → {self.kept_id}"


class EmailTemplate(models.Model):
    """A text recruiters maintain for an email to candidates, per kind and language, with
    placeholders such as {{ candidate.first_name }} (checked when saved)."""

    class Kind(models.TextChoices):
        ACKNOWLEDGEMENT = "acknowledgement", _("Acknowledgement of the application")
        INVITE_PRESELECTION = "invite_preselection", _("Invitation to the preselection")
        REJECT_AFTER_LETTER = "reject_after_letter", _("Rejection after the letter")
        REJECT_AFTER_INTERVIEW = "reject_after_interview", _("Rejection after an interview")
        INVITE_COMMITTEE = "invite_committee", _("Invitation to the committee round")

    kind = models.CharField(_("kind"), max_length=30, choices=Kind.choices)
    language = models.CharField(_("language"), max_length=8, choices=settings.LANGUAGES)
    subject = models.CharField(_("subject"), max_length=200)
    body = models.TextField(_("text"))
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["kind", "language"]
        verbose_name = _("email template")
        verbose_name_plural = _("email templates")
        constraints = [
            models.UniqueConstraint(
                fields=["kind", "language"], name="candidates_emailtemplate_one_per_language"
            )
        ]

    def __str__(self):
        return f"{self.get_kind_display()} ({self.language})"


class ApplicationEmail(models.Model):
    """An email sent to a candidate about an application, kept on the candidate's page: the
    outbox row holds what was said and whether it went out."""

    application = models.ForeignKey(
        Application, on_delete=models.CASCADE, related_name="emails", verbose_name=_("application")
    )
    email = models.OneToOneField(
        "mail.OutgoingEmail", on_delete=models.CASCADE, related_name="+", verbose_name=_("email")
    )
    kind = models.CharField(_("kind"), max_length=40, blank=True)
    sent_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("email to a candidate")
        verbose_name_plural = _("emails to candidates")

    def __str__(self):
        return f"{self.kind}: {self.application_id}"


class ApplicationRelease(models.Model):
    """An application released to the selection committee of its vacancy, and its withdrawal.

    The rows are the record of what the committee saw, and since when: a release is never
    deleted, a withdrawal closes it. An application has at most one open release.
    """

    application = models.ForeignKey(
        Application,
        on_delete=models.CASCADE,
        related_name="releases",
        verbose_name=_("application"),
    )
    released_at = models.DateTimeField(_("released"), default=timezone.now)
    released_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("released by"),
    )
    withdrawn_at = models.DateTimeField(_("withdrawn"), null=True, blank=True)
    withdrawn_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("withdrawn by"),
    )

    class Meta:
        ordering = ["application", "released_at", "pk"]
        verbose_name = _("release to the committee")
        verbose_name_plural = _("releases to the committee")
        constraints = [
            models.UniqueConstraint(
                fields=["application"],
                condition=models.Q(withdrawn_at__isnull=True),
                name="candidates_applicationrelease_one_open",
            )
        ]

    def __str__(self):
        return f"{self.application} @ {self.released_at:%Y-%m-%d %H:%M}"


class ConflictOfInterest(models.Model):
    """A committee member's declaration of a conflict of interest with a candidate: they may
    then not score that application nor see others' scores of it. Part of the decision's
    record."""

    member = models.ForeignKey(
        CommitteeMember,
        on_delete=models.CASCADE,
        related_name="conflicts",
        verbose_name=_("committee member"),
    )
    application = models.ForeignKey(
        Application,
        on_delete=models.CASCADE,
        related_name="conflicts",
        verbose_name=_("application"),
    )
    explanation = models.TextField(_("explanation"))
    declared_at = models.DateTimeField(_("declared"), default=timezone.now)

    class Meta:
        ordering = ["application", "declared_at", "pk"]
        verbose_name = _("conflict of interest")
        verbose_name_plural = _("conflicts of interest")
        constraints = [
            models.UniqueConstraint(
                fields=["member", "application"], name="candidates_conflict_one_per_member"
            )
        ]

    def __str__(self):
        return f"{self.member} – {self.application_id}"


class Scorecard(models.Model):
    """One committee member's scorecard of one released application: a score (1 to 5) per
    requirement of the vacancy (ScorecardScore), a recommendation and comments. Saved as a
    draft any number of times, submitted once; after submitting it no longer changes."""

    class Recommendation(models.TextChoices):
        INVITE = "invite", _("Invite")
        DOUBT = "doubt", _("In doubt")
        NOT_INVITE = "not_invite", _("Do not invite")

    member = models.ForeignKey(
        CommitteeMember,
        on_delete=models.CASCADE,
        related_name="scorecards",
        verbose_name=_("committee member"),
    )
    application = models.ForeignKey(
        Application,
        on_delete=models.CASCADE,
        related_name="scorecards",
        verbose_name=_("application"),
    )
    recommendation = models.CharField(
        _("recommendation"), max_length=20, choices=Recommendation.choices, blank=True
    )
    comments = models.TextField(_("comments"), blank=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    submitted_at = models.DateTimeField(_("submitted"), null=True, blank=True)

    class Meta:
        ordering = ["application", "member", "pk"]
        verbose_name = _("scorecard")
        verbose_name_plural = _("scorecards")
        constraints = [
            models.UniqueConstraint(
                fields=["member", "application"], name="candidates_scorecard_one_per_member"
            )
        ]

    def __str__(self):
        return f"{self.member} – {self.application_id}"

    @property
    def is_submitted(self) -> bool:
        return self.submitted_at is not None


class ScorecardScore(models.Model):
    """A member's score (1 to 5) of one requirement on their scorecard."""

    scorecard = models.ForeignKey(Scorecard, on_delete=models.CASCADE, related_name="scores")
    requirement = models.ForeignKey(
        Requirement, on_delete=models.CASCADE, related_name="+", verbose_name=_("requirement")
    )
    score = models.PositiveSmallIntegerField(_("score"), null=True, blank=True)

    class Meta:
        ordering = ["scorecard", "requirement__order", "requirement__pk"]
        verbose_name = _("scorecard score")
        verbose_name_plural = _("scorecard scores")
        constraints = [
            models.UniqueConstraint(
                fields=["scorecard", "requirement"],
                name="candidates_scorecardscore_one_per_requirement",
            ),
            models.CheckConstraint(
                condition=models.Q(score__isnull=True) | models.Q(score__gte=1, score__lte=5),
                name="candidates_scorecardscore_score_range",
                violation_error_message=_("A score is a number from 1 to 5."),
            ),
        ]

    def __str__(self):
        return f"{self.requirement}: {self.score}"


def new_interview_uid() -> str:
    return f"{uuid.uuid4()}@recruitment"


class Interview(models.Model):
    """A planned interview of a candidate with committee members: one calendar entry, with a
    UID that never changes and a sequence that grows with every change, so calendars update
    (or, once cancelled, remove) the same entry."""

    class Status(models.TextChoices):
        PLANNED = "planned", _("Planned")
        CANCELLED = "cancelled", _("Cancelled")

    class Response(models.TextChoices):
        PENDING = "pending", _("Awaiting the candidate's answer")
        CONFIRMED = "confirmed", _("Confirmed by the candidate")
        OTHER_SLOT = "other_slot", _("Candidate asks for another time")

    application = models.ForeignKey(
        Application,
        on_delete=models.CASCADE,
        related_name="interviews",
        verbose_name=_("application"),
    )
    starts_at = models.DateTimeField(_("starts"))
    ends_at = models.DateTimeField(_("ends"))
    place = models.CharField(_("place"), max_length=300, blank=True)
    video_url = models.URLField(_("video link"), blank=True)
    members = models.ManyToManyField(
        CommitteeMember, related_name="interviews", blank=True, verbose_name=_("members attending")
    )
    uid = models.CharField(max_length=100, unique=True, default=new_interview_uid, editable=False)
    sequence = models.PositiveIntegerField(default=0, editable=False)
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.PLANNED
    )
    response = models.CharField(
        _("candidate's answer"), max_length=20, choices=Response.choices, default=Response.PENDING
    )
    response_note = models.TextField(_("candidate's remark"), blank=True)
    responded_at = models.DateTimeField(_("answered"), null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        ordering = ["starts_at", "pk"]
        verbose_name = _("interview")
        verbose_name_plural = _("interviews")
        # The reminders sweep and the schedules look interviews up by their start.
        indexes = [models.Index(fields=["starts_at"], name="candidates_interview_starts_at")]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ends_at__gt=models.F("starts_at")),
                name="candidates_interview_ends_after_start",
                violation_error_message=_("An interview ends after it starts."),
            )
        ]

    def __str__(self):
        return f"{self.application} @ {self.starts_at:%Y-%m-%d %H:%M}"


class Reference(models.Model):
    """A reference check, recorded by the consultant, only with the candidate's consent
    (Application.reference_consent_given_at): who, how they know the candidate, what was asked
    and answered. Seen by the recruiter and the committee's chair."""

    application = models.ForeignKey(
        Application,
        on_delete=models.CASCADE,
        related_name="references",
        verbose_name=_("application"),
    )
    referee_name = models.CharField(_("referee"), max_length=200)
    referee_relation = models.CharField(_("relation to the candidate"), max_length=200, blank=True)
    referee_contact = models.CharField(_("contact details"), max_length=200, blank=True)
    questions = models.TextField(_("questions"), blank=True)
    answers = models.TextField(_("answers"), blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    recorded_at = models.DateTimeField(_("recorded"), default=timezone.now)

    class Meta:
        ordering = ["application", "recorded_at", "pk"]
        verbose_name = _("reference")
        verbose_name_plural = _("references")

    def __str__(self):
        return f"{self.referee_name} – {self.application_id}"


class Nomination(models.Model):
    """The committee's nomination of its preferred candidate, with the rationale: the decision
    the client's appointment follows. One per vacancy; a new nomination replaces it (the
    history of stages keeps the earlier one)."""

    vacancy = models.OneToOneField(
        Vacancy, on_delete=models.CASCADE, related_name="nomination", verbose_name=_("vacancy")
    )
    application = models.ForeignKey(
        Application,
        on_delete=models.CASCADE,
        related_name="nominations",
        verbose_name=_("preferred candidate"),
    )
    rationale = models.TextField(_("rationale"))
    decided_on = models.DateField(_("decided by the committee on"), default=timezone.localdate)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    recorded_at = models.DateTimeField(_("recorded"), auto_now=True)

    class Meta:
        verbose_name = _("nomination")
        verbose_name_plural = _("nominations")

    def __str__(self):
        return f"{self.vacancy} – {self.application_id}"


def overview_upload_to(instance, filename):
    return f"overviews/{secrets.token_hex(2)}/{secrets.token_urlsafe(24)}.pdf"


class CandidateOverview(models.Model):
    """The confidential candidate overview (kandidatenoverzicht) of a vacancy, made for one
    committee member or recruiter: every page carries their name. Made in Celery with progress;
    kept and served again until its content changes (`fingerprint`)."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting")
        RUNNING = "running", _("Being made")
        DONE = "done", _("Ready")
        FAILED = "failed", _("Failed")

    vacancy = models.ForeignKey(
        Vacancy, on_delete=models.CASCADE, related_name="+", verbose_name=_("vacancy")
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("made for"),
    )
    fingerprint = models.CharField(max_length=64)
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.PENDING
    )
    progress = models.PositiveSmallIntegerField(_("progress"), default=0)
    file = models.FileField(upload_to=overview_upload_to, max_length=200, blank=True)
    error = models.TextField(blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    finished_at = models.DateTimeField(_("finished"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("candidate overview")
        verbose_name_plural = _("candidate overviews")
        constraints = [
            models.UniqueConstraint(
                fields=["vacancy", "user", "fingerprint"],
                name="candidates_candidateoverview_one_per_content",
            )
        ]

    def __str__(self):
        return f"{self.vacancy_id} / {self.user_id} ({self.status})"


class ErasurePostponement(models.Model):
    """A recruiter's decision to keep an application's data longer than the rule says, with
    the reason and the new date: kept as the record of why."""

    application = models.ForeignKey(
        Application,
        on_delete=models.CASCADE,
        related_name="postponements",
        verbose_name=_("application"),
    )
    until = models.DateField(_("keep until"))
    reason = models.TextField(_("reason"))
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    at = models.DateTimeField(_("when"), default=timezone.now)

    class Meta:
        ordering = ["application", "-at", "-pk"]
        verbose_name = _("postponed erasure")
        verbose_name_plural = _("postponed erasures")

    def __str__(self):
        return f"{self.application_id} → {self.until}"


class ErasureLog(models.Model):
    """One erasure, without personal data: what rule erased how much of which procedure."""

    class Cause(models.TextChoices):
        RETENTION = "retention", _("Retention period over")
        REQUEST = "request", _("The candidate's request")

    at = models.DateTimeField(_("when"), default=timezone.now)
    cause = models.CharField(_("cause"), max_length=20, choices=Cause.choices)
    vacancy_id_erased = models.PositiveIntegerField(_("vacancy number"), null=True, blank=True)
    applications = models.PositiveIntegerField(_("applications"), default=0)
    candidates = models.PositiveIntegerField(_("candidates"), default=0)
    documents = models.PositiveIntegerField(_("documents"), default=0)

    class Meta:
        ordering = ["-at", "-pk"]
        verbose_name = _("erasure")
        verbose_name_plural = _("erasures")

    def __str__(self):
        return f"{self.at:%Y-%m-%d %H:%M} {self.cause}"


class Reminder(models.Model):
    """One reminder to one person about one thing, due on one day (Europe/Amsterdam).

    The key, "<kind>:<object>:<recipient>:<due date>", is unique: a reminder is inserted once
    however often the sweep runs (candidates.services.reminders), and its email is queued once
    through the outbox's own unique key ("reminder:<key>"), claimed first with a conditional
    UPDATE on `queued_at`. A reminder for someone who chose the daily digest waits with
    `queued_at` empty until the digest takes it: `sent_via` is then the digest's email and
    `digest_date` its day. Whether the message left is the outbox's `sent_at`.
    """

    class Kind(models.TextChoices):
        CLOSING_SOON = "closing_soon", _("Closing date in 3 days")
        CLOSING_TODAY = "closing_today", _("Closing date today")
        PHASE_STARTS = "phase_starts", _("Planning phase starts tomorrow")
        PHASE_ENDS = "phase_ends", _("Planning phase ends today")
        PHASE_OVERDUE = "phase_overdue", _("Planning phase overdue")
        SCORES_MISSING = "scores_missing", _("Scores not submitted")
        SCORES_MISSING_CHAIR = "scores_missing_chair", _("Scores not submitted (the chair's copy)")
        INTERVIEW_CANDIDATE = "interview_candidate", _("Interview tomorrow (candidate)")
        INTERVIEW_MEMBER = "interview_member", _("Interview tomorrow (committee member)")
        NO_FIRST_ANSWER = "no_first_answer", _("Applications without a first answer")
        INVITATION_PENDING = "invitation_pending", _("Committee invitation not accepted")

    key = models.CharField(_("key"), max_length=200, unique=True)
    kind = models.CharField(_("kind"), max_length=40, choices=Kind.choices)
    object_id = models.PositiveBigIntegerField(_("object"))
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("recipient"),
    )
    # The address when it was due (a candidate has no account); a user's current address wins.
    email = models.EmailField(_("email"))
    language = models.CharField(_("language"), max_length=8)
    due_on = models.DateField(_("due"))
    # What the message says, in no language yet: ids, ISO dates, titles, names.
    context = models.JSONField(_("context"), default=dict, blank=True)
    created_at = models.DateTimeField(_("created"), default=timezone.now)
    queued_at = models.DateTimeField(_("queued"), null=True, blank=True)
    sent_via = models.ForeignKey(
        "mail.OutgoingEmail",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("email"),
    )
    digest_date = models.DateField(_("in the digest of"), null=True, blank=True)

    class Meta:
        ordering = ["-due_on", "-pk"]
        verbose_name = _("reminder")
        verbose_name_plural = _("reminders")
        indexes = [
            # What the sweep and the digest look for: reminders not queued yet.
            models.Index(
                fields=["due_on"],
                condition=models.Q(queued_at__isnull=True),
                name="candidates_reminder_pending",
            )
        ]

    def __str__(self):
        return self.key

    @property
    def is_queued(self) -> bool:
        return self.queued_at is not None
