"""The recruiter's candidate pages."""

from django.core.paginator import Paginator
from django.shortcuts import render
from django.urls import path

from candidates import selectors
from candidates.forms_search import NoteForm
from candidates.models import Application, EmailTemplate
from recruitment.lib.params import id_param
from vacancies.access import recruiter_required
from vacancies.models import Vacancy

PAGE_SIZE = 50


@recruiter_required
def application_list(request):
    """Every application, searchable by the candidate and filterable by vacancy and stage."""
    search = request.GET.get("q", "").strip()[:200]
    stage = request.GET.get("stage", "")
    stage = stage if stage in Application.Stage.values else ""
    vacancy_id = id_param(request.GET.get("vacancy"))  # not an id (or too large): ignored
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


def candidate_detail_render(request, pk, *, note_form=None, status=200):
    """The candidate's page; `note_form` is a note form with errors to show again."""
    candidate = selectors.candidate_detail_get(pk=pk)
    applications = candidate.applications.all()
    emails = sorted(
        (email for application in applications for email in application.emails.all()),
        key=lambda email: (email.created_at, email.pk),
        reverse=True,
    )
    kinds = dict(EmailTemplate.Kind.choices)
    for email in emails:
        email.kind_label = kinds.get(email.kind, email.kind)
    return render(
        request,
        "candidates/candidate_detail.html",
        {
            "candidate": candidate,
            "applications": applications,
            "notes": candidate.notes.all(),
            "merges": candidate.merges.all(),
            "emails": emails,
            "note_form": note_form or NoteForm(applications=applications),
            "accesses": selectors.document_accesses_for_candidate(candidate=candidate),
        },
        status=status,
    )


@recruiter_required
def candidate_detail(request, pk):
    """Everything about one candidate: data, applications with their stage history, documents
    (and whether their text was read), notes, emails sent, and who opened the documents."""
    return candidate_detail_render(request, pk)


urlpatterns = [
    path("kantoor/sollicitaties/", application_list, name="application_list"),
    path("kantoor/kandidaten/<int:pk>/", candidate_detail, name="candidate_detail"),
]
