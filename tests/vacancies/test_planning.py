"""The default planning and the planning editor of the recruiter back office."""

from datetime import date

import pytest
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from tests.accounts.factories import RecruiterFactory
from tests.vacancies.factories import CommitteeMemberFactory, PlanningPhaseFactory, VacancyFactory
from vacancies.models import PlanningPhase
from vacancies.services.planning import default_phases

pytestmark = pytest.mark.django_db

Kind = PlanningPhase.Kind
EN = {"HTTP_ACCEPT_LANGUAGE": "en"}
NL = {"HTTP_ACCEPT_LANGUAGE": "nl"}
HTMX = {"HTTP_HX_REQUEST": "true"}
DASH = "\N{EN DASH}"  # as the daterange tag writes it


@pytest.fixture
def vacancy(db):
    return VacancyFactory(published_on=date(2026, 4, 17), closing_date=date(2026, 5, 15))


def url(name, vacancy, phase=None):
    args = [vacancy.pk] if phase is None else [vacancy.pk, phase.pk]
    return reverse(f"vacancies:{name}", args=args)


def phase_data(phase, **changes):
    data = {
        "starts_on": phase.starts_on.isoformat() if phase.starts_on else "",
        "ends_on": phase.ends_on.isoformat() if phase.ends_on else "",
        "date_note": phase.date_note,
        "activity": phase.activity,
        "kind": phase.kind,
        "responsible": phase.responsible,
    }
    if phase.is_parallel:
        data["is_parallel"] = "on"
    data.update(changes)
    return data


def by_kind(vacancy):
    return {phase.kind: phase for phase in vacancy.phases.all()}


# The generator -------------------------------------------------------------------------------


def test_generate_gives_the_dates_of_the_2026_ipo_seed(recruiter_client, vacancy):
    response = recruiter_client.post(url("planning_generate", vacancy), **EN)

    assert response.status_code == 302
    assert response["Location"] == url("planning", vacancy)
    phases = list(vacancy.phases.all())
    assert [p.kind for p in phases] == [
        Kind.PUBLICATION,
        Kind.SEARCH,
        Kind.PRESELECTION,
        Kind.COMMITTEE_DISCUSSION,
        Kind.COMMITTEE_INTERVIEWS,
        Kind.NOMINATION,
        Kind.REFERENCES,
        Kind.TERMS_TALK,
        Kind.APPOINTMENT,
        Kind.START,
    ]
    dates = {p.kind: (p.starts_on, p.ends_on) for p in phases}
    assert dates[Kind.PUBLICATION] == (date(2026, 4, 17), date(2026, 5, 15))
    assert dates[Kind.SEARCH] == (date(2026, 4, 17), date(2026, 5, 15))
    assert dates[Kind.PRESELECTION] == (date(2026, 5, 18), date(2026, 5, 29))
    assert dates[Kind.COMMITTEE_DISCUSSION] == (date(2026, 6, 8), date(2026, 6, 10))
    assert dates[Kind.COMMITTEE_INTERVIEWS] == (date(2026, 6, 15), date(2026, 6, 26))
    for kind in (Kind.NOMINATION, Kind.REFERENCES, Kind.TERMS_TALK):
        assert dates[kind][1] == date(2026, 6, 30)
    assert dates[Kind.APPOINTMENT] == (None, date(2026, 6, 30))
    start = phases[-1]
    assert (start.starts_on, start.ends_on) == (None, None)
    # Stored in the site's language, the language of the profile, though this recruiter works
    # in English: the public page must not show English activities to Dutch candidates.
    assert start.date_note == "Zo spoedig mogelijk"
    assert phases[2].activity == "Voorselectie en interviews met kandidaten door het bureau"
    parallel = {p.kind for p in phases if p.is_parallel}
    assert parallel == {Kind.SEARCH, Kind.REFERENCES, Kind.TERMS_TALK}


def test_planning_page_shows_the_seed_dates_as_a_dutch_reader_expects(recruiter_client, vacancy):
    recruiter_client.post(url("planning_generate", vacancy), **EN)

    response = recruiter_client.get(url("planning", vacancy), **NL)

    assert response.status_code == 200
    html = response.content.decode()
    for text in (
        f"17 april {DASH} 15 mei 2026",
        f"18 {DASH} 29 mei 2026",
        f"8 {DASH} 10 juni 2026",
        f"15 {DASH} 26 juni 2026",
        "Zo spoedig mogelijk",
        "Gerichte search door het bureau",
    ):
        assert text in html
    assert html.count('class="badge text-bg-secondary') == 3  # the parallel markers


def test_default_phases_after_a_closing_date_on_a_wednesday_start_on_the_next_monday():
    phases = default_phases(published_on=date(2026, 4, 15), closing_date=date(2026, 5, 13))

    kinds = {p.kind: p for p in phases}
    assert (kinds[Kind.PUBLICATION].starts_on, kinds[Kind.PUBLICATION].ends_on) == (
        date(2026, 4, 15),
        date(2026, 5, 13),
    )
    assert (kinds[Kind.PRESELECTION].starts_on, kinds[Kind.PRESELECTION].ends_on) == (
        date(2026, 5, 18),
        date(2026, 5, 29),
    )
    later = [p for p in phases if p.kind not in (Kind.PUBLICATION, Kind.SEARCH) and p.starts_on]
    assert len(later) == 6
    assert all(p.starts_on.weekday() == 0 for p in later), [p.starts_on for p in later]


def test_regenerate_without_confirmation_keeps_edited_dates(recruiter_client, vacancy):
    recruiter_client.post(url("planning_generate", vacancy), **EN)
    preselection = by_kind(vacancy)[Kind.PRESELECTION]
    recruiter_client.post(
        url("phase_edit", vacancy, preselection),
        phase_data(preselection, starts_on="2026-05-19", ends_on="2026-06-02"),
        **EN,
    )

    response = recruiter_client.post(url("planning_generate", vacancy), follow=True, **EN)

    assert "This vacancy already has a planning. Confirm that you want to replace it." in (
        response.content.decode()
    )
    assert vacancy.phases.count() == 10
    preselection = by_kind(vacancy)[Kind.PRESELECTION]
    assert (preselection.starts_on, preselection.ends_on) == (date(2026, 5, 19), date(2026, 6, 2))


def test_regenerate_with_confirmation_replaces_the_planning(recruiter_client, vacancy):
    PlanningPhaseFactory(vacancy=vacancy, kind=Kind.OTHER, activity="Kennismaking")

    response = recruiter_client.post(url("planning_generate", vacancy), {"replace": "1"}, **EN)

    assert response.status_code == 302
    assert not vacancy.phases.filter(activity="Kennismaking").exists()
    assert vacancy.phases.count() == 10


def test_the_page_asks_for_confirmation_only_when_a_planning_exists(recruiter_client, vacancy):
    assert 'name="replace"' not in recruiter_client.get(url("planning", vacancy)).content.decode()
    PlanningPhaseFactory(vacancy=vacancy)
    assert 'name="replace"' in recruiter_client.get(url("planning", vacancy)).content.decode()


def test_generate_without_closing_date_says_so_and_creates_nothing(recruiter_client):
    vacancy = VacancyFactory(published_on=None, closing_date=None, status="draft")

    page = recruiter_client.get(url("planning", vacancy), **EN).content.decode()
    response = recruiter_client.post(url("planning_generate", vacancy), follow=True, **EN)

    assert "Set a closing date before generating the planning." in page
    assert "Set a closing date before generating the planning." in response.content.decode()
    assert not vacancy.phases.exists()


# Editing phases ------------------------------------------------------------------------------


def test_editing_a_phase_date_is_kept(recruiter_client, vacancy):
    phase = PlanningPhaseFactory(vacancy=vacancy)

    response = recruiter_client.post(
        url("phase_edit", vacancy, phase),
        phase_data(phase, starts_on="2026-05-20", ends_on="2026-06-03", date_note="na overleg"),
    )

    assert response.status_code == 302
    assert response["Location"] == url("planning", vacancy)
    phase.refresh_from_db()
    assert (phase.starts_on, phase.ends_on, phase.date_note) == (
        date(2026, 5, 20),
        date(2026, 6, 3),
        "na overleg",
    )
    page = recruiter_client.get(url("planning", vacancy), **NL).content.decode()
    assert f"20 mei {DASH} 3 juni 2026" in page


def test_a_phase_that_ends_before_it_starts_is_refused_and_nothing_changes(
    recruiter_client, vacancy
):
    phase = PlanningPhaseFactory(vacancy=vacancy)

    response = recruiter_client.post(
        url("phase_edit", vacancy, phase),
        phase_data(phase, starts_on="2026-05-29", ends_on="2026-05-18", activity="Gewijzigd"),
        **EN,
    )

    assert response.status_code == 200
    assert "A phase cannot end before it starts." in response.content.decode()
    phase.refresh_from_db()
    assert (phase.starts_on, phase.ends_on) == (date(2026, 5, 18), date(2026, 5, 29))
    assert phase.activity == "Voorselectie en interviews kandidaten door Chasse"


def test_htmx_edit_returns_only_the_row_form_and_then_the_row(recruiter_client, vacancy):
    phase = PlanningPhaseFactory(vacancy=vacancy)

    form = recruiter_client.get(url("phase_edit", vacancy, phase), **HTMX, **EN)
    saved = recruiter_client.post(
        url("phase_edit", vacancy, phase),
        phase_data(phase, ends_on="2026-05-22"),
        **HTMX,
        **NL,
    )

    form_html = form.content.decode()
    assert form.status_code == 200
    assert form_html.lstrip().startswith(f'<tr id="phase-{phase.pk}"')
    assert 'name="starts_on"' in form_html and "<html" not in form_html
    row_html = saved.content.decode()
    assert saved.status_code == 200
    assert row_html.lstrip().startswith(f'<tr id="phase-{phase.pk}"')
    assert f"18 {DASH} 22 mei 2026" in row_html
    assert "<html" not in row_html and "<form" in row_html and 'name="starts_on"' not in row_html
    phase.refresh_from_db()
    assert phase.ends_on == date(2026, 5, 22)


def test_htmx_invalid_edit_returns_the_row_form_with_the_error(recruiter_client, vacancy):
    phase = PlanningPhaseFactory(vacancy=vacancy)

    response = recruiter_client.post(
        url("phase_edit", vacancy, phase),
        phase_data(phase, starts_on="2026-06-01", ends_on="2026-05-01"),
        **HTMX,
        **EN,
    )

    html = response.content.decode()
    assert response.status_code == 200
    assert html.lstrip().startswith(f'<tr id="phase-{phase.pk}"')
    assert "A phase cannot end before it starts." in html
    assert 'value="2026-06-01"' in html  # what the user typed is not lost
    phase.refresh_from_db()
    assert phase.starts_on == date(2026, 5, 18)


def test_htmx_cancel_returns_the_row(recruiter_client, vacancy):
    phase = PlanningPhaseFactory(vacancy=vacancy)

    response = recruiter_client.get(url("phase_row", vacancy, phase), **HTMX, **NL)

    html = response.content.decode()
    assert html.lstrip().startswith(f'<tr id="phase-{phase.pk}"')
    assert f"18 {DASH} 29 mei 2026" in html and "<html" not in html


def test_add_a_phase_at_the_end(recruiter_client, vacancy):
    PlanningPhaseFactory(vacancy=vacancy, order=5)

    response = recruiter_client.post(
        url("phase_create", vacancy),
        {
            "new-starts_on": "2026-07-06",
            "new-ends_on": "",
            "new-date_note": "",
            "new-activity": "Inwerkprogramma",
            "new-kind": Kind.OTHER,
            "new-responsible": PlanningPhase.Responsible.CLIENT,
        },
    )

    assert response.status_code == 302
    added = vacancy.phases.get(activity="Inwerkprogramma")
    assert (added.order, added.starts_on, added.ends_on) == (6, date(2026, 7, 6), None)


def test_add_an_invalid_phase_saves_nothing(recruiter_client, vacancy):
    data = {
        "new-starts_on": "2026-07-06",
        "new-ends_on": "2026-07-01",
        "new-activity": "Inwerkprogramma",
        "new-kind": Kind.OTHER,
        "new-responsible": PlanningPhase.Responsible.CLIENT,
    }

    plain = recruiter_client.post(url("phase_create", vacancy), data, **EN)
    htmx = recruiter_client.post(url("phase_create", vacancy), data, **HTMX, **EN)
    empty = recruiter_client.post(url("phase_create", vacancy), {"new-kind": "other"}, **EN)

    assert "A phase cannot end before it starts." in plain.content.decode()
    assert "<html" in plain.content.decode()
    assert "A phase cannot end before it starts." in htmx.content.decode()
    assert htmx.content.decode().lstrip().startswith('<div id="planning-editor">')
    assert "This field is required." in empty.content.decode()
    assert not vacancy.phases.exists()


def test_delete_a_phase(recruiter_client, vacancy):
    keep = PlanningPhaseFactory(vacancy=vacancy, activity="Blijft")
    gone = PlanningPhaseFactory(vacancy=vacancy, activity="Gaat weg")

    response = recruiter_client.post(url("phase_delete", vacancy, gone))
    htmx = recruiter_client.post(url("phase_delete", vacancy, keep), **HTMX)

    assert response.status_code == 302
    assert htmx.status_code == 200
    assert htmx.content.decode().lstrip().startswith('<div id="planning-editor">')
    assert "Blijft" not in htmx.content.decode()
    assert not vacancy.phases.exists()


def test_move_a_phase_up_and_down(recruiter_client, vacancy):
    first = PlanningPhaseFactory(vacancy=vacancy, order=1, activity="Eerste")
    second = PlanningPhaseFactory(vacancy=vacancy, order=2, activity="Tweede")
    third = PlanningPhaseFactory(vacancy=vacancy, order=3, activity="Derde")

    recruiter_client.post(url("phase_move", vacancy, third), {"direction": "up"})
    assert list(vacancy.phases.values_list("activity", flat=True)) == ["Eerste", "Derde", "Tweede"]

    response = recruiter_client.post(
        url("phase_move", vacancy, first), {"direction": "down"}, **HTMX
    )
    assert list(vacancy.phases.values_list("activity", flat=True)) == ["Derde", "Eerste", "Tweede"]
    html = response.content.decode()
    # The rows, by their ids: the phases' dates (18 - 29 May 2026) hold Whit Monday, and the
    # editor's note about it ("Tweede pinksterdag", issue 9) contains the word "Tweede" too.
    rows = [html.index(f'id="phase-{phase.pk}"') for phase in (third, first, second)]
    assert rows == sorted(rows)

    recruiter_client.post(url("phase_move", vacancy, second), {"direction": "down"})  # already last
    assert list(vacancy.phases.values_list("activity", flat=True)) == ["Derde", "Eerste", "Tweede"]
    bad = recruiter_client.post(url("phase_move", vacancy, second), {"direction": "sideways"})
    assert bad.status_code == 400


def test_a_phase_of_another_vacancy_is_not_found(recruiter_client, vacancy):
    other = PlanningPhaseFactory()

    edit = recruiter_client.post(url("phase_edit", vacancy, other), phase_data(other, ends_on=""))
    delete = recruiter_client.post(url("phase_delete", vacancy, other))

    assert (edit.status_code, delete.status_code) == (404, 404)
    other.refresh_from_db()
    assert other.ends_on == date(2026, 5, 29)


def test_planning_table_partial_is_read_only(vacancy):
    PlanningPhaseFactory(vacancy=vacancy, is_parallel=True)

    with translation.override("nl"):
        html = render_to_string(
            "vacancies/_planning_table.html",
            {"vacancy": vacancy, "phases": vacancy.phases.all()},
        )

    assert f"18 {DASH} 29 mei 2026" in html
    assert "Voorselectie en interviews kandidaten door Chasse" in html
    assert "<form" not in html


# Access and queries --------------------------------------------------------------------------

PAGES = ["planning"]
PHASE_PAGES = ["phase_edit"]
ACTIONS = ["planning_generate", "phase_create"]
PHASE_ACTIONS = ["phase_delete", "phase_move", "phase_edit"]


def all_urls(vacancy, phase):
    gets = [url(n, vacancy) for n in PAGES] + [url(n, vacancy, phase) for n in PHASE_PAGES]
    posts = [url(n, vacancy) for n in ACTIONS] + [url(n, vacancy, phase) for n in PHASE_ACTIONS]
    return gets, posts


def test_anonymous_users_are_sent_to_the_login_page(client, vacancy):
    phase = PlanningPhaseFactory(vacancy=vacancy)
    gets, posts = all_urls(vacancy, phase)

    for address in [*gets, url("phase_row", vacancy, phase)]:
        response = client.get(address)
        assert response.status_code == 302, address
        assert response["Location"].startswith(reverse("login")), address
    for address in posts:
        response = client.post(address, {"direction": "up", "replace": "on"})
        assert response.status_code == 302, address
        assert response["Location"].startswith(reverse("login")), address
    assert list(vacancy.phases.all()) == [phase]


def test_committee_members_do_not_find_the_planning_editor(client, committee_user, vacancy):
    CommitteeMemberFactory(vacancy=vacancy, user=committee_user)  # even of their own vacancy
    phase = PlanningPhaseFactory(vacancy=vacancy)
    client.force_login(committee_user)
    gets, posts = all_urls(vacancy, phase)

    for address in gets:
        assert client.get(address).status_code == 404, address
    for address in posts:
        assert client.post(address, {"direction": "up", "replace": "on"}).status_code == 404
    assert list(vacancy.phases.all()) == [phase]


def test_every_recruiter_can_open_the_planning_editor(client, recruiter, vacancy):
    phase = PlanningPhaseFactory(vacancy=vacancy)
    for user in (recruiter, vacancy.lead_consultant):
        client.force_login(user)
        gets, _posts = all_urls(vacancy, phase)
        for address in gets:
            assert client.get(address).status_code == 200, address
    assert client.get(url("planning", VacancyFactory.build(pk=999_999))).status_code == 404


def test_planning_page_query_count_does_not_grow_with_more_phases(
    recruiter_client, vacancy, django_assert_max_num_queries
):
    PlanningPhaseFactory.create_batch(2, vacancy=vacancy)
    with django_assert_max_num_queries(5):
        small = recruiter_client.get(url("planning", vacancy))
    PlanningPhaseFactory.create_batch(20, vacancy=vacancy)
    with django_assert_max_num_queries(5):
        large = recruiter_client.get(url("planning", vacancy))

    assert small.content.decode().count('class="phase-row') == 2
    assert large.content.decode().count('class="phase-row') == 22


def test_a_second_recruiter_edit_is_visible_to_the_first(client, vacancy):
    """Not per-user state: the planning belongs to the vacancy."""
    phase = PlanningPhaseFactory(vacancy=vacancy)
    other = RecruiterFactory()
    client.force_login(other)
    client.post(url("phase_edit", vacancy, phase), phase_data(phase, date_note="onder voorbehoud"))
    client.force_login(vacancy.lead_consultant)

    assert "onder voorbehoud" in client.get(url("planning", vacancy)).content.decode()
