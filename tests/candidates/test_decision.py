"""The decision: the works council's advice before the appointment, the nomination, the
appointment that ends the procedure, informing the remaining candidates; and references, with
the candidate's consent."""

import re
from datetime import datetime, timedelta
from io import StringIO
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.contrib.messages import get_messages
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from candidates import access
from candidates.demo.builder import REF_IPO_2020, REF_IPO_2026, REF_TWENTE_2019
from candidates.models import (
    Application,
    ApplicationEmail,
    Candidate,
    ConflictOfInterest,
    Nomination,
    Reference,
    Scorecard,
    ScorecardScore,
)
from candidates.services.candidate_page import application_from_link, status_link_token
from candidates.services.decision import appointment_record, nomination_record
from candidates.services.references import (
    reference_consent_answer,
    reference_consent_request,
    reference_record,
)
from candidates.services.release import application_release
from candidates.services.stages import application_move
from mail.models import OutgoingEmail
from tests.accounts.factories import RecruiterFactory, UserFactory
from tests.candidates.factories import ApplicationFactory, CandidateFactory
from tests.candidates.pdfs import private_storage_fixture  # noqa: F401
from tests.vacancies.factories import CommitteeMemberFactory, RequirementFactory, VacancyFactory
from vacancies.models import CommitteeMember, Vacancy, WorksCouncilAdvice
from vacancies.services.works_council import (
    works_council_record_advice,
    works_council_set_required,
)

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("private_storage")]

Stage = Application.Stage


@pytest.fixture
def vacancy():
    consultant = RecruiterFactory(
        username="inge", first_name="Inge", last_name="Diepenhorst", email="inge@example.org"
    )
    return VacancyFactory(lead_consultant=consultant, status=Vacancy.Status.CLOSED)


def applicant(vacancy, first_name, stage=Stage.COMMITTEE, language="nl", **kwargs):
    candidate = CandidateFactory(
        first_name=first_name,
        last_name="Jansen",
        language=language,
        email=f"{first_name.lower()}@example.org",
    )
    if stage == Stage.REJECTED:
        kwargs.setdefault("rejection_code", "profile")
    return ApplicationFactory(vacancy=vacancy, candidate=candidate, stage=stage, **kwargs)


def stage_of(application) -> str:
    return Application.objects.get(pk=application.pk).stage


def messages_of(response):
    return [str(message) for message in get_messages(response.wsgi_request)]


def advice_received(vacancy):
    works_council_record_advice(
        vacancy=vacancy,
        received_on=timezone.localdate(),
        content="De ondernemingsraad adviseert positief.",
        by=None,
    )


def nominate(vacancy, application, recruiter=None):
    return nomination_record(
        vacancy=vacancy,
        application=application,
        rationale="Sterk bestuurlijk profiel.",
        decided_on=timezone.localdate(),
        by=recruiter,
    )


def url(name, obj):
    return reverse(f"candidates:{name}", args=[obj.pk])


# The works council's advice comes before the appointment ---------------------------------------


def test_while_the_step_is_on_nobody_is_appointed_before_the_advice(vacancy, recruiter):
    anna = applicant(vacancy, "Anna", Stage.PREFERRED)

    with pytest.raises(ValidationError) as caught:
        application_move(application=anna, to_stage=Stage.APPOINTED, by=recruiter)

    assert caught.value.code == "works_council"
    assert caught.value.messages == [
        "Niet benoemd: het advies van de ondernemingsraad is nog niet ontvangen. Leg eerst het "
        "advies vast, of zet deze stap uit voor deze vacature."
    ]
    assert stage_of(anna) == Stage.PREFERRED
    vacancy.refresh_from_db()
    assert vacancy.status == Vacancy.Status.CLOSED and vacancy.ended_at is None


def test_the_board_obeys_the_works_council_rule(recruiter_client, vacancy):
    anna = applicant(vacancy, "Anna", Stage.PREFERRED)
    data = {"to_stage": "appointed", "expected_stage": "preferred"}

    response = recruiter_client.post(url("application_move", anna), data)

    assert response.status_code == 302
    assert stage_of(anna) == Stage.PREFERRED
    assert any("advies van de ondernemingsraad" in text for text in messages_of(response))

    bulk = recruiter_client.post(
        url("board_bulk_move", vacancy),
        {"to_stage": "appointed", "selected": [f"{anna.pk}:preferred"]},
    )
    assert any("advies van de ondernemingsraad" in text for text in messages_of(bulk))
    assert stage_of(anna) == Stage.PREFERRED

    advice_received(vacancy)
    recruiter_client.post(url("application_move", anna), data)
    assert stage_of(anna) == Stage.APPOINTED


def test_a_request_without_advice_still_blocks(vacancy, recruiter):
    from vacancies.services.works_council import works_council_request

    works_council_request(vacancy=vacancy, on=timezone.localdate(), by=recruiter)
    anna = applicant(vacancy, "Anna", Stage.PREFERRED)

    with pytest.raises(ValidationError):
        application_move(application=anna, to_stage=Stage.APPOINTED, by=recruiter)


def test_with_the_step_off_the_appointment_needs_no_advice(vacancy, recruiter):
    works_council_set_required(vacancy=vacancy, required=False, by=recruiter)
    anna = applicant(vacancy, "Anna", Stage.PREFERRED)

    application_move(application=anna, to_stage=Stage.APPOINTED, by=recruiter)

    assert stage_of(anna) == Stage.APPOINTED


# The nomination ---------------------------------------------------------------------------------


def test_the_nomination_moves_the_nominee_to_preferred(recruiter_client, vacancy, recruiter):
    anna = applicant(vacancy, "Anna", Stage.COMMITTEE)
    day = timezone.localdate() - timedelta(days=1)

    response = recruiter_client.post(
        url("nominate", vacancy),
        {"application": anna.pk, "rationale": "Verbindend en koersvast.", "decided_on": day},
    )

    assert response.status_code == 302
    assert response["Location"] == url("decision", vacancy)
    nomination = Nomination.objects.get(vacancy=vacancy)
    assert (nomination.application, nomination.rationale, nomination.decided_on) == (
        anna,
        "Verbindend en koersvast.",
        day,
    )
    assert nomination.recorded_by == recruiter
    assert stage_of(anna) == Stage.PREFERRED
    page = recruiter_client.get(url("decision", vacancy)).content.decode()
    assert "Verbindend en koersvast." in page


def test_a_new_nomination_replaces_the_earlier_one(vacancy, recruiter):
    anna = applicant(vacancy, "Anna", Stage.COMMITTEE)
    bram = applicant(vacancy, "Bram", Stage.COMMITTEE)
    nominate(vacancy, anna, recruiter)

    nominate(vacancy, bram, recruiter)

    assert Nomination.objects.get(vacancy=vacancy).application == bram
    assert stage_of(bram) == Stage.PREFERRED
    # The earlier nominee goes back to the committee round; the history keeps the nomination.
    assert stage_of(anna) == Stage.COMMITTEE
    assert list(anna.stage_changes.values_list("to_stage", flat=True)) == [
        Stage.PREFERRED,
        Stage.COMMITTEE,
    ]


@pytest.mark.parametrize(
    ("data", "field", "message"),
    [
        ({"rationale": ""}, "rationale", "Schrijf op waarom de commissie deze kandidaat verkiest."),
        ({"application": ""}, "application", "Kies de voorkeurskandidaat."),
        ({"decided_on": "2999-01-01"}, "decided_on", "Deze datum ligt in de toekomst."),
        ({"decided_on": "gisteren"}, "decided_on", "Voer een geldige datum in."),
    ],
)
def test_a_bad_nomination_is_refused_and_keeps_what_was_typed(
    recruiter_client, vacancy, data, field, message
):
    anna = applicant(vacancy, "Anna", Stage.COMMITTEE)
    posted = {
        "application": anna.pk,
        "rationale": "Verbindend.",
        "decided_on": timezone.localdate().isoformat(),
        **data,
    }

    response = recruiter_client.post(url("nominate", vacancy), posted)

    assert response.status_code == 400
    form = response.context["form"]
    assert form.errors[field] == [message]
    assert form["rationale"].value() == posted["rationale"]
    assert not Nomination.objects.exists()
    assert stage_of(anna) == Stage.COMMITTEE


def test_only_a_candidate_of_this_vacancy_in_the_committee_round_can_be_nominated(
    recruiter_client, vacancy, recruiter
):
    applied = applicant(vacancy, "Anna", Stage.APPLIED)
    elsewhere = applicant(VacancyFactory(), "Bram", Stage.COMMITTEE)

    for application in (applied, elsewhere):
        response = recruiter_client.post(
            url("nominate", vacancy),
            {"application": application.pk, "rationale": "x", "decided_on": "2026-01-01"},
        )
        assert response.status_code == 400
        assert response.context["form"].errors["application"] == [
            "Kies een van de kandidaten in de lijst."
        ]
    with pytest.raises(ValidationError):
        nominate(vacancy, applied, recruiter)
    assert not Nomination.objects.exists()


# The appointment ------------------------------------------------------------------------------


def test_the_appointment_waits_for_the_works_council(recruiter_client, vacancy):
    anna = applicant(vacancy, "Anna", Stage.COMMITTEE)
    nominate(vacancy, anna)

    page = recruiter_client.get(url("decision", vacancy)).content.decode()
    assert 'id="waiting-for-advice"' in page and 'id="appoint-form"' not in page
    response = recruiter_client.post(url("appoint", vacancy))

    assert response["Location"] == url("decision", vacancy)
    assert stage_of(anna) == Stage.PREFERRED
    assert any("advies van de ondernemingsraad" in text for text in messages_of(response))


def test_appointing_ends_the_procedure_and_the_committees_access(client, vacancy, recruiter):
    member = CommitteeMemberFactory(vacancy=vacancy, user=UserFactory(username="lid"))
    anna = applicant(vacancy, "Anna", Stage.SHORTLIST)
    application_release(application=anna, by=recruiter)
    nominate(vacancy, anna, recruiter)
    advice_received(vacancy)
    assert access.can_view_vacancy(member.user, vacancy)
    assert access.can_view_application(member.user, anna)

    client.force_login(recruiter)
    page = client.get(url("decision", vacancy)).content.decode()
    assert 'id="appoint-form"' in page
    response = client.post(url("appoint", vacancy))

    assert response["Location"] == url("inform_remaining", vacancy)
    assert stage_of(anna) == Stage.APPOINTED
    vacancy.refresh_from_db()
    assert vacancy.status == Vacancy.Status.APPOINTED
    assert vacancy.ended_at is not None
    assert not access.can_view_vacancy(member.user, vacancy)
    assert not access.can_view_application(member.user, anna)
    client.force_login(member.user)
    assert client.get(url("committee_vacancy", vacancy)).status_code == 404
    assert client.get(url("committee_application", anna)).status_code == 404


def test_appointing_in_a_published_vacancy_closes_it_first(vacancy, recruiter):
    Vacancy.objects.filter(pk=vacancy.pk).update(status=Vacancy.Status.PUBLISHED)
    works_council_set_required(vacancy=vacancy, required=False, by=recruiter)
    anna = applicant(vacancy, "Anna", Stage.PREFERRED)

    moved = application_move(application=anna, to_stage=Stage.APPOINTED, by=recruiter)

    vacancy.refresh_from_db()
    assert vacancy.status == Vacancy.Status.APPOINTED and vacancy.ended_at
    assert moved.vacancy.status == Vacancy.Status.APPOINTED


def test_a_cancelled_vacancy_appoints_nobody(vacancy, recruiter):
    Vacancy.objects.filter(pk=vacancy.pk).update(
        status=Vacancy.Status.CANCELLED, works_council_advice=False
    )
    anna = applicant(vacancy, "Anna", Stage.PREFERRED)

    with pytest.raises(ValidationError):
        application_move(application=anna, to_stage=Stage.APPOINTED, by=recruiter)

    assert stage_of(anna) == Stage.PREFERRED


def test_no_appointment_without_a_nomination(recruiter_client, vacancy):
    response = recruiter_client.post(url("appoint", vacancy))

    assert messages_of(response) == ["Leg de voordracht van de commissie vast vóór de benoeming."]
    with pytest.raises(ValidationError):
        appointment_record(vacancy=vacancy, by=None)


# The decision page ----------------------------------------------------------------------------


def test_the_decision_page_is_the_record(recruiter_client, vacancy, recruiter):
    requirement = RequirementFactory(vacancy=vacancy)
    anna = applicant(vacancy, "Anna", Stage.COMMITTEE)
    bram = applicant(vacancy, "Bram", Stage.COMMITTEE)
    applicant(vacancy, "Carla", Stage.APPLIED)
    chair = CommitteeMemberFactory(
        vacancy=vacancy,
        role=CommitteeMember.Role.CHAIR,
        user=UserFactory(username="vz", first_name="Marieke", last_name="Hoogland"),
    )
    member = CommitteeMemberFactory(
        vacancy=vacancy, user=UserFactory(username="lid", first_name="Hans", last_name="Veld")
    )
    ConflictOfInterest.objects.create(member=member, application=bram, explanation="Oud-collega")
    for who, score in ((chair, 4), (member, 5)):
        card = Scorecard.objects.create(member=who, application=anna, submitted_at=timezone.now())
        ScorecardScore.objects.create(scorecard=card, requirement=requirement, score=score)
    draft = Scorecard.objects.create(member=chair, application=bram)  # not submitted: no count
    ScorecardScore.objects.create(scorecard=draft, requirement=requirement, score=1)
    works_council_record_advice(
        vacancy=vacancy, received_on=timezone.localdate(), content="Positief advies", by=None
    )

    response = recruiter_client.get(url("decision", vacancy))

    assert response.status_code == 200
    html = response.content.decode()
    candidates = {a.candidate.first_name: a for a in response.context["candidates"]}
    assert set(candidates) == {"Anna", "Bram"}  # Carla has not reached the shortlist
    assert (candidates["Anna"].scorecards_submitted, candidates["Anna"].score_average) == (2, 4.5)
    assert (candidates["Bram"].scorecards_submitted, candidates["Bram"].score_average) == (0, None)
    assert "4,5" in html
    assert "Hans Veld" in html and "Oud-collega" in html
    assert "Positief advies" in html
    assert reverse("vacancies:works_council", args=[vacancy.pk]) in html
    assert url("score_matrix", vacancy) in html
    assert url("references", anna) in html
    # The nomination offers the candidates of the committee round, not Carla.
    choices = [label for _value, label in response.context["form"].fields["application"].choices]
    assert any("Anna" in str(label) for label in choices)
    assert not any("Carla" in str(label) for label in choices)


def test_the_decision_pages_are_the_recruiters(client, vacancy):
    member = CommitteeMemberFactory(vacancy=vacancy, role=CommitteeMember.Role.CHAIR)
    anna = applicant(vacancy, "Anna", Stage.COMMITTEE)
    pages = [url("decision", vacancy), url("inform_remaining", vacancy), url("references", anna)]

    for page in pages:
        assert client.get(page).status_code == 302  # anonymous: to the login page
    client.force_login(member.user)
    for page in pages:
        assert client.get(page).status_code == 404
    response = client.post(
        url("nominate", vacancy),
        {"application": anna.pk, "rationale": "x", "decided_on": "2026-01-01"},
    )
    assert response.status_code == 404
    assert client.post(url("appoint", vacancy)).status_code == 404
    assert not Nomination.objects.exists()


def test_the_decision_page_query_count_does_not_grow_with_the_candidates(
    recruiter_client, vacancy, django_assert_num_queries, django_assert_max_num_queries
):
    def make(count, start):
        candidates = Candidate.objects.bulk_create(
            Candidate(first_name="K", last_name=str(i), email=f"k{i}@example.org")
            for i in range(start, start + count)
        )
        Application.objects.bulk_create(
            Application(
                candidate=c, vacancy=vacancy, stage=Stage.COMMITTEE, access_token=f"t{c.pk}"
            )
            for c in candidates
        )

    make(3, 0)
    recruiter_client.get(url("decision", vacancy))  # warm up
    with django_assert_max_num_queries(14) as small:
        recruiter_client.get(url("decision", vacancy))
    make(27, 3)
    with django_assert_num_queries(len(small.captured_queries)):
        response = recruiter_client.get(url("decision", vacancy))
    assert len(response.context["candidates"]) == 30


# Informing the remaining candidates -------------------------------------------------------------


@pytest.fixture
def appointed(vacancy, recruiter):
    """Anna appointed; Bram (committee round, Dutch), Carla (applied, English) still waiting;
    Dirk rejected before and Eva withdrawn."""
    people = {
        "anna": applicant(vacancy, "Anna", Stage.COMMITTEE),
        "bram": applicant(vacancy, "Bram", Stage.COMMITTEE),
        "carla": applicant(vacancy, "Carla", Stage.APPLIED, language="en"),
        "dirk": applicant(vacancy, "Dirk", Stage.REJECTED, rejection_reason="Eerder afgewezen"),
        "eva": applicant(vacancy, "Eva", Stage.WITHDRAWN),
    }
    nominate(vacancy, people["anna"], recruiter)
    advice_received(vacancy)
    appointment_record(vacancy=vacancy, by=recruiter)
    return people


def test_the_remaining_candidates_are_listed_with_the_template_that_fits(
    recruiter_client, vacancy, appointed
):
    response = recruiter_client.get(url("inform_remaining", vacancy))

    assert response.status_code == 200
    assert [a.candidate.first_name for a in response.context["remaining"]] == ["Bram", "Carla"]
    groups = {
        (p["kind"], p["language"]): [a.candidate.first_name for a in p["applications"]]
        for p in response.context["previews"]
    }
    assert groups == {
        ("reject_after_interview", "nl"): ["Bram"],
        ("reject_after_letter", "en"): ["Carla"],
    }
    html = response.content.decode()
    # The previews, as each will see it.
    assert "Uw kandidatuur voor de functie van Algemeen Directeur" in html
    assert "Your application for the position of Algemeen Directeur" in html
    assert "Dear Carla Jansen," in html


def test_informing_rejects_all_remaining_each_with_their_email(
    recruiter_client, vacancy, appointed, recruiter, mailoutbox, django_capture_on_commit_callbacks
):
    page = recruiter_client.get(url("inform_remaining", vacancy))
    data = {"applications": [a.pk for a in page.context["remaining"]]}
    data.update({f"seen_{a.pk}": a.stage for a in page.context["remaining"]})

    with django_capture_on_commit_callbacks(execute=True):
        response = recruiter_client.post(url("inform_remaining", vacancy), data)

    assert response["Location"] == url("inform_remaining", vacancy)
    assert messages_of(response) == [
        "2 kandidaten zijn geïnformeerd: afgewezen, elk met een eigen e-mail."
    ]
    for key in ("bram", "carla"):
        application = Application.objects.get(pk=appointed[key].pk)
        assert application.stage == Stage.REJECTED
        assert application.rejection_code == Application.RejectionReason.STRONGER
    assert stage_of(appointed["anna"]) == Stage.APPOINTED
    dirk = Application.objects.get(pk=appointed["dirk"].pk)
    assert dirk.rejection_reason == "Eerder afgewezen" and dirk.rejection_code == "profile"
    assert stage_of(appointed["eva"]) == Stage.WITHDRAWN
    sent = {message.to[0]: message for message in mailoutbox}
    assert set(sent) == {"bram@example.org", "carla@example.org"}
    assert (
        sent["bram@example.org"].subject == "Uw kandidatuur voor de functie van Algemeen Directeur"
    )
    assert sent["carla@example.org"].subject == (
        "Your application for the position of Algemeen Directeur"
    )
    assert sent["carla@example.org"].body.startswith("Dear Carla Jansen,")
    kinds = dict(ApplicationEmail.objects.values_list("application__candidate__first_name", "kind"))
    assert kinds == {"Bram": "reject_after_interview", "Carla": "reject_after_letter"}

    after = recruiter_client.get(url("inform_remaining", vacancy)).content.decode()
    assert 'id="all-informed"' in after
    again = recruiter_client.post(url("inform_remaining", vacancy), data)
    assert messages_of(again) == ["Er was niemand meer om te informeren."]
    assert ApplicationEmail.objects.count() == 2


def test_only_those_seen_are_informed(recruiter_client, vacancy, appointed):
    late = applicant(vacancy, "Fleur", Stage.APPLIED)
    other = applicant(VacancyFactory(), "Gijs", Stage.APPLIED)

    recruiter_client.post(
        url("inform_remaining", vacancy),
        {
            "applications": [appointed["bram"].pk, other.pk, "x"],
            f"seen_{appointed['bram'].pk}": "committee",
        },
    )

    assert stage_of(appointed["bram"]) == Stage.REJECTED
    assert stage_of(appointed["carla"]) == Stage.APPLIED
    assert stage_of(late) == Stage.APPLIED
    assert stage_of(other) == Stage.APPLIED


def test_informing_waits_for_the_appointment(recruiter_client, vacancy):
    bram = applicant(vacancy, "Bram", Stage.COMMITTEE)

    page = recruiter_client.get(url("inform_remaining", vacancy))
    assert page.status_code == 200
    assert 'id="not-appointed"' in page.content.decode()
    response = recruiter_client.post(url("inform_remaining", vacancy), {"applications": [bram.pk]})

    assert messages_of(response) == ["De overige kandidaten worden geïnformeerd na de benoeming."]
    assert stage_of(bram) == Stage.COMMITTEE


# References ------------------------------------------------------------------------------------


def test_no_reference_without_consent(vacancy, recruiter):
    anna = applicant(vacancy, "Anna", Stage.PREFERRED)

    with pytest.raises(ValidationError) as caught:
        reference_record(application=anna, referee_name="Jan de Wit", by=recruiter)

    assert caught.value.messages == [
        "Referenties worden alleen vastgelegd met toestemming van de kandidaat."
    ]
    reference_consent_request(application=anna, by=recruiter)
    with pytest.raises(ValidationError):
        reference_record(application=anna, referee_name="Jan de Wit", by=recruiter)
    reference_consent_answer(application=anna, given=False)
    with pytest.raises(ValidationError):
        reference_record(application=anna, referee_name="Jan de Wit", by=recruiter)
    assert not Reference.objects.exists()


def test_consent_asked_answered_on_the_candidates_page_then_recorded(
    client, vacancy, recruiter, mailoutbox, django_capture_on_commit_callbacks
):
    anna = applicant(vacancy, "Anna", Stage.PREFERRED)
    signed = status_link_token(anna)
    status_url = reverse("candidates:status", args=[signed])
    references_url = url("references", anna)
    assert 'id="status-references"' not in client.get(status_url).content.decode()

    client.force_login(recruiter)
    page = client.get(references_url).content.decode()
    assert 'id="consent-ask-form"' in page and 'id="reference-form"' not in page
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(references_url, {"action": "ask"})
    assert response.status_code == 302

    # The candidate gets an email with the link to their page; the outbox holds no link.
    email = OutgoingEmail.objects.get(template="reference_consent_candidate")
    assert signed not in str(email.context)
    assert ApplicationEmail.objects.get(application=anna).kind == "reference_consent"
    assert len(mailoutbox) == 1
    assert mailoutbox[0].to == ["anna@example.org"]
    assert mailoutbox[0].subject == "Toestemming voor referenties: Algemeen Directeur"
    link = re.search(r"/mijn-sollicitatie/([^/\s]+)/", mailoutbox[0].body)
    assert application_from_link(link.group(1)) == anna
    # Asking twice is refused.
    again = client.post(references_url, {"action": "ask"})
    assert messages_of(again)[-1] == (
        "De toestemming is al gevraagd; de kandidaat heeft nog niet geantwoord."
    )

    client.logout()
    status_page = client.get(status_url).content.decode()
    assert 'id="references-question"' in status_page
    question = client.get(reverse("candidates:status_references", args=[signed]))
    assert question.status_code == 200
    assert 'id="consent-form"' in question.content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        answer = client.post(
            reverse("candidates:status_references", args=[signed]), {"answer": "give"}
        )
    assert answer["Location"] == status_url
    anna.refresh_from_db()
    assert anna.reference_consent_given_at is not None
    assert 'id="references-answer"' in client.get(status_url).content.decode()
    assert mailoutbox[-1].to == ["inge@example.org"]  # the lead consultant is told
    # Answering again changes nothing.
    client.post(reverse("candidates:status_references", args=[signed]), {"answer": "refuse"})
    anna.refresh_from_db()
    assert anna.reference_consent_refused_at is None

    client.force_login(recruiter)
    assert 'id="reference-form"' in client.get(references_url).content.decode()
    response = client.post(
        references_url,
        {
            "action": "record",
            "referee_name": "Jan de Wit",
            "referee_relation": "Voormalig voorzitter raad van toezicht",
            "referee_contact": "06 1234 5678",
            "questions": "Hoe stuurt zij een organisatie aan?",
            "answers": "Verbindend en besluitvaardig.",
        },
    )
    assert response.status_code == 302
    reference = Reference.objects.get(application=anna)
    assert reference.referee_name == "Jan de Wit" and reference.recorded_by == recruiter
    assert "Verbindend en besluitvaardig." in client.get(references_url).content.decode()


def test_a_reference_without_a_name_is_refused_and_keeps_the_text(recruiter_client, vacancy):
    anna = applicant(vacancy, "Anna", Stage.PREFERRED)
    reference_consent_request(application=anna, by=None)
    reference_consent_answer(application=anna, given=True)

    response = recruiter_client.post(
        url("references", anna),
        {"action": "record", "referee_name": " ", "answers": "Zeer positief."},
    )

    assert response.status_code == 400
    form = response.context["form"]
    assert form.errors["referee_name"] == ["Vul de naam van de referent in."]
    assert form["answers"].value() == "Zeer positief."
    assert not Reference.objects.exists()


def test_the_chair_may_read_references_and_an_ordinary_member_not(vacancy, recruiter):
    anna = applicant(vacancy, "Anna", Stage.SHORTLIST)
    application_release(application=anna, by=recruiter)
    chair = CommitteeMemberFactory(vacancy=vacancy, role=CommitteeMember.Role.CHAIR)
    member = CommitteeMemberFactory(vacancy=vacancy)
    outsider = CommitteeMemberFactory(role=CommitteeMember.Role.CHAIR)  # chair elsewhere

    assert access.can_view_references(recruiter, anna)
    assert access.can_view_references(chair.user, anna)
    assert not access.can_view_references(member.user, anna)
    assert not access.can_view_references(outsider.user, anna)


def test_the_candidates_reference_page(client, vacancy, recruiter):
    anna = applicant(vacancy, "Anna", Stage.PREFERRED)
    signed = status_link_token(anna)
    page = reverse("candidates:status_references", args=[signed])

    # Nothing asked yet: the page says so and offers nothing.
    response = client.get(page)
    assert response.status_code == 200
    html = response.content.decode()
    assert 'id="consent-nothing"' in html and 'id="consent-form"' not in html
    client.post(page, {"answer": "give"})
    anna.refresh_from_db()
    assert anna.reference_consent_given_at is None
    # A tampered link does not exist; someone logged in is not the candidate.
    assert (
        client.get(reverse("candidates:status_references", args=[signed + "x"])).status_code == 404
    )
    reference_consent_request(application=anna, by=recruiter)
    client.force_login(recruiter)
    assert client.get(page).status_code == 403
    assert client.post(page, {"answer": "give"}).status_code == 403
    client.logout()
    response = client.post(page, {"answer": "refuse"})
    anna.refresh_from_db()
    assert anna.reference_consent_refused_at is not None and anna.reference_consent_given_at is None


# The demo's past procedures ----------------------------------------------------------------------


def test_the_demo_records_the_decisions_of_the_past_procedures(db, settings, client):
    settings.DEBUG = True  # load_demo refuses without it
    moment = datetime(2026, 11, 24, 10, 30, tzinfo=ZoneInfo("Europe/Amsterdam"))
    with time_machine.travel(moment, tick=False):
        call_command("load_demo", "--if-empty", stdout=StringIO())

    for reference, nominee, appointed in [
        (REF_IPO_2026, "Verhoeven", True),
        (REF_TWENTE_2019, "Scholten", True),
        (REF_IPO_2020, "Vos", False),
    ]:
        vacancy = Vacancy.objects.get(reference=reference)
        advice = WorksCouncilAdvice.objects.get(vacancy=vacancy)
        nomination = Nomination.objects.get(vacancy=vacancy)
        assert advice.requested_on <= advice.received_on <= timezone.localdate(moment)
        assert advice.content.startswith("De ")
        assert nomination.application.candidate.last_name == nominee
        assert nomination.rationale and nomination.decided_on <= advice.received_on
        assert vacancy.status == Vacancy.Status.APPOINTED and vacancy.ended_at
        if appointed:
            assert nomination.application.stage == Stage.APPOINTED
            assert vacancy.ended_at == nomination.application.stage_changed_at
            assert timezone.localdate(vacancy.ended_at) > advice.received_on

    client.login(username="inge", password="Werving-Demo-2026!")
    vacancy = Vacancy.objects.get(reference=REF_IPO_2026)
    page = client.get(url("decision", vacancy)).content.decode()
    assert "unaniem voor als Algemeen Directeur" in page
    assert "De centrale ondernemingsraad adviseert positief" in page
    remaining = client.get(url("inform_remaining", vacancy)).context["remaining"]
    assert {a.candidate.last_name for a in remaining} == {"Brinkman", "el Khatib"}


def test_after_the_appointment_the_nomination_no_longer_changes(
    recruiter_client, vacancy, appointed
):
    bram = appointed["bram"]

    response = recruiter_client.post(
        url("nominate", vacancy),
        {"application": bram.pk, "rationale": "Toch liever Bram.", "decided_on": "2026-01-01"},
    )

    assert response["Location"] == url("decision", vacancy)
    assert Nomination.objects.get(vacancy=vacancy).application == appointed["anna"]
    assert stage_of(bram) == Stage.COMMITTEE
    page = recruiter_client.get(url("decision", vacancy)).content.decode()
    assert 'id="nomination-form"' not in page and 'id="appointed"' in page
