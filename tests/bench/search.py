"""Candidate search over 100,000 candidates with CV and letter text: server time of the search
and of the candidate list.

Targets (issue 6): on PostgreSQL a median of at most 30 ms over a set of at least 20 queries
(rare and common words, names, a misspelled name), and at most 20 ms for the candidate list's
first page.

    make bench BENCH=search
    .venv/bin/python -m tests.bench.search [--postgres] [--candidates 100000] [--repeat 10]

Runs against a throw-away SQLite file by default, or PostgreSQL with --postgres (a database
`recruitment_bench_search` is created and dropped each run). The people, positions and texts are
generated from Dutch word lists with a fixed seed; a few words are planted so that the set has
words found in one CV only, in a few and in most.

Two times per query: "search" is the selector alone (capped count, the 50 rows, their latest
application), "page" the whole request through Django (session, user, filters, template).
"""

import argparse
import csv
import importlib
import io
import os
import random
import statistics
import time
from datetime import timedelta

from tests.bench._common import (
    DEFAULT_POSTGRES,
    ROOT,
    add_database_arguments,
    analyze,
    measure,
    setup_django,
)

DATABASE = "recruitment_bench_search"


def _words(text: str) -> list[str]:
    return text.split()


FIRST_NAMES = _words("""Anna Anne Annemarie Anouk Bart Bas Bram Daan Dirk Els Esther Eva Femke
Fenna Floor Frank Geert Gerrit Gijs Hanna Hans Hendrik Hester Hugo Ilse Inge Ingrid Jan Jasper
Jeroen Johan Jolanda Joost Judith Julia Karin Kees Koen Lars Laura Linda Lisa Maarten Marco Marieke
Mark Marloes Martijn Merel Mirjam Niels Nicole Noor Paul Peter Petra Pieter Remco Rik Rob Roos Ruud
Sander Sanne Saskia Sietske Sophie Stefan Suzanne Teun Tessa Thijs Tineke Tom Vincent Willem Wim
Wouter Yvonne Zoë Fatima Mohamed Yusuf Ayşe Mehmet Priya Chen Olga""")

LAST_NAMES = [
    *_words("""Janssen Jansen Bakker Visser Smit Meijer Mulder Bos Vos Peters Hendriks Dekker
Brouwer Dijkstra Smits Kok Jacobs Vermeulen Schouten Willems Hoekstra Maas Verhoeven Koster Prins
Blom Huisman Peeters Postma Kuipers Veenstra Kramer Scholten Post Martens Vink Kuijpers Timmermans
Groen Jonker Koning Wolters Hermans Verbeek Hoogland Diepenhorst Evers Sanders Bosch Zwart
Molenaar Lammers Gerritsen Bosman Huijbers Claassen Brink Bouwman Rutten Stam Heemskerk Beekman
Wijnands Oosterhuis Terpstra Zijlstra Bulut Yilmaz Öztürk Nguyen"""),
    *"""El Amrani|de Vries|van den Berg|van Dijk|de Boer|de Groot|van Leeuwen|de Wit|de Graaf
|van der Meer|van der Linden|de Haan|van den Heuvel|van der Veen|van den Broek|de Bruijn
|van der Heijden|van Beek|van Vliet|van de Ven|van Dam|van der Wal|de Jong|van den Brink|van Wijk
|van Rijn|ter Horst|in 't Veld""".replace("\n", "").split("|"),
]

POSITIONS = """Directeur|Algemeen Directeur|Gemeentesecretaris|Griffier|Secretaris-directeur|
Concerncontroller|Manager Bedrijfsvoering|Programmadirecteur|Afdelingshoofd|Teamleider|
Beleidsadviseur|Strategisch Adviseur|Hoofd Financiën|Directeur Ruimte|Directeur Sociaal Domein|
Plaatsvervangend Directeur|Programmamanager Energietransitie|Interim-manager|Bestuurssecretaris|
Hoofd HR|Chief Information Officer|Directeur Bedrijfsvoering|Clustermanager|Projectdirecteur|
Directeur Publieke Gezondheid|Secretaris van het Dagelijks Bestuur|Hoofd Communicatie""".replace(
    "\n", ""
).split("|")

PLACES = _words("""Utrecht Zwolle Groningen Leeuwarden Assen Arnhem Nijmegen Apeldoorn Deventer
Enschede Hengelo Almelo Lelystad Haarlem Alkmaar Leiden Delft Dordrecht Gouda Breda Tilburg
Eindhoven Helmond Maastricht Venlo Roermond Middelburg Vlissingen Amersfoort Hilversum Zeist Ede
Wageningen Emmen Hoogeveen Meppel Harderwijk Zutphen Doetinchem Oss""")
PROVINCES = _words("""Utrecht Overijssel Groningen Fryslân Drenthe Gelderland Flevoland
Noord-Holland Zuid-Holland Zeeland Noord-Brabant Limburg""")
ORGANISATION_KINDS = [
    ("Gemeente {place}", 10),
    ("Provincie {province}", 4),
    ("Waterschap {place}", 2),
    ("Veiligheidsregio {place}", 1),
    ("GGD {place}", 1),
    ("Omgevingsdienst {place}", 1),
    ("Regio {place}", 1),
    ("Ministerie van Binnenlandse Zaken", 1),
    ("Ministerie van Infrastructuur en Waterstaat", 1),
    ("Rijkswaterstaat", 1),
    ("Interprovinciaal Overleg", 1),
    ("Vereniging van Nederlandse Gemeenten", 1),
    ("Deloitte", 1),
    ("KPMG", 1),
    ("BMC", 1),
]

# The words of a CV or a letter, most frequent first (a Zipf-like spread follows from the order).
STOP = _words("de het een en van in met voor op als bij aan door naar om te ik mijn ben heb is")
COMMON = _words("""ervaring organisatie leiding beleid samenwerking gemeente provincie directeur
project verantwoordelijk strategisch team ontwikkeling bestuur advies management verandering
resultaat financiën opleiding universiteit master bedrijfskunde bestuurskunde rechten economie
netwerk verbinding medewerkers bestuurlijk college raad portefeuille begroting programma opdracht
regie visie koers cultuur partners ketenpartners inwoners ondernemers maatschappelijk opgave
uitvoering kwaliteit control planning sturing coaching inspirerend betrokken resultaatgericht
analytisch daadkrachtig integer transparant ambitieus verbindend""")
MEDIUM = _words("""omgevingswet energietransitie stikstof woningbouw jeugdzorg participatiewet
digitalisering informatiebeveiliging mobiliteit klimaatadaptatie circulaire natuurbeheer
waterveiligheid wmo arbeidsmarkt onderwijs cultuurbeleid erfgoed landbouw plattelandsontwikkeling
openbaar vervoer infrastructuur subsidies aanbesteding inkoop privacy avg huisvesting
asielopvang veiligheid handhaving toezicht crisisbeheersing gezondheid preventie armoede
schuldhulpverlening inclusie diversiteit duurzaamheid biodiversiteit""")
HEADS = _words("""water natuur energie woning jeugd zorg beleid veiligheid mobiliteit klimaat
data bodem lucht geluid haven dijk polder kust rivier bos heide veen akker stad dorp wijk buurt
school""")
TAILS = _words("""programma strategie visie agenda plan netwerk coalitie akkoord fonds opgave
pact deal kader model monitor register atlas""")
# Planted: a word in exactly one CV, one in about ten and one in about a hundred.
UNIQUE_WORD = "zeldzaamheidsexpert"
FEW_WORD = "kwelderherstel"
SOME_WORD = "getijdenenergie"

CV_WORDS = 180
LETTER_WORDS = 90


COMPOUNDS = [head + tail for head in HEADS for tail in TAILS]


def vocabulary():
    """The words and their cumulative weights. Within each group the weight falls with the rank
    (Zipf): stop and common words are in (nearly) every text, the MEDIUM words in 6% to 90% of
    them and the COMPOUNDS in 10% (the first) down to 0.02% (the last)."""
    weights = [1 / (rank + 1) for rank in range(len(STOP) + len(COMMON))]
    weights += [0.05 / (rank + 1) for rank in range(len(MEDIUM))]
    weights += [0.002 / (rank + 1) for rank in range(len(COMPOUNDS))]
    cumulative = []
    total = 0.0
    for weight in weights:
        total += weight
        cumulative.append(total)
    return STOP + COMMON + MEDIUM + COMPOUNDS, cumulative


def people(count: int, rng: random.Random):
    """(first, last, email, position, organisation, search text, created_at) for `count`."""
    from django.utils import timezone

    from candidates.models import Candidate
    from candidates.services.search import search_text_build

    words, cumulative = vocabulary()
    organisations = [kind for kind, weight in ORGANISATION_KINDS for _ in range(weight)]
    few = set(rng.sample(range(count), min(count, 10)))
    some = set(rng.sample(range(count), min(count, 100)))
    unique = rng.randrange(count)
    now = timezone.now()
    for i in range(count):
        first = rng.choice(FIRST_NAMES)
        last = rng.choice(LAST_NAMES)
        email = f"{first}.{last}.{i}@voorbeeld.nl".lower().replace(" ", "").replace("'", "")
        position = rng.choice(POSITIONS)
        organisation = rng.choice(organisations).format(
            place=rng.choice(PLACES), province=rng.choice(PROVINCES)
        )
        cv = rng.choices(words, cum_weights=cumulative, k=CV_WORDS)
        letter = rng.choices(words, cum_weights=cumulative, k=LETTER_WORDS)
        if i in few:
            cv.append(FEW_WORD)
        if i in some:
            letter.append(SOME_WORD)
        if i == unique:
            cv.append(UNIQUE_WORD)
        candidate = Candidate(
            first_name=first,
            last_name=last,
            email=email,
            current_position=position,
            current_organisation=organisation,
        )
        text = search_text_build(
            candidate=candidate,
            notes=[],
            documents=[f"Curriculum vitae {first} {last} " + " ".join(cv), " ".join(letter)],
        )
        # Oldest first, so that the newest candidates have the highest numbers.
        created = now - timedelta(minutes=(count - i) * 15)
        yield first, last, email, position, organisation, text, created


def load_candidates(count: int, rng: random.Random) -> None:
    from django.db import connection

    from candidates.models import Candidate

    batch = 5000
    rows = people(count, rng)
    if connection.vendor != "postgresql":
        pending = []
        for first, last, email, position, organisation, text, _created in rows:
            pending.append(
                Candidate(
                    first_name=first,
                    last_name=last,
                    email=email,
                    phone="06 1234 5678",
                    current_position=position,
                    current_organisation=organisation,
                    search_text=text,
                )
            )
            if len(pending) == batch:
                Candidate.objects.bulk_create(pending)
                pending = []
        Candidate.objects.bulk_create(pending)
        return
    # PostgreSQL: COPY in batches, with the search indexes built once afterwards.
    migration = importlib.import_module("candidates.migrations.0005_search")
    columns = (
        "first_name, last_name, email, phone, current_position, current_organisation, "
        "linkedin_url, language, created_at, search_text"
    )
    with connection.cursor() as cursor:
        for statement in migration.DROP_INDEXES:
            cursor.execute(statement)
        buffer = io.StringIO()
        writer = csv.writer(buffer, quoting=csv.QUOTE_ALL)
        for written, row in enumerate(rows, start=1):
            first, last, email, position, organisation, text, created = row
            writer.writerow(
                [
                    first,
                    last,
                    email,
                    "06 1234 5678",
                    position,
                    organisation,
                    "",
                    "nl",
                    created.isoformat(),
                    text,
                ]
            )
            if written % batch == 0:
                buffer.seek(0)
                cursor.copy_expert(
                    f"COPY candidates_candidate ({columns}) FROM STDIN WITH (FORMAT csv)", buffer
                )
                buffer = io.StringIO()
                writer = csv.writer(buffer, quoting=csv.QUOTE_ALL)
        buffer.seek(0)
        cursor.copy_expert(
            f"COPY candidates_candidate ({columns}) FROM STDIN WITH (FORMAT csv)", buffer
        )
        cursor.execute("SET maintenance_work_mem = '1GB'")
        for statement in migration.CREATE_INDEXES:
            cursor.execute(statement)


def load_applications(count: int, rng: random.Random):
    from datetime import date

    from accounts.models import User
    from candidates.models import Application, Candidate
    from tests.vacancies.factories import VacancyFactory

    recruiter = User.objects.create_user("bench", password="x", role=User.Role.RECRUITER)
    vacancies = [
        VacancyFactory(
            lead_consultant=recruiter,
            published_on=date(2024 + n % 3, 1 + n % 12, 1),
            closing_date=date(2024 + n % 3, 1 + n % 12, 15),
            reference=f"bench-{n}",
            title=rng.choice(POSITIONS),
        )
        for n in range(20)
    ]
    ids = list(Candidate.objects.values_list("pk", flat=True))
    stages = [s for s in Application.Stage.values if s not in ("rejected", "appointed")]
    chosen = rng.sample(ids, min(count, len(ids)))
    for start in range(0, len(chosen), 5000):
        Application.objects.bulk_create(
            Application(
                candidate_id=pk,
                vacancy=rng.choice(vacancies),
                stage=rng.choice(stages),
                source=rng.choice(["applied", "applied", "applied", "sourced", "referred"]),
                consent_talent_pool=rng.random() < 0.4,
            )
            for pk in chosen[start : start + 5000]
        )
    return recruiter, vacancies


def queries(rng: random.Random) -> dict[str, str]:
    """The query set: at least 20, from a word in one CV to a word in nearly every CV."""
    from candidates.models import Candidate

    someone = Candidate.objects.order_by("pk")[rng.randrange(1000)]
    return {
        "word in one CV": UNIQUE_WORD,
        "word in ~10 CVs": FEW_WORD,
        "word in ~100 letters": SOME_WORD,
        "compound in ~1%": COMPOUNDS[9],
        "compound in ~0.2%": COMPOUNDS[49],
        "compound in ~0.05%": COMPOUNDS[199],
        "word in ~90%": MEDIUM[0],
        "word in ~25%": MEDIUM[9],
        "word in ~6%": MEDIUM[-1],
        "common word": "directeur",
        "common word 2": "ervaring",
        "common stem (plural)": "gemeenten",
        "two words (AND)": f"{MEDIUM[2]} {MEDIUM[20]}",
        "phrase": '"sociaal domein"',
        "or": "jeugdzorg or wmo",
        "minus": "energietransitie -stikstof",
        "organisation": "Gemeente Zwolle",
        "position": "griffier",
        "last name": "Diepenhorst",
        "last name with prefix": "van der Meer",
        "full name": f"{someone.first_name} {someone.last_name}",
        "email": someone.email,
        "misspelled name (Jansen for Janssen)": "Jansen",
        "misspelled name (Hendriksen for Hendriks)": "Hendriksen",
        "misspelled full name": "Marieke Hooglant",
        "hostile": "'\"&|!:*() OR -- \\",
        "only stop words": "de het een",
    }


def timed(function, repeat: int, warmup: int = 2) -> float:
    for _ in range(warmup):
        function()
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        function()
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--candidates", type=int, default=100_000)
    parser.add_argument("--applications", type=int, default=30_000)
    parser.add_argument("--repeat", type=int, default=10)
    parser.add_argument(
        "--reuse",
        action="store_true",
        help="measure the database of the previous run again (PostgreSQL), without loading",
    )
    add_database_arguments(parser)
    args = parser.parse_args()
    # The test client logs in without a second factor; the middleware still runs.
    os.environ.setdefault("OTP_REQUIRED_FOR_RECRUITERS", "0")
    if args.reuse:
        _setup_existing(args)
    else:
        setup_django(args, name=DATABASE)
    from django.db import connection
    from django.test import Client
    from django.urls import reverse

    from accounts.models import User
    from candidates.selectors.search import candidate_search_page
    from vacancies.models import Vacancy

    rng = random.Random(2026)
    if not args.reuse:
        started = time.perf_counter()
        load_candidates(args.candidates, rng)
        load_applications(args.applications, rng)
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("VACUUM ANALYZE candidates_candidate")
                cursor.execute("VACUUM ANALYZE candidates_application")
        analyze()
        print(
            f"{connection.vendor}: {args.candidates:,} candidates with CV and letter text, "
            f"{args.applications:,} applications made in {time.perf_counter() - started:.1f} s"
        )
    recruiter = User.objects.get(username="bench")
    vacancies = list(Vacancy.objects.filter(reference__startswith="bench-").order_by("pk"))

    client = Client()
    client.force_login(recruiter)
    url = reverse("candidates:candidate_list")

    def search(query="", number=1, **filters):
        return candidate_search_page(query=query, number=number, **filters)

    print(f"\n{'query':<42} {'found':>7} {'search ms':>10} {'page ms':>8} {'queries':>8}")
    search_times, page_times = [], []
    for label, query in queries(rng).items():
        page = search(query)
        found = f"{page.count:,}{'+' if page.more else ''}"
        seconds = timed(lambda query=query: search(query), args.repeat)
        page_seconds, count, _ = measure(client, f"{url}?{_encode(query)}", args.repeat)
        search_times.append(seconds)
        page_times.append(page_seconds)
        print(
            f"{label:<42} {found:>7} {seconds * 1000:>10.1f} {page_seconds * 1000:>8.1f} {count:>8}"
        )
    print(
        f"{'median of ' + str(len(search_times)) + ' queries':<42} {'':>7} "
        f"{statistics.median(search_times) * 1000:>10.1f} "
        f"{statistics.median(page_times) * 1000:>8.1f}   (target: at most 30 ms)"
    )

    print(f"\n{'candidate list':<42} {'found':>7} {'search ms':>10} {'page ms':>8} {'queries':>8}")
    lists = {
        "first page, no search": ({}, ""),
        "page 20": ({"number": 20}, "page=20"),
        "filter: vacancy": ({"vacancy_id": vacancies[0].pk}, f"vacancy={vacancies[0].pk}"),
        "filter: vacancy + stage": (
            {"vacancy_id": vacancies[0].pk, "stage": "longlist"},
            f"vacancy={vacancies[0].pk}&stage=longlist",
        ),
        "filter: consent": ({"consent": True}, "consent=yes"),
        "filter: source referred": ({"source": "referred"}, "source=referred"),
        "search + vacancy": (
            {"query": "directeur", "vacancy_id": vacancies[1].pk},
            f"q=directeur&vacancy={vacancies[1].pk}",
        ),
    }
    for label, (filters, params) in lists.items():
        filters = {"query": "", **filters}
        page = search(**filters)
        found = f"{page.count:,}{'+' if page.more else ''}"
        seconds = timed(lambda filters=filters: search(**filters), args.repeat)
        page_seconds, count, _ = measure(client, f"{url}?{params}", args.repeat)
        print(
            f"{label:<42} {found:>7} {seconds * 1000:>10.1f} {page_seconds * 1000:>8.1f} {count:>8}"
        )
    print("(target for the first page: at most 20 ms)")
    connection.close()


def _setup_existing(args):
    """Django on the database a previous run left behind (PostgreSQL only)."""
    import sys

    import django

    base = (args.postgres or DEFAULT_POSTGRES).rstrip("/")
    os.environ["DATABASE_URL"] = f"{base}/{DATABASE}"
    os.environ.update({"DEBUG": "0", "SECRET_KEY": "bench-" + "x" * 50, "LOG_LEVEL": "WARNING"})
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "recruitment.settings")
    sys.path.insert(0, str(ROOT))
    django.setup()
    from django.conf import settings

    settings.ALLOWED_HOSTS = ["testserver"]
    settings.SECURE_SSL_REDIRECT = False
    settings.STORAGES["staticfiles"] = {
        "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
    }


def _encode(query: str) -> str:
    from urllib.parse import urlencode

    return urlencode({"q": query})


if __name__ == "__main__":
    main()
