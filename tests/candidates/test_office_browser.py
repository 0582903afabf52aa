"""The dashboard and the tabs of a vacancy in Chromium: a recruiter logs in, lands on the
dashboard, opens an assignment and moves between the vacancy's pages by its tabs; every page meets
WCAG 2.1 AA and fits a phone."""

import pytest
from django.urls import reverse

from tests.candidates.factories import ApplicationFactory
from tests.e2e.conftest import assert_accessible, horizontal_overflow, log_in
from tests.vacancies.factories import VacancyFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_recruiter_lands_on_the_dashboard_and_follows_the_tabs(live_server, page, recruiter):
    vacancy = VacancyFactory(lead_consultant=recruiter, title="Algemeen Directeur")
    ApplicationFactory.create_batch(2, vacancy=vacancy)
    dashboard = reverse("candidates:dashboard")

    # No `next`: the login page sends a recruiter to the dashboard.
    log_in(page, live_server, recruiter, start_url=reverse("login"))
    page.wait_for_url(live_server.url + dashboard)
    assert page.locator("h1").inner_text() == "Dashboard"
    row = page.locator(f"#assignment-{vacancy.pk}")
    assert "Gesolliciteerd: 2" in row.inner_text()
    board = reverse("candidates:board", args=[vacancy.pk])
    assert row.locator(f"a[href='{board}']").count() == 1
    assert_accessible(page)

    row.locator(f"a[href='{vacancy.get_absolute_url()}']").click()
    page.wait_for_url(live_server.url + vacancy.get_absolute_url())
    tabs = page.locator("#vacancy-tabs")
    assert tabs.locator("a[aria-current=page]").inner_text() == "Overzicht"
    assert tabs.locator("a").all_inner_texts() == [
        "Overzicht",
        "Kandidaten",
        "Inzicht",
        "Planning",
        "Commissie",
        "Gesprekken",
        "Scores",
        "Besluit",
    ]
    assert_accessible(page)

    for label, url_name in (
        ("Planning", "vacancies:planning"),
        ("Commissie", "vacancies:committee"),
        ("Gesprekken", "candidates:interview_list"),
        ("Scores", "candidates:score_matrix"),
        ("Besluit", "candidates:decision"),
    ):
        tabs = page.locator("#vacancy-tabs")
        tabs.get_by_role("link", name=label, exact=True).click()
        page.wait_for_url(live_server.url + reverse(url_name, args=[vacancy.pk]))
        assert page.locator("#vacancy-tabs a[aria-current=page]").inner_text() == label
        assert_accessible(page)

    # On a phone the tabs wrap and the table scrolls in its own box instead of widening the page
    # (the board link's hidden text is positioned inside that box).
    page.set_viewport_size({"width": 360, "height": 740})
    for url in (dashboard, vacancy.get_absolute_url()):
        page.goto(live_server.url + url)
        assert horizontal_overflow(page) == 0, url
        assert_accessible(page)
