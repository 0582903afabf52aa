"""Public pages: the vacancies, one vacancy's profile, the application form and its receipt."""

from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.urls import path
from django.views.decorators.http import require_http_methods

from candidates.forms import ApplicationForm
from candidates.selectors import (
    vacancy_contact_email,
    vacancy_public_clients,
    vacancy_public_get,
    vacancy_public_list,
)
from candidates.services.applications import application_submit

RATE_LIMIT_WINDOW = 60 * 60  # seconds


def client_address(request) -> str | None:
    """The client's IP address as the web server saw it (set a trusted proxy to pass it on)."""
    return request.META.get("REMOTE_ADDR") or None


def _apply_rate_limited(request) -> bool:
    """Count this POST; true when the address sent more than APPLY_RATE_LIMIT in the window."""
    limit = settings.APPLY_RATE_LIMIT
    if not limit:
        return False
    key = f"candidates:apply-rate:{client_address(request) or 'unknown'}"
    cache.add(key, 0, timeout=RATE_LIMIT_WINDOW)
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add() and incr()
        cache.set(key, 1, timeout=RATE_LIMIT_WINDOW)
        count = 1
    return count > limit


def vacancy_list(request):
    query = request.GET.get("q", "")[:200]
    try:
        client_id = int(request.GET.get("client") or 0)
    except ValueError:
        client_id = 0
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


def vacancy_detail(request, reference):
    vacancy = vacancy_public_get(reference=reference)
    return render(
        request,
        "candidates/vacancy_detail.html",
        {
            "vacancy": vacancy,
            "phases": vacancy.phases.all(),
            "is_open": vacancy.accepts_applications(),
        },
    )


@require_http_methods(["GET", "POST"])
def apply(request, reference):
    vacancy = vacancy_public_get(reference=reference)
    context = {"vacancy": vacancy, "contact_email": vacancy_contact_email(vacancy)}
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
                form.add_error(None, error)
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
    path("vacatures/<slug:reference>/solliciteren/", apply, name="apply"),
    path("vacatures/<slug:reference>/ontvangen/", applied, name="applied"),
]
