from django.shortcuts import render
from django.urls import path

from .. import selectors
from ..access import recruiter_required

PLANNING_DAYS = 60


@recruiter_required
def dashboard(request):
    context = {
        "assignments": selectors.my_assignments(user=request.user),
        "phases": list(selectors.upcoming_phases(user=request.user, days=PLANNING_DAYS)),
        "planning_days": PLANNING_DAYS,
    }
    return render(request, "vacancies/dashboard.html", context)


urlpatterns = [
    path("", dashboard, name="dashboard"),
]
