"""The recruiter's candidate pages."""

from django.shortcuts import render
from django.urls import path

from candidates.selectors import candidate_detail_get, document_accesses_for_candidate
from vacancies.access import recruiter_required


@recruiter_required
def candidate_detail(request, pk):
    candidate = candidate_detail_get(pk=pk)
    return render(
        request,
        "candidates/candidate_detail.html",
        {
            "candidate": candidate,
            "applications": candidate.applications.all(),
            "accesses": document_accesses_for_candidate(candidate=candidate),
        },
    )


urlpatterns = [
    path("kantoor/kandidaten/<int:pk>/", candidate_detail, name="candidate_detail"),
]
