"""The consultant's assessment: a score (1 to 5) and a text per requirement of the vacancy, a
summary and a recommendation; saved all or nothing, shown read-only on the candidate page."""

import re

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, connection, transaction
from django.db.migrations.executor import MigrationExecutor
from django.urls import reverse

from candidates.models import Application, Assessment, AssessmentScore
from candidates.services.assessment import StaleAssessment, assessment_save
from tests.accounts.factories import RecruiterFactory
from tests.candidates.factories import ApplicationFactory, CandidateFactory
from tests.vacancies.factories import CommitteeMemberFactory, RequirementFactory, VacancyFactory

pytestmark = pytest.mark.django_db

PROPOSE = Assessment.Recommendation.PROPOSE


@pytest.fixture
def vacancy():
    vacancy = VacancyFactory()
    RequirementFactory(vacancy=vacancy, order=1, text="Academisch werk- en denkniveau.")
    RequirementFactory(
        vacancy=vacancy, order=2, text="Ervaring als bestuurder in het openbaar bestuur."
    )
    RequirementFactory(vacancy=vacancy, order=3, text="Verbindend leiderschap.")
    return vacancy


@pytest.fixture
def requirements(vacancy):
    return list(vacancy.requirements.order_by("order"))


@pytest.fixture
def application(vacancy):
    candidate = CandidateFactory(first_name="Anna", last_name="de Vries")
    return ApplicationFactory(candidate=candidate, vacancy=vacancy)


def edit_url(application):
    return reverse("candidates:assessment_edit", args=[application.pk])


def detail_url(application):
    return reverse("candidates:candidate_detail", args=[application.candidate_id])


def save(application, by, scores, summary="", recommendation="", **kwargs):
    return assessment_save(
        application=application,
        by=by,
        scores=scores,
        summary=summary,
        recommendation=recommendation,
        **kwargs,
    )


def form_data(requirements, scores=None, summary="", recommendation="", **extra):
    """The POST of the form: `scores` maps a requirement to (score, text); others not scored."""
    scores = scores or {}
    data = {"summary": summary, "recommendation": recommendation, **extra}
    for requirement in requirements:
        score, text = scores.get(requirement, ("", ""))
        data[f"score_{requirement.pk}"] = str(score)
        data[f"text_{requirement.pk}"] = text
    return data


def stored(application):
    assessment = Assessment.objects.filter(application=application).first()
    if assessment is None:
        return None
    return (
        assessment.summary,
        assessment.recommendation,
        sorted(assessment.scores.values_list("requirement_id", "score", "text")),
    )


# The service -------------------------------------------------------------------------------


def test_saving_scores_creates_the_assessment_with_its_scores(application, requirements, recruiter):
    first, second, third = requirements

    assessment = save(
        application,
        recruiter,
        {first.pk: (4, " Sterk analytisch. "), second.pk: (3, ""), third.pk: (None, "")},
        summary="Overtuigend.",
        recommendation=PROPOSE,
    )

    assert assessment.application == application
    assert assessment.updated_by == recruiter
    assert assessment.summary == "Overtuigend."
    assert assessment.recommendation == PROPOSE
    # A requirement neither scored nor explained holds no row.
    assert stored(application)[2] == [(first.pk, 4, "Sterk analytisch."), (second.pk, 3, "")]


def test_saving_again_updates_the_rows_and_removes_an_emptied_one(
    application, requirements, recruiter
):
    first, second, third = requirements
    save(application, recruiter, {first.pk: (4, "Goed"), second.pk: (2, "Matig")})
    other = RecruiterFactory(username="bram")

    save(
        application,
        other,
        {first.pk: (5, "Uitstekend"), second.pk: (None, ""), third.pk: (None, "Nog navragen")},
        summary="Bijgesteld.",
        recommendation=Assessment.Recommendation.DOUBT,
    )

    assert Assessment.objects.count() == 1
    assert stored(application) == (
        "Bijgesteld.",
        "doubt",
        [(first.pk, 5, "Uitstekend"), (third.pk, None, "Nog navragen")],
    )
    assert Assessment.objects.get().updated_by == other


def test_requirements_left_out_keep_their_score(application, requirements, recruiter):
    first, second, _third = requirements
    save(application, recruiter, {first.pk: (4, ""), second.pk: (2, "")})

    save(application, recruiter, {second.pk: (3, "")})

    assert stored(application)[2] == [(first.pk, 4, ""), (second.pk, 3, "")]


@pytest.mark.parametrize("score", [0, 6, -1, "3", 2.5, True])
def test_a_score_outside_1_to_5_is_refused_and_nothing_changes(
    application, requirements, recruiter, score
):
    first, second, _third = requirements
    save(application, recruiter, {first.pk: (4, "Goed")}, summary="Eerst.")
    before = stored(application)

    with pytest.raises(ValidationError) as error:
        save(
            application,
            recruiter,
            {second.pk: (3, "Nieuw"), first.pk: (score, "Anders")},
            summary="Later.",
        )

    assert error.value.code == "score_range"
    assert "moet een getal van 1 tot en met 5 zijn" in error.value.messages[0]
    assert "Academisch werk- en denkniveau." in error.value.messages[0]
    assert stored(application) == before


def test_a_requirement_of_another_vacancy_is_refused_and_nothing_changes(
    application, requirements, recruiter
):
    foreign = RequirementFactory(vacancy=VacancyFactory(), text="Elders.")

    with pytest.raises(ValidationError) as error:
        save(
            application,
            recruiter,
            {requirements[0].pk: (4, ""), foreign.pk: (5, "")},
            summary="Mag niet.",
        )

    assert error.value.code == "foreign_requirement"
    assert "hoort" in error.value.messages[0]
    assert stored(application) is None
    assert not AssessmentScore.objects.exists()


def test_an_unknown_recommendation_is_refused(application, requirements, recruiter):
    with pytest.raises(ValidationError):
        save(application, recruiter, {requirements[0].pk: (4, "")}, recommendation="hire")
    assert stored(application) is None


def test_the_database_refuses_a_score_outside_1_to_5(application, requirements, recruiter):
    assessment = save(application, recruiter, {})
    with pytest.raises(IntegrityError), transaction.atomic():
        AssessmentScore.objects.create(assessment=assessment, requirement=requirements[0], score=6)
    with pytest.raises(IntegrityError), transaction.atomic():
        AssessmentScore.objects.bulk_create(
            [AssessmentScore(assessment=assessment, requirement=requirements[0], score=0)]
        )


def test_a_save_over_a_newer_version_is_refused(application, requirements, recruiter):
    first = requirements[0]
    opened = save(application, recruiter, {first.pk: (3, "")}).updated_at
    colleague = RecruiterFactory(username="bram", first_name="Bram", last_name="Smit")
    save(application, colleague, {first.pk: (5, "Van Bram")}, expected_updated_at=opened)

    with pytest.raises(StaleAssessment) as error:
        save(application, recruiter, {first.pk: (1, "Van mij")}, expected_updated_at=opened)

    assert "Bram Smit heeft deze beoordeling intussen gewijzigd" in error.value.messages[0]
    assert stored(application)[2] == [(first.pk, 5, "Van Bram")]


def test_a_new_assessment_over_one_saved_meanwhile_is_refused(application, requirements, recruiter):
    save(application, RecruiterFactory(username="bram"), {requirements[0].pk: (5, "")})
    with pytest.raises(StaleAssessment):
        save(application, recruiter, {requirements[0].pk: (1, "")}, expected_updated_at=None)
    assert stored(application)[2] == [(requirements[0].pk, 5, "")]


# The form ----------------------------------------------------------------------------------


def test_the_form_has_a_fieldset_per_requirement_in_order_with_labelled_radios(
    recruiter_client, application, requirements
):
    response = recruiter_client.get(edit_url(application))

    assert response.status_code == 200
    content = response.content.decode()
    assert "Beoordeling van Anna de Vries" in content
    legends = re.findall(r'<legend class="fs-6 fw-semibold[^"]*">(.*?)</legend>', content)
    assert legends == [
        "1. Academisch werk- en denkniveau.",
        "2. Ervaring als bestuurder in het openbaar bestuur.",
        "3. Verbindend leiderschap.",
    ]
    for requirement in requirements:
        radios = re.findall(rf'<input type="radio" name="score_{requirement.pk}"[^>]*>', content)
        assert len(radios) == 6  # not scored, 1 to 5
        for radio in radios:
            radio_id = re.search(r'id="([^"]+)"', radio).group(1)
            assert f'<label class="btn btn-outline-primary" for="{radio_id}">' in content
        assert f'for="id_text_{requirement.pk}"' in content
    assert "Niet gescoord" in content
    assert "onvoldoende" in content and "uitstekend" in content
    assert "Voordragen aan de commissie" in content
    assert 'for="id_summary"' in content


def test_saving_the_form_stores_the_assessment_and_shows_it_on_the_candidate_page(
    recruiter_client, application, requirements, recruiter
):
    first, second, _third = requirements
    data = form_data(
        requirements,
        {first: (4, "Sterk analytisch."), second: (3, "")},
        summary="Een overtuigende bestuurder.",
        recommendation="propose",
    )

    response = recruiter_client.post(edit_url(application), data)

    assert response.status_code == 302
    assert response.url == f"{detail_url(application)}#assessment-{application.pk}"
    assert stored(application) == (
        "Een overtuigende bestuurder.",
        "propose",
        [(first.pk, 4, "Sterk analytisch."), (second.pk, 3, "")],
    )
    page = recruiter_client.get(response.url)
    content = page.content.decode()
    assert "De beoordeling van Anna de Vries is opgeslagen." in content
    section = content[content.index(f'id="assessment-{application.pk}"') :]
    assert "Voordragen aan de commissie" in section
    assert "3,5" in section  # the average, written the Dutch way
    assert "2 van 3 functie-eisen gescoord" in section
    assert "Score 4 van 5" in section
    assert "Sterk analytisch." in section
    assert "Niet gescoord" in section  # the third requirement
    assert "Een overtuigende bestuurder." in section
    assert "Laatst gewijzigd door" in section


def test_the_form_shows_what_was_saved(recruiter_client, application, requirements, recruiter):
    first = requirements[0]
    save(application, recruiter, {first.pk: (2, "Wat mager.")}, summary="Twijfel.")

    content = recruiter_client.get(edit_url(application)).content.decode()

    checked = re.search(rf'<input type="radio" name="score_{first.pk}" value="2"[^>]*>', content)
    assert "checked" in checked.group(0)
    assert "Wat mager.</textarea>" in content
    assert "Twijfel.</textarea>" in content


@pytest.mark.parametrize("score", ["7", "0", "drie", "3.5"])
def test_a_bad_score_in_the_form_is_refused_with_a_dutch_message_and_input_kept(
    recruiter_client, application, requirements, score
):
    first, second, _third = requirements
    data = form_data(requirements, {first: (4, "Blijft staan.")}, summary="Mijn samenvatting.")
    data[f"score_{second.pk}"] = score

    response = recruiter_client.post(edit_url(application), data)

    assert response.status_code == 400
    content = response.content.decode()
    assert "De beoordeling is niet opgeslagen." in content
    assert "Kies een score van 1 tot en met 5." in content
    assert "Blijft staan.</textarea>" in content
    assert "Mijn samenvatting.</textarea>" in content
    assert stored(application) is None


def test_a_score_for_a_requirement_of_another_vacancy_is_ignored_by_the_form(
    recruiter_client, application, requirements
):
    foreign = RequirementFactory(vacancy=VacancyFactory(), text="Elders.")
    data = form_data(requirements, {requirements[0]: (4, "")})
    data[f"score_{foreign.pk}"] = "5"
    data[f"text_{foreign.pk}"] = "Mag niet."

    response = recruiter_client.post(edit_url(application), data)

    assert response.status_code == 302
    assert stored(application)[2] == [(requirements[0].pk, 4, "")]


def test_a_requirement_removed_while_the_form_was_open_is_refused_without_error(
    recruiter_client, application, requirements, monkeypatch
):
    """The form still had the field; the service finds it gone and says so: no 500."""
    from candidates.views import assessment as views

    real_save = views.assessment_save

    def save_after_removal(**kwargs):
        requirements[1].delete()
        return real_save(**kwargs)

    monkeypatch.setattr(views, "assessment_save", save_after_removal)
    data = form_data(requirements, {requirements[1]: (4, "Weg.")}, summary="Bewaard.")

    response = recruiter_client.post(edit_url(application), data)

    assert response.status_code == 400
    assert "Laad de pagina opnieuw" in response.content.decode()
    assert stored(application) is None


def test_a_save_over_a_colleagues_change_keeps_the_input_and_shows_their_version(
    recruiter_client, application, requirements
):
    first = requirements[0]
    seen = re.search(
        r'name="seen" value="([^"]*)"', recruiter_client.get(edit_url(application)).content.decode()
    )
    seen = seen.group(1) if seen else ""
    colleague = RecruiterFactory(username="bram", first_name="Bram", last_name="Smit")
    save(application, colleague, {first.pk: (5, "Van Bram.")}, summary="Bram vindt het wat.")
    data = form_data(requirements, {first: (2, "Van mij.")}, summary="Mijn tekst.", seen=seen)

    response = recruiter_client.post(edit_url(application), data)

    assert response.status_code == 409
    content = response.content.decode()
    assert "Bram Smit heeft deze beoordeling intussen gewijzigd" in content
    assert "Mijn tekst.</textarea>" in content and "Van mij.</textarea>" in content
    assert "De versie die intussen is opgeslagen" in content
    assert "Bram vindt het wat." in content
    assert stored(application)[0] == "Bram vindt het wat."

    # Saving again (the form now carries the current version) replaces Bram's.
    newer = re.search(r'name="seen" value="([^"]*)"', content).group(1)
    data["seen"] = newer
    assert recruiter_client.post(edit_url(application), data).status_code == 302
    assert stored(application)[0] == "Mijn tekst."


def test_a_requirement_added_later_shows_as_not_scored_and_a_removed_one_disappears(
    recruiter_client, application, requirements, recruiter
):
    first, second, _third = requirements
    save(application, recruiter, {first.pk: (4, ""), second.pk: (2, "Weg ermee.")})
    added = RequirementFactory(vacancy=application.vacancy, order=9, text="Nieuwe eis: Engels.")
    second.delete()

    assert AssessmentScore.objects.filter(requirement_id=second.pk).count() == 0
    form = recruiter_client.get(edit_url(application)).content.decode()
    assert "Nieuwe eis: Engels." in form
    assert "Ervaring als bestuurder" not in form
    unchecked = re.search(rf'<input type="radio" name="score_{added.pk}" value=""[^>]*>', form)
    assert "checked" in unchecked.group(0)
    page = recruiter_client.get(detail_url(application)).content.decode()
    section = page[page.index(f'id="assessment-{application.pk}"') :]
    assert "Nieuwe eis: Engels." in section
    assert "Weg ermee." not in section
    assert "1 van 3 functie-eisen gescoord" in section
    assert ">4,0" in section.replace("\n", "").replace(" ", "")


def test_a_vacancy_without_requirements_still_takes_a_summary(recruiter_client, recruiter):
    application = ApplicationFactory()

    content = recruiter_client.get(edit_url(application)).content.decode()
    assert "heeft nog geen functie-eisen" in content
    response = recruiter_client.post(
        edit_url(application), {"summary": "Alleen tekst.", "recommendation": "doubt"}
    )
    assert response.status_code == 302
    assert stored(application) == ("Alleen tekst.", "doubt", [])


def test_the_summary_is_escaped(recruiter_client, application, requirements, recruiter):
    save(application, recruiter, {}, summary="<script>alert(1)</script>")
    content = recruiter_client.get(detail_url(application)).content.decode()
    assert "<script>alert(1)</script>" not in content
    assert "&lt;script&gt;" in content


def test_the_candidate_page_says_when_there_is_no_assessment(recruiter_client, application):
    content = recruiter_client.get(detail_url(application)).content.decode()
    assert "Nog niet beoordeeld." in content
    assert "Beoordeling schrijven" in content
    assert edit_url(application) in content


def test_the_next_address_must_be_on_this_site(recruiter_client, application, requirements):
    data = form_data(requirements, next="https://evil.example.org/")
    assert recruiter_client.post(edit_url(application), data).url.startswith(
        detail_url(application)
    )
    board = reverse("candidates:board", args=[application.vacancy_id])
    data = form_data(requirements, next=board)
    assert recruiter_client.post(edit_url(application), data).url == board


def test_the_candidate_page_query_count_does_not_grow_with_assessments(
    recruiter_client, application, requirements, recruiter, django_assert_max_num_queries
):
    save(application, recruiter, {requirements[0].pk: (4, "")}, summary="Eerste.")
    with django_assert_max_num_queries(40) as baseline:
        recruiter_client.get(detail_url(application))

    for number in range(4):
        vacancy = VacancyFactory(title=f"Directeur {number}")
        for order in range(5):
            RequirementFactory(vacancy=vacancy, order=order)
        other = ApplicationFactory(candidate=application.candidate, vacancy=vacancy)
        save(
            other,
            recruiter,
            {r.pk: (3, "Tekst") for r in vacancy.requirements.all()},
            summary="Meer.",
        )

    with django_assert_max_num_queries(len(baseline.captured_queries)):
        response = recruiter_client.get(detail_url(application))
    assert response.content.decode().count("Score 3 van 5") == 20


# Access ------------------------------------------------------------------------------------


def test_a_committee_member_gets_404_and_changes_nothing(
    client, committee_user, application, requirements
):
    CommitteeMemberFactory(vacancy=application.vacancy, user=committee_user)
    client.force_login(committee_user)

    assert client.get(edit_url(application)).status_code == 404
    data = form_data(requirements, {requirements[0]: (5, "")}, summary="Van de commissie.")
    assert client.post(edit_url(application), data).status_code == 404
    assert stored(application) is None


def test_anonymous_is_sent_to_login(client, application, requirements):
    url = edit_url(application)
    response = client.get(url)
    assert response.status_code == 302
    assert response.url == f"{reverse('login')}?next={url}"
    response = client.post(url, form_data(requirements, summary="Anoniem."))
    assert response.status_code == 302
    assert stored(application) is None


def test_an_unknown_application_is_404(recruiter_client):
    response = recruiter_client.get(reverse("candidates:assessment_edit", args=[999_999]))
    assert response.status_code == 404


# The migration of the old single text --------------------------------------------------------


@pytest.mark.django_db(transaction=True)
def test_the_old_assessment_text_is_kept_as_the_summary():
    """Migration 0003 (carry_over) turns Application.assessment into Assessment.summary."""
    with_text = ApplicationFactory()
    without_text = ApplicationFactory()
    before = [("candidates", "0002_pipeline")]
    executor = MigrationExecutor(connection)
    try:
        executor.migrate(before)
        old_apps = executor.loader.project_state(before).apps
        OldApplication = old_apps.get_model("candidates", "Application")
        OldApplication.objects.filter(pk=with_text.pk).update(
            assessment="Sterke kandidaat.\nTweede regel."
        )

        executor = MigrationExecutor(connection)
        executor.migrate([("candidates", "0003_pipeline_data")])
        new_apps = executor.loader.project_state([("candidates", "0003_pipeline_data")]).apps
        NewAssessment = new_apps.get_model("candidates", "Assessment")
        assert list(NewAssessment.objects.values_list("application_id", "summary")) == [
            (with_text.pk, "Sterke kandidaat.\nTweede regel.")
        ]
    finally:
        executor = MigrationExecutor(connection)
        executor.migrate(executor.loader.graph.leaf_nodes())

    assert Assessment.objects.get(application=with_text).summary == (
        "Sterke kandidaat.\nTweede regel."
    )
    assert not Assessment.objects.filter(application=without_text).exists()
    assert Application.objects.count() == 2
