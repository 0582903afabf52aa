"""Sourcing and merging in Chromium: the duplicate warning, the merge comparison and the merge log
meet WCAG 2.1 AA and fit a phone's screen."""

import pytest
from django.urls import reverse

from candidates.models import Application, Candidate, CandidateMerge
from tests.candidates.factories import ApplicationFactory, CandidateFactory
from tests.e2e.conftest import assert_accessible, horizontal_overflow, log_in
from tests.vacancies.factories import VacancyFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_recruiter_sees_the_duplicate_and_adds_the_existing_person(live_server, page, recruiter):
    vacancy = VacancyFactory(title="Algemeen Directeur", lead_consultant=recruiter)
    existing = CandidateFactory(
        first_name="Inge",
        last_name="Jansen",
        email="inge.jansen@example.nl",
        current_organisation="Provincie Utrecht",
    )
    ApplicationFactory(candidate=existing, vacancy=VacancyFactory(title="Griffier"))
    url = reverse("candidates:source_add", args=[vacancy.pk])
    log_in(page, live_server, recruiter, start_url=url)
    assert_accessible(page)

    page.fill("#id_first_name", "inge")
    page.fill("#id_last_name", "jansen")
    page.fill("#id_email", "Inge.Jansen@Example.nl")
    page.fill("#id_current_organisation", "Provincie Utrecht")
    page.get_by_role("button", name="Toevoegen aan deze vacature").click()

    warning = page.locator("#duplicates")
    warning.wait_for()
    assert "zelfde e-mailadres" in warning.inner_text()
    assert "Griffier" in warning.inner_text()
    assert_accessible(page)
    page.set_viewport_size({"width": 375, "height": 800})
    assert horizontal_overflow(page) == 0

    page.get_by_role("button", name="Inge Jansen toevoegen (bestaande kandidaat)").click()

    page.get_by_text("Inge Jansen is toegevoegd aan “Algemeen Directeur”").wait_for()
    assert Candidate.objects.count() == 1
    assert existing.applications.get(vacancy=vacancy).stage == Application.Stage.SOURCED


def test_a_recruiter_merges_two_records_and_sees_the_log(live_server, page, recruiter):
    keep = CandidateFactory(first_name="Inge", last_name="Jansen", email="inge@example.nl")
    remove = CandidateFactory(
        first_name="Inge", last_name="Jansen-de Vries", email="ijdv@werk.nl", phone="06 2"
    )
    ApplicationFactory(candidate=remove, vacancy=VacancyFactory(title="Griffier"))
    url = reverse("candidates:candidate_merge", args=[keep.pk])
    log_in(page, live_server, recruiter, start_url=url)
    assert_accessible(page)

    page.get_by_label("Naam of e-mailadres").fill("ijdv@werk.nl")
    page.get_by_role("button", name="Zoeken").click()
    page.get_by_role("link", name="Vergelijken met Inge Jansen-de Vries").click()
    page.locator("#merge-table").wait_for()
    assert_accessible(page)
    page.set_viewport_size({"width": 375, "height": 800})
    assert horizontal_overflow(page) == 0

    page.get_by_label("telefoon: 06 2", exact=True).check()
    page.get_by_label(
        "Ik heb gecontroleerd dat deze twee dossiers over dezelfde persoon gaan."
    ).check()
    page.get_by_role("button", name="Dossiers samenvoegen").click()

    page.locator("#merge-log").wait_for()
    assert "Samengevoegd dossier" in page.locator("#merge-log").inner_text()
    # The rest of the candidate page belongs to the candidate database; the log is checked here.
    assert_accessible(page, context="#merge-log")
    keep.refresh_from_db()
    assert keep.phone == "06 2"
    assert keep.applications.get().vacancy.title == "Griffier"
    assert CandidateMerge.objects.get().removed_email == "ijdv@werk.nl"
