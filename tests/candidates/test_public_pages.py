"""The public vacancy pages: what a candidate sees without logging in."""

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.urls import reverse
from django.utils import translation

from tests.vacancies.factories import (
    ClientFactory,
    ContactPersonFactory,
    DraftVacancyFactory,
    PlanningPhaseFactory,
    RequirementFactory,
    ResponsibilityFactory,
    VacancyFactory,
)
from vacancies.models import ContactPerson, Vacancy

AMSTERDAM = ZoneInfo("Europe/Amsterdam")
UTC = ZoneInfo("UTC")
BEFORE_CLOSING = datetime(2026, 5, 1, 12, 0, tzinfo=AMSTERDAM)

pytestmark = pytest.mark.django_db


@pytest.fixture
def vacancy():
    vacancy = VacancyFactory(reference="ipo-algemeen-directeur-2026")
    ResponsibilityFactory(vacancy=vacancy, text="Ontwikkelen van de lange termijnstrategie.")
    RequirementFactory(vacancy=vacancy, text="Academisch werk- en denkniveau.")
    ContactPersonFactory(
        vacancy=vacancy,
        name="Inge Diepenhorst",
        topic=ContactPerson.Topic.PROCEDURE,
        email="info@chassesearch.nl",
    )
    PlanningPhaseFactory(vacancy=vacancy, activity="Voorselectie en interviews door Chasse")
    return vacancy


@pytest.fixture(params=["anonymous", "recruiter", "committee"])
def any_client(request, client):
    """Public pages look the same to everyone: outsiders, recruiters and committee members."""
    if request.param == "recruiter":
        client.force_login(request.getfixturevalue("recruiter"))
    elif request.param == "committee":
        client.force_login(request.getfixturevalue("committee_user"))
    return client


def test_list_shows_published_vacancies_only(any_client, vacancy):
    DraftVacancyFactory(title="Geheime conceptvacature")
    VacancyFactory(title="Gesloten procedure", status=Vacancy.Status.CLOSED)

    response = any_client.get(reverse("candidates:vacancy_list"))

    assert response.status_code == 200
    assert list(response.context["vacancies"]) == [vacancy]
    assert "Geheime conceptvacature" not in response.content.decode()
    assert "vrijdag 15 mei 2026" in response.content.decode()


def test_list_search_by_text_and_client(client, vacancy):
    twente = ClientFactory(name="Regio Twente", short_name="")
    other = VacancyFactory(client=twente, title="Interim Directeur Bedrijfsvoering")
    url = reverse("candidates:vacancy_list")

    assert list(client.get(url, {"q": "bedrijfsvoering"}).context["vacancies"]) == [other]
    assert list(client.get(url, {"q": "IPO algemeen"}).context["vacancies"]) == [vacancy]
    assert list(client.get(url, {"client": twente.pk}).context["vacancies"]) == [other]
    response = client.get(url, {"q": "niets dat bestaat"})
    assert list(response.context["vacancies"]) == []
    # A broken client filter is ignored, not an error.
    assert client.get(url, {"client": "abc"}).status_code == 200


@time_machine.travel(BEFORE_CLOSING, tick=False)
def test_detail_shows_the_profile_in_order_with_dutch_dates_and_amounts(any_client, vacancy):
    response = any_client.get(reverse("candidates:vacancy", args=[vacancy.reference]))

    assert response.status_code == 200
    html = response.content.decode()
    assert "vrijdag 15 mei 2026" in html
    assert "€ 8.850,88" in html
    assert "€ 12.568,14" in html
    assert "21,82%" in html
    sections = [
        "1. Interprovinciaal Overleg",
        vacancy.organisation_text,
        "2. ",
        vacancy.reason_text,
        "3. ",
        "Ontwikkelen van de lange termijnstrategie.",
        "4. ",
        "Academisch werk- en denkniveau.",
        "5. ",
        "€ 8.850,88",
        "6. ",
        "Inge Diepenhorst",
        "Voorselectie en interviews door Chasse",
    ]
    positions = []
    start = 0
    for text in sections:
        position = html.index(text, start)
        positions.append(position)
        start = position
    assert positions == sorted(positions)
    # The planning has its dates; the contact person her topic; and the apply button is there.
    assert "18 \N{EN DASH} 29 mei 2026" in html
    with translation.override("nl"):
        assert str(ContactPerson.Topic.PROCEDURE.label) in html
    assert reverse("candidates:apply", args=[vacancy.reference]) in html


@time_machine.travel(datetime(2026, 5, 16, 9, 0, tzinfo=AMSTERDAM), tick=False)
def test_closed_vacancy_shows_no_apply_button(client, vacancy):
    response = client.get(reverse("candidates:vacancy", args=[vacancy.reference]))

    assert response.status_code == 200
    assert reverse("candidates:apply", args=[vacancy.reference]) not in response.content.decode()
    assert 'id="apply-button"' not in response.content.decode()


def test_draft_vacancy_is_not_found(any_client):
    draft = DraftVacancyFactory()

    assert any_client.get(reverse("candidates:vacancy", args=[draft.reference])).status_code == 404
    assert any_client.get(reverse("candidates:apply", args=[draft.reference])).status_code == 404


@pytest.mark.parametrize(
    ("moment", "is_open"),
    [
        (datetime(2026, 5, 15, 23, 59, tzinfo=AMSTERDAM), True),
        (datetime(2026, 5, 15, 21, 59, tzinfo=UTC), True),  # 23:59 in Amsterdam (CEST)
        (datetime(2026, 5, 16, 0, 0, tzinfo=AMSTERDAM), False),
        (datetime(2026, 5, 15, 22, 0, tzinfo=UTC), False),  # already 16 May in Amsterdam
        (datetime(2026, 5, 15, 23, 30, tzinfo=UTC), False),
    ],
)
def test_closing_date_is_inclusive_in_amsterdam_time(client, vacancy, moment, is_open):
    with time_machine.travel(moment, tick=False):
        assert vacancy.accepts_applications() is is_open
        detail = client.get(reverse("candidates:vacancy", args=[vacancy.reference]))
        form = client.get(reverse("candidates:apply", args=[vacancy.reference]))

    assert ('id="apply-button"' in detail.content.decode()) is is_open
    assert ('id="application-form"' in form.content.decode()) is is_open
    assert ('id="applications-closed"' in form.content.decode()) is not is_open


def test_privacy_statement_page(any_client):
    response = any_client.get(reverse("candidates:privacy"))

    assert response.status_code == 200
    assert "Chasse Executive Search" in response.content.decode()


def test_detail_query_count_does_not_grow_with_profile_rows(
    client, vacancy, django_assert_max_num_queries
):
    url = reverse("candidates:vacancy", args=[vacancy.reference])
    with django_assert_max_num_queries(6) as few:
        client.get(url)
    for _ in range(5):
        ResponsibilityFactory(vacancy=vacancy)
        RequirementFactory(vacancy=vacancy)
        ContactPersonFactory(vacancy=vacancy)
        PlanningPhaseFactory(vacancy=vacancy)
    with django_assert_max_num_queries(len(few.captured_queries)):
        client.get(url)


def test_list_query_count_does_not_grow_with_vacancies(
    client, vacancy, django_assert_max_num_queries
):
    url = reverse("candidates:vacancy_list")
    with django_assert_max_num_queries(3) as few:
        client.get(url)
    VacancyFactory.create_batch(5)
    with django_assert_max_num_queries(len(few.captured_queries)):
        client.get(url)
