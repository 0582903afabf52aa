"""Logging in with a second factor (an authenticator app, TOTP), and what a user sees of their
own logins.

The password step does not log anyone in when a second factor is needed: it leaves a short-lived
"pending" mark in the session, and only the code step (or, the first time, the enrolment step)
calls Django's `login`. A session that never gave a code is never authenticated, so no page of the
back office can be reached with the password alone.
"""

import io
import time
from base64 import b32encode

import qrcode
import qrcode.image.pil
from axes.models import AccessLog
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth import login as auth_login
from django.db import transaction
from django.utils import timezone
from django_otp import login as otp_login
from django_otp import verify_token
from django_otp.plugins.otp_totp.models import TOTPDevice

PENDING_KEY = "accounts_pending_login"
# Seconds between a correct password and the code; then the password is asked again.
PENDING_SECONDS = 5 * 60
DEVICE_NAME = "Authenticator-app"
# When a logged-in session was last extended (seconds since the epoch; recruitment/middleware.py).
SESSION_ACTIVE_KEY = "accounts_active_at"


def second_factor_required(user) -> bool:
    """Recruiters and staff must give a code when the setting says so (on unless DEBUG)."""
    if not settings.OTP_REQUIRED_FOR_RECRUITERS or not user.is_authenticated:
        return False
    return user.role == get_user_model().Role.RECRUITER or user.is_staff or user.is_superuser


def totp_device_confirmed(user) -> TOTPDevice | None:
    return TOTPDevice.objects.filter(user=user, confirmed=True).order_by("pk").first()


def second_factor_needed(user) -> bool:
    """A code is asked of whoever must give one and of whoever set up an app."""
    return second_factor_required(user) or totp_device_confirmed(user) is not None


# The pending login --------------------------------------------------------------------------


def pending_login_start(request, *, user, next_url: str) -> None:
    """The password was right; remember whose it was, for a few minutes, in this session."""
    request.session[PENDING_KEY] = {
        "user": user.pk,
        "backend": getattr(user, "backend", settings.AUTHENTICATION_BACKENDS[-1]),
        "at": int(time.time()),
        "next": next_url,
    }


def pending_login(request) -> tuple | None:
    """(user, next_url) of the login waiting for its code in this session; None when there is
    none or it is too old."""
    pending = request.session.get(PENDING_KEY)
    if not isinstance(pending, dict):
        return None
    if time.time() - pending.get("at", 0) > PENDING_SECONDS:
        request.session.pop(PENDING_KEY, None)
        return None
    user = get_user_model().objects.filter(pk=pending.get("user"), is_active=True).first()
    if user is None:
        return None
    return user, pending.get("next") or ""


def pending_login_finish(request, *, user, device: TOTPDevice) -> None:
    """The code was right: log the user in, verified by `device`."""
    pending = request.session.pop(PENDING_KEY, {}) or {}
    backend = pending.get("backend") or settings.AUTHENTICATION_BACKENDS[-1]
    auth_login(request, user, backend=backend)
    otp_login(request, device)


# The authenticator app ----------------------------------------------------------------------


def totp_device_for_enrolment(user) -> TOTPDevice:
    """The unconfirmed device whose secret the enrolment page shows (made once, kept until the
    first code confirms it)."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).order_by("pk").first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name=DEVICE_NAME, confirmed=False)
    return device


def totp_enrol_confirm(*, user, token: str) -> TOTPDevice | None:
    """Confirm the device being set up with a code from the app; the device, or None when the
    code is wrong. An earlier app of this user stops working."""
    with transaction.atomic():
        device = (
            TOTPDevice.objects.select_for_update()
            .filter(user=user, confirmed=False)
            .order_by("pk")
            .first()
        )
        if device is None or not device.verify_token(token):
            return None
        TOTPDevice.objects.filter(user=user).exclude(pk=device.pk).delete()
        device.confirmed = True
        device.save(update_fields=["confirmed"])
    return device


def totp_verify(*, user, token: str) -> TOTPDevice | None:
    """The user's app device when `token` is its current code (throttled by django-otp: every
    wrong code doubles the wait before the next try)."""
    device = totp_device_confirmed(user)
    if device is None:
        return None
    return verify_token(user, device.persistent_id, token)


def totp_wait_seconds(user) -> int:
    """Seconds before the user may try another code (0: now)."""
    device = totp_device_confirmed(user)
    if device is None:
        return 0
    allowed, details = device.verify_is_allowed()
    if allowed or not details or not details.get("locked_until"):
        return 0
    return max(int((details["locked_until"] - timezone.now()).total_seconds()) + 1, 1)


def totp_secret_text(device: TOTPDevice) -> str:
    """The secret as the app asks for it when typed in: base32, in groups of four."""
    secret = b32encode(device.bin_key).decode().rstrip("=")
    return " ".join(secret[i : i + 4] for i in range(0, len(secret), 4))


def totp_qr_png(device: TOTPDevice) -> bytes:
    """The QR code of the device's otpauth:// address, as PNG, made here (no outside service)."""
    image = qrcode.make(
        device.config_url,
        image_factory=qrcode.image.pil.PilImage,
        box_size=6,
        border=2,
        error_correction=qrcode.constants.ERROR_CORRECT_M,
    )
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    return buffer.getvalue()


# What the user sees of their own logins -------------------------------------------------------


def recent_logins(user, *, limit: int = 10):
    """The user's latest successful logins (recorded by django-axes): time, address, browser."""
    return AccessLog.objects.filter(username=user.get_username()).order_by("-attempt_time")[:limit]


def session_mark_active(sender, request, user, **kwargs) -> None:
    """On every login (user_logged_in): the session's idle time starts now."""
    session = getattr(request, "session", None)
    if session is not None:
        session[SESSION_ACTIVE_KEY] = int(time.time())
