"""The selection committee of one vacancy: members with their role, add, change role, remove.

Plain forms: POST, then a redirect back to the committee page (or the page with field errors).

Inviting members by email is in views/invitations.py; this page shows the invite form and each
member's invitation (invited on, accepted, expired) with a button to send it again.
"""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Case, IntegerField, Prefetch, Value, When
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import path
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from .. import services
from ..access import recruiter_required
from ..forms_invitations import CommitteeInviteForm
from ..forms_planning import CommitteeMemberAddForm, CommitteeMemberRoleForm, add_service_errors
from ..models import CommitteeInvitation, CommitteeMember, Vacancy

TEMPLATE = "vacancies/committee.html"

ROLE_ORDER = Case(
    *[When(role=value, then=Value(i)) for i, value in enumerate(CommitteeMember.Role.values)],
    output_field=IntegerField(),
)


def _vacancy(pk) -> Vacancy:
    return get_object_or_404(Vacancy.objects.select_related("client"), pk=pk)


def _members(vacancy) -> list[CommitteeMember]:
    """The members, chair first, then by role and last name, with their invitations."""
    return list(
        vacancy.committee.select_related("user")
        .prefetch_related(
            Prefetch(
                "invitations", queryset=CommitteeInvitation.objects.order_by("-created_at", "-pk")
            )
        )
        .order_by(ROLE_ORDER, "user__last_name", "user__first_name")
    )


def invitation_status(member: CommitteeMember) -> dict | None:
    """Where the member's invitation stands, from the prefetched invitations (newest first):
    accepted, invited (the link works until `until`), expired, or not invited (an account
    without a password); None for an account that could log in without an invitation."""
    invitations = list(member.invitations.all())
    accepted = next((i for i in invitations if i.accepted_at is not None), None)
    if accepted is not None:
        return {"state": "accepted", "on": accepted.accepted_at}
    latest = next((i for i in invitations if i.replaced_at is None), None)
    if latest is not None and latest.is_usable:
        return {"state": "invited", "on": latest.created_at, "until": latest.expires_at}
    if invitations:  # the newest one expired (or, oddly, every one was replaced)
        expired = latest or invitations[0]
        return {"state": "expired", "on": expired.created_at, "until": expired.expires_at}
    user = member.user
    if user.role != user.Role.RECRUITER and not (user.is_active and user.has_usable_password()):
        return {"state": "not_invited"}
    return None


def _page(request, vacancy, add_form=None, role_forms=None, invite_form=None):
    members = _members(vacancy)
    role_forms = role_forms or {}
    for member in members:
        member.role_form = role_forms.get(member.pk) or CommitteeMemberRoleForm(
            initial={"role": member.role, "organisation": member.organisation},
            auto_id=f"id_member{member.pk}_%s",
        )
        member.invitation_status = invitation_status(member)
    context = {
        "vacancy": vacancy,
        "members": members,
        "add_form": add_form or CommitteeMemberAddForm(),
        "invite_form": invite_form or CommitteeInviteForm(),
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
