"""The demo's running procedure in its committee round: Regio Twente looks for a permanent
algemeen directeur / secretaris, after the interim assignment of the 2019 seed.

Its dates follow the day the demo is loaded: applications closed on the Friday three weeks and a
weekend before this week; the committee discusses the candidate overview this week (Monday to
Wednesday) and the interview round starts next Monday. So on any day the demo shows a procedure
closed for applications, with candidates released to the committee, some scorecards submitted,
one still a draft, a declared conflict of interest and interviews planned.

The client's facts (the 14 municipalities, about 665 people, the domains) come from the 2019 seed
(texts.TWENTE_*); the people are invented, their addresses at example.org reach nobody.
"""

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from candidates.models import (
    Application,
    ApplicationRelease,
    Assessment,
    Document,
    Interview,
    Scorecard,
)
from candidates.services.documents import document_store
from candidates.services.scorecards import conflict_declare, scorecard_save
from vacancies.models import CommitteeMember, Vacancy, WorksCouncilAdvice

from .cv import cv_pdf
from .people import DemoApplication, DemoUser, _s

REFERENCE = "regio-twente-algemeen-directeur"

# The committee of Regio Twente: its logins are printed by `make run` with the others.
TWENTE_COMMITTEE = [
    DemoUser(
        "twente.voorzitter", "Gerrit", "Holtkamp", "committee",
        "Burgemeester, lid dagelijks bestuur Regio Twente", "chair",
    ),
    DemoUser(
        "twente.lid", "Miriam", "Oude Nijhuis", "committee",
        "Gemeentesecretaris Gemeente Hengelo", "member",
    ),
    DemoUser(
        "twente.or", "Kees", "Dijkhuis", "committee",
        "Voorzitter ondernemingsraad Regio Twente", "works_council",
    ),
    DemoUser(
        "twente.hr", "Sanne", "Wolbers", "committee", "Manager P&O Regio Twente", "hr",
    ),
]  # fmt: skip

INTRO = (
    "Na de interimperiode en de besluitvorming over de vernieuwde samenwerking van de 14 Twentse "
    "gemeenten zoekt Regio Twente een vaste algemeen directeur / secretaris."
)
REASON = (
    "De veranderopdracht is vormgegeven; het algemeen bestuur zoekt nu een algemeen directeur / "
    "secretaris die de vernieuwde samenwerking de komende jaren verder uitbouwt en de organisatie "
    "van ongeveer 665 mensen leidt."
)
POSITION = (
    "De algemeen directeur / secretaris is, in continue samenwerking met de bestuursorganen, het "
    "dagelijks bestuur en het algemeen bestuur verantwoordelijk voor:"
)
CANDIDATE = (
    "Hiervoor zoeken we een ervaren directeur/bestuurder die gewend is om een "
    "eindverantwoordelijke rol te vervullen binnen een breed bestuurlijke en politieke omgeving, "
    "die zorgt voor continuïteit en zich tegelijk actief richt op de toekomst."
)
REQUIREMENTS = [
    "Ruime ervaring als directeur/bestuurder in een bestuurlijke en politieke omgeving.",
    "Afgeronde academische opleiding of academisch werk- en denkniveau.",
    "Goed ontwikkelde leidinggevende capaciteiten, coachend en stimulerend; kan een visie "
    "formuleren en uitdragen. Zowel strategisch als hands-on.",
    "Duidelijk en koersvast.",
    "Ervaring met complexe besluitvormingsprocessen, goed ontwikkeld gevoel voor bestuurlijke en "
    "politieke verhoudingen.",
]
TERMS = (
    "Een vaste aanstelling voor 36 uur per week, met een salaris tot maximaal schaal 17 en een "
    "individueel keuzebudget van 17,05%."
)


@dataclass(frozen=True)
class Dates:
    published_on: date
    closing_date: date
    shortlist_on: date  # the candidate overview goes to the committee
    discussion_on: date  # Monday of this week: the committee discusses the overview
    interviews_on: date  # Tuesday of next week


def dates(today: date) -> Dates:
    this_monday = today - timedelta(days=today.weekday())
    first_monday = this_monday - timedelta(days=21)  # the default planning's week 0
    closing_date = first_monday - timedelta(days=3)  # the Friday before it
    return Dates(
        published_on=closing_date - timedelta(days=28),
        closing_date=closing_date,
        shortlist_on=first_monday + timedelta(days=14),
        discussion_on=this_monday,
        interviews_on=this_monday + timedelta(days=8),
    )


def profile(today: date) -> dict:
    """The vacancy's fields, for Vacancy.objects.create (the builder adds client and texts)."""
    d = dates(today)
    return {
        "reference": REFERENCE,
        "title": "Algemeen directeur / secretaris",
        "intro": INTRO,
        "reason_text": REASON,
        "position_text": POSITION,
        "candidate_text": CANDIDATE,
        "terms_text": TERMS,
        "employment_type": Vacancy.EmploymentType.PERMANENT,
        "contract_form": Vacancy.ContractForm.EMPLOYMENT,
        "hours_per_week": 36,
        "salary_scale": "17",
        "ikb_percentage": "17.05",
        "published_on": d.published_on,
        "closing_date": d.closing_date,
        "has_references": True,
        "status": Vacancy.Status.CLOSED,
    }


def plans(today: date) -> list[DemoApplication]:
    """The applications, their steps up to this week (the builder leaves out what lies ahead)."""
    d = dates(today)
    applied = d.published_on
    longlist = d.closing_date + timedelta(days=3)
    preselection = d.closing_date + timedelta(days=10)
    return [
        DemoApplication(
            "elkhatib", "applied",
            (
                _s("applied", applied + timedelta(days=6), 20, 15),
                _s("longlist", longlist, 9, 0),
                _s("preselection", preselection, 10, 0),
                _s("shortlist", d.shortlist_on, 11, 0),
                _s("committee", d.discussion_on, 17, 0),
            ),
            assessment=(
                "Ervaren gemeentesecretaris in een centrumgemeente met een sterke regionale "
                "oriëntatie; verbindend, koersvast en bestuurlijk sensitief."
            ),
        ),
        DemoApplication(
            "lammers", "applied",
            (
                _s("applied", applied + timedelta(days=12), 8, 40),
                _s("longlist", longlist, 9, 5),
                _s("preselection", preselection, 10, 5),
                _s("shortlist", d.shortlist_on, 11, 5),
                _s("committee", d.discussion_on, 17, 5),
            ),
            assessment=(
                "Kent Twente en de Twentse gemeenten van binnenuit; brede ervaring als "
                "(interim-)gemeentesecretaris. Aandachtspunt: minder ervaring met het sociaal "
                "domein en de GGD."
            ),
        ),
        DemoApplication(
            "wessels", "applied",
            (
                _s("applied", applied + timedelta(days=20), 21, 30),
                _s("longlist", longlist, 9, 10),
                _s("preselection", preselection, 10, 10),
                _s("shortlist", d.shortlist_on, 11, 10),
            ),
            assessment=(
                "Sterke bedrijfsvoerder met ervaring in een gemeenschappelijke regeling; minder "
                "zichtbaar in het bestuurlijke netwerk van de regio."
            ),
        ),
        DemoApplication(
            "hendriks", "applied",
            (
                _s("applied", applied + timedelta(days=25), 12, 0),
                _s("longlist", longlist, 9, 15),
                _s("preselection", preselection, 10, 15),
                _s("shortlist", d.shortlist_on, 11, 15),
            ),
            assessment=(
                "Concerndirecteur met een brede portefeuille en ervaring met veranderopgaven; "
                "nog geen eindverantwoordelijke rol gehad."
            ),
        ),
        DemoApplication(
            "smit", "applied",
            (
                _s("applied", applied + timedelta(days=15), 9, 30),
                _s("longlist", longlist, 9, 20),
                _s(
                    "rejected", preselection, 14, 0,
                    "Onvoldoende ervaring met het leiden van een organisatie van deze omvang.",
                ),
            ),
        ),
        DemoApplication(
            "dehaan", "applied",
            (
                _s("applied", applied + timedelta(days=26), 22, 10),
                _s(
                    "rejected", longlist, 15, 0,
                    "Geen ervaring als directeur/bestuurder.",
                ),
            ),
        ),
    ]  # fmt: skip


CAREERS = {
    "elkhatib": (
        "2019–heden: gemeentesecretaris / algemeen directeur, Gemeente Zwolle\n"
        "2014–2019: directeur Maatschappelijke Ontwikkeling, Gemeente Deventer\n"
        "2009–2014: afdelingshoofd Werk en Inkomen, Gemeente Apeldoorn"
    ),
    "lammers": (
        "2023–heden: interim-gemeentesecretaris, Gemeente Oldenzaal\n"
        "2017–2023: gemeentesecretaris, Gemeente Losser\n"
        "2011–2017: concerncontroller, Gemeente Enschede"
    ),
    "wessels": (
        "2018–heden: directeur Bedrijfsvoering, Veiligheidsregio IJsselland\n"
        "2012–2018: manager Financiën en Control, Regio Twente"
    ),
    "hendriks": (
        "2020–heden: concerndirecteur, Gemeente Amersfoort\n"
        "2015–2020: programmadirecteur Omgevingswet, Gemeente Utrecht"
    ),
}

# (member username, candidate key) -> (scores per requirement, recommendation, comments, submit)
SCORECARDS = {
    ("twente.voorzitter", "elkhatib"): ([5, 4, 5, 4, 5], "invite", "Sterk bestuurlijk.", True),
    ("twente.voorzitter", "lammers"): ([4, 4, 4, 5, 4], "invite", "Kent de regio goed.", True),
    ("twente.voorzitter", "wessels"): ([3, 4, 3, 4, 3], "doubt", "Vooral bedrijfsvoerder.", True),
    ("twente.voorzitter", "hendriks"): ([3, 4, 4, 3, 3], "doubt", "", True),
    ("twente.lid", "elkhatib"): ([4, 5, 4, 4, 4], "invite", "", True),
    ("twente.lid", "lammers"): ([4, 3, 4, 4, 5], "invite", "Bestuurlijk sensitief.", True),
    ("twente.lid", "hendriks"): ([3, 3, 3, 3, 2], "not_invite", "", True),
    ("twente.hr", "elkhatib"): ([4, None, 4, None, None], "", "Nog aanvullen.", False),
}  # fmt: skip
CONFLICTS = {
    ("twente.or", "wessels"): (
        "Erik Wessels was tot 2018 mijn leidinggevende bij Regio Twente; ik scoor hem daarom niet."
    ),
}


def _at(day: date, hour: int, minute: int = 0) -> datetime:
    return timezone.make_aware(datetime.combine(day, time(hour, minute)))


def seat_committee(vacancy: Vacancy, users: dict) -> dict[str, CommitteeMember]:
    return {
        person.username: CommitteeMember.objects.create(
            vacancy=vacancy,
            user=users[person.username],
            role=person.committee_role,
            organisation=person.organisation,
        )
        for person in TWENTE_COMMITTEE
    }


def committee_work(*, vacancy: Vacancy, members: dict, candidates: dict, by, today: date) -> None:
    """What the committee has done by now: the works council asked for its advice, scorecards
    (submitted and one draft), a declared conflict, the consultant's career summaries, and the
    interviews of next week (planned as already announced: loading the demo sends no email)."""
    d = dates(today)
    applications = {
        application.candidate_id: application
        for application in Application.objects.filter(vacancy=vacancy)
    }
    applications = {
        key: applications[candidate.pk]
        for key, candidate in candidates.items()
        if candidate.pk in applications
    }
    # Released when the candidate overview went to the committee (moving to the shortlist).
    for application in applications.values():
        ApplicationRelease.objects.filter(application=application).update(
            released_at=_at(d.shortlist_on, 11)
        )
    for key, career in CAREERS.items():
        application = applications[key]
        Assessment.objects.filter(application=application).update(career=career)
        # The CV the candidate handed in, for the committee to read.
        candidate = application.candidate
        pdf = cv_pdf(
            name=candidate.full_name,
            position=f"{candidate.current_position}, {candidate.current_organisation}",
            lines=career.splitlines(),
        )
        upload = SimpleUploadedFile(
            f"CV {candidate.full_name}.pdf", pdf, content_type="application/pdf"
        )
        document_store(application=application, kind=Document.Kind.CV, upload=upload, stored=[])
    WorksCouncilAdvice.objects.create(vacancy=vacancy, requested_on=d.shortlist_on, requested_by=by)
    requirements = list(vacancy.requirements.order_by("order", "pk"))
    for (username, key), explanation in CONFLICTS.items():
        conflict_declare(
            member=members[username], application=applications[key], explanation=explanation
        )
    for (username, key), (scores, recommendation, comments, submit) in SCORECARDS.items():
        scorecard_save(
            member=members[username],
            application=applications[key],
            scores={r.pk: s for r, s in zip(requirements, scores, strict=True)},
            recommendation=recommendation,
            comments=comments,
            submit=submit,
        )
    # The members scored in the week before the discussion.
    Scorecard.objects.filter(application__vacancy=vacancy, submitted_at__isnull=False).update(
        submitted_at=_at(d.discussion_on - timedelta(days=4), 20, 30)
    )
    place = "Regio Twente, Nijverheidstraat 30, Enschede"
    for key, hour in (("elkhatib", 10), ("lammers", 13)):
        application = applications[key]
        if application.stage != application.Stage.COMMITTEE:
            continue  # early in the week: not invited yet
        interview = Interview.objects.create(
            application=application,
            starts_at=_at(d.interviews_on, hour),
            ends_at=_at(d.interviews_on, hour + 1, 30),
            place=place,
            created_by=by,
        )
        interview.members.set(
            [members["twente.voorzitter"], members["twente.lid"], members["twente.or"]]
        )
