"""The rejection page and the email pages in Chromium: accessible, usable on a phone, the template
choice swaps the text in (htmx), and the rejection emails arrive."""

import importlib
import re

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from candidates.models import Application, EmailTemplate
from tests.candidates.factories import ApplicationFactory, CandidateFactory
from tests.e2e.conftest import assert_accessible, horizontal_overflow, log_in
from tests.vacancies.factories import PlanningPhaseFactory, VacancyFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def templates():
    """The default texts (a transactional test starts from an empty database)."""
    defaults = importlib.import_module("candidates.migrations.0006_email_templates")
    for (kind, language), (subject, body) in defaults.TEMPLATES.items():
        EmailTemplate.objects.get_or_create(
            kind=kind,
            language=language,
            defaults={"subject": subject, "body": body + defaults.SIGNATURE[language]},
        )


def test_a_recruiter_rejects_two_candidates_each_in_their_own_language(
    live_server, page, recruiter, templates, mailoutbox
):
    vacancy = VacancyFactory(lead_consultant=recruiter)
    PlanningPhaseFactory(vacancy=vacancy)
    anna = ApplicationFactory(
        vacancy=vacancy,
        candidate=CandidateFactory(first_name="Anna", last_name="de Vries", email="anna@x.org"),
    )
    claire = ApplicationFactory(
        vacancy=vacancy,
        candidate=CandidateFactory(
            first_name="Claire", last_name="Smith", email="claire@x.org", language="en"
        ),
    )
    url = (
        reverse("candidates:application_reject", args=[vacancy.pk])
        + f"?applications={anna.pk}&applications={claire.pk}"
        + f"&next={reverse('vacancies:detail', args=[vacancy.pk])}"
    )
    log_in(page, live_server, recruiter, start_url=url)
    assert_accessible(page)

    # Another template: its texts replace the ones shown, without a page load.
    page.select_option("select[name=kind]", "reject_after_interview")
    expect(page.locator("textarea[name=body_nl]")).to_have_value(re.compile("het gesprek"))
    assert "the conversation" in page.input_value("textarea[name=body_en]")
    page.fill("input[name=subject_nl]", "Uw kandidatuur, {{ candidate.first_name }}")
    page.check("input[name=rejection_code][value=stronger]")
    page.click("#reject-submit")
    page.wait_for_url(lambda u: "afwijzen" not in u)
    assert "2 sollicitaties afgewezen." in page.inner_text("#messages")

    assert sorted(m.subject for m in mailoutbox) == [
        "Uw kandidatuur, Anna",
        "Your candidacy for the position of Algemeen Directeur",
    ]
    assert set(Application.objects.values_list("stage", flat=True)) == {"rejected"}


def test_the_email_pages_are_accessible_and_fit_a_phone(live_server, page, recruiter, templates):
    vacancy = VacancyFactory(lead_consultant=recruiter)
    anna = ApplicationFactory(vacancy=vacancy)
    reject = reverse("candidates:application_reject", args=[vacancy.pk])
    preselection = EmailTemplate.objects.get(kind="invite_preselection", language="nl")
    log_in(page, live_server, recruiter, start_url=reverse("candidates:email_template_list"))
    page.set_viewport_size({"width": 375, "height": 800})
    for url in (
        reverse("candidates:email_template_list"),
        reverse("candidates:email_template_edit", args=[preselection.pk]),
        reverse("candidates:email_template_preview", args=[preselection.pk]),
        f"{reject}?applications={anna.pk}",
        reverse("candidates:application_email", args=[anna.pk]),
    ):
        page.goto(live_server.url + url)
        assert_accessible(page)
        assert horizontal_overflow(page) == 0, url

    # An error on the edit page is shown, and accessible too.
    page.goto(live_server.url + reverse("candidates:email_template_edit", args=[preselection.pk]))
    page.fill("textarea[name=body]", "Beste {{ candidate.firstname }}")
    page.click("#email-template-form button[type=submit]")
    assert "Onbekende invulplek: {{ candidate.firstname }}" in page.inner_text("main")
    assert_accessible(page)
