"""Every page a user meets meets WCAG 2.1 AA: axe-core runs in Chromium on each and fails the
test on a violation."""

import pytest
from django.urls import reverse

from tests.e2e.conftest import assert_accessible, log_in
from tests.vacancies.factories import VacancyFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_public_pages_are_accessible(live_server, page):
    vacancy = VacancyFactory(status="published")
    for url in (
        reverse("login"),
        reverse("candidates:vacancy_list"),
        reverse("candidates:vacancy", args=[vacancy.reference]),
        reverse("candidates:apply", args=[vacancy.reference]),
    ):
        page.goto(live_server.url + url)
        assert_accessible(page)


def test_back_office_pages_are_accessible(live_server, page, recruiter):
    vacancy = VacancyFactory(lead_consultant=recruiter)
    log_in(page, live_server, recruiter, start_url=reverse("vacancies:vacancy_list"))
    for url in (
        reverse("vacancies:vacancy_list"),
        reverse("vacancies:detail", args=[vacancy.pk]),
        reverse("vacancies:vacancy_edit", args=[vacancy.pk]),
        reverse("vacancies:vacancy_create"),
        reverse("vacancies:client_edit", args=[vacancy.client.pk]),
        reverse("vacancies:planning", args=[vacancy.pk]),
        reverse("vacancies:committee", args=[vacancy.pk]),
        reverse("candidates:application_list"),
    ):
        page.goto(live_server.url + url)
        assert_accessible(page)
