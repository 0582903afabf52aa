"""The recruiter's list of applications: search, filters, access and a fixed number of queries."""

import pytest
from django.urls import reverse

from candidates.models import Application
from tests.candidates.factories import ApplicationFactory, CandidateFactory
from tests.vacancies.factories import VacancyFactory

pytestmark = pytest.mark.django_db

URL = reverse("candidates:application_list")


def names(response):
    return [a.candidate.full_name for a in response.context["page"].object_list]


def test_recruiter_sees_every_application_with_its_vacancy_and_stage(recruiter_client):
    application = ApplicationFactory(
        candidate=CandidateFactory(first_name="Fleur", last_name="Bakker"),
        stage=Application.Stage.SHORTLIST,
    )

    response = recruiter_client.get(URL)

    html = response.content.decode()
    assert response.status_code == 200
    assert "Fleur Bakker" in html
    assert reverse("candidates:candidate_detail", args=[application.candidate_id]) in html
    assert application.vacancy.get_absolute_url() in html
    assert "Shortlist" in html


def test_search_matches_name_email_and_organisation(recruiter_client):
    ApplicationFactory(
        candidate=CandidateFactory(
            first_name="Fleur", last_name="Bakker", current_organisation="Provincie Gelderland"
        )
    )
    ApplicationFactory(
        candidate=CandidateFactory(
            first_name="Joost", last_name="Visser", email="j.visser@minbzk.nl"
        )
    )

    assert names(recruiter_client.get(URL, {"q": "gelderland"})) == ["Fleur Bakker"]
    assert names(recruiter_client.get(URL, {"q": "minbzk"})) == ["Joost Visser"]
    assert names(recruiter_client.get(URL, {"q": "fleur bakker"})) == ["Fleur Bakker"]
    assert names(recruiter_client.get(URL, {"q": "niemand"})) == []


def test_filters_by_vacancy_and_stage(recruiter_client):
    vacancy = VacancyFactory()
    wanted = ApplicationFactory(vacancy=vacancy, stage=Application.Stage.LONGLIST)
    ApplicationFactory(vacancy=vacancy, stage=Application.Stage.APPLIED)
    ApplicationFactory(stage=Application.Stage.LONGLIST)  # another vacancy

    response = recruiter_client.get(URL, {"vacancy": vacancy.pk, "stage": "longlist"})

    assert names(response) == [wanted.candidate.full_name]


def test_nonsense_filters_are_ignored(recruiter_client):
    ApplicationFactory()

    response = recruiter_client.get(URL, {"vacancy": "abc", "stage": "secret", "page": "x"})

    assert response.status_code == 200
    assert len(names(response)) == 1


def test_htmx_gets_only_the_table(recruiter_client):
    ApplicationFactory()

    response = recruiter_client.get(URL, headers={"HX-Request": "true"})

    html = response.content.decode()
    assert "<table" in html
    assert "<html" not in html


def test_anonymous_goes_to_login_and_committee_member_gets_404(client, committee_user):
    response = client.get(URL)
    assert response.status_code == 302
    assert response.url.startswith(reverse("login"))

    client.force_login(committee_user)
    assert client.get(URL).status_code == 404


def test_query_count_does_not_grow_with_applications(
    recruiter_client, django_assert_max_num_queries
):
    ApplicationFactory.create_batch(3)
    with django_assert_max_num_queries(6):
        few = recruiter_client.get(URL)
    ApplicationFactory.create_batch(40)
    with django_assert_max_num_queries(6):
        many = recruiter_client.get(URL)
    assert len(names(few)) == 3
    assert len(names(many)) == 43


def test_pages_keep_the_search_and_filters(recruiter_client):
    vacancy = VacancyFactory()
    ApplicationFactory.create_batch(
        52, vacancy=vacancy, candidate__current_organisation="Provincie Zeeland"
    )

    first = recruiter_client.get(URL, {"q": "zeeland", "vacancy": vacancy.pk})
    second = recruiter_client.get(URL, {"q": "zeeland", "vacancy": vacancy.pk, "page": 2})

    assert len(first.context["page"].object_list) == 50
    assert len(second.context["page"].object_list) == 2
    assert f'href="?q=zeeland&amp;vacancy={vacancy.pk}&amp;page=2"' in first.content.decode()
