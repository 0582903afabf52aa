"""The tabs of one vacancy (templates/_partials/vacancy_tabs.html): overview, candidates (the
board), insight, planning, committee, interviews, scores and decision, on every page of the
vacancy, the current one marked."""

import re

import pytest
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.html import escape

from tests.vacancies.factories import VacancyFactory

pytestmark = pytest.mark.django_db

TABS = ["overview", "board", "insight", "planning", "committee", "interviews", "scores", "decision"]
LABELS = [
    "Overzicht",
    "Kandidaten",
    "Inzicht",
    "Planning",
    "Commissie",
    "Gesprekken",
    "Scores",
    "Besluit",
]


def tab_urls(vacancy) -> list[str]:
    return [
        reverse("vacancies:detail", args=[vacancy.pk]),
        reverse("candidates:board", args=[vacancy.pk]),
        reverse("candidates:insight_vacancy", args=[vacancy.pk]),
        reverse("vacancies:planning", args=[vacancy.pk]),
        reverse("vacancies:committee", args=[vacancy.pk]),
        reverse("candidates:interview_list", args=[vacancy.pk]),
        reverse("candidates:score_matrix", args=[vacancy.pk]),
        reverse("candidates:decision", args=[vacancy.pk]),
    ]


def tabs(html: str) -> list[dict]:
    """The tabs in `html`: href, label, whether active and whether aria-current."""
    nav = re.search(r'<ul class="nav nav-tabs" id="vacancy-tabs">(.*?)</ul>', html, re.S)
    assert nav, "no vacancy tabs on the page"
    return [
        {
            "tab": tab,
            "href": href,
            "label": label.strip(),
            "active": " active" in classes,
            "current": 'aria-current="page"' in rest,
        }
        for classes, href, tab, rest, label in re.findall(
            r'<a class="nav-link([^"]*)" href="([^"]*)" data-tab="(\w+)"([^>]*)>([^<]*)</a>',
            nav.group(1),
        )
    ]


@pytest.mark.parametrize("active", TABS)
def test_the_partial_links_every_page_and_marks_the_current_one(active):
    vacancy = VacancyFactory()
    with translation.override("nl"):
        html = render_to_string(
            "_partials/vacancy_tabs.html", {"vacancy": vacancy, "active": active}
        )

    found = tabs(html)
    assert [tab["tab"] for tab in found] == TABS
    assert [tab["href"] for tab in found] == tab_urls(vacancy)
    assert [tab["label"] for tab in found] == LABELS
    assert [tab["tab"] for tab in found if tab["active"]] == [active]
    assert [tab["tab"] for tab in found if tab["current"]] == [active]
    label = f"Pagina\N{RIGHT SINGLE QUOTATION MARK}s van de vacature {escape(vacancy.title)}"
    assert f'aria-label="{label}"' in html


def test_the_partial_in_english():
    vacancy = VacancyFactory()
    with translation.override("en"):
        html = render_to_string(
            "_partials/vacancy_tabs.html", {"vacancy": vacancy, "active": "overview"}
        )
    assert [tab["label"] for tab in tabs(html)] == [
        "Overview",
        "Candidates",
        "Insight",
        "Planning",
        "Committee",
        "Interviews",
        "Scores",
        "Decision",
    ]


@pytest.mark.parametrize(
    ("url_name", "active"),
    [
        ("vacancies:detail", "overview"),
        ("vacancies:planning", "planning"),
        ("vacancies:committee", "committee"),
    ],
)
def test_the_pages_of_a_vacancy_show_the_tabs(recruiter_client, url_name, active):
    vacancy = VacancyFactory()

    response = recruiter_client.get(reverse(url_name, args=[vacancy.pk]))

    assert response.status_code == 200
    found = tabs(response.content.decode())
    assert [tab["href"] for tab in found] == tab_urls(vacancy)
    assert [tab["tab"] for tab in found if tab["current"]] == [active]
