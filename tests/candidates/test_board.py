"""The board of a vacancy: access, columns and counts, cards, a column's own pages, and a number
of queries that does not grow with the applications."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from candidates.models import Application, Assessment, AssessmentScore, Candidate
from candidates.selectors.board import board_get
from tests.candidates.factories import ApplicationFactory, CandidateFactory
from tests.vacancies.factories import CommitteeMemberFactory, RequirementFactory, VacancyFactory

pytestmark = pytest.mark.django_db

Stage = Application.Stage

# The session and the user; the vacancy, the counts per stage, the ranking within each stage,
# the cards shown (with candidate and score).
REQUEST_QUERIES = 2
BOARD_QUERIES = REQUEST_QUERIES + 4


def board_url(vacancy):
    return reverse("candidates:board", args=[vacancy.pk])


def column_url(vacancy, key, page=None):
    url = reverse("candidates:board_column", args=[vacancy.pk, key])
    return f"{url}?page={page}" if page else url


def add(vacancy, stage, *, days=0, **candidate):
    application = ApplicationFactory(
        vacancy=vacancy,
        stage=stage,
        candidate=CandidateFactory(**candidate),
        rejection_code="profile" if stage == Stage.REJECTED else "",
        source=Application.Source.SOURCED if stage == Stage.SOURCED else "applied",
    )
    if days:
        Application.objects.filter(pk=application.pk).update(
            stage_changed_at=timezone.now() - timedelta(days=days)
        )
    return application


def bulk_add(vacancy, count, *, stages=None):
    """`count` applications spread over `stages`, made in two queries."""
    stages = stages or [
        Stage.SOURCED,
        Stage.APPLIED,
        Stage.LONGLIST,
        Stage.PRESELECTION,
        Stage.SHORTLIST,
        Stage.REJECTED,
        Stage.WITHDRAWN,
    ]
    first = Candidate.objects.count()
    people = Candidate.objects.bulk_create(
        Candidate(
            first_name=f"Voornaam{i}",
            last_name=f"Achternaam{i}",
            email=f"bord{first + i}@example.org",
        )
        for i in range(count)
    )
    # All moved at the same moment (stage_changed_at is set on creation): newest id first.
    return Application.objects.bulk_create(
        Application(
            candidate=person,
            vacancy=vacancy,
            stage=stages[i % len(stages)],
            rejection_code="profile" if stages[i % len(stages)] == Stage.REJECTED else "",
        )
        for i, person in enumerate(people)
    )


@pytest.fixture
def vacancy():
    return VacancyFactory(title="Algemeen Directeur")


# Access -------------------------------------------------------------------


@pytest.mark.parametrize("name", ["board", "board_column"])
def test_anonymous_is_sent_to_the_login_page(client, vacancy, name):
    args = [vacancy.pk] if name == "board" else [vacancy.pk, "longlist"]
    response = client.get(reverse(f"candidates:{name}", args=args))

    assert response.status_code == 302
    assert response.url.startswith(reverse("login"))


@pytest.mark.parametrize("name", ["board", "board_column"])
def test_committee_member_of_the_vacancy_gets_404(client, vacancy, name):
    add(vacancy, Stage.SHORTLIST)
    member = CommitteeMemberFactory(vacancy=vacancy)
    client.force_login(member.user)
    args = [vacancy.pk] if name == "board" else [vacancy.pk, "shortlist"]

    assert client.get(reverse(f"candidates:{name}", args=args)).status_code == 404


def test_unknown_vacancy_or_column_is_404(recruiter_client, vacancy):
    assert recruiter_client.get(reverse("candidates:board", args=[999_999])).status_code == 404
    assert recruiter_client.get(reverse("candidates:board", args=[10**30])).status_code == 404
    assert recruiter_client.get(column_url(vacancy, "nonsense")).status_code == 404
    assert recruiter_client.get(column_url(vacancy, "<script>")).status_code == 404


# Columns and cards --------------------------------------------------------


def test_columns_in_order_with_counts_and_rejected_and_withdrawn_folded(recruiter_client, vacancy):
    for stage, count in [
        (Stage.SOURCED, 1),
        (Stage.APPLIED, 2),
        (Stage.LONGLIST, 3),
        (Stage.COMMITTEE, 1),
        (Stage.REJECTED, 4),
        (Stage.WITHDRAWN, 1),
    ]:
        for _ in range(count):
            add(vacancy, stage)
    other = VacancyFactory()
    add(other, Stage.LONGLIST)

    response = recruiter_client.get(board_url(vacancy))

    assert response.status_code == 200
    board = response.context["board"]
    assert [(c.key, c.count) for c in board.columns] == [
        ("applied", 3),
        ("longlist", 3),
        ("preselection", 0),
        ("shortlist", 0),
        ("committee", 1),
        ("preferred", 0),
        ("appointed", 0),
    ]
    assert [(c.key, c.count, c.cards) for c in board.folded] == [
        ("rejected", 4, []),
        ("withdrawn", 1, []),
    ]
    html = response.content.decode()
    for text in [
        "Gevonden en gesolliciteerd",
        "Longlist",
        "Voorselectie",
        "Shortlist",
        "Commissieronde",
        "Voorkeurskandidaat",
        "Benoemd",
        "Afgewezen en teruggetrokken",
    ]:
        assert text in html, text
    keys = ["applied", "longlist", "preselection", "shortlist", "committee", "preferred"]
    keys += ["appointed", "rejected", "withdrawn"]
    positions = [html.index(f'id="column-{key}-title"') for key in keys]
    assert positions == sorted(positions)
    assert html.index('id="column-appointed"') < html.index("Afgewezen en teruggetrokken")
    # Tabs of the vacancy, the links of the page.
    assert 'data-tab="board"' in html
    for name in ["pipeline_export_csv", "pipeline_export_xlsx", "source_add"]:
        assert reverse(f"candidates:{name}", args=[vacancy.pk]) in html
    assert column_url(vacancy, "rejected") in html
    # The board's script and SortableJS are served by the app, no inline script.
    assert "/static/vendor/sortablejs/Sortable.min.js" in html
    assert "/static/js/board.js" in html
    assert "<script>" not in html


def test_card_shows_name_position_source_days_and_score(recruiter_client, vacancy):
    application = add(
        vacancy,
        Stage.PRESELECTION,
        days=12,
        first_name="Inge",
        last_name="Jansen",
        current_position="Secretaris-directeur",
        current_organisation="Waterschap Rijn en IJssel",
    )
    assessment = Assessment.objects.create(application=application)
    for score in (4, 3, 4):
        AssessmentScore.objects.create(
            assessment=assessment, requirement=RequirementFactory(vacancy=vacancy), score=score
        )
    AssessmentScore.objects.create(
        assessment=assessment, requirement=RequirementFactory(vacancy=vacancy), score=None
    )
    unscored = add(vacancy, Stage.PRESELECTION, first_name="Piet", last_name="Bakker")

    response = recruiter_client.get(board_url(vacancy))

    html = response.content.decode()
    card = html[html.index(f'id="card-{application.pk}"') :]
    card = card[: card.index("</li>")]
    assert "Inge Jansen" in card
    assert reverse("candidates:candidate_detail", args=[application.candidate_id]) in card
    assert "Secretaris-directeur, Waterschap Rijn en IJssel" in card
    assert "Gesolliciteerd" in card  # the source
    assert "12 dagen in deze fase" in card
    assert "Score 3,7" in card  # (4 + 3 + 4) / 3, one decimal, Dutch
    assert f'value="{application.pk}:preselection"' in card  # bulk selection
    assert 'name="expected_stage" value="preselection"' in card
    other = html[html.index(f'id="card-{unscored.pk}"') :]
    assert "Score –" in other[: other.index("</li>")]
    assert "0 dagen in deze fase" in other


def test_card_of_someone_found_by_search_shows_outreach(recruiter_client, vacancy):
    application = add(vacancy, Stage.SOURCED, days=1)
    Application.objects.filter(pk=application.pk).update(outreach="interested")

    html = recruiter_client.get(board_url(vacancy)).content.decode()

    card = html[html.index(f'id="card-{application.pk}"') :]
    card = card[: card.index("</li>")]
    assert "Gevonden via search (geïnteresseerd)" in card
    assert "1 dag in deze fase" in card


def test_card_escapes_what_people_typed(recruiter_client, vacancy):
    add(vacancy, Stage.LONGLIST, first_name="<script>alert(1)</script>", current_position="A & B")

    html = recruiter_client.get(board_url(vacancy)).content.decode()

    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "A &amp; B" in html


def test_each_column_shows_its_first_25_cards_latest_move_first(recruiter_client, vacancy):
    applications = bulk_add(vacancy, 30, stages=[Stage.LONGLIST])
    sourced = bulk_add(vacancy, 30, stages=[Stage.SOURCED])
    applied = bulk_add(vacancy, 5, stages=[Stage.APPLIED])
    # The oldest longlist card was moved last.
    Application.objects.filter(pk=applications[0].pk).update(
        stage_changed_at=timezone.now() + timedelta(minutes=5)
    )

    board = recruiter_client.get(board_url(vacancy)).context["board"]

    longlist = board.columns[1]
    assert longlist.count == 30
    newest_first = [a.pk for a in reversed(applications[1:])]
    assert [card.pk for card in longlist.cards] == [applications[0].pk, *newest_first[:24]]
    assert longlist.has_more and longlist.next_page == 2
    first = board.columns[0]
    assert first.count == 35
    # Both stages of the first column, merged in one order.
    expected = sorted(sourced + applied, key=lambda a: (a.stage_changed_at, a.pk), reverse=True)
    assert [card.pk for card in first.cards] == [a.pk for a in expected[:25]]


def test_column_pages_on_its_own_with_htmx(recruiter_client, vacancy):
    applications = bulk_add(vacancy, 60, stages=[Stage.LONGLIST])

    html = recruiter_client.get(board_url(vacancy)).content.decode()
    assert f'hx-get="{column_url(vacancy, "longlist", 2)}"' in html

    response = recruiter_client.get(column_url(vacancy, "longlist", 2), HTTP_HX_REQUEST="true")

    assert response.status_code == 200
    assert "<html" not in response.content.decode()
    page = response.context["page"]
    newest_first = [a.pk for a in reversed(applications)]
    assert [a.pk for a in page.object_list] == newest_first[25:50]
    html = response.content.decode()
    assert html.count('class="board-card card"') == 25
    assert f'hx-get="{column_url(vacancy, "longlist", 3)}"' in html

    last = recruiter_client.get(column_url(vacancy, "longlist", 3), HTTP_HX_REQUEST="true")
    html = last.content.decode()
    assert html.count('class="board-card card"') == 10
    assert "board-more" not in html


def test_column_is_a_page_of_its_own_without_javascript(recruiter_client, vacancy):
    bulk_add(vacancy, 30, stages=[Stage.REJECTED])

    response = recruiter_client.get(column_url(vacancy, "rejected", 2))

    assert response.status_code == 200
    html = response.content.decode()
    assert "<html" in html
    assert "30 kandidaten" in html
    assert html.count('class="board-card card"') == 5
    assert "Pagina 2 van 2" in html
    # Moves from this page come back to it.
    assert f'name="next" value="{column_url(vacancy, "rejected", 2)}"' in html
    assert "hx-post" not in html.split('id="column-rejected"')[1]


def test_bad_page_number_shows_a_page(recruiter_client, vacancy):
    bulk_add(vacancy, 3, stages=[Stage.LONGLIST])

    for page in ["abc", "-1", "999", "1e9"]:
        response = recruiter_client.get(column_url(vacancy, "longlist", page))
        assert response.status_code == 200, page


def test_the_combined_column_can_be_asked_for_by_either_stage(recruiter_client, vacancy):
    add(vacancy, Stage.SOURCED)
    add(vacancy, Stage.APPLIED)

    for key in ["applied", "sourced"]:
        response = recruiter_client.get(column_url(vacancy, key))
        assert response.context["page"].paginator.count == 2


def test_folded_columns_load_their_cards_when_opened(recruiter_client, vacancy):
    rejected = add(vacancy, Stage.REJECTED)

    html = recruiter_client.get(board_url(vacancy)).content.decode()

    assert f'hx-get="{column_url(vacancy, "rejected", 1)}"' in html
    assert 'hx-trigger="toggle once"' in html
    assert f'id="card-{rejected.pk}"' not in html
    response = recruiter_client.get(column_url(vacancy, "rejected", 1), HTTP_HX_REQUEST="true")
    assert f'id="card-{rejected.pk}"' in response.content.decode()


def test_empty_board(recruiter_client, vacancy):
    response = recruiter_client.get(board_url(vacancy))

    assert response.status_code == 200
    assert response.context["board"].total == 0
    assert "Geen" in response.content.decode()


# Queries ------------------------------------------------------------------


@pytest.mark.parametrize("count", [10, 1000])
def test_the_board_takes_the_same_queries_with_10_or_1000_applications(
    recruiter_client, vacancy, django_assert_num_queries, count
):
    bulk_add(vacancy, count)
    recruiter_client.get(board_url(vacancy))

    with django_assert_num_queries(BOARD_QUERIES):
        response = recruiter_client.get(board_url(vacancy))

    assert response.context["board"].total == count
    shown = sum(len(c.cards) for c in response.context["board"].columns)
    # 10: all but the rejected and the withdrawn one; 1,000: 25 cards in each of sourced and
    # applied, longlist, preselection and shortlist.
    assert shown == {10: 8, 1000: 25 * 4}[count]


def test_query_count_is_the_same_with_10_and_with_1000_applications(recruiter_client, vacancy):
    bulk_add(vacancy, 10)
    with CaptureQueriesContext(connection) as small:
        assert recruiter_client.get(board_url(vacancy)).status_code == 200

    bulk_add(vacancy, 990)
    with CaptureQueriesContext(connection) as large:
        response = recruiter_client.get(board_url(vacancy))

    assert len(large.captured_queries) == len(small.captured_queries) == BOARD_QUERIES <= 15
    assert sum(len(c.cards) for c in response.context["board"].columns) == 25 * 4


def test_the_board_itself_takes_three_queries(vacancy, django_assert_num_queries):
    bulk_add(vacancy, 300)
    assessment = Assessment.objects.create(
        application=Application.objects.filter(vacancy=vacancy, stage=Stage.LONGLIST).first()
    )
    AssessmentScore.objects.create(
        assessment=assessment, requirement=RequirementFactory(vacancy=vacancy), score=5
    )

    with django_assert_num_queries(3):
        board = board_get(vacancy=vacancy)
        cards = [card for column in board.columns for card in column.cards]
        names = [card.name for card in cards]
        scores = [card.score for card in cards]

    assert len(names) == 25 * 4
    assert 5 in scores


def test_column_page_query_count_does_not_grow(
    recruiter_client, vacancy, django_assert_max_num_queries
):
    bulk_add(vacancy, 30, stages=[Stage.LONGLIST])
    with CaptureQueriesContext(connection) as small:
        recruiter_client.get(column_url(vacancy, "longlist", 2))

    bulk_add(vacancy, 500, stages=[Stage.LONGLIST])
    with django_assert_max_num_queries(len(small.captured_queries)):
        recruiter_client.get(column_url(vacancy, "longlist", 2))
