"""The committee portal: my committees, a vacancy's shortlist, a released candidate.

A member sees the running procedures they sit on and, of each, only the candidates released to
the committee (`candidates.access`); anything else answers 404. A recruiter is sent from "my
committees" to the back office, but may open the other two pages as a preview of what the
committee sees (without scoring).
"""

from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import path
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from candidates import access
from candidates.selectors.portal import (
    application_for_portal,
    committee_application_page,
    committee_cards,
    committee_vacancy_page,
    vacancy_for_portal,
)


@login_required
@require_safe
@never_cache
def committee_home(request):
    """My committees: per running procedure the planning with the next date, my progress with
    the released candidates and my upcoming interviews."""
    if access.can_manage(request.user):
        return redirect("candidates:dashboard")
    return render(request, "candidates/portal_home.html", {"cards": committee_cards(request.user)})


@login_required
@require_safe
@never_cache
def committee_vacancy(request, pk):
    vacancy = vacancy_for_portal(pk=pk)
    if not access.can_view_vacancy(request.user, vacancy):
        raise Http404
    page = committee_vacancy_page(user=request.user, vacancy=vacancy)
    return render(request, "candidates/portal_vacancy.html", {"page": page})


@login_required
@require_safe
@never_cache
def committee_application(request, pk):
    application = application_for_portal(pk=pk)
    if not access.can_view_application(request.user, application):
        raise Http404
    page = committee_application_page(user=request.user, application=application)
    return render(request, "candidates/portal_application.html", {"page": page})


urlpatterns = [
    path("commissie/", committee_home, name="committee_home"),
    path("commissie/<int:pk>/", committee_vacancy, name="committee_vacancy"),
    path("commissie/kandidaten/<int:pk>/", committee_application, name="committee_application"),
]
