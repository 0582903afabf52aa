"""Moves on the board: by the card's menu (with and without htmx), the reason a move back needs,
refusals, a move that lost a race, bulk moves, and rejections handed to the rejection form."""

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse

from candidates.models import Application, StageChange
from tests.accounts.factories import RecruiterFactory
from tests.candidates.factories import ApplicationFactory, CandidateFactory
from tests.vacancies.factories import CommitteeMemberFactory, VacancyFactory

pytestmark = pytest.mark.django_db

Stage = Application.Stage
HTMX = {"HTTP_HX_REQUEST": "true", "HTTP_HX_TARGET": "board"}


@pytest.fixture
def vacancy():
    return VacancyFactory(title="Algemeen Directeur")


def add(vacancy, stage, **candidate):
    return ApplicationFactory(
        vacancy=vacancy,
        stage=stage,
        candidate=CandidateFactory(**candidate),
        rejection_code="profile" if stage == Stage.REJECTED else "",
    )


def move_url(application):
    return reverse("candidates:application_move", args=[application.pk])


def bulk_url(vacancy):
    return reverse("candidates:board_bulk_move", args=[vacancy.pk])


def board_url(vacancy):
    return reverse("candidates:board", args=[vacancy.pk])


def texts(response):
    return [str(message) for message in get_messages(response.wsgi_request)]


def refreshed(application):
    application.refresh_from_db()
    return application


# Access -------------------------------------------------------------------


def test_anonymous_cannot_move(client, vacancy):
    application = add(vacancy, Stage.APPLIED)

    for url, data in [
        (move_url(application), {"to_stage": "longlist"}),
        (bulk_url(vacancy), {"to_stage": "longlist", "selected": [application.pk]}),
    ]:
        response = client.post(url, data)
        assert response.status_code == 302
        assert response.url.startswith(reverse("login"))
    assert refreshed(application).stage == Stage.APPLIED


def test_committee_member_cannot_move(client, vacancy):
    application = add(vacancy, Stage.SHORTLIST)
    member = CommitteeMemberFactory(vacancy=vacancy)
    client.force_login(member.user)

    assert client.post(move_url(application), {"to_stage": "committee"}).status_code == 404
    assert client.get(move_url(application)).status_code == 404
    response = client.post(bulk_url(vacancy), {"to_stage": "committee", "selected": application.pk})
    assert response.status_code == 404
    assert refreshed(application).stage == Stage.SHORTLIST


def test_unknown_application_is_404(recruiter_client):
    response = recruiter_client.post(
        reverse("candidates:application_move", args=[999_999]), {"to_stage": "longlist"}
    )
    assert response.status_code == 404


# One move -----------------------------------------------------------------


def test_move_by_the_card_menu_without_javascript(recruiter_client, recruiter, vacancy):
    application = add(vacancy, Stage.APPLIED, first_name="Inge", last_name="Jansen")

    response = recruiter_client.post(
        move_url(application), {"to_stage": "preselection", "expected_stage": "applied"}
    )

    assert response.status_code == 302
    assert response.url == board_url(vacancy)
    assert refreshed(application).stage == Stage.PRESELECTION  # forward, skipping the longlist
    change = application.stage_changes.get()
    assert (change.from_stage, change.to_stage, change.changed_by) == (
        "applied",
        "preselection",
        recruiter,
    )
    assert texts(response) == ["Inge Jansen is verplaatst naar “Voorselectie”."]
    page = recruiter_client.get(response.url)
    assert "Inge Jansen is verplaatst naar “Voorselectie”." in page.content.decode()


def test_move_with_htmx_answers_with_the_board_and_the_message(recruiter_client, vacancy):
    application = add(vacancy, Stage.APPLIED, first_name="Inge", last_name="Jansen")

    response = recruiter_client.post(
        move_url(application), {"to_stage": "longlist", "expected_stage": "applied"}, **HTMX
    )

    assert response.status_code == 200
    html = response.content.decode()
    assert "<html" not in html
    assert 'id="messages" hx-swap-oob="true"' in html
    assert "Inge Jansen is verplaatst naar “Longlist”." in html
    longlist = response.context["board"].columns[1]
    assert [card.pk for card in longlist.cards] == [application.pk]


def test_move_back_asks_for_a_reason_and_records_it(recruiter_client, recruiter, vacancy):
    application = add(vacancy, Stage.SHORTLIST, first_name="Inge", last_name="Jansen")

    asked = recruiter_client.post(
        move_url(application), {"to_stage": "longlist", "expected_stage": "shortlist"}
    )

    assert asked.status_code == 200
    html = asked.content.decode()
    assert "Inge Jansen naar “Longlist” verplaatsen" in html
    assert 'name="reason"' in html
    assert 'name="expected_stage" value="shortlist"' in html
    assert refreshed(application).stage == Stage.SHORTLIST
    assert not application.stage_changes.exists()

    empty = recruiter_client.post(
        move_url(application),
        {"to_stage": "longlist", "expected_stage": "shortlist", "reason": "   "},
    )
    assert empty.status_code == 400
    assert "Geef een reden voor deze verplaatsing." in empty.content.decode()
    assert refreshed(application).stage == Stage.SHORTLIST

    done = recruiter_client.post(
        move_url(application),
        {"to_stage": "longlist", "expected_stage": "shortlist", "reason": "Per ongeluk verplaatst"},
    )
    assert done.status_code == 302
    assert refreshed(application).stage == Stage.LONGLIST
    change = application.stage_changes.get()
    assert (change.from_stage, change.to_stage, change.reason, change.changed_by) == (
        "shortlist",
        "longlist",
        "Per ongeluk verplaatst",
        recruiter,
    )


def test_move_back_with_htmx_asks_for_the_reason_in_the_dialog(recruiter_client, vacancy):
    application = add(vacancy, Stage.SHORTLIST)

    response = recruiter_client.post(
        move_url(application), {"to_stage": "longlist", "expected_stage": "shortlist"}, **HTMX
    )

    assert response.status_code == 200
    assert response["HX-Retarget"] == "#board-modal-content"
    html = response.content.decode()
    assert 'id="board-modal-title"' in html
    assert f'hx-post="{move_url(application)}"' in html
    assert 'hx-target="#board"' in html

    done = recruiter_client.post(
        move_url(application),
        {"to_stage": "longlist", "expected_stage": "shortlist", "reason": "Terug"},
        **HTMX,
    )
    assert "HX-Retarget" not in done
    assert refreshed(application).stage == Stage.LONGLIST


def test_undo_of_a_rejection_needs_a_reason(recruiter_client, recruiter, vacancy):
    application = add(vacancy, Stage.REJECTED)

    asked = recruiter_client.post(
        move_url(application), {"to_stage": "preselection", "expected_stage": "rejected"}
    )
    assert asked.status_code == 200
    assert refreshed(application).stage == Stage.REJECTED

    recruiter_client.post(
        move_url(application),
        {"to_stage": "preselection", "expected_stage": "rejected", "reason": "Verkeerde kandidaat"},
    )

    application = refreshed(application)
    assert application.stage == Stage.PRESELECTION
    assert application.rejection_code == ""
    assert application.stage_changes.get().reason == "Verkeerde kandidaat"


def test_refused_move_says_why_and_changes_nothing(recruiter_client, vacancy):
    application = add(vacancy, Stage.WITHDRAWN)

    response = recruiter_client.post(
        move_url(application), {"to_stage": "appointed", "expected_stage": "withdrawn"}
    )

    assert response.status_code == 302
    assert texts(response) == [
        "Een sollicitatie in de fase “Teruggetrokken” kan niet naar “Benoemd”."
    ]
    assert refreshed(application).stage == Stage.WITHDRAWN
    assert not StageChange.objects.exists()


def test_second_appointment_is_refused(recruiter_client, vacancy):
    add(vacancy, Stage.APPOINTED)
    application = add(vacancy, Stage.PREFERRED)

    response = recruiter_client.post(
        move_url(application), {"to_stage": "appointed", "expected_stage": "preferred"}, **HTMX
    )

    assert "Voor deze vacature is al een kandidaat benoemd." in response.content.decode()
    assert refreshed(application).stage == Stage.PREFERRED


@pytest.mark.parametrize("stage", ["", "nonsense", "<b>", "APPLIED"])
def test_unknown_stage_is_refused(recruiter_client, vacancy, stage):
    application = add(vacancy, Stage.APPLIED)

    response = recruiter_client.post(move_url(application), {"to_stage": stage})

    assert response.status_code == 302
    assert texts(response) == ["Kies de fase waarnaar verplaatst wordt."]
    assert refreshed(application).stage == Stage.APPLIED


def test_stale_move_changes_nothing_and_says_who_moved_it(recruiter_client, vacancy):
    application = add(vacancy, Stage.APPLIED)
    # The user loaded the board with the card in "applied"; a colleague moves it meanwhile.
    colleague = RecruiterFactory(first_name="Petra", last_name="de Vries")
    from candidates.services.stages import application_move

    application_move(application=application, to_stage="shortlist", by=colleague)

    response = recruiter_client.post(
        move_url(application), {"to_stage": "longlist", "expected_stage": "applied"}, **HTMX
    )

    assert refreshed(application).stage == Stage.SHORTLIST
    assert application.stage_changes.count() == 1
    html = response.content.decode()
    assert (
        "Niet verplaatst: Petra de Vries heeft deze sollicitatie intussen naar “Shortlist” "
        "verplaatst." in html
    )
    # The card is shown in its real column.
    board = response.context["board"]
    shortlist = next(column for column in board.columns if column.key == "shortlist")
    assert [card.pk for card in shortlist.cards] == [application.pk]
    assert all(application.pk not in [c.pk for c in col.cards] for col in board.columns[:2])


def test_stale_move_without_javascript(recruiter_client, vacancy):
    application = add(vacancy, Stage.APPLIED)
    from candidates.services.stages import application_move

    application_move(application=application, to_stage="longlist", by=RecruiterFactory())

    response = recruiter_client.post(
        move_url(application), {"to_stage": "longlist", "expected_stage": "applied"}
    )

    assert response.status_code == 302
    [message] = texts(response)
    assert message.startswith("Niet verplaatst:")
    assert "Longlist" in message


def test_next_is_followed_only_within_the_site(recruiter_client, vacancy):
    application = add(vacancy, Stage.APPLIED)
    column = reverse("candidates:board_column", args=[vacancy.pk, "applied"]) + "?page=2"

    response = recruiter_client.post(
        move_url(application), {"to_stage": "longlist", "next": column}
    )
    assert response.url == column

    other = add(vacancy, Stage.APPLIED)
    response = recruiter_client.post(
        move_url(other), {"to_stage": "longlist", "next": "https://evil.example.org/"}
    )
    assert response.url == board_url(vacancy)


def test_move_page_without_javascript(recruiter_client, vacancy):
    application = add(vacancy, Stage.LONGLIST, first_name="Inge", last_name="Jansen")

    response = recruiter_client.get(move_url(application))

    assert response.status_code == 200
    html = response.content.decode()
    assert "Inge Jansen verplaatsen" in html
    assert '<option value="preselection">' in html
    assert '<option value="longlist">' not in html

    recruiter_client.post(
        move_url(application),
        {"to_stage": "preselection", "expected_stage": "longlist", "reason": ""},
    )
    assert refreshed(application).stage == Stage.PRESELECTION


# Rejections go to the rejection form --------------------------------------


def test_reject_goes_to_the_rejection_form(recruiter_client, vacancy):
    application = add(vacancy, Stage.PRESELECTION)
    reject_url = reverse("candidates:application_reject", args=[vacancy.pk])

    response = recruiter_client.post(
        move_url(application), {"to_stage": "rejected", "expected_stage": "preselection"}
    )

    assert response.status_code == 302
    assert response.url == f"{reject_url}?applications={application.pk}"
    assert refreshed(application).stage == Stage.PRESELECTION

    response = recruiter_client.post(
        move_url(application), {"to_stage": "rejected", "expected_stage": "preselection"}, **HTMX
    )
    assert response["HX-Redirect"] == f"{reject_url}?applications={application.pk}"


def test_bulk_reject_goes_to_the_rejection_form_with_every_application(recruiter_client, vacancy):
    first = add(vacancy, Stage.APPLIED)
    second = add(vacancy, Stage.LONGLIST)
    elsewhere = add(VacancyFactory(), Stage.APPLIED)

    response = recruiter_client.post(
        bulk_url(vacancy),
        {
            "to_stage": "rejected",
            "selected": [f"{first.pk}:applied", f"{second.pk}:longlist", f"{elsewhere.pk}:applied"],
        },
    )

    assert response.status_code == 302
    url, query = response.url.split("?")
    assert url == reverse("candidates:application_reject", args=[vacancy.pk])
    assert sorted(query.split("&")) == sorted(
        [f"applications={first.pk}", f"applications={second.pk}"]
    )


# Bulk ---------------------------------------------------------------------


def test_bulk_move_reports_moved_and_refused(recruiter_client, recruiter, vacancy):
    applied = add(vacancy, Stage.APPLIED, first_name="Anna", last_name="Aalders")
    sourced = add(vacancy, Stage.SOURCED, first_name="Bram", last_name="Bos")
    there = add(vacancy, Stage.SHORTLIST, first_name="Cor", last_name="Claassen")
    stale = add(vacancy, Stage.APPLIED, first_name="Dirk", last_name="Dekker")
    from candidates.services.stages import application_move

    application_move(
        application=stale, to_stage="preselection", by=RecruiterFactory(first_name="Petra")
    )

    response = recruiter_client.post(
        bulk_url(vacancy),
        {
            "to_stage": "shortlist",
            "selected": [
                f"{applied.pk}:applied",
                f"{sourced.pk}:sourced",
                f"{there.pk}:shortlist",
                f"{stale.pk}:applied",
            ],
        },
    )

    assert response.status_code == 302
    assert refreshed(applied).stage == Stage.SHORTLIST
    assert refreshed(sourced).stage == Stage.SHORTLIST
    assert refreshed(there).stage == Stage.SHORTLIST
    assert refreshed(stale).stage == Stage.PRESELECTION
    moved, refused = texts(response)
    assert moved == "2 kandidaten verplaatst naar “Shortlist”."
    assert refused.startswith("2 kandidaten niet verplaatst: ")
    assert (
        "Cor Claassen: Een sollicitatie in de fase “Shortlist” kan niet naar “Shortlist”."
        in refused
    )
    assert "Dirk Dekker: Niet verplaatst: Petra" in refused
    assert applied.stage_changes.get().changed_by == recruiter
    assert not there.stage_changes.exists()


def test_bulk_move_back_with_a_reason_refuses_what_the_rules_refuse(recruiter_client, vacancy):
    withdrawn = add(vacancy, Stage.WITHDRAWN, first_name="Anna", last_name="Aalders")
    appointed = add(vacancy, Stage.APPOINTED, first_name="Bram", last_name="Bos")

    response = recruiter_client.post(
        bulk_url(vacancy),
        {
            "to_stage": "appointed",
            "selected": [f"{withdrawn.pk}:withdrawn", f"{appointed.pk}:appointed"],
            "reason": "Terug",
        },
    )

    [refused] = texts(response)
    assert refused.startswith("2 kandidaten niet verplaatst: ")
    assert "Anna Aalders: Een sollicitatie in de fase “Teruggetrokken” kan niet" in refused
    assert refreshed(withdrawn).stage == Stage.WITHDRAWN


def test_bulk_move_back_asks_for_one_reason(recruiter_client, vacancy):
    first = add(vacancy, Stage.SHORTLIST, first_name="Anna", last_name="Aalders")
    second = add(vacancy, Stage.PRESELECTION, first_name="Bram", last_name="Bos")
    selected = [f"{first.pk}:shortlist", f"{second.pk}:preselection"]

    asked = recruiter_client.post(bulk_url(vacancy), {"to_stage": "longlist", "selected": selected})

    assert asked.status_code == 200
    html = asked.content.decode()
    assert "Anna Aalders" in html and "Bram Bos" in html
    assert html.count('name="selected"') == 2
    assert refreshed(first).stage == Stage.SHORTLIST

    done = recruiter_client.post(
        bulk_url(vacancy),
        {"to_stage": "longlist", "selected": selected, "reason": "Commissie wil breder kijken"},
    )

    assert done.status_code == 302
    for application in (first, second):
        assert refreshed(application).stage == Stage.LONGLIST
        assert application.stage_changes.get().reason == "Commissie wil breder kijken"


def test_bulk_move_with_htmx_answers_with_the_board(recruiter_client, vacancy):
    application = add(vacancy, Stage.APPLIED)

    response = recruiter_client.post(
        bulk_url(vacancy),
        {"to_stage": "preselection", "selected": [f"{application.pk}:applied"]},
        **HTMX,
    )

    assert response.status_code == 200
    assert "1 kandidaat verplaatst naar “Voorselectie”." in response.content.decode()
    assert refreshed(application).stage == Stage.PRESELECTION


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"to_stage": "longlist"}, "Selecteer een of meer kandidaten om te verplaatsen."),
        ({"to_stage": "longlist", "selected": ["x", "-3", "", "9" * 30]}, "Selecteer een of meer"),
        ({"to_stage": "nonsense", "selected": ["1"]}, "Kies de fase waarnaar verplaatst wordt."),
        ({"to_stage": "longlist", "selected": ["999999"]}, "Geen van de geselecteerde"),
    ],
)
def test_bulk_bad_input_is_refused(recruiter_client, vacancy, data, message):
    add(vacancy, Stage.APPLIED)

    response = recruiter_client.post(bulk_url(vacancy), data)

    assert response.status_code == 302
    [shown] = texts(response)
    assert shown.startswith(message)
    assert not StageChange.objects.exists()


def test_bulk_of_another_vacancy_changes_nothing_there(recruiter_client, vacancy):
    elsewhere = add(VacancyFactory(), Stage.APPLIED)

    recruiter_client.post(
        bulk_url(vacancy), {"to_stage": "longlist", "selected": [f"{elsewhere.pk}:applied"]}
    )

    assert refreshed(elsewhere).stage == Stage.APPLIED


def test_bulk_has_a_limit(recruiter_client, vacancy):
    response = recruiter_client.post(
        bulk_url(vacancy), {"to_stage": "longlist", "selected": [str(i) for i in range(1, 600)]}
    )

    assert texts(response) == ["Selecteer hoogstens 500 kandidaten tegelijk."]


def test_move_forms_work_without_javascript_on_the_board(recruiter_client, vacancy):
    application = add(vacancy, Stage.APPLIED)

    html = recruiter_client.get(board_url(vacancy)).content.decode()

    # The card's menu is a plain form; the bulk form takes the checkboxes.
    assert f'<form method="post" action="{move_url(application)}"' in html
    assert '<button name="to_stage" value="longlist">Longlist</button>' in html
    assert '<button name="to_stage" value="rejected">Afwijzen…</button>' in html
    assert (
        f'<form id="bulk-form" class="board-toolbar" method="post" action="{bulk_url(vacancy)}"'
        in html
    )
    assert 'form="bulk-form"' in html
    assert 'name="csrfmiddlewaretoken"' in html
