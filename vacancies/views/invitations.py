"""Inviting committee members by email, and the invitation link.

The recruiter's side (POST from the committee page): invite by email address, send a link again.
The member's side (public, no login): the link opens a page to choose a password; accepting it
logs the member in and sends them to "my committees". A link that does not work says why (used,
replaced, expired, unknown) without saying whose it was, with a way to ask for a new one.
"""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import login
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import path
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_http_methods, require_POST

from accounts.services import second_factor_needed
from recruitment.lib.ratelimit import rate_limited

from ..access import recruiter_required
from ..forms_invitations import CommitteeInviteForm, InvitationPasswordForm, InvitationRenewForm
from ..forms_planning import add_service_errors
from ..models import CommitteeMember, Vacancy
from ..services import invitations as service
from ..services.invitations import State
from .committee import _page as committee_page

# Where a member goes after accepting (a page of the app above: named, never imported).
MEMBER_HOME = "candidates:committee_home"
# Requests for a new link per client address per hour, as for the password reset.
RENEW_REQUEST_RATE = "5/h"
# The backend that checks passwords; the lockout backend (axes) only counts failures.
LOGIN_BACKEND = "django.contrib.auth.backends.ModelBackend"


# The recruiter ----------------------------------------------------------------------------------


@recruiter_required
@require_POST
def committee_invite(request, pk):
    vacancy = get_object_or_404(Vacancy.objects.select_related("client"), pk=pk)
    form = CommitteeInviteForm(request.POST)
    if form.is_valid():
        try:
            member, invitation = service.committee_invite(
                vacancy=vacancy, by=request.user, **form.cleaned_data
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            if invitation is None:
                text = _(
                    "%(name)s already has an account and has been added to the committee; "
                    "we told them by email."
                )
            else:
                text = _("%(name)s has been invited by email to join the committee.")
            messages.success(request, text % {"name": member.user})
            return redirect("vacancies:committee", pk=vacancy.pk)
    return committee_page(request, vacancy, invite_form=form)


@recruiter_required
@require_POST
def committee_invite_resend(request, pk, member_pk):
    vacancy = get_object_or_404(Vacancy, pk=pk)
    member = get_object_or_404(
        CommitteeMember.objects.select_related("user", "vacancy__client"),
        pk=member_pk,
        vacancy=vacancy,
    )
    try:
        service.committee_invite_resend(member=member, by=request.user)
    except ValidationError as error:
        for text in error.messages:
            messages.error(request, text)
    else:
        messages.success(
            request,
            _("A new invitation has been sent to %(email)s; earlier links no longer work.")
            % {"email": member.user.email},
        )
    return redirect("vacancies:committee", pk=vacancy.pk)


# The member -------------------------------------------------------------------------------------


def _invalid(request, state: str):
    """The page of a link that does not work: why, and what to do. Nothing about whose it is."""
    return render(request, "vacancies/invitation_invalid.html", {"state": state})


def _log_in(request, user):
    """Log the member in with their new password, unless their account asks for a code from an
    authenticator app too: then the login page takes them through both steps."""
    if second_factor_needed(user):
        messages.success(request, _("Your password has been saved. Log in with it now."))
        return redirect(settings.LOGIN_URL)
    login(request, user, backend=LOGIN_BACKEND)
    messages.success(request, _("Welcome! Your password has been saved and you are logged in."))
    return redirect(MEMBER_HOME)


@never_cache
@sensitive_post_parameters("new_password1", "new_password2")
@require_http_methods(["GET", "POST"])
def invitation_accept(request, token):
    invitation = service.invitation_for_token(token)
    state = service.invitation_state(invitation)
    if state != State.VALID:
        return _invalid(request, state)
    user = invitation.member.user
    form = InvitationPasswordForm(user, request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            user = service.invitation_accept(
                token=token, password=form.cleaned_data["new_password1"]
            )
        except service.InvitationInvalid as error:
            return _invalid(request, error.state)
        except ValidationError as error:
            form.add_error("new_password2", error)
        else:
            return _log_in(request, user)
    return render(
        request,
        "vacancies/invitation_accept.html",
        {"form": form, "invitation": invitation, "member": invitation.member, "invitee": user},
    )


@never_cache
@require_http_methods(["GET", "POST"])
def invitation_renew(request):
    """Ask for a new link. The answer is the same for every address, known or not."""
    form = InvitationRenewForm(request.POST or None)
    if request.method == "POST":
        if rate_limited(request, group="vacancies.invitation_renew", rate=RENEW_REQUEST_RATE):
            return render(request, "429.html", status=429)
        if form.is_valid():
            service.invitation_renew_request(email=form.cleaned_data["email"])
            return render(request, "vacancies/invitation_renew.html", {"sent": True})
    return render(request, "vacancies/invitation_renew.html", {"form": form})


urlpatterns = [
    path("vacatures/<int:pk>/commissie/uitnodigen/", committee_invite, name="committee_invite"),
    path(
        "vacatures/<int:pk>/commissie/<int:member_pk>/opnieuw-uitnodigen/",
        committee_invite_resend,
        name="committee_invite_resend",
    ),
]

# Mounted at the site's root under the namespace "invitations" (recruitment/urls.py).
public_urlpatterns = [
    path("uitnodiging/nieuwe-link/", invitation_renew, name="renew"),
    path("uitnodiging/<str:token>/", invitation_accept, name="accept"),
]
