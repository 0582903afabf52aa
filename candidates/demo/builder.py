"""Build the demo data: the clients and procedures of the seeds, an open procedure, people.

`demo_load` writes everything in one transaction. Each procedure gets the status its dates give
it on `today`; an application only keeps the steps that had happened by `now`.
"""

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from decimal import Decimal

from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.db import transaction
from django.utils import formats, timezone, translation

from candidates.models import (
    Application,
    Assessment,
    AssessmentScore,
    Candidate,
    Note,
    StageChange,
)
from candidates.services.search import candidate_reindex
from candidates.services.stages import application_move
from vacancies.models import (
    Client,
    ClientContact,
    ClientLocation,
    ClientUnit,
    CommitteeMember,
    ContactPerson,
    PlanningPhase,
    Requirement,
    Responsibility,
    Vacancy,
)
from vacancies.services import planning_generate
from vacancies.services.profile import profile_publish

from . import committee_round, decisions, people, texts

User = get_user_model()
Kind = PlanningPhase.Kind
Responsible = PlanningPhase.Responsible

CHASSE = "Chasse Executive Search"
LEEUWENDAAL = "Leeuwendaal"

REF_OPEN = "ipo-algemeen-directeur"
REF_IPO_2026 = "ipo-algemeen-directeur-2026"
REF_IPO_2020 = "ipo-algemeen-directeur-2020"
REF_TWENTE_2019 = "regio-twente-interim-directeur-2019"
REF_TWENTE_RUNNING = committee_round.REFERENCE
REFERENCES = (REF_OPEN, REF_IPO_2026, REF_IPO_2020, REF_TWENTE_2019, REF_TWENTE_RUNNING)

IPO_2026_PUBLISHED = date(2026, 4, 17)
IPO_2026_CLOSING = date(2026, 5, 15)
IPO_2020_CLOSING = date(2021, 1, 3)
IPO_2020_DONE_BY = date(2021, 2, 28)  # "Uiterlijk februari 2021"
TWENTE_CLOSING = date(2019, 8, 30)
TWENTE_START = date(2019, 9, 15)
TWENTE_END = date(2020, 5, 1)
OPEN_WEEKS = 4


@dataclass(frozen=True)
class DemoResult:
    vacancies: dict  # reference -> Vacancy
    users: list


def dutch_date(day: date, fmt: str = "l j F Y") -> str:
    """`vrijdag 15 mei 2026`, as the seed texts write a date."""
    with translation.override("nl"):
        return formats.date_format(day, fmt)


def demo_status(
    *, published_on: date | None, closing_date: date, decided_by: date | None, today: date
) -> str:
    """The status a procedure has on `today`, from its dates.

    Not yet published: draft. Open up to and including the closing date: published. After the
    day by which the appointment was made: appointed. In between: closed.
    """
    if published_on and today < published_on:
        return Vacancy.Status.DRAFT
    if today <= closing_date:
        return Vacancy.Status.PUBLISHED
    if decided_by and today > decided_by:
        return Vacancy.Status.APPOINTED
    return Vacancy.Status.CLOSED


def demo_is_loaded() -> bool:
    return Vacancy.objects.filter(reference__in=REFERENCES).exists()


# --- people ------------------------------------------------------------------------------------


def _users(*, superuser: bool = True) -> dict[str, "User"]:
    """The demo accounts, created or reset to the demo password, by username. The first recruiter
    may use the Django admin, unless `superuser` is off (DEBUG off: the passwords are public)."""
    users = {}
    # One hash per password, not per account: hashing is what makes loading slow.
    hashes = {}
    for person in [*people.RECRUITERS, *people.COMMITTEE, *committee_round.TWENTE_COMMITTEE]:
        user, _ = User.objects.get_or_create(username=person.username)
        user.first_name = person.first_name
        user.last_name = person.last_name
        user.email = person.email
        user.role = person.role
        user.language = "nl"
        user.is_active = True
        # The first recruiter may also use the Django admin.
        user.is_staff = user.is_superuser = superuser and person is people.RECRUITERS[0]
        if person.password not in hashes:
            hashes[person.password] = make_password(person.password)
        user.password = hashes[person.password]
        user.save()
        users[person.username] = user
    return users


# --- clients -----------------------------------------------------------------------------------


def _ipo() -> tuple[Client, dict[str, ClientLocation]]:
    client, _ = Client.objects.update_or_create(
        name="Interprovinciaal Overleg",
        defaults={
            "short_name": "IPO",
            "context": texts.IPO_CONTEXT,
            "website": "https://www.ipo.nl",
        },
    )
    locations = {
        city: ClientLocation.objects.get_or_create(
            client=client, name=city, defaults={"city": city}
        )[0]
        for city in ("Den Haag", "Utrecht", "Brussel")
    }
    units = [
        ("IPO-bureau", "", texts.IPO_UNIT_BUREAU, "Den Haag", 100),
        ("BIJ12", "", texts.IPO_UNIT_BIJ12, "Utrecht", 300),
        ("Huis van de Nederlandse Provincies", "HNP", texts.IPO_UNIT_HNP, "Brussel", None),
    ]
    for name, abbreviation, description, city, staff in units:
        ClientUnit.objects.update_or_create(
            client=client,
            name=name,
            defaults={
                "abbreviation": abbreviation,
                "description": description.strip(),
                "location": locations[city],
                "staff_count": staff,
            },
        )
    contacts = [
        # The people the seeds name, with their role at the time of the document.
        ("Rien Fraanje", "Algemeen Directeur IPO (2023)", "", ""),
        ("Jolinda van der Endt", "Directeur BIJ12 (2023)", "", ""),
        (
            "Stijn van Wely",
            "Plaatsvervangend Algemeen Directeur/Directeur BIJ12 (per 1 april 2026)",
            "",
            "",
        ),
        ("Meije Gildemacher", "", "", "+31 6 11 86 86 89"),
        ("Hester Menninga", "MT-IPO (2020)", "hmenniga@ipo.nl", "06 2890 1236"),
        ("Marija Kočetanović", "HR (2020)", "mkocetanovic@ipo.nl", "06 4843 2537"),
    ]
    for name, job_title, email, phone in contacts:
        ClientContact.objects.get_or_create(
            client=client,
            name=name,
            defaults={"job_title": job_title, "email": email, "phone": phone},
        )
    return client, locations


def _twente() -> Client:
    client, _ = Client.objects.update_or_create(
        name="Regio Twente", defaults={"short_name": "", "context": texts.TWENTE_CONTEXT.strip()}
    )
    for name, abbreviation, description in texts.TWENTE_UNITS:
        ClientUnit.objects.update_or_create(
            client=client,
            name=name,
            defaults={"abbreviation": abbreviation, "description": description},
        )
    return client


# --- vacancies ---------------------------------------------------------------------------------


def _rows(vacancy: Vacancy, model, lines: list[str]) -> None:
    model.objects.bulk_create(
        model(vacancy=vacancy, order=order, text=text) for order, text in enumerate(lines, start=1)
    )


def _ipo_profile(**overrides) -> dict:
    """The fields of the April 2026 profile (Chasse Executive Search)."""
    fields = {
        "title": "Algemeen Directeur",
        "search_firm": CHASSE,
        "profile_version": "April 2026",
        "organisation_text": texts.IPO_2026_ORGANISATION.strip(),
        "reason_text": texts.IPO_2026_REASON.strip(),
        "position_text": texts.IPO_2026_POSITION.strip(),
        "candidate_text": texts.IPO_2026_CANDIDATE.strip(),
        "terms_text": texts.IPO_2026_TERMS.strip(),
        "procedure_text": texts.IPO_2026_PROCEDURE.strip(),
        "employment_type": Vacancy.EmploymentType.PERMANENT,
        "contract_form": Vacancy.ContractForm.EMPLOYMENT,
        "hours_per_week": Decimal("36"),
        "salary_scale": "18",
        "salary_min_month": Decimal("8850.88"),
        "salary_max_month": Decimal("12568.14"),
        "ikb_percentage": Decimal("21.82"),
        "published_on": IPO_2026_PUBLISHED,
        "closing_date": IPO_2026_CLOSING,
        "how_to_apply": texts.IPO_2026_HOW_TO_APPLY.strip(),
        "application_email": "info@chassesearch.nl",
        "has_assessment": False,
        "has_references": True,
        "has_pre_employment_check": False,
    }
    fields.update(overrides)
    return fields


def _with_closing_date(text: str, closing_date: date) -> str:
    """The seed's text with its closing date replaced by `closing_date`, written the same way."""
    if texts.IPO_2026_CLOSING_PHRASE not in text:
        raise ValueError("The seed text no longer names its closing date.")
    return text.replace(texts.IPO_2026_CLOSING_PHRASE, dutch_date(closing_date))


def _ipo_vacancy(*, reference, client, locations, lead, published_on, closing_date, today):
    """A vacancy with the 2026 profile for these dates, its rows, contact and planning."""
    appointment_by = None
    vacancy = Vacancy.objects.create(
        client=client,
        reference=reference,
        lead_consultant=lead,
        **_ipo_profile(
            published_on=published_on,
            closing_date=closing_date,
            procedure_text=_with_closing_date(texts.IPO_2026_PROCEDURE.strip(), closing_date),
            how_to_apply=_with_closing_date(texts.IPO_2026_HOW_TO_APPLY.strip(), closing_date),
        ),
    )
    vacancy.locations.set([locations["Den Haag"], locations["Utrecht"]])
    _rows(vacancy, Responsibility, texts.IPO_2026_RESPONSIBILITIES)
    _rows(vacancy, Requirement, texts.IPO_2026_REQUIREMENTS)
    ContactPerson.objects.create(
        vacancy=vacancy,
        order=1,
        name="Inge Diepenhorst",
        organisation=CHASSE,
        topic=ContactPerson.Topic.BOTH,
        email="info@chassesearch.nl",
    )
    phases = planning_generate(vacancy=vacancy)
    for phase in phases:
        phase.activity = texts.IPO_2026_PLANNING[phase.kind]
        if phase.kind == Kind.APPOINTMENT:
            appointment_by = phase.ends_on
            phase.date_note = texts.IPO_2026_APPOINTMENT_NOTE.format(
                date=dutch_date(phase.ends_on + timedelta(days=1), "j F Y")
            )
        elif phase.kind == Kind.START:
            phase.date_note = texts.IPO_2026_START_NOTE
    PlanningPhase.objects.bulk_update(phases, ["activity", "date_note"])
    vacancy.status = demo_status(
        published_on=published_on, closing_date=closing_date, decided_by=appointment_by, today=today
    )
    vacancy.save(update_fields=["status"])
    return vacancy


def _ipo_2020(*, client, locations, lead, today) -> Vacancy:
    vacancy = Vacancy.objects.create(
        client=client,
        reference=REF_IPO_2020,
        title="Algemeen Directeur",
        lead_consultant=lead,
        search_firm="",
        intro=texts.IPO_2020_INTRO.strip(),
        organisation_text=texts.IPO_2020_ORGANISATION.strip(),
        position_text=texts.IPO_2020_POSITION.strip(),
        candidate_text=texts.IPO_2020_CANDIDATE.strip(),
        terms_text=texts.IPO_2020_TERMS.strip(),
        procedure_text=texts.IPO_2020_PROCEDURE.strip(),
        employment_type=Vacancy.EmploymentType.PERMANENT,
        contract_form=Vacancy.ContractForm.EMPLOYMENT,
        salary_scale="maximaal 18",
        closing_date=IPO_2020_CLOSING,
        how_to_apply=texts.IPO_2020_HOW_TO_APPLY.strip(),
        application_email="vacatures@ipo.nl",
        has_assessment=True,
        has_references=True,
    )
    vacancy.locations.set([locations["Den Haag"], locations["Utrecht"]])
    _rows(vacancy, Responsibility, texts.IPO_2020_RESPONSIBILITIES)
    _rows(vacancy, Requirement, texts.IPO_2020_REQUIREMENTS)
    ContactPerson.objects.bulk_create(
        [
            ContactPerson(
                vacancy=vacancy, order=1, name="Hester Menninga", job_title="MT-IPO",
                organisation="Interprovinciaal Overleg", topic=ContactPerson.Topic.CONTENT,
                email="hmenniga@ipo.nl", phone="06 2890 1236",
            ),
            ContactPerson(
                vacancy=vacancy, order=2, name="Marija Kočetanović", job_title="HR",
                organisation="Interprovinciaal Overleg", topic=ContactPerson.Topic.PROCEDURE,
                email="mkocetanovic@ipo.nl", phone="06 4843 2537",
            ),
        ]
    )  # fmt: skip
    PlanningPhase.objects.bulk_create(
        [
            PlanningPhase(
                vacancy=vacancy, order=1, kind=Kind.PUBLICATION,
                activity=texts.IPO_2020_PLANNING_PUBLICATION, ends_on=IPO_2020_CLOSING,
                responsible=Responsible.CLIENT,
            ),
            PlanningPhase(
                vacancy=vacancy, order=2, kind=Kind.APPOINTMENT,
                activity=texts.IPO_2020_PLANNING_END, ends_on=IPO_2020_DONE_BY,
                date_note=texts.IPO_2020_PLANNING_END_NOTE, responsible=Responsible.CLIENT,
            ),
        ]
    )  # fmt: skip
    vacancy.status = demo_status(
        published_on=None, closing_date=IPO_2020_CLOSING, decided_by=IPO_2020_DONE_BY, today=today
    )
    vacancy.save(update_fields=["status"])
    return vacancy


def _twente_2019(*, client, lead, today) -> Vacancy:
    vacancy = Vacancy.objects.create(
        client=client,
        reference=REF_TWENTE_2019,
        title="Interim algemeen directeur / secretaris",
        lead_consultant=lead,
        search_firm=LEEUWENDAAL,
        organisation_text=texts.TWENTE_ORGANISATION.strip(),
        reason_text=texts.TWENTE_REASON.strip(),
        position_text=texts.TWENTE_POSITION.strip(),
        candidate_text=texts.TWENTE_CANDIDATE.strip(),
        terms_text=texts.TWENTE_TERMS.strip(),
        procedure_text=texts.TWENTE_PROCEDURE.strip(),
        employment_type=Vacancy.EmploymentType.INTERIM,
        contract_form=Vacancy.ContractForm.ASSIGNMENT,
        interim_start=TWENTE_START,
        interim_end=TWENTE_END,
        closing_date=TWENTE_CLOSING,
        how_to_apply=texts.TWENTE_HOW_TO_APPLY.strip(),
        application_email="Betty.meijer@leeuwendaal.nl",
        has_pre_employment_check=True,
    )
    _rows(vacancy, Responsibility, texts.TWENTE_RESPONSIBILITIES)
    _rows(vacancy, Requirement, texts.TWENTE_REQUIREMENTS)
    ContactPerson.objects.create(
        vacancy=vacancy,
        order=1,
        name="Betty Meijer",
        job_title="Adviseur Interimmanagement",
        organisation=LEEUWENDAAL,
        topic=ContactPerson.Topic.BOTH,
        email="Betty.meijer@leeuwendaal.nl",
        phone="088 00 868 00",
    )
    PlanningPhase.objects.bulk_create(
        [
            PlanningPhase(
                vacancy=vacancy, order=1, kind=Kind.PUBLICATION,
                activity=texts.TWENTE_PLANNING_PUBLICATION, ends_on=TWENTE_CLOSING,
                date_note=texts.TWENTE_PLANNING_PUBLICATION_NOTE,
                responsible=Responsible.SEARCH_FIRM,
            ),
            PlanningPhase(
                vacancy=vacancy, order=2, kind=Kind.START, activity=texts.TWENTE_PLANNING_START,
                starts_on=TWENTE_START, ends_on=TWENTE_END, responsible=Responsible.CLIENT,
            ),
        ]
    )  # fmt: skip
    # The interim director was chosen before the assignment started.
    vacancy.status = demo_status(
        published_on=None,
        closing_date=TWENTE_CLOSING,
        decided_by=TWENTE_START - timedelta(days=1),
        today=today,
    )
    vacancy.save(update_fields=["status"])
    return vacancy


def _twente_running(*, client, lead, today) -> Vacancy:
    """The running procedure in its committee round (candidates.demo.committee_round)."""
    vacancy = Vacancy.objects.create(
        client=client,
        lead_consultant=lead,
        search_firm=CHASSE,
        organisation_text=texts.TWENTE_ORGANISATION.strip(),
        how_to_apply="",
        **committee_round.profile(today),
    )
    _rows(vacancy, Responsibility, texts.TWENTE_RESPONSIBILITIES)
    _rows(vacancy, Requirement, committee_round.REQUIREMENTS)
    ContactPerson.objects.create(
        vacancy=vacancy,
        order=1,
        name="Daan Kuipers",
        organisation=CHASSE,
        topic=ContactPerson.Topic.BOTH,
        email="info@chassesearch.nl",
    )
    planning_generate(vacancy=vacancy)
    return vacancy


def _seat_committee(vacancy: Vacancy, users: dict) -> None:
    CommitteeMember.objects.bulk_create(
        CommitteeMember(
            vacancy=vacancy,
            user=users[member.username],
            role=member.committee_role,
            organisation=member.organisation,
        )
        for member in people.COMMITTEE
    )


# --- applications ------------------------------------------------------------------------------


def _at(day: date, moment: time) -> datetime:
    return timezone.make_aware(datetime.combine(day, moment))


def _today_times(count: int, *, today: date, now: datetime) -> list[datetime]:
    """`count` moments, in order, between the start of today and now."""
    start = _at(today, time(0, 0))
    span = max(now - start, timedelta(seconds=count + 1))
    return [start + span * (i + 1) / (count + 1) for i in range(count)]


def _candidates() -> dict:
    found = {}
    for key, person in people.CANDIDATES.items():
        candidate = Candidate.objects.filter(email__iexact=person.email).first()
        if candidate is None:
            candidate = Candidate.objects.create(
                first_name=person.first_name,
                last_name=person.last_name,
                email=person.email,
                current_position=person.current_position,
                current_organisation=person.current_organisation,
                language=person.language,
            )
        found[key] = candidate
    return found


def _applications(*, vacancy, plans, candidates, recruiter, moments, self_service=False):
    """Create the applications of `plans` with their stage history, up to `now`.

    `moments(plan)` gives the datetime of each step; steps after now are left out, and an
    application none of whose steps has happened yet is not created.
    """
    now = timezone.now()
    for plan in plans:
        steps = [(step, when) for step, when in zip(plan.steps, moments(plan), strict=True)]
        steps = [(step, when) for step, when in steps if when <= now]
        if not steps:
            continue
        first, first_at = steps[0]
        application = Application.objects.create(
            candidate=candidates[plan.candidate],
            vacancy=vacancy,
            stage=first.stage,
            source=plan.source,
            consent_talent_pool=plan.consent_talent_pool,
            privacy_accepted_at=first_at if first.stage == Application.Stage.APPLIED else None,
        )
        Application.objects.filter(pk=application.pk).update(
            created_at=first_at, stage_changed_at=first_at
        )
        # A candidate who applies through the site does so themselves.
        by_candidate = self_service and first.stage == Application.Stage.APPLIED
        StageChange.objects.create(
            application=application,
            from_stage="",
            to_stage=first.stage,
            changed_by=None if by_candidate else recruiter,
            changed_at=first_at,
        )
        for step, when in steps[1:]:
            application = application_move(
                application=application,
                to_stage=step.stage,
                by=recruiter,
                reason=step.reason,
                rejection_code=step.code,
                at=when,
            )
        if plan.assessment:
            _assessment(application=application, plan=plan, by=recruiter)
        when_last = steps[-1][1]
        for text in plan.notes:
            note = Note.objects.create(
                candidate=application.candidate,
                application=application,
                author=recruiter,
                text=text,
            )
            Note.objects.filter(pk=note.pk).update(created_at=when_last)
    # A candidate record exists since that person's first application.
    for candidate in {candidates[plan.candidate] for plan in plans}:
        first = candidate.applications.order_by("created_at").values_list("created_at", flat=True)
        if first:
            Candidate.objects.filter(pk=candidate.pk).update(created_at=first[0])


# How far a candidate got says how the consultant scored them against the requirements.
_SCORE_RANGE = {
    Application.Stage.APPOINTED: (4, 5),
    Application.Stage.PREFERRED: (4, 5),
    Application.Stage.COMMITTEE: (3, 5),
    Application.Stage.SHORTLIST: (3, 4),
}


def _assessment(*, application, plan, by):
    """The consultant's assessment: the plan's text as the summary, a score per requirement and a
    recommendation that fit the stages the candidate reached."""
    reached = {step.stage for step in plan.steps}
    best = next((stage for stage in _SCORE_RANGE if stage in reached), None)
    low, high = _SCORE_RANGE.get(best, (2, 3))
    recommendation = (
        Assessment.Recommendation.PROPOSE if best else Assessment.Recommendation.NOT_PROPOSE
    )
    assessment = Assessment.objects.create(
        application=application,
        summary=plan.assessment,
        recommendation=recommendation,
        updated_by=by,
    )
    requirements = list(application.vacancy.requirements.all())
    AssessmentScore.objects.bulk_create(
        AssessmentScore(
            assessment=assessment,
            requirement=requirement,
            # Fixed, varied scores: the same demo every time.
            score=low + (len(plan.candidate) + index) % (high - low + 1),
        )
        for index, requirement in enumerate(requirements)
    )


def _fixed_moments(plan):
    return [_at(step.on, step.at) for step in plan.steps]


# --- the whole demo ----------------------------------------------------------------------------


@transaction.atomic
def demo_load(*, today: date | None = None, superuser: bool = True) -> DemoResult:
    """Load the demo. The caller checks first that it is not loaded yet (`demo_is_loaded`).
    Without `superuser`, no demo account may use the admin (load_demo with DEBUG off)."""
    today = today or timezone.localdate()
    now = timezone.now()
    users = _users(superuser=superuser)
    inge, daan = users["inge"], users["daan"]
    ipo, locations = _ipo()
    twente = _twente()

    open_closing = today + timedelta(weeks=OPEN_WEEKS)
    vacancies = {
        REF_OPEN: _ipo_vacancy(
            reference=REF_OPEN, client=ipo, locations=locations, lead=inge,
            published_on=today, closing_date=open_closing, today=today,
        ),
        REF_IPO_2026: _ipo_vacancy(
            reference=REF_IPO_2026, client=ipo, locations=locations, lead=inge,
            published_on=IPO_2026_PUBLISHED, closing_date=IPO_2026_CLOSING, today=today,
        ),
        REF_IPO_2020: _ipo_2020(client=ipo, locations=locations, lead=daan, today=today),
        REF_TWENTE_2019: _twente_2019(client=twente, lead=daan, today=today),
    }  # fmt: skip
    for reference in (REF_OPEN, REF_IPO_2026):
        _seat_committee(vacancies[reference], users)

    candidates = _candidates()
    # The works council's advice comes before the appointments in the plans (WOR article 30).
    decisions.works_council_advice_record(vacancies=vacancies, today=today)
    seed_plans = [
        (REF_IPO_2026, people.IPO_2026, inge),
        (REF_IPO_2020, people.IPO_2020, daan),
        (REF_TWENTE_2019, people.TWENTE_2019, daan),
    ]
    for reference, plans, recruiter in seed_plans:
        _applications(
            vacancy=vacancies[reference], plans=plans, candidates=candidates,
            recruiter=recruiter, moments=_fixed_moments,
        )  # fmt: skip
    decisions.decisions_record(vacancies=vacancies, candidates=candidates)

    # The running procedure in its committee round.
    running = _twente_running(client=twente, lead=daan, today=today)
    vacancies[REF_TWENTE_RUNNING] = running
    members = committee_round.seat_committee(running, users)
    _applications(
        vacancy=running, plans=committee_round.plans(today), candidates=candidates,
        recruiter=daan, moments=_fixed_moments,
    )  # fmt: skip
    committee_round.committee_work(
        vacancy=running, members=members, candidates=candidates, by=daan, today=today
    )

    open_steps = sum(len(plan.steps) for plan in people.OPEN)
    times = iter(_today_times(open_steps, today=today, now=now))
    _applications(
        vacancy=vacancies[REF_OPEN], plans=people.OPEN, candidates=candidates, recruiter=inge,
        moments=lambda plan: [next(times) for _ in plan.steps], self_service=True,
    )  # fmt: skip
    # The profile as it was published: version 1 of every procedure that was (the 2019 one was
    # published by email only and shows its text as it is).
    for vacancy in vacancies.values():
        if vacancy.published_on and vacancy.status != Vacancy.Status.DRAFT:
            profile_publish(vacancy=vacancy, by=vacancy.lead_consultant)
    # Every demo candidate can be found in the candidate database (names, positions, notes).
    for candidate in candidates.values():
        candidate_reindex(candidate_id=candidate.pk)
    return DemoResult(vacancies=vacancies, users=list(users.values()))


def demo_logins() -> list[tuple[str, str, str, str]]:
    """(role, username, password, who) of every demo account, for the run command to print."""
    rows = []
    for person in [*people.RECRUITERS, *people.COMMITTEE, *committee_round.TWENTE_COMMITTEE]:
        who = f"{person.first_name} {person.last_name}"
        if person.organisation:
            who += f", {person.organisation}"
        rows.append((person.role, person.username, person.password, who))
    return rows
