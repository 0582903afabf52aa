"""The profile's versions and its PDF, in the back office.

Every publication of a vacancy, and every change to the profile of a published one, is a version
(vacancies.services.profile); old versions stay readable here and as PDF.
"""

from django.shortcuts import get_object_or_404, render
from django.urls import path

from recruitment.lib.params import id_param
from recruitment.lib.pdf import pdf_response

from ..access import recruiter_required
from ..models import ProfileVersion, Vacancy
from ..services import profile as profiles


def _vacancy(pk) -> Vacancy:
    return get_object_or_404(Vacancy.objects.select_related("client"), pk=pk)


def _version(vacancy: Vacancy, number) -> ProfileVersion:
    return get_object_or_404(
        ProfileVersion.objects.select_related("published_by"), vacancy=vacancy, number=number
    )


@recruiter_required
def profile_versions(request, pk):
    vacancy = _vacancy(pk)
    return render(
        request,
        "vacancies/profile_versions.html",
        {"vacancy": vacancy, "versions": list(profiles.profile_versions(vacancy))},
    )


@recruiter_required
def profile_version(request, pk, number):
    vacancy = _vacancy(pk)
    version = _version(vacancy, number)
    latest = vacancy.profile_versions.order_by("-number").values_list("number", flat=True).first()
    return render(
        request,
        "vacancies/profile_version.html",
        {
            "vacancy": vacancy,
            "version": version,
            "is_latest": version.number == latest,
            "profile": profiles.profile_display(version.content, label=version.label),
        },
    )


@recruiter_required
def profile_pdf(request, pk):
    """The profile as it is now; with ?version=N, that recorded version."""
    number = id_param(request.GET.get("version"))
    if number is not None:
        vacancy = _vacancy(pk)
        version = _version(vacancy, number)
        profile = profiles.profile_display(version.content, label=version.label)
    else:
        vacancy = get_object_or_404(profiles.with_profile_rows(Vacancy.objects), pk=pk)
        profile = profiles.profile_current(vacancy)
    pdf = profiles.profile_pdf(profile=profile)
    return pdf_response(pdf, profiles.profile_pdf_filename(vacancy, profile))


urlpatterns = [
    path("vacatures/<int:pk>/profiel/versies/", profile_versions, name="profile_versions"),
    path(
        "vacatures/<int:pk>/profiel/versies/<int:number>/",
        profile_version,
        name="profile_version",
    ),
    path("vacatures/<int:pk>/profiel.pdf", profile_pdf, name="profile_pdf"),
]
