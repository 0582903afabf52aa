"""The recruiter's dashboard: the open vacancies they lead with their applications per stage, and
the planning dates coming up."""

from django.shortcuts import render
from django.urls import path

from vacancies.access import recruiter_required
from vacancies.selectors import upcoming_phases

from ..selectors.office import coming_deadlines, my_assignments
from ..selectors.retention import erasure_panel

PLANNING_DAYS = 60


@recruiter_required
def dashboard(request):
    context = {
        "assignments": my_assignments(user=request.user),
        "phases": list(upcoming_phases(user=request.user, days=PLANNING_DAYS)),
        "planning_days": PLANNING_DAYS,
        # Filled by the reminders and retention work (candidates.selectors.office).
        "deadlines": coming_deadlines(user=request.user),
        "erasures": erasure_panel(),
    }
    return render(request, "candidates/dashboard.html", context)


urlpatterns = [
    path("kantoor/", dashboard, name="dashboard"),
]
