"""The planning editor of one vacancy.

Every action works as a plain POST followed by a redirect; with htmx (progressive enhancement) the
same URLs return the changed fragment instead: a row, a row form, or the whole editor.
"""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import path
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from .. import services
from ..access import recruiter_required
from ..forms_planning import PhaseForm, PhaseMoveForm, PlanningGenerateForm, add_service_errors
from ..models import PlanningPhase, Vacancy
from ..services.profile import profile_record_change

TEMPLATE = "vacancies/planning.html"


def _vacancy(pk) -> Vacancy:
    return get_object_or_404(Vacancy.objects.select_related("client"), pk=pk)


def _phase(vacancy, phase_pk) -> PlanningPhase:
    return get_object_or_404(PlanningPhase, pk=phase_pk, vacancy=vacancy)


def _row_form(phase, data=None) -> PhaseForm:
    return PhaseForm(data, instance=phase, auto_id=f"id_phase{phase.pk}_%s")


def _add_form(data=None) -> PhaseForm:
    return PhaseForm(data, prefix="new")


def _editor_context(vacancy, add_form=None) -> dict:
    return {
        "vacancy": vacancy,
        "phases": list(vacancy.phases.all()),
        "add_form": add_form or _add_form(),
    }


def _to_planning(vacancy):
    return redirect("vacancies:planning", pk=vacancy.pk)


@recruiter_required
@require_GET
def planning(request, pk):
    vacancy = _vacancy(pk)
    context = _editor_context(vacancy)
    context["generate_form"] = PlanningGenerateForm()
    return render(request, TEMPLATE, context)


@recruiter_required
@require_POST
def planning_generate(request, pk):
    vacancy = _vacancy(pk)
    form = PlanningGenerateForm(request.POST)
    replace = form.is_valid() and form.cleaned_data["replace"]
    try:
        services.planning_generate(vacancy=vacancy, replace=replace)
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
    else:
        profile_record_change(vacancy=vacancy, by=request.user)
        messages.success(request, _("The default planning has been generated."))
    return _to_planning(vacancy)


@recruiter_required
@require_http_methods(["GET", "POST"])
def phase_create(request, pk):
    vacancy = _vacancy(pk)
    form = _add_form(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            services.phase_create(vacancy=vacancy, **form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            profile_record_change(vacancy=vacancy, by=request.user)
            if request.htmx:
                return render(request, f"{TEMPLATE}#editor", _editor_context(vacancy))
            messages.success(request, _("The phase has been added."))
            return _to_planning(vacancy)
    if request.htmx:
        return render(request, f"{TEMPLATE}#editor", _editor_context(vacancy, add_form=form))
    context = _editor_context(vacancy, add_form=form)
    context["generate_form"] = PlanningGenerateForm()
    return render(request, TEMPLATE, context)


@recruiter_required
@require_GET
def phase_row(request, pk, phase_pk):
    vacancy = _vacancy(pk)
    phase = _phase(vacancy, phase_pk)
    if not request.htmx:
        return _to_planning(vacancy)
    return render(request, f"{TEMPLATE}#phase-row", {"vacancy": vacancy, "phase": phase})


@recruiter_required
@require_http_methods(["GET", "POST"])
def phase_edit(request, pk, phase_pk):
    vacancy = _vacancy(pk)
    phase = _phase(vacancy, phase_pk)
    form = _row_form(phase, request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            # The form has already put the cleaned values on the instance.
            phase = services.phase_update(phase=phase, **form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            profile_record_change(vacancy=vacancy, by=request.user)
            if request.htmx:
                return render(
                    request, f"{TEMPLATE}#phase-row", {"vacancy": vacancy, "phase": phase}
                )
            messages.success(request, _("The phase has been saved."))
            return _to_planning(vacancy)
    context = {"vacancy": vacancy, "phase": phase, "form": form}
    if request.htmx:
        return render(request, f"{TEMPLATE}#phase-form-row", context)
    return render(request, "vacancies/planning_phase_form.html", context)


@recruiter_required
@require_POST
def phase_delete(request, pk, phase_pk):
    vacancy = _vacancy(pk)
    phase = _phase(vacancy, phase_pk)
    services.phase_delete(phase=phase)
    profile_record_change(vacancy=vacancy, by=request.user)
    if request.htmx:
        return render(request, f"{TEMPLATE}#editor", _editor_context(vacancy))
    messages.success(request, _("The phase has been deleted."))
    return _to_planning(vacancy)


@recruiter_required
@require_POST
def phase_move(request, pk, phase_pk):
    vacancy = _vacancy(pk)
    phase = _phase(vacancy, phase_pk)
    form = PhaseMoveForm(request.POST)
    if not form.is_valid():
        return HttpResponse(status=400)
    services.phase_move(phase=phase, direction=form.cleaned_data["direction"])
    profile_record_change(vacancy=vacancy, by=request.user)
    if request.htmx:
        return render(request, f"{TEMPLATE}#editor", _editor_context(vacancy))
    return _to_planning(vacancy)


urlpatterns = [
    path("vacatures/<int:pk>/planning/", planning, name="planning"),
    path("vacatures/<int:pk>/planning/genereren/", planning_generate, name="planning_generate"),
    path("vacatures/<int:pk>/planning/fasen/nieuw/", phase_create, name="phase_create"),
    path("vacatures/<int:pk>/planning/fasen/<int:phase_pk>/", phase_row, name="phase_row"),
    path(
        "vacatures/<int:pk>/planning/fasen/<int:phase_pk>/wijzigen/", phase_edit, name="phase_edit"
    ),
    path(
        "vacatures/<int:pk>/planning/fasen/<int:phase_pk>/verwijderen/",
        phase_delete,
        name="phase_delete",
    ),
    path(
        "vacatures/<int:pk>/planning/fasen/<int:phase_pk>/verplaatsen/",
        phase_move,
        name="phase_move",
    ),
]
