"""The decisions of the seed procedures of the past: the works council's advice on the
appointment (WOR article 30), the committee's nomination with its rationale, and the end of the
procedure.

The seeds name the facts this builds on: the 2026 director is the IPO's "WOR-bestuurder" and
works with the central works council (COR), the committee nominates a preferred candidate
between 15 and 30 June and the formal appointment follows before 1 July 2026; the interim
director of Regio Twente is "bestuurder WOR" and starts on 15 September 2019; the IPO's board
meant to finish its own 2020 procedure by the end of February 2021. The dates and texts of the
advice and the rationales are invented to fit them (and the demo's plans in people.py).

Everything is recorded only as far as it had happened on the day the demo is loaded: the
advice before the applications are built (their appointment waits for it, as in the app), the
nomination once the nominee had become the preferred candidate.
"""

from dataclasses import dataclass
from datetime import date, datetime, time

from django.utils import timezone

from candidates.models import Application, Nomination
from vacancies.models import Vacancy, WorksCouncilAdvice


@dataclass(frozen=True)
class Decision:
    reference: str  # the vacancy
    nominee: str  # key of people.CANDIDATES
    decided_on: date  # the committee's nomination (the nominee's "preferred" step)
    rationale: str
    advice_requested_on: date
    advice_received_on: date
    advice: str
    # When the procedure ended without an appointment recorded here (else: the appointment).
    ended_on: date | None = None


DECISIONS = [
    Decision(
        reference="ipo-algemeen-directeur-2026",
        nominee="verhoeven",
        decided_on=date(2026, 6, 26),
        rationale=(
            "De selectiecommissie draagt mevrouw Verhoeven unaniem voor als Algemeen Directeur. "
            "Zij combineert ruime eindverantwoordelijke ervaring in een politiek-bestuurlijke "
            "context met een sterk netwerk bij provincies en Rijk, en liet in beide gesprekken "
            "zien dat zij visie vertaalt naar concrete resultaten. Als WOR-bestuurder zal zij "
            "naar verwachting constructief samenwerken met de centrale ondernemingsraad. "
            "Aandachtspunt is het Brusselse speelveld; daarin trekt zij in de eerste periode "
            "samen op met de plaatsvervangend directeur en het Huis van de Nederlandse "
            "Provincies. De heer Brinkman blijft met zijn instemming reservekandidaat."
        ),
        advice_requested_on=date(2026, 6, 26),
        advice_received_on=date(2026, 6, 29),
        advice=(
            "De centrale ondernemingsraad adviseert positief over de voorgenomen benoeming van "
            "mevrouw A. Verhoeven tot Algemeen Directeur. De COR waardeert haar verbindende "
            "stijl en vraagt haar in de eerste maanden kennis te maken met de medewerkers op "
            "alle locaties (Den Haag, Utrecht en Brussel) en de COR tijdig te betrekken bij de "
            "verdere organisatieontwikkeling."
        ),
    ),
    Decision(
        reference="ipo-algemeen-directeur-2020",
        nominee="vos",
        decided_on=date(2021, 2, 1),
        rationale=(
            "Het bestuur wijst mevrouw Vos aan als voorkeurskandidaat. Als provinciesecretaris "
            "kent zij het provinciale bestel en de Kring van Provinciesecretarissen van binnenuit "
            "en heeft zij een gedegen netwerk in Den Haag en bij de provincies. Zij is geen "
            "politicus, weet de balans tussen bestuurlijke en managementverantwoordelijkheden "
            "te vinden en wil zich voor langere tijd aan het IPO verbinden."
        ),
        advice_requested_on=date(2021, 2, 2),
        advice_received_on=date(2021, 2, 15),
        advice=(
            "De ondernemingsraad van het IPO adviseert positief over de voorgenomen benoeming "
            "van mevrouw H. Vos tot algemeen directeur."
        ),
        ended_on=date(2021, 2, 28),  # "uiterlijk februari 2021"
    ),
    Decision(
        reference="regio-twente-interim-directeur-2019",
        nominee="scholten",
        decided_on=date(2019, 9, 10),
        rationale=(
            "De selectiecommissie draagt de heer Scholten voor aan het dagelijks bestuur. Hij "
            "heeft ruime ervaring als interim directeur/bestuurder van gemeenschappelijke "
            "regelingen, is bestuurlijk sensitief en koersvast, en kan per 15 september 2019 "
            "beginnen. Mevrouw Lammers is een sterke tweede kandidaat; de commissie geeft de "
            "voorkeur aan meer ervaring als directeur/bestuurder van een regionaal "
            "samenwerkingsverband."
        ),
        advice_requested_on=date(2019, 9, 10),
        advice_received_on=date(2019, 9, 11),
        advice=(
            "De ondernemingsraad van Regio Twente adviseert positief over de voorgenomen "
            "aanstelling van de heer G. Scholten als interim algemeen directeur/secretaris, "
            "bestuurder in de zin van de WOR, en vraagt hem de medewerkers tijdig te betrekken "
            "bij de uitwerking van de veranderopdracht."
        ),
    ),
]


def works_council_advice_record(*, vacancies: dict[str, Vacancy], today: date) -> None:
    """Before the applications are built: the works council's advice of each past procedure,
    as far as it had been asked and received by `today`. Written as history, like the rest of
    the demo (the service refuses to change the record of a procedure that has ended)."""
    for decision in DECISIONS:
        vacancy = vacancies[decision.reference]
        if decision.advice_requested_on > today:
            continue
        received = decision.advice_received_on <= today
        WorksCouncilAdvice.objects.create(
            vacancy=vacancy,
            requested_on=decision.advice_requested_on,
            requested_by=vacancy.lead_consultant,
            received_on=decision.advice_received_on if received else None,
            content=decision.advice if received else "",
            recorded_by=vacancy.lead_consultant if received else None,
        )


def decisions_record(*, vacancies: dict[str, Vacancy], candidates: dict) -> None:
    """After the applications are built: the committee's nomination of each past procedure whose
    nominee had become the preferred candidate, and when each procedure that is over ended (the
    moment of the appointment, or the day it was to be finished)."""
    for decision in DECISIONS:
        vacancy = vacancies[decision.reference]
        nominee = (
            Application.objects.filter(
                vacancy=vacancy,
                candidate=candidates[decision.nominee],
                stage__in=(Application.Stage.PREFERRED, Application.Stage.APPOINTED),
            )
            .order_by("pk")
            .first()
        )
        if nominee is not None:
            nomination = Nomination.objects.create(
                vacancy=vacancy,
                application=nominee,
                rationale=decision.rationale,
                decided_on=decision.decided_on,
                recorded_by=vacancy.lead_consultant,
            )
            preferred_at = (
                nominee.stage_changes.filter(to_stage=Application.Stage.PREFERRED)
                .values_list("changed_at", flat=True)
                .first()
            )
            if preferred_at:
                Nomination.objects.filter(pk=nomination.pk).update(recorded_at=preferred_at)
        vacancy.refresh_from_db(fields=["status", "ended_at"])
        if vacancy.status != Vacancy.Status.APPOINTED or vacancy.ended_at:
            continue
        if nominee is not None and nominee.stage == Application.Stage.APPOINTED:
            ended = nominee.stage_changed_at
        elif decision.ended_on:
            ended = timezone.make_aware(datetime.combine(decision.ended_on, time(17, 0)))
        else:
            continue
        Vacancy.objects.filter(pk=vacancy.pk).update(ended_at=ended)
