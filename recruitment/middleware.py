"""Middleware of the project: the second factor enforced, security headers, the request size cap.

- `SecondFactorMiddleware`: a recruiter (or staff) session without a verified second factor, while
  the setting requires one, is ended and sent to the login. The login flow never creates such a
  session; this catches any other way in (an old session from before the setting, for one).
- `SecurityHeadersMiddleware`: a Permissions-Policy on every response, and `Cache-Control:
  private, no-store` on every response with personal data: anything a logged-in user sees, the
  candidate's own pages (the private link) and the login pages.
- `SessionIdleMiddleware`: a logged-in session is extended (saved, so that it ends
  SESSION_COOKIE_AGE after the last request) when its last extension is SESSION_REFRESH_SECONDS
  old; the login marks it (accounts.apps). No database write on every request.
- `RequestSizeMiddleware`: a body larger than MAX_REQUEST_SIZE is refused (413) from its
  Content-Length, before anything reads it.
"""

import time

from django.conf import settings
from django.contrib.auth import logout
from django.contrib.auth.views import redirect_to_login
from django.shortcuts import render
from django.utils.cache import patch_cache_control

from accounts.services import SESSION_ACTIVE_KEY, second_factor_required

# URL names (namespace, name prefix) whose pages are personal even without a login.
PERSONAL_PAGES = (
    ("candidates", "status"),
    ("accounts", ""),
    ("", "login"),
    ("", "password_"),
    ("invitations", ""),
)


class SecondFactorMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if settings.OTP_REQUIRED_FOR_RECRUITERS:
            user = getattr(request, "user", None)
            if (
                user is not None
                and user.is_authenticated
                and second_factor_required(user)
                and not user.is_verified()
            ):
                logout(request)
                return redirect_to_login(request.get_full_path())
        return self.get_response(request)


class SessionIdleMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            now = int(time.time())
            last = request.session.get(SESSION_ACTIVE_KEY)
            if not isinstance(last, int) or now - last >= settings.SESSION_REFRESH_SECONDS:
                request.session[SESSION_ACTIVE_KEY] = now  # saved: the expiry starts again
        return self.get_response(request)


def _is_personal(request) -> bool:
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated:
        return True
    match = getattr(request, "resolver_match", None)
    if match is None:
        return False
    return any(
        match.namespace == namespace and (match.url_name or "").startswith(prefix)
        for namespace, prefix in PERSONAL_PAGES
    )


class SecurityHeadersMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.setdefault("Permissions-Policy", settings.PERMISSIONS_POLICY)
        if _is_personal(request):
            patch_cache_control(response, private=True, no_store=True)
        return response


class RequestSizeMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        try:
            length = int(request.META.get("CONTENT_LENGTH") or 0)
        except ValueError:
            length = 0
        if length > settings.MAX_REQUEST_SIZE:
            # Read nothing of the body; the connection is closed after the answer.
            response = render(request, "413.html", status=413)
            response["Connection"] = "close"
            return response
        return self.get_response(request)
