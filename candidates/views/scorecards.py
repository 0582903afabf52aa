"""Scorecards, conflicts of interest and the matrix of scores.

A committee member scores a released candidate (drafts, then one submission) and only then
sees the others' scores; a member declares a conflict of interest with a candidate; the chair
and the recruiter see the matrix. Who may do what is `candidates.access`; the writes are
`candidates.services.scorecards`.
"""

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import path
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from candidates import access
from candidates.forms_scorecards import ConflictForm, ScorecardForm
from candidates.models import Application, ConflictOfInterest, Scorecard
from candidates.selectors import scores as selectors
from candidates.services import scorecards as services
from vacancies.models import Vacancy


def _application(pk) -> Application:
    return get_object_or_404(
        Application.objects.select_related("vacancy__client", "candidate"), pk=pk
    )


@require_http_methods(["GET", "POST"])
def scorecard(request, pk):
    """The member's scorecard of a released candidate: a form while it is a draft, read-only
    once submitted; the others' scores appear once the member may see them."""
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    application = _application(pk)
    if not access.can_score(request.user, application):
        raise Http404
    member = access.seat(request.user, application.vacancy)
    see_scores = access.can_see_scores(request.user, application)
    page = selectors.scorecard_page(member=member, application=application, with_others=see_scores)
    submitted = page.own is not None and page.own.is_submitted
    form = None
    status = 200
    if not submitted:
        form = ScorecardForm(
            request.POST or None,
            requirements=page.requirements,
            scorecard=page.own,
            scores=page.own_scores,
        )
    if request.method == "POST":
        if submitted:
            messages.error(
                request, _("You have submitted this scorecard: it can no longer be changed.")
            )
            return redirect("candidates:scorecard", pk=application.pk)
        status = 400
        if form.is_valid():
            try:
                services.scorecard_save(
                    member=member,
                    application=application,
                    scores=form.scores(),
                    recommendation=form.cleaned_data["recommendation"],
                    comments=form.cleaned_data["comments"],
                    submit=form.submitting,
                )
            except services.IncompleteScorecard as error:
                for requirement_id in error.missing:
                    form.add_error(
                        form.score_field_name(requirement_id),
                        _("Give a score from 1 to 5."),
                    )
                if error.recommendation_missing:
                    form.add_error("recommendation", _("Choose a recommendation."))
                form.add_error(None, error)
            except ValidationError as error:
                if error.code == "submitted":
                    messages.error(request, " ".join(error.messages))
                    return redirect("candidates:scorecard", pk=application.pk)
                form.add_error(None, error)
            else:
                if form.submitting:
                    messages.success(
                        request,
                        _("Your scorecard is submitted. You now see the other members' scores."),
                    )
                else:
                    messages.success(request, _("Your draft is saved. You can change it later."))
                return redirect("candidates:scorecard", pk=application.pk)
    return render(
        request,
        "candidates/scorecard.html",
        {
            "application": application,
            "vacancy": application.vacancy,
            "member": member,
            "page": page,
            "submitted": submitted,
            "see_scores": see_scores,
            "form": form,
        },
        status=status,
    )


@require_http_methods(["GET", "POST"])
def conflict_declare(request, pk):
    """Declare a conflict of interest with a released candidate; once declared, the page shows
    the declaration (it cannot be withdrawn)."""
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    application = _application(pk)
    if not access.can_declare_conflict(request.user, application):
        raise Http404
    member = access.seat(request.user, application.vacancy)
    declaration = ConflictOfInterest.objects.filter(
        member_id=member.pk, application_id=application.pk
    ).first()
    form = None
    status = 200
    if declaration is None:
        form = ConflictForm(request.POST or None)
        if request.method == "POST":
            status = 400
            if form.is_valid():
                try:
                    services.conflict_declare(
                        member=member,
                        application=application,
                        explanation=form.cleaned_data["explanation"],
                    )
                except ValidationError as error:
                    form.add_error(None, error)
                else:
                    messages.success(
                        request,
                        _(
                            "Your conflict of interest is recorded. You no longer score this "
                            "candidate."
                        ),
                    )
                    return redirect("candidates:conflict_declare", pk=application.pk)
    elif request.method == "POST":
        messages.info(
            request, _("You already declared a conflict of interest with this candidate.")
        )
        return redirect("candidates:conflict_declare", pk=application.pk)
    scorecard = member.scorecards.filter(application_id=application.pk).first()
    return render(
        request,
        "candidates/conflict_declare.html",
        {
            "application": application,
            "vacancy": application.vacancy,
            "member": member,
            "declaration": declaration,
            "scorecard": scorecard,
            "form": form,
        },
        status=status,
    )


def score_matrix(request, pk):
    """The matrix of a vacancy's scores, for the recruiter and the chair."""
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    vacancy = get_object_or_404(Vacancy.objects.select_related("client"), pk=pk)
    if not access.can_view_matrix(request.user, vacancy):
        raise Http404
    recruiter = access.can_manage(request.user)
    viewer = None if recruiter else access.seat(request.user, vacancy)
    matrix = selectors.score_matrix(
        vacancy=vacancy,
        visible=access.applications_visible_to(request.user, vacancy),
        viewer=viewer,
    )
    return render(
        request,
        "candidates/score_matrix.html",
        {
            "vacancy": vacancy,
            "matrix": matrix,
            "recruiter": recruiter,
            "recommendation_choices": Scorecard.Recommendation.choices,
        },
    )


urlpatterns = [
    path("commissie/kandidaten/<int:pk>/scorekaart/", scorecard, name="scorecard"),
    path(
        "commissie/kandidaten/<int:pk>/belangenverstrengeling/",
        conflict_declare,
        name="conflict_declare",
    ),
    path("commissie/<int:pk>/scores/", score_matrix, name="score_matrix"),
]
