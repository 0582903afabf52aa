"""The consultant takes over (or sets aside) the details a candidate submitted with an
application, where they differ from the candidate's record (one click; logged as a note)."""

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect
from django.urls import path
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from candidates.models import Application
from candidates.services.applications import application_details_review
from vacancies.access import recruiter_required


@recruiter_required
@require_POST
def details_review(request, pk):
    application = get_object_or_404(Application, pk=pk)
    take_over = request.POST.get("action") == "take_over"
    changed = application_details_review(
        application=application, by=request.user, take_over=take_over
    )
    if take_over and changed:
        messages.success(request, _("The submitted details are now in the candidate's record."))
    elif not take_over:
        messages.info(request, _("The record stays as it was; the difference is noted."))
    return redirect("candidates:candidate_detail", application.candidate_id)


urlpatterns = [
    path(
        "kantoor/sollicitaties/<int:pk>/ingestuurde-gegevens/",
        details_review,
        name="application_details_review",
    ),
]
