"""Issue 8 in Chromium, on a desktop screen and on a phone: the recruiter invites a new member to
the selection committee; the member opens the link in the email, chooses a password, opens the
shortlist, reads a CV, scores a candidate and then sees the chair's scores, hidden until then;
the recruiter then sees both in the matrix, and who has not scored the other candidate yet.

Every page passes axe-core (WCAG 2.1 AA); on the phone no page of the portal scrolls sideways
(a wide table scrolls inside its own box)."""

import re
import time
from datetime import timedelta

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from candidates.models import Application, Document, DocumentAccess, Scorecard
from candidates.services.assessment import assessment_save
from candidates.services.documents import document_store
from candidates.services.scorecards import scorecard_save
from candidates.services.stages import application_move
from tests.accounts.factories import UserFactory
from tests.candidates.factories import ApplicationFactory, CandidateFactory
from tests.candidates.pdfs import make_pdf, private_storage_fixture, upload  # noqa: F401
from tests.e2e.conftest import assert_accessible, horizontal_overflow, log_in
from tests.vacancies.factories import CommitteeMemberFactory, RequirementFactory, VacancyFactory
from vacancies.models import CommitteeInvitation, CommitteeMember, Vacancy
from vacancies.services import planning_generate

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
    pytest.mark.usefixtures("private_storage"),
]

VIEWPORTS = {
    "desktop": {"width": 1280, "height": 800},
    "phone": {"width": 390, "height": 844},
}
REQUIREMENTS = [
    "Academisch werk- en denkniveau en ervaring in het openbaar bestuur.",
    "Ervaring met het leiden van een organisatie van meer dan 100 medewerkers.",
    "Een verbinder met gevoel voor bestuurlijke verhoudingen.",
    "Ervaring met veranderprocessen en digitalisering.",
]
# The scores of the chair (submitted before the test) and of the new member, per requirement:
# an average of 4,5 and 3,5, together 4,0 (as an average of averages and of all scores alike).
CHAIR_SCORES = [5, 5, 4, 4]
MEMBER_SCORES = [3, 4, 3, 4]
# The score buttons as a screen reader names them (the number and its word).
SCORE_NAMES = {1: "1 onvoldoende", 2: "2 matig", 3: "3 voldoende", 4: "4 goed", 5: "5 uitstekend"}
CHAIR_COMMENT = "Sterke bestuurder met oog voor de provincies."
MEMBER_COMMENT = "Overtuigend op verandering; minder ervaring met een groot apparaat."
MEMBER_EMAIL = "marieke.dekker@provincie.nl"
MEMBER_PASSWORD = "Bestuurskamer-2026!"
CV_NAME = "cv-anna-visser.pdf"
LINK = re.compile(r"https?://[^\s\"'<>]+/uitnodiging/[A-Za-z0-9_-]{20,}/")


@pytest.fixture(params=["desktop", "phone"])
def device(request):
    return request.param


@pytest.fixture
def page(browser, device):
    """A Dutch user on a desktop screen or on a phone (390 × 844, touch)."""
    phone = device == "phone"
    context = browser.new_context(
        locale="nl-NL",
        timezone_id="Europe/Amsterdam",
        viewport=VIEWPORTS[device],
        is_mobile=phone,
        has_touch=phone,
        device_scale_factor=2 if phone else 1,
        accept_downloads=True,
    )
    context.set_default_timeout(10_000)
    page = context.new_page()
    yield page
    context.close()


@pytest.fixture
def procedure(recruiter):
    """A procedure in its committee round: closed for applications, four requirements, a
    planning, a chair who has already scored Anna, Anna and Bram moved to the shortlist (which
    releases them), Carla not released; Anna with a CV and the consultant's assessment."""
    today = timezone.localdate()
    vacancy = VacancyFactory(
        status=Vacancy.Status.CLOSED,
        lead_consultant=recruiter,
        published_on=today - timedelta(days=35),
        closing_date=today - timedelta(days=7),
    )
    requirements = [
        RequirementFactory(vacancy=vacancy, order=number, text=text)
        for number, text in enumerate(REQUIREMENTS)
    ]
    planning_generate(vacancy=vacancy)
    chair = CommitteeMemberFactory(
        vacancy=vacancy,
        role=CommitteeMember.Role.CHAIR,
        organisation="Voorzitter van het bestuur",
        user=UserFactory(username="voorzitter", first_name="Hanneke", last_name="Bos"),
    )

    def application(first_name, last_name):
        candidate = CandidateFactory(
            first_name=first_name,
            last_name=last_name,
            current_position="Directeur Bedrijfsvoering",
            current_organisation="Provincie Zeeland",
        )
        return ApplicationFactory(vacancy=vacancy, candidate=candidate)

    anna = application("Anna", "Visser")
    bram = application("Bram", "Dekker")
    carla = application("Carla", "Smit")
    for shortlisted in (anna, bram):
        application_move(
            application=shortlisted, to_stage=Application.Stage.SHORTLIST, by=recruiter
        )
    cv = document_store(
        application=anna,
        kind=Document.Kind.CV,
        upload=upload(make_pdf("Curriculum vitae Anna Visser", pages=2), CV_NAME),
        stored=[],
    )
    assessment_save(
        application=anna,
        by=recruiter,
        scores={r.pk: (4, "Ruime ervaring, overtuigend onderbouwd.") for r in requirements},
        summary="Een ervaren bestuurder met een sterke staat van dienst.",
        career="2019-2025 Directeur Bedrijfsvoering, Provincie Zeeland.",
        recommendation="propose",
    )
    scorecard_save(
        member=chair,
        application=anna,
        scores={r.pk: score for r, score in zip(requirements, CHAIR_SCORES, strict=True)},
        recommendation=Scorecard.Recommendation.INVITE,
        comments=CHAIR_COMMENT,
        submit=True,
    )
    return {
        "vacancy": vacancy,
        "requirements": requirements,
        "chair": chair,
        "anna": anna,
        "bram": bram,
        "carla": carla,
        "cv": cv,
    }


def assert_fits_the_screen(page):
    """Nothing scrolls sideways on the phone, except inside a box made to scroll."""
    assert horizontal_overflow(page) <= 0, f"{page.url} scrolls sideways"


def visit(page, device):
    """What every page of the journey must pass: axe-core, and the width of a phone."""
    assert_accessible(page)
    if device == "phone":
        assert_fits_the_screen(page)


def wait_for_email(to, *, timeout=15.0):
    """The invitation is sent after commit, in the server's thread: wait for it, bounded."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        for message in list(mail.outbox):
            if to in message.to:
                return message
        time.sleep(0.05)
    raise AssertionError(f"no email to {to} within {timeout} s; outbox: {mail.outbox}")


def log_out(page):
    """The logout button in the navigation bar; on a phone, behind the menu button first."""
    menu = page.get_by_role("button", name="Menu")
    if menu.is_visible():
        menu.click()
    page.get_by_role("button", name="Uitloggen").click()
    page.wait_for_url(lambda url: reverse("login") in url)


def choose(radio):
    """Pick a score as a person does: by its button, the label of a radio that is visually
    hidden (Bootstrap's .btn-check); found through the radio's accessible name."""
    radio.page.locator(f"label[for='{radio.get_attribute('id')}']").click()
    assert radio.is_checked()


def test_member_accepts_reads_a_cv_scores_and_the_recruiter_sees_the_matrix(
    live_server, page, device, recruiter, procedure, settings
):
    settings.SITE_URL = live_server.url  # the link in the email points at the test server
    vacancy, chair = procedure["vacancy"], procedure["chair"]
    anna, bram, carla = procedure["anna"], procedure["bram"], procedure["carla"]
    requirements = procedure["requirements"]
    url = live_server.url

    # The recruiter invites a new member from the committee page.
    committee_url = reverse("vacancies:committee", args=[vacancy.pk])
    log_in(page, live_server, recruiter, start_url=committee_url)
    assert page.url == url + committee_url
    assert_accessible(page)
    invite = page.locator("#committee-invite-form")
    invite.get_by_label("E-mailadres").fill(MEMBER_EMAIL)
    invite.get_by_label("Voornaam").fill("Marieke")
    invite.get_by_label("Achternaam").fill("Dekker")
    invite.get_by_label("Organisatie / functie").fill("Gedeputeerde Staten")
    invite.get_by_role("button", name="Uitnodiging versturen").click()
    page.wait_for_url(url + committee_url)
    page.locator("#messages").get_by_text(
        "Marieke Dekker is per e-mail uitgenodigd voor de commissie."
    ).wait_for()
    member = CommitteeMember.objects.select_related("user").get(user__email=MEMBER_EMAIL)
    assert (member.vacancy_id, member.role) == (vacancy.pk, CommitteeMember.Role.MEMBER)
    assert not member.user.has_usable_password()
    assert "Uitgenodigd" in page.locator(f"#member-{member.pk}").inner_text()
    assert_accessible(page)

    message = wait_for_email(MEMBER_EMAIL)
    assert "Algemeen Directeur" in message.subject + message.body
    found = LINK.search(message.body)
    assert found, message.body
    invitation_link = found.group(0)
    assert invitation_link.startswith(url)
    log_out(page)

    # The member opens the link and chooses a password (twice).
    page.goto(invitation_link)
    assert page.get_by_role("heading", level=1).inner_text() == "Welkom in de selectiecommissie"
    assert page.locator("#invitation-username").inner_text() == member.user.username
    visit(page, device)
    page.get_by_label("Kies een wachtwoord").fill(MEMBER_PASSWORD)
    page.get_by_label("Hetzelfde wachtwoord nogmaals").fill(MEMBER_PASSWORD)
    page.get_by_role("button", name="Wachtwoord opslaan en inloggen").click()

    # "My committees": the vacancy, with the candidates released to the committee.
    page.wait_for_url(url + reverse("candidates:committee_home"))
    page.locator("#messages").get_by_text(
        "Welkom! Uw wachtwoord is opgeslagen en u bent ingelogd."
    ).wait_for()
    member.user.refresh_from_db()
    assert member.user.check_password(MEMBER_PASSWORD)
    assert CommitteeInvitation.objects.get(member=member).accepted_at is not None
    assert page.get_by_role("heading", level=1).inner_text() == "Mijn commissies"
    card = page.locator(f"#committee-{vacancy.pk}")
    assert "2 kandidaten" in card.locator(".committee-progress").inner_text()
    assert card.locator(".next-date strong").inner_text()  # the planning's next date
    visit(page, device)
    card.get_by_role("heading", name=vacancy.title).get_by_role("link").click()

    # The vacancy: Anna and Bram, not Carla (not released).
    page.wait_for_url(url + reverse("candidates:committee_vacancy", args=[vacancy.pk]))
    shortlist = page.locator("#shortlist")
    names = shortlist.locator(".shortlist-card h3").all_inner_texts()
    assert sorted(names) == ["Anna Visser", "Bram Dekker"]
    assert carla.candidate.full_name not in page.content()
    assert page.locator("#matrix-link").count() == 0  # the matrix is for the chair
    visit(page, device)
    shortlist.get_by_role("link", name="Anna Visser", exact=True).click()

    # Anna: the consultant's assessment and her CV, opened in the browser and downloaded.
    page.wait_for_url(url + reverse("candidates:committee_application", args=[anna.pk]))
    assert page.get_by_role("heading", level=1).inner_text() == "Anna Visser"
    assessment = page.locator("#assessment")
    assert "Een ervaren bestuurder" in assessment.inner_text()
    assert "Provincie Zeeland" in assessment.locator(".assessment-career").inner_text()
    assert assessment.locator(".assessment-requirements li").count() == len(REQUIREMENTS)
    visit(page, device)

    # "Open" shows the PDF in the browser's own viewer, in the same tab.
    documents = page.locator("#documents")
    candidate_url = page.url
    with page.expect_response(lambda response: "inline=1" in response.url) as opening:
        documents.get_by_role("link", name=re.compile(r"^Openen\b")).click()
    opened = opening.value
    assert opened.ok
    assert opened.headers["content-type"] == "application/pdf"
    assert opened.headers["content-disposition"].startswith("inline")
    page.wait_for_url(lambda current: "inline=1" in current)
    page.go_back()
    page.wait_for_url(candidate_url)
    with page.expect_download() as downloading:
        documents.get_by_role("link", name=re.compile(r"^Downloaden\b")).click()
    download = downloading.value
    assert download.suggested_filename == CV_NAME
    with open(download.path(), "rb") as saved:
        assert saved.read(5) == b"%PDF-"
    # Both are logged, for the recruiter to see.
    assert DocumentAccess.objects.filter(document=procedure["cv"], user=member.user).count() == 2

    # The scorecard: the chair's scores are hidden until the member has submitted their own.
    page.locator("#my-status").get_by_role("link", name="Scoren", exact=True).click()
    scorecard_url = url + reverse("candidates:scorecard", args=[anna.pk])
    page.wait_for_url(scorecard_url)
    assert page.get_by_role("heading", level=1).inner_text() == "Scorekaart voor Anna Visser"
    assert page.locator("#scores-hidden").inner_text() == (
        "De scores van de andere leden worden hier zichtbaar zodra u uw eigen scorekaart hebt "
        "ingediend."
    )
    assert page.locator("#committee-table").count() == 0
    content = page.content()
    assert str(chair.user) not in content
    assert CHAIR_COMMENT not in content
    visit(page, device)

    form = page.locator("#scorecard-form")
    for number, (requirement, score) in enumerate(
        zip(requirements, MEMBER_SCORES, strict=True), start=1
    ):
        group = form.get_by_role("group", name=f"{number}. {requirement.text}")
        choose(group.get_by_role("radio", name=SCORE_NAMES[score], exact=True))
    form.get_by_role("group", name="Advies").get_by_role(
        "radio", name="Uitnodigen", exact=True
    ).check()
    form.get_by_label("Opmerkingen").fill(MEMBER_COMMENT)

    # Submitting without the confirmation: refused, and nothing typed is lost.
    form.get_by_role("button", name="Scorekaart indienen").click()
    page.locator("#scorecard-errors").wait_for()
    assert "Uw scorekaart is niet ingediend." in page.locator("#scorecard-errors").inner_text()
    assert not Scorecard.objects.filter(member=member).exists()
    form = page.locator("#scorecard-form")
    for number, (requirement, score) in enumerate(
        zip(requirements, MEMBER_SCORES, strict=True), start=1
    ):
        group = form.get_by_role("group", name=f"{number}. {requirement.text}")
        assert group.get_by_role("radio", name=SCORE_NAMES[score], exact=True).is_checked()
    assert form.get_by_role("radio", name="Uitnodigen", exact=True).is_checked()
    assert form.get_by_label("Opmerkingen").input_value() == MEMBER_COMMENT
    assert page.locator("#scores-hidden").is_visible()
    visit(page, device)

    form.get_by_label(
        "Ik begrijp dat ik mijn scorekaart na het indienen niet meer kan wijzigen."
    ).check()
    form.get_by_role("button", name="Scorekaart indienen").click()

    # Submitted: now the member sees the chair's scores next to their own.
    page.wait_for_url(scorecard_url)
    page.locator("#messages").get_by_text(
        "Uw scorekaart is ingediend. U ziet nu de scores van de andere leden."
    ).wait_for()
    submitted = Scorecard.objects.get(member=member, application=anna)
    assert submitted.submitted_at is not None
    assert submitted.recommendation == Scorecard.Recommendation.INVITE
    assert [s.score for s in submitted.scores.order_by("requirement__order")] == MEMBER_SCORES
    assert page.locator("#scorecard-form").count() == 0
    table = page.locator("#committee-table")
    chair_row = table.locator(f"tr[data-member='{chair.pk}']")
    own_row = table.locator(f"tr[data-member='{member.pk}']")
    assert str(chair.user) in chair_row.locator("th").inner_text()
    assert chair_row.locator("td.score-number").all_inner_texts() == [
        *map(str, CHAIR_SCORES),
        "4,5",
    ]
    assert own_row.locator("td.score-number").all_inner_texts() == [
        *map(str, MEMBER_SCORES),
        "3,5",
    ]
    assert table.locator("tfoot td[data-average]").inner_text() == "4,0"
    assert CHAIR_COMMENT in page.locator("#committee-scores").inner_text()
    visit(page, device)
    log_out(page)

    # The recruiter: the matrix with both members' scores of Anna, and nobody's of Bram yet.
    matrix_url = reverse("candidates:score_matrix", args=[vacancy.pk])
    log_in(page, live_server, recruiter, start_url=matrix_url)
    assert page.url == url + matrix_url
    overview = page.locator("#matrix-overview")
    anna_row = overview.locator(f"tr[data-application='{anna.pk}']")
    bram_row = overview.locator(f"tr[data-application='{bram.pk}']")
    assert overview.locator(f"tr[data-application='{carla.pk}']").count() == 0
    for seat, average in ((chair, "4,5"), (member, "3,5")):
        cell = anna_row.locator(f"td[data-member='{seat.pk}']")
        assert cell.get_attribute("data-status") == "submitted"
        assert average in cell.inner_text()
        waiting = bram_row.locator(f"td[data-member='{seat.pk}']")
        assert waiting.get_attribute("data-status") == "not_started"
        assert "Nog niet begonnen" in waiting.inner_text()
    assert anna_row.locator("td[data-average]").inner_text() == "4,0"
    assert anna_row.locator("td[data-submitted]").inner_text() == "2 van 2"
    assert bram_row.locator("td[data-submitted]").inner_text() == "0 van 2"
    anna_table = page.locator(f"#candidate-table-{anna.pk}")
    assert anna_table.locator(
        f"tr[data-member='{member.pk}'] td.score-number"
    ).all_inner_texts() == [*map(str, MEMBER_SCORES), "3,5"]
    assert "Uitnodigen: 2" in anna_table.locator("tfoot").inner_text()
    not_yet = page.locator(f"#candidate-{bram.pk} [data-waiting]").inner_text()
    assert "Nog niet ingediend:" in not_yet
    assert str(chair.user) in not_yet
    assert str(member.user) in not_yet
    visit(page, device)

    # The committee page: the invitation is accepted.
    page.goto(url + committee_url)
    assert "Geaccepteerd" in page.locator(f"#member-{member.pk}").inner_text()
    assert_accessible(page)
