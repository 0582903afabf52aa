import re
from datetime import date
from decimal import Decimal

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from candidates.models import Application
from tests.candidates.factories import ApplicationFactory
from tests.vacancies.factories import (
    ClientFactory,
    ClientLocationFactory,
    CommitteeMemberFactory,
    ContactPersonFactory,
    DraftVacancyFactory,
    PlanningPhaseFactory,
    RequirementFactory,
    ResponsibilityFactory,
    VacancyFactory,
)
from vacancies.models import ContactPerson, Requirement, Responsibility, Vacancy

pytestmark = pytest.mark.django_db


def form_data(vacancy=None, **overrides):
    """A complete POST of the vacancy form, with empty ordered lists."""
    client = vacancy.client if vacancy else ClientFactory()
    data = {
        "client": client.pk,
        "title": "Algemeen Directeur",
        "reference": "ipo-ad-test",
        "lead_consultant": "",
        "search_firm": "Chasse Executive Search",
        "profile_version": "April 2026",
        "intro": "",
        "organisation_text": "De twaalf provincies.",
        "reason_text": "Ad interim ingevuld.",
        "position_text": "Directieteam.",
        "candidate_text": "Strategisch inzicht.",
        "terms_text": "",
        "procedure_text": "",
        "employment_type": "permanent",
        "contract_form": "employment",
        "interim_start": "",
        "interim_end": "",
        "hours_per_week": "36",
        "salary_scale": "18",
        "salary_min_month": "8850.88",
        "salary_max_month": "12568.14",
        "ikb_percentage": "21.82",
        "published_on": "2026-04-17",
        "closing_date": "2026-05-15",
        "how_to_apply": "Motivatie en cv in twee pdf-bestanden.",
        "application_email": "info@chassesearch.nl",
        "has_assessment": "on",
    }
    for prefix in ("responsibilities", "requirements", "contacts"):
        data.update(
            {
                f"{prefix}-TOTAL_FORMS": "0",
                f"{prefix}-INITIAL_FORMS": "0",
                f"{prefix}-MIN_NUM_FORMS": "0",
                f"{prefix}-MAX_NUM_FORMS": "1000",
            }
        )
    data.update(overrides)
    return data


def add_rows(data, prefix, rows):
    for index, row in enumerate(rows):
        for key, value in row.items():
            data[f"{prefix}-{index}-{key}"] = value
    data[f"{prefix}-TOTAL_FORMS"] = str(len(rows))
    return data


# Access ------------------------------------------------------------------


def test_detail_for_recruiter_committee_member_and_anonymous(client, recruiter, committee_user):
    vacancy = VacancyFactory()
    CommitteeMemberFactory(vacancy=vacancy, user=committee_user)
    url = reverse("vacancies:detail", args=[vacancy.pk])

    response = client.get(url)
    assert response.status_code == 302
    assert response.url.startswith(reverse("login"))

    client.force_login(committee_user)  # sits on this very committee, still no back office
    assert client.get(url).status_code == 404

    client.force_login(recruiter)
    assert client.get(url).status_code == 200


def test_detail_of_unknown_vacancy_is_404(recruiter_client):
    assert recruiter_client.get(reverse("vacancies:detail", args=[999])).status_code == 404


# Detail ------------------------------------------------------------------


def test_detail_shows_every_profile_section_in_order(recruiter_client):
    vacancy = VacancyFactory(
        terms_text="Vaste dienst.",
        procedure_text="Selectiecommissie.",
        has_references=True,
    )
    ResponsibilityFactory(vacancy=vacancy, order=1, text="Lange termijnstrategie")
    ResponsibilityFactory(vacancy=vacancy, order=2, text="Aansturen van het bureau")
    RequirementFactory(vacancy=vacancy, order=1, text="Academisch werk- en denkniveau")
    ContactPersonFactory(
        vacancy=vacancy, name="Inge Diepenhorst", topic=ContactPerson.Topic.PROCEDURE
    )

    response = recruiter_client.get(vacancy.get_absolute_url())
    html = response.content.decode()

    texts = [
        vacancy.organisation_text,
        vacancy.reason_text,
        vacancy.position_text,
        "Lange termijnstrategie",
        "Aansturen van het bureau",
        vacancy.candidate_text,
        "Academisch werk- en denkniveau",
        "Vaste dienst.",
        "Selectiecommissie.",
        "Inge Diepenhorst",
    ]
    positions = [html.index(text) for text in texts]
    assert positions == sorted(positions)
    for number in range(1, 7):
        assert f"<h2>{number}. " in html
    assert str(ContactPerson.Topic.PROCEDURE.label) in html
    assert "vrijdag 15 mei 2026" in html
    assert "€ 8.850,88" in html
    assert "€ 12.568,14" in html
    assert "21,82%" in html
    assert "36 uur per week" in html
    assert "schaal 18" in html
    assert vacancy.how_to_apply in html


def test_detail_shows_interim_period_only_for_interim(recruiter_client):
    interim = VacancyFactory(
        employment_type=Vacancy.EmploymentType.INTERIM,
        contract_form=Vacancy.ContractForm.ASSIGNMENT,
        interim_start=date(2019, 9, 1),
        interim_end=date(2020, 3, 1),
    )
    permanent = VacancyFactory()

    interim_html = recruiter_client.get(interim.get_absolute_url()).content.decode()
    permanent_html = recruiter_client.get(permanent.get_absolute_url()).content.decode()

    assert "1 september 2019 – 1 maart 2020" in interim_html
    assert str(Vacancy.ContractForm.ASSIGNMENT.label) in interim_html
    assert 'id="terms"' in permanent_html
    assert "september 2019" not in permanent_html


def test_detail_leaves_the_applications_to_the_board(recruiter_client):
    """The vacancy page shows the vacancy; its applications are on the board (candidates), which
    the tabs link to."""
    vacancy = VacancyFactory()
    application = ApplicationFactory(vacancy=vacancy, stage=Application.Stage.SHORTLIST)

    response = recruiter_client.get(vacancy.get_absolute_url())

    assert "stage_groups" not in response.context
    html = response.content.decode()
    assert application.candidate.full_name not in html
    assert 'id="applications"' not in html
    board_url = reverse("candidates:board", args=[vacancy.pk])
    assert f'href="{board_url}"' in html


def test_detail_includes_planning_and_committee(recruiter_client):
    vacancy = VacancyFactory()
    PlanningPhaseFactory(vacancy=vacancy, activity="Voorselectie door Chasse")
    member = CommitteeMemberFactory(vacancy=vacancy, organisation="Gedeputeerde Utrecht")

    html = recruiter_client.get(vacancy.get_absolute_url()).content.decode()

    assert "Voorselectie door Chasse" in html
    assert "Gedeputeerde Utrecht" in html
    assert member.user.email in html


def test_detail_shows_only_allowed_status_buttons(recruiter_client):
    draft = DraftVacancyFactory()
    html = recruiter_client.get(draft.get_absolute_url()).content.decode()
    assert 'value="published"' in html
    assert 'value="cancelled"' in html
    assert 'value="closed"' not in html
    assert 'value="appointed"' not in html

    appointed = VacancyFactory(status=Vacancy.Status.APPOINTED)
    html = recruiter_client.get(appointed.get_absolute_url()).content.decode()
    assert 'name="status"' not in html


def test_detail_warns_when_yearly_maximum_exceeds_wnt(recruiter_client):
    too_much = VacancyFactory(salary_max_month=Decimal("20000"), ikb_percentage=Decimal("21.82"))
    fine = VacancyFactory()

    html = recruiter_client.get(too_much.get_absolute_url()).content.decode()
    assert 'id="wnt-warning"' in html
    assert "12 × € 20.000,00" in html
    assert "21,82%" in html
    assert "€ 292.368,00" in html  # 240.000 + 21,82%
    assert "€ 262.000,00" in html
    assert "2026" in html

    assert 'id="wnt-warning"' not in recruiter_client.get(fine.get_absolute_url()).content.decode()


# What every logged-in request reads or writes whatever the page (session, user, second factor,
# login attempts): left out, so that the pin below counts what the vacancy page itself asks.
REQUEST_TABLES = ("django_session", "accounts_user", "otp_", "axes_")


def page_queries(captured) -> list[str]:
    """The captured queries whose main table (FROM, UPDATE, INSERT INTO) is not a request's;
    savepoints left out too."""
    main_table = re.compile(r'(?:FROM|UPDATE|INTO) "(\w+)"')
    queries = [query["sql"] for query in captured.captured_queries]
    return [
        sql
        for sql in queries
        if (match := main_table.search(sql)) and not match.group(1).startswith(REQUEST_TABLES)
    ]


def test_detail_query_count_does_not_grow_with_rows(recruiter_client):
    """The vacancy, six prefetched lists and the WNT ceiling: 8 queries, however many rows, and
    none on the applications (those are on the board)."""
    vacancy = VacancyFactory()
    CommitteeMemberFactory(vacancy=vacancy)
    PlanningPhaseFactory(vacancy=vacancy)
    ResponsibilityFactory(vacancy=vacancy)
    ApplicationFactory(vacancy=vacancy)
    url = vacancy.get_absolute_url()

    with CaptureQueriesContext(connection) as few:
        assert recruiter_client.get(url).status_code == 200

    location = ClientLocationFactory(client=vacancy.client)
    vacancy.locations.add(location)
    ResponsibilityFactory.create_batch(10, vacancy=vacancy)
    RequirementFactory.create_batch(10, vacancy=vacancy)
    ContactPersonFactory.create_batch(3, vacancy=vacancy)
    PlanningPhaseFactory.create_batch(8, vacancy=vacancy)
    CommitteeMemberFactory.create_batch(4, vacancy=vacancy)
    for stage in (
        Application.Stage.APPLIED,
        Application.Stage.LONGLIST,
        Application.Stage.SHORTLIST,
    ):
        ApplicationFactory.create_batch(5, vacancy=vacancy, stage=stage)

    with CaptureQueriesContext(connection) as many:
        assert recruiter_client.get(url).status_code == 200
    assert len(many) == len(few)
    assert len(page_queries(few)) == len(page_queries(many)) == 8, page_queries(many)
    assert not any("candidates_" in sql for sql in page_queries(many))


# Status ------------------------------------------------------------------


@time_machine.travel("2026-04-20 10:00 +02:00", tick=False)
def test_status_publishes_a_complete_draft(recruiter_client):
    vacancy = DraftVacancyFactory()

    response = recruiter_client.post(
        reverse("vacancies:vacancy_status", args=[vacancy.pk]), {"status": "published"}
    )

    assert response.status_code == 302
    vacancy.refresh_from_db()
    assert vacancy.status == Vacancy.Status.PUBLISHED


def test_status_refused_transition_shows_message_and_changes_nothing(recruiter_client):
    vacancy = VacancyFactory(status=Vacancy.Status.CANCELLED)

    response = recruiter_client.post(
        reverse("vacancies:vacancy_status", args=[vacancy.pk]), {"status": "published"}, follow=True
    )

    vacancy.refresh_from_db()
    assert vacancy.status == Vacancy.Status.CANCELLED
    messages = [str(m) for m in response.context["messages"]]
    assert messages == [
        "Een vacature met de status “geannuleerd” kan niet de status “gepubliceerd” krijgen."
    ]
    assert 'class="alert alert-danger' in response.content.decode()


def test_status_refuses_publication_without_closing_date(recruiter_client):
    vacancy = DraftVacancyFactory(closing_date=None)

    response = recruiter_client.post(
        reverse("vacancies:vacancy_status", args=[vacancy.pk]), {"status": "published"}, follow=True
    )

    vacancy.refresh_from_db()
    assert vacancy.status == Vacancy.Status.DRAFT
    assert "sluitingsdatum" in response.content.decode()


def test_status_access(client, recruiter, committee_user):
    vacancy = DraftVacancyFactory()
    url = reverse("vacancies:vacancy_status", args=[vacancy.pk])

    response = client.post(url, {"status": "published"})
    assert response.status_code == 302
    assert response.url.startswith(reverse("login"))
    client.force_login(committee_user)
    assert client.post(url, {"status": "published"}).status_code == 404
    vacancy.refresh_from_db()
    assert vacancy.status == Vacancy.Status.DRAFT
    client.force_login(recruiter)
    assert client.get(url).status_code == 405


# List --------------------------------------------------------------------


def test_list_searches_title_and_client_and_filters_status(recruiter_client):
    ipo = VacancyFactory(title="Algemeen Directeur")
    twente = VacancyFactory(
        title="Interim Directeur",
        client=ClientFactory(name="Regio Twente", short_name=""),
        status=Vacancy.Status.CLOSED,
    )
    url = reverse("vacancies:vacancy_list")

    def titles(params):
        response = recruiter_client.get(url, params)
        assert response.status_code == 200
        return {v.pk for v in response.context["page"].object_list}

    assert titles({}) == {ipo.pk, twente.pk}
    assert titles({"q": "twente"}) == {twente.pk}
    assert titles({"q": "algemeen directeur"}) == {ipo.pk}
    assert titles({"status": "closed"}) == {twente.pk}
    assert titles({"status": "nonsense"}) == {ipo.pk, twente.pk}


def test_list_does_not_count_applications(recruiter_client):
    """Counts per vacancy are on the insight page (candidates); the list shows vacancies only."""
    vacancy = VacancyFactory(title="Algemeen Directeur")
    ApplicationFactory.create_batch(3, vacancy=vacancy)

    response = recruiter_client.get(reverse("vacancies:vacancy_list"))

    (listed,) = response.context["page"].object_list
    assert not hasattr(listed, "application_count")
    html = response.content.decode()
    assert "Algemeen Directeur" in html
    assert "<th>Sollicitaties</th>" not in html


def test_list_paginates(recruiter_client):
    VacancyFactory.create_batch(30)
    url = reverse("vacancies:vacancy_list")

    first = recruiter_client.get(url)
    second = recruiter_client.get(url, {"page": 2})

    assert len(first.context["page"].object_list) == 25
    assert len(second.context["page"].object_list) == 5
    assert "?page=2" in first.content.decode()


def test_list_with_htmx_returns_only_the_table(recruiter_client):
    VacancyFactory(title="Algemeen Directeur")

    response = recruiter_client.get(
        reverse("vacancies:vacancy_list"), {"q": "algemeen"}, headers={"HX-Request": "true"}
    )

    html = response.content.decode()
    assert "Algemeen Directeur" in html
    assert "<html" not in html


def test_list_query_count_is_constant(recruiter_client, django_assert_max_num_queries):
    VacancyFactory.create_batch(3)
    url = reverse("vacancies:vacancy_list")
    with CaptureQueriesContext(connection) as few:
        recruiter_client.get(url)
    for vacancy in VacancyFactory.create_batch(10):
        ApplicationFactory.create_batch(2, vacancy=vacancy)
    with django_assert_max_num_queries(len(few)):
        recruiter_client.get(url)


# Create and edit -----------------------------------------------------------


def test_create_saves_vacancy_with_ordered_lists(recruiter_client, recruiter):
    data = form_data()
    add_rows(
        data,
        "responsibilities",
        [{"order": "2", "text": "Tweede taak"}, {"order": "1", "text": "Eerste taak"}],
    )
    add_rows(data, "requirements", [{"order": "1", "text": "Academisch niveau"}])
    add_rows(
        data,
        "contacts",
        [{"order": "1", "name": "Inge Diepenhorst", "topic": "both", "email": "inge@example.org"}],
    )

    response = recruiter_client.post(reverse("vacancies:vacancy_create"), data)

    vacancy = Vacancy.objects.get(reference="ipo-ad-test")
    assert response.status_code == 302
    assert response.url == vacancy.get_absolute_url()
    assert vacancy.status == Vacancy.Status.DRAFT
    assert vacancy.has_assessment is True
    assert [r.text for r in vacancy.responsibilities.all()] == ["Eerste taak", "Tweede taak"]
    assert vacancy.requirements.get().text == "Academisch niveau"
    assert vacancy.contacts.get().name == "Inge Diepenhorst"


def test_create_form_offers_every_group_and_me_as_lead(recruiter_client, recruiter):
    response = recruiter_client.get(reverse("vacancies:vacancy_create"))

    assert response.status_code == 200
    assert response.context["form"]["lead_consultant"].value() == recruiter.pk
    html = response.content.decode()
    for group in ("position", "profile", "terms", "procedure"):
        assert f'id="group-{group}"' in html
    for prefix in ("responsibilities", "requirements", "contacts"):
        assert f'name="{prefix}-TOTAL_FORMS"' in html


def test_create_with_salary_min_above_max_saves_nothing(recruiter_client):
    data = form_data(salary_min_month="13000", salary_max_month="12000")
    add_rows(data, "responsibilities", [{"order": "1", "text": "Taak"}])

    response = recruiter_client.post(reverse("vacancies:vacancy_create"), data)

    assert response.status_code == 200
    form = response.context["form"]
    assert "salary_max_month" in form.errors
    assert (
        "Het minimumsalaris kan niet hoger zijn dan het maximum." in form.errors["salary_max_month"]
    )
    assert not form.non_field_errors()
    assert Vacancy.objects.count() == 0
    assert Responsibility.objects.count() == 0


def test_edit_with_a_bad_row_saves_nothing(recruiter_client):
    vacancy = VacancyFactory(title="Algemeen Directeur")
    kept = ResponsibilityFactory(vacancy=vacancy, order=1, text="Oude taak")
    data = form_data(vacancy, title="Nieuwe titel", reference=vacancy.reference)
    data.update(
        {
            "responsibilities-TOTAL_FORMS": "2",
            "responsibilities-INITIAL_FORMS": "1",
            "responsibilities-0-id": str(kept.pk),
            "responsibilities-0-order": "1",
            "responsibilities-0-text": "Gewijzigde taak",
            "responsibilities-1-order": "2",
            "responsibilities-1-text": "Nieuwe taak",
        }
    )
    # A contact without email or phone violates the model's constraint.
    add_rows(data, "contacts", [{"order": "1", "name": "Onbereikbaar", "topic": "both"}])

    response = recruiter_client.post(reverse("vacancies:vacancy_edit", args=[vacancy.pk]), data)

    assert response.status_code == 200
    contacts = response.context["formsets"]["contacts"]
    assert "Vul een e-mailadres of een telefoonnummer in." in contacts.forms[0].errors["email"]
    assert "Vul een e-mailadres of een telefoonnummer in." in response.content.decode()
    vacancy.refresh_from_db()
    assert vacancy.title == "Algemeen Directeur"
    assert [r.text for r in vacancy.responsibilities.all()] == ["Oude taak"]
    assert ContactPerson.objects.count() == 0


def test_edit_updates_deletes_and_adds_rows(recruiter_client):
    vacancy = VacancyFactory()
    first = RequirementFactory(vacancy=vacancy, order=1, text="Eerst")
    gone = RequirementFactory(vacancy=vacancy, order=2, text="Weg")
    data = form_data(vacancy, reference=vacancy.reference)
    data.update(
        {
            "requirements-TOTAL_FORMS": "3",
            "requirements-INITIAL_FORMS": "2",
            "requirements-0-id": str(first.pk),
            "requirements-0-order": "2",
            "requirements-0-text": "Eerst, nu tweede",
            "requirements-1-id": str(gone.pk),
            "requirements-1-order": "2",
            "requirements-1-text": "Weg",
            "requirements-1-DELETE": "on",
            "requirements-2-order": "1",
            "requirements-2-text": "Nieuw vooraan",
        }
    )

    response = recruiter_client.post(reverse("vacancies:vacancy_edit", args=[vacancy.pk]), data)

    assert response.status_code == 302
    assert [r.text for r in vacancy.requirements.all()] == ["Nieuw vooraan", "Eerst, nu tweede"]
    assert not Requirement.objects.filter(pk=gone.pk).exists()


def test_interim_requires_its_period(recruiter_client):
    data = form_data(employment_type="interim", contract_form="assignment")

    response = recruiter_client.post(reverse("vacancies:vacancy_create"), data)

    form = response.context["form"]
    assert "interim_start" in form.errors
    assert "interim_end" in form.errors
    assert Vacancy.objects.count() == 0


def test_interim_end_before_start_is_a_field_error(recruiter_client):
    data = form_data(
        employment_type="interim", interim_start="2020-03-01", interim_end="2019-09-01"
    )

    response = recruiter_client.post(reverse("vacancies:vacancy_create"), data)

    form = response.context["form"]
    assert "De interimperiode moet eindigen na de begindatum." in form.errors["interim_end"]
    assert Vacancy.objects.count() == 0


def test_permanent_clears_interim_dates(recruiter_client):
    data = form_data(
        employment_type="permanent", interim_start="2019-09-01", interim_end="2020-03-01"
    )

    recruiter_client.post(reverse("vacancies:vacancy_create"), data)

    vacancy = Vacancy.objects.get()
    assert vacancy.interim_start is None
    assert vacancy.interim_end is None


def test_location_of_another_client_is_refused(recruiter_client):
    other = ClientLocationFactory(client=ClientFactory(name="Regio Twente"), name="Enschede")
    data = form_data(locations=[other.pk])

    response = recruiter_client.post(reverse("vacancies:vacancy_create"), data)

    assert "locations" in response.context["form"].errors
    assert Vacancy.objects.count() == 0


def test_field_errors_in_dutch(recruiter_client):
    data = form_data(title="", closing_date="morgen")
    recruiter_client.cookies["django_language"] = "nl"

    response = recruiter_client.post(reverse("vacancies:vacancy_create"), data)

    html = response.content.decode()
    assert "Dit veld is verplicht." in html
    assert "Voer een geldige datum in." in html
    assert Vacancy.objects.count() == 0


def test_create_and_edit_access(client, recruiter, committee_user):
    vacancy = VacancyFactory()
    for url in (
        reverse("vacancies:vacancy_create"),
        reverse("vacancies:vacancy_edit", args=[vacancy.pk]),
    ):
        client.logout()
        response = client.get(url)
        assert response.status_code == 302
        assert response.url.startswith(reverse("login"))
        client.force_login(committee_user)
        assert client.get(url).status_code == 404
        assert client.post(url, form_data(vacancy, title="Gehackt")).status_code == 404
        client.force_login(recruiter)
        assert client.get(url).status_code == 200
    vacancy.refresh_from_db()
    assert vacancy.title == "Algemeen Directeur"
    assert Vacancy.objects.count() == 1


@pytest.mark.parametrize(
    ("overrides", "field", "message"),
    [
        (
            {"published_on": "2026-05-20", "closing_date": "2026-05-15"},
            "closing_date",
            "De sluitingsdatum kan niet vóór de publicatiedatum liggen.",
        ),
        ({"ikb_percentage": "120"}, "ikb_percentage", None),
        (
            {"hours_per_week": "0"},
            "hours_per_week",
            "Het aantal uren per week moet tussen 0 en 60 liggen.",
        ),
    ],
)
def test_constraint_violations_are_field_errors(recruiter_client, overrides, field, message):
    response = recruiter_client.post(reverse("vacancies:vacancy_create"), form_data(**overrides))

    form = response.context["form"]
    assert field in form.errors
    if message:
        assert message in form.errors[field]
    assert not form.non_field_errors()
    assert Vacancy.objects.count() == 0
