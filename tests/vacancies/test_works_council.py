"""The works council's advice (WOR article 30): the step per vacancy, the request and the advice,
and who may open the page."""

from datetime import timedelta

import pytest
from django.contrib.messages import get_messages
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from tests.accounts.factories import UserFactory
from tests.vacancies.factories import CommitteeMemberFactory, VacancyFactory
from vacancies.models import Vacancy, WorksCouncilAdvice
from vacancies.services.works_council import (
    works_council_record_advice,
    works_council_request,
    works_council_set_required,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def vacancy():
    return VacancyFactory(status=Vacancy.Status.CLOSED)


def url(vacancy):
    return reverse("vacancies:works_council", args=[vacancy.pk])


def messages_of(response):
    return [str(message) for message in get_messages(response.wsgi_request)]


def advice_of(vacancy) -> WorksCouncilAdvice | None:
    return WorksCouncilAdvice.objects.filter(vacancy=vacancy).first()


def today():
    return timezone.localdate()


# Who may open it --------------------------------------------------------------------------------


def test_the_recruiter_sees_the_step_and_the_record(recruiter_client, vacancy):
    works_council_request(vacancy=vacancy, on=today() - timedelta(days=3), by=None)

    response = recruiter_client.get(url(vacancy))

    assert response.status_code == 200
    html = response.content.decode()
    assert "Advies ondernemingsraad" in html
    assert 'id="wc-state"' in html and "Aan" in html
    assert "Nog niet ontvangen" in html
    assert 'id="wc-request-form"' in html and 'id="wc-advice-form"' in html
    # The decision page is reached through the vacancy's tabs.
    assert reverse("candidates:decision", args=[vacancy.pk]) in html


def test_a_committee_member_gets_404_and_anonymous_goes_to_login(client, vacancy):
    member = CommitteeMemberFactory(vacancy=vacancy, user=UserFactory(username="or-lid"))

    response = client.get(url(vacancy))
    assert response.status_code == 302 and "/login/" in response["Location"]

    client.force_login(member.user)
    assert client.get(url(vacancy)).status_code == 404
    assert client.post(url(vacancy), {"action": "required", "required": "0"}).status_code == 404
    vacancy.refresh_from_db()
    assert vacancy.works_council_advice is True


# Switching the step ------------------------------------------------------------------------------


def test_the_step_is_on_by_default_and_can_be_switched_off_and_on(recruiter_client, vacancy):
    assert vacancy.works_council_advice is True

    response = recruiter_client.post(url(vacancy), {"action": "required", "required": "0"})

    assert response.status_code == 302
    vacancy.refresh_from_db()
    assert vacancy.works_council_advice is False
    assert "Uit" in recruiter_client.get(url(vacancy)).content.decode()

    recruiter_client.post(url(vacancy), {"action": "required", "required": "1"})
    vacancy.refresh_from_db()
    assert vacancy.works_council_advice is True


def test_a_bad_switch_value_changes_nothing(recruiter_client, vacancy):
    response = recruiter_client.post(url(vacancy), {"action": "required", "required": "maybe"})

    assert response.status_code == 302
    vacancy.refresh_from_db()
    assert vacancy.works_council_advice is True
    assert messages_of(response) == ["Kies of de stap aan of uit staat."]


# The request and the advice -------------------------------------------------------------------


def test_recording_the_request_date(recruiter_client, vacancy, recruiter):
    day = today() - timedelta(days=2)

    response = recruiter_client.post(
        url(vacancy), {"action": "request", "request-requested_on": day.isoformat()}
    )

    assert response.status_code == 302
    advice = advice_of(vacancy)
    assert (advice.requested_on, advice.requested_by) == (day, recruiter)
    assert advice.received_on is None


def test_a_request_in_the_future_is_refused(recruiter_client, vacancy):
    tomorrow = today() + timedelta(days=1)

    response = recruiter_client.post(
        url(vacancy), {"action": "request", "request-requested_on": tomorrow.isoformat()}
    )

    assert response.status_code == 400
    assert "Deze datum ligt in de toekomst." in response.content.decode()
    assert advice_of(vacancy) is None


def test_recording_the_advice(recruiter_client, vacancy, recruiter):
    works_council_request(vacancy=vacancy, on=today() - timedelta(days=7), by=recruiter)

    response = recruiter_client.post(
        url(vacancy),
        {
            "action": "advice",
            "advice-received_on": today().isoformat(),
            "advice-content": "  De OR adviseert positief over de voorgenomen benoeming.  ",
        },
    )

    assert response.status_code == 302
    advice = advice_of(vacancy)
    assert advice.received_on == today()
    assert advice.content == "De OR adviseert positief over de voorgenomen benoeming."
    assert advice.recorded_by == recruiter
    page = recruiter_client.get(url(vacancy)).content.decode()
    assert "De OR adviseert positief" in page


@pytest.mark.parametrize(
    ("received", "content", "field", "message"),
    [
        (1, "Positief advies", "received_on", "Deze datum ligt in de toekomst."),
        (None, "Positief advies", "received_on", "Vul de datum in."),
        (0, "   ", "content", "Schrijf op wat de ondernemingsraad heeft geadviseerd."),
        ("not a date", "Positief advies", "received_on", "Voer een geldige datum in."),
    ],
)
def test_bad_advice_is_refused_and_keeps_what_was_typed(
    recruiter_client, vacancy, received, content, field, message
):
    if isinstance(received, int):
        received = (today() + timedelta(days=received)).isoformat()

    response = recruiter_client.post(
        url(vacancy),
        {"action": "advice", "advice-received_on": received or "", "advice-content": content},
    )

    assert response.status_code == 400
    form = response.context["advice_form"]
    assert form.errors[field] == [message]
    assert form["content"].value() == content
    assert advice_of(vacancy) is None or advice_of(vacancy).received_on is None


def test_advice_before_the_request_is_refused(vacancy):
    works_council_request(vacancy=vacancy, on=today() - timedelta(days=2), by=None)

    with pytest.raises(ValidationError) as caught:
        works_council_record_advice(
            vacancy=vacancy, received_on=today() - timedelta(days=5), content="Positief", by=None
        )

    assert caught.value.message_dict == {
        "received_on": ["Het advies kan niet zijn ontvangen voordat het is gevraagd."]
    }
    assert advice_of(vacancy).received_on is None


def test_an_ended_procedure_keeps_its_record(recruiter_client, vacancy):
    works_council_record_advice(vacancy=vacancy, received_on=today(), content="Positief", by=None)
    Vacancy.objects.filter(pk=vacancy.pk).update(status=Vacancy.Status.APPOINTED)

    page = recruiter_client.get(url(vacancy)).content.decode()
    assert 'id="wc-ended"' in page and 'id="wc-advice-form"' not in page
    response = recruiter_client.post(url(vacancy), {"action": "required", "required": "0"})

    assert response.status_code == 302
    assert messages_of(response) == [
        "De procedure is afgerond: het advies van de ondernemingsraad kan niet meer worden "
        "gewijzigd."
    ]
    vacancy.refresh_from_db()
    assert vacancy.works_council_advice is True
    with pytest.raises(ValidationError):
        works_council_set_required(vacancy=vacancy, required=False, by=None)
