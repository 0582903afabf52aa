"""Interviews: planning by the recruiter, calendar files, the members' schedule and the
candidate's answer.

Who may see an interview is `candidates.access`'s answer (interviews_visible_to,
can_view_interview); what may be planned is the service's (`candidates.services.interviews`).
"""

from collections import defaultdict

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import path
from django.utils import timezone, translation
from django.utils.cache import add_never_cache_headers
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from candidates import access
from candidates.forms_interviews import InterviewForm, InterviewResponseForm
from candidates.models import Interview
from candidates.services.calendar import (
    AMSTERDAM,
    Audience,
    Method,
    calendar_filename,
    interview_calendar,
)
from candidates.services.interviews import (
    interview_cancel as cancel_interview,
)
from candidates.services.interviews import (
    interview_change,
    interview_plan,
    interview_respond,
)
from candidates.views.candidate_page import candidate_link
from vacancies.access import recruiter_required
from vacancies.forms_planning import add_service_errors
from vacancies.models import Vacancy


def _interviews():
    return Interview.objects.select_related(
        "application__candidate",
        "application__vacancy__client",
        "application__vacancy__lead_consultant",
    ).prefetch_related("members__user")


def _ics_response(content: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = content_disposition_header(True, filename)
    response["X-Content-Type-Options"] = "nosniff"
    add_never_cache_headers(response)
    return response


# The recruiter ----------------------------------------------------------------------------


@recruiter_required
@require_GET
def interview_list(request, pk):
    vacancy = get_object_or_404(Vacancy.objects.select_related("client"), pk=pk)
    interviews = list(_interviews().filter(application__vacancy_id=vacancy.pk))
    now = timezone.now()
    return render(
        request,
        "candidates/interview_list.html",
        {
            "vacancy": vacancy,
            "upcoming": [
                i for i in interviews if i.status == Interview.Status.PLANNED and i.ends_at > now
            ],
            "past": [
                i for i in interviews if i.status == Interview.Status.PLANNED and i.ends_at <= now
            ],
            "cancelled": [i for i in interviews if i.status == Interview.Status.CANCELLED],
            "can_plan": vacancy.status not in access.ENDED,
        },
    )


def _form_page(request, *, vacancy, form, interview=None, status=200):
    return render(
        request,
        "candidates/interview_form.html",
        {"vacancy": vacancy, "form": form, "interview": interview},
        status=status,
    )


@recruiter_required
@require_http_methods(["GET", "POST"])
def interview_create(request, pk):
    vacancy = get_object_or_404(Vacancy.objects.select_related("client"), pk=pk)
    initial = {}
    if request.method == "GET" and request.GET.get("application", "").isdigit():
        initial["application"] = int(request.GET["application"])
    form = InterviewForm(request.POST or None, vacancy=vacancy, initial=initial)
    if request.method == "POST":
        if form.is_valid():
            data = form.cleaned_data
            try:
                interview = interview_plan(
                    application=data["application"],
                    starts_at=data["start"],
                    ends_at=data["end"],
                    place=data["place"],
                    video_url=data["video_url"],
                    members=data["members"],
                    by=request.user,
                )
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                messages.success(
                    request,
                    _(
                        "The interview with %(name)s is planned; the candidate and the members "
                        "get an invitation with a calendar file."
                    )
                    % {"name": interview.application.candidate.full_name},
                )
                return redirect("candidates:interview_list", vacancy.pk)
        return _form_page(request, vacancy=vacancy, form=form, status=400)
    return _form_page(request, vacancy=vacancy, form=form)


@recruiter_required
@require_http_methods(["GET", "POST"])
def interview_edit(request, pk):
    interview = get_object_or_404(_interviews(), pk=pk)
    vacancy = interview.application.vacancy
    form = InterviewForm(request.POST or None, vacancy=vacancy, interview=interview)
    if request.method == "POST":
        if form.is_valid():
            data = form.cleaned_data
            try:
                changed = interview_change(
                    interview=interview,
                    starts_at=data["start"],
                    ends_at=data["end"],
                    place=data["place"],
                    video_url=data["video_url"],
                    members=data["members"],
                    by=request.user,
                )
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                if changed.sequence == interview.sequence:
                    messages.info(request, _("Nothing was changed."))
                else:
                    messages.success(
                        request,
                        _(
                            "The interview is changed; everyone concerned gets the new details "
                            "with an updated calendar file."
                        ),
                    )
                return redirect("candidates:interview_list", vacancy.pk)
        return _form_page(request, vacancy=vacancy, form=form, interview=interview, status=400)
    return _form_page(request, vacancy=vacancy, form=form, interview=interview)


@recruiter_required
@require_POST
def interview_cancel(request, pk):
    interview = get_object_or_404(_interviews(), pk=pk)
    try:
        cancel_interview(interview=interview, by=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(
            request,
            _(
                "The interview with %(name)s is cancelled; the candidate and the members are "
                "told, and the entry is removed from their calendars."
            )
            % {"name": interview.application.candidate.full_name},
        )
    return redirect("candidates:interview_list", interview.application.vacancy_id)


# The committee ----------------------------------------------------------------------------


@login_required
@require_GET
@never_cache
def committee_schedule(request):
    """The user's upcoming interviews, by day (a recruiter sees all of them)."""
    interviews = (
        _interviews()
        .filter(pk__in=access.interviews_visible_to(request.user).values("pk"))
        .filter(status=Interview.Status.PLANNED, ends_at__gt=timezone.now())
        .order_by("starts_at", "pk")
    )
    days = defaultdict(list)
    for interview in interviews:
        days[interview.starts_at.astimezone(AMSTERDAM).date()].append(interview)
    return render(
        request,
        "candidates/committee_schedule.html",
        {"days": list(days.items()), "is_recruiter": access.can_manage(request.user)},
    )


@login_required
@require_GET
def interview_ics(request, pk):
    interview = get_object_or_404(_interviews(), pk=pk)
    if not access.can_view_interview(request.user, interview):
        raise Http404
    user = request.user
    with translation.override(getattr(user, "language", None) or translation.get_language()):
        content = interview_calendar(interview, audience=Audience.MEMBER, method=Method.PUBLISH)
        filename = calendar_filename(interview)
    return _ics_response(content, filename)


# The candidate (their private link) -------------------------------------------------------


def _candidate_interview(application, interview_pk) -> Interview:
    return get_object_or_404(_interviews().filter(application_id=application.pk), pk=interview_pk)


@require_http_methods(["GET", "POST"])
@candidate_link
def status_interview(request, application, signed, interview_pk):
    interview = _candidate_interview(application, interview_pk)
    can_answer = (
        interview.status == Interview.Status.PLANNED
        and interview.starts_at > timezone.now()
        and not application.is_final
    )
    form = InterviewResponseForm(request.POST or None)
    status = 200
    if request.method == "POST":
        status = 400
        if form.is_valid():
            try:
                interview_respond(
                    interview=interview,
                    response=form.cleaned_data["response"],
                    note=form.cleaned_data["note"],
                )
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                if form.cleaned_data["response"] == Interview.Response.CONFIRMED:
                    messages.success(request, _("Thank you: you confirmed the interview."))
                else:
                    messages.success(
                        request,
                        _("Thank you: we will contact you to find another time."),
                    )
                return redirect("candidates:status", signed)
    return render(
        request,
        "candidates/status_interview.html",
        {
            "application": application,
            "interview": interview,
            "signed": signed,
            "form": form,
            "can_answer": can_answer,
        },
        status=status,
    )


@require_GET
@candidate_link
def status_interview_ics(request, application, signed, interview_pk):
    interview = _candidate_interview(application, interview_pk)
    with translation.override(application.candidate.language):
        content = interview_calendar(interview, audience=Audience.CANDIDATE, method=Method.PUBLISH)
        filename = calendar_filename(interview)
    return _ics_response(content, filename)


urlpatterns = [
    path("commissie/agenda/", committee_schedule, name="committee_schedule"),
    path("commissie/gesprekken/<int:pk>/agenda.ics", interview_ics, name="interview_ics"),
    path("kantoor/vacatures/<int:pk>/gesprekken/", interview_list, name="interview_list"),
    path("kantoor/vacatures/<int:pk>/gesprekken/nieuw/", interview_create, name="interview_create"),
    path("kantoor/gesprekken/<int:pk>/", interview_edit, name="interview_edit"),
    path("kantoor/gesprekken/<int:pk>/annuleren/", interview_cancel, name="interview_cancel"),
    path(
        "mijn-sollicitatie/<str:signed>/gesprekken/<int:interview_pk>/",
        status_interview,
        name="status_interview",
    ),
    path(
        "mijn-sollicitatie/<str:signed>/gesprekken/<int:interview_pk>/agenda.ics",
        status_interview_ics,
        name="status_interview_ics",
    ),
]
