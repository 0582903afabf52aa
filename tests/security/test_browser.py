"""In Chromium (issue 7): a recruiter enrols a second factor and logs in with it, and the pages of
the main journeys run without a Content-Security-Policy violation."""

from base64 import b32decode
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.urls import reverse
from django_otp.oath import TOTP

from candidates.services.candidate_page import status_link_token
from tests.accounts.factories import RecruiterFactory
from tests.candidates.factories import ApplicationFactory
from tests.candidates.pdfs import private_storage_fixture  # noqa: F401
from tests.vacancies.factories import PlanningPhaseFactory, RequirementFactory, VacancyFactory

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
    pytest.mark.usefixtures("private_storage"),
]

PASSWORD = "Werving-Test-2026!"
WATCH_CSP = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.__cspViolations.push(`${event.violatedDirective} ${event.blockedURI} ${event.sample}`);
});
"""


def code(secret: str, steps_ahead: int = 0) -> str:
    key = b32decode(secret.replace(" ", "") + "=" * (-len(secret.replace(" ", "")) % 8))
    totp = TOTP(key)
    totp.t0 = 0
    return f"{totp.token() if not steps_ahead else _ahead(totp, steps_ahead):06d}"


def _ahead(totp, steps):
    totp.time = totp.time + steps * totp.step
    return totp.token()


@pytest.fixture
def watched(page):
    """The page, with every CSP violation (event or console message) collected."""
    console = []
    page.on(
        "console",
        lambda message: (
            console.append(message.text)
            if "Content Security Policy" in message.text
            or "Content-Security-Policy" in message.text
            else None
        ),
    )
    page.add_init_script(WATCH_CSP)
    page.console_csp = console
    return page


def violations(page) -> list:
    return page.console_csp + page.evaluate("window.__cspViolations || []")


def test_recruiter_enrols_a_second_factor_and_logs_in_with_it(watched, live_server, settings):
    settings.OTP_REQUIRED_FOR_RECRUITERS = True
    page = watched
    user = RecruiterFactory(username="inge")
    user.set_password(PASSWORD)
    user.save()

    page.goto(live_server.url + reverse("login"))
    page.fill("input[name=username]", "inge")
    page.fill("input[name=password]", PASSWORD)
    page.click("form [type=submit]")
    page.wait_for_url(f"**{reverse('accounts:login_enrol')}")
    assert page.locator("h1").inner_text() == "Stel uw authenticator-app in"
    qr = page.locator("img[alt^='QR-code']")
    assert qr.evaluate("img => img.complete && img.naturalWidth > 100")
    secret = page.locator("#otp-secret").inner_text()
    page.fill("input[name=code]", code(secret))
    page.click("form [type=submit]")
    page.wait_for_url(f"**{reverse('candidates:dashboard')}")
    assert "Uw authenticator-app is ingesteld." in page.content()

    page.click("text=Uitloggen")
    page.wait_for_url(f"**{reverse('login')}")
    page.fill("input[name=username]", "inge")
    page.fill("input[name=password]", PASSWORD)
    page.click("form [type=submit]")
    page.wait_for_url(f"**{reverse('accounts:login_code')}")
    page.fill("input[name=code]", code(secret, steps_ahead=1))  # the next code: not reused
    page.click("form [type=submit]")
    page.wait_for_url(f"**{reverse('candidates:dashboard')}")
    page.goto(live_server.url + reverse("accounts:account"))
    assert "Uw recente inlogmomenten" in page.content()
    assert page.locator("table tbody tr").count() == 2
    assert violations(page) == []


def test_the_main_pages_run_without_a_csp_violation(watched, live_server, recruiter):
    page = watched
    with time_machine.travel(datetime(2026, 5, 1, 12, 0, tzinfo=ZoneInfo("Europe/Amsterdam"))):
        vacancy = VacancyFactory(lead_consultant=recruiter)
    application = ApplicationFactory(vacancy=vacancy)
    RequirementFactory(vacancy=vacancy)
    PlanningPhaseFactory(vacancy=vacancy)
    public = [
        reverse("candidates:vacancy_list"),
        reverse("candidates:vacancy", args=[vacancy.reference]),
        reverse("candidates:apply", args=[vacancy.reference]),
        reverse("candidates:applied", args=[vacancy.reference]),
        reverse("candidates:privacy"),
        reverse("candidates:status", args=[status_link_token(application)]),
        reverse("login"),
        reverse("password_reset"),
    ]
    for url in public:
        page.goto(live_server.url + url)
        page.wait_for_load_state("networkidle")
        assert violations(page) == [], url

    # The language switch (app.js, no inline handler) still works.
    page.goto(live_server.url + reverse("candidates:vacancy_list"))
    page.wait_for_load_state("networkidle")
    assert page.locator("html").get_attribute("lang") == "nl"
    # Choosing submits the form: wait for that navigation to finish before the next step, or a
    # later goto aborts it (a generous wait: once, on a loaded CI machine, 10 s were too short).
    with page.expect_navigation(timeout=30_000):
        page.select_option("select[name=language]", "en")
    assert page.locator("html").get_attribute("lang") == "en"
    with page.expect_navigation(timeout=30_000):
        page.select_option("select[name=language]", "nl")
    assert page.locator("html").get_attribute("lang") == "nl"

    recruiter.set_password(PASSWORD)
    recruiter.save()
    page.goto(live_server.url + reverse("login"))
    page.fill("input[name=username]", recruiter.username)
    page.fill("input[name=password]", PASSWORD)
    page.click("form [type=submit]")
    page.wait_for_url(lambda url: reverse("login") not in url)
    office = [
        reverse("candidates:dashboard"),
        reverse("vacancies:vacancy_list"),
        reverse("vacancies:detail", args=[vacancy.pk]),
        reverse("vacancies:planning", args=[vacancy.pk]),
        reverse("vacancies:committee", args=[vacancy.pk]),
        reverse("vacancies:vacancy_edit", args=[vacancy.pk]),
        reverse("candidates:board", args=[vacancy.pk]),
        reverse("candidates:application_list"),
        reverse("candidates:candidate_list"),
        reverse("candidates:candidate_detail", args=[application.candidate_id]),
        reverse("candidates:insight"),
        reverse("candidates:insight_vacancy", args=[vacancy.pk]),
        reverse("candidates:email_template_list"),
        reverse("vacancies:client_list"),
        reverse("accounts:account"),
        reverse("accounts:otp_enrol"),
    ]
    for url in office:
        response = page.goto(live_server.url + url)
        page.wait_for_load_state("networkidle")
        assert response.status < 400, url
        assert violations(page) == [], url

    # The watch sees what the policy blocks: an inline handler slipped into the page.
    page.evaluate(
        "document.body.insertAdjacentHTML("
        "'beforeend', '<img src=\"/x.png\" onerror=\"window.hit=1\">')"
    )
    page.wait_for_timeout(500)
    assert violations(page)
    assert page.evaluate("window.hit") is None
