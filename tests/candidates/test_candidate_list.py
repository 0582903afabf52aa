"""The candidate list: search box, filters, pages, htmx, access and the number of queries."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from candidates.models import Application, Candidate
from candidates.selectors.search import COUNT_CAP, PAGE_SIZE
from candidates.services.search import candidate_reindex
from tests.candidates.factories import ApplicationFactory, CandidateFactory
from tests.vacancies.factories import CommitteeMemberFactory, VacancyFactory

pytestmark = pytest.mark.django_db

URL = "candidates:candidate_list"


def make_candidate(**fields) -> Candidate:
    candidate = CandidateFactory(**fields)
    candidate_reindex(candidate_id=candidate.pk)
    return candidate


def names(response) -> list[str]:
    return [candidate.full_name for candidate in response.context["page"].object_list]


def get(client, **params):
    return client.get(reverse(URL), params)


def bulk_candidates(count: int, *, vacancy=None, start: int = 0) -> list[Candidate]:
    candidates = Candidate.objects.bulk_create(
        Candidate(
            first_name="Kandidaat",
            last_name=f"Nummer {i}",
            email=f"bulk{i}@example.org",
            current_position="Directeur",
            current_organisation="Provincie Utrecht",
            search_text=f"kandidaat nummer {i} bulk{i}@example.org directeur provincie utrecht",
        )
        for i in range(start, start + count)
    )
    if vacancy is not None:
        Application.objects.bulk_create(
            Application(candidate=candidate, vacancy=vacancy, stage="longlist")
            for candidate in candidates
        )
    return candidates


# Access


def test_anonymous_is_sent_to_the_login_page(client):
    response = client.get(reverse(URL))

    assert response.status_code == 302
    assert response.url.startswith(reverse("login"))


def test_committee_member_gets_404(client):
    member = CommitteeMemberFactory()
    client.force_login(member.user)

    assert client.get(reverse(URL)).status_code == 404
    assert client.get(reverse(URL), {"q": "jansen"}).status_code == 404


# What a recruiter sees


def test_rows_show_name_email_position_latest_application_and_date(recruiter_client):
    inge = make_candidate(
        first_name="Inge",
        last_name="Jansen",
        email="inge@example.nl",
        current_position="Griffier",
        current_organisation="Waterschap Rivierenland",
    )
    old = ApplicationFactory(candidate=inge, vacancy=VacancyFactory(title="Secretaris"))
    Application.objects.filter(pk=old.pk).update(created_at=timezone.now() - timedelta(days=30))
    ApplicationFactory(
        candidate=inge, vacancy=VacancyFactory(title="Algemeen Directeur IPO"), stage="shortlist"
    )
    make_candidate(first_name="Piet", last_name="Bakker")

    response = get(recruiter_client)

    assert response.status_code == 200
    html = response.content.decode()
    assert "<h1" in html and "Kandidaten" in html
    for text in [
        "Inge Jansen",
        "inge@example.nl",
        "Griffier",
        "Waterschap Rivierenland",
        "Algemeen Directeur IPO",
        "Shortlist",
        reverse("candidates:candidate_detail", args=[inge.pk]),
        "2 kandidaten",
        'for="id_q"',
        'for="id_vacancy"',
        'for="id_added_since"',
    ]:
        assert text in html, text
    assert "Secretaris" not in html.split("<tbody>")[1]  # only the latest application
    assert names(response) == ["Piet Bakker", "Inge Jansen"]  # newest first


def test_empty_database_says_so(recruiter_client):
    response = get(recruiter_client)

    assert "Nog geen kandidaten." in response.content.decode()


def test_search_shows_only_matches_and_says_when_nothing_is_found(recruiter_client):
    make_candidate(first_name="Inge", last_name="Jansen", current_position="Griffier")
    make_candidate(first_name="Piet", last_name="Bakker", current_position="Secretaris")

    assert names(get(recruiter_client, q="griffier")) == ["Inge Jansen"]
    response = get(recruiter_client, q="burgemeester")
    assert names(response) == []
    assert "Geen kandidaten gevonden." in response.content.decode()


def test_htmx_search_returns_only_the_table(recruiter_client):
    make_candidate(first_name="Inge", last_name="Jansen")

    response = recruiter_client.get(reverse(URL), {"q": "inge"}, headers={"HX-Request": "true"})

    html = response.content.decode()
    assert response.status_code == 200
    assert "Inge Jansen" in html
    assert "<html" not in html
    assert "<form" not in html
    assert next(t.name for t in response.templates) == "candidates/_candidate_table.html"


def test_page_without_javascript_has_a_plain_get_form(recruiter_client):
    html = get(recruiter_client).content.decode()

    assert 'method="get"' in html
    assert f'action="{reverse(URL)}"' in html
    assert 'type="submit"' in html


# Filters


def test_filter_by_vacancy_and_stage_looks_at_one_application(recruiter_client):
    ipo, twente = VacancyFactory(title="Directeur IPO"), VacancyFactory(title="Secretaris Twente")
    a = make_candidate(first_name="Anna", last_name="de Boer")
    b = make_candidate(first_name="Bram", last_name="Dekker")
    c = make_candidate(first_name="Carla", last_name="Smit")
    ApplicationFactory(candidate=a, vacancy=ipo, stage="shortlist")
    ApplicationFactory(candidate=a, vacancy=twente, stage="applied")
    ApplicationFactory(candidate=b, vacancy=ipo, stage="applied")
    ApplicationFactory(candidate=b, vacancy=twente, stage="shortlist")
    ApplicationFactory(candidate=c, vacancy=twente, stage="longlist", source="sourced")

    assert set(names(get(recruiter_client, vacancy=ipo.pk))) == {"Anna de Boer", "Bram Dekker"}
    assert names(get(recruiter_client, vacancy=ipo.pk, stage="shortlist")) == ["Anna de Boer"]
    assert names(get(recruiter_client, stage="longlist")) == ["Carla Smit"]
    assert names(get(recruiter_client, source="sourced")) == ["Carla Smit"]
    assert names(get(recruiter_client, vacancy=ipo.pk, source="sourced")) == []


def test_filter_by_consent(recruiter_client):
    yes = make_candidate(first_name="Anna", last_name="de Boer")
    no = make_candidate(first_name="Bram", last_name="Dekker")
    ApplicationFactory(candidate=yes, consent_talent_pool=True)
    ApplicationFactory(candidate=yes, consent_talent_pool=False)
    ApplicationFactory(candidate=no, consent_talent_pool=False)

    assert names(get(recruiter_client, consent="yes")) == ["Anna de Boer"]
    assert names(get(recruiter_client, consent="no")) == ["Bram Dekker"]
    assert len(names(get(recruiter_client, consent=""))) == 2


def test_filter_added_since(recruiter_client):
    old = make_candidate(first_name="Oud", last_name="Bekend")
    Candidate.objects.filter(pk=old.pk).update(created_at=timezone.now() - timedelta(days=400))
    make_candidate(first_name="Nieuw", last_name="Gevonden")
    since = (timezone.localdate() - timedelta(days=30)).isoformat()

    assert names(get(recruiter_client, added_since=since)) == ["Nieuw Gevonden"]


def test_search_and_filters_combine(recruiter_client):
    vacancy = VacancyFactory()
    a = make_candidate(first_name="Anna", last_name="de Boer", current_position="Griffier")
    make_candidate(first_name="Bram", last_name="Dekker", current_position="Griffier")
    ApplicationFactory(candidate=a, vacancy=vacancy)

    assert names(get(recruiter_client, q="griffier", vacancy=vacancy.pk)) == ["Anna de Boer"]


@pytest.mark.parametrize(
    "params",
    [
        {"vacancy": "abc"},
        {"vacancy": "99999999"},
        {"vacancy": "-1"},
        {"stage": "bogus"},
        {"source": "<script>"},
        {"consent": "maybe"},
        {"added_since": "gisteren"},
        {"added_since": "2026-13-45"},
        {"page": "abc"},
        {"page": "-5"},
        {"page": "99999999999999999999"},
        {"page": "0"},
    ],
)
def test_invalid_filters_are_reported_and_ignored(recruiter_client, params):
    make_candidate(first_name="Inge", last_name="Jansen")

    response = get(recruiter_client, **params)

    assert response.status_code == 200
    assert names(response) == ["Inge Jansen"]
    if "page" not in params:
        assert response.context["form"].errors
        assert 'role="alert"' in response.content.decode()


def test_invalid_date_message_is_dutch(recruiter_client):
    html = get(recruiter_client, added_since="gisteren").content.decode()

    assert "Vul een datum in" in html


# Pages


def test_fifty_a_page_with_next_and_previous(recruiter_client):
    bulk_candidates(PAGE_SIZE + 5)

    first = get(recruiter_client)
    second = get(recruiter_client, page=2)
    beyond = get(recruiter_client, page=99)

    assert len(first.context["page"].object_list) == PAGE_SIZE
    assert first.context["page"].has_next
    assert "55 kandidaten" in first.content.decode()
    assert "Pagina 1 van 2" in first.content.decode()
    assert len(second.context["page"].object_list) == 5
    assert not second.context["page"].has_next
    assert beyond.context["page"].number == 2


def test_pages_keep_the_search_and_filters(recruiter_client):
    vacancy = VacancyFactory()
    bulk_candidates(PAGE_SIZE + 1, vacancy=vacancy)

    html = get(recruiter_client, q="directeur", vacancy=vacancy.pk).content.decode()

    assert f"?q=directeur&amp;vacancy={vacancy.pk}&amp;page=2" in html


def test_large_result_is_counted_up_to_the_cap(recruiter_client):
    bulk_candidates(COUNT_CAP + 10)

    response = get(recruiter_client)

    page = response.context["page"]
    assert page.more and page.count == COUNT_CAP and page.num_pages is None
    assert "Meer dan 1.000 kandidaten" in response.content.decode()
    assert page.has_next
    page_21 = get(recruiter_client, page=21).context["page"]
    assert page_21.number == 21
    assert len(page_21.object_list) == COUNT_CAP + 10 - 20 * PAGE_SIZE
    assert not page_21.has_next
    assert get(recruiter_client, page=99).context["page"].number == 21


# Queries


@pytest.mark.parametrize(
    "params", [{}, {"q": "directeur"}, {"vacancy": "VACANCY", "stage": "longlist", "consent": "no"}]
)
def test_query_count_is_the_same_with_10_and_1000_candidates(
    recruiter_client, django_assert_num_queries, django_assert_max_num_queries, params
):
    vacancy = VacancyFactory()
    params = {k: (vacancy.pk if v == "VACANCY" else v) for k, v in params.items()}
    bulk_candidates(10, vacancy=vacancy)
    # Session and user; the vacancies of the filter; the matching numbers (the capped count),
    # the page's rows and their latest applications; (the session saved).
    with django_assert_max_num_queries(7) as few:
        get(recruiter_client, **params)
    assert [q["sql"].split()[0] for q in few.captured_queries].count("SELECT") >= 6

    bulk_candidates(990, vacancy=vacancy, start=10)
    with django_assert_num_queries(len(few.captured_queries)):
        response = get(recruiter_client, **params)
    assert len(response.context["page"].object_list) == PAGE_SIZE
