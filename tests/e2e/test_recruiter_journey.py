"""Issue 2 in Chromium: a recruiter logs in, creates a vacancy through the form (first with a
mistake in the salary) and generates its default planning."""

from datetime import date
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import translation

from tests.e2e.conftest import log_in
from tests.vacancies.factories import ClientFactory
from vacancies.models import PlanningPhase, Requirement, Responsibility, Vacancy

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

DASH = "\N{EN DASH}"
Kind = PlanningPhase.Kind

RESPONSIBILITY = "Ontwikkelen en realiseren van de lange termijnstrategie van het IPO."
REQUIREMENT = "Academisch werk- en denkniveau en ervaring in het openbaar bestuur."


def fill_vacancy_form(form, client, *, salary_min, salary_max):
    form.locator("select[name=client]").select_option(value=str(client.pk))
    form.locator("input[name=title]").fill("Algemeen Directeur")
    form.locator("input[name=reference]").fill("ipo-algemeen-directeur-2026")
    form.locator("textarea[name=organisation_text]").fill(
        "De twaalf provincies van Nederland hebben elk hun eigen karakter."
    )
    form.locator("textarea[name=position_text]").fill(
        "De Algemeen Directeur vormt samen met de Plaatsvervangend Algemeen Directeur het "
        "directieteam."
    )
    form.locator("textarea[name=responsibilities-0-text]").fill(RESPONSIBILITY)
    form.locator("textarea[name=requirements-0-text]").fill(REQUIREMENT)
    form.locator("select[name=employment_type]").select_option(
        value=Vacancy.EmploymentType.PERMANENT
    )
    form.locator("input[name=hours_per_week]").fill("36")
    form.locator("input[name=salary_scale]").fill("18")
    form.locator("input[name=salary_min_month]").fill(salary_min)
    form.locator("input[name=salary_max_month]").fill(salary_max)
    form.locator("input[name=ikb_percentage]").fill("21.82")
    # <input type="date">: a Dutch Chromium shows dd-mm-jjjj and submits the ISO value.
    form.locator("input[name=published_on]").fill("2026-04-17")
    form.locator("input[name=closing_date]").fill("2026-05-15")
    form.locator("textarea[name=how_to_apply]").fill(
        "Motivatie en curriculum vitae in twee separate pdf-bestanden."
    )


def salary_error_message() -> str:
    """The constraint's message as a Dutch user reads it (in English until it is translated)."""
    constraint = next(
        c for c in Vacancy._meta.constraints if c.name == "vacancies_vacancy_salary_min_lte_max"
    )
    with translation.override("nl"):
        return str(constraint.get_violation_error_message())


def test_recruiter_creates_a_vacancy_and_generates_its_planning(
    live_server, page, recruiter, screenshot
):
    client = ClientFactory()
    log_in(page, live_server, recruiter, start_url=reverse("candidates:dashboard"))

    page.click(f"nav a[href='{reverse('vacancies:vacancy_list')}']")
    page.wait_for_url(live_server.url + reverse("vacancies:vacancy_list"))
    page.click(f"a[href='{reverse('vacancies:vacancy_create')}']")
    page.wait_for_url(live_server.url + reverse("vacancies:vacancy_create"))

    # A slip: the minimum above the maximum. The field says what is wrong, nothing is saved.
    form = page.locator("#vacancy-form")
    fill_vacancy_form(form, client, salary_min="12568.14", salary_max="8850.88")
    form.locator("button[type=submit]").click()
    page.wait_for_load_state()
    salary_max = form.locator("input[name=salary_max_month]")
    assert "is-invalid" in salary_max.get_attribute("class")
    assert salary_error_message() in form.locator("#group-terms").inner_text()
    assert page.url == live_server.url + reverse("vacancies:vacancy_create")
    assert not Vacancy.objects.exists()
    assert not Responsibility.objects.exists()
    assert not Requirement.objects.exists()
    # What was typed is still there, so only the salary needs correcting.
    assert form.locator("input[name=title]").input_value() == "Algemeen Directeur"
    assert form.locator("textarea[name=responsibilities-0-text]").input_value() == RESPONSIBILITY

    form.locator("input[name=salary_min_month]").fill("8850.88")
    salary_max.fill("12568.14")
    form.locator("button[type=submit]").click()

    page.wait_for_url(lambda url: "/nieuw/" not in url)
    vacancy = Vacancy.objects.get()
    assert page.url == live_server.url + vacancy.get_absolute_url()
    assert vacancy.status == Vacancy.Status.DRAFT
    assert vacancy.lead_consultant == recruiter
    assert (vacancy.salary_min_month, vacancy.salary_max_month) == (
        Decimal("8850.88"),
        Decimal("12568.14"),
    )
    assert vacancy.ikb_percentage == Decimal("21.82")
    assert (vacancy.published_on, vacancy.closing_date) == (date(2026, 4, 17), date(2026, 5, 15))

    assert page.locator("h1").inner_text().startswith("Algemeen Directeur")
    terms = page.locator("#terms").inner_text()
    assert "€ 8.850,88" in terms
    assert "€ 12.568,14" in terms
    assert "21,82%" in terms
    assert "vrijdag 15 mei 2026" in page.locator("#procedure").inner_text()
    assert RESPONSIBILITY in page.locator("#responsibilities").inner_text()
    assert REQUIREMENT in page.locator("#requirements").inner_text()

    planning_url = reverse("vacancies:planning", args=[vacancy.pk])
    page.click(f"#vacancy-tabs a[href='{planning_url}']")
    page.wait_for_url(live_server.url + planning_url)
    assert page.locator("tr.phase-row").count() == 0
    page.click("#planning-generate button[type=submit]")
    page.wait_for_selector("tr[data-kind=start]")

    rows = page.locator("tr.phase-row")
    assert rows.count() == 10

    def dates(kind):
        # The dates, without the calendar's note under them (holidays in the phase).
        return page.locator(f"tr.phase-row[data-kind={kind}] td.dates").inner_text().splitlines()[0]

    assert dates(Kind.PUBLICATION) == f"17 april {DASH} 15 mei 2026"
    publication = page.locator(f"tr.phase-row[data-kind={Kind.PUBLICATION}] td.dates")
    assert "Koningsdag (27 april)" in publication.inner_text()
    assert dates(Kind.PRESELECTION) == f"18 {DASH} 29 mei 2026"
    assert dates(Kind.COMMITTEE_DISCUSSION) == f"8 {DASH} 10 juni 2026"
    assert dates(Kind.COMMITTEE_INTERVIEWS) == f"15 {DASH} 26 juni 2026"
    screenshot(page, "recruiter-planning")

    phases = list(vacancy.phases.order_by("order"))
    assert [(p.kind, p.starts_on, p.ends_on) for p in phases] == [
        (Kind.PUBLICATION, date(2026, 4, 17), date(2026, 5, 15)),
        (Kind.SEARCH, date(2026, 4, 17), date(2026, 5, 15)),
        (Kind.PRESELECTION, date(2026, 5, 18), date(2026, 5, 29)),
        (Kind.COMMITTEE_DISCUSSION, date(2026, 6, 8), date(2026, 6, 10)),
        (Kind.COMMITTEE_INTERVIEWS, date(2026, 6, 15), date(2026, 6, 26)),
        (Kind.NOMINATION, date(2026, 6, 29), date(2026, 6, 30)),
        (Kind.REFERENCES, date(2026, 6, 29), date(2026, 6, 30)),
        (Kind.TERMS_TALK, date(2026, 6, 29), date(2026, 6, 30)),
        (Kind.APPOINTMENT, None, date(2026, 6, 30)),
        (Kind.START, None, None),
    ]
    assert {p.kind for p in phases if p.is_parallel} == {
        Kind.SEARCH,
        Kind.REFERENCES,
        Kind.TERMS_TALK,
    }
