"""The recruiter's candidate pages."""

from django.core.paginator import Paginator
from django.shortcuts import render
from django.urls import path

from candidates import selectors
from candidates.models import Application
from vacancies.access import recruiter_required
from vacancies.models import Vacancy

PAGE_SIZE = 50


@recruiter_required
def application_list(request):
    """Every application, searchable by the candidate and filterable by vacancy and stage."""
    search = request.GET.get("q", "").strip()[:200]
    stage = request.GET.get("stage", "")
    stage = stage if stage in Application.Stage.values else ""
    try:
        vacancy_id = int(request.GET.get("vacancy") or 0) or None
    except ValueError:
        vacancy_id = None
    applications = selectors.application_list(search=search, vacancy_id=vacancy_id, stage=stage)
    context = {
        "page": Paginator(applications, PAGE_SIZE).get_page(request.GET.get("page")),
        "search": search,
        "stage": stage,
        "vacancy_id": vacancy_id,
        "stages": Application.Stage.choices,
        "vacancies": Vacancy.objects.select_related("client").order_by("-closing_date", "title"),
    }
    if request.htmx:
        return render(request, "candidates/_application_table.html", context)
    return render(request, "candidates/application_list.html", context)


@recruiter_required
def candidate_detail(request, pk):
    candidate = selectors.candidate_detail_get(pk=pk)
    return render(
        request,
        "candidates/candidate_detail.html",
        {
            "candidate": candidate,
            "applications": candidate.applications.all(),
            "accesses": selectors.document_accesses_for_candidate(candidate=candidate),
        },
    )


urlpatterns = [
    path("kantoor/sollicitaties/", application_list, name="application_list"),
    path("kantoor/kandidaten/<int:pk>/", candidate_detail, name="candidate_detail"),
]
