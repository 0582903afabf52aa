"""The board in Chromium: drag and drop between columns, the dialog that asks for the reason of a
move back (closing it puts the card back), a move that lost a race, the card's menu with htmx;
WCAG 2.1 AA and a phone's width."""

import pytest
from django.urls import reverse

from candidates.models import Application
from candidates.services.stages import application_move
from tests.accounts.factories import RecruiterFactory
from tests.candidates.factories import ApplicationFactory, CandidateFactory
from tests.e2e.conftest import assert_accessible, horizontal_overflow, log_in
from tests.vacancies.factories import VacancyFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

Stage = Application.Stage


def add(vacancy, stage, first_name):
    return ApplicationFactory(
        vacancy=vacancy,
        stage=stage,
        candidate=CandidateFactory(first_name=first_name, last_name="Jansen"),
    )


def stage_of(application):
    return Application.objects.get(pk=application.pk).stage


def wait_until_shown(page):
    """The dialog has faded in and has the focus (axe measures contrast on what is shown).
    Polled from here: the page's Content-Security-Policy forbids wait_for_function's eval."""
    script = (
        "(() => { const m = document.querySelector('#board-modal');"
        " return m.classList.contains('show') && getComputedStyle(m).opacity === '1'"
        " && document.activeElement && document.activeElement.id === 'move-reason'; })()"
    )
    for _ in range(50):
        if page.evaluate(script):
            return
        page.wait_for_timeout(100)
    raise AssertionError("the dialog did not open")


def wait_until_closed(page):
    """The dialog and its backdrop are gone (a drag starts on the page again)."""
    script = (
        "document.querySelectorAll('.modal-backdrop').length === 0"
        " && !document.body.classList.contains('modal-open')"
    )
    for _ in range(50):
        if page.evaluate(script):
            return
        page.wait_for_timeout(100)
    raise AssertionError("the dialog did not close")


def drag(page, application, column):
    card = page.locator(f"#card-{application.pk}")
    target = page.locator(f"#column-{column} .board-cards")
    # Taken near its top left corner: the card's links and menu do not start a drag.
    card.drag_to(target, source_position={"x": 30, "y": 10})


def test_drag_and_drop_with_reason_cancel_and_lost_race(live_server, page, recruiter):
    vacancy = VacancyFactory(lead_consultant=recruiter, title="Algemeen Directeur")
    anna = add(vacancy, Stage.APPLIED, "Anna")
    bram = add(vacancy, Stage.LONGLIST, "Bram")
    cor = add(vacancy, Stage.APPLIED, "Cor")
    board = reverse("candidates:board", args=[vacancy.pk])

    log_in(page, live_server, recruiter, start_url=board)
    assert page.locator("h1").inner_text() == "Kandidaten: Algemeen Directeur"
    assert_accessible(page)

    # Forward by drag and drop.
    drag(page, anna, "shortlist")
    page.locator("#messages").get_by_text("Anna Jansen is verplaatst naar “Shortlist”.").wait_for()
    assert page.locator(f"#column-shortlist #card-{anna.pk}").count() == 1
    assert stage_of(anna) == Stage.SHORTLIST
    assert page.locator("#column-shortlist .board-count").inner_text() == "1"

    # Back needs a reason: the dialog asks; closing it puts the card back.
    drag(page, anna, "longlist")
    dialog = page.locator("#board-modal")
    dialog.get_by_label("Reden").wait_for()
    assert "Anna Jansen naar “Longlist” verplaatsen" in dialog.inner_text()
    wait_until_shown(page)
    assert page.evaluate("document.activeElement.id") == "move-reason"
    assert_accessible(page)
    dialog.get_by_role("button", name="Annuleren").click()
    wait_until_closed(page)
    page.locator(f"#column-shortlist #card-{anna.pk}").wait_for()
    assert page.locator(f"#column-longlist #card-{anna.pk}").count() == 0
    assert stage_of(anna) == Stage.SHORTLIST

    drag(page, anna, "longlist")
    wait_until_shown(page)
    dialog.get_by_label("Reden").fill("Per ongeluk naar de shortlist gezet")
    dialog.get_by_role("button", name="Verplaatsen").click()
    wait_until_closed(page)
    page.locator(f"#column-longlist #card-{anna.pk}").wait_for()
    assert stage_of(anna) == Stage.LONGLIST
    change = Application.objects.get(pk=anna.pk).stage_changes.order_by("-pk").first()
    assert change.reason == "Per ongeluk naar de shortlist gezet"

    # A colleague moved Bram meanwhile: nothing is overwritten, the card shows where he is.
    colleague = RecruiterFactory(first_name="Petra", last_name="de Vries")
    application_move(application=bram, to_stage=Stage.COMMITTEE, by=colleague)
    drag(page, bram, "preselection")
    page.locator("#messages").get_by_text("Petra de Vries heeft deze sollicitatie").wait_for()
    assert page.locator(f"#column-committee #card-{bram.pk}").count() == 1
    assert page.locator(f"#column-preselection #card-{bram.pk}").count() == 0
    assert stage_of(bram) == Stage.COMMITTEE

    # The card's own menu, with htmx.
    card = page.locator(f"#card-{cor.pk}")
    card.locator("summary").click()
    card.get_by_role("button", name="Voorselectie").click()
    page.locator(f"#column-preselection #card-{cor.pk}").wait_for()
    assert stage_of(cor) == Stage.PRESELECTION

    # Dropped on "rejected": the rejection form takes over.
    # The drop zones for rejected and withdrawn appear while a card is dragged.
    drop = page.locator(".board-drop[data-stage=rejected]")
    assert not drop.is_visible()
    card = page.locator(f"#card-{cor.pk}").bounding_box()
    page.mouse.move(card["x"] + 30, card["y"] + 10)
    page.mouse.down()
    page.mouse.move(card["x"] + 60, card["y"] + 40, steps=5)
    drop.wait_for()
    box = drop.bounding_box()
    page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2, steps=10)
    page.mouse.up()
    reject = reverse("candidates:application_reject", args=[vacancy.pk])
    page.wait_for_url(lambda url: reject in url)
    assert f"applications={cor.pk}" in page.url
    assert stage_of(cor) == Stage.PRESELECTION


def test_board_fits_a_phone_and_folds_rejected(live_server, page, recruiter):
    vacancy = VacancyFactory(lead_consultant=recruiter)
    add(vacancy, Stage.APPLIED, "Anna")
    rejected = ApplicationFactory(vacancy=vacancy, stage=Stage.REJECTED, rejection_code="profile")
    board = reverse("candidates:board", args=[vacancy.pk])

    log_in(page, live_server, recruiter, start_url=board)
    page.locator("#column-rejected summary").click()
    page.locator(f"#column-rejected #card-{rejected.pk}").wait_for()
    assert_accessible(page)

    page.set_viewport_size({"width": 360, "height": 740})
    page.goto(live_server.url + board)
    assert horizontal_overflow(page) == 0
