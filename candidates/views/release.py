"""The recruiter releases an application to the selection committee, or withdraws the release
(from the candidate's page; both recorded, see `candidates.services.release`)."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from candidates.models import Application
from candidates.services.release import application_release, application_release_withdraw
from vacancies.access import recruiter_required


def _back(application: Application):
    url = reverse("candidates:candidate_detail", args=[application.candidate_id])
    return redirect(f"{url}#application-{application.pk}")


@recruiter_required
@require_POST
def release(request, pk):
    application = get_object_or_404(Application, pk=pk)
    try:
        application_release(application=application, by=request.user)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, _("The application is released to the committee."))
    return _back(application)


@recruiter_required
@require_POST
def release_withdraw(request, pk):
    application = get_object_or_404(Application, pk=pk)
    if application_release_withdraw(application=application, by=request.user) is None:
        messages.info(request, _("The application was not released to the committee."))
    else:
        messages.success(request, _("The committee no longer sees this application."))
    return _back(application)


urlpatterns = [
    path("kantoor/sollicitaties/<int:pk>/vrijgeven/", release, name="application_release"),
    path(
        "kantoor/sollicitaties/<int:pk>/vrijgave-intrekken/",
        release_withdraw,
        name="application_release_withdraw",
    ),
]
