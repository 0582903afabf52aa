"""The demo's people: users who log in, and candidates with their applications.

Everyone here is invented, except Inge Diepenhorst, who runs the 2026 procedure in the seed.
Email addresses use example.org, so a reminder sent from the demo reaches nobody.
"""

from dataclasses import dataclass, field
from datetime import date, time

# Public on purpose (printed by `make run`, in the README); load_demo refuses with DEBUG off.
RECRUITER_PASSWORD = "Werving-Demo-2026!"  # noqa: S105  the demo's published password
COMMITTEE_PASSWORD = "Commissie-Demo-2026!"  # noqa: S105  the demo's published password


@dataclass(frozen=True)
class DemoUser:
    username: str
    first_name: str
    last_name: str
    role: str  # accounts.User.Role value
    organisation: str = ""  # shown on the committee seat
    committee_role: str = ""  # vacancies.CommitteeMember.Role value; empty for recruiters

    @property
    def email(self) -> str:
        return f"{self.username}@example.org"

    @property
    def password(self) -> str:
        return RECRUITER_PASSWORD if self.role == "recruiter" else COMMITTEE_PASSWORD


RECRUITERS = [
    DemoUser("inge", "Inge", "Diepenhorst", "recruiter", "Chasse Executive Search"),
    DemoUser("daan", "Daan", "Kuipers", "recruiter", "Chasse Executive Search"),
]

# The selection committee of the 2026 IPO procedure and of the open demo procedure.
COMMITTEE = [
    DemoUser(
        "commissie", "Marieke", "Hoogland", "committee",
        "Gedeputeerde Provincie Utrecht, lid IPO-bestuur", "chair",
    ),
    DemoUser(
        "hans.veldkamp", "Hans", "Veldkamp", "committee",
        "Provinciesecretaris Provincie Overijssel, Kring van Provinciesecretarissen", "member",
    ),
    DemoUser(
        "carolien.timmer", "Carolien", "Timmer", "committee",
        "Onafhankelijk adviseur, oud-provinciesecretaris", "adviser",
    ),
    DemoUser(
        "ahmed.elamrani", "Ahmed", "El Amrani", "committee",
        "Lid centrale ondernemingsraad IPO", "works_council",
    ),
    DemoUser(
        "lotte.verhagen", "Lotte", "Verhagen", "committee", "Manager HR IPO", "hr",
    ),
]  # fmt: skip


@dataclass(frozen=True)
class DemoCandidate:
    first_name: str
    last_name: str
    current_position: str
    current_organisation: str
    language: str = "nl"

    @property
    def email(self) -> str:
        local = f"{self.first_name}.{self.last_name}".lower().replace(" ", "")
        return f"{local}@example.org"


CANDIDATES = {
    "verhoeven": DemoCandidate(
        "Annemiek", "Verhoeven", "Directeur Ruimte en Wonen", "Provincie Noord-Brabant"
    ),
    "brinkman": DemoCandidate(
        "Jeroen", "Brinkman", "Plaatsvervangend directeur-generaal",
        "Ministerie van Landbouw, Visserij, Voedselzekerheid en Natuur",
    ),
    "elkhatib": DemoCandidate(
        "Fatima", "el Khatib", "Gemeentesecretaris / algemeen directeur", "Gemeente Zwolle"
    ),
    "degroot": DemoCandidate("Maarten", "de Groot", "Provinciesecretaris", "Provincie Zeeland"),
    "koster": DemoCandidate("Sandra", "Koster", "Directeur Bedrijfsvoering", "Rijkswaterstaat"),
    "hendriks": DemoCandidate("Thomas", "Hendriks", "Concerndirecteur", "Gemeente Amersfoort"),
    "bakker": DemoCandidate("Ilse", "Bakker", "Senior beleidsadviseur", "Provincie Groningen"),
    "vandam": DemoCandidate(
        "Ruud", "van Dam", "Directeur Europa en Internationaal",
        "Vereniging van Nederlandse Gemeenten",
    ),
    "jansen": DemoCandidate(
        "Noor", "Jansen", "Afdelingshoofd",
        "Ministerie van Binnenlandse Zaken en Koninkrijksrelaties",
    ),
    "vos": DemoCandidate("Hanneke", "Vos", "Provinciesecretaris", "Provincie Flevoland"),
    "mulder": DemoCandidate("Pieter", "Mulder", "Directeur", "Unie van Waterschappen"),
    "smit": DemoCandidate("Esther", "Smit", "Directeur", "Omgevingsdienst Haaglanden"),
    "scholten": DemoCandidate(
        "Gerard", "Scholten", "Interim-directeur / bestuurder (zzp)", "Scholten Interim"
    ),
    "lammers": DemoCandidate(
        "Monique", "Lammers", "Interim-gemeentesecretaris", "Gemeente Oldenzaal"
    ),
    "wessels": DemoCandidate(
        "Erik", "Wessels", "Directeur Bedrijfsvoering", "Veiligheidsregio IJsselland"
    ),
    "pieters": DemoCandidate(
        "Yvonne", "Pieters", "Interim-manager (zzp)", "Pieters Management & Advies"
    ),
    "dekker": DemoCandidate("Laura", "Dekker", "Directeur Water en Bodem", "Provincie Gelderland"),
    "visser": DemoCandidate(
        "Bas", "Visser", "Directeur Regionale Economie", "Provincie Limburg"
    ),
    "vanleeuwen": DemoCandidate("Sophie", "van Leeuwen", "Gemeentesecretaris", "Gemeente Leiden"),
    "bouzid": DemoCandidate(
        "Youssef", "Bouzid", "Directeur Stikstof en Natuur", "Provincie Drenthe"
    ),
    "hofman": DemoCandidate(
        "Karin", "Hofman", "Plaatsvervangend directeur",
        "Ministerie van Infrastructuur en Waterstaat",
    ),
    "dehaan": DemoCandidate("Wouter", "de Haan", "Teamleider Beleid", "Gemeente Almere"),
    "postma": DemoCandidate(
        "Anouk", "Postma", "Directeur Europa", "Huis van de Nederlandse Provincies",
        language="en",
    ),
}  # fmt: skip


@dataclass(frozen=True)
class Step:
    """One stage an application reached, on a day, at a time (Europe/Amsterdam)."""

    stage: str
    on: date | None = None  # None: today, in the open procedure
    at: time = time(10, 0)
    reason: str = ""
    code: str = ""  # candidates.Application.RejectionReason value, for a rejection


@dataclass(frozen=True)
class DemoApplication:
    candidate: str  # key of CANDIDATES
    source: str  # candidates.Application.Source value
    steps: tuple[Step, ...]
    assessment: str = ""
    consent_talent_pool: bool = False
    notes: tuple[str, ...] = field(default=())


def _s(stage, on=None, hour=10, minute=0, reason="", code=""):
    if stage == "rejected" and not code:
        # The reason for a rejection, from what its text says.
        text = reason.lower()
        if "andere kandidaat" in text or "krachtenveld" in text or "meer ervaring als" in text:
            code = "stronger"
        elif "ervaring" in text:
            code = "experience"
        else:
            code = "profile"
    return Step(stage, on, time(hour, minute), reason, code)


D = date

# --- Algemeen Directeur IPO 2026: published 17 April, closed 15 May, appointed before 1 July.
IPO_2026 = [
    DemoApplication(
        "verhoeven", "applied",
        (
            _s("applied", D(2026, 4, 22), 9, 12),
            _s("longlist", D(2026, 5, 18), 9, 30),
            _s("preselection", D(2026, 5, 18), 16, 0),
            _s("shortlist", D(2026, 6, 4), 11, 0),
            _s("committee", D(2026, 6, 10), 17, 0),
            _s("preferred", D(2026, 6, 26), 15, 0),
            _s("appointed", D(2026, 6, 30), 12, 0),
        ),
        assessment=(
            "Ruime eindverantwoordelijke ervaring in een politiek-bestuurlijke context en een "
            "sterk netwerk bij provincies en Rijk. Verbindend en toegankelijk; vertaalt visie naar "
            "concrete resultaten. Aandachtspunt: minder ervaring met het Brusselse speelveld."
        ),
    ),
    DemoApplication(
        "brinkman", "sourced",
        (
            _s("sourced", D(2026, 4, 20), 14, 0),
            _s("longlist", D(2026, 5, 18), 9, 35),
            _s("preselection", D(2026, 5, 19), 10, 0),
            _s("shortlist", D(2026, 6, 4), 11, 5),
            _s("committee", D(2026, 6, 10), 17, 5),
        ),
        assessment=(
            "Sterk extern profiel en ruime ervaring met belangenbehartiging op hoog ambtelijk "
            "niveau. Minder ervaring met het leiden van een middelgrote organisatie inclusief alle "
            "bedrijfsvoeringsfacetten."
        ),
        consent_talent_pool=True,
        notes=(
            "Tweede keus van de selectiecommissie; blijft met zijn instemming in beeld als "
            "reservekandidaat.",
        ),
    ),
    DemoApplication(
        "elkhatib", "applied",
        (
            _s("applied", D(2026, 5, 4), 20, 41),
            _s("longlist", D(2026, 5, 18), 9, 40),
            _s("preselection", D(2026, 5, 26), 13, 0),
            _s("shortlist", D(2026, 6, 4), 11, 10),
        ),
        assessment=(
            "Ervaren algemeen directeur van een gemeentelijke organisatie; scherp op "
            "bedrijfsvoering en verandertrajecten. Netwerk bij provincies en Rijk nog in opbouw."
        ),
        consent_talent_pool=True,
        notes=(
            "In het kandidatenoverzicht opgenomen; niet uitgenodigd voor de gespreksronde. Houdt "
            "haar kandidatuur aan als reserve.",
        ),
    ),
    DemoApplication(
        "degroot", "applied",
        (
            _s("applied", D(2026, 5, 11), 8, 55),
            _s("longlist", D(2026, 5, 18), 9, 45),
            _s("preselection", D(2026, 5, 27), 14, 30),
            _s("shortlist", D(2026, 6, 4), 11, 15),
            _s("committee", D(2026, 6, 10), 17, 10),
            _s(
                "rejected", D(2026, 6, 26), 15, 30,
                "De selectiecommissie heeft na de gespreksronde een andere kandidaat voorgedragen.",
            ),
        ),
        assessment=(
            "Kent het provinciale bestel en de Kring van Provinciesecretarissen van binnenuit. "
            "Zorgvuldig en verbindend; minder uitgesproken als extern boegbeeld."
        ),
    ),
    DemoApplication(
        "koster", "applied",
        (
            _s("applied", D(2026, 4, 29), 12, 20),
            _s("longlist", D(2026, 5, 18), 9, 50),
            _s("preselection", D(2026, 5, 20), 11, 0),
            _s(
                "rejected", D(2026, 6, 1), 10, 0,
                "Na het verdiepende gesprek niet opgenomen in het kandidatenoverzicht: beperkte "
                "ervaring met externe vertegenwoordiging en belangenbehartiging op hoog ambtelijk "
                "niveau.",
            ),
        ),
    ),
    DemoApplication(
        "hendriks", "applied",
        (
            _s("applied", D(2026, 5, 14), 22, 5),
            _s("longlist", D(2026, 5, 18), 9, 55),
            _s("withdrawn", D(2026, 5, 25), 16, 45, "Heeft een andere functie aanvaard."),
        ),
    ),
    DemoApplication(
        "bakker", "applied",
        (
            _s("applied", D(2026, 4, 24), 10, 15),
            _s(
                "rejected", D(2026, 5, 19), 9, 0,
                "Geen eindverantwoordelijke ervaring in het leiden van een middelgrote "
                "organisatie.",
            ),
        ),
    ),
    DemoApplication(
        "vandam", "sourced",
        (
            _s("sourced", D(2026, 4, 23), 15, 0),
            _s(
                "withdrawn", D(2026, 4, 30), 11, 30,
                "Na een oriënterend gesprek: op dit moment niet beschikbaar voor een overstap.",
            ),
        ),
    ),
    DemoApplication(
        "jansen", "applied",
        (
            _s("applied", D(2026, 5, 15), 23, 10),
            _s("longlist", D(2026, 5, 18), 10, 0),
            _s(
                "rejected", D(2026, 5, 29), 16, 0,
                "Niet geselecteerd voor een verdiepend gesprek, in vergelijking met het volledige "
                "krachtenveld aan kandidaten.",
            ),
        ),
    ),
]  # fmt: skip

# --- Algemeen directeur IPO 2020: run by the IPO itself, closed Sunday 3 January 2021.
IPO_2020 = [
    DemoApplication(
        "vos", "applied",
        (
            _s("applied", D(2020, 12, 14), 9, 0),
            _s("longlist", D(2021, 1, 5), 10, 0),
            _s("shortlist", D(2021, 1, 11), 10, 0),
            _s("committee", D(2021, 1, 18), 17, 0),
            _s("preferred", D(2021, 2, 1), 12, 0),
        ),
        notes=(
            "Voorkeurskandidaat van het bestuur. Het IPO voerde deze procedure zelf; de formele "
            "benoeming is hier niet vastgelegd.",
        ),
    ),
    DemoApplication(
        "mulder", "referred",
        (
            _s("applied", D(2020, 12, 21), 11, 0),
            _s("longlist", D(2021, 1, 5), 10, 5),
            _s("shortlist", D(2021, 1, 11), 10, 5),
            _s("committee", D(2021, 1, 18), 17, 5),
            _s(
                "rejected", D(2021, 2, 1), 12, 30,
                "Het bestuur heeft een andere kandidaat als voorkeurskandidaat aangewezen.",
            ),
        ),
    ),
    DemoApplication(
        "brinkman", "applied",
        (
            _s("applied", D(2021, 1, 3), 21, 30),
            _s(
                "rejected", D(2021, 1, 11), 10, 30,
                "Weinig ervaring in een setting waar provincies of het IPO een rol spelen.",
            ),
        ),
    ),
    DemoApplication(
        "smit", "applied",
        (
            _s("applied", D(2020, 12, 28), 14, 0),
            _s("withdrawn", D(2021, 1, 8), 9, 15, "Trekt zich terug om persoonlijke redenen."),
        ),
    ),
]  # fmt: skip

# --- Regio Twente, interim 2019: closed Friday 30 August, start 15 September.
TWENTE_2019 = [
    DemoApplication(
        "scholten", "applied",
        (
            _s("applied", D(2019, 8, 20), 8, 30),
            _s("longlist", D(2019, 9, 2), 9, 0),
            _s("preselection", D(2019, 9, 3), 14, 0),
            _s("shortlist", D(2019, 9, 4), 12, 0),
            _s("committee", D(2019, 9, 9), 16, 0),
            _s("preferred", D(2019, 9, 10), 11, 0),
            _s("appointed", D(2019, 9, 12), 15, 0),
        ),
        assessment=(
            "Ruime ervaring als interim directeur/bestuurder in gemeenschappelijke regelingen; "
            "bestuurlijk sensitief, koersvast en gewend aan veranderopdrachten."
        ),
        notes=("Pre-employment check afgerond zonder bijzonderheden.",),
    ),
    DemoApplication(
        "lammers", "applied",
        (
            _s("applied", D(2019, 8, 26), 13, 0),
            _s("longlist", D(2019, 9, 2), 9, 5),
            _s("preselection", D(2019, 9, 3), 16, 0),
            _s("shortlist", D(2019, 9, 4), 12, 5),
            _s("committee", D(2019, 9, 9), 16, 5),
            _s(
                "rejected", D(2019, 9, 10), 11, 30,
                "Het dagelijks bestuur heeft gekozen voor een kandidaat met meer ervaring als "
                "directeur/bestuurder van een regionaal samenwerkingsverband.",
            ),
        ),
    ),
    DemoApplication(
        "wessels", "applied",
        (
            _s("applied", D(2019, 8, 29), 19, 45),
            _s(
                "rejected", D(2019, 9, 2), 10, 0,
                "Geen ervaring als interim directeur en/of directeur/bestuurder.",
            ),
        ),
    ),
    DemoApplication(
        "pieters", "sourced",
        (
            _s("sourced", D(2019, 8, 22), 10, 0),
            _s("withdrawn", D(2019, 8, 28), 12, 0, "Niet beschikbaar per 15 september 2019."),
        ),
    ),
]  # fmt: skip

# --- The open procedure, published today: every step happens today, in this order.
OPEN = [
    DemoApplication("dekker", "sourced", (_s("sourced"),)),
    DemoApplication("visser", "sourced", (_s("sourced"), _s("longlist"))),
    DemoApplication(
        "vos", "sourced", (_s("sourced"), _s("longlist"), _s("preselection")),
        notes=("Kent de vereniging uit de procedure van 2020; verdiepend gesprek ingepland.",),
    ),
    DemoApplication("vanleeuwen", "applied", (_s("applied"),)),
    DemoApplication("postma", "applied", (_s("applied"),)),
    DemoApplication("bouzid", "applied", (_s("applied"), _s("longlist"))),
    DemoApplication("hofman", "applied", (_s("applied"), _s("longlist"), _s("preselection"))),
    DemoApplication(
        "dehaan", "applied",
        (
            _s("applied"),
            _s(
                "rejected",
                reason="Geen ervaring in het strategisch aansturen van organisaties binnen een "
                "politiek-bestuurlijke context.",
            ),
        ),
    ),
]  # fmt: skip
