"""The works council's advice (WOR article 30) of a vacancy: switch the step on or off, record
that the advice was asked, record the advice itself.

Plain forms: each POST names its `action`, then a redirect back to the page (or the page again
with the errors and everything typed).
"""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import path
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from ..access import recruiter_required
from ..forms_planning import add_service_errors
from ..forms_works_council import (
    WorksCouncilAdviceForm,
    WorksCouncilRequestForm,
    WorksCouncilRequiredForm,
)
from ..models import Vacancy, WorksCouncilAdvice
from ..services.works_council import (
    ENDED,
    works_council_record_advice,
    works_council_request,
    works_council_set_required,
)

TEMPLATE = "vacancies/works_council.html"


def _page(request, vacancy, *, request_form=None, advice_form=None, status=200):
    advice = WorksCouncilAdvice.objects.filter(vacancy=vacancy).first()
    context = {
        "vacancy": vacancy,
        "advice": advice,
        "ended": vacancy.status in ENDED,
        "request_form": request_form
        or WorksCouncilRequestForm(initial={"requested_on": advice and advice.requested_on}),
        "advice_form": advice_form
        or WorksCouncilAdviceForm(
            initial={
                "received_on": advice and advice.received_on,
                "content": advice.content if advice else "",
            }
        ),
    }
    return render(request, TEMPLATE, context, status=status)


def _switch(request, vacancy):
    form = WorksCouncilRequiredForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose whether the step is on or off."))
        return
    required = form.cleaned_data["required"]
    works_council_set_required(vacancy=vacancy, required=required, by=request.user)
    if required:
        messages.success(
            request,
            _("The works council's advice is part of this procedure: nobody can be appointed "
              "before it is recorded."),
        )  # fmt: skip
    else:
        messages.success(request, _("The works council's advice is no longer asked for."))


@recruiter_required
@require_http_methods(["GET", "POST"])
def works_council(request, pk):
    vacancy = get_object_or_404(Vacancy.objects.select_related("client"), pk=pk)
    if request.method == "GET":
        return _page(request, vacancy)
    action = request.POST.get("action")
    try:
        if action == "required":
            _switch(request, vacancy)
        elif action == "request":
            form = WorksCouncilRequestForm(request.POST)
            if not form.is_valid():
                return _page(request, vacancy, request_form=form, status=400)
            try:
                works_council_request(
                    vacancy=vacancy, on=form.cleaned_data["requested_on"], by=request.user
                )
            except ValidationError as error:
                add_service_errors(form, error)
                return _page(request, vacancy, request_form=form, status=400)
            messages.success(request, _("The date of the request is recorded."))
        elif action == "advice":
            form = WorksCouncilAdviceForm(request.POST)
            if not form.is_valid():
                return _page(request, vacancy, advice_form=form, status=400)
            try:
                works_council_record_advice(
                    vacancy=vacancy,
                    received_on=form.cleaned_data["received_on"],
                    content=form.cleaned_data["content"],
                    by=request.user,
                )
            except ValidationError as error:
                add_service_errors(form, error)
                return _page(request, vacancy, advice_form=form, status=400)
            messages.success(request, _("The works council's advice is recorded."))
        else:
            messages.error(request, _("Nothing was changed."))
    except ValidationError as error:
        # The procedure has ended in the meantime.
        messages.error(request, " ".join(error.messages))
    return redirect("vacancies:works_council", pk=vacancy.pk)


urlpatterns = [
    path("vacatures/<int:pk>/ondernemingsraad/", works_council, name="works_council"),
]
