"""Public pages: the vacancies, one vacancy's profile, the application form and its receipt.

The form answers every valid submission the same way (status, redirect and page): a new person,
a known one and one already in this vacancy's procedure all see "received". What differs reaches
only the mailbox of the address (candidates.services.applications). Refused are only a vacancy
that is closed and an address over the rate limit.
"""

from django.conf import settings
from django.core import signing
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import path
from django.utils.crypto import get_random_string
from django.views.decorators.http import require_http_methods

from candidates.forms import ApplicationForm
from candidates.selectors import (
    PUBLIC_STATUSES,
    vacancy_contact_email,
    vacancy_public_clients,
    vacancy_public_get,
    vacancy_public_list,
)
from candidates.services.applications import application_submit
from recruitment.lib.client_ip import client_ip
from recruitment.lib.params import id_param
from recruitment.lib.pdf import pdf_response
from recruitment.lib.ratelimit import rate_limited
from vacancies.models import Vacancy
from vacancies.services.profile import (
    profile_pdf_cached,
    profile_pdf_filename,
    profile_published,
    with_latest_version,
)

ATTEMPT_SALT = "candidates.apply-attempt"


def client_address(request) -> str | None:
    """The client's real IP address, also behind the trusted proxies (settings.TRUSTED_PROXIES)."""
    return client_ip(request)


def _attempt_token(request) -> str:
    """The attempt this form belongs to: the one it was sent with, else a new one."""
    token = request.POST.get("attempt", "") if request.method == "POST" else ""
    if _attempt_id(token):
        return token
    return signing.dumps(get_random_string(16), salt=ATTEMPT_SALT)


def _attempt_id(token: str) -> str | None:
    window = settings.APPLY_RATE_WINDOW_MINUTES * 60
    try:
        value = signing.loads(token or "", salt=ATTEMPT_SALT, max_age=2 * window)
    except signing.BadSignature:
        return None
    return value if isinstance(value, str) else None


def _is_new_attempt(request) -> bool:
    """Whether this POST counts for the rate limit. A form sent again after it was refused for a
    mistake carries the same attempt token: the corrections (up to APPLY_RATE_CORRECTIONS) count
    as the one attempt they belong to. A POST without a valid token always counts."""
    attempt = _attempt_id(request.POST.get("attempt", ""))
    if attempt is None:
        return True
    key = f"candidates:apply-attempt:{attempt}"
    try:
        if cache.add(key, 0, timeout=settings.APPLY_RATE_WINDOW_MINUTES * 60):
            return True
        uses = cache.incr(key)
    except Exception:  # the cache is down: rate_limited lets the request through anyway
        return True
    return uses > settings.APPLY_RATE_CORRECTIONS


def _apply_rate_limited(request) -> bool:
    """Count this POST (when it is a new attempt); whether the client's address made more than
    APPLY_RATE_LIMIT attempts in the window."""
    limit = settings.APPLY_RATE_LIMIT
    if not limit:
        return False
    return rate_limited(
        request,
        group="candidates.apply",
        rate=f"{limit}/{settings.APPLY_RATE_WINDOW_MINUTES}m",
        increment=_is_new_attempt(request),
    )


def vacancy_list(request):
    query = request.GET.get("q", "")[:200]
    client_id = id_param(request.GET.get("client")) or 0
    vacancies = vacancy_public_list(query=query, client_id=client_id or None)
    return render(
        request,
        "candidates/vacancy_list.html",
        {
            "vacancies": vacancies,
            "clients": vacancy_public_clients(),
            "query": query,
            "client_id": client_id,
        },
    )


def _public_profile(reference: str, statuses) -> tuple[Vacancy, dict]:
    """A vacancy in one of `statuses` and its latest published profile, or 404. The version
    comes with the vacancy in one query; only a vacancy without one reads its rows."""
    queryset = with_latest_version(Vacancy.objects.filter(status__in=statuses))
    vacancy = get_object_or_404(queryset.select_related("client"), reference=reference)
    return vacancy, profile_published(vacancy)


def vacancy_detail(request, reference):
    vacancy, profile = _public_profile(reference, PUBLIC_STATUSES)
    return render(
        request,
        "candidates/vacancy_detail.html",
        {
            "vacancy": vacancy,
            "profile": profile,
            "is_open": vacancy.accepts_applications(),
        },
    )


def vacancy_pdf(request, reference):
    """The published profile as a PDF, the version the public page shows; only while the vacancy
    is published (a draft, closed or ended vacancy: 404)."""
    vacancy, profile = _public_profile(reference, [Vacancy.Status.PUBLISHED])
    pdf = profile_pdf_cached(profile=profile, fingerprint=vacancy.latest_profile_fingerprint)
    return pdf_response(pdf, profile_pdf_filename(vacancy, profile))


@require_http_methods(["GET", "POST"])
def apply(request, reference):
    vacancy = vacancy_public_get(reference=reference)
    context = {
        "vacancy": vacancy,
        "contact_email": vacancy_contact_email(vacancy),
        "attempt": _attempt_token(request),
    }
    if request.method == "POST" and _apply_rate_limited(request):
        return render(
            request, "candidates/apply.html", {**context, "rate_limited": True}, status=429
        )
    if not vacancy.accepts_applications():
        status = 403 if request.method == "POST" else 200
        return render(request, "candidates/apply.html", {**context, "closed": True}, status=status)

    if request.method == "POST":
        form = ApplicationForm(request.POST, request.FILES)
        if form.is_spam:
            # Pretend success; store nothing.
            return redirect("candidates:applied", reference=vacancy.reference)
        if form.is_valid():
            try:
                application_submit(
                    vacancy=vacancy,
                    data=form.candidate_data(),
                    motivation=form.cleaned_data["motivation"],
                    cv=form.cleaned_data["cv"],
                    ip_address=client_address(request),
                )
            except ValidationError as error:
                if error.code == "closed":
                    return render(
                        request, "candidates/apply.html", {**context, "closed": True}, status=403
                    )
                if error.code != "already_applied":
                    form.add_error(None, error)
                else:
                    # Already in this procedure: the same answer as any application; the
                    # address's mailbox was told (notify_already_applied).
                    return redirect("candidates:applied", reference=vacancy.reference)
            else:
                return redirect("candidates:applied", reference=vacancy.reference)
    else:
        form = ApplicationForm()
    return render(request, "candidates/apply.html", {**context, "form": form})


def applied(request, reference):
    vacancy = vacancy_public_get(reference=reference)
    return render(
        request,
        "candidates/applied.html",
        {
            "vacancy": vacancy,
            "phases": vacancy.phases_after_closing(),
            "contact_email": vacancy_contact_email(vacancy),
        },
    )


def privacy(request):
    return render(request, "candidates/privacy.html")


urlpatterns = [
    path("", vacancy_list, name="vacancy_list"),
    path("privacy/", privacy, name="privacy"),
    path("vacatures/<slug:reference>/", vacancy_detail, name="vacancy"),
    path("vacatures/<slug:reference>/functieprofiel.pdf", vacancy_pdf, name="vacancy_pdf"),
    path("vacatures/<slug:reference>/solliciteren/", apply, name="apply"),
    path("vacatures/<slug:reference>/ontvangen/", applied, name="applied"),
]
