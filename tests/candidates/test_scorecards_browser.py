"""Scoring in Chromium, on a phone and on a desktop: a member fills in the scorecard by tapping
the score buttons, saves a draft, submits and then sees the others' scores; the chair and the
recruiter read the matrix. The pages meet WCAG 2.1 AA and never get wider than the screen (a
wide table scrolls inside its own box)."""

import pytest
from django.urls import reverse

from candidates.models import Application, Scorecard
from candidates.services.release import application_release
from candidates.services.scorecards import conflict_declare, scorecard_save
from tests.accounts.factories import RecruiterFactory, UserFactory
from tests.candidates.factories import ApplicationFactory, CandidateFactory
from tests.e2e.conftest import assert_accessible, horizontal_overflow, log_in
from tests.vacancies.factories import CommitteeMemberFactory, RequirementFactory, VacancyFactory
from vacancies.models import CommitteeMember, Vacancy

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PHONE = {"width": 360, "height": 740}
DESKTOP = {"width": 1280, "height": 900}


def build():
    vacancy = VacancyFactory(status=Vacancy.Status.CLOSED)
    requirements = [
        RequirementFactory(vacancy=vacancy, order=n, text=text)
        for n, text in enumerate(
            [
                "Academisch werk- en denkniveau",
                "Ruime ervaring in een bestuurlijke omgeving",
                "Verbindend en inspirerend leiderschap",
                "Kennis van het openbaar bestuur",
            ]
        )
    ]
    applications = []
    for first, last in (("Inge", "Jansen"), ("Pieter", "de Vries"), ("Sanne", "Bakker")):
        application = ApplicationFactory(
            vacancy=vacancy,
            stage=Application.Stage.SHORTLIST,
            candidate=CandidateFactory(first_name=first, last_name=last),
        )
        application_release(application=application, by=None)
        applications.append(application)
    people = [
        ("Carla", "Voorzitter", CommitteeMember.Role.CHAIR),
        ("Anna", "Aalberts", CommitteeMember.Role.MEMBER),
        ("Bert", "Bos", CommitteeMember.Role.WORKS_COUNCIL),
        ("Dirk", "Dekker", CommitteeMember.Role.HR),
        ("Eva", "Evers", CommitteeMember.Role.ADVISER),
    ]
    members = [
        CommitteeMemberFactory(
            vacancy=vacancy,
            role=role,
            user=UserFactory(username=first.lower(), first_name=first, last_name=last),
        )
        for first, last, role in people
    ]
    chair, anna, bert, dirk, eva = members
    for member, values, recommendation in (
        (bert, [2, 3, 4, 3], "doubt"),
        (dirk, [4, 4, 5, 4], "invite"),
    ):
        scorecard_save(
            member=member,
            application=applications[0],
            scores={r.pk: v for r, v in zip(requirements, values, strict=True)},
            recommendation=recommendation,
            comments=f"Toelichting van {member.user.first_name}",
            submit=True,
        )
    conflict_declare(member=eva, application=applications[0], explanation="Oud-collega")
    return vacancy, requirements, applications, chair, anna


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_member_scores_then_sees_the_others_and_the_recruiter_reads_the_matrix(
    live_server, page, viewport
):
    vacancy, requirements, applications, chair, anna = build()
    page.set_viewport_size(viewport)
    url = reverse("candidates:scorecard", args=[applications[0].pk])

    log_in(page, live_server, anna.user, start_url=url)
    assert page.locator("#scores-hidden").is_visible()
    assert page.get_by_text("Toelichting van Bert").count() == 0
    assert horizontal_overflow(page) == 0
    assert_accessible(page)

    for requirement, value in zip(requirements, [4, 4, 3, 5], strict=True):
        page.locator(f"label[for='id_score_{requirement.pk}_{value - 1}']").click()
    page.get_by_label("Uitnodigen", exact=True).check()
    page.get_by_label("Opmerkingen").fill("Sterke bestuurder")
    page.get_by_role("button", name="Concept opslaan").click()
    page.wait_for_url(lambda u: u.endswith(url))
    assert page.get_by_text("Uw concept is opgeslagen").is_visible()
    assert Scorecard.objects.get(member=anna).submitted_at is None

    # Submitting without ticking the box is refused, and nothing is lost.
    page.get_by_role("button", name="Scorekaart indienen").click()
    assert page.locator("#scorecard-errors").is_visible()
    assert page.get_by_label("Opmerkingen").input_value() == "Sterke bestuurder"
    page.get_by_label("Ik begrijp dat ik mijn scorekaart na het indienen niet meer kan").check()
    page.get_by_role("button", name="Scorekaart indienen").click()
    page.wait_for_url(lambda u: u.endswith(url))

    assert page.locator("#scorecard-submitted").is_visible()
    table = page.locator("#committee-table")
    assert table.is_visible()
    assert "Bert Bos" in table.inner_text() and "Dirk Dekker" in table.inner_text()
    assert "Eva" not in table.inner_text()  # a conflict: neither scored nor shown
    assert page.get_by_text("Toelichting van Bert").is_visible()
    assert horizontal_overflow(page) == 0
    assert_accessible(page)

    for viewer in (chair.user, RecruiterFactory(username="werver")):
        page.context.clear_cookies()
        log_in(
            page,
            live_server,
            viewer,
            start_url=reverse("candidates:score_matrix", args=[vacancy.pk]),
        )
        assert page.locator("#matrix-overview").is_visible()
        assert "Oud-collega" in page.locator("#conflicts-table").inner_text()
        overview = page.locator(f"#overview-{applications[0].pk}").inner_text()
        assert "3 van 4" in overview  # Bert, Dirk and Anna of the four without a conflict
        assert horizontal_overflow(page) == 0
        assert_accessible(page)
        # Printed for the meeting: the tables without the navigation.
        page.emulate_media(media="print")
        assert page.locator("#matrix-overview").is_visible()
        assert not page.locator("nav.navbar").is_visible()
        assert not page.locator("#vacancy-tabs").is_visible()
        page.emulate_media(media="screen")


def test_declaring_a_conflict_in_the_browser(live_server, page):
    _vacancy, _requirements, applications, _chair, anna = build()
    page.set_viewport_size(PHONE)
    url = reverse("candidates:conflict_declare", args=[applications[1].pk])

    log_in(page, live_server, anna.user, start_url=url)
    assert_accessible(page)
    page.get_by_role("button", name="Belangenverstrengeling melden").click()
    assert "Licht kort toe" in page.locator("#conflict-form").inner_text()
    page.get_by_label("Toelichting").fill("Mijn zwager")
    page.get_by_role("button", name="Belangenverstrengeling melden").click()
    page.wait_for_url(lambda u: u.endswith(url))

    assert page.locator("#conflict-explanation").inner_text() == "Mijn zwager"
    assert horizontal_overflow(page) == 0
    assert_accessible(page)
