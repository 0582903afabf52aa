"""Logging in (password, then a code from the authenticator app), the lockout after too many
failures, the password reset, and the user's own account page with their recent logins."""

from axes.utils import reset as axes_reset
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import user_login_failed
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render, resolve_url
from django.urls import reverse_lazy
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods
from django_otp import login as otp_login

from accounts.forms import CodeForm, PasswordResetForm, ReminderDeliveryForm
from accounts.preferences import user_set_reminder_delivery
from accounts.services import (
    pending_login,
    pending_login_finish,
    pending_login_start,
    recent_logins,
    second_factor_needed,
    second_factor_required,
    totp_device_confirmed,
    totp_device_for_enrolment,
    totp_enrol_confirm,
    totp_qr_png,
    totp_secret_text,
    totp_verify,
    totp_wait_seconds,
)
from recruitment.lib.ratelimit import rate_limited

# Password reset requests per client address per hour: enough for a typo, not for a flood.
RESET_REQUEST_RATE = "5/h"
# A committee member's start page: their committees (the back office would answer 404).
MEMBER_HOME = "candidates:committee_home"


def _landing(user, next_url: str = "") -> str:
    """Where a user goes after logging in: `next` when it is safe, else their start page:
    the dashboard for a recruiter, "my committees" for a committee member."""
    if next_url and url_has_allowed_host_and_scheme(next_url, allowed_hosts=None):
        return next_url
    if not user.is_recruiter:
        return resolve_url(MEMBER_HOME)
    return resolve_url(settings.LOGIN_REDIRECT_URL)


class LoginView(auth_views.LoginView):
    """The password step. With a second factor, nobody is logged in yet: the code step is."""

    redirect_authenticated_user = True

    def get_default_redirect_url(self):
        user = self.request.user
        if user.is_authenticated and not user.is_recruiter:
            return resolve_url(MEMBER_HOME)
        return super().get_default_redirect_url()

    def form_valid(self, form):
        user = form.get_user()
        if not second_factor_needed(user):
            return super().form_valid(form)
        pending_login_start(self.request, user=user, next_url=self.get_redirect_url())
        if totp_device_confirmed(user) is None:
            return redirect("accounts:login_enrol")
        return redirect("accounts:login_code")


def _pending_or_restart(request):
    pending = pending_login(request)
    if pending is None:
        messages.info(request, _("Log in again: enter your username and password."))
    return pending


def _throttled(user, form) -> bool:
    """Whether wrong codes before make this one wait (django-otp doubles the wait after each);
    the form then says how long."""
    wait = totp_wait_seconds(user)
    if wait:
        form.add_error(
            "code",
            ngettext(
                "Too many wrong codes. Wait %(seconds)d second and try again.",
                "Too many wrong codes. Wait %(seconds)d seconds and try again.",
                wait,
            )
            % {"seconds": wait},
        )
    return bool(wait)


def _wrong_code(request, user, form) -> None:
    # Counted by django-axes like a wrong password: enough of them lock the account.
    user_login_failed.send(
        sender=__name__, credentials={"username": user.get_username()}, request=request
    )
    form.add_error("code", _("This code is not right. Enter the code your app shows now."))


@never_cache
@require_http_methods(["GET", "POST"])
def login_code(request):
    """The second step: the code from the authenticator app."""
    pending = _pending_or_restart(request)
    if pending is None:
        return redirect("login")
    user, next_url = pending
    if totp_device_confirmed(user) is None:
        return redirect("accounts:login_enrol")
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid() and not _throttled(user, form):
        device = totp_verify(user=user, token=form.cleaned_data["code"])
        if device is not None:
            pending_login_finish(request, user=user, device=device)
            return redirect(_landing(user, next_url))
        _wrong_code(request, user, form)
    return render(request, "registration/login_code.html", {"form": form})


@never_cache
@require_http_methods(["GET", "POST"])
def login_enrol(request):
    """The second step the first time, for whom a code is required: set up the app."""
    pending = _pending_or_restart(request)
    if pending is None:
        return redirect("login")
    user, next_url = pending
    if totp_device_confirmed(user) is not None:
        return redirect("accounts:login_code")
    device = totp_device_for_enrolment(user)
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        confirmed = totp_enrol_confirm(user=user, token=form.cleaned_data["code"])
        if confirmed is not None:
            pending_login_finish(request, user=user, device=confirmed)
            messages.success(request, _("Your authenticator app is set up."))
            return redirect(_landing(user, next_url))
        _wrong_code(request, user, form)
    return render(
        request,
        "registration/login_enrol.html",
        {"form": form, "secret": totp_secret_text(device), "pending": True},
    )


@never_cache
@require_http_methods(["GET"])
def otp_qr(request):
    """The QR code of the app being set up, for the logged-in user or the login waiting for it."""
    if request.user.is_authenticated:
        user = request.user
    else:
        pending = pending_login(request)
        if pending is None:
            raise Http404
        user = pending[0]
    device = totp_device_for_enrolment(user)
    return HttpResponse(totp_qr_png(device), content_type="image/png")


@login_required
@require_http_methods(["GET", "POST"])
def otp_enrol(request):
    """Set up (or replace) the authenticator app from the account page."""
    user = request.user
    device = totp_device_for_enrolment(user)
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        confirmed = totp_enrol_confirm(user=user, token=form.cleaned_data["code"])
        if confirmed is not None:
            otp_login(request, confirmed)
            messages.success(request, _("Your authenticator app is set up."))
            return redirect("accounts:account")
        _wrong_code(request, user, form)
    return render(
        request,
        "accounts/otp_enrol.html",
        {
            "form": form,
            "secret": totp_secret_text(device),
            "replacing": totp_device_confirmed(user) is not None,
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def account(request):
    """My account: the second factor, how reminders arrive, and the latest logins."""
    user = request.user
    form = ReminderDeliveryForm(
        request.POST if request.method == "POST" else None,
        initial={"reminder_delivery": user.reminder_delivery},
    )
    if request.method == "POST" and form.is_valid():
        try:
            user_set_reminder_delivery(user=user, delivery=form.cleaned_data["reminder_delivery"])
        except ValidationError as error:
            form.add_error("reminder_delivery", error)
        else:
            messages.success(request, _("Your choice for reminders is saved."))
            return redirect("accounts:account")
    return render(
        request,
        "accounts/account.html",
        {
            "logins": recent_logins(user),
            "has_app": totp_device_confirmed(user) is not None,
            "app_required": second_factor_required(user),
            "reminder_form": form,
        },
        status=400 if form.errors else 200,
    )


def lockout(request, original_response=None, credentials=None):
    """AXES_LOCKOUT_CALLABLE: too many failed logins for this account or from this address."""
    minutes = max(int(settings.AXES_COOLOFF_TIME.total_seconds() // 60), 1)
    return render(
        request,
        "registration/locked_out.html",
        {"minutes": minutes},
        status=settings.AXES_HTTP_RESPONSE_CODE,
    )


class PasswordResetView(auth_views.PasswordResetView):
    """Django's reset: the same answer for every address (known or not), a few per address."""

    form_class = PasswordResetForm
    success_url = reverse_lazy("password_reset_done")

    def post(self, request, *args, **kwargs):
        if rate_limited(request, group="accounts.password_reset", rate=RESET_REQUEST_RATE):
            return render(request, "429.html", status=429)
        return super().post(request, *args, **kwargs)


class PasswordResetConfirmView(auth_views.PasswordResetConfirmView):
    success_url = reverse_lazy("password_reset_complete")

    def form_valid(self, form):
        response = super().form_valid(form)
        # A new password lifts a lockout of the account (not of the address).
        axes_reset(username=self.user.get_username())
        return response
