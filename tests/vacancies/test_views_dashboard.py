from datetime import date

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from candidates.models import Application
from tests.accounts.factories import RecruiterFactory
from tests.candidates.factories import ApplicationFactory
from tests.vacancies.factories import PlanningPhaseFactory, VacancyFactory
from vacancies.models import Vacancy

pytestmark = pytest.mark.django_db

TODAY = date(2026, 5, 1)


@pytest.fixture(autouse=True)
def today():
    with time_machine.travel("2026-05-01 09:00 +02:00", tick=False):
        yield


def test_my_assignments_are_my_open_vacancies_with_counts_per_stage(recruiter_client, recruiter):
    mine = VacancyFactory(lead_consultant=recruiter, title="Algemeen Directeur")
    ApplicationFactory.create_batch(2, vacancy=mine, stage=Application.Stage.APPLIED)
    ApplicationFactory(vacancy=mine, stage=Application.Stage.SHORTLIST)
    VacancyFactory(lead_consultant=recruiter, title="Afgerond", status=Vacancy.Status.APPOINTED)
    VacancyFactory(lead_consultant=RecruiterFactory(), title="Van een collega")

    response = recruiter_client.get(reverse("vacancies:dashboard"))

    assert response.status_code == 200
    assignments = response.context["assignments"]
    assert assignments == [mine]
    assert assignments[0].stage_counts == [
        (Application.Stage.APPLIED.label, 2),
        (Application.Stage.SHORTLIST.label, 1),
    ]
    html = response.content.decode()
    assert "Algemeen Directeur" in html
    assert "Afgerond" not in html
    assert "Van een collega" not in html
    assert "15 mei 2026" in html


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

    response = recruiter_client.get(reverse("vacancies:dashboard"))

    assert response.context["phases"] == [running, soon]
    html = response.content.decode()
    assert "18 – 29 mei 2026" in html
    assert "Verleden" not in html
    assert "Te ver weg" not in html
    assert "Van een collega" not in html


def test_dashboard_query_count_is_constant(
    recruiter_client, recruiter, django_assert_max_num_queries
):
    url = reverse("vacancies:dashboard")
    VacancyFactory(lead_consultant=recruiter)
    with CaptureQueriesContext(connection) as few:
        recruiter_client.get(url)
    for vacancy in VacancyFactory.create_batch(4, lead_consultant=recruiter):
        ApplicationFactory.create_batch(3, vacancy=vacancy)
        ApplicationFactory(vacancy=vacancy, stage=Application.Stage.LONGLIST)
        PlanningPhaseFactory.create_batch(3, vacancy=vacancy)
    with django_assert_max_num_queries(len(few)):
        response = recruiter_client.get(url)
    assert len(response.context["assignments"]) == 5
    assert len(response.context["phases"]) == 12


def test_dashboard_access(client, recruiter, committee_user):
    url = reverse("vacancies:dashboard")
    response = client.get(url)
    assert response.status_code == 302
    assert response.url.startswith(reverse("login"))
    client.force_login(committee_user)
    assert client.get(url).status_code == 404
    client.force_login(recruiter)
    assert client.get(url).status_code == 200
