import re
from datetime import date, timedelta

import pytest
import time_machine
from django.conf import settings
from django.utils import timezone, translation

from candidates.models import Application
from candidates.services.notifications import DASH, notify_application_received
from mail.models import OutgoingEmail
from mail.tasks import flush_outbox
from tests.accounts.factories import RecruiterFactory
from tests.candidates.factories import ApplicationFactory, CandidateFactory
from tests.candidates.pdfs import (  # noqa: F401
    fresh_cache_fixture,
    make_pdf,
    private_storage_fixture,
    upload,
)
from tests.mail.fixtures import broker_down_fixture  # noqa: F401
from tests.vacancies.factories import (
    ContactPersonFactory,
    PlanningPhaseFactory,
    VacancyFactory,
)
from vacancies.models import PlanningPhase
from vacancies.templatetags.formatting import longdate

pytestmark = pytest.mark.django_db

LINK = re.compile(re.escape(settings.SITE_URL) + r"(/mijn-sollicitatie/[^\s\"<]+/)")


@pytest.fixture
def vacancy():
    consultant = RecruiterFactory(
        username="inge", first_name="Inge", last_name="Diepenhorst", email="inge@example.org"
    )
    vacancy = VacancyFactory(lead_consultant=consultant)
    PlanningPhaseFactory(
        vacancy=vacancy,
        order=1,
        kind=PlanningPhase.Kind.PUBLICATION,
        activity="Publicatie vacature",
        starts_on=date(2026, 4, 17),
        ends_on=date(2026, 5, 15),
    )
    PlanningPhaseFactory(vacancy=vacancy, order=2)  # preselection, 18 - 29 May 2026
    PlanningPhaseFactory(
        vacancy=vacancy,
        order=3,
        kind=PlanningPhase.Kind.COMMITTEE_INTERVIEWS,
        activity="Gespreksronde selectiecommissie",
        starts_on=date(2026, 6, 15),
        ends_on=date(2026, 6, 15),
    )
    ContactPersonFactory(vacancy=vacancy, name="Inge Diepenhorst", phone="06 5555 1234")
    return vacancy


def application_for(vacancy, *, language="nl", **candidate):
    candidate = CandidateFactory(
        first_name="Anna", last_name="de Vries", language=language, **candidate
    )
    return ApplicationFactory(vacancy=vacancy, candidate=candidate)


def notify(application, capture):
    with capture(execute=True):
        notify_application_received(application_id=application.pk)


def by_recipient(outbox):
    return {message.to[0]: message for message in outbox}


def test_candidate_gets_a_receipt_with_planning_contacts_and_private_link(
    vacancy, client, mailoutbox, django_capture_on_commit_callbacks
):
    application = application_for(vacancy, email="anna@example.org")
    notify(application, django_capture_on_commit_callbacks)

    message = by_recipient(mailoutbox)["anna@example.org"]
    body = message.body
    assert "Algemeen Directeur" in message.subject
    assert "Algemeen Directeur" in body
    assert "Interprovinciaal Overleg" in body
    # When the preselection runs, in Dutch, from the planning.
    assert f"maandag 18 mei{DASH}vrijdag 29 mei 2026" in body
    assert "vrijdag 15 mei 2026" in body  # the closing date
    assert "Voorselectie en interviews kandidaten door Chasse" in body
    assert "maandag 15 juni 2026" in body  # the rest of the planning
    assert "Inge Diepenhorst" in body
    assert "06 5555 1234" in body
    with translation.override("nl"):  # received today, in Dutch
        assert longdate(timezone.localdate()) in body

    html = message.alternatives[0][0]
    assert "maandag 18 mei" in html

    path = LINK.search(body).group(1)
    assert f'href="{settings.SITE_URL}{path}"' in html
    response = client.get(path)
    assert response.status_code == 200
    assert "Algemeen Directeur" in response.content.decode()
    assert response.context["application"] == application


def test_lead_consultant_gets_a_notice_with_a_link_to_the_candidate(
    vacancy, client, mailoutbox, django_capture_on_commit_callbacks
):
    application = application_for(vacancy, current_position="Provinciesecretaris")
    notify(application, django_capture_on_commit_callbacks)

    message = by_recipient(mailoutbox)["inge@example.org"]
    assert "Anna de Vries" in message.subject
    assert "Provinciesecretaris" in message.body
    url = f"{settings.SITE_URL}/kantoor/kandidaten/{application.candidate_id}/"
    assert url in message.body
    client.force_login(vacancy.lead_consultant)
    assert client.get(url.removeprefix(settings.SITE_URL)).status_code == 200


def test_each_recipient_reads_their_own_language(
    vacancy, mailoutbox, django_capture_on_commit_callbacks
):
    vacancy.lead_consultant.language = "en"
    vacancy.lead_consultant.save()
    application = application_for(vacancy, language="en", email="anna@example.org")
    notify(application, django_capture_on_commit_callbacks)

    to_candidate = by_recipient(mailoutbox)["anna@example.org"]
    assert to_candidate.subject == "Your application for Algemeen Directeur has been received"
    assert f"Monday 18 May{DASH}Friday 29 May 2026" in to_candidate.body
    assert "After the closing date on Friday 15 May 2026" in to_candidate.body
    assert "maandag" not in to_candidate.body
    to_consultant = by_recipient(mailoutbox)["inge@example.org"]
    assert to_consultant.subject == "New application: Anna de Vries for Algemeen Directeur"
    assert OutgoingEmail.objects.get(to="inge@example.org").language == "en"


def test_notifying_twice_sends_each_email_once(
    vacancy, mailoutbox, django_capture_on_commit_callbacks
):
    application = application_for(vacancy)
    notify(application, django_capture_on_commit_callbacks)
    notify(application, django_capture_on_commit_callbacks)
    with time_machine.travel(timezone.now() + timedelta(minutes=5)):
        flush_outbox()
        flush_outbox()

    assert len(mailoutbox) == 2
    assert set(OutgoingEmail.objects.values_list("key", flat=True)) == {
        f"application-received:{application.pk}:candidate",
        f"application-received:{application.pk}:consultant",
    }
    assert not OutgoingEmail.objects.filter(sent_at__isnull=True).exists()


def test_without_contact_persons_the_lead_consultant_is_the_contact(
    vacancy, mailoutbox, django_capture_on_commit_callbacks
):
    vacancy.contacts.all().delete()
    vacancy.lead_consultant.phone = "070 123 4567"
    vacancy.lead_consultant.save()
    application = application_for(vacancy, email="anna@example.org")
    notify(application, django_capture_on_commit_callbacks)
    body = by_recipient(mailoutbox)["anna@example.org"].body
    assert "Inge Diepenhorst" in body
    assert "070 123 4567" in body


def test_a_vacancy_without_lead_consultant_only_mails_the_candidate(
    vacancy, mailoutbox, django_capture_on_commit_callbacks
):
    vacancy.lead_consultant = None
    vacancy.save()
    notify(application_for(vacancy), django_capture_on_commit_callbacks)
    assert len(mailoutbox) == 1


def apply_data(email="anna@example.org"):
    return {
        "first_name": "Anna",
        "last_name": "de Vries",
        "email": email,
        "phone": "06 1234 5678",
        "current_position": "Directeur",
        "current_organisation": "Provincie Utrecht",
        "privacy_accepted": "on",
        "motivation": upload(make_pdf("Motivatie"), "motivatie.pdf"),
        "cv": upload(make_pdf("Curriculum vitae"), "cv.pdf"),
    }


@time_machine.travel(date(2026, 5, 1))
@pytest.mark.usefixtures("private_storage", "fresh_cache", "broker_down")
def test_with_the_broker_down_the_application_is_saved_and_mailed_once_it_is_back(
    vacancy, client, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/vacatures/{vacancy.reference}/solliciteren/", apply_data())

    assert response.status_code == 302
    application = Application.objects.get(candidate__email="anna@example.org")
    assert application.documents.count() == 2
    assert mailoutbox == []
    unsent = OutgoingEmail.objects.filter(sent_at__isnull=True)
    assert unsent.count() == 2

    # The broker is back: the periodic flush_outbox (run here in-process) sends them, once.
    with time_machine.travel(timezone.now() + timedelta(minutes=2)):
        flush_outbox.apply()
        flush_outbox.apply()
    assert sorted(m.to[0] for m in mailoutbox) == ["anna@example.org", "inge@example.org"]
    assert not unsent.exists()


@time_machine.travel(date(2026, 5, 1))
@pytest.mark.usefixtures("private_storage", "fresh_cache")
def test_applying_sends_both_emails_right_away_without_a_broker(
    vacancy, client, mailoutbox, django_capture_on_commit_callbacks
):
    """The local default: no broker, tasks run in-process after commit."""
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/vacatures/{vacancy.reference}/solliciteren/", apply_data())
    assert response.status_code == 302
    assert sorted(m.to[0] for m in mailoutbox) == ["anna@example.org", "inge@example.org"]
    assert OutgoingEmail.objects.filter(sent_at__isnull=False).count() == 2
