from django.contrib import admin
from django.db import models

from .models import (
    Client,
    ClientContact,
    ClientLocation,
    ClientUnit,
    CommitteeInvitation,
    CommitteeMember,
    ContactPerson,
    PlanningPhase,
    ProfileVersion,
    Requirement,
    Responsibility,
    Vacancy,
    WntCeiling,
    WorksCouncilAdvice,
)

# Clients -----------------------------------------------------------------


class ClientLocationInline(admin.TabularInline):
    model = ClientLocation
    extra = 0


class ClientUnitInline(admin.StackedInline):
    model = ClientUnit
    extra = 0


class ClientContactInline(admin.TabularInline):
    model = ClientContact
    extra = 0


@admin.register(Client)
class ClientAdmin(admin.ModelAdmin):
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}
    list_display = ("name", "short_name", "website", "created_at")
    search_fields = ("name", "short_name")
    inlines = [ClientLocationInline, ClientUnitInline, ClientContactInline]


@admin.register(ClientLocation)
class ClientLocationAdmin(admin.ModelAdmin):
    list_display = ("name", "city", "client")
    list_filter = ("client",)
    list_select_related = ("client",)
    search_fields = ("name", "city", "client__name")


@admin.register(ClientUnit)
class ClientUnitAdmin(admin.ModelAdmin):
    list_display = ("name", "abbreviation", "client", "location", "staff_count")
    list_filter = ("client",)
    list_select_related = ("client", "location")
    search_fields = ("name", "abbreviation", "client__name")


@admin.register(ClientContact)
class ClientContactAdmin(admin.ModelAdmin):
    list_display = ("name", "job_title", "client", "email", "phone")
    list_filter = ("client",)
    list_select_related = ("client",)
    search_fields = ("name", "email", "client__name")


# Vacancies ---------------------------------------------------------------


class ResponsibilityInline(admin.TabularInline):
    model = Responsibility
    extra = 0


class RequirementInline(admin.TabularInline):
    model = Requirement
    extra = 0


class ContactPersonInline(admin.TabularInline):
    model = ContactPerson
    extra = 0


class PlanningPhaseInline(admin.TabularInline):
    model = PlanningPhase
    extra = 0


class CommitteeMemberInline(admin.TabularInline):
    model = CommitteeMember
    extra = 0
    autocomplete_fields = ("user",)


@admin.register(Vacancy)
class VacancyAdmin(admin.ModelAdmin):
    list_display = (
        "title",
        "client",
        "status",
        "closing_date",
        "lead_consultant",
        "employment_type",
    )
    list_filter = ("status", "employment_type", "client", "lead_consultant")
    list_select_related = ("client", "lead_consultant")
    search_fields = ("title", "reference", "client__name", "client__short_name")
    date_hierarchy = "closing_date"
    prepopulated_fields = {"reference": ("title",)}
    filter_horizontal = ("locations",)
    # The status changes only through vacancies.services.vacancy_set_status (the back office).
    readonly_fields = ("status", "published_on", "created_at", "updated_at")
    inlines = [
        ResponsibilityInline,
        RequirementInline,
        ContactPersonInline,
        PlanningPhaseInline,
        CommitteeMemberInline,
    ]


class VacancyChildAdmin(admin.ModelAdmin):
    list_select_related = ("vacancy", "vacancy__client")
    list_filter = ("vacancy__status",)
    search_fields = ("vacancy__title",)
    autocomplete_fields = ("vacancy",)


@admin.register(Responsibility)
class ResponsibilityAdmin(VacancyChildAdmin):
    list_display = ("__str__", "vacancy", "order")
    search_fields = ("text", "vacancy__title")


@admin.register(Requirement)
class RequirementAdmin(VacancyChildAdmin):
    list_display = ("__str__", "vacancy", "order")
    search_fields = ("text", "vacancy__title")


@admin.register(ContactPerson)
class ContactPersonAdmin(VacancyChildAdmin):
    list_display = ("name", "vacancy", "topic", "email", "phone")
    search_fields = ("name", "email", "vacancy__title")


@admin.register(PlanningPhase)
class PlanningPhaseAdmin(VacancyChildAdmin):
    list_display = (
        "activity",
        "vacancy",
        "order",
        "starts_on",
        "ends_on",
        "responsible",
        "is_parallel",
    )
    list_filter = ("kind", "responsible", "vacancy__status")
    search_fields = ("activity", "vacancy__title")


@admin.register(CommitteeMember)
class CommitteeMemberAdmin(VacancyChildAdmin):
    list_display = ("user", "role", "vacancy", "organisation")
    list_filter = ("role", "vacancy__status")
    list_select_related = ("user", "vacancy", "vacancy__client")
    search_fields = ("user__username", "user__last_name", "vacancy__title")
    autocomplete_fields = ("vacancy", "user")


@admin.register(WntCeiling)
class WntCeilingAdmin(admin.ModelAdmin):
    list_display = ("year", "amount")


@admin.register(CommitteeInvitation)
class CommitteeInvitationAdmin(admin.ModelAdmin):
    """Written by vacancies.services.invitations only (the link's token is not stored)."""

    list_display = ("email", "member", "created_at", "expires_at", "accepted_at", "replaced_at")
    list_select_related = ("member__vacancy", "member__user")
    readonly_fields = [field.name for field in CommitteeInvitation._meta.fields]

    def has_add_permission(self, request):
        return False


@admin.register(WorksCouncilAdvice)
class WorksCouncilAdviceAdmin(admin.ModelAdmin):
    list_display = ("vacancy", "requested_on", "received_on")
    list_select_related = ("vacancy",)
    readonly_fields = [field.name for field in WorksCouncilAdvice._meta.fields]

    def has_add_permission(self, request):
        return False


@admin.register(ProfileVersion)
class ProfileVersionAdmin(admin.ModelAdmin):
    list_display = ("vacancy", "number", "label", "published_at")
    list_select_related = ("vacancy",)
    readonly_fields = [field.name for field in ProfileVersion._meta.fields]

    def has_add_permission(self, request):
        return False
