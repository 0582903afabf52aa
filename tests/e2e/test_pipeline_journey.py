"""Issue 6 in Chromium: a recruiter searches a word that is only in a candidate's CV and finds
them, drags their card to the shortlist on the board, and rejects another candidate with the
templated email, which then arrives. Every page passes axe-core (WCAG 2.1 AA) and runs without a
Content-Security-Policy violation or a JavaScript error."""

import importlib
import time
from datetime import timedelta

import pytest
from django.apps import apps
from django.core import mail
from django.urls import reverse
from django.utils import timezone, translation

from candidates.models import Application, ApplicationEmail, Document, EmailTemplate, StageChange
from candidates.services.applications import application_submit
from candidates.services.email_templates import application_for_email, email_render
from tests.candidates.pdfs import make_pdf, private_storage_fixture, upload  # noqa: F401
from tests.e2e.conftest import assert_accessible, log_in
from tests.vacancies.factories import VacancyFactory

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
    pytest.mark.usefixtures("private_storage"),
]

Stage = Application.Stage
# In Anna's CV only: not in any name, address, position, organisation or letter.
RARE_WORD = "kwelderherstel"
ADDED_LINE = "Wij wensen u veel succes in uw verdere loopbaan."

# Every page reports its violations to the test (a binding, so nothing is lost when the next
# page loads).
WATCH_CSP = """
document.addEventListener("securitypolicyviolation", (event) => {
  window.reportCspViolation(`${event.violatedDirective} ${event.blockedURI} ${event.sample}`);
});
"""


@pytest.fixture
def email_templates():
    """The default templates of the data migration. A transactional test empties the tables
    after it runs, so they are put back here (get_or_create: no doubles)."""
    migration = importlib.import_module("candidates.migrations.0006_email_templates")
    migration.create_templates(apps, None)


@pytest.fixture
def watched(page):
    """The page, with its console errors and Content-Security-Policy violations collected."""
    page.problems = []

    def on_console(message):
        text = message.text
        if message.location.get("url", "").endswith("/favicon.ico"):
            return  # the site has no icon; Chromium asks for one on its own
        if (
            message.type == "error"
            or "Content Security Policy" in text
            or "Content-Security-Policy" in text
        ):
            page.problems.append(f"{message.type}: {text} ({page.url})")

    page.on("console", on_console)
    page.on("pageerror", lambda error: page.problems.append(f"pageerror: {error} ({page.url})"))
    page.expose_function(
        "reportCspViolation", lambda text: page.problems.append(f"CSP: {text} ({page.url})")
    )
    page.add_init_script(WATCH_CSP)
    return page


def apply(vacancy, *, first_name, last_name, email, cv_text):
    """An application through the public form's service, with two real PDFs; their text is read
    by the Celery task after commit (eager in tests)."""
    with translation.override("nl"):
        return application_submit(
            vacancy=vacancy,
            data={
                "first_name": first_name,
                "last_name": last_name,
                "email": email,
                "current_position": "Directeur Bedrijfsvoering",
                "current_organisation": "Provincie Zeeland",
            },
            motivation=upload(
                make_pdf(f"Motivatiebrief {first_name} {last_name}"), "motivatie.pdf"
            ),
            cv=upload(make_pdf(cv_text), "cv.pdf"),
        )


def wait_for_email(to, *, subject, timeout=15.0):
    """The rejection is sent after commit, in the server thread: wait for it, bounded."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        for message in list(mail.outbox):
            if to in message.to and message.subject == subject:
                return message
        time.sleep(0.05)
    raise AssertionError(f"no email to {to} within {timeout} s; outbox: {mail.outbox}")


def drag(page, card, target):
    """Drag `card` onto `target` with real pointer moves, as a hand does: SortableJS only sees
    a drag that moves."""
    card.scroll_into_view_if_needed()
    # Taken by its meta line: the card's link, checkbox and menu do not start a drag.
    start = card.locator(".board-card-meta").bounding_box()
    page.mouse.move(start["x"] + 10, start["y"] + start["height"] / 2)
    page.mouse.down()
    page.mouse.move(start["x"] + 30, start["y"] + 20, steps=5)
    box = target.bounding_box()
    width, height = page.viewport_size["width"], page.viewport_size["height"]
    assert box["x"] + box["width"] / 2 < width and box["y"] + box["height"] / 2 < height
    page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2, steps=15)
    page.mouse.up()


def test_recruiter_finds_by_cv_text_shortlists_by_drag_and_rejects_with_email(
    live_server, watched, recruiter, email_templates, settings
):
    page = watched
    settings.SITE_URL = live_server.url
    today = timezone.localdate()
    vacancy = VacancyFactory(
        lead_consultant=recruiter, published_on=today, closing_date=today + timedelta(days=14)
    )
    anna = apply(
        vacancy,
        first_name="Anna",
        last_name="Visser",
        email="anna.visser@example.nl",
        cv_text=f"Curriculum vitae. Programmaleider {RARE_WORD} Oosterschelde 2019-2025",
    )
    bram = apply(
        vacancy,
        first_name="Bram",
        last_name="Dekker",
        email="bram.dekker@example.nl",
        cv_text="Curriculum vitae. Programmaleider stikstofaanpak Gelderland 2018-2025",
    )
    documents = {(d.application_id, d.kind): d for d in Document.objects.all()}
    assert RARE_WORD in documents[(anna.pk, Document.Kind.CV)].text
    assert RARE_WORD not in documents[(anna.pk, Document.Kind.MOTIVATION)].text
    mail.outbox.clear()  # the acknowledgements of the two applications

    # The candidate database: the word is only in Anna's CV, and it finds her alone.
    candidate_list = reverse("candidates:candidate_list")
    log_in(page, live_server, recruiter, start_url=candidate_list)
    assert page.locator("h1").inner_text() == "Kandidaten"
    table = page.locator("#candidate-table")
    assert "Bram Dekker" in table.inner_text()
    assert_accessible(page)
    with page.expect_response(
        lambda response: candidate_list in response.url and f"q={RARE_WORD}" in response.url
    ) as searched:
        page.get_by_label("Zoeken", exact=True).fill(RARE_WORD)
    assert searched.value.ok
    table.get_by_role("link", name="Bram Dekker").wait_for(state="detached")
    rows = table.locator("tbody tr")
    assert rows.count() == 1
    assert "Anna Visser" in rows.inner_text()
    assert "1 kandidaat" in table.inner_text()
    assert f"q={RARE_WORD}" in page.url  # the search is in the address, to come back to
    assert_accessible(page)

    # Her page, and from there the board of the vacancy she applied for.
    table.get_by_role("link", name="Anna Visser").click()
    page.wait_for_url(
        live_server.url + reverse("candidates:candidate_detail", args=[anna.candidate_id])
    )
    board_url = reverse("candidates:board", args=[vacancy.pk])
    page.locator(f"main a[href='{board_url}']").first.click()
    page.wait_for_url(live_server.url + board_url)
    assert page.locator("h1").inner_text() == "Kandidaten: Algemeen Directeur"
    anna_card = page.locator(f"#card-{anna.pk}")
    bram_card = page.locator(f"#card-{bram.pk}")
    assert page.locator(f"#column-applied #card-{anna.pk}").count() == 1
    assert page.locator(f"#column-applied #card-{bram.pk}").count() == 1
    assert_accessible(page)

    # Drag Anna's card to the shortlist.
    move_url = reverse("candidates:application_move", args=[anna.pk])
    with page.expect_response(
        lambda response: response.url.endswith(move_url) and response.request.method == "POST"
    ) as moved:
        drag(page, anna_card, page.locator("#column-shortlist .board-cards"))
    assert moved.value.ok
    page.locator("#messages").get_by_text("Anna Visser is verplaatst naar “Shortlist”.").wait_for()
    page.locator(f"#column-shortlist #card-{anna.pk}").wait_for()
    assert page.locator(f"#column-applied #card-{anna.pk}").count() == 0
    assert page.locator("#column-shortlist .board-count").inner_text() == "1"
    assert page.locator("#column-applied .board-count").inner_text() == "1"
    anna.refresh_from_db()
    assert anna.stage == Stage.SHORTLIST
    change = StageChange.objects.filter(application=anna).latest("pk")
    assert (change.from_stage, change.to_stage, change.changed_by) == (
        Stage.APPLIED,
        Stage.SHORTLIST,
        recruiter,
    )
    assert_accessible(page)

    # Reject Bram from his card's menu: the rejection form takes over.
    bram_card.locator("summary").click()
    bram_card.locator("button[value=rejected]").click()
    reject_url = reverse("candidates:application_reject", args=[vacancy.pk])
    page.wait_for_url(lambda url: reject_url in url)
    assert f"applications={bram.pk}" in page.url
    assert page.locator("h1").inner_text() == "Sollicitaties afwijzen: Algemeen Directeur"
    assert "Bram Dekker" in page.locator("#selected-applications").inner_text()
    assert_accessible(page)

    # Keep the template's text, add one line, pick a reason.
    template = EmailTemplate.objects.get(kind=EmailTemplate.Kind.REJECT_AFTER_LETTER, language="nl")
    form = page.locator("#reject-form")
    assert form.locator("select[name=kind]").input_value() == template.kind
    subject = form.locator("[name=subject_nl]")
    body = form.locator("[name=body_nl]")
    assert subject.input_value() == template.subject
    assert body.input_value().replace("\r\n", "\n") == template.body.replace("\r\n", "\n")
    edited_body = template.body.replace(
        "Met vriendelijke groet,", f"{ADDED_LINE}\n\nMet vriendelijke groet,"
    )
    assert edited_body != template.body
    body.fill(edited_body)
    with translation.override("nl"):
        reason_label = str(Application.RejectionReason.EXPERIENCE.label)
    form.get_by_label(reason_label).check()
    form.locator("[name=reason]").fill("Weinig ervaring in het openbaar bestuur.")
    form.locator("#reject-submit").click()

    # Back on the board: Bram is rejected, and his email arrives.
    page.wait_for_url(live_server.url + board_url)
    page.locator("#messages").get_by_text("1 sollicitatie afgewezen.").wait_for()
    assert page.locator(f"#column-applied #card-{bram.pk}").count() == 0
    assert page.locator("#column-rejected .board-count").inner_text() == "1"
    bram.refresh_from_db()
    assert bram.stage == Stage.REJECTED
    assert bram.rejection_code == Application.RejectionReason.EXPERIENCE
    rejection = StageChange.objects.filter(application=bram).latest("pk")
    assert (rejection.to_stage, rejection.changed_by, rejection.rejection_code) == (
        Stage.REJECTED,
        recruiter,
        Application.RejectionReason.EXPERIENCE,
    )
    assert rejection.reason == "Weinig ervaring in het openbaar bestuur."

    expected = email_render(
        application=application_for_email(bram.pk),
        subject=template.subject,
        body=edited_body,
        kind=template.kind,
        by=recruiter,
    )
    assert expected.language == "nl"
    message = wait_for_email("bram.dekker@example.nl", subject=expected.subject)
    assert message.body.strip() == expected.body.strip()
    assert "Geachte Bram Dekker" in message.body
    assert "Algemeen Directeur" in message.subject + message.body
    assert ADDED_LINE in message.body
    assert recruiter.email in message.body  # the consultant's signature
    assert [m for m in mail.outbox if "anna.visser@example.nl" in m.to] == []
    sent = ApplicationEmail.objects.get(application=bram)
    assert (sent.kind, sent.sent_by) == (template.kind, recruiter)

    assert page.problems == []
