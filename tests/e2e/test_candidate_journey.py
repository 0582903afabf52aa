"""Issue 3 in Chromium: a candidate finds the IPO 2026 vacancy, applies with two PDFs, gets the
confirmation email, opens the private link in it, sees the status page and withdraws. On a desktop
screen and on a phone."""

import hashlib
import re
import time
from datetime import timedelta

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import formats, timezone, translation

from candidates.models import Application, Document
from tests.candidates.pdfs import make_pdf, private_storage_fixture  # noqa: F401
from tests.e2e.conftest import horizontal_overflow
from tests.vacancies.factories import ContactPersonFactory, ResponsibilityFactory, VacancyFactory
from vacancies.services import planning_generate

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
    pytest.mark.usefixtures("private_storage"),
]

EMAIL = "marleen.de.vries@example.nl"
VIEWPORTS = {
    "desktop": {"width": 1280, "height": 800},
    "phone": {"width": 390, "height": 844},
}


@pytest.fixture(params=["desktop", "phone"])
def device(request):
    return request.param


@pytest.fixture
def page(browser, device):
    """A Dutch visitor on a desktop screen or on a phone (390 × 844, touch)."""
    phone = device == "phone"
    context = browser.new_context(
        locale="nl-NL",
        timezone_id="Europe/Amsterdam",
        viewport=VIEWPORTS[device],
        is_mobile=phone,
        has_touch=phone,
        device_scale_factor=2 if phone else 1,
    )
    context.set_default_timeout(10_000)
    page = context.new_page()
    yield page
    context.close()


@pytest.fixture
def vacancy(live_server, settings):
    """The 2026 IPO vacancy, published today and open for two more weeks, with its planning."""
    settings.SITE_URL = live_server.url  # the link in the email points at the test server
    today = timezone.localdate()
    vacancy = VacancyFactory(published_on=today, closing_date=today + timedelta(days=14))
    ResponsibilityFactory(vacancy=vacancy)
    ContactPersonFactory(vacancy=vacancy, name="Inge Diepenhorst")
    planning_generate(vacancy=vacancy)
    return vacancy


def dutch_date(day) -> str:
    with translation.override("nl"):
        return formats.date_format(day, "l j F Y")


def assert_fits_the_screen(page):
    assert horizontal_overflow(page) <= 0, f"{page.url} scrolls sideways"


def wait_for_email(to, *, timeout=15.0):
    """The confirmation is sent after commit, in the server thread: wait for it, bounded."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        for message in mail.outbox:
            if to in message.to:
                return message
        time.sleep(0.05)
    raise AssertionError(f"no email to {to} within {timeout} s; outbox: {mail.outbox}")


def test_candidate_applies_and_follows_the_application(
    live_server, page, device, vacancy, tmp_path, screenshot
):
    motivation = tmp_path / "motivatiebrief.pdf"
    motivation.write_bytes(make_pdf("Motivatiebrief Marleen de Vries"))
    cv = tmp_path / "cv-marleen-de-vries.pdf"
    cv.write_bytes(make_pdf("Curriculum vitae Marleen de Vries", pages=2))

    # The public list of vacancies: no login.
    page.goto(live_server.url + reverse("candidates:vacancy_list"))
    assert_fits_the_screen(page)
    listing = page.locator(f"a[href='{vacancy.get_public_url()}']")
    assert "Interprovinciaal Overleg" in listing.inner_text()
    assert dutch_date(vacancy.closing_date) in listing.inner_text()
    listing.click()

    # The vacancy: its profile, closing date, contact and an apply button within reach.
    page.wait_for_url(live_server.url + vacancy.get_public_url())
    assert page.locator("h1").inner_text() == "Algemeen Directeur"
    assert "€ 8.850,88" in page.content()
    assert "Inge Diepenhorst" in page.content()
    assert dutch_date(vacancy.closing_date) in page.content()
    assert_fits_the_screen(page)
    apply_button = page.locator("#apply-button")
    apply_button.scroll_into_view_if_needed()
    assert apply_button.is_visible()
    box = apply_button.bounding_box()
    assert box["x"] >= 0
    assert box["x"] + box["width"] <= VIEWPORTS[device]["width"]
    apply_button.click()

    # The application form.
    page.wait_for_url(live_server.url + reverse("candidates:apply", args=[vacancy.reference]))
    assert_fits_the_screen(page)
    form = page.locator("#application-form")
    form.locator("input[name=first_name]").fill("Marleen")
    form.locator("input[name=last_name]").fill("de Vries")
    form.locator("input[name=email]").fill(EMAIL)
    form.locator("input[name=phone]").fill("06 2345 6789")
    form.locator("input[name=current_position]").fill("Directeur Bedrijfsvoering")
    form.locator("input[name=current_organisation]").fill("Provincie Gelderland")
    form.locator("input[name=motivation]").set_input_files(motivation)
    form.locator("input[name=cv]").set_input_files(cv)
    form.locator("input[name=privacy_accepted]").check()
    assert form.locator(f"a[href='{reverse('candidates:privacy')}']").is_visible()
    form.locator("[type=submit]").click()

    # The confirmation page.
    page.wait_for_url(live_server.url + reverse("candidates:applied", args=[vacancy.reference]))
    assert_fits_the_screen(page)
    assert "Algemeen Directeur" in page.locator("main").inner_text()
    application = Application.objects.select_related("candidate").get()
    assert application.vacancy == vacancy
    assert application.stage == Application.Stage.APPLIED
    assert application.candidate.email == EMAIL
    assert application.candidate.full_name == "Marleen de Vries"
    stored = {doc.original_name: doc.sha256 for doc in Document.objects.all()}
    assert stored == {
        "motivatiebrief.pdf": hashlib.sha256(motivation.read_bytes()).hexdigest(),
        "cv-marleen-de-vries.pdf": hashlib.sha256(cv.read_bytes()).hexdigest(),
    }

    # The email carries the private link to the candidate's own page.
    message = wait_for_email(EMAIL)
    assert "Algemeen Directeur" in message.body
    assert dutch_date(vacancy.closing_date) in message.body  # the candidate applied in Dutch
    assert "Inge Diepenhorst" in message.body
    links = re.findall(re.escape(live_server.url) + r"/mijn-sollicitatie/[^/\s]+/", message.body)
    assert len(set(links)) == 1, message.body
    status_url = links[0]

    page.goto(status_url)
    assert page.locator("h1").inner_text().startswith("Algemeen Directeur")
    assert page.locator("#status-text").get_attribute("data-stage-group") == "open"
    main = page.locator("main").inner_text()
    assert "Marleen de Vries" in main
    assert "Inge Diepenhorst" in main
    assert "motivatiebrief.pdf" in main
    assert_fits_the_screen(page)

    # Withdraw through the page: asked once more, then the page shows the final state.
    signed = status_url.rstrip("/").rsplit("/", 1)[1]
    page.click(f"a[href='{reverse('candidates:status_withdraw', args=[signed])}']")
    page.wait_for_url(lambda url: url.endswith("/intrekken/"))
    assert_fits_the_screen(page)
    page.click("main form button[type=submit]")
    page.wait_for_url(status_url)
    assert page.locator("#status-text").get_attribute("data-stage-group") == "final"
    application.refresh_from_db()
    assert application.stage == Application.Stage.WITHDRAWN
    withdraw_links = page.locator(
        f"a[href='{reverse('candidates:status_withdraw', args=[signed])}']"
    )
    assert withdraw_links.count() == 0
    assert_fits_the_screen(page)
    screenshot(page, f"candidate-withdrawn-{device}")
