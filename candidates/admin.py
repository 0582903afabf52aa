from django.contrib import admin
from django.db import models

from .models import (
    Application,
    ApplicationEmail,
    ApplicationRelease,
    Assessment,
    AssessmentScore,
    Candidate,
    CandidateMerge,
    CandidateOverview,
    ConflictOfInterest,
    Document,
    DocumentAccess,
    EmailTemplate,
    ErasureLog,
    ErasurePostponement,
    Interview,
    Nomination,
    Note,
    Reference,
    Reminder,
    Scorecard,
    ScorecardScore,
    StageChange,
)


class ApplicationInline(admin.TabularInline):
    model = Application
    extra = 0
    fields = ("vacancy", "stage", "source", "created_at")
    # The stage changes only through candidates.services.stages.application_move.
    readonly_fields = ("stage", "created_at")
    autocomplete_fields = ("vacancy",)
    show_change_link = True


@admin.register(Candidate)
class CandidateAdmin(admin.ModelAdmin):
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}
    list_display = ("last_name", "first_name", "email", "current_position", "current_organisation")
    search_fields = ("first_name", "last_name", "email", "current_organisation")
    list_filter = ("language",)
    inlines = [ApplicationInline]


class StageChangeInline(admin.TabularInline):
    model = StageChange
    extra = 0
    readonly_fields = ("from_stage", "to_stage", "changed_by", "changed_at", "reason")
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False


class NoteInline(admin.StackedInline):
    model = Note
    extra = 0
    readonly_fields = ("author", "created_at")
    fields = ("candidate", "text", "visibility", "author", "created_at")


class DocumentInline(admin.TabularInline):
    """Documents are listed, never linked: their files are private, read only through the logged
    view."""

    model = Document
    extra = 0
    fields = ("kind", "original_name", "size", "sha256", "uploaded_at")
    readonly_fields = fields
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(Application)
class ApplicationAdmin(admin.ModelAdmin):
    list_display = ("candidate", "vacancy", "stage", "source", "created_at")
    list_filter = ("stage", "source", "vacancy__status", "consent_talent_pool")
    list_select_related = ("candidate", "vacancy", "vacancy__client")
    search_fields = (
        "candidate__first_name",
        "candidate__last_name",
        "candidate__email",
        "vacancy__title",
    )
    autocomplete_fields = ("candidate", "vacancy")
    # The stage and its history change only through application_move (the back office board).
    readonly_fields = (
        "stage",
        "stage_changed_at",
        "rejection_code",
        "rejection_reason",
        "created_at",
        "privacy_accepted_at",
    )
    inlines = [StageChangeInline, NoteInline, DocumentInline]


@admin.register(StageChange)
class StageChangeAdmin(admin.ModelAdmin):
    """The history is written by application_move only: read-only here."""

    list_display = ("application", "from_stage", "to_stage", "changed_by", "changed_at")
    list_filter = ("to_stage",)
    list_select_related = ("application__candidate", "application__vacancy", "changed_by")
    search_fields = ("application__candidate__last_name", "application__vacancy__title")

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(Note)
class NoteAdmin(admin.ModelAdmin):
    list_display = ("__str__", "candidate", "application", "visibility", "author", "created_at")
    list_select_related = ("candidate", "application__vacancy", "author")
    search_fields = ("text", "candidate__last_name")
    autocomplete_fields = ("candidate", "application")


class DocumentAccessInline(admin.TabularInline):
    model = DocumentAccess
    extra = 0
    readonly_fields = ("user", "by_candidate", "accessed_at", "ip_address")
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(Document)
class DocumentAdmin(admin.ModelAdmin):
    """Read-only: the file itself is private and is never linked from the admin."""

    list_display = ("original_name", "kind", "application", "size", "uploaded_at")
    list_filter = ("kind",)
    list_select_related = ("application__candidate", "application__vacancy")
    search_fields = ("original_name", "application__candidate__last_name")
    fields = ("application", "kind", "original_name", "size", "sha256", "uploaded_at")
    readonly_fields = fields
    inlines = [DocumentAccessInline]

    def has_add_permission(self, request):
        return False


@admin.register(DocumentAccess)
class DocumentAccessAdmin(admin.ModelAdmin):
    list_display = ("document", "user", "by_candidate", "accessed_at", "ip_address")
    list_filter = ("by_candidate",)
    list_select_related = ("document", "user")
    readonly_fields = ("document", "user", "by_candidate", "accessed_at", "ip_address")

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


class AssessmentScoreInline(admin.TabularInline):
    model = AssessmentScore
    extra = 0
    autocomplete_fields = ("requirement",)


@admin.register(Assessment)
class AssessmentAdmin(admin.ModelAdmin):
    list_display = ("application", "recommendation", "updated_at", "updated_by")
    list_select_related = ("application__candidate", "application__vacancy", "updated_by")
    list_filter = ("recommendation",)
    search_fields = ("application__candidate__last_name", "application__vacancy__title")
    autocomplete_fields = ("application",)
    readonly_fields = ("updated_at", "updated_by")
    inlines = [AssessmentScoreInline]


@admin.register(EmailTemplate)
class EmailTemplateAdmin(admin.ModelAdmin):
    list_display = ("kind", "language", "subject", "updated_at", "updated_by")
    list_filter = ("kind", "language")
    readonly_fields = ("updated_at", "updated_by")


@admin.register(CandidateMerge)
class CandidateMergeAdmin(admin.ModelAdmin):
    """The log of merges: read-only."""

    list_display = ("kept", "removed_pk", "removed_name", "merged_by", "merged_at")
    list_select_related = ("kept", "merged_by")

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(ApplicationEmail)
class ApplicationEmailAdmin(admin.ModelAdmin):
    """Which outbox message went to which candidate: read-only."""

    list_display = ("application", "kind", "email", "sent_by", "created_at")
    list_select_related = ("application__candidate", "application__vacancy", "email", "sent_by")
    list_filter = ("kind",)

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(AssessmentScore)
class AssessmentScoreAdmin(admin.ModelAdmin):
    list_display = ("assessment", "requirement", "score")
    list_select_related = ("assessment__application__candidate", "requirement")
    autocomplete_fields = ("assessment", "requirement")


@admin.register(ApplicationRelease)
class ApplicationReleaseAdmin(admin.ModelAdmin):
    """The record of what the committee saw, and since when: written by
    candidates.services.release only, read-only here."""

    list_display = ("application", "released_at", "released_by", "withdrawn_at", "withdrawn_by")
    list_select_related = (
        "application__candidate",
        "application__vacancy",
        "released_by",
        "withdrawn_by",
    )
    search_fields = ("application__candidate__last_name", "application__vacancy__title")

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


class RecordAdmin(admin.ModelAdmin):
    """The committee round's records (scorecards, conflicts, interviews, references, the
    nomination) and the retention log: written by their services only, read-only here."""

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(ConflictOfInterest)
class ConflictOfInterestAdmin(RecordAdmin):
    list_display = ("application", "member", "declared_at")
    list_select_related = ("application__candidate", "application__vacancy", "member__user")


class ScorecardScoreInline(admin.TabularInline):
    model = ScorecardScore
    extra = 0
    can_delete = False
    readonly_fields = ("requirement", "score")

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(Scorecard)
class ScorecardAdmin(RecordAdmin):
    list_display = ("application", "member", "recommendation", "submitted_at")
    list_filter = ("recommendation",)
    list_select_related = ("application__candidate", "application__vacancy", "member__user")
    inlines = [ScorecardScoreInline]


@admin.register(ScorecardScore)
class ScorecardScoreAdmin(RecordAdmin):
    list_display = ("scorecard", "requirement", "score")


@admin.register(Interview)
class InterviewAdmin(RecordAdmin):
    list_display = ("application", "starts_at", "status", "response")
    list_filter = ("status", "response")
    list_select_related = ("application__candidate", "application__vacancy")


@admin.register(Reference)
class ReferenceAdmin(RecordAdmin):
    list_display = ("application", "referee_name", "recorded_at")
    list_select_related = ("application__candidate", "application__vacancy")


@admin.register(Nomination)
class NominationAdmin(RecordAdmin):
    list_display = ("vacancy", "application", "decided_on")
    list_select_related = ("vacancy", "application__candidate")


@admin.register(CandidateOverview)
class CandidateOverviewAdmin(RecordAdmin):
    list_display = ("vacancy", "user", "status", "progress", "created_at")
    list_filter = ("status",)


@admin.register(ErasurePostponement)
class ErasurePostponementAdmin(RecordAdmin):
    list_display = ("application", "until", "by", "at")


@admin.register(ErasureLog)
class ErasureLogAdmin(RecordAdmin):
    list_display = ("at", "cause", "vacancy_id_erased", "applications", "candidates", "documents")
    list_filter = ("cause",)


@admin.register(Reminder)
class ReminderAdmin(RecordAdmin):
    list_display = ("due_on", "kind", "email", "queued_at", "digest_date", "sent_via")
    list_filter = ("kind",)
    search_fields = ("key", "email")
    list_select_related = ("sent_via",)
