"""Insight per vacancy (candidates:insight_vacancy) and across vacancies (candidates:insight): the
funnel from the stage history, the sources, the time in each stage and the time to shortlist,
counted in the database in a fixed number of queries, shown as tables with charts next to them."""

import re
from datetime import date, datetime, time, timedelta
from statistics import fmean, median

import pytest
import time_machine
from django.urls import reverse
from django.utils import timezone

from candidates.models import Application, Candidate, StageChange
from candidates.selectors import insight
from tests.accounts.factories import RecruiterFactory
from tests.candidates.factories import ApplicationFactory
from tests.candidates.pdfs import private_storage_fixture  # noqa: F401
from tests.vacancies.factories import ClientFactory, CommitteeMemberFactory, VacancyFactory
from vacancies.models import Vacancy

pytestmark = pytest.mark.django_db

Stage = Application.Stage
Source = Application.Source
NOW = "2026-06-20 10:00 +02:00"
# Every request reads the session and the user. (The session is extended at most every few
# minutes, recruitment/middleware.py: the tests make one request first, so that is done.)
REQUEST_QUERIES = 2
# The vacancy, the applications counted per (source, stage, furthest stage), the stays in each
# stage (LEAD over the history), the first move to the shortlist per application.
VACANCY_QUERIES = REQUEST_QUERIES + 4
# The client and year choices of the filters, the vacancies, the applications counted per
# (vacancy, source, stage, furthest stage), the first move to the shortlist per application.
OVERVIEW_QUERIES = REQUEST_QUERIES + 5


@pytest.fixture(autouse=True)
def now():
    with time_machine.travel(NOW, tick=False):
        yield


def at(day: str) -> datetime:
    """10:00 in Amsterdam on `day` (yyyy-mm-dd)."""
    return timezone.make_aware(datetime.combine(date.fromisoformat(day), time(10)))


def history(application: Application, *steps: tuple[str, str]) -> Application:
    """Write `steps` [(stage, day), ...] as the application's history (test setup only)."""
    previous = ""
    for stage, day in steps:
        StageChange.objects.create(
            application=application,
            from_stage=previous,
            to_stage=stage,
            changed_at=at(day),
            rejection_code="profile" if stage == Stage.REJECTED else "",
        )
        previous = stage
    return application


def apply(vacancy, *, source, stage, steps):
    extra = {"rejection_code": "stronger"} if stage == Stage.REJECTED else {}
    application = ApplicationFactory(vacancy=vacancy, source=source, stage=stage, **extra)
    return history(application, *steps)


@pytest.fixture
def vacancy():
    """Five applications with a known history; the closing date is 15 May 2026, today 20 June.

    A applied, longlist, preselection, shortlist, then rejected (after the shortlist).
    B applied, longlist, shortlist (skipping preselection), now in the committee round.
    C sourced, longlist, preselection, rejected.
    D referred, rejected straight after applying.
    E sourced, then applied through the form, now on the longlist.
    """
    vacancy = VacancyFactory(
        title="Algemeen Directeur", status=Vacancy.Status.CLOSED, closing_date=date(2026, 5, 15)
    )
    apply(vacancy, source=Source.APPLIED, stage=Stage.REJECTED, steps=[
        (Stage.APPLIED, "2026-05-01"), (Stage.LONGLIST, "2026-05-16"),
        (Stage.PRESELECTION, "2026-05-20"), (Stage.SHORTLIST, "2026-05-25"),
        (Stage.REJECTED, "2026-06-01"),
    ])  # fmt: skip
    apply(vacancy, source=Source.APPLIED, stage=Stage.COMMITTEE, steps=[
        (Stage.APPLIED, "2026-05-03"), (Stage.LONGLIST, "2026-05-16"),
        (Stage.SHORTLIST, "2026-05-29"), (Stage.COMMITTEE, "2026-06-05"),
    ])  # fmt: skip
    apply(vacancy, source=Source.SOURCED, stage=Stage.REJECTED, steps=[
        (Stage.SOURCED, "2026-05-10"), (Stage.LONGLIST, "2026-05-16"),
        (Stage.PRESELECTION, "2026-05-22"), (Stage.REJECTED, "2026-05-30"),
    ])  # fmt: skip
    apply(vacancy, source=Source.REFERRED, stage=Stage.REJECTED, steps=[
        (Stage.APPLIED, "2026-05-12"), (Stage.REJECTED, "2026-05-16"),
    ])  # fmt: skip
    apply(vacancy, source=Source.SOURCED, stage=Stage.LONGLIST, steps=[
        (Stage.SOURCED, "2026-05-14"), (Stage.APPLIED, "2026-05-15"),
        (Stage.LONGLIST, "2026-05-18"),
    ])  # fmt: skip
    return vacancy


def funnel(counts: insight.Counts) -> dict[str, int]:
    return {row.stage: row.reached for row in counts.funnel}


def cells(html: str, table_id: str) -> list[list[str]]:
    """The text of each row of the table `table_id`, cell by cell."""
    table = re.search(rf'<table[^>]*id="{table_id}".*?</table>', html, re.S).group(0)
    rows = []
    for row in re.findall(r"<tr[^>]*>(.*?)</tr>", table, re.S):
        texts = re.findall(r"<t[hd][^>]*>(.*?)</t[hd]>", row, re.S)
        rows.append([re.sub(r"<[^>]+>|\s+", " ", text).strip() for text in texts])
    return rows


# --- the figures ---------------------------------------------------------------------------------


def test_the_funnel_counts_every_stage_reached_in_the_history(vacancy):
    figures = insight.vacancy_insight(vacancy=vacancy)

    assert figures.counts.total == 5
    # A was rejected after the shortlist: it still reached the shortlist. B skipped the
    # preselection on its way to the committee round: it counts as having passed it.
    assert funnel(figures.counts) == {
        Stage.LONGLIST: 4,
        Stage.PRESELECTION: 3,
        Stage.SHORTLIST: 2,
        Stage.COMMITTEE: 1,
        Stage.PREFERRED: 0,
        Stage.APPOINTED: 0,
    }
    shares = {row.stage: row.share for row in figures.counts.funnel}
    assert shares[Stage.LONGLIST] == 80
    assert shares[Stage.SHORTLIST] == 40


def test_the_funnel_says_how_many_are_in_each_stage_now(vacancy):
    figures = insight.vacancy_insight(vacancy=vacancy)

    now = {row.stage: row.count for row in figures.counts.current}
    assert now == {
        Stage.SOURCED: 0,
        Stage.APPLIED: 0,
        Stage.LONGLIST: 1,
        Stage.PRESELECTION: 0,
        Stage.SHORTLIST: 0,
        Stage.COMMITTEE: 1,
        Stage.PREFERRED: 0,
        Stage.APPOINTED: 0,
        Stage.REJECTED: 3,
        Stage.WITHDRAWN: 0,
    }


def test_each_source_shows_how_far_it_got(vacancy):
    sources = {row.source: row for row in insight.vacancy_insight(vacancy=vacancy).sources}

    assert [row.source for row in sources.values()] == [
        Source.APPLIED,
        Source.SOURCED,
        Source.REFERRED,
    ]
    applied, sourced, referred = sources.values()
    assert applied.total == 2
    assert funnel(applied.counts) == {
        Stage.LONGLIST: 2, Stage.PRESELECTION: 2, Stage.SHORTLIST: 2, Stage.COMMITTEE: 1,
        Stage.PREFERRED: 0, Stage.APPOINTED: 0,
    }  # fmt: skip
    assert applied.shortlist_share == 100
    assert sourced.total == 2
    assert funnel(sourced.counts)[Stage.LONGLIST] == 2
    assert funnel(sourced.counts)[Stage.PRESELECTION] == 1
    assert funnel(sourced.counts)[Stage.SHORTLIST] == 0
    assert sourced.shortlist_share == 0
    assert referred.total == 1
    assert funnel(referred.counts)[Stage.LONGLIST] == 0


def test_the_time_in_each_stage_comes_from_consecutive_moves(vacancy):
    times = {row.stage: row for row in insight.vacancy_insight(vacancy=vacancy).stage_times}

    # Days per application: sourced C 6, E 1; applied A 15, B 13, D 4, E 3; longlist A 4,
    # B 13, C 6 and E 33 (still there: up to now); preselection A 5, C 8; shortlist A 7, B 7;
    # committee B 15 (up to now). Rejected is a final stage and is not timed.
    assert (times[Stage.SOURCED].count, times[Stage.SOURCED].median) == (2, pytest.approx(3.5))
    assert times[Stage.APPLIED].median == pytest.approx(8.5)
    assert times[Stage.APPLIED].average == pytest.approx(8.75)
    assert times[Stage.LONGLIST].count == 4
    assert times[Stage.LONGLIST].median == pytest.approx(9.5)
    assert times[Stage.LONGLIST].average == pytest.approx(14)
    assert times[Stage.PRESELECTION].median == pytest.approx(6.5)
    assert times[Stage.SHORTLIST].median == pytest.approx(7)
    assert times[Stage.COMMITTEE].median == pytest.approx(15)
    assert times[Stage.PREFERRED].count == 0
    assert times[Stage.PREFERRED].median is None
    assert Stage.REJECTED not in times


def test_two_stays_in_one_stage_add_up(vacancy):
    application = apply(vacancy, source=Source.APPLIED, stage=Stage.PRESELECTION, steps=[
        (Stage.APPLIED, "2026-06-01"), (Stage.PRESELECTION, "2026-06-03"),
        (Stage.LONGLIST, "2026-06-04"), (Stage.PRESELECTION, "2026-06-10"),
    ])  # fmt: skip
    times = {row.stage: row for row in insight.vacancy_insight(vacancy=vacancy).stage_times}

    # One day, then again from 10 June up to now (10 days): 11 days for this application.
    assert times[Stage.PRESELECTION].count == 3
    assert times[Stage.PRESELECTION].median == pytest.approx(8)  # 5, 8 and 11
    assert application.pk


def test_a_finished_procedure_does_not_count_stays_up_to_now(vacancy):
    Vacancy.objects.filter(pk=vacancy.pk).update(status=Vacancy.Status.APPOINTED)
    vacancy.refresh_from_db()
    times = {row.stage: row for row in insight.vacancy_insight(vacancy=vacancy).stage_times}

    # E's stay on the longlist and B's in the committee round never ended: left out.
    assert times[Stage.LONGLIST].count == 3
    assert times[Stage.LONGLIST].median == pytest.approx(6)
    assert times[Stage.COMMITTEE].count == 0


def test_the_time_to_shortlist_counts_from_entry_and_from_the_closing_date(vacancy):
    shortlist = insight.vacancy_insight(vacancy=vacancy).shortlist

    # A: 1 May -> 25 May; B: 3 May -> 29 May. Closing date 15 May: 10 and 14 days later.
    assert sorted(shortlist.from_entry) == [24, 26]
    assert shortlist.count == 2
    assert shortlist.median_from_entry == 25
    assert sorted(shortlist.from_closing) == [10, 14]
    assert shortlist.median_from_closing == 12
    assert shortlist.average_from_closing == 12


def test_an_empty_vacancy_has_zeros_and_no_medians():
    vacancy = VacancyFactory()
    figures = insight.vacancy_insight(vacancy=vacancy)

    assert figures.counts.total == 0
    assert set(funnel(figures.counts).values()) == {0}
    assert {row.share for row in figures.counts.funnel} == {None}
    assert {row.shortlist_share for row in figures.sources} == {None}
    assert {row.median for row in figures.stage_times} == {None}
    assert figures.shortlist.median_from_entry is None
    assert figures.shortlist.average_from_closing is None


@pytest.mark.usefixtures("private_storage")
def test_the_demo_figures_match_a_count_by_hand():
    """Every demo vacancy, counted by the selector and naively in Python from the history."""
    from candidates.demo.builder import demo_load

    vacancies = demo_load().vacancies.values()
    rank = {stage: i for i, stage in enumerate(Application.FORWARD)}
    for vacancy in vacancies:
        figures = insight.vacancy_insight(vacancy=vacancy)
        applications = list(
            Application.objects.filter(vacancy=vacancy).prefetch_related("stage_changes")
        )
        tops = []
        for application in applications:
            stages = {c.to_stage for c in application.stage_changes.all()} | {application.stage}
            tops.append(max((rank[s] for s in stages if s in rank), default=-1))
        assert figures.counts.total == len(applications)
        for stage in insight.FUNNEL_STAGES:
            assert funnel(figures.counts)[stage] == sum(top >= rank[stage] for top in tops)
        shortlisted = []
        for application in applications:
            changes = sorted(application.stage_changes.all(), key=lambda c: (c.changed_at, c.pk))
            moves = [c.changed_at for c in changes if c.to_stage == Stage.SHORTLIST]
            if moves:
                shortlisted.append((moves[0] - changes[0].changed_at).total_seconds() / 86400)
        expected = median(shortlisted) if shortlisted else None
        assert figures.shortlist.median_from_entry == pytest.approx(expected)
        if shortlisted:
            assert figures.shortlist.average_from_entry == pytest.approx(fmean(shortlisted))


# --- the page of one vacancy ---------------------------------------------------------------------


def test_the_vacancy_page_shows_the_figures_as_tables(recruiter_client, vacancy):
    response = recruiter_client.get(reverse("candidates:insight_vacancy", args=[vacancy.pk]))

    assert response.status_code == 200
    html = response.content.decode()
    assert "<h1" in html and "Algemeen Directeur" in html
    assert 'id="vacancy-tabs"' in html
    assert re.search(r'class="nav-link active"[^>]*data-tab="insight"', html)
    assert "Trechter" in html
    funnel_rows = cells(html, "funnel-table")
    assert funnel_rows[0] == ["Fase", "Bereikt", "Aandeel van alle sollicitaties"]
    assert ["Alle sollicitaties", "5", "100%"] in funnel_rows
    assert ["Shortlist", "2", "40%"] in funnel_rows
    assert ["Voorselectie", "3", "60%"] in funnel_rows
    current = cells(html, "current-table")
    assert ["Afgewezen", "3"] in current
    assert ["Commissieronde", "1"] in current
    sources = cells(html, "sources-table")
    assert ["Gevonden via search", "2", "2", "1", "0", "0", "0", "0", "0%"] in sources
    assert ["Gesolliciteerd", "2", "2", "2", "2", "1", "0", "0", "100%"] in sources
    times = cells(html, "stage-times-table")
    assert ["Gesolliciteerd", "4", "8,5", "8,8"] in times
    assert ["Longlist", "4", "9,5", "14,0"] in times
    assert ["Voorkeurskandidaat", "0", "–", "–"] in times
    shortlist = cells(html, "shortlist-table")
    assert shortlist[1][1:] == ["2", "25,0", "25,0"]
    assert shortlist[2][1:] == ["2", "12,0", "12,0"]


def test_the_charts_get_their_data_through_json_script_and_no_inline_script(
    recruiter_client, vacancy
):
    response = recruiter_client.get(reverse("candidates:insight_vacancy", args=[vacancy.pk]))

    html = response.content.decode()
    data = response.context["charts"]
    assert data["funnel"]["datasets"][0]["data"] == [5, 4, 3, 2, 1, 0, 0]
    assert data["stage_times"]["datasets"][0]["data"][1] == 8.5
    assert '<script id="insight-data" type="application/json">' in html
    for tag in re.findall(r"<script[^>]*>", html):
        assert "src=" in tag or 'type="application/json"' in tag, tag
    assert "onclick" not in html
    assert 'src="/static/js/insight.js"' in html
    # Each chart is an image with its figures in words, hidden until the script draws it.
    canvas = re.search(r'<figure[^>]*data-insight-chart="funnel"[^>]*hidden>\s*<canvas[^>]*>', html)
    assert canvas
    assert 'role="img"' in canvas.group(0)
    assert 'aria-label="Trechter: Alle sollicitaties 5; Longlist 4;' in canvas.group(0)


def test_without_chartjs_the_page_shows_its_tables_only(recruiter_client, vacancy, monkeypatch):
    from candidates.views import insight as views

    monkeypatch.setattr(views.finders, "find", lambda path: None)
    monkeypatch.setattr(views.staticfiles_storage, "exists", lambda path: False)
    response = recruiter_client.get(reverse("candidates:insight_vacancy", args=[vacancy.pk]))

    html = response.content.decode()
    assert response.status_code == 200
    assert "chart.umd" not in html
    assert 'id="funnel-table"' in html


def test_chartjs_is_served_by_the_app_when_installed(recruiter_client, vacancy):
    from django.contrib.staticfiles import finders

    if not finders.find("vendor/chartjs/chart.umd.min.js"):
        pytest.skip("Chart.js is not installed (make npm-packages needs npm)")
    response = recruiter_client.get(reverse("candidates:insight_vacancy", args=[vacancy.pk]))

    assert 'src="/static/vendor/chartjs/chart.umd.min.js" defer' in response.content.decode()


def test_an_empty_vacancy_page_says_so_without_charts(recruiter_client):
    vacancy = VacancyFactory()
    response = recruiter_client.get(reverse("candidates:insight_vacancy", args=[vacancy.pk]))

    assert response.status_code == 200
    html = response.content.decode()
    assert "Deze vacature heeft nog geen sollicitaties" in html
    assert ["Alle sollicitaties", "0", "–"] in cells(html, "funnel-table")
    assert "insight-data" not in html


def test_the_vacancy_page_needs_a_recruiter(client, committee_user, vacancy):
    url = reverse("candidates:insight_vacancy", args=[vacancy.pk])
    assert url == f"/kantoor/vacatures/{vacancy.pk}/inzicht/"

    response = client.get(url)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))

    # Even a member of this vacancy's own committee does not get to see it.
    CommitteeMemberFactory(vacancy=vacancy, user=committee_user)
    client.force_login(committee_user)
    assert client.get(url).status_code == 404


def test_an_unknown_vacancy_is_not_found(recruiter_client):
    assert recruiter_client.get("/kantoor/vacatures/987654/inzicht/").status_code == 404


# --- across vacancies ----------------------------------------------------------------------------


@pytest.fixture
def vacancies(vacancy):
    """Three more vacancies besides `vacancy` (IPO, closed, closing 2026)."""
    twente = ClientFactory(name="Regio Twente", short_name="")
    older = VacancyFactory(
        client=vacancy.client, title="Directeur BIJ12", status=Vacancy.Status.APPOINTED,
        published_on=date(2020, 12, 1), closing_date=date(2021, 1, 3),
    )  # fmt: skip
    apply(older, source=Source.APPLIED, stage=Stage.APPOINTED, steps=[
        (Stage.APPLIED, "2020-12-20"), (Stage.SHORTLIST, "2021-01-13"),
        (Stage.APPOINTED, "2021-02-20"),
    ])  # fmt: skip
    apply(older, source=Source.SOURCED, stage=Stage.WITHDRAWN, steps=[
        (Stage.SOURCED, "2020-12-22"), (Stage.WITHDRAWN, "2021-01-05"),
    ])  # fmt: skip
    secretaris = VacancyFactory(
        client=twente, title="Secretaris", status=Vacancy.Status.PUBLISHED,
        closing_date=date(2026, 7, 1),
    )  # fmt: skip
    apply(secretaris, source=Source.REFERRED, stage=Stage.APPLIED, steps=[
        (Stage.APPLIED, "2026-06-10"),
    ])  # fmt: skip
    empty = VacancyFactory(client=twente, title="Concept", status=Vacancy.Status.DRAFT)
    return {"ipo": vacancy, "older": older, "twente": secretaris, "empty": empty}


def test_the_overview_has_a_row_per_vacancy_and_the_totals(recruiter_client, vacancies):
    overview = insight.insight_overview()

    rows = {row.vacancy.title: row for row in overview.rows}
    assert set(rows) == {"Algemeen Directeur", "Directeur BIJ12", "Secretaris", "Concept"}
    assert rows["Algemeen Directeur"].counts.total == 5
    assert rows["Algemeen Directeur"].shortlist_reached == 2
    assert rows["Algemeen Directeur"].shortlist.median_from_entry == 25
    assert rows["Directeur BIJ12"].shortlist_reached == 1
    assert rows["Directeur BIJ12"].shortlist.from_closing == [10]
    assert rows["Concept"].counts.total == 0
    assert rows["Concept"].shortlist.median_from_entry is None
    assert overview.counts.total == 8
    assert overview.shortlist_reached == 3
    # The median over every shortlisted application, not a median of medians: 24, 24 and 26.
    assert overview.shortlist.median_from_entry == 24
    assert funnel(overview.counts)[Stage.APPOINTED] == 1
    sources = {row.source: row.total for row in overview.sources}
    assert sources == {Source.APPLIED: 3, Source.SOURCED: 3, Source.REFERRED: 2}

    response = recruiter_client.get(reverse("candidates:insight"))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Inzicht in alle vacatures" in html
    table = cells(html, "vacancies-table")
    ipo = next(row for row in table if row and row[0] == "Algemeen Directeur")
    # Vacancy, client, status, closing date, applications, ten stages, reached, two medians.
    assert ipo == [
        "Algemeen Directeur", "IPO", "Gesloten", "15 mei 2026", "5",
        "0", "0", "1", "0", "0", "1", "0", "0", "3", "0", "2", "25,0", "12,0",
    ]  # fmt: skip
    total = table[-1]
    assert total[:2] == ["Totaal", "8"]
    assert total[-3:] == ["3", "24,0", "10,0"]
    assert f'href="{reverse("candidates:insight_vacancy", args=[vacancies["twente"].pk])}"' in html
    assert ["Alle sollicitaties", "8", "100%"] in cells(html, "funnel-table")


@pytest.mark.parametrize(
    ("query", "titles"),
    [
        ("status=appointed", {"Directeur BIJ12"}),
        ("year=2021", {"Directeur BIJ12"}),
        ("year=2026", {"Algemeen Directeur", "Secretaris", "Concept"}),
        ("client={twente}", {"Secretaris", "Concept"}),
        ("client={ipo}&year=2026&status=closed", {"Algemeen Directeur"}),
        ("status=draft&year=2021", set()),
    ],
)
def test_the_overview_filters_by_status_client_and_year(recruiter_client, vacancies, query, titles):
    query = query.format(twente=vacancies["twente"].client_id, ipo=vacancies["ipo"].client_id)
    response = recruiter_client.get(f"{reverse('candidates:insight')}?{query}")

    assert response.status_code == 200
    overview = response.context["overview"]
    assert {row.vacancy.title for row in overview.rows} == titles
    assert overview.counts.total == sum(row.counts.total for row in overview.rows)
    html = response.content.decode()
    if not titles:
        assert "Geen vacatures in deze selectie." in html
        assert "insight-data" not in html


def test_the_filter_choices_are_the_clients_statuses_and_years(recruiter_client, vacancies):
    html = recruiter_client.get(reverse("candidates:insight")).content.decode()

    assert '<label class="form-label" for="id_year">Jaar van de sluitingsdatum</label>' in html
    assert '<option value="2021">2021</option>' in html
    assert '<option value="2026">2026</option>' in html
    assert ">Regio Twente</option>" in html
    assert '<option value="appointed">Vervuld</option>' in html


@pytest.mark.parametrize(
    "query",
    ["year=abc", "year=1999", "client=999999", "client=x", "status=%27%3B--", "year=" + "9" * 500],
)
def test_a_filter_that_is_not_understood_is_left_out_with_a_message(
    recruiter_client, vacancies, query
):
    response = recruiter_client.get(f"{reverse('candidates:insight')}?{query}")

    assert response.status_code == 200
    html = response.content.decode()
    assert "Een filter werd niet begrepen en is weggelaten" in html
    assert len(response.context["overview"].rows) == 4


def test_the_overview_needs_a_recruiter(client, committee_user):
    url = reverse("candidates:insight")
    assert url == "/kantoor/inzicht/"

    response = client.get(url)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))

    client.force_login(committee_user)
    assert client.get(url).status_code == 404


def test_the_overview_without_vacancies(recruiter_client):
    response = recruiter_client.get(reverse("candidates:insight"))

    assert response.status_code == 200
    assert "Geen vacatures in deze selectie." in response.content.decode()


# --- queries: the same with 10 and with 1,000 applications ---------------------------------------


def fill(vacancy: Vacancy, count: int) -> None:
    """`count` applications with a history of two to four moves each, made in bulk."""
    start = Candidate.objects.count()
    candidates = Candidate.objects.bulk_create(
        Candidate(first_name="Kandidaat", last_name=str(i), email=f"bulk{i}@example.org")
        for i in range(start, start + count)
    )
    plans = [
        (Source.APPLIED, [Stage.APPLIED]),
        (Source.APPLIED, [Stage.APPLIED, Stage.LONGLIST, Stage.REJECTED]),
        (Source.SOURCED, [Stage.SOURCED, Stage.LONGLIST, Stage.PRESELECTION]),
        (Source.REFERRED, [Stage.APPLIED, Stage.LONGLIST, Stage.SHORTLIST, Stage.REJECTED]),
    ]
    applications = Application.objects.bulk_create(
        Application(
            candidate=candidate,
            vacancy=vacancy,
            source=plans[i % 4][0],
            stage=plans[i % 4][1][-1],
            rejection_code="profile" if plans[i % 4][1][-1] == Stage.REJECTED else "",
        )
        for i, candidate in enumerate(candidates)
    )
    first = at("2026-05-01")
    StageChange.objects.bulk_create(
        StageChange(
            application=application,
            from_stage=stages[step - 1] if step else "",
            to_stage=stage,
            changed_at=first + timedelta(days=3 * step, hours=i % 24),
            rejection_code="profile" if stage == Stage.REJECTED else "",
        )
        for i, application in enumerate(applications)
        for stages in [plans[i % 4][1]]
        for step, stage in enumerate(stages)
    )


@pytest.mark.parametrize("count", [10, 1000])
def test_the_vacancy_page_takes_the_same_queries_with_10_or_1000_applications(
    recruiter_client, django_assert_num_queries, count
):
    vacancy = VacancyFactory()
    fill(vacancy, count)
    url = reverse("candidates:insight_vacancy", args=[vacancy.pk])
    recruiter_client.get(url)

    with django_assert_num_queries(VACANCY_QUERIES):
        response = recruiter_client.get(url)

    assert response.context["insight"].counts.total == count
    assert funnel(response.context["insight"].counts)[Stage.SHORTLIST] == count // 4


@pytest.mark.parametrize("count", [10, 1000])
def test_the_overview_takes_the_same_queries_with_10_or_1000_applications(
    recruiter_client, django_assert_num_queries, count
):
    for reference in ("een", "twee", "drie"):
        fill(VacancyFactory(reference=f"bulk-{reference}"), count)
    VacancyFactory(reference="zonder-sollicitaties")
    recruiter_client.get(reverse("candidates:insight"))

    with django_assert_num_queries(OVERVIEW_QUERIES):
        response = recruiter_client.get(reverse("candidates:insight"), {"year": "2026"})

    assert response.context["overview"].counts.total == 3 * count
    assert len(response.context["overview"].rows) == 4


def test_any_recruiter_sees_the_insight_of_any_vacancy(client, vacancy):
    """Any recruiter of the firm sees the insight, not only the vacancy's lead consultant."""
    client.force_login(RecruiterFactory(username="collega"))
    assert client.get(reverse("candidates:insight_vacancy", args=[vacancy.pk])).status_code == 200


# --- in the browser ------------------------------------------------------------------------------


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_the_charts_are_drawn_next_to_accessible_tables(live_server, page, recruiter, vacancy):
    from django.contrib.staticfiles import finders

    from tests.e2e.conftest import assert_accessible, horizontal_overflow, log_in

    if not finders.find("vendor/chartjs/chart.umd.min.js"):
        pytest.skip("Chart.js is not installed (make npm-packages needs npm)")
    url = reverse("candidates:insight_vacancy", args=[vacancy.pk])
    log_in(page, live_server, recruiter, start_url=url)

    for key in ("funnel", "current", "sources", "stage_times"):
        figure = page.locator(f'[data-insight-chart="{key}"]')
        figure.wait_for(state="visible")
        drawn = page.evaluate(
            "key => !!Chart.getChart(document.getElementById('insight-chart-' + key))", key
        )
        assert drawn, key
    assert page.locator("#funnel-table").is_visible()
    assert_accessible(page)

    page.set_viewport_size({"width": 375, "height": 800})
    page.goto(live_server.url + reverse("candidates:insight"))
    page.locator('[data-insight-chart="funnel"]').wait_for(state="visible")
    assert horizontal_overflow(page) == 0
    assert_accessible(page)
