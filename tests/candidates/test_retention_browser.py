"""Retention and the planning's calendar in Chromium: the recruiter sees the coming erasures on
the dashboard, opens a candidate's postponement and postpones with a reason; the planning editor
shows its holiday warnings. Every page meets WCAG 2.1 AA and fits a phone."""

from datetime import date, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from candidates.models import Application, ErasurePostponement
from tests.candidates.factories import ApplicationFactory, CandidateFactory
from tests.e2e.conftest import assert_accessible, horizontal_overflow, log_in
from tests.vacancies.factories import PlanningPhaseFactory, VacancyFactory
from vacancies.models import Vacancy

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_recruiter_postpones_an_erasure_from_the_dashboard(live_server, page, recruiter):
    ended = timezone.now() - timedelta(days=10)  # erased in 18 days
    vacancy = VacancyFactory(
        lead_consultant=recruiter, status=Vacancy.Status.APPOINTED, ended_at=ended
    )
    anna = ApplicationFactory(
        vacancy=vacancy,
        candidate=CandidateFactory(first_name="Anna", last_name="de Vries"),
        stage=Application.Stage.REJECTED,
        rejection_code="profile",
    )
    ApplicationFactory(vacancy=vacancy, stage=Application.Stage.WITHDRAWN)
    dashboard = reverse("candidates:dashboard")

    log_in(page, live_server, recruiter, start_url=dashboard)
    panel = page.locator("#coming-erasures")
    assert "2 kandidaten" in panel.inner_text()
    assert_accessible(page)
    panel.locator("summary").click()
    assert_accessible(page)
    postpone = reverse("candidates:erasure_postpone", args=[anna.pk])
    panel.locator(f"a[href='{postpone}']").click()
    page.wait_for_url(live_server.url + postpone)
    assert_accessible(page)

    new_date = timezone.localdate() + timedelta(days=90)
    page.fill("input[name=until]", new_date.isoformat())
    page.click("#postpone-form [type=submit]")  # no reason: refused, the date kept
    assert "Geef de reden om de gegevens langer te bewaren." in page.content()
    assert page.input_value("input[name=until]") == new_date.isoformat()
    assert_accessible(page)
    page.fill("textarea[name=reason]", "Klacht bij de Autoriteit Persoonsgegevens")
    page.click("#postpone-form [type=submit]")
    page.wait_for_url(live_server.url + dashboard)
    assert "worden nu bewaard tot" in page.content()
    assert ErasurePostponement.objects.get().until == new_date

    page.set_viewport_size({"width": 360, "height": 740})
    for url in (dashboard, postpone):
        page.goto(live_server.url + url)
        assert horizontal_overflow(page) == 0, url
        assert_accessible(page)


def test_the_planning_editor_shows_its_holiday_warnings_accessibly(live_server, page, recruiter):
    vacancy = VacancyFactory(lead_consultant=recruiter)
    PlanningPhaseFactory(
        vacancy=vacancy, order=1, starts_on=date(2026, 4, 27), ends_on=date(2026, 5, 14)
    )
    PlanningPhaseFactory(
        vacancy=vacancy, order=2, starts_on=date(2026, 12, 21), ends_on=date(2027, 1, 12)
    )
    planning = reverse("vacancies:planning", args=[vacancy.pk])

    log_in(page, live_server, recruiter, start_url=planning)
    text = page.locator("#planning-editor").inner_text()
    assert "Begint op Koningsdag (maandag 27 april 2026)." in text
    assert "Eindigt op Hemelvaartsdag (donderdag 14 mei 2026)." in text
    assert "Loopt door de kerstvakantie (24 december – 1 januari 2027)." in text
    assert_accessible(page)
