"""The demo data of `manage.py load_demo`: the seed procedures, the open one, people and states."""

import itertools
import re
from datetime import date, datetime, timedelta
from decimal import Decimal
from io import StringIO
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core.management import CommandError, call_command
from django.urls import reverse
from django.utils import timezone

from accounts.models import User
from candidates.demo import demo_status, people, texts
from candidates.demo.builder import (
    REF_IPO_2020,
    REF_IPO_2026,
    REF_OPEN,
    REF_TWENTE_2019,
    REFERENCES,
)
from candidates.models import Application, Candidate, StageChange
from tests.candidates.pdfs import private_storage_fixture  # noqa: F401
from tests.vacancies.factories import VacancyFactory
from vacancies.models import (
    Client,
    CommitteeMember,
    PlanningPhase,
    Vacancy,
)

# The demo stores CVs: in a temporary folder, not in data/media.
pytestmark = pytest.mark.usefixtures("private_storage")

AMS = ZoneInfo("Europe/Amsterdam")
TODAY = datetime(2026, 11, 24, 10, 30, tzinfo=AMS)
SEEDS = Path(__file__).resolve().parents[2].parent / "shared" / "seeds"
Stage = Application.Stage
Status = Vacancy.Status


@pytest.fixture(autouse=True)
def fast_hashing(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def _debug_on(settings):
    """`make run` loads the demo with DEBUG on; with it off the command refuses (tests/security)."""
    settings.DEBUG = True


def load(*args) -> str:
    out = StringIO()
    call_command("load_demo", *args, stdout=out)
    return out.getvalue()


@pytest.fixture
def today():
    with time_machine.travel(TODAY, tick=False):
        yield TODAY.date()


@pytest.fixture
def demo(db, today):
    output = load("--if-empty")
    return output


def vacancy(reference) -> Vacancy:
    return Vacancy.objects.get(reference=reference)


def counts() -> dict:
    models = [Vacancy, Client, User, Candidate, Application, StageChange, PlanningPhase]
    return {model.__name__: model.objects.count() for model in models}


# --- the command ---------------------------------------------------------------------------------


def test_load_demo_prints_logins_that_work(demo, client):
    assert "Demogegevens geladen" in demo
    for person in [*people.RECRUITERS, *people.COMMITTEE]:
        assert re.search(rf"\b{re.escape(person.username)}\s+{re.escape(person.password)}", demo)
    assert client.login(username="inge", password=people.RECRUITER_PASSWORD)
    assert User.objects.get(username="inge").is_recruiter
    assert client.login(username="commissie", password=people.COMMITTEE_PASSWORD)
    assert User.objects.get(username="commissie").role == User.Role.COMMITTEE
    assert set(Vacancy.objects.values_list("reference", flat=True)) == set(REFERENCES)


def test_if_empty_twice_loads_once_and_still_prints_logins(demo):
    before = counts()

    output = load("--if-empty")

    assert counts() == before
    assert "bevat al vacatures" in output
    assert "commissie" in output and people.COMMITTEE_PASSWORD in output


def test_if_empty_leaves_a_database_with_other_vacancies_alone(db, today):
    VacancyFactory(reference="eigen-vacature")

    output = load("--if-empty")

    assert list(Vacancy.objects.values_list("reference", flat=True)) == ["eigen-vacature"]
    assert not User.objects.filter(username="inge").exists()
    assert "geen demogegevens" in output
    assert people.RECRUITER_PASSWORD not in output


def test_loading_again_without_if_empty_is_refused_and_changes_nothing(demo):
    before = counts()

    with pytest.raises(CommandError, match="al geladen"):
        load()

    assert counts() == before


# --- the 2026 IPO procedure as the seed states it ------------------------------------------------


def test_ipo_2026_has_every_profile_section_and_the_seed_terms(demo):
    v = vacancy(REF_IPO_2026)

    sections = ["organisation_text", "reason_text", "position_text", "candidate_text"]
    sections += ["terms_text", "procedure_text"]
    for field in sections:
        assert getattr(v, field).strip(), field
    assert v.client.short_name == "IPO"
    assert v.search_firm == "Chasse Executive Search"
    assert v.lead_consultant.username == "inge"
    assert v.profile_version == "April 2026"
    assert "Kortom, het IPO verbindt, vertegenwoordigt én versterkt de provincies." in (
        v.organisation_text
    )
    assert "per 1 april 2026 ingevuld door de heer Stijn van Wely" in v.reason_text
    assert v.employment_type == Vacancy.EmploymentType.PERMANENT
    assert v.salary_scale == "18"
    assert v.salary_min_month == Decimal("8850.88")
    assert v.salary_max_month == Decimal("12568.14")
    assert v.ikb_percentage == Decimal("21.82")
    assert v.hours_per_week == 36
    assert sorted(loc.city for loc in v.locations.all()) == ["Den Haag", "Utrecht"]
    assert v.published_on == date(2026, 4, 17)
    assert v.closing_date == date(2026, 5, 15)
    assert "vrijdag 15 mei 2026 via info@chassesearch.nl" in v.how_to_apply
    assert "twee separate pdf-bestanden" in v.how_to_apply
    assert v.application_email == "info@chassesearch.nl"
    assert v.has_references and not v.has_assessment
    assert v.missing_for_publication() == []
    contact = v.contacts.get()
    assert (contact.name, contact.organisation, contact.topic) == (
        "Inge Diepenhorst",
        "Chasse Executive Search",
        "both",
    )


def test_ipo_2026_has_the_11_responsibilities_and_8_requirements_of_the_seed(demo):
    v = vacancy(REF_IPO_2026)

    responsibilities = list(v.responsibilities.values_list("text", flat=True))
    requirements = list(v.requirements.values_list("text", flat=True))

    assert len(responsibilities) == 11
    assert responsibilities[0].startswith("Ontwikkelen en realiseren van de lange termijnstrategie")
    assert responsibilities[-1].startswith("Initiëren en versterken van samenwerkingsverbanden")
    assert len(requirements) == 8
    assert requirements[0] == "Academisch werk- en denkniveau."
    assert requirements[-1].startswith("Ervaring met het strategisch positioneren")


def test_ipo_2026_planning_is_the_seed_table(demo):
    v = vacancy(REF_IPO_2026)
    d = date

    rows = [
        (p.kind, p.starts_on, p.ends_on, p.responsible, p.is_parallel, p.date_note, p.activity)
        for p in v.phases.all()
    ]

    assert rows == [
        ("publication", d(2026, 4, 17), d(2026, 5, 15), "search_firm", False, "",
         "Openstelling vacature"),
        ("search", d(2026, 4, 17), d(2026, 5, 15), "search_firm", True, "",
         "Gerichte search door Chasse"),
        ("preselection", d(2026, 5, 18), d(2026, 5, 29), "search_firm", False, "",
         "Voorselectie en interviews kandidaten door Chasse"),
        ("committee_discussion", d(2026, 6, 8), d(2026, 6, 10), "committee", False, "",
         "Bespreken kandidatenoverzicht met Selectiecommissie / uitnodigen circa 3 tot 4 "
         "kandidaten voor de gespreksronde"),
        ("committee_interviews", d(2026, 6, 15), d(2026, 6, 26), "committee", False, "",
         "Gespreksronde selectiecommissie"),
        ("nomination", d(2026, 6, 29), d(2026, 6, 30), "committee", False, "",
         "Voordracht voorkeurskandidaat"),
        ("references", d(2026, 6, 29), d(2026, 6, 30), "search_firm", True, "",
         "Referentieonderzoek door Chasse"),
        ("terms_talk", d(2026, 6, 29), d(2026, 6, 30), "client", True, "",
         "Arbeidsvoorwaardengesprek door IPO"),
        ("appointment", None, d(2026, 6, 30), "client", False, "Vóór 1 juli 2026",
         "Formele benoeming"),
        ("start", None, None, "client", False, "Zo spoedig mogelijk",
         "Start Algemeen Directeur IPO"),
    ]  # fmt: skip


def test_ipo_2026_committee_has_every_role(demo):
    for reference in (REF_IPO_2026, REF_OPEN):
        seats = {
            m.user.username: m.role
            for m in CommitteeMember.objects.filter(vacancy__reference=reference)
        }
        assert seats["commissie"] == CommitteeMember.Role.CHAIR
        assert sorted(seats.values()) == sorted(CommitteeMember.Role.values)


# --- the other seed procedures ---------------------------------------------------------------


def test_ipo_2020_is_run_by_the_employer_with_its_own_contacts(demo):
    v = vacancy(REF_IPO_2020)

    assert v.search_firm == ""
    assert v.closing_date == date(2021, 1, 3)
    assert v.salary_scale == "maximaal 18"
    assert v.salary_min_month is None and v.salary_max_month is None
    assert v.application_email == "vacatures@ipo.nl"
    assert v.has_assessment and v.has_references
    contacts = [(c.name, c.topic, c.email, c.phone) for c in v.contacts.all()]
    assert contacts == [
        ("Hester Menninga", "content", "hmenniga@ipo.nl", "06 2890 1236"),
        ("Marija Kočetanović", "procedure", "mkocetanovic@ipo.nl", "06 4843 2537"),
    ]
    last = v.phases.last()
    assert (last.activity, last.date_note) == ("Afronding procedure", "Uiterlijk februari 2021")


def test_twente_is_an_interim_assignment_through_leeuwendaal(demo):
    v = vacancy(REF_TWENTE_2019)

    assert v.client.name == "Regio Twente"
    assert v.search_firm == "Leeuwendaal"
    assert v.employment_type == Vacancy.EmploymentType.INTERIM
    assert v.contract_form == Vacancy.ContractForm.ASSIGNMENT
    assert (v.interim_start, v.interim_end) == (date(2019, 9, 15), date(2020, 5, 1))
    assert v.closing_date == date(2019, 8, 30)
    assert v.has_pre_employment_check
    contact = v.contacts.get()
    assert (contact.name, contact.email, contact.phone) == (
        "Betty Meijer",
        "Betty.meijer@leeuwendaal.nl",
        "088 00 868 00",
    )
    assert v.responsibilities.count() == 10
    assert (
        v.requirements.first().text
        == "Ruime ervaring als interim directeur en/of directeur/bestuurder."
    )


def test_ipo_client_has_its_units_locations_and_context(demo):
    ipo = Client.objects.get(short_name="IPO")

    units = {u.name: (u.location.city, u.staff_count) for u in ipo.units.all()}
    assert units == {
        "IPO-bureau": ("Den Haag", 100),
        "BIJ12": ("Utrecht", 300),
        "Huis van de Nederlandse Provincies": ("Brussel", None),
    }
    assert sorted(ipo.locations.values_list("city", flat=True)) == [
        "Brussel",
        "Den Haag",
        "Utrecht",
    ]
    assert "Naar meer slagvaardigheid" in ipo.context
    assert ipo.contacts.filter(name="Hester Menninga", phone="06 2890 1236").exists()


# --- the open procedure --------------------------------------------------------------------------


def test_open_procedure_accepts_applications_for_four_weeks_from_today(demo, today):
    v = vacancy(REF_OPEN)

    assert v.status == Status.PUBLISHED
    assert (v.published_on, v.closing_date) == (today, today + timedelta(days=28))
    assert v.accepts_applications()
    assert v.accepts_applications(today=v.closing_date)
    assert not v.accepts_applications(today=v.closing_date + timedelta(days=1))
    assert v.responsibilities.count() == 11 and v.requirements.count() == 8
    assert "dinsdag 22 december 2026" in v.procedure_text
    assert "15 mei 2026" not in v.procedure_text + v.how_to_apply
    first, preselection = v.phases.all()[0], v.phases.get(kind="preselection")
    assert (first.starts_on, first.ends_on) == (today, v.closing_date)
    # Issue 9: the first Monday after closing (28 December) is in the Christmas break.
    assert preselection.starts_on == date(2027, 1, 4)
    assert v.phases.get(kind="appointment").date_note == "Vóór 17 februari 2027"


# --- states by date ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("moment", "expected"),
    [
        (
            datetime(2026, 11, 24, 10, tzinfo=AMS),
            {REF_IPO_2026: "appointed", REF_IPO_2020: "appointed", REF_TWENTE_2019: "appointed"},
        ),
        (datetime(2026, 5, 1, 10, tzinfo=AMS), {REF_IPO_2026: "published"}),
        (datetime(2026, 5, 15, 23, tzinfo=AMS), {REF_IPO_2026: "published"}),
        (datetime(2026, 6, 1, 10, tzinfo=AMS), {REF_IPO_2026: "closed"}),
        (datetime(2026, 6, 30, 10, tzinfo=AMS), {REF_IPO_2026: "closed"}),
        (datetime(2026, 7, 1, 10, tzinfo=AMS), {REF_IPO_2026: "appointed"}),
        (datetime(2026, 4, 1, 10, tzinfo=AMS), {REF_IPO_2026: "draft"}),
    ],
)
def test_each_procedure_has_the_state_its_dates_give_it(db, moment, expected):
    with time_machine.travel(moment, tick=False):
        load("--if-empty")

    assert vacancy(REF_OPEN).status == Status.PUBLISHED
    for reference, status in expected.items():
        assert vacancy(reference).status == status, reference


def test_demo_status_rules():
    kwargs = {"published_on": date(2019, 8, 1), "closing_date": date(2019, 8, 30)}
    decided = date(2019, 9, 14)

    assert demo_status(**kwargs, decided_by=decided, today=date(2019, 7, 31)) == "draft"
    assert demo_status(**kwargs, decided_by=decided, today=date(2019, 8, 30)) == "published"
    assert demo_status(**kwargs, decided_by=decided, today=date(2019, 9, 14)) == "closed"
    assert demo_status(**kwargs, decided_by=decided, today=date(2019, 9, 15)) == "appointed"
    assert demo_status(**kwargs, decided_by=None, today=date(2030, 1, 1)) == "closed"


def test_before_the_appointment_no_application_is_ahead_of_the_calendar(db):
    with time_machine.travel(datetime(2026, 5, 1, 10, tzinfo=AMS), tick=False):
        load("--if-empty")
        now = timezone.now()

    stages = set(
        Application.objects.filter(vacancy__reference=REF_IPO_2026).values_list("stage", flat=True)
    )
    assert stages == {Stage.APPLIED, Stage.SOURCED, Stage.WITHDRAWN}
    assert not StageChange.objects.filter(changed_at__gt=now).exists()


# --- applications --------------------------------------------------------------------------------


def test_applications_are_in_every_stage(demo):
    stages = set(Application.objects.values_list("stage", flat=True))
    assert stages == set(Stage.values)

    def stages_of(reference):
        return set(
            Application.objects.filter(vacancy__reference=reference).values_list("stage", flat=True)
        )

    assert Stage.APPOINTED in stages_of(REF_IPO_2026)
    assert Stage.APPOINTED in stages_of(REF_TWENTE_2019)
    assert {Stage.SOURCED, Stage.APPLIED, Stage.LONGLIST, Stage.PRESELECTION} <= stages_of(REF_OPEN)
    for application in Application.objects.filter(stage=Stage.REJECTED):
        assert application.rejection_reason.strip()
    # One person, more than one application over the years.
    assert Candidate.objects.get(first_name="Hanneke", last_name="Vos").applications.count() == 2


def test_every_application_has_a_history_that_leads_to_its_stage(demo):
    now = timezone.now()
    for application in Application.objects.select_related("vacancy__lead_consultant"):
        vacancy = application.vacancy
        changes = list(application.stage_changes.order_by("changed_at", "pk"))
        assert changes[0].from_stage == ""
        for before, after in itertools.pairwise(changes):
            assert after.from_stage == before.to_stage
            assert after.changed_at > before.changed_at
        assert changes[-1].to_stage == application.stage
        assert application.created_at == changes[0].changed_at
        assert application.stage_changed_at == changes[-1].changed_at
        earliest = vacancy.published_on or vacancy.closing_date - timedelta(weeks=3)
        assert timezone.localdate(changes[0].changed_at) >= earliest
        assert changes[-1].changed_at <= now
        for change in changes:
            if vacancy.reference == REF_OPEN and change.to_stage == Stage.APPLIED:
                assert change.changed_by is None  # the candidate applied through the site
            else:
                assert change.changed_by == vacancy.lead_consultant
        if application.stage == Stage.REJECTED:
            assert changes[-1].reason == application.rejection_reason


def test_ipo_2026_shortlist_has_a_consultant_assessment(demo):
    shortlisted = Application.objects.filter(
        vacancy__reference=REF_IPO_2026,
        stage_changes__to_stage=Stage.SHORTLIST,
    )
    assert shortlisted.count() == 4
    assert all(application.assessment for application in shortlisted)


# --- what the demo recruiter sees ----------------------------------------------------------------


def test_demo_recruiter_sees_the_2026_vacancy_and_others_do_not(demo, client):
    v = vacancy(REF_IPO_2026)
    url = reverse("vacancies:detail", args=[v.pk])

    assert client.get(url).status_code == 302  # anonymous: to the login page
    client.login(username="commissie", password=people.COMMITTEE_PASSWORD)
    assert client.get(url).status_code == 404
    client.login(username="inge", password=people.RECRUITER_PASSWORD)
    response = client.get(url)

    assert response.status_code == 200
    page = response.content.decode()
    assert "Kortom, het IPO verbindt, vertegenwoordigt én versterkt de provincies." in page
    assert "Academisch werk- en denkniveau." in page
    assert "8.850,88" in page and "12.568,14" in page and "21,82%" in page


# --- faithful to the seeds -----------------------------------------------------------------------


def _plain(text: str) -> str:
    text = re.sub(r"\[([^\]]+)\]\([^)]*\)", r"\1", text)
    text = re.sub(r"[#*]", "", text)
    return " ".join(text.split())


PROFILE_TEXTS = {
    "ipo-algemeen-directeur-2026-chasse.txt": [
        texts.IPO_2026_ORGANISATION, texts.IPO_2026_REASON, texts.IPO_2026_POSITION,
        texts.IPO_2026_CANDIDATE, texts.IPO_2026_TERMS, texts.IPO_2026_PROCEDURE,
        *texts.IPO_2026_RESPONSIBILITIES, *texts.IPO_2026_REQUIREMENTS,
    ],
    "ipo-algemeen-directeur-2020.txt": [
        texts.IPO_2020_INTRO, texts.IPO_2020_ORGANISATION, texts.IPO_2020_POSITION,
        texts.IPO_2020_CANDIDATE, texts.IPO_2020_TERMS, texts.IPO_2020_PROCEDURE,
    ],
    "regio-twente-interim-directeur-2019-leeuwendaal.txt": [
        texts.TWENTE_ORGANISATION, texts.TWENTE_REASON, texts.TWENTE_POSITION,
        texts.TWENTE_CANDIDATE, texts.TWENTE_TERMS, texts.TWENTE_PROCEDURE,
        *texts.TWENTE_RESPONSIBILITIES, *texts.TWENTE_REQUIREMENTS,
    ],
}  # fmt: skip


@pytest.mark.skipif(not SEEDS.is_dir(), reason="the seed documents are not next to this clone")
@pytest.mark.parametrize("seed", sorted(PROFILE_TEXTS))
def test_profile_texts_are_copied_from_the_seed(seed):
    source = _plain((SEEDS / seed).read_text())

    for text in PROFILE_TEXTS[seed]:
        for paragraph in text.split("\n\n"):
            for line in paragraph.splitlines():
                assert _plain(line.removeprefix("• ")) in source, line[:80]
