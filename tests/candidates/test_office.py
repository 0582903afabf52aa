"""The recruiter's dashboard (candidates:dashboard): the open vacancies they lead with their
applications per stage and a link to each board, and the planning dates coming up."""

from datetime import date

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils.html import escape

from candidates.models import Application, Candidate
from tests.accounts.factories import RecruiterFactory
from tests.candidates.factories import ApplicationFactory
from tests.vacancies.factories import PlanningPhaseFactory, VacancyFactory
from vacancies.models import Vacancy

pytestmark = pytest.mark.django_db

Stage = Application.Stage
URL = "/kantoor/"
# The recruiter's vacancies, their applications counted per stage, the planning.
# The assignments and the planning (3), the coming deadlines (2), the erasures (2).
DASHBOARD_QUERIES = 7


@pytest.fixture(autouse=True)
def today():
    with time_machine.travel("2026-05-01 09:00 +02:00", tick=False):
        yield


def test_the_dashboard_keeps_its_address():
    assert reverse("candidates:dashboard") == URL


def test_my_assignments_are_my_open_vacancies_with_counts_per_stage(recruiter_client, recruiter):
    mine = VacancyFactory(lead_consultant=recruiter, title="Algemeen Directeur")
    ApplicationFactory.create_batch(2, vacancy=mine, stage=Stage.APPLIED)
    ApplicationFactory(vacancy=mine, stage=Stage.SHORTLIST)
    VacancyFactory(lead_consultant=recruiter, title="Afgerond", status=Vacancy.Status.APPOINTED)
    VacancyFactory(lead_consultant=RecruiterFactory(), title="Van een collega")

    response = recruiter_client.get(reverse("candidates:dashboard"))

    assert response.status_code == 200
    assert response.templates[0].name == "candidates/dashboard.html"
    assignments = response.context["assignments"]
    assert assignments == [mine]
    assert assignments[0].stage_counts == [(Stage.APPLIED.label, 2), (Stage.SHORTLIST.label, 1)]
    assert assignments[0].application_count == 3
    html = response.content.decode()
    assert "Mijn opdrachten" in html
    assert "Algemeen Directeur" in html
    assert "Gesolliciteerd: 2" in html
    assert "Shortlist: 1" in html
    assert "Afgerond" not in html
    assert "Van een collega" not in html
    assert "15 mei 2026" in html


def test_an_assignment_without_applications_says_so(recruiter_client, recruiter):
    mine = VacancyFactory(lead_consultant=recruiter)

    response = recruiter_client.get(reverse("candidates:dashboard"))

    assert response.context["assignments"][0].stage_counts == []
    assert response.context["assignments"][0].application_count == 0
    row = _row(response.content.decode(), mine)
    assert "nog geen" in row


def test_each_assignment_links_to_its_vacancy_and_its_board(recruiter_client, recruiter):
    first = VacancyFactory(lead_consultant=recruiter, title="Algemeen Directeur")
    second = VacancyFactory(lead_consultant=recruiter, title="Griffier")
    ApplicationFactory(vacancy=first)

    html = recruiter_client.get(reverse("candidates:dashboard")).content.decode()

    for vacancy in (first, second):
        row = _row(html, vacancy)
        assert f'href="{vacancy.get_absolute_url()}"' in row
        assert f'href="{reverse("candidates:board", args=[vacancy.pk])}"' in row
        # The link says which board it opens, also to a screen reader.
        hidden = f'<span class="visually-hidden">: {escape(vacancy.title)}</span>'
        assert f"Kandidaten{hidden}" in row


def test_no_assignments(recruiter_client):
    VacancyFactory(lead_consultant=RecruiterFactory())

    response = recruiter_client.get(reverse("candidates:dashboard"))

    assert response.context["assignments"] == []
    assert "U bent niet verantwoordelijk voor lopende opdrachten." in response.content.decode()


def test_coming_planning_dates_of_my_vacancies(recruiter_client, recruiter):
    mine = VacancyFactory(lead_consultant=recruiter)
    soon = PlanningPhaseFactory(
        vacancy=mine,
        activity="Voorselectie",
        starts_on=date(2026, 5, 18),
        ends_on=date(2026, 5, 29),
    )
    running = PlanningPhaseFactory(
        vacancy=mine, activity="Publicatie", starts_on=date(2026, 4, 17), ends_on=date(2026, 5, 15)
    )
    PlanningPhaseFactory(
        vacancy=mine, activity="Verleden", starts_on=date(2026, 3, 1), ends_on=date(2026, 3, 5)
    )
    PlanningPhaseFactory(
        vacancy=mine, activity="Te ver weg", starts_on=date(2026, 9, 1), ends_on=date(2026, 9, 5)
    )
    PlanningPhaseFactory(
        vacancy=VacancyFactory(lead_consultant=RecruiterFactory()),
        activity="Van een collega",
        starts_on=date(2026, 5, 20),
        ends_on=date(2026, 5, 20),
    )

    response = recruiter_client.get(reverse("candidates:dashboard"))

    assert response.context["phases"] == [running, soon]
    html = response.content.decode()
    assert "Planning, komende 60 dagen" in html
    assert "18 – 29 mei 2026" in html
    assert "Verleden" not in html
    assert "Te ver weg" not in html
    assert "Van een collega" not in html


def _applications(vacancies, count):
    """`count` applications spread over `vacancies` and over the open stages, made in bulk."""
    stages = [Stage.APPLIED, Stage.LONGLIST, Stage.PRESELECTION, Stage.SHORTLIST, Stage.COMMITTEE]
    start = Candidate.objects.count()
    candidates = Candidate.objects.bulk_create(
        Candidate(first_name="Kandidaat", last_name=f"{i}", email=f"bulk{i}@example.org")
        for i in range(start, start + count)
    )
    Application.objects.bulk_create(
        Application(candidate=candidate, vacancy=vacancies[i % len(vacancies)], stage=stages[i % 5])
        for i, candidate in enumerate(candidates)
    )


def test_dashboard_query_count_is_pinned(recruiter_client, recruiter):
    """The same queries with 10 and with 1,000 applications (on 1 and on 8 vacancies, with many
    planning phases): the recruiter's vacancies, their applications counted per stage in one
    grouped query, and the planning. Whatever the middleware reads per request (session, user,
    second factor) comes on top and is the same for both."""
    url = reverse("candidates:dashboard")

    def queries(vacancies, applications):
        _applications(vacancies, applications)
        for vacancy in vacancies:
            PlanningPhaseFactory.create_batch(
                3, vacancy=vacancy, starts_on=date(2026, 5, 4), ends_on=date(2026, 5, 8)
            )
        with CaptureQueriesContext(connection) as captured:
            response = recruiter_client.get(url)
        assert response.status_code == 200
        return response, [query["sql"] for query in captured.captured_queries]

    few, few_sql = queries([VacancyFactory(lead_consultant=recruiter)], 10)
    many, many_sql = queries(VacancyFactory.create_batch(7, lead_consultant=recruiter), 990)

    assert sum(vacancy.application_count for vacancy in few.context["assignments"]) == 10
    assert sum(vacancy.application_count for vacancy in many.context["assignments"]) == 1000
    assert len(many.context["assignments"]) == 8
    assert len(many.context["phases"]) == 24
    assert len(many_sql) == len(few_sql)
    for sql in (few_sql, many_sql):
        assert len(dashboard_queries(sql)) == DASHBOARD_QUERIES, dashboard_queries(sql)


def dashboard_queries(sql: list[str]) -> list[str]:
    """The queries of the dashboard itself: those that read vacancies, applications or phases."""
    tables = ('"vacancies_vacancy"', '"candidates_application"', '"vacancies_planningphase"')
    return [query for query in sql if any(f"FROM {table}" in query for table in tables)]


def test_dashboard_access(client, recruiter, committee_user):
    url = reverse("candidates:dashboard")
    response = client.get(url)
    assert response.status_code == 302
    assert response.url == f"{reverse('login')}?next={url}"
    client.force_login(committee_user)
    assert client.get(url).status_code == 404
    client.force_login(recruiter)
    assert client.get(url).status_code == 200


def test_a_recruiter_lands_on_the_dashboard_after_logging_in(client, recruiter):
    response = client.post(
        reverse("login"),
        {"username": "consultant", "password": "correct horse battery staple"},
        follow=True,
    )

    assert response.request["PATH_INFO"] == reverse("candidates:dashboard")
    assert response.templates[0].name == "candidates/dashboard.html"


def _row(html: str, vacancy) -> str:
    start = html.index(f'<tr id="assignment-{vacancy.pk}"')
    return html[start : html.index("</tr>", start)]
