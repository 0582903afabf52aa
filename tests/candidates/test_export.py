"""The export of a vacancy's pipeline (CSV and Excel) and the candidate's own data export."""

import csv
import io
import json
import logging
import zipfile
from datetime import datetime
from zoneinfo import ZoneInfo

import openpyxl
import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from candidates.models import Application, Assessment, AssessmentScore, Candidate, StageChange
from candidates.services.assessment import assessment_save
from candidates.services.candidate_page import candidate_export
from candidates.services.stages import application_move
from tests.accounts.factories import RecruiterFactory
from tests.candidates.factories import ApplicationFactory, CandidateFactory
from tests.vacancies.factories import CommitteeMemberFactory, RequirementFactory, VacancyFactory

pytestmark = pytest.mark.django_db

AMSTERDAM = ZoneInfo("Europe/Amsterdam")
NOW = datetime(2026, 11, 25, 12, 0, tzinfo=AMSTERDAM)
HOSTILE = ['=HYPERLINK("http://evil.example","klik")', "+31 6 1234", "-2+3", "@SUM(A1)"]


@pytest.fixture(autouse=True)
def _now():
    with time_machine.travel(NOW, tick=False):
        yield


@pytest.fixture
def inge():
    return RecruiterFactory(username="inge", first_name="Inge", last_name="Diepenhorst")


@pytest.fixture
def vacancy():
    vacancy = VacancyFactory(reference="ipo-algemeen-directeur")
    RequirementFactory(vacancy=vacancy, order=1, text="Academisch denkniveau.")
    RequirementFactory(vacancy=vacancy, order=2, text="Bestuurlijke ervaring.")
    return vacancy


def at(day, month, hour=10):
    return datetime(2026, month, day, hour, 0, tzinfo=AMSTERDAM)


@pytest.fixture
def anna(vacancy, inge):
    """Applied on 12 May, longlist and preselection since 20 November, assessed."""
    candidate = CandidateFactory(
        first_name="Anna",
        last_name="de Vries",
        email="anna@example.org",
        phone="06 1111 2222",
        current_position="Directeur Bedrijfsvoering",
        current_organisation="Provincie Utrecht",
    )
    application = ApplicationFactory(candidate=candidate, vacancy=vacancy)
    Application.objects.filter(pk=application.pk).update(created_at=at(12, 5, 9))
    StageChange.objects.create(
        application=application, from_stage="", to_stage="applied", changed_at=at(12, 5, 9)
    )
    application_move(application=application, to_stage="longlist", by=inge, at=at(12, 5))
    application_move(application=application, to_stage="preselection", by=inge, at=at(20, 11))
    first, second = vacancy.requirements.order_by("order")
    assessment_save(
        application=application,
        by=inge,
        scores={first.pk: (4, ""), second.pk: (3, "")},
        summary="Sterk.",
        recommendation=Assessment.Recommendation.PROPOSE,
    )
    return application


@pytest.fixture
def bram(vacancy, inge):
    """Sourced, approached, rejected on 1 November."""
    candidate = CandidateFactory(
        first_name="Bram",
        last_name="Bakker",
        email="bram@example.org",
        phone="",
        current_position="Gedeputeerde",
        current_organisation="Provincie Gelderland",
    )
    application = ApplicationFactory(
        candidate=candidate,
        vacancy=vacancy,
        stage=Application.Stage.SOURCED,
        source=Application.Source.SOURCED,
        outreach=Application.Outreach.INTERESTED,
    )
    application_move(
        application=application,
        to_stage="rejected",
        by=inge,
        reason="Te weinig ervaring in het openbaar bestuur.",
        rejection_code=Application.RejectionReason.EXPERIENCE,
        at=at(1, 11),
    )
    return application


def csv_url(vacancy):
    return reverse("candidates:pipeline_export_csv", args=[vacancy.pk])


def xlsx_url(vacancy):
    return reverse("candidates:pipeline_export_xlsx", args=[vacancy.pk])


def read_csv(response):
    content = response.content
    assert content.startswith(b"\xef\xbb\xbf")  # UTF-8 byte order mark, for Excel
    text = content.decode("utf-8-sig")
    return list(csv.reader(io.StringIO(text, newline=""), delimiter=";"))


def read_xlsx(response):
    return openpyxl.load_workbook(io.BytesIO(response.content))


def by_name(rows):
    header, *rest = rows
    return {row[0]: dict(zip(header, row, strict=True)) for row in rest}


# CSV ---------------------------------------------------------------------------------------


def test_the_csv_has_a_row_per_application_with_what_the_consultant_needs(
    recruiter_client, vacancy, anna, bram
):
    ApplicationFactory()  # of another vacancy: not in this export

    response = recruiter_client.get(csv_url(vacancy))

    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"] == (
        'attachment; filename="pijplijn-ipo-algemeen-directeur-2026-11-25.csv"'
    )
    assert "no-store" in response["Cache-Control"]
    rows = read_csv(response)
    assert rows[0] == [
        "Naam",
        "E-mail",
        "Telefoon",
        "Huidige functie",
        "Organisatie",
        "Bron",
        "Benadering",
        "Fase",
        "Dagen in fase",
        "Reden van afwijzing",
        "Toelichting bij de afwijzing",
        "Gemiddelde score",
        "Advies",
        "Gesolliciteerd of toegevoegd op",
        "Fasegeschiedenis",
    ]
    assert len(rows) == 3
    # In stage order: preselection before rejected.
    assert [row[0] for row in rows[1:]] == ["Anna de Vries", "Bram Bakker"]
    rows = by_name(rows)
    anna_row = rows["Anna de Vries"]
    assert anna_row["E-mail"] == "anna@example.org"
    assert anna_row["Telefoon"] == "06 1111 2222"
    assert anna_row["Huidige functie"] == "Directeur Bedrijfsvoering"
    assert anna_row["Organisatie"] == "Provincie Utrecht"
    assert anna_row["Bron"] == "Gesolliciteerd"
    assert anna_row["Benadering"] == ""
    assert anna_row["Fase"] == "Voorselectie"
    assert anna_row["Dagen in fase"] == "5"
    assert anna_row["Reden van afwijzing"] == ""
    assert anna_row["Gemiddelde score"] == "3,5"
    assert anna_row["Advies"] == "Voordragen aan de commissie"
    assert anna_row["Gesolliciteerd of toegevoegd op"] == "12-5-2026 09:00"
    assert anna_row["Fasegeschiedenis"] == (
        "12-5-2026 Gesolliciteerd; "
        "12-5-2026 Gesolliciteerd → Longlist (Inge Diepenhorst); "
        "20-11-2026 Longlist → Voorselectie (Inge Diepenhorst)"
    )
    bram_row = rows["Bram Bakker"]
    assert bram_row["Bron"] == "Gevonden via search"
    assert bram_row["Benadering"] == "Geïnteresseerd"
    assert bram_row["Fase"] == "Afgewezen"
    assert bram_row["Dagen in fase"] == "24"
    assert bram_row["Reden van afwijzing"] == "Onvoldoende relevante ervaring"
    assert bram_row["Toelichting bij de afwijzing"] == "Te weinig ervaring in het openbaar bestuur."
    assert bram_row["Gemiddelde score"] == ""
    assert bram_row["Advies"] == ""
    assert bram_row["Fasegeschiedenis"] == (
        "1-11-2026 Gevonden via search → Afgewezen (Inge Diepenhorst): "
        "Onvoldoende relevante ervaring, Te weinig ervaring in het openbaar bestuur."
    )


def test_csv_cells_that_a_spreadsheet_would_run_get_an_apostrophe(recruiter_client, vacancy):
    for number, text in enumerate([*HOSTILE, "\tTab", "\rReturn"]):
        ApplicationFactory(
            vacancy=vacancy,
            candidate=CandidateFactory(
                first_name="Kandidaat",
                last_name=str(number),
                current_organisation=text,
                phone=text,
            ),
        )

    rows = by_name(read_csv(recruiter_client.get(csv_url(vacancy))))

    organisations = sorted(row["Organisatie"] for row in rows.values())
    assert organisations == sorted(f"'{text}" for text in [*HOSTILE, "\tTab", "\rReturn"])
    for row in rows.values():
        for value in row.values():
            assert not value.startswith(("=", "+", "-", "@", "\t", "\r")), value


def test_an_empty_vacancy_gives_the_header_only(recruiter_client, vacancy):
    rows = read_csv(recruiter_client.get(csv_url(vacancy)))
    assert len(rows) == 1
    assert rows[0][0] == "Naam"


def test_the_csv_follows_the_users_language(recruiter_client, vacancy, anna):
    recruiter_client.cookies["django_language"] = "en"
    response = recruiter_client.get(csv_url(vacancy), HTTP_ACCEPT_LANGUAGE="en")
    rows = read_csv(response)
    assert rows[0][:2] == ["Name", "Email"]
    assert rows[1][7] == "Preselection"
    assert rows[1][11] == "3.5"
    assert "pipeline-ipo-algemeen-directeur-2026-11-25.csv" in response["Content-Disposition"]


# Excel -------------------------------------------------------------------------------------


def test_the_excel_file_has_the_pipeline_and_its_history(recruiter_client, vacancy, anna, bram):
    response = recruiter_client.get(xlsx_url(vacancy))

    assert response.status_code == 200
    assert response["Content-Type"] == (
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    )
    assert response["Content-Disposition"] == (
        'attachment; filename="pijplijn-ipo-algemeen-directeur-2026-11-25.xlsx"'
    )
    workbook = read_xlsx(response)
    assert workbook.sheetnames == ["Pijplijn", "Historie"]

    sheet = workbook["Pijplijn"]
    header = [cell.value for cell in sheet[1]]
    assert header[:3] == ["Naam", "E-mail", "Telefoon"]
    assert "Fasegeschiedenis" not in header  # the history has its own sheet
    assert all(cell.font.bold for cell in sheet[1])
    assert sheet.freeze_panes == "A2"
    assert sheet.column_dimensions["A"].width >= len("Anna de Vries")
    assert sheet.column_dimensions["K"].width <= 62
    rows = {
        row[0]: dict(zip(header, row, strict=True)) for row in sheet.iter_rows(2, values_only=True)
    }
    assert list(rows) == ["Anna de Vries", "Bram Bakker"]
    anna_row = rows["Anna de Vries"]
    assert anna_row["Fase"] == "Voorselectie"
    assert anna_row["Dagen in fase"] == 5
    assert anna_row["Gemiddelde score"] == 3.5
    assert anna_row["Advies"] == "Voordragen aan de commissie"
    assert anna_row["Gesolliciteerd of toegevoegd op"] == at(12, 5, 9).replace(tzinfo=None)
    assert sheet.cell(row=2, column=14).is_date
    assert rows["Bram Bakker"]["Reden van afwijzing"] == "Onvoldoende relevante ervaring"

    history = workbook["Historie"]
    header = [cell.value for cell in history[1]]
    assert header == [
        "Naam",
        "E-mail",
        "Wanneer",
        "Van",
        "Naar",
        "Door",
        "Reden van afwijzing",
        "Reden",
    ]
    assert all(cell.font.bold for cell in history[1])
    assert history.freeze_panes == "A2"
    changes = list(history.iter_rows(2, values_only=True))
    assert len(changes) == 4  # three for Anna, one for Bram
    assert changes[1] == (
        "Anna de Vries",
        "anna@example.org",
        at(12, 5).replace(tzinfo=None),
        "Gesolliciteerd",
        "Longlist",
        "Inge Diepenhorst",
        None,
        None,
    )
    assert changes[3][4] == "Afgewezen"
    assert changes[3][6] == "Onvoldoende relevante ervaring"


def test_excel_text_is_never_a_formula(recruiter_client, vacancy):
    for number, text in enumerate(HOSTILE):
        ApplicationFactory(
            vacancy=vacancy,
            candidate=CandidateFactory(
                first_name="Kandidaat", last_name=str(number), current_organisation=text
            ),
        )
    ApplicationFactory(
        vacancy=vacancy,
        candidate=CandidateFactory(
            first_name="Stuur\x01teken", last_name="#N/A", current_organisation="\x0bOrg"
        ),
    )

    response = recruiter_client.get(xlsx_url(vacancy))

    archive = zipfile.ZipFile(io.BytesIO(response.content))
    assert "<f>" not in archive.read("xl/worksheets/sheet1.xml").decode()
    sheet = read_xlsx(response)["Pijplijn"]
    organisations = {row[4].value: row[4].data_type for row in sheet.iter_rows(2)}
    for text in HOSTILE:
        assert organisations[text] == "s"  # kept as it was typed, as text
    names = [row[0].value for row in sheet.iter_rows(2)]
    assert "Stuurteken #N/A" in names  # a control character an xlsx cannot hold is left out
    assert organisations["Org"] == "s"


# Both --------------------------------------------------------------------------------------


def _fill(vacancy, count, inge):
    """`count` applications with a candidate, two stage changes and a scored assessment each."""
    start = Candidate.objects.count()
    candidates = Candidate.objects.bulk_create(
        Candidate(first_name="Kandidaat", last_name=str(n), email=f"bulk{start + n}@example.org")
        for n in range(count)
    )
    applications = Application.objects.bulk_create(
        Application(candidate=c, vacancy=vacancy, stage=Application.Stage.LONGLIST)
        for c in candidates
    )
    StageChange.objects.bulk_create(
        change
        for a in applications
        for change in (
            StageChange(application=a, from_stage="", to_stage="applied"),
            StageChange(application=a, from_stage="applied", to_stage="longlist", changed_by=inge),
        )
    )
    assessments = Assessment.objects.bulk_create(
        Assessment(application=a, summary="Tekst", recommendation="doubt", updated_by=inge)
        for a in applications
    )
    requirements = list(vacancy.requirements.all())
    AssessmentScore.objects.bulk_create(
        AssessmentScore(assessment=a, requirement=r, score=3)
        for a in assessments
        for r in requirements
    )


@pytest.mark.parametrize("url", [csv_url, xlsx_url])
def test_the_query_count_does_not_grow_with_the_applications(recruiter_client, vacancy, inge, url):
    _fill(vacancy, 10, inge)
    with CaptureQueriesContext(connection) as ten:
        response = recruiter_client.get(url(vacancy))
    assert response.status_code == 200

    _fill(vacancy, 990, inge)
    with CaptureQueriesContext(connection) as thousand:
        response = recruiter_client.get(url(vacancy))

    assert len(thousand.captured_queries) == len(ten.captured_queries) <= 10
    # The export itself: the applications, the average scores and the stage history.
    reads = [q["sql"] for q in thousand.captured_queries if '"candidates_' in q["sql"]]
    assert len(reads) == 3
    if url is csv_url:
        assert len(read_csv(response)) == 1_001
    else:
        workbook = read_xlsx(response)
        assert workbook["Pijplijn"].max_row == 1_001
        assert workbook["Historie"].max_row == 2_001


@pytest.mark.parametrize("url", [csv_url, xlsx_url])
def test_every_export_is_logged_without_names(
    recruiter_client, recruiter, vacancy, anna, bram, url, caplog
):
    with caplog.at_level(logging.INFO, logger="candidates.views.assessment"):
        recruiter_client.get(url(vacancy))

    records = [r for r in caplog.records if r.name == "candidates.views.assessment"]
    assert len(records) == 1
    message = records[0].getMessage()
    assert f"vacancy {vacancy.pk}" in message
    assert f"user {recruiter.pk}" in message
    assert "2 applications" in message
    for secret in ("Anna", "Vries", "anna@example.org", "Bram", recruiter.username):
        assert secret not in message


@pytest.mark.parametrize("url", [csv_url, xlsx_url])
def test_a_committee_member_gets_404(client, committee_user, vacancy, anna, url, caplog):
    CommitteeMemberFactory(vacancy=vacancy, user=committee_user)
    client.force_login(committee_user)
    with caplog.at_level(logging.INFO, logger="candidates.views.assessment"):
        response = client.get(url(vacancy))
    assert response.status_code == 404
    assert b"Anna" not in response.content
    assert not [r for r in caplog.records if r.name == "candidates.views.assessment"]


@pytest.mark.parametrize("url", [csv_url, xlsx_url])
def test_anonymous_is_sent_to_login(client, vacancy, anna, url):
    response = client.get(url(vacancy))
    assert response.status_code == 302
    assert response.url == f"{reverse('login')}?next={url(vacancy)}"


@pytest.mark.parametrize("name", ["pipeline_export_csv", "pipeline_export_xlsx"])
def test_an_unknown_vacancy_is_404_and_a_post_is_refused(recruiter_client, vacancy, name):
    assert recruiter_client.get(reverse(f"candidates:{name}", args=[999_999])).status_code == 404
    assert (
        recruiter_client.post(reverse(f"candidates:{name}", args=[vacancy.pk])).status_code == 405
    )


# The candidate's own data export -------------------------------------------------------------


def test_the_candidates_data_export_holds_the_assessment(anna, bram):
    data = json.loads(
        zipfile.ZipFile(io.BytesIO(candidate_export(application=anna))).read("data.json")
    )

    (application,) = data["applications"]
    assert application["assessment"] == {
        "summary": "Sterk.",
        "recommendation": "Voordragen aan de commissie",
        "scores": [
            {"requirement": "Academisch denkniveau.", "score": 4, "text": ""},
            {"requirement": "Bestuurlijke ervaring.", "score": 3, "text": ""},
        ],
    }
    other = json.loads(
        zipfile.ZipFile(io.BytesIO(candidate_export(application=bram))).read("data.json")
    )
    assert other["applications"][0]["assessment"] is None
