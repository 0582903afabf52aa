"""Interviews: the recruiter plans, changes and cancels; the candidate and the members get emails
with a calendar file (parsed back here with icalendar); the candidate answers from their page;
members see their own schedule and download their own calendar files."""

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core.exceptions import ValidationError
from django.urls import reverse
from icalendar import Calendar

from candidates.models import Application, ConflictOfInterest, Interview
from candidates.services.candidate_page import status_link_token
from candidates.services.interviews import (
    interview_cancel,
    interview_change,
    interview_plan,
    interview_respond,
)
from candidates.services.release import application_release
from mail.models import OutgoingEmail
from tests.accounts.factories import RecruiterFactory, UserFactory
from tests.candidates.factories import ApplicationFactory, CandidateFactory
from tests.vacancies.factories import CommitteeMemberFactory, VacancyFactory

pytestmark = pytest.mark.django_db

AMS = ZoneInfo("Europe/Amsterdam")
# Monday 5 January 2026, 9:00 in Amsterdam: winter time.
NOW = datetime(2026, 1, 5, 9, 0, tzinfo=AMS)


def at(*args) -> datetime:
    return datetime(*args, tzinfo=AMS)


@pytest.fixture(autouse=True)
def frozen():
    with time_machine.travel(NOW, tick=False) as traveller:
        yield traveller


@pytest.fixture
def mail(mailoutbox, django_capture_on_commit_callbacks):
    """Run the on-commit hooks (queue -> send) and give the sent messages."""

    class Mail:
        def __init__(self):
            self.outbox = mailoutbox

        def capture(self):
            return django_capture_on_commit_callbacks(execute=True)

    return Mail()


@pytest.fixture
def world():
    consultant = RecruiterFactory(username="consultant", email="consultant@example.org")
    vacancy = VacancyFactory(status="closed", lead_consultant=consultant)
    anna = CandidateFactory(first_name="Anna", last_name="de Vries", email="anna@example.org")
    application = ApplicationFactory(
        vacancy=vacancy, candidate=anna, stage=Application.Stage.SHORTLIST
    )
    application_release(application=application, by=None)
    bram = CandidateFactory(first_name="Bram", last_name="Bakker", email="bram@example.org")
    other = ApplicationFactory(vacancy=vacancy, candidate=bram, stage=Application.Stage.SHORTLIST)
    application_release(application=other, by=None)
    unreleased = ApplicationFactory(vacancy=vacancy, stage=Application.Stage.PRESELECTION)
    chair = CommitteeMemberFactory(
        vacancy=vacancy,
        role="chair",
        user=UserFactory(username="voorzitter", first_name="Carla", last_name="Chair"),
    )
    member = CommitteeMemberFactory(
        vacancy=vacancy, user=UserFactory(username="lid", first_name="Mark", last_name="Lid")
    )
    third = CommitteeMemberFactory(
        vacancy=vacancy, user=UserFactory(username="derde", first_name="Dirk", last_name="Derde")
    )
    outsider = CommitteeMemberFactory(user=UserFactory(username="ander"))
    return {
        "consultant": consultant,
        "vacancy": vacancy,
        "application": application,
        "other": other,
        "unreleased": unreleased,
        "chair": chair,
        "member": member,
        "third": third,
        "outsider": outsider,
    }


def plan(world, start, end, *, application=None, members=None, **extra):
    return interview_plan(
        application=application or world["application"],
        starts_at=start,
        ends_at=end,
        place=extra.get("place", "IPO, Lange Voorhout 1, Den Haag"),
        video_url=extra.get("video_url", ""),
        members=[world["chair"], world["member"]] if members is None else members,
        by=world["consultant"],
    )


def ics_of(message) -> Calendar:
    [(filename, content, mimetype)] = message.attachments
    assert mimetype == "text/calendar"
    assert filename.endswith(".ics")
    return Calendar.from_ical(content)


def event_of(calendar: Calendar):
    [event] = calendar.walk("VEVENT")
    return event


def by_recipient(messages) -> dict:
    return {message.to[0]: message for message in messages}


# Planning: emails and calendar files -------------------------------------------------------


def test_planning_emails_candidate_and_members_a_calendar_file_in_amsterdam_winter_time(
    recruiter_client, world, mail
):
    with mail.capture():
        response = recruiter_client.post(
            reverse("candidates:interview_create", args=[world["vacancy"].pk]),
            {
                "application": world["application"].pk,
                "date": "15-01-2026",
                "starts_at": "10:00",
                "ends_at": "11.15",
                "place": "IPO, Lange Voorhout 1, Den Haag",
                "video_url": "",
                "members": [world["chair"].pk, world["member"].pk],
            },
        )
    assert response.status_code == 302
    interview = Interview.objects.get()
    assert interview.starts_at == at(2026, 1, 15, 10, 0)
    assert interview.ends_at == at(2026, 1, 15, 11, 15)

    messages = by_recipient(mail.outbox)
    assert set(messages) == {"anna@example.org", "voorzitter@example.org", "lid@example.org"}
    for message in messages.values():
        calendar = ics_of(message)
        assert str(calendar["METHOD"]) == "REQUEST"
        assert calendar.walk("VTIMEZONE")[0]["TZID"] == "Europe/Amsterdam"
        event = event_of(calendar)
        assert str(event["UID"]) == interview.uid
        assert event["SEQUENCE"] == 0
        start = event.decoded("DTSTART")
        assert start.tzinfo.key == "Europe/Amsterdam"
        assert (start.hour, start.minute) == (10, 0)
        assert start.utcoffset() == timedelta(hours=1)
        assert event.decoded("DTEND") == at(2026, 1, 15, 11, 15)
        assert str(event["LOCATION"]) == "IPO, Lange Voorhout 1, Den Haag"
        assert "info@chassesearch.nl" in str(event["ORGANIZER"])
        assert "DTSTAMP" in event

    candidate_event = event_of(ics_of(messages["anna@example.org"]))
    assert "Algemeen Directeur" in str(candidate_event["SUMMARY"])
    assert "Anna" not in str(candidate_event["SUMMARY"])
    member_event = event_of(ics_of(messages["lid@example.org"]))
    assert "Anna de Vries" in str(member_event["SUMMARY"])
    # The candidate's email (in Dutch) links to the page where they answer.
    candidate_mail = messages["anna@example.org"]
    assert "Uitnodiging" in candidate_mail.subject
    assert "donderdag 15 januari 2026, 10:00" in candidate_mail.body
    signed = status_link_token(world["application"])
    assert reverse("candidates:status_interview", args=[signed, interview.pk]) in (
        candidate_mail.body
    )


def test_summer_time_is_written_with_its_own_offset(world, mail):
    with mail.capture():
        interview = plan(world, at(2026, 6, 16, 14, 0), at(2026, 6, 16, 15, 0))
    event = event_of(ics_of(mail.outbox[0]))
    start = event.decoded("DTSTART")
    assert start.tzinfo.key == "Europe/Amsterdam"
    assert (start.hour, start.minute) == (14, 0)
    assert start.utcoffset() == timedelta(hours=2)
    assert start == interview.starts_at


def test_the_candidates_file_never_names_another_candidate(world, mail):
    with mail.capture():
        plan(world, at(2026, 1, 15, 10, 0), at(2026, 1, 15, 11, 0))
        plan(world, at(2026, 1, 15, 11, 0), at(2026, 1, 15, 12, 0), application=world["other"])
    content = next(m for m in mail.outbox if m.to == ["anna@example.org"]).attachments[0][1]
    assert "Bram" not in content and "Bakker" not in content
    members = [m for m in mail.outbox if m.to == ["lid@example.org"]]
    assert {str(event_of(ics_of(m))["SUMMARY"]) for m in members} == {
        "Gesprek met Anna de Vries (Algemeen Directeur)",
        "Gesprek met Bram Bakker (Algemeen Directeur)",
    }


def test_the_outbox_stores_ids_and_never_the_file(world, mail):
    with mail.capture():
        interview = plan(world, at(2026, 1, 15, 10, 0), at(2026, 1, 15, 11, 0))
    rows = OutgoingEmail.objects.filter(key__startswith="interview-invite:")
    assert sorted(rows.values_list("key", flat=True)) == sorted(
        [
            f"interview-invite:{interview.pk}:0:candidate",
            f"interview-invite:{interview.pk}:0:member:{world['chair'].pk}",
            f"interview-invite:{interview.pk}:0:member:{world['member'].pk}",
        ]
    )
    for row in rows:
        assert row.is_sent
        assert row.context["interview_id"] == interview.pk
        stored = str(row.context)
        assert "VCALENDAR" not in stored and interview.uid not in stored
        # Nor the private link: it is made when the email is rendered.
        assert "mijn-sollicitatie" not in stored


# Changes and cancellation ------------------------------------------------------------------


def test_a_change_updates_the_same_entry_and_a_removed_member_gets_a_cancellation(world, mail):
    with mail.capture():
        interview = plan(world, at(2026, 1, 15, 10, 0), at(2026, 1, 15, 11, 0))
    interview_respond(interview=interview, response=Interview.Response.CONFIRMED)
    mail.outbox.clear()

    with mail.capture():
        changed = interview_change(
            interview=interview,
            starts_at=at(2026, 1, 16, 14, 0),
            ends_at=at(2026, 1, 16, 15, 0),
            place="",
            video_url="https://teams.microsoft.com/l/meetup-join/abc",
            members=[world["chair"], world["third"]],
            by=world["consultant"],
        )
    assert changed.sequence == 1
    assert changed.uid == interview.uid
    # A new time: the candidate answers again.
    assert changed.response == Interview.Response.PENDING

    messages = by_recipient(mail.outbox)
    assert set(messages) == {
        "anna@example.org",
        "voorzitter@example.org",
        "derde@example.org",
        "lid@example.org",
    }
    for address in ("anna@example.org", "voorzitter@example.org", "derde@example.org"):
        calendar = ics_of(messages[address])
        event = event_of(calendar)
        assert str(calendar["METHOD"]) == "REQUEST"
        assert str(event["UID"]) == interview.uid
        assert event["SEQUENCE"] == 1
        assert event.decoded("DTSTART") == at(2026, 1, 16, 14, 0)
        assert str(event["LOCATION"]) == "https://teams.microsoft.com/l/meetup-join/abc"
    assert "Gewijzigd" in messages["anna@example.org"].subject
    removed = ics_of(messages["lid@example.org"])
    assert str(removed["METHOD"]) == "CANCEL"
    assert str(event_of(removed)["STATUS"]) == "CANCELLED"
    assert str(event_of(removed)["UID"]) == interview.uid


def test_saving_without_a_change_sends_nothing(world, mail):
    with mail.capture():
        interview = plan(world, at(2026, 1, 15, 10, 0), at(2026, 1, 15, 11, 0))
    mail.outbox.clear()
    with mail.capture():
        same = interview_change(
            interview=interview,
            starts_at=interview.starts_at,
            ends_at=interview.ends_at,
            place=interview.place,
            video_url="",
            members=[world["member"], world["chair"]],
        )
    assert same.sequence == 0
    assert mail.outbox == []


def test_the_edit_page_changes_the_interview(recruiter_client, world, mail):
    with mail.capture():
        interview = plan(world, at(2026, 1, 15, 10, 0), at(2026, 1, 15, 11, 0))
    url = reverse("candidates:interview_edit", args=[interview.pk])
    page = recruiter_client.get(url)
    assert page.status_code == 200
    assert 'value="2026-01-15"' in page.text and 'value="10:00"' in page.text
    with mail.capture():
        response = recruiter_client.post(
            url,
            {
                "date": "2026-01-15",
                "starts_at": "10:30",
                "ends_at": "11:30",
                "place": "Den Haag",
                "members": [world["chair"].pk, world["member"].pk],
            },
        )
    assert response.status_code == 302
    interview.refresh_from_db()
    assert interview.starts_at == at(2026, 1, 15, 10, 30)
    assert interview.sequence == 1


def test_cancelling_removes_the_entry_from_every_calendar(recruiter_client, world, mail):
    with mail.capture():
        interview = plan(world, at(2026, 1, 15, 10, 0), at(2026, 1, 15, 11, 0))
    mail.outbox.clear()
    with mail.capture():
        response = recruiter_client.post(
            reverse("candidates:interview_cancel", args=[interview.pk])
        )
    assert response.status_code == 302
    interview.refresh_from_db()
    assert interview.status == Interview.Status.CANCELLED
    assert interview.sequence == 1

    messages = by_recipient(mail.outbox)
    assert set(messages) == {"anna@example.org", "voorzitter@example.org", "lid@example.org"}
    for message in messages.values():
        calendar = ics_of(message)
        assert str(calendar["METHOD"]) == "CANCEL"
        event = event_of(calendar)
        assert str(event["STATUS"]) == "CANCELLED"
        assert str(event["UID"]) == interview.uid
        assert event["SEQUENCE"] == 1
    assert "Geannuleerd" in messages["anna@example.org"].subject

    # Twice: nothing more.
    mail.outbox.clear()
    with mail.capture():
        interview_cancel(interview=interview, by=None)
    assert mail.outbox == []
    # A cancelled interview is no longer changed.
    with pytest.raises(ValidationError):
        interview_change(
            interview=interview,
            starts_at=at(2026, 1, 20, 10, 0),
            ends_at=at(2026, 1, 20, 11, 0),
            place="Den Haag",
            members=[],
        )


def test_a_file_sent_late_is_made_from_the_interview_as_it_is_then(world, mail, settings):
    """The outbox holds the id; a message that waited (broker down) carries the current state."""
    from mail.services.outbox import email_send

    interview = plan(world, at(2026, 1, 15, 10, 0), at(2026, 1, 15, 11, 0))  # not sent yet
    interview_cancel(interview=interview)
    row = OutgoingEmail.objects.get(key=f"interview-invite:{interview.pk}:0:candidate")
    assert email_send(email_id=row.pk)
    calendar = ics_of(mail.outbox[-1])
    assert str(calendar["METHOD"]) == "CANCEL"


# Refused slots -----------------------------------------------------------------------------


def test_a_slot_in_the_past_is_refused_and_what_was_typed_stays(recruiter_client, world, mail):
    with mail.capture():
        response = recruiter_client.post(
            reverse("candidates:interview_create", args=[world["vacancy"].pk]),
            {
                "application": world["application"].pk,
                "date": "05-01-2026",
                "starts_at": "08:00",
                "ends_at": "09:00",
                "place": "Zaal Utrecht",
                "members": [world["member"].pk],
            },
        )
    assert response.status_code == 400
    assert "Dit tijdstip is al voorbij" in response.text
    assert "Zaal Utrecht" in response.text
    assert not Interview.objects.exists()
    assert mail.outbox == []


def test_a_time_that_does_not_exist_in_amsterdam_is_refused(recruiter_client, world):
    response = recruiter_client.post(
        reverse("candidates:interview_create", args=[world["vacancy"].pk]),
        {
            "application": world["application"].pk,
            "date": "29-03-2026",
            "starts_at": "02:30",
            "ends_at": "03:30",
            "place": "Den Haag",
        },
    )
    assert response.status_code == 400
    assert "zomertijd" in response.text
    assert not Interview.objects.exists()


def test_place_or_video_link_is_required_and_end_after_start(recruiter_client, world):
    response = recruiter_client.post(
        reverse("candidates:interview_create", args=[world["vacancy"].pk]),
        {
            "application": world["application"].pk,
            "date": "15-01-2026",
            "starts_at": "10:00",
            "ends_at": "09:00",
            "video_url": "javascript:alert(1)",
        },
    )
    assert response.status_code == 400
    assert "Het gesprek moet eindigen na de begintijd." in response.text
    assert "Vul een webadres in" in response.text
    with pytest.raises(ValidationError) as error:
        plan(world, at(2026, 1, 15, 10, 0), at(2026, 1, 15, 11, 0), place="")
    assert error.value.message_dict["place"] == ["Vul een plaats of een videolink in (of beide)."]
    # The service refuses what no form should let through: a link that is not a web address.
    with pytest.raises(ValidationError) as error:
        plan(world, at(2026, 1, 15, 10, 0), at(2026, 1, 15, 11, 0), video_url="javascript:x()")
    assert "video_url" in error.value.message_dict


def test_a_clash_with_the_same_member_is_refused_and_named(recruiter_client, world):
    plan(world, at(2026, 1, 15, 10, 0), at(2026, 1, 15, 11, 0), members=[world["member"]])
    response = recruiter_client.post(
        reverse("candidates:interview_create", args=[world["vacancy"].pk]),
        {
            "application": world["other"].pk,
            "date": "15-01-2026",
            "starts_at": "10:30",
            "ends_at": "11:30",
            "place": "Den Haag",
            "members": [world["member"].pk, world["third"].pk],
        },
    )
    assert response.status_code == 400
    assert (
        "Mark Lid heeft dan al een gesprek: donderdag 15 januari 2026, 10:00 – 11:00, "
        "met Anna de Vries." in response.text
    )
    assert Interview.objects.count() == 1
    # Back to back is no clash.
    plan(
        world,
        at(2026, 1, 15, 11, 0),
        at(2026, 1, 15, 12, 0),
        application=world["other"],
        members=[world["member"]],
    )


def test_a_member_on_two_committees_clashes_across_vacancies(world):
    """The same person sits on another vacancy's committee: one person, one agenda."""
    plan(world, at(2026, 1, 15, 10, 0), at(2026, 1, 15, 11, 0), members=[world["member"]])
    vacancy = VacancyFactory(status="closed")
    seat = CommitteeMemberFactory(vacancy=vacancy, user=world["member"].user)
    application = ApplicationFactory(vacancy=vacancy, stage=Application.Stage.SHORTLIST)
    application_release(application=application)
    with pytest.raises(ValidationError) as error:
        interview_plan(
            application=application,
            starts_at=at(2026, 1, 15, 10, 30),
            ends_at=at(2026, 1, 15, 11, 0),
            place="Zwolle",
            members=[seat],
        )
    assert "Mark Lid heeft dan al een gesprek" in error.value.message_dict["members"][0]


def test_a_clash_with_the_same_candidate_is_refused_and_named(world):
    plan(world, at(2026, 1, 15, 10, 0), at(2026, 1, 15, 11, 0), members=[world["member"]])
    with pytest.raises(ValidationError) as error:
        plan(world, at(2026, 1, 15, 9, 30), at(2026, 1, 15, 10, 30), members=[world["third"]])
    assert error.value.message_dict["starts_at"] == [
        "Anna de Vries heeft dan al een gesprek: donderdag 15 januari 2026, 10:00 – 11:00."
    ]
    # A cancelled slot is free again.
    interview_cancel(interview=Interview.objects.get())
    plan(world, at(2026, 1, 15, 9, 30), at(2026, 1, 15, 10, 30), members=[world["third"]])


def test_an_unreleased_or_final_application_is_refused(recruiter_client, world):
    with pytest.raises(ValidationError) as error:
        plan(world, at(2026, 1, 15, 10, 0), at(2026, 1, 15, 11, 0), application=world["unreleased"])
    assert "niet vrijgegeven aan de commissie" in error.value.messages[0]
    # The form does not even offer it.
    response = recruiter_client.post(
        reverse("candidates:interview_create", args=[world["vacancy"].pk]),
        {
            "application": world["unreleased"].pk,
            "date": "15-01-2026",
            "starts_at": "10:00",
            "ends_at": "11:00",
            "place": "Den Haag",
        },
    )
    assert response.status_code == 400
    assert "Kies een van de kandidaten die aan de commissie zijn vrijgegeven" in response.text
    assert world["unreleased"].candidate.full_name not in response.text

    Application.objects.filter(pk=world["other"].pk).update(stage=Application.Stage.WITHDRAWN)
    with pytest.raises(ValidationError) as error:
        plan(world, at(2026, 1, 15, 10, 0), at(2026, 1, 15, 11, 0), application=world["other"])
    assert "doet niet meer mee" in error.value.messages[0]


def test_members_must_sit_on_this_committee_without_a_conflict(world):
    with pytest.raises(ValidationError) as error:
        plan(world, at(2026, 1, 15, 10, 0), at(2026, 1, 15, 11, 0), members=[world["outsider"]])
    assert "zit niet in de selectiecommissie" in error.value.message_dict["members"][0]
    ConflictOfInterest.objects.create(
        member=world["third"], application=world["application"], explanation="Oud-collega"
    )
    with pytest.raises(ValidationError) as error:
        plan(world, at(2026, 1, 15, 10, 0), at(2026, 1, 15, 11, 0), members=[world["third"]])
    assert "belangenverstrengeling" in error.value.message_dict["members"][0]


# The candidate's answer --------------------------------------------------------------------


def test_the_candidate_confirms_from_their_page_and_the_consultant_is_told(client, world, mail):
    with mail.capture():
        interview = plan(world, at(2026, 1, 15, 10, 0), at(2026, 1, 15, 11, 0))
    mail.outbox.clear()
    signed = status_link_token(world["application"])

    status = client.get(reverse("candidates:status", args=[signed]))
    assert "donderdag 15 januari 2026, 10:00" in status.text
    assert reverse("candidates:status_interview", args=[signed, interview.pk]) in status.text
    assert reverse("candidates:status_interview_ics", args=[signed, interview.pk]) in status.text

    url = reverse("candidates:status_interview", args=[signed, interview.pk])
    page = client.get(url)
    assert page.status_code == 200
    assert "Ik bevestig dit tijdstip" in page.text
    with mail.capture():
        response = client.post(url, {"response": "confirmed", "note": ""})
    assert response.status_code == 302
    assert response.url == reverse("candidates:status", args=[signed])
    interview.refresh_from_db()
    assert interview.response == Interview.Response.CONFIRMED
    assert interview.responded_at == NOW
    [message] = mail.outbox
    assert message.to == ["consultant@example.org"]
    assert "Gesprek bevestigd: Anna de Vries" in message.subject
    assert client.get(reverse("candidates:status", args=[signed])).text.count(
        "U hebt dit tijdstip bevestigd."
    )


def test_the_candidate_asks_for_another_time_with_a_remark(client, world, mail):
    with mail.capture():
        interview = plan(world, at(2026, 1, 15, 10, 0), at(2026, 1, 15, 11, 0))
    mail.outbox.clear()
    signed = status_link_token(world["application"])
    url = reverse("candidates:status_interview", args=[signed, interview.pk])

    response = client.post(url, {"response": "other_slot", "note": "  "})
    assert response.status_code == 400
    assert "Laat ons weten welke dagen en tijden u goed uitkomen." in response.text

    with mail.capture():
        response = client.post(url, {"response": "other_slot", "note": "Dinsdagmiddag kan ik wel."})
    assert response.status_code == 302
    interview.refresh_from_db()
    assert interview.response == Interview.Response.OTHER_SLOT
    assert interview.response_note == "Dinsdagmiddag kan ik wel."
    [message] = mail.outbox
    assert message.to == ["consultant@example.org"]
    assert "Ander tijdstip gevraagd" in message.subject
    assert "Dinsdagmiddag kan ik wel." in message.body

    # The recruiter sees the answer in the list.
    client.force_login(world["consultant"])
    listing = client.get(reverse("candidates:interview_list", args=[world["vacancy"].pk]))
    assert "Kandidaat vraagt een ander tijdstip" in listing.text
    assert "Dinsdagmiddag kan ik wel." in listing.text


def test_the_candidate_cannot_answer_an_interview_that_passed_or_is_not_theirs(
    client, world, frozen
):
    interview = plan(world, at(2026, 1, 15, 10, 0), at(2026, 1, 15, 11, 0))
    others = plan(world, at(2026, 1, 16, 10, 0), at(2026, 1, 16, 11, 0), application=world["other"])
    signed = status_link_token(world["application"])
    foreign = reverse("candidates:status_interview", args=[signed, others.pk])
    assert client.get(foreign).status_code == 404
    assert client.post(foreign, {"response": "confirmed"}).status_code == 404
    assert (
        client.get(reverse("candidates:status_interview_ics", args=[signed, others.pk])).status_code
        == 404
    )

    frozen.move_to(at(2026, 1, 15, 10, 30))
    url = reverse("candidates:status_interview", args=[signed, interview.pk])
    assert "Ik bevestig dit tijdstip" not in client.get(url).text
    response = client.post(url, {"response": "confirmed"})
    assert response.status_code == 400
    interview.refresh_from_db()
    assert interview.response == Interview.Response.PENDING


def test_the_candidates_calendar_file_and_staff_with_the_link(client, world):
    interview = plan(world, at(2026, 6, 16, 14, 0), at(2026, 6, 16, 15, 0))
    signed = status_link_token(world["application"])
    url = reverse("candidates:status_interview_ics", args=[signed, interview.pk])
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    assert "attachment" in response["Content-Disposition"]
    event = event_of(Calendar.from_ical(response.content))
    assert str(event["UID"]) == interview.uid
    assert event.decoded("DTSTART") == at(2026, 6, 16, 14, 0)
    assert "Anna" not in str(event["SUMMARY"])

    # Someone logged in with the link sees the page without the buttons and may not act.
    client.force_login(world["consultant"])
    status = client.get(reverse("candidates:status", args=[signed]))
    assert "dinsdag 16 juni 2026" in status.text
    assert reverse("candidates:status_interview", args=[signed, interview.pk]) not in status.text
    assert client.get(url).status_code == 403


# The members' schedule and downloads -------------------------------------------------------


def test_a_member_sees_only_their_own_interviews(client, world):
    plan(world, at(2026, 1, 15, 10, 0), at(2026, 1, 15, 11, 0), members=[world["member"]])
    plan(
        world,
        at(2026, 1, 16, 10, 0),
        at(2026, 1, 16, 11, 0),
        application=world["other"],
        members=[world["third"]],
    )
    url = reverse("candidates:committee_schedule")

    client.force_login(world["member"].user)
    page = client.get(url)
    assert page.status_code == 200
    assert "Anna de Vries" in page.text
    assert "Bram Bakker" not in page.text
    assert "donderdag 15 januari 2026" in page.text

    client.force_login(world["outsider"].user)
    page = client.get(url)
    assert "Anna de Vries" not in page.text and "Bram Bakker" not in page.text
    assert "U hebt geen komende gesprekken." in page.text

    client.force_login(world["consultant"])
    page = client.get(url)
    assert "Anna de Vries" in page.text and "Bram Bakker" in page.text


def test_a_member_no_longer_sees_an_interview_once_the_release_is_withdrawn(client, world):
    from candidates.services.release import application_release_withdraw

    interview = plan(world, at(2026, 1, 15, 10, 0), at(2026, 1, 15, 11, 0))
    application_release_withdraw(application=world["application"])
    client.force_login(world["member"].user)
    assert "Anna de Vries" not in client.get(reverse("candidates:committee_schedule")).text
    assert client.get(reverse("candidates:interview_ics", args=[interview.pk])).status_code == 404


def test_only_those_who_attend_download_the_calendar_file(client, world):
    ConflictOfInterest.objects.create(
        member=world["third"], application=world["application"], explanation="Oud-collega"
    )
    interview = plan(world, at(2026, 1, 15, 10, 0), at(2026, 1, 15, 11, 0))
    url = reverse("candidates:interview_ics", args=[interview.pk])

    assert client.get(url).status_code == 302  # to the login page

    client.force_login(world["member"].user)
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    calendar = Calendar.from_ical(response.content)
    assert str(event_of(calendar)["UID"]) == interview.uid
    assert "Anna de Vries" in str(event_of(calendar)["SUMMARY"])

    for seat in (world["third"], world["outsider"]):  # conflicted and not attending; another
        client.force_login(seat.user)
        assert client.get(url).status_code == 404

    client.force_login(world["consultant"])
    assert client.get(url).status_code == 200


def test_the_interview_list_shows_each_interview(recruiter_client, world):
    plan(
        world,
        at(2026, 1, 15, 10, 0),
        at(2026, 1, 15, 11, 0),
        video_url="https://zoom.us/j/123",
    )
    page = recruiter_client.get(reverse("candidates:interview_list", args=[world["vacancy"].pk]))
    assert page.status_code == 200
    assert 'data-tab="interviews" aria-current="page"' in page.text
    for text in (
        "Anna de Vries",
        "donderdag 15 januari 2026",
        "10:00 – 11:00",
        "IPO, Lange Voorhout 1, Den Haag",
        "https://zoom.us/j/123",
        "Carla Chair",
        "Mark Lid",
        "Wacht op antwoord van de kandidaat",
        reverse("candidates:interview_create", args=[world["vacancy"].pk]),
    ):
        assert text in page.text
    form = recruiter_client.get(reverse("candidates:interview_create", args=[world["vacancy"].pk]))
    assert "Anna de Vries" in form.text and "Bram Bakker" in form.text
    assert world["unreleased"].candidate.full_name not in form.text
    assert 'type="checkbox"' in form.text and "Dirk Derde" in form.text


def _plan_many(world, count):
    vacancy = world["vacancy"]
    for n in range(count):
        seat = CommitteeMemberFactory(vacancy=vacancy)
        application = ApplicationFactory(vacancy=vacancy, stage=Application.Stage.SHORTLIST)
        application_release(application=application)
        start = at(2026, 2, 2, 9, 0) + timedelta(hours=n)
        interview = Interview.objects.create(
            application=application, starts_at=start, ends_at=start + timedelta(minutes=50)
        )
        interview.members.set([seat, world["member"]])


@pytest.mark.parametrize("count", [3, 30])
def test_the_list_and_the_schedule_cost_the_same_queries_for_3_and_30(
    client, world, count, django_assert_num_queries
):
    _plan_many(world, count)
    client.force_login(world["consultant"])
    # Session, user, vacancy, interviews, their members with users.
    with django_assert_num_queries(6):
        page = client.get(reverse("candidates:interview_list", args=[world["vacancy"].pk]))
    assert page.text.count('id="interview-') == count
    client.force_login(world["member"].user)
    # Session, user, the visible interviews, their members with users.
    with django_assert_num_queries(5):
        page = client.get(reverse("candidates:committee_schedule"))
    assert page.text.count('class="card mb-2 interview-card"') == count


def test_rejecting_or_withdrawing_cancels_the_interviews_ahead(world, mail):
    """An application that leaves the procedure keeps no interview in anyone's calendar."""
    from candidates.services.stages import application_move

    with mail.capture():
        ahead = plan(world, at(2026, 1, 15, 10, 0), at(2026, 1, 15, 11, 0))
        for_bram = plan(
            world, at(2026, 1, 16, 10, 0), at(2026, 1, 16, 11, 0), application=world["other"]
        )
    mail.outbox.clear()
    with mail.capture():
        application_move(
            application=world["application"],
            to_stage=Application.Stage.REJECTED,
            rejection_code=Application.RejectionReason.STRONGER,
            by=world["consultant"],
        )
    ahead.refresh_from_db()
    for_bram.refresh_from_db()
    assert ahead.status == Interview.Status.CANCELLED
    assert for_bram.status == Interview.Status.PLANNED
    messages = by_recipient(mail.outbox)
    assert set(messages) == {"anna@example.org", "voorzitter@example.org", "lid@example.org"}
    assert all(str(ics_of(m)["METHOD"]) == "CANCEL" for m in messages.values())

    with mail.capture():
        application_move(application=world["other"], to_stage=Application.Stage.WITHDRAWN, by=None)
    for_bram.refresh_from_db()
    assert for_bram.status == Interview.Status.CANCELLED
