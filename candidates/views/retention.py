"""Postponing an erasure (the recruiter back office): the page shows when the application's data
is erased and the postponements made so far; the form sets a later date, with a reason. A plain
form: a valid POST ends in a redirect to the dashboard, an invalid one shows the page again with
the errors and everything typed."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import path
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from candidates import access
from candidates.forms_emails import add_service_errors
from candidates.forms_retention import ErasurePostponeForm
from candidates.models import Application
from candidates.services.retention import erasure_plan, erasure_postpone
from vacancies.access import recruiter_required
from vacancies.templatetags.formatting import longdate


@recruiter_required
@require_http_methods(["GET", "POST"])
def postpone(request, pk):
    if not access.can_manage(request.user):
        raise Http404
    application = get_object_or_404(
        Application.objects.select_related("candidate", "vacancy__client"), pk=pk
    )
    postponements = list(application.postponements.select_related("by").order_by("-at", "-pk"))
    day, cause = erasure_plan(
        stage=application.stage,
        consent=application.consent_talent_pool,
        requested_at=application.erasure_requested_at,
        ended_at=application.vacancy.ended_at,
        postponed_until=postponements[0].until if postponements else None,
    )
    if application.erased_at is not None:
        day = cause = None
    form = ErasurePostponeForm(request.POST if request.method == "POST" else None)
    status = 200
    if request.method == "POST":
        status = 400
        if form.is_valid():
            try:
                done = erasure_postpone(
                    application=application,
                    until=form.cleaned_data["until"],
                    reason=form.cleaned_data["reason"],
                    by=request.user,
                )
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                messages.success(
                    request,
                    _("The data of %(name)s is now kept until %(date)s.")
                    % {"name": application.candidate.full_name, "date": longdate(done.until)},
                )
                return redirect("candidates:dashboard")
    context = {
        "application": application,
        "candidate": application.candidate,
        "vacancy": application.vacancy,
        "erase_on": day,
        "cause": cause,
        "postponements": postponements,
        "form": form,
    }
    return render(request, "candidates/erasure_postpone.html", context, status=status)


urlpatterns = [
    path("kantoor/verwijderingen/<int:pk>/uitstellen/", postpone, name="erasure_postpone"),
]
