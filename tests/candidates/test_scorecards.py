"""Scorecards, conflicts of interest and the matrix: what a member, the chair and the recruiter
see and may do (candidates.views.scorecards, services.scorecards, selectors.scores)."""

from types import SimpleNamespace

import lxml.html
import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from candidates.models import (
    Application,
    ConflictOfInterest,
    Scorecard,
    ScorecardScore,
)
from candidates.services.release import application_release, application_release_withdraw
from candidates.services.scorecards import (
    IncompleteScorecard,
    conflict_declare,
    scorecard_save,
)
from tests.accounts.factories import RecruiterFactory, UserFactory
from tests.candidates.factories import ApplicationFactory, CandidateFactory
from tests.vacancies.factories import CommitteeMemberFactory, RequirementFactory, VacancyFactory
from vacancies.models import CommitteeMember, Vacancy

pytestmark = pytest.mark.django_db

INVITE = Scorecard.Recommendation.INVITE
DOUBT = Scorecard.Recommendation.DOUBT


def member_of(vacancy, first, last, role=CommitteeMember.Role.MEMBER):
    user = UserFactory(username=first.lower(), first_name=first, last_name=last)
    return CommitteeMemberFactory(vacancy=vacancy, user=user, role=role)


@pytest.fixture
def procedure():
    """A running procedure (closed for applications) with three requirements, a released and an
    unreleased candidate, a chair and four members; another vacancy with its own member."""
    vacancy = VacancyFactory(status=Vacancy.Status.CLOSED)
    requirements = [
        RequirementFactory(vacancy=vacancy, order=number, text=text)
        for number, text in enumerate(
            ["Academisch denkniveau", "Bestuurlijke sensitiviteit", "Verbindend leiderschap"],
            start=1,
        )
    ]
    released = ApplicationFactory(
        vacancy=vacancy,
        stage=Application.Stage.SHORTLIST,
        candidate=CandidateFactory(first_name="Inge", last_name="Jansen"),
    )
    application_release(application=released, by=None)
    unreleased = ApplicationFactory(vacancy=vacancy, stage=Application.Stage.PRESELECTION)
    other_vacancy = VacancyFactory(status=Vacancy.Status.CLOSED)
    elsewhere = ApplicationFactory(vacancy=other_vacancy, stage=Application.Stage.SHORTLIST)
    application_release(application=elsewhere, by=None)
    return SimpleNamespace(
        vacancy=vacancy,
        requirements=requirements,
        released=released,
        unreleased=unreleased,
        elsewhere=elsewhere,
        chair=member_of(vacancy, "Carla", "Voorzitter", CommitteeMember.Role.CHAIR),
        anna=member_of(vacancy, "Anna", "Aalberts"),
        bert=member_of(vacancy, "Bert", "Bos"),
        dirk=member_of(vacancy, "Dirk", "Dekker"),
        eva=member_of(vacancy, "Eva", "Evers"),
        outsider=CommitteeMemberFactory(vacancy=other_vacancy, user=UserFactory(username="ander")),
        recruiter=RecruiterFactory(username="werver"),
    )


def scores_of(procedure, *values):
    return {r.pk: v for r, v in zip(procedure.requirements, values, strict=True)}


def save(procedure, member, values, recommendation="", comments="", submit=False, app=None):
    return scorecard_save(
        member=member,
        application=app or procedure.released,
        scores=scores_of(procedure, *values),
        recommendation=recommendation,
        comments=comments,
        submit=submit,
    )


def form_data(procedure, values, recommendation="", comments="", action="draft", confirm=False):
    data = {"action": action, "recommendation": recommendation, "comments": comments}
    for requirement, value in zip(procedure.requirements, values, strict=True):
        data[f"score_{requirement.pk}"] = "" if value is None else str(value)
    if confirm:
        data["confirm"] = "on"
    return data


def scorecard_url(application):
    return reverse("candidates:scorecard", args=[application.pk])


def conflict_url(application):
    return reverse("candidates:conflict_declare", args=[application.pk])


def matrix_url(vacancy):
    return reverse("candidates:score_matrix", args=[vacancy.pk])


def as_user(client, member_or_user):
    client.force_login(getattr(member_or_user, "user", member_or_user))
    return client


def page(response):
    return lxml.html.fromstring(response.content.decode())


def text_of(response, element_id):
    found = page(response).get_element_by_id(element_id, None)
    return " ".join(found.text_content().split()) if found is not None else None


def checked(response, name):
    """The value of the checked radio button `name`, or None."""
    values = page(response).xpath(f'//input[@name="{name}"][@checked]/@value')
    return values[0] if values else None


def stored(member, application):
    card = Scorecard.objects.get(member=member, application=application)
    return card, [s.score for s in card.scores.order_by("requirement__order")]


# --- drafts and submitting ------------------------------------------------------------------


def test_member_saves_a_draft_then_submits_once(client, procedure):
    client = as_user(client, procedure.anna)
    url = scorecard_url(procedure.released)

    response = client.get(url)
    assert response.status_code == 200
    assert text_of(response, "scores-hidden")
    assert "Academisch denkniveau" in text_of(
        response, f"requirement-{procedure.requirements[0].pk}"
    )

    response = client.post(url, form_data(procedure, [4, None, 2], comments="Eerste indruk"))
    assert response.status_code == 302
    card, values = stored(procedure.anna, procedure.released)
    assert (card.submitted_at, values, card.comments) == (None, [4, None, 2], "Eerste indruk")

    response = client.get(url)
    assert "Uw concept is opgeslagen" in response.content.decode()
    assert checked(response, f"score_{procedure.requirements[0].pk}") == "4"
    assert checked(response, f"score_{procedure.requirements[1].pk}") == ""
    assert "Eerste indruk" in text_of(response, "scorecard-form")

    response = client.post(
        url,
        form_data(procedure, [4, 3, 2], INVITE, "Sterke kandidaat", action="submit", confirm=True),
    )
    assert response.status_code == 302
    card, values = stored(procedure.anna, procedure.released)
    assert card.submitted_at is not None
    assert (values, card.recommendation, card.comments) == ([4, 3, 2], INVITE, "Sterke kandidaat")

    response = client.get(url)
    assert "Uw scorekaart is ingediend" in response.content.decode()
    assert not page(response).xpath('//form[@id="scorecard-form"]')
    assert "U hebt deze scorekaart ingediend op" in text_of(response, "scorecard-submitted")
    assert text_of(response, "own-recommendation") == "Uitnodigen"
    assert text_of(response, "own-comments") == "Sterke kandidaat"
    assert ScorecardScore.objects.count() == 3


def test_submitting_an_incomplete_scorecard_is_refused_in_dutch_and_keeps_the_input(
    client, procedure
):
    client = as_user(client, procedure.anna)

    response = client.post(
        scorecard_url(procedure.released),
        form_data(procedure, [5, None, 3], "", "Mijn lange toelichting", "submit", confirm=True),
    )

    assert response.status_code == 400
    errors = text_of(response, "scorecard-errors")
    assert "Uw scorekaart is niet ingediend." in errors
    assert "Geef elke functie-eis een score van 1 tot en met 5 voordat u indient." in errors
    assert "Kies een advies voordat u indient." in errors
    missing = text_of(response, f"requirement-{procedure.requirements[1].pk}")
    assert "Geef een score van 1 tot en met 5." in missing
    assert "Kies een advies." in text_of(response, "recommendation")
    # Nothing typed is lost, nothing is saved.
    assert checked(response, f"score_{procedure.requirements[0].pk}") == "5"
    assert checked(response, f"score_{procedure.requirements[2].pk}") == "3"
    assert "Mijn lange toelichting" in text_of(response, "scorecard-form")
    assert not Scorecard.objects.exists()


def test_submitting_without_the_confirmation_is_refused(client, procedure):
    client = as_user(client, procedure.anna)

    response = client.post(
        scorecard_url(procedure.released),
        form_data(procedure, [5, 4, 3], INVITE, "Goed", action="submit", confirm=False),
    )

    assert response.status_code == 400
    assert "Vink het vakje aan" in response.content.decode()
    assert checked(response, "recommendation") == INVITE
    assert not Scorecard.objects.exists()


def test_a_score_out_of_range_is_refused_and_the_rest_kept(client, procedure):
    client = as_user(client, procedure.anna)
    data = form_data(procedure, [5, 4, 3], INVITE, "Goed")
    data[f"score_{procedure.requirements[1].pk}"] = "9"

    response = client.post(scorecard_url(procedure.released), data)

    assert response.status_code == 400
    assert "Kies een score van 1 tot en met 5." in response.content.decode()
    assert checked(response, f"score_{procedure.requirements[0].pk}") == "5"
    assert not Scorecard.objects.exists()
    with pytest.raises(ValidationError):
        save(procedure, procedure.anna, [5, 0, 3])
    with pytest.raises(ValidationError):
        save(procedure, procedure.anna, [5, 4, 3], recommendation="hire")
    assert not Scorecard.objects.exists()


def test_a_submitted_scorecard_never_changes(client, procedure):
    save(procedure, procedure.anna, [4, 3, 2], INVITE, "Definitief", submit=True)
    client = as_user(client, procedure.anna)

    response = client.post(
        scorecard_url(procedure.released),
        form_data(procedure, [1, 1, 1], DOUBT, "Toch niet", action="submit", confirm=True),
        follow=True,
    )

    assert "kan niet meer worden gewijzigd" in response.content.decode()
    card, values = stored(procedure.anna, procedure.released)
    assert (values, card.recommendation, card.comments) == ([4, 3, 2], INVITE, "Definitief")
    with pytest.raises(ValidationError) as error:
        save(procedure, procedure.anna, [1, 1, 1], DOUBT)
    assert error.value.code == "submitted"
    with pytest.raises(ValidationError):
        save(procedure, procedure.anna, [1, 1, 1], DOUBT, submit=True)
    card, values = stored(procedure.anna, procedure.released)
    assert (values, card.recommendation) == ([4, 3, 2], INVITE)


def test_the_service_names_what_is_missing(procedure):
    with pytest.raises(IncompleteScorecard) as error:
        save(procedure, procedure.anna, [5, None, None], INVITE, submit=True)
    assert error.value.missing == [procedure.requirements[1].pk, procedure.requirements[2].pk]
    assert not error.value.recommendation_missing


# --- hidden until submitted ---------------------------------------------------------------


def test_others_scores_stay_hidden_until_the_member_submits(client, procedure):
    save(procedure, procedure.bert, [2, 2, 5], DOUBT, "Bert twijfelt over de ervaring", True)
    save(procedure, procedure.dirk, [1, 1, 1], DOUBT, "Dirk zijn concept", False)
    client = as_user(client, procedure.anna)
    url = scorecard_url(procedure.released)

    before = client.get(url)
    content = before.content.decode()
    assert before.context["see_scores"] is False
    assert "Bert" not in content and "twijfelt" not in content
    assert not page(before).xpath('//table[@id="committee-table"]')
    assert text_of(before, "scores-hidden").startswith("De scores van de andere leden worden")

    # Saving a draft does not show them either.
    client.post(url, form_data(procedure, [4, 4, 4], INVITE))
    assert "twijfelt" not in client.get(url).content.decode()

    client.post(url, form_data(procedure, [4, 4, 5], INVITE, "", "submit", confirm=True))
    after = client.get(url)
    content = after.content.decode()
    assert "Bert twijfelt over de ervaring" in content
    assert "Dirk zijn concept" not in content  # a draft is its member's own
    table = text_of(after, "committee-table")
    assert "Bert Bos" in table and "Dirk" not in table
    assert "Gemiddelde van 2 scorekaarten" in table
    # Per requirement (4+2)/2, (4+2)/2, (5+5)/2; overall 22/6.
    averages = page(after).xpath('//table[@id="committee-table"]/tfoot//td/text()')
    assert averages[:4] == ["3,0", "3,0", "5,0", "3,7"]


def test_the_chair_sees_the_scores_without_submitting(client, procedure):
    save(procedure, procedure.bert, [2, 2, 5], DOUBT, "Bert twijfelt", True)

    response = as_user(client, procedure.chair).get(scorecard_url(procedure.released))

    assert response.status_code == 200
    assert "Bert twijfelt" in response.content.decode()
    assert page(response).xpath('//form[@id="scorecard-form"]')


# --- conflicts of interest ----------------------------------------------------------------


def test_declaring_a_conflict_deletes_the_draft_and_closes_scoring(client, procedure):
    save(procedure, procedure.anna, [3, 3, 3], INVITE)
    save(procedure, procedure.bert, [2, 2, 5], DOUBT, "Bert twijfelt", True)
    client = as_user(client, procedure.anna)

    form = client.get(conflict_url(procedure.released))
    assert form.status_code == 200
    assert text_of(form, "conflict-warning-draft")

    empty = client.post(conflict_url(procedure.released), {"explanation": "   "})
    assert empty.status_code == 400
    assert "Licht kort toe waaruit de belangenverstrengeling bestaat." in empty.content.decode()
    assert not ConflictOfInterest.objects.exists()

    response = client.post(conflict_url(procedure.released), {"explanation": "Oud-collega"})
    assert response.status_code == 302
    conflict = ConflictOfInterest.objects.get()
    assert (conflict.member, conflict.explanation) == (procedure.anna, "Oud-collega")
    assert not Scorecard.objects.filter(member=procedure.anna).exists()

    shown = client.get(conflict_url(procedure.released))
    assert text_of(shown, "conflict-explanation") == "Oud-collega"
    assert not page(shown).xpath('//form[@id="conflict-form"]')
    # Scoring and the others' scores are closed to her.
    assert client.get(scorecard_url(procedure.released)).status_code == 404
    assert client.post(scorecard_url(procedure.released), {}).status_code == 404
    with pytest.raises(ValidationError):
        save(procedure, procedure.anna, [3, 3, 3], INVITE)
    # A declaration is not withdrawn or rewritten.
    client.post(conflict_url(procedure.released), {"explanation": "Toch niet"})
    assert ConflictOfInterest.objects.get().explanation == "Oud-collega"
    again = conflict_declare(
        member=procedure.anna, application=procedure.released, explanation="Iets anders"
    )
    assert again == conflict and ConflictOfInterest.objects.count() == 1


def test_chair_and_recruiter_see_the_declaration_in_the_matrix(client, procedure):
    conflict_declare(
        member=procedure.eva, application=procedure.released, explanation="Zus van de kandidaat"
    )

    for viewer in (procedure.chair, procedure.recruiter):
        response = as_user(client, viewer).get(matrix_url(procedure.vacancy))
        assert response.status_code == 200
        conflicts = text_of(response, "conflicts-table")
        assert "Eva Evers" in conflicts and "Zus van de kandidaat" in conflicts
        assert "Inge Jansen" in conflicts
        cell = page(response).xpath(
            f'//tr[@id="overview-{procedure.released.pk}"]/td[@data-member="{procedure.eva.pk}"]'
        )[0]
        assert cell.get("data-status") == "conflict"
        assert "Belangenverstrengeling" in cell.text_content()


def test_a_scorecard_submitted_before_a_conflict_is_kept_but_not_counted(client, procedure):
    save(procedure, procedure.anna, [1, 1, 1], DOUBT, "Vóór de melding", True)
    save(procedure, procedure.bert, [5, 5, 5], INVITE, "Bert", True)

    conflict_declare(member=procedure.anna, application=procedure.released, explanation="Buurvrouw")

    assert Scorecard.objects.get(member=procedure.anna).is_submitted
    response = as_user(client, procedure.recruiter).get(matrix_url(procedure.vacancy))
    candidate = response.context["matrix"].candidates[0]
    assert (candidate.summary.average, candidate.summary.counted) == (5.0, 1)
    assert "ingediend vóór de melding; telt niet mee" in response.content.decode()
    assert "Vóór de melding" not in response.content.decode()
    # Bert, who submitted, does not see her scores either.
    bert = as_user(client, procedure.bert).get(scorecard_url(procedure.released))
    assert "Anna" not in text_of(bert, "committee-table")
    assert "Gemiddelde van 1 scorekaart" in text_of(bert, "committee-table")


def test_a_chair_with_a_conflict_does_not_see_that_candidates_scores(client, procedure):
    save(procedure, procedure.bert, [5, 5, 5], INVITE, "Bert zijn mening", True)
    conflict_declare(member=procedure.chair, application=procedure.released, explanation="Oom")

    response = as_user(client, procedure.chair).get(matrix_url(procedure.vacancy))

    assert response.status_code == 200
    assert text_of(response, f"candidate-{procedure.released.pk}-hidden")
    assert "Bert zijn mening" not in response.content.decode()
    assert not page(response).xpath(f'//table[@id="candidate-table-{procedure.released.pk}"]')
    assert "Oom" in text_of(response, "conflicts-table")


# --- who may open what --------------------------------------------------------------------


def test_unreleased_other_vacancy_and_ended_procedures_answer_404(client, procedure):
    client = as_user(client, procedure.anna)
    for application in (procedure.unreleased, procedure.elsewhere):
        assert client.get(scorecard_url(application)).status_code == 404
        assert client.get(conflict_url(application)).status_code == 404
        assert client.post(scorecard_url(application), {}).status_code == 404
    assert client.get(reverse("candidates:scorecard", args=[999999])).status_code == 404

    application_release_withdraw(application=procedure.released, by=None)
    assert client.get(scorecard_url(procedure.released)).status_code == 404
    assert client.get(conflict_url(procedure.released)).status_code == 404
    application_release(application=procedure.released, by=None)
    assert client.get(scorecard_url(procedure.released)).status_code == 200

    Vacancy.objects.filter(pk=procedure.vacancy.pk).update(status=Vacancy.Status.APPOINTED)
    assert client.get(scorecard_url(procedure.released)).status_code == 404
    assert as_user(client, procedure.chair).get(matrix_url(procedure.vacancy)).status_code == 404
    assert (
        as_user(client, procedure.recruiter).get(matrix_url(procedure.vacancy)).status_code == 200
    )


def test_the_service_refuses_what_the_views_hide(procedure):
    for application, code in (
        (procedure.unreleased, "not_released"),
        (procedure.elsewhere, "other_vacancy"),
    ):
        with pytest.raises(ValidationError) as error:
            save(procedure, procedure.anna, [3, 3, 3], INVITE, app=application)
        assert error.value.code == code
        with pytest.raises(ValidationError):
            conflict_declare(member=procedure.anna, application=application, explanation="x")
    assert not Scorecard.objects.exists() and not ConflictOfInterest.objects.exists()


def test_only_members_score_and_only_chair_and_recruiter_see_the_matrix(client, procedure):
    for user in (procedure.recruiter, procedure.outsider.user):
        client.force_login(user)
        assert client.get(scorecard_url(procedure.released)).status_code == 404
        assert client.post(scorecard_url(procedure.released), {}).status_code == 404
        assert client.get(conflict_url(procedure.released)).status_code == 404
    assert as_user(client, procedure.anna).get(scorecard_url(procedure.released)).status_code == 200
    for member in (procedure.anna, procedure.outsider):
        assert as_user(client, member).get(matrix_url(procedure.vacancy)).status_code == 404
    client.logout()
    response = client.get(matrix_url(procedure.vacancy))
    assert response.status_code == 302 and response.url.startswith(reverse("login"))

    chair = as_user(client, procedure.chair).get(matrix_url(procedure.vacancy))
    assert chair.status_code == 200
    assert page(chair).xpath(
        f'//nav//a[@href="{reverse("candidates:committee_vacancy", args=[procedure.vacancy.pk])}"]'
    )
    assert not page(chair).xpath('//ul[@id="vacancy-tabs"]')
    recruiter = as_user(client, procedure.recruiter).get(matrix_url(procedure.vacancy))
    assert page(recruiter).xpath(
        '//ul[@id="vacancy-tabs"]//a[@aria-current="page"][@data-tab="scores"]'
    )


# --- the matrix -----------------------------------------------------------------------------


def test_the_matrix_counts_only_submitted_scorecards(client, procedure):
    save(procedure, procedure.chair, [5, 4, 3], INVITE, "Overtuigend", True)
    save(procedure, procedure.anna, [3, 2, 1], DOUBT, "Twijfel", True)
    save(procedure, procedure.bert, [1, 1, 1], DOUBT, "Concept van Bert")  # a draft
    conflict_declare(
        member=procedure.eva, application=procedure.released, explanation="Oud-collega"
    )
    # Dirk has not started.

    response = as_user(client, procedure.recruiter).get(matrix_url(procedure.vacancy))

    candidate = response.context["matrix"].candidates[0]
    assert candidate.summary.requirement_averages == [4.0, 3.0, 2.0]
    assert candidate.summary.average == 3.0
    assert candidate.summary.recommendations == [
        ("invite", "Uitnodigen", 1),
        ("doubt", "Twijfel", 1),
        ("not_invite", "Niet uitnodigen", 0),
    ]
    statuses = {card.member.user.first_name: card.status for card in candidate.cards}
    assert statuses == {
        "Carla": "submitted",
        "Anna": "submitted",
        "Bert": "draft",
        "Dirk": "not_started",
        "Eva": "conflict",
    }
    # The page says the same.
    html = page(response)
    row = f'//tr[@id="overview-{procedure.released.pk}"]'
    assert html.xpath(f"{row}/td[@data-average]")[0].text_content().strip() == "3,0"
    assert html.xpath(f"{row}/td[@data-submitted]")[0].text_content().strip() == "2 van 4"
    cell = html.xpath(f'{row}/td[@data-member="{procedure.bert.pk}"]')[0]
    assert "Concept, niet ingediend" in cell.text_content()
    cell = html.xpath(f'{row}/td[@data-member="{procedure.dirk.pk}"]')[0]
    assert "Nog niet begonnen" in cell.text_content()
    cell = html.xpath(f'{row}/td[@data-member="{procedure.chair.pk}"]')[0]
    assert "4,0" in cell.text_content() and "Uitnodigen" in cell.text_content()
    table = f'//table[@id="candidate-table-{procedure.released.pk}"]'
    assert html.xpath(f"{table}/tfoot//td/text()")[:4] == ["4,0", "3,0", "2,0", "3,0"]
    waiting = " ".join(html.xpath("//p[@data-waiting]")[0].text_content().split())
    assert "Bert Bos (concept)" in waiting and "Dirk Dekker (nog niet begonnen)" in waiting
    content = response.content.decode()
    assert "Overtuigend" in content and "Concept van Bert" not in content
    assert "1 scorekaart is nog niet ingediend." not in content
    assert "2 scorekaarten zijn nog niet ingediend." in text_of(response, "matrix-waiting")
    # Only released candidates are columns of the record.
    assert procedure.unreleased.candidate.full_name not in text_of(response, "matrix-overview")


def test_the_matrix_without_released_candidates_says_so(client, procedure):
    application_release_withdraw(application=procedure.released, by=None)

    response = as_user(client, procedure.chair).get(matrix_url(procedure.vacancy))

    assert response.status_code == 200
    assert text_of(response, "matrix-empty")
    assert text_of(response, "no-conflicts")


# --- query counts -------------------------------------------------------------------------


def build_committee(size):
    """A running procedure with `size` members and `size` released candidates: each member has
    submitted, drafted, not started or declared a conflict, spread over the candidates."""
    vacancy = VacancyFactory(status=Vacancy.Status.CLOSED)
    requirements = [RequirementFactory(vacancy=vacancy, order=n) for n in range(4)]
    users = UserFactory.create_batch(size)
    members = [
        CommitteeMember.objects.create(
            vacancy=vacancy, user=user, role="chair" if index == 0 else "member"
        )
        for index, user in enumerate(users)
    ]
    applications = []
    for _ in range(size):
        application = ApplicationFactory(vacancy=vacancy, stage=Application.Stage.SHORTLIST)
        application_release(application=application, by=None)
        applications.append(application)
    cards, conflicts = [], []
    for i, member in enumerate(members):
        for j, application in enumerate(applications):
            kind = (i + j) % 4
            if kind == 3 and i > 0:
                conflicts.append(
                    ConflictOfInterest(member=member, application=application, explanation="x")
                )
            elif kind in (0, 1):
                cards.append(
                    Scorecard(
                        member=member,
                        application=application,
                        recommendation=INVITE,
                        submitted_at=vacancy.created_at if kind == 0 else None,
                    )
                )
    ConflictOfInterest.objects.bulk_create(conflicts)
    Scorecard.objects.bulk_create(cards)
    ScorecardScore.objects.bulk_create(
        ScorecardScore(scorecard=card, requirement=requirement, score=(card.pk + n) % 5 + 1)
        for card in Scorecard.objects.filter(application__vacancy=vacancy)
        for n, requirement in enumerate(requirements)
    )
    return vacancy, members, applications


MATRIX_QUERIES = 9
# The member asks one more (has he submitted?) than the chair, who sees the scores anyway.
SCORECARD_QUERIES = {"member": 17, "chair": 16}


@pytest.mark.parametrize("size", [3, 30])
def test_matrix_queries_do_not_grow(client, size, django_assert_num_queries):
    vacancy, members, _applications = build_committee(size)
    recruiter = RecruiterFactory()
    for viewer in (recruiter, members[0].user):
        client.force_login(viewer)
        with django_assert_num_queries(MATRIX_QUERIES + (viewer != recruiter) * 3):
            response = client.get(matrix_url(vacancy))
        assert response.status_code == 200
        assert len(response.context["matrix"].candidates) == size


@pytest.mark.parametrize("size", [3, 30])
def test_scorecard_page_queries_do_not_grow(client, size, django_assert_num_queries):
    vacancy, members, applications = build_committee(size)
    # Member 1 submits their draft of the first candidate and then sees every other submitted
    # scorecard of it; the chair, whose scorecard of it is a draft, sees them too.
    first = Scorecard.objects.filter(application=applications[0])
    first.filter(member=members[1]).update(submitted_at=vacancy.created_at)
    first.filter(member=members[0]).update(submitted_at=None)
    for role, member, application in (
        ("member", members[1], applications[0]),
        ("chair", members[0], applications[0]),
    ):
        client.force_login(member.user)
        with django_assert_num_queries(SCORECARD_QUERIES[role]):
            response = client.get(scorecard_url(application))
        assert response.status_code == 200
        assert response.context["see_scores"]
        assert response.context["page"].counted
