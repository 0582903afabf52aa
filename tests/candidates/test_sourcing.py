"""Sourcing: adding a person found by search to a vacancy, the duplicate warning, picking an
existing candidate, the outreach status, and the sourced person who applies later."""

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core.exceptions import ValidationError
from django.urls import reverse

from candidates.models import Application, Candidate, Document, Note, StageChange
from candidates.services.applications import application_submit
from candidates.services.sourcing import application_set_outreach, candidate_source
from tests.candidates.factories import ApplicationFactory, CandidateFactory
from tests.candidates.pdfs import (
    fresh_cache_fixture,  # noqa: F401
    make_pdf,
    private_storage_fixture,  # noqa: F401
    upload,
)
from tests.vacancies.factories import CommitteeMemberFactory, VacancyFactory
from vacancies.models import Vacancy

pytestmark = pytest.mark.django_db

OPEN = datetime(2026, 5, 1, 12, 0, tzinfo=ZoneInfo("Europe/Amsterdam"))


@pytest.fixture
def vacancy():
    return VacancyFactory(title="Algemeen Directeur")


def add_url(vacancy):
    return reverse("candidates:source_add", args=[vacancy.pk])


def person(**overrides):
    data = {
        "first_name": "Inge",
        "last_name": "Jansen",
        "email": "inge.jansen@example.nl",
        "phone": "06 1234 5678",
        "current_position": "Directeur Bedrijfsvoering",
        "current_organisation": "Provincie Utrecht",
        "linkedin_url": "linkedin.com/in/ingejansen",
        "language": "nl",
        "source": "sourced",
        "outreach": "approached",
        "stage": "sourced",
        "note": "Gesproken op het congres; staat open voor een gesprek.",
    }
    data.update(overrides)
    return data


def html(response):
    return response.content.decode()


# Adding a new person ----------------------------------------------------------------------------


def test_page_offers_a_new_person_and_a_search_of_the_candidate_database(recruiter_client, vacancy):
    response = recruiter_client.get(add_url(vacancy))

    assert response.status_code == 200
    page = html(response)
    for text in [
        "Kandidaat toevoegen",
        "Een nieuwe persoon",
        "Bestaande kandidaat toevoegen",
        "Naam of e-mailadres",
        "Voornaam",
        "E-mailadres",
        "Benadering",
        "Begint in fase",
        "Gevonden via search",
        "Aangedragen",
        "Longlist",
        "Toevoegen aan deze vacature",
    ]:
        assert text in page, text


def test_recruiter_adds_a_new_person_with_source_outreach_stage_and_note(
    recruiter_client, recruiter, vacancy
):
    response = recruiter_client.post(add_url(vacancy), person(), follow=True)

    assert response.status_code == 200
    assert (
        "Inge Jansen is toegevoegd aan “Algemeen Directeur” in de fase “Gevonden via search”."
        in html(response)
    )
    candidate = Candidate.objects.get()
    assert candidate.email == "inge.jansen@example.nl"
    assert candidate.current_organisation == "Provincie Utrecht"
    assert candidate.linkedin_url == "https://linkedin.com/in/ingejansen"
    application = Application.objects.get()
    assert application.candidate == candidate
    assert application.vacancy == vacancy
    assert application.stage == Application.Stage.SOURCED
    assert application.source == Application.Source.SOURCED
    assert application.outreach == Application.Outreach.APPROACHED
    [change] = application.stage_changes.all()
    assert (change.from_stage, change.to_stage, change.changed_by) == ("", "sourced", recruiter)
    note = Note.objects.get()
    assert note.application == application
    assert note.candidate == candidate
    assert note.visibility == Note.Visibility.INTERNAL
    assert note.author == recruiter


def test_a_sourced_person_can_be_found_in_the_candidate_database(recruiter, vacancy):
    application = candidate_source(
        vacancy=vacancy, by=recruiter, data=person(), note="Gesproken op het congres"
    )

    candidate = Candidate.objects.get(pk=application.candidate_id)
    assert "inge" in candidate.search_text
    assert "congres" in candidate.search_text


def test_a_referred_person_can_start_on_the_longlist(recruiter_client, vacancy):
    response = recruiter_client.post(
        add_url(vacancy), person(source="referred", stage="longlist", outreach="", note="")
    )

    assert response.status_code == 302
    application = Application.objects.get()
    assert application.stage == Application.Stage.LONGLIST
    assert application.source == Application.Source.REFERRED
    assert application.outreach == ""
    assert not Note.objects.exists()
    assert application.stage_changes.get().to_stage == "longlist"


def test_names_are_kept_on_one_line(recruiter_client, vacancy):
    recruiter_client.post(
        add_url(vacancy), person(first_name="Inge\r\nBcc: x@evil.example", last_name="Jan\u202esen")
    )

    candidate = Candidate.objects.get()
    assert candidate.first_name == "Inge Bcc: x@evil.example"
    assert candidate.last_name == "Jan sen"


def test_a_new_person_needs_names_and_a_valid_email(recruiter_client, vacancy):
    response = recruiter_client.post(add_url(vacancy), person(first_name="", email="geen-adres"))

    assert response.status_code == 400
    page = html(response)
    assert "Dit veld is verplicht." in page
    assert "Vul een geldig e-mailadres in, zoals naam@voorbeeld.nl." in page
    assert not Candidate.objects.exists()
    assert not Application.objects.exists()


@pytest.mark.parametrize(
    "change",
    [
        {"stage": "appointed"},
        {"stage": "applied"},
        {"source": "applied"},
        {"outreach": "maybe"},
        {"language": "de"},
    ],
)
def test_choices_out_of_range_are_refused_and_nothing_is_stored(recruiter_client, vacancy, change):
    response = recruiter_client.post(add_url(vacancy), person(**change))

    assert response.status_code == 400
    assert "is geen beschikbare keuze" in html(response)
    assert not Candidate.objects.exists()


@pytest.mark.parametrize("status", [Vacancy.Status.CANCELLED, Vacancy.Status.APPOINTED])
def test_a_procedure_that_has_ended_takes_no_new_candidates(recruiter_client, status):
    vacancy = VacancyFactory(status=status)

    page = html(recruiter_client.get(add_url(vacancy)))
    response = recruiter_client.post(add_url(vacancy), person(), follow=True)

    assert "er kunnen geen kandidaten meer worden toegevoegd" in page
    assert "er kunnen geen kandidaten meer worden toegevoegd" in html(response)
    assert not Candidate.objects.exists()


def test_service_checks_its_choices(recruiter, vacancy):
    for kwargs in [{"stage": "shortlist"}, {"source": "applied"}, {"outreach": "x"}]:
        with pytest.raises(ValidationError):
            candidate_source(
                vacancy=vacancy, by=recruiter, data=person(), **{"stage": "sourced", **kwargs}
            )
    with pytest.raises(ValidationError) as error:
        candidate_source(vacancy=vacancy, by=recruiter, data=person(email=""))
    assert error.value.code == "required"
    assert not Candidate.objects.exists()


# The duplicate warning --------------------------------------------------------------------------


def test_same_email_in_another_case_is_shown_and_cannot_be_added_as_new(recruiter_client, vacancy):
    existing = CandidateFactory(
        first_name="Ingrid", last_name="Bakker", email="Inge.Jansen@Example.NL"
    )

    response = recruiter_client.post(add_url(vacancy), person())

    assert response.status_code == 200
    page = html(response)
    assert "Mogelijke dubbelen" in page
    assert "zelfde e-mailadres" in page
    assert "Ingrid Bakker" in page
    assert f'name="existing" value="{existing.pk}"' in page
    assert 'name="confirm_new"' not in page
    assert "Het e-mailadres hoort bij een bestaande kandidaat" in page
    assert Candidate.objects.count() == 1
    assert not Application.objects.exists()

    confirmed = recruiter_client.post(add_url(vacancy), person(confirm_new="1"))

    assert confirmed.status_code == 400
    assert "Er bestaat al een kandidaat met dit e-mailadres." in html(confirmed)
    assert Candidate.objects.count() == 1
    assert not Application.objects.exists()


def test_the_same_email_is_shown_first_among_many_similar_names(recruiter_client, vacancy):
    Candidate.objects.bulk_create(
        Candidate(first_name="Inge", last_name="Jansen", email=f"inge{n}@example.org")
        for n in range(40)
    )
    CandidateFactory(first_name="I.", last_name="Bakker", email="inge.jansen@example.nl")

    response = recruiter_client.post(add_url(vacancy), person(current_organisation=""))

    duplicates = response.context["duplicates"]
    assert len(duplicates) == 10
    assert duplicates[0].candidate.last_name == "Bakker"
    assert duplicates[0].same_email
    assert 'name="confirm_new"' not in html(response)


def test_service_refuses_a_new_candidate_with_a_taken_email(recruiter, vacancy):
    CandidateFactory(email="INGE.JANSEN@example.nl")

    with pytest.raises(ValidationError) as error:
        candidate_source(vacancy=vacancy, by=recruiter, data=person())

    assert error.value.code == "duplicate_email"
    assert not Application.objects.exists()


def test_same_name_and_organisation_is_shown_then_confirmed_as_a_new_person(
    recruiter_client, recruiter, vacancy
):
    CandidateFactory(
        first_name="inge",
        last_name="JANSEN",
        email="i.jansen@provincie-utrecht.nl",
        current_organisation="provincie utrecht",
    )

    response = recruiter_client.post(add_url(vacancy), person())

    assert response.status_code == 200
    page = html(response)
    assert "zelfde naam en organisatie" in page
    assert "i.jansen@provincie-utrecht.nl" in page
    assert "Dit is een nieuwe persoon: toevoegen" in page
    assert Candidate.objects.count() == 1

    confirmed = recruiter_client.post(add_url(vacancy), person(confirm_new="1"))

    assert confirmed.status_code == 302
    assert Candidate.objects.count() == 2
    new = Candidate.objects.get(email="inge.jansen@example.nl")
    assert new.applications.get().vacancy == vacancy


def test_same_last_name_and_first_initial_is_a_similar_name(recruiter_client, vacancy):
    CandidateFactory(
        first_name="Ingrid",
        last_name="Jansen",
        email="ingrid@example.org",
        current_organisation="Gemeente Utrecht",
    )
    CandidateFactory(first_name="Piet", last_name="Jansen", email="piet@example.org")

    response = recruiter_client.post(add_url(vacancy), person())

    page = html(response)
    assert "lijkende naam" in page
    assert "Ingrid Jansen" in page
    assert "Piet Jansen" not in page


def test_no_duplicates_means_the_person_is_added_at_once(recruiter_client, vacancy):
    CandidateFactory(first_name="Piet", last_name="de Vries", email="piet@example.org")

    response = recruiter_client.post(add_url(vacancy), person())

    assert response.status_code == 302
    assert Candidate.objects.count() == 2


@pytest.mark.postgres
def test_similar_name_by_trigram_similarity_on_postgresql(recruiter_client, vacancy):
    CandidateFactory(first_name="Inge", last_name="Janssen", email="ij@example.org")
    CandidateFactory(first_name="Piet", last_name="Jansen", email="piet@example.org")

    response = recruiter_client.post(add_url(vacancy), person())

    assert response.status_code == 200
    page = html(response)
    assert "lijkende naam" in page
    assert "Inge Janssen" in page
    assert "Piet Jansen" not in page
    assert not Application.objects.exists()


def test_a_refusal_by_the_service_keeps_the_form_filled_in(recruiter_client, vacancy, monkeypatch):
    def refuse(**kwargs):
        raise ValidationError("Er bestaat al een kandidaat met dit e-mailadres.", code="x")

    monkeypatch.setattr("candidates.views.sourcing.candidate_source", refuse)

    response = recruiter_client.post(add_url(vacancy), person())

    assert response.status_code == 400
    page = html(response)
    assert "Er bestaat al een kandidaat met dit e-mailadres." in page
    assert 'value="inge.jansen@example.nl"' in page
    assert "Gesproken op het congres" in page


# Picking an existing person ---------------------------------------------------------------------


def test_picking_the_duplicate_adds_their_application_and_leaves_their_record(
    recruiter_client, recruiter, vacancy
):
    existing = CandidateFactory(
        first_name="Inge", last_name="Jansen", email="inge@elders.nl", phone="010 000 0000"
    )
    ApplicationFactory(candidate=existing, vacancy=VacancyFactory(title="Griffier"))

    shown = recruiter_client.post(add_url(vacancy), person())
    assert "Griffier" in html(shown)
    response = recruiter_client.post(
        add_url(vacancy), person(existing=str(existing.pk), stage="longlist")
    )

    assert response.status_code == 302
    assert Candidate.objects.count() == 1
    existing.refresh_from_db()
    assert existing.email == "inge@elders.nl"
    assert existing.phone == "010 000 0000"
    application = existing.applications.get(vacancy=vacancy)
    assert application.stage == Application.Stage.LONGLIST
    assert application.source == Application.Source.SOURCED
    assert application.stage_changes.get().changed_by == recruiter


def test_search_finds_an_existing_candidate_to_add(recruiter_client, vacancy):
    existing = CandidateFactory(first_name="Marieke", last_name="Hoogland", email="mh@example.nl")
    CandidateFactory(first_name="Kees", last_name="Smit", email="ks@example.nl")

    results = recruiter_client.get(add_url(vacancy), {"q": "hoogland"})
    page = html(results)
    assert "Marieke Hoogland" in page
    assert "Kees Smit" not in page
    assert f"?existing={existing.pk}" in page

    chosen = recruiter_client.get(add_url(vacancy), {"existing": existing.pk})
    assert chosen.status_code == 200
    assert "Marieke Hoogland" in html(chosen)
    assert f'name="existing" value="{existing.pk}"' in html(chosen)
    assert "Voornaam" not in html(chosen)

    response = recruiter_client.post(
        add_url(vacancy), {"existing": existing.pk, "source": "referred", "stage": "sourced"}
    )

    assert response.status_code == 302
    assert existing.applications.get().source == Application.Source.REFERRED


def test_search_by_email_and_several_words(recruiter_client, vacancy):
    CandidateFactory(first_name="Marieke", last_name="Hoogland", email="mh@provincie.nl")

    assert "Marieke Hoogland" in html(
        recruiter_client.get(add_url(vacancy), {"q": "MH@Provincie.NL"})
    )
    assert "Marieke Hoogland" in html(recruiter_client.get(add_url(vacancy), {"q": "marieke hoog"}))
    assert "Geen kandidaten gevonden." in html(
        recruiter_client.get(add_url(vacancy), {"q": "marieke smit"})
    )


@pytest.mark.parametrize(
    "query",
    [
        "'\"&|!:*()",
        "%",
        "_",
        "a\x00b",
        "\x00",
        "a" * 10_000,
        "   ",
        "\\",
        "<script>x</script>",
        "é ü ñ",
    ],
)
def test_any_search_text_is_answered(recruiter_client, vacancy, query):
    CandidateFactory(first_name="Marieke", last_name="Hoogland")

    response = recruiter_client.get(add_url(vacancy), {"q": query})

    assert response.status_code == 200
    assert "Marieke Hoogland" not in html(response)
    assert "<script>x</script>" not in html(response)


@pytest.mark.parametrize("existing", ["abc", "-1", "0", "99999999999999999999", "99999"])
def test_an_unknown_existing_candidate_is_a_message_not_an_error(
    recruiter_client, vacancy, existing
):
    shown = recruiter_client.get(add_url(vacancy), {"existing": existing})
    posted = recruiter_client.post(add_url(vacancy), {"existing": existing, "stage": "sourced"})

    assert shown.status_code == 200
    assert "Deze kandidaat bestaat niet meer" in html(shown)
    assert posted.status_code == 400
    assert not Application.objects.exists()


# Refusal: already in the pipeline ---------------------------------------------------------------


def test_a_person_already_in_the_pipeline_is_refused_with_their_stage(recruiter_client, vacancy):
    existing = CandidateFactory(first_name="Inge", last_name="Jansen", email="inge@elders.nl")
    ApplicationFactory(candidate=existing, vacancy=vacancy, stage=Application.Stage.SHORTLIST)

    shown = recruiter_client.get(add_url(vacancy), {"existing": existing.pk})
    duplicates = recruiter_client.post(add_url(vacancy), person())
    response = recruiter_client.post(
        add_url(vacancy), {"existing": existing.pk, "source": "sourced", "stage": "sourced"}
    )

    assert "Inge Jansen staat al in de procedure van deze vacature, in de fase “Shortlist”." in (
        html(shown)
    )
    assert 'name="existing"' not in html(shown)
    assert "Staat al in de procedure van deze vacature, in de fase “Shortlist”." in html(duplicates)
    assert f'name="existing" value="{existing.pk}"' not in html(duplicates)
    assert response.status_code == 400
    assert "Inge Jansen staat al in de procedure van deze vacature, in de fase “Shortlist”." in (
        html(response)
    )
    assert Application.objects.count() == 1


def test_service_refuses_a_person_already_in_the_pipeline(recruiter, vacancy):
    existing = ApplicationFactory(vacancy=vacancy, stage=Application.Stage.LONGLIST).candidate

    with pytest.raises(ValidationError) as error:
        candidate_source(vacancy=vacancy, by=recruiter, data={}, existing=existing)

    assert error.value.code == "already_in_pipeline"
    assert "Longlist" in error.value.messages[0]
    assert Application.objects.count() == 1


def test_service_reports_a_candidate_merged_away_meanwhile(recruiter, vacancy):
    gone = CandidateFactory()
    Candidate.objects.filter(pk=gone.pk).delete()

    with pytest.raises(ValidationError) as error:
        candidate_source(vacancy=vacancy, by=recruiter, data={}, existing=gone)

    assert error.value.code == "gone"


# The sourced person applies later ---------------------------------------------------------------


@pytest.mark.usefixtures("private_storage", "fresh_cache")
@pytest.mark.parametrize("source", ["sourced", "referred"])
def test_a_sourced_person_who_applies_hands_in_documents_and_becomes_applied(
    client, recruiter, source
):
    vacancy = VacancyFactory(closing_date=OPEN.date().replace(day=15))
    application = candidate_source(
        vacancy=vacancy, by=recruiter, data=person(), source=source, outreach="interested"
    )

    with time_machine.travel(OPEN, tick=False):
        response = client.post(
            reverse("candidates:apply", args=[vacancy.reference]),
            {
                "first_name": "Inge",
                "last_name": "Jansen",
                "email": "INGE.JANSEN@example.nl",
                "phone": "06 1234 5678",
                "current_position": "Directeur Bedrijfsvoering",
                "current_organisation": "Provincie Utrecht",
                "linkedin_url": "",
                "privacy_accepted": "on",
                "motivation": upload(make_pdf("Motivatie Inge"), "motivatie.pdf"),
                "cv": upload(make_pdf("CV Inge"), "cv.pdf"),
                "website": "",
            },
        )

    assert response.status_code == 302, html(response)
    assert Application.objects.count() == 1
    application.refresh_from_db()
    assert application.stage == Application.Stage.APPLIED
    assert application.source == source
    assert application.outreach == Application.Outreach.INTERESTED
    assert application.privacy_accepted_at is not None
    assert sorted(application.documents.values_list("kind", flat=True)) == [
        Document.Kind.CV,
        Document.Kind.MOTIVATION,
    ]
    history = list(StageChange.objects.filter(application=application).order_by("pk"))
    assert [(c.from_stage, c.to_stage) for c in history] == [
        ("", "sourced"),
        ("sourced", "applied"),
    ]
    assert history[0].changed_by == recruiter
    assert history[1].changed_by is None
    assert history[1].reason == "Na benadering gesolliciteerd via de website"


@pytest.mark.usefixtures("private_storage")
def test_a_sourced_person_on_the_longlist_who_applies_stays_on_the_longlist(recruiter):
    vacancy = VacancyFactory(closing_date=OPEN.date().replace(day=15))
    application = candidate_source(
        vacancy=vacancy, by=recruiter, data=person(), stage=Application.Stage.LONGLIST
    )

    with time_machine.travel(OPEN, tick=False):
        application_submit(
            vacancy=vacancy,
            data={"first_name": "Inge", "last_name": "Jansen", "email": "inge.jansen@example.nl"},
            motivation=upload(make_pdf("M")),
            cv=upload(make_pdf("C")),
        )
        # Handing in documents twice is applying twice.
        with pytest.raises(ValidationError) as error:
            application_submit(
                vacancy=vacancy,
                data={"first_name": "I", "last_name": "J", "email": "inge.jansen@example.nl"},
                motivation=upload(make_pdf("M2")),
                cv=upload(make_pdf("C2")),
            )

    application.refresh_from_db()
    assert application.stage == Application.Stage.LONGLIST
    assert application.documents.count() == 2
    assert error.value.code == "already_applied"


# Outreach ---------------------------------------------------------------------------------------


def outreach_url(application):
    return reverse("candidates:application_outreach", args=[application.pk])


def test_outreach_changes_and_returns_to_the_page_it_came_from(recruiter_client, vacancy):
    application = ApplicationFactory(
        vacancy=vacancy, stage="sourced", source="sourced", outreach="approached"
    )
    back = reverse("candidates:candidate_detail", args=[application.candidate.pk])

    response = recruiter_client.post(
        outreach_url(application), {"outreach": "interested", "next": back}
    )

    assert response.status_code == 302
    assert response["Location"] == back
    application.refresh_from_db()
    assert application.outreach == Application.Outreach.INTERESTED


def test_outreach_never_redirects_to_another_site(recruiter_client, vacancy):
    application = ApplicationFactory(vacancy=vacancy, outreach="approached")

    response = recruiter_client.post(
        outreach_url(application), {"outreach": "no_answer", "next": "https://evil.example/"}
    )

    assert response["Location"] == reverse(
        "candidates:candidate_detail", args=[application.candidate.pk]
    )
    application.refresh_from_db()
    assert application.outreach == Application.Outreach.NO_ANSWER


def test_outreach_with_htmx_returns_the_form_marked_saved(recruiter_client, vacancy):
    application = ApplicationFactory(vacancy=vacancy, outreach="approached")

    response = recruiter_client.post(
        outreach_url(application), {"outreach": "not_interested"}, headers={"HX-Request": "true"}
    )

    assert response.status_code == 200
    page = html(response)
    assert "Opgeslagen" in page
    assert '<option value="not_interested" selected>Niet geïnteresseerd</option>' in page
    assert f'id="outreach-{application.pk}"' in page


def test_an_invalid_outreach_changes_nothing(recruiter_client, vacancy):
    application = ApplicationFactory(vacancy=vacancy, outreach="approached")

    response = recruiter_client.post(outreach_url(application), {"outreach": "maybe"}, follow=True)
    htmx = recruiter_client.post(
        outreach_url(application), {"outreach": "'; drop"}, headers={"HX-Request": "true"}
    )

    assert "Kies een geldige stand van de benadering." in html(response)
    assert "Kies een geldige stand van de benadering." in html(htmx)
    application.refresh_from_db()
    assert application.outreach == Application.Outreach.APPROACHED


def test_outreach_can_be_cleared_by_the_service(recruiter, vacancy):
    application = ApplicationFactory(vacancy=vacancy, outreach="approached")

    application_set_outreach(application=application, by=recruiter, outreach="")

    application.refresh_from_db()
    assert application.outreach == ""
    with pytest.raises(ValidationError):
        application_set_outreach(application=application, by=recruiter, outreach="x")


def test_the_outreach_partial_can_be_included_on_other_pages(rf, recruiter, vacancy):
    from django.template.loader import render_to_string

    application = ApplicationFactory(vacancy=vacancy, outreach="no_answer")
    request = rf.get("/kantoor/")
    request.user = recruiter

    page = render_to_string(
        "candidates/_outreach_form.html", {"application": application}, request=request
    )

    assert f'action="{outreach_url(application)}"' in page
    assert '<option value="no_answer" selected>Geen reactie</option>' in page
    assert 'for="outreach-' in page
    assert 'name="next" value="/kantoor/"' in page


# Queries ----------------------------------------------------------------------------------------


def test_duplicates_and_search_take_the_same_queries_with_10_and_1000_look_alikes(
    recruiter_client, vacancy, django_assert_max_num_queries
):
    def measure(count):
        Candidate.objects.all().delete()
        candidates = Candidate.objects.bulk_create(
            Candidate(
                first_name="Inge",
                last_name="Jansen",
                email=f"inge{n}@example.org",
                current_organisation="Provincie Utrecht",
            )
            for n in range(count)
        )
        other = VacancyFactory(title="Griffier")
        Application.objects.bulk_create(
            Application(candidate=c, vacancy=other, access_token=f"t{count}-{c.pk}")
            for c in candidates
        )
        with django_assert_max_num_queries(20) as duplicates:
            recruiter_client.post(add_url(vacancy), person())
        with django_assert_max_num_queries(20) as search:
            recruiter_client.get(add_url(vacancy), {"q": "inge jansen"})
        return len(duplicates.captured_queries), len(search.captured_queries)

    measure_10 = measure(10)
    measure_1000 = measure(1000)

    assert measure_10 == measure_1000


# Access -----------------------------------------------------------------------------------------


def urls(vacancy):
    application = ApplicationFactory(vacancy=vacancy)
    return [
        ("get", add_url(vacancy), {}),
        ("post", add_url(vacancy), person()),
        ("post", outreach_url(application), {"outreach": "interested"}),
    ]


def test_committee_member_gets_404_everywhere_even_on_their_own_vacancy(
    client, committee_user, vacancy
):
    CommitteeMemberFactory(vacancy=vacancy, user=committee_user)
    client.force_login(committee_user)
    for method, url, data in urls(vacancy):
        assert getattr(client, method)(url, data).status_code == 404, url
    assert not Candidate.objects.filter(email="inge.jansen@example.nl").exists()
    assert not Application.objects.filter(outreach="interested").exists()


def test_anonymous_is_sent_to_the_login_page_everywhere(client, vacancy):
    for method, url, data in urls(vacancy):
        response = getattr(client, method)(url, data)
        assert response.status_code == 302, url
        assert response["Location"].startswith(reverse("login")), url
    assert not Candidate.objects.filter(email="inge.jansen@example.nl").exists()
    assert not Application.objects.filter(outreach="interested").exists()


def test_recruiter_reaches_every_view(recruiter_client, vacancy):
    for method, url, data in urls(vacancy):
        assert getattr(recruiter_client, method)(url, data).status_code in (200, 302), url


def test_unknown_vacancy_or_application_is_404(recruiter_client):
    assert recruiter_client.get(reverse("candidates:source_add", args=[99999])).status_code == 404
    assert (
        recruiter_client.post(
            reverse("candidates:application_outreach", args=[99999]), {"outreach": ""}
        ).status_code
        == 404
    )


def test_outreach_is_post_only(recruiter_client, vacancy):
    application = ApplicationFactory(vacancy=vacancy)

    assert recruiter_client.get(outreach_url(application)).status_code == 405
