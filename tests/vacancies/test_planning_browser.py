"""The planning editor in Chromium, with JavaScript (htmx) on."""

import re
from datetime import date

import pytest
from django.urls import reverse

from tests.vacancies.factories import VacancyFactory
from vacancies.models import PlanningPhase

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASSWORD = "juist-wachtwoord-2026"
DASH = "\N{EN DASH}"


def log_in(page, live_server, user):
    user.set_password(PASSWORD)
    user.save()
    page.goto(live_server.url + reverse("login"))
    page.fill("input[name=username]", user.username)
    page.fill("input[name=password]", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(lambda url: "/login/" not in url)


def test_generate_and_edit_the_planning_inline(live_server, page, recruiter):
    vacancy = VacancyFactory(published_on=date(2026, 4, 17), closing_date=date(2026, 5, 15))
    log_in(page, live_server, recruiter)
    page.goto(live_server.url + reverse("vacancies:planning", args=[vacancy.pk]))

    page.click("#planning-generate button[type=submit]")
    page.wait_for_selector("tr[data-kind=preselection]")
    row = page.locator("tr[data-kind=preselection]")
    assert f"18 {DASH} 29 mei 2026" in row.inner_text()

    # Inline edit: the row becomes a form, saving returns the row, without a page load.
    page.evaluate("window.__samePage = true")
    row.locator("a[hx-get]").click()
    form_row = page.locator("tr.phase-form-row[data-kind=preselection]")
    form_row.locator("input[name=ends_on]").fill("2026-06-02")
    form_row.locator("button[type=submit]").click()
    page.wait_for_selector("tr.phase-row[data-kind=preselection]")
    assert f"18 mei {DASH} 2 juni 2026" in row.inner_text()
    assert page.evaluate("window.__samePage") is True
    phase = vacancy.phases.get(kind=PlanningPhase.Kind.PRESELECTION)
    assert phase.ends_on == date(2026, 6, 2)

    # A phase that ends before it starts: the error shows in the row form, nothing is saved.
    row.locator("a[hx-get]").click()
    form_row.locator("input[name=starts_on]").fill("2026-06-10")
    form_row.locator("button[type=submit]").click()
    form_row.locator(".alert-danger").wait_for()
    assert re.search(r"\S", form_row.locator(".alert-danger").inner_text())
    phase.refresh_from_db()
    assert phase.starts_on == date(2026, 5, 18)

    # Delete a phase after confirming the question.
    page.once("dialog", lambda dialog: dialog.accept())
    page.locator("tr[data-kind=start] button.btn-outline-danger").click()
    page.wait_for_selector("tr[data-kind=start]", state="detached")
    assert not vacancy.phases.filter(kind=PlanningPhase.Kind.START).exists()
    assert page.evaluate("window.__samePage") is True
