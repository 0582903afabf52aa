"""The board of a vacancy: its applications in a column per stage, moved by a menu on each card,
by drag and drop (static/js/board.js) or in bulk. Every move goes through
`candidates.services.stages.application_move` and works without JavaScript (plain forms,
POST-redirect-GET with messages); with htmx the board comes back re-rendered from the database,
so a refused move or a lost race puts the card back in its real column."""

import functools
import html
from decimal import ROUND_HALF_UP, Decimal
from urllib.parse import urlencode

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.middleware.csrf import get_token
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.urls import path, reverse
from django.utils.formats import number_format
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.safestring import mark_safe
from django.utils.translation import get_language, ngettext, pgettext
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST
from django_htmx.http import HttpResponseClientRedirect

from candidates.models import Application
from candidates.selectors import board as selectors
from candidates.selectors.board import Card
from candidates.services.stages import StaleMove, applications_move
from candidates.services.stages import application_move as move_service
from vacancies.access import recruiter_required

Stage = Application.Stage

REASON_MAX_LENGTH = 2000
# At most this many applications in one bulk move.
BULK_MAX = 500


def _targets(stage: str) -> list[tuple[str, str]]:
    """The stages an application in `stage` may move to, in the order of the stages."""
    probe = Application(stage=stage)
    return [(value, label) for value, label in Stage.choices if probe.can_move_to(value)]


@functools.cache
def _move_buttons(language: str) -> dict[str, str]:
    """The buttons of a card's move menu per stage, in `language` (the active language): they
    depend on the stage only, so they are rendered once per process."""
    return {
        stage: render_to_string("candidates/_board_move_buttons.html", {"targets": _targets(stage)})
        for stage in Stage.values
    }


def _url_parts(name: str) -> tuple[str, str]:
    """(before, after) the number in the URL `name` takes, escaped: a card's URL is
    before + pk + after (reversed once, not for each of up to 175 cards)."""
    marker = "2147483647"
    before, after = reverse(name, args=[int(marker)]).split(marker)
    return _e(before), _e(after)


# One card of the board (also used on a column's own pages). Rendered in Python, not with a
# template: a board shows up to 175 cards, and the template engine's cost per card would make
# the board's time grow with the cards it shows. Every text is escaped (`_e`, once per distinct
# value where values repeat); the markup around it is built here.
CARD_HTML = (
    '<li class="board-card card" id="card-{pk}" data-stage="{stage}" data-source="{source}">'
    '<div class="card-body"><div class="board-card-head">'
    '<input class="form-check-input" type="checkbox" name="selected" value="{pk}:{stage}"'
    ' form="bulk-form" aria-label="{select}">'
    '<a class="board-card-name" href="{detail_url}">{name}</a></div>'
    "{job}"
    '<p class="board-card-meta">{meta}'
    ' · <span class="board-card-days">{days}</span>'
    ' · <span class="board-card-score">{score}</span></p>'
    '<details class="board-menu"><summary>{move}</summary>'
    '<form method="post" action="{move_url}" class="board-menu-items"{hx}>'
    '<input type="hidden" name="csrfmiddlewaretoken" value="{csrf}">{form}</form>'
    "</details></div></li>"
)


def _e(value) -> str:
    """HTML-escaped text (what Django's `escape` does, without its lazy-string wrapper)."""
    return html.escape(str(value), quote=True)


class CardRenderer:
    """Renders cards: what is the same for many cards is worked out once."""

    def __init__(self, request, *, on_board: bool, here: str = ""):
        self.csrf = _e(get_token(request))
        self.detail_url = _url_parts("candidates:candidate_detail")
        self.move_url = _url_parts("candidates:application_move")
        self.buttons = _move_buttons(get_language())
        self.on_board = on_board
        self.next = f'<input type="hidden" name="next" value="{_e(here)}">' if here else ""
        self.source_labels = {value: str(label) for value, label in Application.Source.choices}
        self.outreach_labels = {
            value: str(label).lower() for value, label in Application.Outreach.choices
        }
        self.sourced_badge = (
            f'<span class="badge text-bg-light border">{_e(Stage.SOURCED.label)}</span> '
        )
        self.select = _e(_("Select %(name)s")).split("%(name)s", 1)
        if len(self.select) != 2:  # a translation without the name
            self.select = [self.select[0] + " ", ""]
        self.move = _e(pgettext("board", "Move"))
        self.score_label = str(_("Score"))
        self.texts: dict[str, str] = {}
        self.metas: dict[tuple, str] = {}
        self.forms: dict[str, str] = {}
        self.days: dict[int, str] = {}
        self.scores: dict = {}

    def text(self, value: str) -> str:
        """`value` escaped, for the values that repeat (stages, sources)."""
        if value not in self.texts:
            self.texts[value] = _e(value)
        return self.texts[value]

    def meta(self, stage: str, source: str, outreach: str) -> str:
        key = (stage, source, outreach)
        if key not in self.metas:
            label = self.source_labels.get(source, source)
            if outreach:
                label = f"{label} ({self.outreach_labels.get(outreach, outreach)})"
            badge = self.sourced_badge if stage == Stage.SOURCED else ""
            self.metas[key] = f'{badge}<span class="board-card-source">{_e(label)}</span>'
        return self.metas[key]

    def form(self, stage: str) -> str:
        """The card's move form after its CSRF token: the stage shown, and the move buttons."""
        if stage not in self.forms:
            self.forms[stage] = (
                f'<input type="hidden" name="expected_stage" value="{self.text(stage)}">'
                f"{self.next}{self.buttons.get(stage, '')}"
            )
        return self.forms[stage]

    def days_label(self, days: int) -> str:
        if days not in self.days:
            self.days[days] = _e(
                ngettext("%(days)d day in stage", "%(days)d days in stage", days) % {"days": days}
            )
        return self.days[days]

    def score(self, value) -> str:
        if value not in self.scores:
            if value is None:
                shown = "–"
            else:
                tenths = Decimal(str(value)).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)
                shown = number_format(tenths, 1)
            self.scores[value] = _e(f"{self.score_label} {shown}")
        return self.scores[value]

    def card(self, card: Card) -> str:
        pk = int(card.pk)
        name = _e(card.name)
        job = ", ".join(part for part in (card.position, card.organisation) if part)
        move_url = f"{self.move_url[0]}{pk}{self.move_url[1]}"
        return CARD_HTML.format(
            pk=pk,
            stage=self.text(card.stage),
            source=self.text(card.source),
            select=f"{self.select[0]}{name}{self.select[1]}",
            detail_url=f"{self.detail_url[0]}{int(card.candidate_id)}{self.detail_url[1]}",
            name=name,
            job=f'<p class="board-card-job">{_e(job)}</p>' if job else "",
            meta=self.meta(card.stage, card.source, card.outreach),
            days=self.days_label(card.days_in_stage),
            score=self.score(card.score),
            move=self.move,
            move_url=move_url,
            hx=f' hx-post="{move_url}"' if self.on_board else "",
            csrf=self.csrf,
            form=self.form(card.stage),
        )

    def render(self, cards) -> str:
        # Every text in a card is escaped in card().
        return mark_safe("".join(self.card(card) for card in cards))  # noqa: S308  escaped in card()


def _board_context(request, vacancy) -> dict:
    board = selectors.board_get(vacancy=vacancy)
    renderer = CardRenderer(request, on_board=True)
    for column in board.columns:
        column.cards_html = renderer.render(column.cards)
    return {"vacancy": vacancy, "board": board, "bulk_targets": _bulk_targets()}


def _bulk_targets() -> list[tuple[str, str]]:
    return [(value, label) for value, label in Stage.choices]


def _next_url(request, default: str) -> str:
    """Where to return after a move: the posted `next` when it is a page of this site."""
    url = request.POST.get("next") or request.GET.get("next") or ""
    if url and url_has_allowed_host_and_scheme(
        url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return url
    return default


def _reject_url(vacancy_pk: int, application_ids) -> str:
    query = urlencode([("applications", pk) for pk in application_ids])
    return f"{reverse('candidates:application_reject', args=[vacancy_pk])}?{query}"


def _to_reject_form(request, vacancy_pk: int, application_ids):
    """A rejection is not made on the board: the consultant picks the reason and edits the
    email on the rejection form."""
    url = _reject_url(vacancy_pk, application_ids)
    if request.htmx:
        return HttpResponseClientRedirect(url)
    return redirect(url)


def _after_move(request, vacancy, next_url: str):
    """The answer to a move: with htmx the board, re-rendered from the database, with the
    messages; without, a redirect to where the user was."""
    if request.htmx:
        return render(request, "candidates/_board_refresh.html", _board_context(request, vacancy))
    return redirect(next_url)


def _reason_form(request, *, context: dict, status: int = 200):
    """Ask for the reason of a move that needs one: in the board's dialog with htmx, as a page
    without."""
    if request.htmx:
        response = render(
            request, "candidates/_board_move_form.html", {**context, "modal": True}, status=status
        )
        # htmx swaps only successful answers; the dialog opens when its content arrives.
        response.status_code = 200
        response["HX-Retarget"] = "#board-modal-content"
        response["HX-Reswap"] = "innerHTML"
        return response
    return render(request, "candidates/board_move.html", context, status=status)


@recruiter_required
def board(request, pk):
    vacancy = selectors.board_vacancy_get(pk=pk)
    context = _board_context(request, vacancy)
    if request.htmx and request.htmx.target == "board":
        return render(request, "candidates/_board_columns.html", context)
    return render(request, "candidates/board.html", context)


@recruiter_required
def board_column(request, pk, stage):
    """A page of one column's cards: the next cards as a partial for htmx, or a page of its own
    (without JavaScript, and for the folded columns)."""
    vacancy = selectors.board_vacancy_get(pk=pk)
    spec = selectors.board_column_spec(stage)
    if spec is None:
        raise Http404
    page = selectors.board_column_page(vacancy=vacancy, spec=spec, page=request.GET.get("page"))
    context = {
        "vacancy": vacancy,
        "spec": spec,
        "page": page,
        "column_url": reverse("candidates:board_column", args=[vacancy.pk, spec.key]),
        "next_page": page.next_page_number() if page.has_next() else None,
        "bulk_targets": _bulk_targets(),
    }
    if request.htmx:
        renderer = CardRenderer(request, on_board=True)
        context.update(cards_html=renderer.render(page.object_list), on_board=True)
        return render(request, "candidates/_board_cards.html", context)
    here = request.get_full_path()
    renderer = CardRenderer(request, on_board=False, here=here)
    context.update(cards_html=renderer.render(page.object_list), here=here)
    return render(request, "candidates/board_column.html", context)


@recruiter_required
@require_http_methods(["GET", "POST"])
def application_move(request, pk):
    """Move one application. POST `to_stage` and `expected_stage` (the stage the user saw),
    with `reason` where the move needs one (it is asked for when missing). GET shows the move as
    a form of its own."""
    application = selectors.board_application_get(pk=pk)
    vacancy = application.vacancy
    board_url = reverse("candidates:board", args=[vacancy.pk])
    next_url = _next_url(request, board_url)
    data = request.POST if request.method == "POST" else request.GET
    to_stage = data.get("to_stage", "")
    expected_stage = data.get("expected_stage", "") or None
    if expected_stage is not None and expected_stage not in Stage.values:
        expected_stage = None
    context = {
        "vacancy": vacancy,
        "application": application,
        "to_stage": to_stage if to_stage in Stage.values else "",
        "to_label": Stage(to_stage).label if to_stage in Stage.values else "",
        "expected_stage": expected_stage or application.stage,
        "targets": _targets(application.stage),
        "next": next_url,
        "action": reverse("candidates:application_move", args=[application.pk]),
    }
    name = application.candidate.full_name
    if context["to_label"]:
        context["title"] = _("Move %(name)s to “%(stage)s”") % {
            "name": name,
            "stage": context["to_label"],
        }
    else:
        context["title"] = _("Move %(name)s") % {"name": name}
    if request.method == "GET":
        return render(request, "candidates/board_move.html", context)
    if to_stage not in Stage.values:
        if "reason" in request.POST:
            context["error"] = _("Choose the stage to move to.")
            return _reason_form(request, context=context, status=400)
        messages.error(request, _("Choose the stage to move to."))
        return _after_move(request, vacancy, next_url)
    if to_stage == Stage.REJECTED:
        return _to_reject_form(request, vacancy.pk, [application.pk])
    reason = data.get("reason", "")[:REASON_MAX_LENGTH]
    try:
        moved = move_service(
            application=application,
            to_stage=to_stage,
            by=request.user,
            reason=reason,
            expected_stage=expected_stage,
        )
    except StaleMove as error:
        messages.error(request, error.message)
    except ValidationError as error:
        if error.code == "reason_required":
            if "reason" in request.POST:
                context["error"] = _("Give a reason for this move.")
                return _reason_form(request, context=context, status=400)
            return _reason_form(request, context=context)
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(
            request,
            _("%(name)s moved to “%(stage)s”.")
            % {"name": moved.candidate.full_name, "stage": moved.get_stage_display()},
        )
    return _after_move(request, vacancy, next_url)


def _parse_selected(values: list[str]) -> dict[int, str | None]:
    """`selected` values are "<application id>:<stage the user saw>" (or just the id)."""
    selected: dict[int, str | None] = {}
    for value in values:
        pk, _sep, stage = value.partition(":")
        try:
            number = int(pk)
        except ValueError:
            continue
        if 0 < number < 2**63:
            selected[number] = stage if stage in Stage.values else None
    return selected


@recruiter_required
@require_POST
def board_bulk_move(request, pk):
    """Move the selected applications of the vacancy to one stage, each on its own; the
    answer says which moved and which were refused, and why."""
    vacancy = selectors.board_vacancy_get(pk=pk)
    board_url = reverse("candidates:board", args=[vacancy.pk])
    next_url = _next_url(request, board_url)
    selected = _parse_selected(request.POST.getlist("selected"))
    to_stage = request.POST.get("to_stage", "")
    if not selected:
        messages.error(request, _("Select one or more candidates to move."))
        return _after_move(request, vacancy, next_url)
    if len(selected) > BULK_MAX:
        messages.error(
            request,
            _("Select at most %(max)d candidates at a time.") % {"max": BULK_MAX},
        )
        return _after_move(request, vacancy, next_url)
    if to_stage not in Stage.values:
        messages.error(request, _("Choose the stage to move to."))
        return _after_move(request, vacancy, next_url)
    applications = selectors.board_applications_for_bulk(vacancy=vacancy, ids=list(selected))
    if not applications:
        messages.error(request, _("None of the selected candidates is in this vacancy."))
        return _after_move(request, vacancy, next_url)
    if to_stage == Stage.REJECTED:
        return _to_reject_form(request, vacancy.pk, [a.pk for a in applications])
    reason = request.POST.get("reason", "")[:REASON_MAX_LENGTH]
    needing = [
        application
        for application in applications
        if application.stage == (selected[application.pk] or application.stage)
        and application.can_move_to(to_stage)
        and application.needs_reason(to_stage)
    ]
    if needing and not reason.strip():
        context = {
            "vacancy": vacancy,
            "bulk": True,
            "needing": needing,
            "count": len(applications),
            "selected": request.POST.getlist("selected"),
            "to_stage": to_stage,
            "to_label": Stage(to_stage).label,
            "next": next_url,
            "action": reverse("candidates:board_bulk_move", args=[vacancy.pk]),
            "title": ngettext(
                "Move %(count)d candidate to “%(stage)s”",
                "Move %(count)d candidates to “%(stage)s”",
                len(applications),
            )
            % {"count": len(applications), "stage": Stage(to_stage).label},
        }
        if "reason" in request.POST:
            context["error"] = _("Give a reason for this move.")
            return _reason_form(request, context=context, status=400)
        return _reason_form(request, context=context)
    result = applications_move(
        applications=applications,
        to_stage=to_stage,
        by=request.user,
        reason=reason,
        expected_stages={pk: stage for pk, stage in selected.items() if stage},
    )
    label = Stage(to_stage).label
    if result.moved:
        messages.success(
            request,
            ngettext(
                "%(count)d candidate moved to “%(stage)s”.",
                "%(count)d candidates moved to “%(stage)s”.",
                len(result.moved),
            )
            % {"count": len(result.moved), "stage": label},
        )
    if result.refused:
        details = "; ".join(
            f"{application.candidate.full_name}: {message}"
            for application, message in result.refused
        )
        messages.warning(
            request,
            ngettext(
                "%(count)d candidate not moved: %(details)s",
                "%(count)d candidates not moved: %(details)s",
                len(result.refused),
            )
            % {"count": len(result.refused), "details": details},
        )
    return _after_move(request, vacancy, next_url)


urlpatterns = [
    path("kantoor/vacatures/<int:pk>/kandidaten/", board, name="board"),
    path(
        "kantoor/vacatures/<int:pk>/kandidaten/kolom/<str:stage>/",
        board_column,
        name="board_column",
    ),
    path(
        "kantoor/vacatures/<int:pk>/kandidaten/verplaatsen/",
        board_bulk_move,
        name="board_bulk_move",
    ),
    path("kantoor/sollicitaties/<int:pk>/verplaatsen/", application_move, name="application_move"),
]
