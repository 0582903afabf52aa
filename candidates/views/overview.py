"""The confidential candidate overview (PDF) of a vacancy: ask for it, follow it being made,
download it.

Whoever may see the vacancy (`candidates.access.can_request_overview`: its committee while the
procedure runs, a recruiter) has an overview made for themselves; only that person downloads it
(`can_download_overview`); anyone else gets 404. The page shows the state of the overview of the
current content; with htmx its status part polls every second while the overview is being made,
without JavaScript the page refreshes itself. A recruiter also sees who had one made and who
downloaded one, and when. The work is `candidates.services.overview`.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import path
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_safe

from candidates import access
from candidates.models import CandidateOverview
from candidates.services import overview as services
from candidates.views.public import client_address
from vacancies.models import Vacancy


def _state(overview: CandidateOverview | None) -> str:
    """What the page offers: "none" (make it), "working" (progress), "done" (download),
    "failed" (make it again)."""
    if overview is None:
        return "none"
    if overview.status in (CandidateOverview.Status.PENDING, CandidateOverview.Status.RUNNING):
        return "working"
    if overview.status == CandidateOverview.Status.FAILED:
        return "failed"
    return "done" if overview.file else "none"


@login_required
@require_http_methods(["GET", "POST"])
@never_cache
def overview(request, pk):
    vacancy = get_object_or_404(Vacancy.objects.select_related("client"), pk=pk)
    if not access.can_request_overview(request.user, vacancy):
        raise Http404
    if request.method == "POST":
        try:
            services.overview_request(vacancy=vacancy, user=request.user)
        except services.OverviewError as error:
            messages.error(request, error.messages[0])
        return redirect("candidates:overview", pk=vacancy.pk)
    current, content = services.overview_current(vacancy=vacancy, user=request.user)
    recruiter = access.can_manage(request.user)
    context = {
        "vacancy": vacancy,
        "overview": current,
        "state": _state(current),
        "count": len(content["candidates"]),
        "made_for": content["made_for"],
        "sync_max": services.SYNC_MAX,
        "recruiter": recruiter,
    }
    if request.htmx:
        return render(request, "candidates/_overview_status.html", context)
    if recruiter:
        context["log"] = services.overview_access_log(vacancy=vacancy)
    return render(request, "candidates/overview.html", context)


@login_required
@require_safe
@never_cache
def overview_download(request, pk):
    """The PDF, to the person it was made for; each download logged."""
    overview = get_object_or_404(CandidateOverview.objects.select_related("vacancy__client"), pk=pk)
    if not access.can_download_overview(request.user, overview):
        raise Http404
    try:
        handle = services.overview_open(
            overview=overview, user=request.user, ip_address=client_address(request)
        )
    except FileNotFoundError as exc:
        raise Http404 from exc
    response = FileResponse(
        handle,
        as_attachment=True,
        filename=services.overview_filename(overview),
        content_type="application/pdf",
    )
    response["Cache-Control"] = "private, no-store"
    response["X-Content-Type-Options"] = "nosniff"
    return response


urlpatterns = [
    path("commissie/<int:pk>/kandidatenoverzicht/", overview, name="overview"),
    path(
        "commissie/kandidatenoverzicht/<int:pk>/",
        overview_download,
        name="overview_download",
    ),
]
