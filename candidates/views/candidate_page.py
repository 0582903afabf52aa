"""The candidate's own page, reached through the private signed link in their confirmation email.

No login: the link is the key. Every response is marked noindex and never cached; a tampered or
unknown link gives 404, like any address that does not exist.

Someone logged in (a consultant who opens a link from the outbox or a forwarded email) is not the
candidate: they see the page with a notice and without any action, and the actions (withdraw,
erasure, export, documents) refuse them, so nothing is done or logged in the candidate's name.
"""

from functools import wraps

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import path
from django.utils import timezone
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from candidates.models import Interview
from candidates.services.candidate_page import (
    application_from_link,
    application_request_erasure,
    application_withdraw,
    candidate_export,
    check_document,
)
from candidates.services.documents import document_open_for_candidate
from candidates.services.notifications import next_phase, phase_dates
from candidates.views.public import client_address


def candidate_link(view=None, *, action=True):
    """Resolve the signed link to its application (404 otherwise); keep the page private.
    An `action` is the candidate's alone: a logged-in user gets 403."""
    if view is None:
        return lambda view: candidate_link(view, action=action)

    @wraps(view)
    def wrapped(request, signed, *args, **kwargs):
        application = application_from_link(signed)
        if application is None:
            raise Http404
        if action and request.user.is_authenticated:
            raise PermissionDenied
        response = view(request, application, signed, *args, **kwargs)
        add_never_cache_headers(response)
        response["X-Robots-Tag"] = "noindex, nofollow"
        return response

    return wrapped


@require_http_methods(["GET"])
@candidate_link(action=False)
def status(request, application, signed):
    vacancy = application.vacancy
    phases = list(vacancy.phases.all())
    upcoming = next_phase(application)
    context = {
        "application": application,
        "candidate": application.candidate,
        "vacancy": vacancy,
        "signed": signed,
        "planning": [{"phase": phase, "dates": phase_dates(phase)} for phase in phases],
        "next_phase": upcoming,
        "next_phase_dates": phase_dates(upcoming) if upcoming else "",
        "today": timezone.localdate(),
        "documents": application.documents.all(),
        "contacts": vacancy.contacts.all(),
        # The interviews planned with the candidate (cancelled ones are announced by email).
        "interviews": application.interviews.filter(status=Interview.Status.PLANNED),
        # Someone logged in is looking: show, offer nothing (see the module's docstring).
        "staff_view": request.user.is_authenticated,
    }
    return render(request, "candidates/status.html", context)


@require_http_methods(["GET", "POST"])
@candidate_link
def withdraw(request, application, signed):
    if request.method == "POST":
        try:
            application_withdraw(application=application)
        except ValidationError:
            messages.error(
                request,
                _("Your application can no longer be withdrawn: the procedure has ended for you."),
            )
        else:
            messages.success(request, _("You have withdrawn your application."))
        return redirect("candidates:status", signed)
    if application.is_final:
        return redirect("candidates:status", signed)
    return render(
        request, "candidates/status_withdraw.html", {"application": application, "signed": signed}
    )


@require_http_methods(["GET", "POST"])
@candidate_link
def erasure(request, application, signed):
    if request.method == "POST":
        if application_request_erasure(application=application):
            messages.success(
                request,
                _("We have received your request to erase your data. We will contact you."),
            )
        else:
            messages.info(request, _("We had already received your request to erase your data."))
        return redirect("candidates:status", signed)
    return render(
        request, "candidates/status_erasure.html", {"application": application, "signed": signed}
    )


@require_http_methods(["GET"])
@candidate_link
def export(request, application, signed):
    content = candidate_export(application=application, ip_address=client_address(request))
    response = HttpResponse(content, content_type="application/zip")
    # Translators: the file name of a candidate's data export; keep it short, no spaces.
    filename = _("my-data-%(date)s.zip") % {"date": f"{timezone.localdate():%Y-%m-%d}"}
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@require_http_methods(["GET"])
@candidate_link
def document(request, application, signed, document_id):
    try:
        doc = check_document(application=application, document_id=document_id)
        handle = document_open_for_candidate(document=doc, ip_address=client_address(request))
    except (ValidationError, FileNotFoundError) as exc:
        raise Http404 from exc
    return FileResponse(
        handle, as_attachment=True, filename=doc.original_name, content_type="application/pdf"
    )


urlpatterns = [
    path("mijn-sollicitatie/<str:signed>/", status, name="status"),
    path("mijn-sollicitatie/<str:signed>/intrekken/", withdraw, name="status_withdraw"),
    path("mijn-sollicitatie/<str:signed>/verwijderen/", erasure, name="status_erasure"),
    path("mijn-sollicitatie/<str:signed>/gegevens.zip", export, name="status_export"),
    path(
        "mijn-sollicitatie/<str:signed>/documenten/<int:document_id>/",
        document,
        name="status_document",
    ),
]
