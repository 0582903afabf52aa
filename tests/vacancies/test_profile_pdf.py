"""The profile (functieprofiel): its versions, the one template of the back office and the public
page, and its PDF: the 2026 IPO seed profile's facts, in the seed's order and in Dutch formatting.

Rendering a PDF takes about a second: the tests that render are few and each checks much.
"""

import io
import logging
import re
from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core.cache import cache
from django.test import Client
from django.urls import reverse
from pypdf import PdfReader

from candidates.demo import builder
from tests.accounts.factories import RecruiterFactory
from tests.vacancies.factories import CommitteeMemberFactory, DraftVacancyFactory
from vacancies.models import ProfileVersion, Vacancy
from vacancies.services.profile import profile_label, profile_record_change
from vacancies.services.vacancy import vacancy_set_status

pytestmark = pytest.mark.django_db

AMS = ZoneInfo("Europe/Amsterdam")
PUBLICATION_DAY = datetime(2026, 4, 17, 9, 0, tzinfo=AMS)
IN_MAY = datetime(2026, 5, 5, 14, 0, tzinfo=AMS)
A4 = (595, 842)  # points, rounded
# A sentence of the seed's reason for the vacancy (section 2).
REASON = "De positie Algemeen Directeur IPO wordt momenteel ad interim ingevuld en nu ook vacant"

SEED_HEADINGS = [
    "1. Interprovinciaal Overleg",
    "2. Aanleiding van de vacature",
    "3. De functie en de directe omgeving",
    "4. De kandidaat",
    "5. Arbeidsvoorwaarden",
    "6. De procedure",
]


def pages_text(pdf: bytes) -> list[str]:
    """The text of each page, whitespace made single spaces (pypdf breaks lines where the PDF
    does)."""
    reader = PdfReader(io.BytesIO(pdf))
    return [" ".join(page.extract_text().split()) for page in reader.pages]


def in_order(text: str, parts: list[str]) -> list[int]:
    positions, start = [], 0
    for part in parts:
        position = text.index(part, start)
        positions.append(position)
        start = position + len(part)
    return positions


@pytest.fixture
def ipo(db):
    """The 2026 IPO vacancy of the demo (the seed's texts, rows, contact and planning), a draft
    the day before its publication."""
    client, locations = builder._ipo()
    return builder._ipo_vacancy(
        reference="ipo-algemeen-directeur-2026",
        client=client,
        locations=locations,
        lead=RecruiterFactory(username="inge"),
        published_on=builder.IPO_2026_PUBLISHED,
        closing_date=builder.IPO_2026_CLOSING,
        today=date(2026, 4, 16),
    )


@pytest.fixture(autouse=True)
def fresh_cache():
    """The public PDF is cached per version: every test starts without one."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def anonymous():
    """A client of its own: `client` is the recruiter's once `recruiter_client` is used."""
    return Client()


@pytest.fixture
def published(ipo, recruiter_client):
    """The IPO vacancy, published through the back office on 17 April 2026."""
    with time_machine.travel(PUBLICATION_DAY, tick=False):
        response = recruiter_client.post(
            reverse("vacancies:vacancy_status", args=[ipo.pk]), {"status": "published"}
        )
    assert response.status_code == 302
    ipo.refresh_from_db()
    assert ipo.status == Vacancy.Status.PUBLISHED
    return ipo


def edit_data(client, vacancy, **changes) -> dict:
    """The vacancy form as the edit page fills it, with `changes`: what a recruiter sends who
    changes only those fields."""
    response = client.get(reverse("vacancies:vacancy_edit", args=[vacancy.pk]))
    data = {}

    def put(bound, name):
        value = bound.value()
        if isinstance(value, bool):
            if value:
                data[name] = "on"
        elif isinstance(value, list | tuple):
            data[name] = [str(item) for item in value]
        elif hasattr(value, "isoformat"):
            data[name] = value.isoformat()
        elif value is not None:
            data[name] = str(value)

    form = response.context["form"]
    for bound in form:
        put(bound, bound.html_name)
    for formset in response.context["formsets"].values():
        for bound in formset.management_form:
            put(bound, bound.html_name)
        for row in formset.forms:
            for bound in row:
                put(bound, bound.html_name)
    data.update(changes)
    return data


# --- versions ------------------------------------------------------------------------------------


def test_publishing_records_version_1_labelled_with_the_publication_month(published, recruiter):
    version = ProfileVersion.objects.get(vacancy=published)

    assert (version.number, version.label) == (1, "April 2026")
    assert version.published_by == recruiter
    assert published.profile_version == "April 2026"
    assert version.content["title"] == "Algemeen Directeur"
    assert version.content["terms"]["salary_min_month"] == "8850.88"
    assert version.content["procedure"]["closing_date"] == "2026-05-15"
    assert len(version.content["requirements"]) == 8
    assert [row["activity"] for row in version.content["planning"]][:1] == ["Openstelling vacature"]


def test_the_label_is_the_month_in_dutch_whatever_the_language():
    from django.utils import translation

    with translation.override("en"):
        assert profile_label(date(2026, 5, 1)) == "Mei 2026"
    assert profile_label(date(2026, 4, 30)) == "April 2026"


def test_an_edit_of_the_published_profile_records_a_new_version_the_old_one_stays_readable(
    published, recruiter_client
):
    old_text = REASON
    new_text = "De positie is per 1 mei 2026 opnieuw vacant gesteld."
    edit_url = reverse("vacancies:vacancy_edit", args=[published.pk])

    with time_machine.travel(IN_MAY, tick=False):
        response = recruiter_client.post(
            edit_url, edit_data(recruiter_client, published, reason_text=new_text)
        )
        assert response.status_code == 302, response.context and response.context["form"].errors
        # Saved again without a change: no new version.
        response = recruiter_client.post(edit_url, edit_data(recruiter_client, published))
        assert response.status_code == 302

    versions = list(published.profile_versions.order_by("number"))
    assert [(v.number, v.label) for v in versions] == [(1, "April 2026"), (2, "Mei 2026")]
    published.refresh_from_db()
    assert published.profile_version == "Mei 2026"

    old = recruiter_client.get(reverse("vacancies:profile_version", args=[published.pk, 1]))
    assert old.status_code == 200
    assert old_text in old.content.decode()
    assert new_text not in old.content.decode()
    assert 'id="version-old"' in old.content.decode()
    new = recruiter_client.get(reverse("vacancies:profile_version", args=[published.pk, 2]))
    assert new_text in new.content.decode()
    assert 'id="version-latest"' in new.content.decode()

    listing = recruiter_client.get(reverse("vacancies:profile_versions", args=[published.pk]))
    html = listing.content.decode()
    assert html.index("Mei 2026") < html.index("April 2026")  # newest first
    assert reverse("vacancies:profile_version", args=[published.pk, 1]) in html

    public = recruiter_client.get(reverse("candidates:vacancy", args=[published.reference]))
    assert new_text in public.content.decode()
    assert "Versie: Mei 2026" in public.content.decode()


def test_a_planning_change_of_a_published_vacancy_is_a_new_version(published, recruiter_client):
    phase = published.phases.get(kind="start")

    with time_machine.travel(IN_MAY, tick=False):
        recruiter_client.post(reverse("vacancies:phase_delete", args=[published.pk, phase.pk]))

    latest = published.profile_versions.order_by("-number").first()
    assert latest.number == 2
    activities = [row["activity"] for row in latest.content["planning"]]
    assert "Start Algemeen Directeur IPO" not in activities
    first = published.profile_versions.get(number=1)
    assert "Start Algemeen Directeur IPO" in [row["activity"] for row in first.content["planning"]]


def test_edits_of_a_draft_record_no_version(ipo, recruiter_client):
    url = reverse("vacancies:vacancy_edit", args=[ipo.pk])
    with time_machine.travel(PUBLICATION_DAY, tick=False):
        response = recruiter_client.post(url, edit_data(recruiter_client, ipo, reason_text="Nieuw"))
    assert response.status_code == 302
    assert not ProfileVersion.objects.exists()


def test_publishing_again_records_a_version_only_when_the_profile_changed(published, recruiter):
    with time_machine.travel(IN_MAY, tick=False):
        vacancy_set_status(vacancy=published, status=Vacancy.Status.DRAFT, by=recruiter)
        vacancy_set_status(vacancy=published, status=Vacancy.Status.PUBLISHED, by=recruiter)
        assert published.profile_versions.count() == 1

        vacancy_set_status(vacancy=published, status=Vacancy.Status.DRAFT, by=recruiter)
        Vacancy.objects.filter(pk=published.pk).update(intro="Een nieuwe inleiding.")
        vacancy_set_status(vacancy=published, status=Vacancy.Status.PUBLISHED, by=recruiter)

    latest = published.profile_versions.order_by("-number").first()
    assert (latest.number, latest.label) == (2, "Mei 2026")
    assert latest.content["intro"] == "Een nieuwe inleiding."


def test_the_public_page_shows_the_published_version_not_later_edits(
    published, recruiter_client, anonymous, django_assert_num_queries
):
    # Closed for applications, the page stays public; an edit now is not published.
    with time_machine.travel(datetime(2026, 5, 16, 9, 0, tzinfo=AMS), tick=False):
        vacancy_set_status(vacancy=published, status=Vacancy.Status.CLOSED)
        recruiter_client.post(
            reverse("vacancies:vacancy_edit", args=[published.pk]),
            edit_data(recruiter_client, published, reason_text="Nog niet gepubliceerd."),
        )
        url = reverse("candidates:vacancy", args=[published.reference])
        # The vacancy and its version in one query: no rows of the profile read.
        with django_assert_num_queries(1):
            response = anonymous.get(url)

    html = response.content.decode()
    assert "Nog niet gepubliceerd." not in html
    assert REASON in html
    assert "Versie: April 2026" in html
    assert published.profile_versions.count() == 1


# --- one template --------------------------------------------------------------------------------


def test_back_office_and_public_page_print_the_same_profile(published, recruiter_client):
    back = recruiter_client.get(reverse("vacancies:detail", args=[published.pk]))
    public = recruiter_client.get(reverse("candidates:vacancy", args=[published.reference]))

    assert "_partials/profile.html" in [t.name for t in back.templates]
    assert "_partials/profile.html" in [t.name for t in public.templates]

    def profile_markup(response):
        html = response.content.decode()
        start = html.index('<div class="profile" id="profile">')
        return html[start : html.index("</section>\n  \n</div>", start)]

    back_html, public_html = profile_markup(back), profile_markup(public)
    for heading in SEED_HEADINGS:
        assert f"<h2>{heading}</h2>" in back_html
        assert f"<h2>{heading}</h2>" in public_html
    # The same, but for the yearly maximum that only the back office shows.
    yearly = r' <dt class="col-sm-4">Jaarmaximum</dt> <dd class="col-sm-8">€ [\d.,]+</dd>'
    assert "Jaarmaximum" in back_html
    assert re.sub(yearly, "", re.sub(r"\s+", " ", back_html)) == re.sub(r"\s+", " ", public_html)


# --- the PDF -------------------------------------------------------------------------------------


def test_the_public_pdf_prints_the_seed_profile(published, anonymous, caplog):
    client = anonymous
    with time_machine.travel(datetime(2026, 5, 1, 12, 0, tzinfo=AMS), tick=False):
        page = client.get(reverse("candidates:vacancy", args=[published.reference]))
        pdf_url = reverse("candidates:vacancy_pdf", args=[published.reference])
        assert pdf_url in page.content.decode()
        with caplog.at_level(logging.WARNING, logger="weasyprint"):
            response = client.get(pdf_url)

    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert (
        response["Content-Disposition"]
        == 'attachment; filename="functieprofiel-ipo-algemeen-directeur-2026-april-2026.pdf"'
    )
    # Logo, stylesheet and fonts all loaded; nothing refused.
    assert not [r for r in caplog.records if r.name.startswith("weasyprint")], caplog.text

    reader = PdfReader(io.BytesIO(response.content))
    assert all((round(p.mediabox.width), round(p.mediabox.height)) == A4 for p in reader.pages)
    assert reader.metadata.title == "Functieprofiel: Algemeen Directeur · Interprovinciaal Overleg"
    pages = pages_text(response.content)
    cover, body = pages[0], " ".join(pages[1:])

    in_order(
        cover,
        [
            "FUNCTIEPROFIEL",
            "Organisatie: Interprovinciaal Overleg",
            "Functie: Algemeen Directeur",
            "Chasse Executive Search Versie: April 2026",
        ],
    )
    assert "Pagina" not in cover  # no running header or footer on the cover

    in_order(
        body,
        [
            SEED_HEADINGS[0],
            "Kortom, het IPO verbindt, vertegenwoordigt én versterkt de provincies.",
            SEED_HEADINGS[1],
            REASON,
            SEED_HEADINGS[2],
            "Verantwoordelijkheden",
            "Ontwikkelen en realiseren van de lange termijnstrategie",
            SEED_HEADINGS[3],
            "Functie-eisen",
            "Academisch werk- en denkniveau.",
            SEED_HEADINGS[4],
            "36 uur per week",
            "schaal 18",
            "van € 8.850,88 tot € 12.568,14 bruto per maand",
            "21,82% van het jaarsalaris",
            SEED_HEADINGS[5],
            "Sluitingsdatum",
            "vrijdag 15 mei 2026",
            "info@chassesearch.nl",
            "Inge Diepenhorst",
            "Planning",
            "17 april – 15 mei 2026",
            "Openstelling vacature",
            "18 – 29 mei 2026",
            "Voorselectie en interviews kandidaten door Chasse",
            "Formele benoeming",
            "Zo spoedig mogelijk",
            "Start Algemeen Directeur IPO",
        ],
    )
    # No section 7 as in the seed (which skips 6): the numbering has no gap.
    assert "7. " not in re.sub(r"\d{2}\.\d{3}", "", body)
    # Every page after the cover: the running header (title, firm and version) and "Pagina n van N".
    total = len(pages)
    assert total >= 4
    for number, text in enumerate(pages[1:], start=2):
        assert "Algemeen Directeur · Interprovinciaal Overleg" in text, number
        assert "Chasse Executive Search · Versie: April 2026" in text, number
        assert f"Pagina {number} van {total}" in text, number


def test_an_empty_section_is_left_out_typed_markup_is_text_and_long_texts_break(
    recruiter_client, caplog
):
    """The recruiter's PDF of a draft: no reason for the vacancy (left out, the numbering closes
    up), HTML and CSS typed into the texts, a very long text, a long list and a word longer than a
    line."""
    server_url = "http://127.0.0.1:9/"
    vacancy = DraftVacancyFactory(
        reason_text="",
        organisation_text=(
            '<style>body { display: none }</style><script>alert("x")</script>'
            f'<img src="{server_url}x.png"> &amp; <b>vet</b>'
        ),
        position_text="\n\n".join(
            f"Alinea {n}: " + "De Algemeen Directeur geeft richting aan de organisatie. " * 12
            for n in range(1, 121)
        ),
        candidate_text="Eén woord: " + "x" * 3000,
    )
    for order in range(1, 201):
        vacancy.requirements.create(order=order, text=f"Eis {order}: ervaring in de provincie.")

    with caplog.at_level(logging.ERROR, logger="weasyprint"):
        response = recruiter_client.get(reverse("vacancies:profile_pdf", args=[vacancy.pk]))

    assert response.status_code == 200
    pages = pages_text(response.content)
    assert len(pages) > 15
    body = " ".join(pages[1:])
    in_order(
        body,
        [
            "1. Interprovinciaal Overleg",
            "2. De functie en de directe omgeving",
            "Alinea 120:",
            "3. De kandidaat",
            "Eis 1: ervaring",
            "Eis 200: ervaring",
            "4. Arbeidsvoorwaarden",
            "5. De procedure",
        ],
    )
    assert "Aanleiding" not in body
    assert "6. " not in body
    compact = "".join(body.split())
    assert '<style>body{display:none}</style><script>alert("x")</script>' in compact
    assert f'<imgsrc="{server_url}x.png">&amp;<b>vet</b>' in compact
    # The image typed as text was never asked for.
    assert not [r for r in caplog.records if "127.0.0.1:9" in r.getMessage()]
    # Every page numbered, also the last of many.
    assert f"Pagina {len(pages)} van {len(pages)}" in pages[-1]


def test_an_old_version_prints_as_it_was(published, recruiter_client):
    with time_machine.travel(IN_MAY, tick=False):
        recruiter_client.post(
            reverse("vacancies:vacancy_edit", args=[published.pk]),
            edit_data(recruiter_client, published, title="Algemeen Directeur a.i."),
        )
    url = reverse("vacancies:profile_pdf", args=[published.pk])

    old = recruiter_client.get(url, {"version": "1"})

    assert old.status_code == 200
    assert old["Content-Disposition"].endswith('-april-2026.pdf"')
    cover = pages_text(old.content)[0]
    assert "Algemeen Directeur a.i." not in cover
    assert "Versie: April 2026" in cover
    assert recruiter_client.get(url, {"version": "3"}).status_code == 404


def test_the_public_pdf_of_a_version_is_made_once(published, anonymous, monkeypatch):
    made = []

    def fake_render(**kwargs):
        made.append(kwargs["context"]["profile"]["title"])
        return b"%PDF-1.7 " + kwargs["context"]["profile"]["title"].encode()

    monkeypatch.setattr("recruitment.lib.pdf.render_pdf", fake_render)
    url = reverse("candidates:vacancy_pdf", args=[published.reference])

    first, second = anonymous.get(url), anonymous.get(url)

    assert first.content == second.content == b"%PDF-1.7 Algemeen Directeur"
    assert made == ["Algemeen Directeur"]
    # A new version is a new document.
    Vacancy.objects.filter(pk=published.pk).update(title="Algemeen Directeur IPO")
    with time_machine.travel(IN_MAY, tick=False):
        profile_record_change(vacancy=published, by=None)
    assert anonymous.get(url).content == b"%PDF-1.7 Algemeen Directeur IPO"
    assert made == ["Algemeen Directeur", "Algemeen Directeur IPO"]


# --- access --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "status", [Vacancy.Status.DRAFT, Vacancy.Status.CLOSED, Vacancy.Status.CANCELLED]
)
def test_the_public_pdf_is_there_only_while_published(published, anonymous, status):
    client = anonymous
    url = reverse("candidates:vacancy_pdf", args=[published.reference])
    with time_machine.travel(datetime(2026, 5, 16, 9, 0, tzinfo=AMS), tick=False):
        vacancy_set_status(vacancy=published, status=status)
        page = client.get(reverse("candidates:vacancy", args=[published.reference]))
        response = client.get(url)

    assert response.status_code == 404
    if page.status_code == 200:  # a closed vacancy's page stays, without the download
        assert url not in page.content.decode()
    assert client.get(reverse("candidates:vacancy_pdf", args=["bestaat-niet"])).status_code == 404


def test_the_back_office_pages_are_for_recruiters_only(published, anonymous, committee_user):
    client = anonymous
    CommitteeMemberFactory(vacancy=published, user=committee_user)
    urls = [
        reverse("vacancies:profile_pdf", args=[published.pk]),
        reverse("vacancies:profile_versions", args=[published.pk]),
        reverse("vacancies:profile_version", args=[published.pk, 1]),
    ]
    for url in urls:
        response = client.get(url)
        assert response.status_code == 302 and response.url.startswith(reverse("login")), url
    client.force_login(committee_user)
    for url in urls:
        assert client.get(url).status_code == 404, url


def test_a_version_of_another_vacancy_or_none_is_not_found(published, recruiter_client):
    other = DraftVacancyFactory()
    assert (
        recruiter_client.get(reverse("vacancies:profile_version", args=[other.pk, 1])).status_code
        == 404
    )
    assert (
        recruiter_client.get(
            reverse("vacancies:profile_version", args=[published.pk, 2])
        ).status_code
        == 404
    )
    listing = recruiter_client.get(reverse("vacancies:profile_versions", args=[other.pk]))
    assert 'id="no-versions"' in listing.content.decode()
