"""The profile's pages in a browser: the versions of a published vacancy and an earlier version,
with the PDF links; axe on each (WCAG 2.1 AA)."""

import pytest
from django.urls import reverse

from tests.e2e.conftest import assert_accessible, log_in
from tests.vacancies.factories import DraftVacancyFactory, PlanningPhaseFactory
from vacancies.models import Vacancy
from vacancies.services.profile import profile_publish, profile_record_change

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_versions_pages_are_accessible_and_link_their_pdfs(live_server, page, recruiter):
    vacancy = DraftVacancyFactory(lead_consultant=recruiter)
    PlanningPhaseFactory(vacancy=vacancy)
    Vacancy.objects.filter(pk=vacancy.pk).update(status=Vacancy.Status.PUBLISHED)
    profile_publish(vacancy=vacancy, by=recruiter)
    Vacancy.objects.filter(pk=vacancy.pk).update(reason_text="Opnieuw vacant gesteld.")
    profile_record_change(vacancy=vacancy, by=recruiter)

    versions_url = reverse("vacancies:profile_versions", args=[vacancy.pk])
    log_in(page, live_server, recruiter, start_url=versions_url)
    assert page.locator("#profile-versions tbody tr").count() == 2
    assert_accessible(page)

    page.click(f"a[href='{reverse('vacancies:profile_version', args=[vacancy.pk, 1])}']")
    page.wait_for_selector("#version-old")
    assert "Opnieuw vacant gesteld." not in page.locator("#profile").inner_text()
    pdf_link = page.locator(
        f"a[href='{reverse('vacancies:profile_pdf', args=[vacancy.pk])}?version=1']"
    )
    assert pdf_link.count() == 1
    assert_accessible(page)

    page.goto(live_server.url + reverse("candidates:vacancy", args=[vacancy.reference]))
    assert "Opnieuw vacant gesteld." in page.locator("#profile").inner_text()
    assert page.locator("#profile-pdf").get_attribute("href") == reverse(
        "candidates:vacancy_pdf", args=[vacancy.reference]
    )
