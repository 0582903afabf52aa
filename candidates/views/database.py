"""The candidate database: the searchable list of every candidate, and notes on a candidate."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from candidates.forms_search import CandidateFilterForm, NoteForm
from candidates.models import Application, Candidate
from candidates.selectors.search import candidate_search_page
from candidates.services.notes import note_add as note_add_service
from candidates.views.backoffice import candidate_detail_render
from vacancies.access import recruiter_required
from vacancies.models import Vacancy


@recruiter_required
def candidate_list(request):
    """Every candidate, newest first, searchable over names, contact data, notes and CV text and
    filterable by vacancy, stage, source, consent and date. With htmx only the table is sent."""
    vacancies = list(
        Vacancy.objects.select_related("client")
        .only("title", "closing_date", "client__name", "client__short_name")
        .order_by("-closing_date", "title")
    )
    form = CandidateFilterForm(request.GET, vacancies=vacancies)
    form.is_valid()
    filters = form.filters()
    page = candidate_search_page(number=request.GET.get("page", 1), **filters)
    context = {
        "form": form,
        "page": page,
        "search": filters["query"],
        "filtered": any(value not in ("", None) for value in filters.values()),
    }
    if request.htmx:
        return render(request, "candidates/_candidate_table.html", context)
    return render(request, "candidates/candidate_list.html", context)


@recruiter_required
@require_POST
def note_add(request, pk):
    """Add a note to the candidate (or to one of their applications) and go back to their page;
    a note that cannot be added is shown again with the reason."""
    candidate = get_object_or_404(Candidate.objects.defer("search_text"), pk=pk)
    applications = Application.objects.filter(candidate=candidate).select_related("vacancy")
    form = NoteForm(request.POST, applications=applications)
    if form.is_valid():
        try:
            note_add_service(
                candidate=candidate,
                author=request.user,
                text=form.cleaned_data["text"],
                visibility=form.cleaned_data["visibility"],
                application=form.cleaned_data["application"],
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("The note was added."))
            url = reverse("candidates:candidate_detail", args=[candidate.pk])
            return redirect(f"{url}#notes")
    return candidate_detail_render(request, candidate.pk, note_form=form, status=400)


urlpatterns = [
    path("kantoor/kandidaten/", candidate_list, name="candidate_list"),
    path("kantoor/kandidaten/<int:pk>/notities/", note_add, name="note_add"),
]
