from django.shortcuts import get_object_or_404, render
from django.urls import path

from vacancies.models import Vacancy


def vacancy_list(request):
    vacancies = Vacancy.objects.filter(status=Vacancy.Status.PUBLISHED).select_related("client")
    return render(request, "candidates/vacancy_list.html", {"vacancies": vacancies})


def vacancy_detail(request, reference):
    vacancy = get_object_or_404(Vacancy, reference=reference, status=Vacancy.Status.PUBLISHED)
    return render(request, "candidates/vacancy_detail.html", {"vacancy": vacancy})


urlpatterns = [
    path("", vacancy_list, name="vacancy_list"),
    path("vacatures/<slug:reference>/", vacancy_detail, name="vacancy"),
]
