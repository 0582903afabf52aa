"""The candidate's private link (issue 7): not stored in the outbox (made when the email is
rendered), and a logged-in user who opens it is not taken for the candidate."""

import json
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core.files.base import ContentFile
from django.test import Client
from django.urls import reverse

from candidates.models import Application, Document, DocumentAccess
from candidates.services.candidate_page import status_link_token
from mail.models import OutgoingEmail
from mail.services.outbox import email_send
from tests.candidates.factories import ApplicationFactory
from tests.candidates.pdfs import (
    application_data,
    fresh_cache_fixture,  # noqa: F401
    make_pdf,
    private_storage_fixture,  # noqa: F401
)
from tests.vacancies.factories import VacancyFactory

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("private_storage", "fresh_cache")]


@pytest.fixture(autouse=True)
def _open():
    with time_machine.travel(datetime(2026, 5, 1, 12, 0, tzinfo=ZoneInfo("Europe/Amsterdam"))):
        yield


def apply(client, vacancy, capture, **data):
    with capture(execute=True):
        return client.post(
            reverse("candidates:apply", args=[vacancy.reference]), application_data(**data)
        )


def test_the_link_is_not_stored_in_the_outbox_but_is_in_the_email(
    client, mailoutbox, django_capture_on_commit_callbacks
):
    vacancy = VacancyFactory()
    apply(client, vacancy, django_capture_on_commit_callbacks)
    application = Application.objects.get()
    token = status_link_token(application)

    row = OutgoingEmail.objects.get(template="application_received_candidate")
    stored = json.dumps(row.context)
    assert "status_url" not in row.context
    assert token not in stored
    assert application.access_token not in stored
    assert row.context["application_id"] == application.pk
    # The email that went out has the link, and the link works.
    message = next(m for m in mailoutbox if m.to == ["inge.jansen@example.nl"])
    link = reverse("candidates:status", args=[token])
    assert link in message.body
    assert link in message.alternatives[0][0]
    assert Client().get(link).status_code == 200


def test_an_email_whose_application_is_gone_renders_without_the_link(mailoutbox):
    application = ApplicationFactory()
    row = OutgoingEmail.objects.create(
        key="application-received:999:candidate",
        to="x@example.nl",
        language="nl",
        template="application_received_candidate",
        context={"candidate_name": "X", "application_id": application.pk + 1000},
    )

    assert email_send(email_id=row.pk)

    assert "mijn-sollicitatie" not in mailoutbox[0].body


def test_the_migration_removes_links_from_rows_queued_before(mailoutbox):
    import importlib

    from django.apps import apps

    migration = importlib.import_module("mail.migrations.0002_forget_candidate_links")
    application = ApplicationFactory()
    row = OutgoingEmail.objects.create(
        key=f"application-received:{application.pk}:candidate",
        to="x@example.nl",
        language="nl",
        template="application_received_candidate",
        context={"candidate_name": "X", "status_url": "https://x/mijn-sollicitatie/geheim/"},
    )

    migration.forget_links(apps, None)

    row.refresh_from_db()
    assert row.context == {"candidate_name": "X", "application_id": application.pk}


# A logged-in user on the candidate's page ---------------------------------------------------


@pytest.fixture
def application():
    application = ApplicationFactory()
    document = Document(
        application=application, kind="cv", original_name="cv.pdf", size=1, sha256="0" * 64
    )
    document.file.save("cv.pdf", ContentFile(make_pdf("CV")), save=True)
    return application


def test_a_logged_in_user_sees_the_page_without_actions(recruiter_client, application):
    signed = status_link_token(application)

    response = recruiter_client.get(reverse("candidates:status", args=[signed]))

    assert response.status_code == 200
    html = response.content.decode()
    assert "Dit is de eigen pagina van de kandidaat." in html
    assert "niet voor de kandidaat aangezien" in html
    for name in ("status_withdraw", "status_erasure", "status_export"):
        assert reverse(f"candidates:{name}", args=[signed]) not in html
    document = application.documents.get()
    assert reverse("candidates:status_document", args=[signed, document.pk]) not in html


@pytest.mark.parametrize("user", ["recruiter", "committee_user"])
def test_a_logged_in_user_cannot_act_for_the_candidate(client, application, user, request):
    client.force_login(request.getfixturevalue(user))
    signed = status_link_token(application)
    document = application.documents.get()

    withdraw = client.post(reverse("candidates:status_withdraw", args=[signed]))
    erasure = client.post(reverse("candidates:status_erasure", args=[signed]))
    export = client.get(reverse("candidates:status_export", args=[signed]))
    download = client.get(reverse("candidates:status_document", args=[signed, document.pk]))

    assert [withdraw.status_code, erasure.status_code, export.status_code] == [403, 403, 403]
    assert download.status_code == 403
    application.refresh_from_db()
    assert application.stage == Application.Stage.APPLIED
    assert application.erasure_requested_at is None
    assert not DocumentAccess.objects.exists()  # nothing logged as if by the candidate


def test_the_candidate_still_acts_on_their_own_page(client, application):
    signed = status_link_token(application)

    page = client.get(reverse("candidates:status", args=[signed])).content.decode()
    export = client.get(reverse("candidates:status_export", args=[signed]))

    assert "Dit is de eigen pagina van de kandidaat." not in page
    assert reverse("candidates:status_withdraw", args=[signed]) in page
    assert export.status_code == 200
