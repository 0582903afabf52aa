import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.vacancies.factories import ClientFactory, ClientLocationFactory, VacancyFactory
from vacancies.models import Client, ClientContact, ClientLocation, ClientUnit, Vacancy

pytestmark = pytest.mark.django_db


def management(prefix, total=0, initial=0):
    return {
        f"{prefix}-TOTAL_FORMS": str(total),
        f"{prefix}-INITIAL_FORMS": str(initial),
        f"{prefix}-MIN_NUM_FORMS": "0",
        f"{prefix}-MAX_NUM_FORMS": "1000",
    }


def client_data(**overrides):
    data = {
        "name": "Regio Twente",
        "short_name": "",
        "website": "",
        "context": "Veertien gemeenten.",
    }
    for prefix in ("locations", "units", "contacts"):
        data.update(management(prefix))
    data.update(overrides)
    return data


def test_list_shows_clients_with_their_open_vacancies(recruiter_client):
    ipo = ClientFactory()
    VacancyFactory(client=ipo)
    VacancyFactory(client=ipo, status=Vacancy.Status.APPOINTED)
    ClientFactory(name="Regio Twente", short_name="")

    response = recruiter_client.get(reverse("vacancies:client_list"))

    assert response.status_code == 200
    clients = {c.name: c for c in response.context["clients"]}
    assert clients["Interprovinciaal Overleg"].vacancy_count == 2
    assert clients["Interprovinciaal Overleg"].open_vacancy_count == 1
    assert clients["Regio Twente"].vacancy_count == 0
    assert "Interprovinciaal Overleg (IPO)" in response.content.decode()


def test_detail_shows_context_units_locations_contacts_and_vacancies(recruiter_client):
    ipo = ClientFactory()
    den_haag = ClientLocationFactory(client=ipo, name="Den Haag", city="Den Haag")
    ClientUnit.objects.create(client=ipo, name="BIJ12", location=den_haag, staff_count=300)
    ClientContact.objects.create(client=ipo, name="Jan Jansen", job_title="Voorzitter")
    vacancy = VacancyFactory(client=ipo, title="Algemeen Directeur")

    response = recruiter_client.get(reverse("vacancies:client_detail", args=[ipo.pk]))

    html = response.content.decode()
    assert response.status_code == 200
    assert ipo.context in html
    assert "BIJ12" in html
    assert "Jan Jansen" in html
    assert vacancy.get_absolute_url() in html


def test_detail_query_count_is_constant(recruiter_client, django_assert_max_num_queries):
    ipo = ClientFactory()
    url = reverse("vacancies:client_detail", args=[ipo.pk])
    with CaptureQueriesContext(connection) as few:
        recruiter_client.get(url)
    for n in range(5):
        location = ClientLocationFactory(client=ipo, name=f"Locatie {n}", city=f"Stad {n}")
        ClientUnit.objects.create(client=ipo, name=f"Unit {n}", location=location)
        ClientContact.objects.create(client=ipo, name=f"Contact {n}")
    VacancyFactory.create_batch(5, client=ipo)
    with django_assert_max_num_queries(len(few)):
        assert recruiter_client.get(url).status_code == 200


def test_create_client_with_locations_and_contacts(recruiter_client):
    data = client_data()
    data.update(management("locations", total=1))
    data.update({"locations-0-name": "Enschede", "locations-0-city": "Enschede"})
    data.update(management("contacts", total=1))
    data.update({"contacts-0-name": "Piet Pietersen", "contacts-0-email": "piet@example.org"})

    response = recruiter_client.post(reverse("vacancies:client_create"), data)

    twente = Client.objects.get(name="Regio Twente")
    assert response.status_code == 302
    assert response.url == reverse("vacancies:client_detail", args=[twente.pk])
    assert twente.locations.get().city == "Enschede"
    assert twente.contacts.get().email == "piet@example.org"


def test_edit_client_adds_unit_at_its_location(recruiter_client):
    ipo = ClientFactory()
    den_haag = ClientLocationFactory(client=ipo)
    data = client_data(name=ipo.name, short_name="IPO", context=ipo.context)
    data.update(management("locations", total=1, initial=1))
    data.update(
        {
            "locations-0-id": str(den_haag.pk),
            "locations-0-name": "Den Haag",
            "locations-0-city": "Den Haag",
        }
    )
    data.update(management("units", total=1))
    data.update({"units-0-name": "BIJ12", "units-0-location": str(den_haag.pk)})

    response = recruiter_client.post(reverse("vacancies:client_edit", args=[ipo.pk]), data)

    assert response.status_code == 302
    assert ipo.units.get().location == den_haag


def test_unit_cannot_use_a_location_of_another_client(recruiter_client):
    ipo = ClientFactory()
    enschede = ClientLocationFactory(client=ClientFactory(name="Regio Twente"), name="Enschede")
    data = client_data(name=ipo.name, short_name="IPO")
    data.update(management("units", total=1))
    data.update({"units-0-name": "BIJ12", "units-0-location": str(enschede.pk)})

    response = recruiter_client.post(reverse("vacancies:client_edit", args=[ipo.pk]), data)

    assert response.status_code == 200
    assert "location" in response.context["formsets"]["units"].forms[0].errors
    assert not ClientUnit.objects.exists()


def test_bad_contact_saves_nothing(recruiter_client):
    data = client_data()
    data.update(management("locations", total=1))
    data.update({"locations-0-name": "Enschede", "locations-0-city": "Enschede"})
    data.update(management("contacts", total=1))
    data.update({"contacts-0-name": "Piet", "contacts-0-email": "geen-adres"})

    response = recruiter_client.post(reverse("vacancies:client_create"), data)

    assert response.status_code == 200
    assert "email" in response.context["formsets"]["contacts"].forms[0].errors
    assert not Client.objects.filter(name="Regio Twente").exists()
    assert not ClientLocation.objects.exists()


def test_duplicate_location_name_is_refused(recruiter_client):
    data = client_data()
    data.update(management("locations", total=2))
    data.update(
        {
            "locations-0-name": "Enschede",
            "locations-0-city": "Enschede",
            "locations-1-name": "Enschede",
            "locations-1-city": "Enschede",
        }
    )

    response = recruiter_client.post(reverse("vacancies:client_create"), data)

    assert response.status_code == 200
    assert response.context["formsets"]["locations"].non_form_errors()
    assert not Client.objects.exists()


def test_duplicate_client_name_is_a_dutch_field_error(recruiter_client):
    ClientFactory(name="Regio Twente")
    recruiter_client.cookies["django_language"] = "nl"

    response = recruiter_client.post(reverse("vacancies:client_create"), client_data())

    assert "name" in response.context["form"].errors
    assert "bestaat al" in response.content.decode()
    assert Client.objects.count() == 1


@pytest.mark.parametrize("name", ["client_list", "client_create", "client_detail", "client_edit"])
def test_access(client, recruiter, committee_user, name):
    ipo = ClientFactory()
    url = reverse(
        f"vacancies:{name}", args=[ipo.pk] if name in ("client_detail", "client_edit") else []
    )

    response = client.get(url)
    assert response.status_code == 302
    assert response.url.startswith(reverse("login"))
    client.force_login(committee_user)
    assert client.get(url).status_code == 404
    client.force_login(recruiter)
    assert client.get(url).status_code == 200


def test_committee_user_cannot_create_a_client(client, committee_user):
    client.force_login(committee_user)

    response = client.post(reverse("vacancies:client_create"), client_data())

    assert response.status_code == 404
    assert not Client.objects.exists()
