"""The demo's running procedure in its committee round (candidates/demo/committee_round.py):
closed for applications, candidates released, scores submitted and a draft, a conflict, the
interviews of next week; its committee logs in with the printed password and sees it."""

import io
from datetime import date, datetime, timedelta
from io import StringIO
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core.management import call_command
from django.urls import reverse
from pypdf import PdfReader

from candidates.demo import committee_round, people
from candidates.models import (
    ApplicationRelease,
    ConflictOfInterest,
    Interview,
    Scorecard,
)
from tests.candidates.pdfs import private_storage_fixture  # noqa: F401
from vacancies.models import Vacancy, WorksCouncilAdvice

# The demo stores CVs: in a temporary folder, not in data/media.
pytestmark = pytest.mark.usefixtures("private_storage")

AMS = ZoneInfo("Europe/Amsterdam")
# A Wednesday afternoon, after the committee discussed the overview (Monday to Wednesday).
WEDNESDAY = datetime(2026, 11, 25, 18, 0, tzinfo=AMS)


@pytest.fixture(autouse=True)
def _demo_settings(settings):
    settings.DEBUG = True
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def running(db):
    with time_machine.travel(WEDNESDAY, tick=False):
        out = StringIO()
        call_command("load_demo", "--if-empty", stdout=out)
        yield Vacancy.objects.get(reference=committee_round.REFERENCE), out.getvalue()


def test_the_procedure_is_closed_and_in_its_committee_round(running):
    vacancy, _output = running
    assert vacancy.status == Vacancy.Status.CLOSED
    assert vacancy.closing_date == date(2026, 10, 30)  # the Friday, 3 weeks before
    released = ApplicationRelease.objects.filter(
        application__vacancy=vacancy, withdrawn_at__isnull=True
    )
    assert released.count() == 4
    assert set(
        vacancy.applications.filter(stage="committee").values_list(
            "candidate__last_name", flat=True
        )
    ) == {"el Khatib", "Lammers"}
    advice = WorksCouncilAdvice.objects.get(vacancy=vacancy)
    assert advice.requested_on and advice.received_on is None


def test_scores_a_draft_and_a_conflict(running):
    vacancy, _output = running
    cards = Scorecard.objects.filter(application__vacancy=vacancy)
    assert cards.filter(submitted_at__isnull=False).count() == 7
    assert cards.filter(submitted_at__isnull=True).count() == 1
    conflict = ConflictOfInterest.objects.get(application__vacancy=vacancy)
    assert conflict.member.user.username == "twente.or"


def test_the_interviews_of_next_week_are_planned(running):
    vacancy, _output = running
    interviews = list(Interview.objects.filter(application__vacancy=vacancy).order_by("starts_at"))
    assert [i.starts_at.astimezone(AMS).strftime("%a %d %H:%M") for i in interviews] == [
        "Tue 01 10:00",
        "Tue 01 13:00",
    ]
    assert all(i.starts_at > WEDNESDAY for i in interviews)
    assert interviews[0].members.count() == 3


def test_the_committee_logs_in_with_the_printed_password_and_sees_the_procedure(running, client):
    vacancy, output = running
    for person in committee_round.TWENTE_COMMITTEE:
        assert person.username in output
    assert people.COMMITTEE_PASSWORD in output
    with time_machine.travel(WEDNESDAY + timedelta(minutes=5), tick=False):
        response = client.post(
            reverse("login"),
            {"username": "twente.voorzitter", "password": people.COMMITTEE_PASSWORD},
        )
        assert response.status_code == 302
        assert response.url == reverse("candidates:committee_home")
        home = client.get(response.url)
        assert vacancy.title in home.content.decode()
        matrix = client.get(reverse("candidates:score_matrix", args=[vacancy.pk]))
        assert matrix.status_code == 200
        assert "Belangenverstrengeling" in matrix.content.decode()


def test_a_member_reads_a_candidates_cv(running, client):
    """The released candidates handed in a CV; a member opens it in the browser."""
    vacancy, _output = running
    application = vacancy.applications.get(candidate__last_name="Lammers")
    document = application.documents.get(kind="cv")
    with time_machine.travel(WEDNESDAY + timedelta(minutes=5), tick=False):
        client.post(
            reverse("login"), {"username": "twente.lid", "password": people.COMMITTEE_PASSWORD}
        )
        page = client.get(reverse("candidates:committee_application", args=[application.pk]))
        url = reverse("candidates:document_download", args=[document.pk])
        assert url in page.content.decode()
        response = client.get(url + "?inline=1")
        assert response.status_code == 200
        assert response["Content-Type"] == "application/pdf"
        content = b"".join(response.streaming_content)
    text = "".join(p.extract_text() for p in PdfReader(io.BytesIO(content)).pages)
    assert "Monique Lammers" in text
    assert "gemeentesecretaris, Gemeente Losser" in text
