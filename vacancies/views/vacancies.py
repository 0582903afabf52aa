from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import path
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from .. import selectors, services
from ..access import recruiter_required
from ..forms import VacancyForm, save_with_formsets, vacancy_formsets
from ..models import Vacancy
from ..services.profile import profile_current, profile_record_change

PAGE_SIZE = 25


@recruiter_required
def vacancy_list(request):
    search = request.GET.get("q", "")
    status = request.GET.get("status", "")
    vacancies = selectors.vacancy_list(search=search, status=status)
    page = Paginator(vacancies, PAGE_SIZE).get_page(request.GET.get("page"))
    context = {
        "page": page,
        "search": search,
        "status": status if status in Vacancy.Status.values else "",
        "statuses": Vacancy.Status.choices,
    }
    if request.htmx:
        return render(request, "vacancies/_vacancy_table.html", context)
    return render(request, "vacancies/vacancy_list.html", context)


@recruiter_required
def vacancy_detail(request, pk):
    vacancy = selectors.vacancy_detail(pk=pk)
    wnt_ceiling = vacancy.wnt_ceiling()
    context = {
        "vacancy": vacancy,
        "profile": profile_current(vacancy),
        "members": list(vacancy.committee.all()),
        "transitions": [
            (status, Vacancy.Status(status).label) for status in selectors.allowed_statuses(vacancy)
        ],
        "wnt_ceiling": wnt_ceiling,
        "wnt_excess": vacancy.wnt_excess(wnt_ceiling),
    }
    return render(request, "vacancies/vacancy_detail.html", context)


def _vacancy_form(request, vacancy: Vacancy):
    """Create or edit a vacancy with its ordered lists: saved together in one transaction, or not
    at all."""
    data = request.POST if request.method == "POST" else None
    initial = {} if vacancy.pk else {"lead_consultant": request.user}
    form = VacancyForm(data, instance=vacancy, initial=initial)
    formsets = vacancy_formsets(data=data, instance=vacancy)
    if data is not None:
        created = vacancy.pk is None
        if saved := save_with_formsets(form, formsets):
            vacancy = saved
            profile_record_change(vacancy=vacancy, by=request.user)
            if created:
                messages.success(
                    request, _("Vacancy “%(title)s” created.") % {"title": vacancy.title}
                )
            else:
                messages.success(
                    request, _("Vacancy “%(title)s” saved.") % {"title": vacancy.title}
                )
            return redirect(vacancy)
        messages.error(request, _("Nothing was saved. Please correct the errors below."))
    return render(
        request,
        "vacancies/vacancy_form.html",
        {"form": form, "formsets": formsets, "vacancy": vacancy},
    )


@recruiter_required
def vacancy_create(request):
    return _vacancy_form(request, Vacancy())


@recruiter_required
def vacancy_edit(request, pk):
    return _vacancy_form(request, get_object_or_404(Vacancy, pk=pk))


@recruiter_required
@require_POST
def vacancy_status(request, pk):
    vacancy = get_object_or_404(Vacancy, pk=pk)
    status = request.POST.get("status", "")
    if status not in Vacancy.Status.values:
        messages.error(request, _("Unknown status."))
        return redirect(vacancy)
    try:
        vacancy = services.vacancy_set_status(vacancy=vacancy, status=status, by=request.user)
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
    else:
        messages.success(
            request,
            _("The vacancy is now %(status)s.") % {"status": vacancy.get_status_display().lower()},
        )
    return redirect(vacancy)


urlpatterns = [
    path("vacatures/", vacancy_list, name="vacancy_list"),
    path("vacatures/nieuw/", vacancy_create, name="vacancy_create"),
    path("vacatures/<int:pk>/", vacancy_detail, name="detail"),
    path("vacatures/<int:pk>/bewerken/", vacancy_edit, name="vacancy_edit"),
    path("vacatures/<int:pk>/status/", vacancy_status, name="vacancy_status"),
]
