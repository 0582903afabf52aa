"""The interface is Dutch by default and English on request, from the committed catalogues.

The catalogues are made and compiled with (gettext installed):

    .venv/bin/python manage.py makemessages -l nl -l en -e html,txt,py \
        --ignore=.venv --ignore=.tools --ignore=data --ignore=node_modules --ignore=tests
    .venv/bin/python manage.py compilemessages --ignore=.venv --ignore=.tools

Both the .po and the .mo files are committed, so a machine without gettext runs the site in Dutch.
"""

import ast
import gettext
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import translation

from candidates.models import Application
from recruitment.lib.emails import render
from tests.environment import require
from tests.vacancies.factories import VacancyFactory
from vacancies.models import Vacancy

LOCALE = Path(settings.BASE_DIR) / "locale"
NL_PO = LOCALE / "nl" / "LC_MESSAGES" / "django.po"
NL_MO = LOCALE / "nl" / "LC_MESSAGES" / "django.mo"
EN_PO = LOCALE / "en" / "LC_MESSAGES" / "django.po"
EN_MO = LOCALE / "en" / "LC_MESSAGES" / "django.mo"

MAKEMESSAGES_IGNORE = [".venv", ".tools", "data", "node_modules", "tests"]

# %(name)s, %s, %d, %(count)d, %%: what Python's %-formatting reads in a string.
PLACEHOLDER = re.compile(r"%(?:\([^)]*\))?[-#0 +]*\d*(?:\.\d+)?[sdifrxXeEgGcoa%]")


# A small .po reader: enough for what makemessages writes (no polib needed).


def read_po(path: Path) -> list[dict]:
    """The entries of a .po file, without the header and the obsolete (#~) ones.

    Each entry: {"flags": set, "msgctxt": str | None, "msgid": str, "msgid_plural": str | None,
    "msgstr": [str, ...]} where msgstr holds one string, or one per plural form.
    """
    entries = []
    for block in path.read_text(encoding="utf-8").split("\n\n"):
        fields, flags, current = {}, set(), None
        for line in block.strip().splitlines():
            if line.startswith("#,"):
                flags |= {flag.strip() for flag in line[2:].split(",")}
            elif line.startswith("#"):
                continue
            elif line.startswith('"'):
                fields[current] += ast.literal_eval(line)
            else:
                keyword, _, value = line.partition(" ")
                current = keyword
                fields[current] = ast.literal_eval(value)
        if "msgid" not in fields or fields["msgid"] == "":
            continue
        plural = "msgid_plural" in fields
        msgstr = (
            [fields[key] for key in sorted(k for k in fields if k.startswith("msgstr["))]
            if plural
            else [fields["msgstr"]]
        )
        entries.append(
            {
                "flags": flags,
                "msgctxt": fields.get("msgctxt"),
                "msgid": fields["msgid"],
                "msgid_plural": fields.get("msgid_plural"),
                "msgstr": msgstr,
            }
        )
    return entries


def entry_key(entry: dict) -> tuple:
    return (entry["msgctxt"], entry["msgid"], entry["msgid_plural"])


def label(entry: dict) -> str:
    return f"{entry['msgctxt']}|{entry['msgid']}" if entry["msgctxt"] else entry["msgid"]


def placeholders(text: str) -> list[str]:
    return sorted(PLACEHOLDER.findall(text))


@pytest.fixture(scope="module")
def dutch_entries():
    entries = read_po(NL_PO)
    assert len(entries) > 400, "the Dutch catalogue looks truncated"
    return entries


# The catalogues themselves.


def test_every_dutch_entry_is_translated_and_none_is_fuzzy(dutch_entries):
    untranslated = [label(e) for e in dutch_entries if not all(e["msgstr"])]
    fuzzy = [label(e) for e in dutch_entries if "fuzzy" in e["flags"]]

    assert untranslated == []
    assert fuzzy == []


def test_dutch_translations_keep_every_placeholder(dutch_entries):
    broken = []
    for entry in dutch_entries:
        if "python-format" not in entry["flags"]:
            continue
        if entry["msgid_plural"] is None:
            pairs = [(entry["msgid"], entry["msgstr"][0])]
        else:
            pairs = [
                (entry["msgid"], entry["msgstr"][0]),
                (entry["msgid_plural"], entry["msgstr"][1]),
            ]
        broken += [
            (source, text) for source, text in pairs if placeholders(source) != placeholders(text)
        ]

    assert broken == []


def test_plural_entries_have_both_dutch_forms(dutch_entries):
    plurals = [e for e in dutch_entries if e["msgid_plural"] is not None]

    assert plurals, "the catalogue has no plural entries to check"
    assert all(len(e["msgstr"]) == 2 and all(e["msgstr"]) for e in plurals)


def test_committed_dutch_mo_holds_exactly_the_po_translations(dutch_entries):
    with NL_MO.open("rb") as handle:
        catalogue = gettext.GNUTranslations(handle)

    differences = []
    for entry in dutch_entries:
        msgid, msgstr = entry["msgid"], entry["msgstr"]
        if entry["msgid_plural"] is not None:
            compiled = [catalogue.ngettext(msgid, entry["msgid_plural"], n) for n in (1, 2)]
        elif entry["msgctxt"] is not None:
            compiled = [catalogue.pgettext(entry["msgctxt"], msgid)]
        else:
            compiled = [catalogue.gettext(msgid)]
        if compiled != msgstr:
            differences.append((label(entry), msgstr, compiled))
    assert differences == [], "locale/nl django.mo is stale: run compilemessages"

    # Nothing more in the .mo than in the .po (no entries left over from an older compile).
    compiled_ids = {key[0] if isinstance(key, tuple) else key for key in catalogue._catalog}
    expected_ids = {
        f"{e['msgctxt']}\x04{e['msgid']}" if e["msgctxt"] else e["msgid"] for e in dutch_entries
    }
    assert compiled_ids - {""} == expected_ids


def test_english_catalogue_has_the_same_entries_and_compiles(dutch_entries):
    english = read_po(EN_PO)

    assert {entry_key(e) for e in english} == {entry_key(e) for e in dutch_entries}
    assert not [label(e) for e in english if "fuzzy" in e["flags"]]
    with EN_MO.open("rb") as handle:
        gettext.GNUTranslations(handle)  # a valid catalogue; empty msgstr falls back to the msgid


def test_dutch_catalogue_covers_every_string_in_the_source(tmp_path, dutch_entries):
    """makemessages on a copy of the source finds no msgid missing from the committed catalogue."""
    require(shutil.which("xgettext") is not None, "needs gettext (apt-get install gettext)")
    base = Path(settings.BASE_DIR)
    copy = tmp_path / "src"
    shutil.copytree(
        base,
        copy,
        ignore=shutil.ignore_patterns(
            *MAKEMESSAGES_IGNORE, ".git", "locale", "__pycache__", ".ruff_cache", "static", "media"
        ),
    )
    (copy / "locale").mkdir()
    result = subprocess.run(
        [sys.executable, "manage.py", "makemessages", "-l", "nl", "-e", "html,txt,py"]
        + [f"--ignore={name}" for name in MAKEMESSAGES_IGNORE],
        cwd=copy,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert result.returncode == 0, result.stderr

    in_source = {
        entry_key(e) for e in read_po(copy / "locale" / "nl" / "LC_MESSAGES" / "django.po")
    }
    committed = {entry_key(e) for e in dutch_entries}
    missing = sorted(f"{ctx}|{msgid}" if ctx else msgid for ctx, msgid, _ in in_source - committed)
    assert missing == [], (
        "new strings: run makemessages, translate them in locale/nl, compilemessages"
    )


# What a user sees.


def test_the_same_english_word_gets_its_own_dutch_word_per_meaning():
    with translation.override("nl"):
        assert str(Vacancy.Status.APPOINTED.label) == "Vervuld"
        assert str(Application.Stage.APPOINTED.label) == "Benoemd"
        assert str(Vacancy.Status.PUBLISHED.label) == "Gepubliceerd"
        assert str(Application.Stage.SOURCED.label) == "Gevonden via search"
    with translation.override("en"):
        assert str(Vacancy.Status.APPOINTED.label) == "Appointed"


@pytest.mark.django_db
def test_public_vacancy_list_is_dutch_by_default_and_english_after_switching(client):
    VacancyFactory(title="Algemeen Directeur")
    url = reverse("candidates:vacancy_list")

    response = client.get(url)

    assert response.status_code == 200
    content = response.content.decode()
    assert '<html lang="nl">' in content
    assert "Vacatures" in content
    assert "Zoeken" in content
    assert "Algemeen Directeur" in content

    switched = client.post(reverse("set_language"), {"language": "en", "next": url})

    assert switched.status_code == 302
    content = client.get(url).content.decode()
    assert '<html lang="en">' in content
    assert "Search" in content
    assert "Zoeken" not in content


@pytest.mark.django_db
def test_login_page_is_dutch_by_default_and_english_after_switching(client):
    response = client.get(reverse("login"))

    assert response.status_code == 200
    assert "Inloggen" in response.content.decode()

    client.post(reverse("set_language"), {"language": "en", "next": reverse("login")})
    content = client.get(reverse("login")).content.decode()

    assert "Log in" in content
    assert "Inloggen" not in content


@pytest.mark.django_db
def test_back_office_dashboard_shows_dutch_headings_to_a_recruiter(
    recruiter_client, recruiter, client, committee_user
):
    VacancyFactory(lead_consultant=recruiter, title="Algemeen Directeur")
    url = reverse("candidates:dashboard")

    response = recruiter_client.get(url)

    assert response.status_code == 200
    content = response.content.decode()
    for heading in ("Mijn opdrachten", "Nieuwe vacature", "Sluitingsdatum", "Uitloggen"):
        assert heading in content
    assert "My assignments" not in content

    recruiter_client.post(reverse("set_language"), {"language": "en", "next": url})
    content = recruiter_client.get(url).content.decode()
    assert "My assignments" in content
    assert "Mijn opdrachten" not in content

    # The back office stays closed to others, whatever the language.
    client.logout()
    assert client.get(url).status_code == 302
    client.force_login(committee_user)
    assert client.get(url).status_code == 404


def test_candidate_email_is_dutch_and_addresses_the_candidate_formally():
    context = {
        "candidate_name": "Jan de Vries",
        "vacancy_title": "Algemeen Directeur",
        "client_name": "IPO",
        "received_on": "vrijdag 1 mei 2026",
        "closing_date": "vrijdag 15 mei 2026",
        "status_url": "https://example.org/status/abc/",
    }

    subject, text, _html = render(
        name="application_received_candidate", context=context, language="nl"
    )

    assert subject == "Uw sollicitatie voor Algemeen Directeur is ontvangen"
    assert "Geachte Jan de Vries," in text
    assert "Na de sluitingsdatum op vrijdag 15 mei 2026 maken wij een voorselectie." in text
    assert "Met vriendelijke groet," in text

    subject, text, _html = render(
        name="application_received_candidate", context=context, language="en"
    )
    assert subject == "Your application for Algemeen Directeur has been received"
    assert "Dear Jan de Vries," in text
