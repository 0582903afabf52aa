"""The selection committee of one vacancy: members with their role, add, change role, remove.

Plain forms: POST, then a redirect back to the committee page (or the page with field errors).

Inviting members by email comes with the committee issue; nothing here sends mail.
"""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Case, IntegerField, Value, When
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import path
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from .. import services
from ..access import recruiter_required
from ..forms_planning import CommitteeMemberAddForm, CommitteeMemberRoleForm, add_service_errors
from ..models import CommitteeMember, Vacancy

TEMPLATE = "vacancies/committee.html"

ROLE_ORDER = Case(
    *[When(role=value, then=Value(i)) for i, value in enumerate(CommitteeMember.Role.values)],
    output_field=IntegerField(),
)


def _vacancy(pk) -> Vacancy:
    return get_object_or_404(Vacancy.objects.select_related("client"), pk=pk)


def _members(vacancy) -> list[CommitteeMember]:
    """The members, chair first, then by role and last name."""
    return list(
        vacancy.committee.select_related("user").order_by(
            ROLE_ORDER, "user__last_name", "user__first_name"
        )
    )


def _page(request, vacancy, add_form=None, role_forms=None):
    members = _members(vacancy)
    role_forms = role_forms or {}
    for member in members:
        member.role_form = role_forms.get(member.pk) or CommitteeMemberRoleForm(
            initial={"role": member.role, "organisation": member.organisation},
            auto_id=f"id_member{member.pk}_%s",
        )
    context = {
        "vacancy": vacancy,
        "members": members,
        "add_form": add_form or CommitteeMemberAddForm(),
    }
    return render(request, TEMPLATE, context)


def _to_committee(vacancy):
    return redirect("vacancies:committee", pk=vacancy.pk)


@recruiter_required
@require_GET
def committee(request, pk):
    return _page(request, _vacancy(pk))


@recruiter_required
@require_POST
def committee_member_add(request, pk):
    vacancy = _vacancy(pk)
    form = CommitteeMemberAddForm(request.POST)
    if form.is_valid():
        try:
            member = services.committee_member_add(vacancy=vacancy, **form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(
                request,
                _("%(name)s has been added to the committee as %(role)s.")
                % {"name": member.user, "role": member.get_role_display().lower()},
            )
            return _to_committee(vacancy)
    return _page(request, vacancy, add_form=form)


@recruiter_required
@require_POST
def committee_member_role(request, pk, member_pk):
    vacancy = _vacancy(pk)
    member = get_object_or_404(
        CommitteeMember.objects.select_related("user"), pk=member_pk, vacancy=vacancy
    )
    form = CommitteeMemberRoleForm(request.POST, auto_id=f"id_member{member.pk}_%s")
    if form.is_valid():
        try:
            services.committee_member_update(member=member, **form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(
                request, _("The role of %(name)s has been changed.") % {"name": member.user}
            )
            return _to_committee(vacancy)
    return _page(request, vacancy, role_forms={member.pk: form})


@recruiter_required
@require_POST
def committee_member_remove(request, pk, member_pk):
    vacancy = _vacancy(pk)
    member = get_object_or_404(
        CommitteeMember.objects.select_related("user"), pk=member_pk, vacancy=vacancy
    )
    services.committee_member_remove(member=member)
    messages.success(
        request, _("%(name)s has been removed from the committee.") % {"name": member.user}
    )
    return _to_committee(vacancy)


urlpatterns = [
    path("vacatures/<int:pk>/commissie/", committee, name="committee"),
    path(
        "vacatures/<int:pk>/commissie/toevoegen/", committee_member_add, name="committee_member_add"
    ),
    path(
        "vacatures/<int:pk>/commissie/<int:member_pk>/rol/",
        committee_member_role,
        name="committee_member_role",
    ),
    path(
        "vacatures/<int:pk>/commissie/<int:member_pk>/verwijderen/",
        committee_member_remove,
        name="committee_member_remove",
    ),
]
