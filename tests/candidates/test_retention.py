"""Data retention (issue 9): when the personal data of an application is erased, what erasing
removes and what it keeps, postponements, the candidate's own request, the private link that
stops working, the dashboard panel and the sweep that does it daily."""

import hashlib
import re
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from candidates.models import (
    Application,
    ApplicationEmail,
    ApplicationRelease,
    Assessment,
    Candidate,
    CandidateOverview,
    ConflictOfInterest,
    Document,
    DocumentAccess,
    ErasureLog,
    ErasurePostponement,
    Interview,
    Note,
    Reference,
    Reminder,
    Scorecard,
    StageChange,
)
from candidates.selectors import insight
from candidates.services.applications import application_submit
from candidates.services.candidate_page import application_from_link, status_link_token
from candidates.services.documents import document_log_access
from candidates.services.notifications import notify_application_received
from candidates.services.retention import (
    due_on_or_before,
    erasure_plan,
    erasure_postpone,
    erasure_sweep,
    retention_date,
    year_after,
    year_before,
)
from mail.models import OutgoingEmail
from mail.services.outbox import MAX_ATTEMPTS, email_queue
from tests.accounts.factories import RecruiterFactory
from tests.candidates.factories import ApplicationFactory, CandidateFactory
from tests.candidates.pdfs import make_pdf, private_storage_fixture, stored_files, upload  # noqa: F401
from tests.vacancies.factories import CommitteeMemberFactory, VacancyFactory
from vacancies.models import Vacancy
from vacancies.services.vacancy import vacancy_set_status

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("private_storage")]

Stage = Application.Stage
AMSTERDAM = ZoneInfo("Europe/Amsterdam")
ENDED = "2026-07-01 10:00 +02:00"  # the procedure ends: erasure without consent on 29 July


def travel(moment: str):
    return time_machine.travel(moment, tick=False)


def at(day: str, hour: int = 10) -> datetime:
    """`hour` o'clock in Amsterdam on `day` (yyyy-mm-dd)."""
    return timezone.make_aware(datetime.combine(date.fromisoformat(day), time(hour)))


def add_document(application, kind=Document.Kind.CV, text="Curriculum vitae"):
    content = make_pdf(text)
    document = Document(
        application=application,
        kind=kind,
        original_name=f"{kind} {application.candidate.last_name}.pdf",
        size=len(content),
        sha256=hashlib.sha256(content).hexdigest(),
        text=text.lower(),
        text_status=Document.TextStatus.EXTRACTED,
    )
    document.file.save("x.pdf", ContentFile(content), save=False)
    document.save()
    return document


def history(application, *steps, reason=""):
    previous = ""
    for stage, day in steps:
        StageChange.objects.create(
            application=application,
            from_stage=previous,
            to_stage=stage,
            changed_at=at(day),
            reason=reason,
            rejection_code="profile" if stage == Stage.REJECTED else "",
        )
        previous = stage


def candidate_of(application) -> Candidate:
    return Candidate.objects.get(pk=application.candidate_id)


@pytest.fixture
def procedure():
    """A procedure that ended on 1 July 2026: Anna rejected after the shortlist (with all that is
    kept about her), Bram rejected with consent to be kept a year, Dirk rejected, Cees
    appointed. Everything an erasure must reach is there once."""
    with travel("2026-05-01 09:00 +02:00"):
        consultant = RecruiterFactory(username="inge", email="inge@example.org")
        vacancy = VacancyFactory(lead_consultant=consultant, status=Vacancy.Status.CLOSED)
        member = CommitteeMemberFactory(vacancy=vacancy)
        anna = ApplicationFactory(
            vacancy=vacancy,
            candidate=CandidateFactory(
                first_name="Anna", last_name="de Vries", email="anna@example.org"
            ),
            stage=Stage.REJECTED,
            rejection_code="profile",
            rejection_reason="Anna mist bestuurlijke ervaring",
            submitted_details={"first_name": "Anna", "phone": "06 1111 2222"},
        )
        bram = ApplicationFactory(
            vacancy=vacancy,
            candidate=CandidateFactory(first_name="Bram", last_name="Bos"),
            stage=Stage.REJECTED,
            rejection_code="profile",
            consent_talent_pool=True,
        )
        dirk = ApplicationFactory(
            vacancy=vacancy,
            candidate=CandidateFactory(first_name="Dirk", last_name="Dekker"),
            stage=Stage.REJECTED,
            rejection_code="profile",
        )
        cees = ApplicationFactory(
            vacancy=vacancy,
            candidate=CandidateFactory(first_name="Cees", last_name="Claassen"),
            stage=Stage.APPOINTED,
        )
        history(
            anna,
            (Stage.APPLIED, "2026-04-20"),
            (Stage.SHORTLIST, "2026-05-20"),
            (Stage.REJECTED, "2026-06-10"),
            reason="Anna past niet in het team",
        )
        history(bram, (Stage.APPLIED, "2026-04-21"), (Stage.REJECTED, "2026-05-25"))
        history(dirk, (Stage.APPLIED, "2026-04-22"), (Stage.REJECTED, "2026-05-26"))
        history(
            cees,
            (Stage.APPLIED, "2026-04-22"),
            (Stage.SHORTLIST, "2026-05-22"),
            (Stage.APPOINTED, "2026-06-30"),
        )
        documents = [add_document(anna), add_document(anna, Document.Kind.MOTIVATION, "Motivatie")]
        add_document(cees)
        document_log_access(document=documents[0], by_candidate=True, ip_address="203.0.113.7")
        document_log_access(document=documents[0], user=consultant, ip_address="198.51.100.2")
        Note.objects.create(candidate=anna.candidate, application=anna, text="Sterk verhaal")
        Note.objects.create(candidate=anna.candidate, text="Kent de gedeputeerde")
        Assessment.objects.create(application=anna, summary="Ervaren bestuurder")
        Reference.objects.create(application=anna, referee_name="Piet Jansen", answers="Prima")
        Scorecard.objects.create(
            member=member, application=anna, comments="Te weinig visie", recommendation="doubt"
        )
        ConflictOfInterest.objects.create(member=member, application=anna, explanation="Oud-buur")
        ApplicationRelease.objects.create(application=anna)
        Interview.objects.create(
            application=anna,
            starts_at=at("2026-06-01"),
            ends_at=at("2026-06-01", 11),
            place="Den Haag",
            response_note="Ik neem mijn dochter mee",
        )
        overview = CandidateOverview(vacancy=vacancy, user=consultant, fingerprint="0" * 64)
        overview.file.save("overview.pdf", ContentFile(make_pdf("Overzicht")), save=False)
        overview.save()
        notify_application_received(application_id=anna.pk)  # to Anna and to the consultant
        notify_application_received(application_id=cees.pk)
        message = OutgoingEmail.objects.create(
            key=f"application-email:{anna.pk}:x",
            to="anna@example.org",
            template="candidate_message",
            context={"subject": "Uitnodiging", "body": "Beste Anna", "application_id": anna.pk},
            language="nl",
            sent_at=timezone.now(),
        )
        ApplicationEmail.objects.create(application=anna, email=message, kind="acknowledgement")
        OutgoingEmail.objects.filter(key__startswith="application-received:").update(
            sent_at=timezone.now()
        )
    with travel(ENDED):
        vacancy_set_status(vacancy=vacancy, status=Vacancy.Status.APPOINTED)
    return {
        "vacancy": Vacancy.objects.get(pk=vacancy.pk),
        "anna": anna,
        "bram": bram,
        "cees": cees,
        "dirk": dirk,
        "consultant": consultant,
        "overview": overview,
    }


def reload(application) -> Application:
    return Application.objects.select_related("vacancy", "candidate").get(pk=application.pk)


# The dates ---------------------------------------------------------------------------------


def test_the_dates_follow_the_rules(procedure):
    assert retention_date(reload(procedure["anna"])) == date(2026, 7, 29)  # 4 weeks
    assert retention_date(reload(procedure["bram"])) == date(2027, 7, 1)  # consent: 1 year
    # The appointed candidate is hired: the rule does not erase them.
    assert retention_date(reload(procedure["cees"])) is None
    running = ApplicationFactory(stage=Stage.REJECTED, rejection_code="profile")
    assert retention_date(running) is None  # the procedure runs: no date yet


def test_the_sweep_writes_the_dates_for_the_record(procedure):
    with travel("2026-07-02 03:00 +02:00"):
        result = erasure_sweep()

    assert result.scheduled == 3 and result.applications == 0
    assert reload(procedure["anna"]).keep_until == date(2026, 7, 29)
    assert reload(procedure["bram"]).keep_until == date(2027, 7, 1)
    assert reload(procedure["cees"]).keep_until is None


def test_nothing_is_erased_before_its_date_and_everything_due_on_it(procedure):
    with travel("2026-07-28 23:59 +02:00"):
        assert erasure_sweep().applications == 0
    with travel("2026-07-29 03:00 +02:00"):
        result = erasure_sweep()

    assert result.applications == 2  # Anna and Dirk; Bram consented, Cees was appointed
    assert {a.pk for a in Application.objects.filter(erased_at__isnull=False)} == {
        procedure["anna"].pk,
        procedure["dirk"].pk,
    }
    with travel("2027-06-30 03:00 +02:00"):
        assert erasure_sweep().applications == 0
    with travel("2027-07-01 03:00 +02:00"):
        assert erasure_sweep().applications == 1
    assert reload(procedure["bram"]).erased_at is not None
    assert reload(procedure["cees"]).erased_at is None
    assert ErasureLog.objects.count() == 2


def test_a_cancelled_procedure_ends_too(procedure):
    vacancy = VacancyFactory(status=Vacancy.Status.CLOSED)
    waiting = ApplicationFactory(vacancy=vacancy, stage=Stage.SHORTLIST)
    with travel("2026-09-01 12:00 +02:00"):
        vacancy_set_status(vacancy=vacancy, status=Vacancy.Status.CANCELLED)

    assert retention_date(reload(waiting)) == date(2026, 9, 29)
    with travel("2026-09-29 03:00 +02:00"):
        erasure_sweep()
    assert reload(waiting).erased_at is not None


def test_the_year_is_a_calendar_year_also_around_29_february():
    for day in (date(2027, 1, 1) + timedelta(days=n) for n in range(1200)):
        for later in (day + timedelta(days=n) for n in (360, 364, 365, 366, 367)):
            assert (year_after(day) <= later) == (day <= year_before(later)), (day, later)
    assert year_after(date(2028, 2, 29)) == date(2029, 3, 1)


def test_the_query_agrees_with_the_rules_on_every_day_and_around_the_clock_change():
    """due_on_or_before (SQL on the moments) and erasure_plan (Python on local dates) give the
    same answer; the procedures end late in the evening, around the change to winter time."""
    applications = []
    for n, ended in enumerate(
        [
            at("2026-10-24", 23),
            at("2026-10-25", 0),
            at("2026-10-25", 23),
            datetime(2026, 10, 25, 2, 30, fold=1, tzinfo=AMSTERDAM),  # the second 02:30
            at("2027-02-28", 23),
            at("2028-02-29", 12),
        ]
    ):
        vacancy = VacancyFactory(status=Vacancy.Status.CANCELLED, ended_at=ended)
        for consent in (False, True):
            applications.append(
                ApplicationFactory(
                    vacancy=vacancy,
                    consent_talent_pool=consent,
                    stage=Stage.WITHDRAWN,
                    erasure_requested_at=ended + timedelta(days=n) if n % 2 else None,
                )
            )
    days = [date(2026, 10, 26) + timedelta(days=n) for n in range(0, 40)]
    days += [date(2027, 10, 20) + timedelta(days=n) for n in range(0, 12)]
    days += [date(2028, 2, 25) + timedelta(days=n) for n in range(0, 10)]
    days += [date(2029, 2, 25) + timedelta(days=n) for n in range(0, 10)]
    for day in days:
        found = set(due_on_or_before(day).values_list("pk", flat=True))
        expected = set()
        for application in applications:
            erase_on, _cause = erasure_plan(
                stage=application.stage,
                consent=application.consent_talent_pool,
                requested_at=application.erasure_requested_at,
                ended_at=application.vacancy.ended_at,
                postponed_until=None,
            )
            if erase_on is not None and erase_on <= day:
                expected.add(application.pk)
        assert found == expected, day


# What erasing removes and what it keeps ----------------------------------------------------


def erase(procedure):
    with travel("2026-07-29 03:00 +02:00"):
        return erasure_sweep()


def test_erasing_removes_the_personal_data_of_the_application(procedure):
    anna = procedure["anna"]
    token = anna.access_token

    result = erase(procedure)

    anna = reload(anna)
    assert result.documents == 2
    assert anna.erased_at is not None
    assert anna.submitted_details == {} and anna.rejection_reason == ""
    assert anna.access_token != token
    assert not Document.objects.filter(application=anna).exists()
    assert not Note.objects.filter(candidate_id=anna.candidate_id).exists()
    assert not Assessment.objects.filter(application=anna).exists()
    assert not Reference.objects.filter(application=anna).exists()
    assert Scorecard.objects.get(application=anna).comments == ""
    assert ConflictOfInterest.objects.get(application=anna).explanation == ""
    assert Interview.objects.get(application=anna).response_note == ""
    assert Interview.objects.get(application=anna).place == "Den Haag"  # not about the person
    assert not CandidateOverview.objects.filter(pk=procedure["overview"].pk).exists()


def test_the_person_is_anonymised(procedure):
    erase(procedure)

    candidate = candidate_of(procedure["anna"])
    assert candidate.erased_at is not None
    assert candidate.full_name == "Verwijderd"
    assert candidate.email == f"erased-{candidate.pk}@erased.invalid"
    assert (
        candidate.phone,
        candidate.current_position,
        candidate.current_organisation,
        candidate.linkedin_url,
        candidate.search_text,
    ) == ("", "", "", "", "")
    assert candidate_of(procedure["cees"]).last_name == "Claassen"  # the appointed one stays


def test_the_history_and_the_counts_are_kept_without_personal_text(procedure):
    anna = procedure["anna"]
    before = list(
        StageChange.objects.filter(application=anna).values_list("to_stage", "changed_at")
    )

    erase(procedure)

    anna = reload(anna)
    assert anna.stage == Stage.REJECTED and anna.rejection_code == "profile"
    assert anna.source == Application.Source.APPLIED
    after = StageChange.objects.filter(application=anna)
    assert list(after.values_list("to_stage", "changed_at")) == before
    assert set(after.values_list("reason", flat=True)) == {""}
    assert ApplicationRelease.objects.filter(application=anna).exists()
    log = ErasureLog.objects.get()
    assert (log.cause, log.vacancy_id_erased, log.applications, log.candidates, log.documents) == (
        ErasureLog.Cause.RETENTION,
        procedure["vacancy"].pk,
        2,
        2,
        2,
    )


def test_the_files_are_gone_from_storage(procedure, private_storage):
    kept = Document.objects.get(application=procedure["cees"])
    erased = [d.file.name for d in Document.objects.filter(application=procedure["anna"])]
    before = stored_files(private_storage)
    assert len(before) == 4  # Anna's two, Cees's one, the candidate overview

    erase(procedure)

    after = stored_files(private_storage)
    assert after == [private_storage / kept.file.name]
    for name in erased:
        assert not (private_storage / name).exists()


def test_the_access_log_stays_without_ip_addresses(procedure):
    vacancy = procedure["vacancy"]
    other = DocumentAccess.objects.create(
        document=Document.objects.get(application=procedure["cees"]), ip_address="192.0.2.1"
    )

    erase(procedure)

    accesses = DocumentAccess.objects.filter(vacancy=vacancy, document__isnull=True)
    assert accesses.count() == 2  # who read Anna's CV, and when, is still known
    assert set(accesses.values_list("ip_address", flat=True)) == {None}
    assert set(accesses.values_list("by_candidate", flat=True)) == {True, False}
    other.refresh_from_db()
    assert other.ip_address == "192.0.2.1"


def test_the_stored_context_of_the_emails_is_cleared(procedure):
    anna, cees = procedure["anna"], procedure["cees"]
    unsent, _created = email_queue(
        key=f"reference-consent:{anna.pk}:answer",
        to="inge@example.org",
        template="reference_consent_answered_consultant",
        context={"candidate_name": "Anna de Vries"},
        language="nl",
    )

    erase(procedure)

    about_anna = OutgoingEmail.objects.filter(
        key__in=[
            f"application-received:{anna.pk}:candidate",
            f"application-received:{anna.pk}:consultant",
            f"application-email:{anna.pk}:x",
            f"reference-consent:{anna.pk}:answer",
        ]
    )
    assert about_anna.count() == 4
    assert [email.context for email in about_anna] == [{}] * 4
    # Messages to her address keep no address either; the consultant's keep theirs.
    assert set(about_anna.filter(key__endswith=":consultant").values_list("to", flat=True)) == {
        "inge@example.org"
    }
    assert not OutgoingEmail.objects.filter(to="anna@example.org").exists()
    unsent.refresh_from_db()
    assert unsent.sent_at is None and unsent.attempts == MAX_ATTEMPTS  # never sent any more
    # Another candidate's messages are untouched.
    kept = OutgoingEmail.objects.get(key=f"application-received:{cees.pk}:candidate")
    assert kept.context["candidate_name"] == "Cees Claassen"


def test_the_insight_figures_are_the_same_before_and_after(procedure):
    vacancy = procedure["vacancy"]
    now = at("2026-07-29", 12)
    before = insight.vacancy_insight(vacancy=vacancy, now=now)
    overview_before = insight.insight_overview()

    erase(procedure)
    with travel("2027-07-01 03:00 +02:00"):
        erasure_sweep()  # and Bram's, a year later

    after = insight.vacancy_insight(vacancy=vacancy, now=now)
    overview_after = insight.insight_overview()
    assert after.counts == before.counts
    assert after.sources == before.sources
    assert after.stage_times == before.stage_times
    assert after.shortlist == before.shortlist
    assert overview_after.counts == overview_before.counts
    assert overview_after.rows[0].shortlist == overview_before.rows[0].shortlist
    assert before.counts.total == 4 and before.counts.reached(Stage.SHORTLIST) == 2


def test_the_sweep_is_idempotent(procedure):
    erase(procedure)
    first = candidate_of(procedure["anna"])

    again = erase(procedure)
    with travel("2026-07-30 03:00 +02:00"):
        later = erasure_sweep()

    assert (again.applications, later.applications, again.candidates) == (0, 0, 0)
    assert ErasureLog.objects.count() == 1
    assert candidate_of(procedure["anna"]).erased_at == first.erased_at


def test_a_person_with_another_application_kept_is_not_anonymised_yet(procedure):
    anna = procedure["anna"]
    running = ApplicationFactory(candidate=anna.candidate, stage=Stage.APPLIED)
    add_document(running, text="Nieuw cv")

    erase(procedure)

    candidate = candidate_of(anna)
    assert candidate.erased_at is None and candidate.last_name == "de Vries"
    # The text of the erased documents is no longer searchable; the other application's is.
    assert "curriculum vitae" not in candidate.search_text
    assert "nieuw cv" in candidate.search_text
    assert Note.objects.filter(candidate=candidate, application=None).exists()
    assert reload(running).erased_at is None
    assert ErasureLog.objects.get(vacancy_id_erased=procedure["vacancy"].pk).candidates == 1

    with travel("2026-11-01 12:00 +01:00"):
        vacancy_set_status(vacancy=running.vacancy, status=Vacancy.Status.CANCELLED)
    with travel("2026-11-29 03:00 +01:00"):
        erasure_sweep()
    assert candidate_of(anna).erased_at is not None
    assert not Note.objects.filter(candidate_id=anna.candidate_id).exists()


def test_a_storage_failure_erases_nothing_and_is_tried_again(procedure, monkeypatch):
    from django.core.files.storage import FileSystemStorage

    def broken(self, name):
        raise OSError("storage unreachable")

    with monkeypatch.context() as patched:
        patched.setattr(FileSystemStorage, "delete", broken)
        result = erase(procedure)
    assert (result.applications, result.failed) == (0, 1)
    assert reload(procedure["anna"]).erased_at is None
    assert not ErasureLog.objects.exists()

    assert erase(procedure).applications == 2


def test_the_sweep_reads_the_same_number_of_queries_however_much_is_kept(procedure):
    """Nothing due: a few queries, the same with 3 and with 30 more applications kept."""

    def queries():
        with travel("2026-07-10 03:00 +02:00"), CaptureQueriesContext(connection) as captured:
            erasure_sweep()
        return len(captured.captured_queries)

    with travel("2026-07-09 03:00 +02:00"):
        erasure_sweep()  # the dates written once
    ApplicationFactory.create_batch(3, vacancy=procedure["vacancy"], consent_talent_pool=True)
    few = queries()
    ApplicationFactory.create_batch(30, vacancy=procedure["vacancy"], consent_talent_pool=True)
    many = queries()

    # The procedures with applications that have no date yet (the new ones), their dates
    # written (one update per end date and consent: 2), the due applications, the addresses
    # of sent erasure messages removed (an update for the sent, one for the given up).
    assert few == many == 6


# Postponement -------------------------------------------------------------------------------


def test_a_postponement_needs_a_reason_and_a_later_date(procedure):
    anna, recruiter = reload(procedure["anna"]), procedure["consultant"]
    with travel("2026-07-10 12:00 +02:00"):
        with pytest.raises(ValidationError) as no_reason:
            erasure_postpone(application=anna, until=date(2026, 9, 1), reason="  ", by=recruiter)
        with pytest.raises(ValidationError) as too_early:
            erasure_postpone(application=anna, until=date(2026, 7, 29), reason="Klacht", by=None)
        with pytest.raises(ValidationError) as too_late:
            erasure_postpone(application=anna, until=date(2029, 1, 1), reason="Klacht", by=None)
        with pytest.raises(ValidationError) as no_date:
            erasure_postpone(application=anna, until=None, reason="Klacht", by=None)

    assert set(no_reason.value.message_dict) == {"reason"}
    assert set(too_early.value.message_dict) == {"until"}
    assert set(too_late.value.message_dict) == {"until"}
    assert set(no_date.value.message_dict) == {"until"}
    assert not ErasurePostponement.objects.exists()
    with pytest.raises(ValidationError):  # the procedure runs: nothing to postpone
        erasure_postpone(
            application=ApplicationFactory(), until=date(2026, 9, 1), reason="x", by=None
        )


def test_a_postponement_moves_the_date(procedure):
    anna, recruiter = reload(procedure["anna"]), procedure["consultant"]
    with travel("2026-07-10 12:00 +02:00"):
        erasure_postpone(
            application=anna, until=date(2026, 10, 1), reason="Klacht ingediend", by=recruiter
        )

    assert retention_date(reload(anna)) == date(2026, 10, 1)
    assert reload(anna).keep_until == date(2026, 10, 1)
    erase(procedure)  # 29 July: Dirk only
    assert reload(anna).erased_at is None
    with travel("2026-10-01 03:00 +02:00"):
        erasure_sweep()
    assert reload(anna).erased_at is not None
    postponement = ErasurePostponement.objects.get()
    assert (postponement.reason, postponement.by) == ("Klacht ingediend", recruiter)


def postpone_url(application):
    return reverse("candidates:erasure_postpone", args=[application.pk])


def test_the_recruiter_postpones_on_its_page(client, procedure):
    anna, recruiter = procedure["anna"], procedure["consultant"]
    client.force_login(recruiter)
    with travel("2026-07-10 12:00 +02:00"):
        page = client.get(postpone_url(anna))
        refused = client.post(postpone_url(anna), {"until": "2026-09-01", "reason": ""})
        done = client.post(postpone_url(anna), {"until": "2026-09-01", "reason": "Bezwaar"})
        dashboard = client.get(reverse("candidates:dashboard"))

    html = page.content.decode()
    assert page.status_code == 200
    assert "Verwijdering van Anna de Vries uitstellen" in html
    assert "woensdag 29 juli 2026" in html
    assert refused.status_code == 400
    refused_html = refused.content.decode()
    assert "Geef de reden om de gegevens langer te bewaren." in refused_html
    assert 'value="2026-09-01"' in refused_html  # what was typed is kept
    assert done.status_code == 302 and done["Location"] == reverse("candidates:dashboard")
    assert "De gegevens van Anna de Vries worden nu bewaard tot dinsdag 1 september 2026." in (
        dashboard.content.decode()
    )
    assert ErasurePostponement.objects.get().by == recruiter
    page = client.get(postpone_url(anna)).content.decode()
    assert "Bezwaar" in page and "Bewaard tot dinsdag 1 september 2026" in page


def test_only_recruiters_find_the_postponement_page(client, committee_user, procedure):
    anna = procedure["anna"]
    assert client.get(postpone_url(anna)).status_code == 302  # to the login page
    CommitteeMemberFactory(vacancy=procedure["vacancy"], user=committee_user)
    client.force_login(committee_user)
    assert client.get(postpone_url(anna)).status_code == 404
    assert client.post(postpone_url(anna), {"until": "2026-09-01", "reason": "x"}).status_code == (
        404
    )
    assert not ErasurePostponement.objects.exists()


# The dashboard -----------------------------------------------------------------------------


def test_the_dashboard_shows_the_coming_erasures_and_the_log(client, procedure):
    client.force_login(procedure["consultant"])
    with travel("2026-07-10 12:00 +02:00"):
        before = client.get(reverse("candidates:dashboard"))
    erase(procedure)
    with travel("2026-07-29 09:00 +02:00"):
        after = client.get(reverse("candidates:dashboard"))

    html = before.content.decode()
    assert "Verwijderingen, de komende 30 dagen" in html
    group = re.search(r'id="erasures-\d+".*?</li>\s*</ul>', html, re.S).group(0)
    assert "Algemeen Directeur" in group
    assert "2 kandidaten" in group and "verwijderd op 29 juli 2026" in group
    assert "Anna de Vries" in group and "Dirk Dekker" in group
    assert "Bram Bos" not in html and "Cees Claassen" not in group
    assert postpone_url(procedure["anna"]) in group
    assert "Er is nog niets verwijderd." in html
    log = after.content.decode()
    assert "Geen verwijderingen in deze periode." in log
    assert (
        "Bewaartermijn verstreken · 2 sollicitaties, 2 personen geanonimiseerd, 2 documenten"
        in (log)
    )


# The candidate's own request ----------------------------------------------------------------


@pytest.fixture
def finished():
    """A candidate rejected in a procedure that ended, and their private link."""
    with travel("2026-06-01 10:00 +02:00"):
        vacancy = VacancyFactory(status=Vacancy.Status.CLOSED)
        application = ApplicationFactory(
            vacancy=vacancy,
            candidate=CandidateFactory(
                first_name="Els", last_name="Evers", email="els@example.org", language="nl"
            ),
            stage=Stage.REJECTED,
            rejection_code="profile",
        )
        add_document(application)
        vacancy_set_status(vacancy=vacancy, status=Vacancy.Status.CANCELLED)
    return application


def request_erasure(client, application, moment):
    with travel(moment):
        signed = status_link_token(application)
        response = client.post(reverse("candidates:status_erasure", args=[signed]))
    assert response.status_code == 302
    return signed


def test_a_request_is_honoured_within_three_days_and_the_candidate_is_told(
    client, finished, mailoutbox, django_capture_on_commit_callbacks
):
    request_erasure(client, finished, "2026-06-10 23:30 +02:00")
    assert retention_date(reload(finished)) == date(2026, 6, 12)

    with travel("2026-06-11 03:00 +02:00"):
        assert erasure_sweep().applications == 0
    with travel("2026-06-12 03:00 +02:00"), django_capture_on_commit_callbacks(execute=True):
        result = erasure_sweep()

    assert result.applications == 1 and result.candidates == 1
    assert ErasureLog.objects.get().cause == ErasureLog.Cause.REQUEST
    assert candidate_of(finished).erased_at is not None
    told = [m for m in mailoutbox if m.subject == "Uw gegevens zijn verwijderd"]
    assert [m.to for m in told] == [["els@example.org"]]
    body = told[0].body
    assert "Geachte heer, mevrouw," in body and "woensdag 10 juni 2026" in body
    assert "Els" not in body and "Algemeen Directeur" not in body  # no name, no procedure
    # The address is the one trace left: removed by the next sweep once the message went out.
    row = OutgoingEmail.objects.get(key__startswith="erasure-done:")
    assert row.to == "els@example.org"
    with travel("2026-06-13 03:00 +02:00"):
        assert erasure_sweep().addresses_removed == 1
    row.refresh_from_db()
    assert row.to == "erased@erased.invalid" and row.context == {}
    assert not OutgoingEmail.objects.filter(to__icontains="els@").exists()


def test_a_request_waits_for_the_end_of_a_running_procedure(
    client, django_capture_on_commit_callbacks
):
    with travel("2026-06-01 10:00 +02:00"):
        application = ApplicationFactory(
            vacancy=VacancyFactory(status=Vacancy.Status.CLOSED), stage=Stage.SHORTLIST
        )
    request_erasure(client, application, "2026-06-02 10:00 +02:00")

    assert retention_date(reload(application)) is None
    with travel("2026-06-20 03:00 +02:00"):
        assert erasure_sweep().applications == 0
    with travel("2026-06-25 12:00 +02:00"):
        vacancy_set_status(vacancy=application.vacancy, status=Vacancy.Status.APPOINTED)
    # Then at its end: the next sweep, not four weeks later.
    with travel("2026-06-26 03:00 +02:00"), django_capture_on_commit_callbacks(execute=True):
        assert erasure_sweep().applications == 1
    assert ErasureLog.objects.get().cause == ErasureLog.Cause.REQUEST


def test_a_request_also_erases_an_application_that_left_the_running_procedure(client):
    with travel("2026-06-01 10:00 +02:00"):
        application = ApplicationFactory(
            vacancy=VacancyFactory(status=Vacancy.Status.CLOSED), stage=Stage.WITHDRAWN
        )
    request_erasure(client, application, "2026-06-02 10:00 +02:00")
    with travel("2026-06-04 03:00 +02:00"):
        assert erasure_sweep().applications == 1


# The private link ---------------------------------------------------------------------------


def test_the_private_link_stops_working_when_the_data_is_erased(client, procedure):
    anna = procedure["anna"]
    with travel("2026-07-10 12:00 +02:00"):
        signed = status_link_token(anna)
        assert client.get(reverse("candidates:status", args=[signed])).status_code == 200

    erase(procedure)

    with travel("2026-07-29 12:00 +02:00"):
        assert client.get(reverse("candidates:status", args=[signed])).status_code == 404
        assert application_from_link(signed) is None


def test_the_private_link_stops_working_a_year_after_the_end(client, procedure):
    cees = procedure["cees"]  # appointed: never erased by the rule
    signed = status_link_token(cees)
    with travel("2027-06-30 23:00 +02:00"):
        assert client.get(reverse("candidates:status", args=[signed])).status_code == 200
    with travel("2027-07-01 00:01 +02:00"):
        assert client.get(reverse("candidates:status", args=[signed])).status_code == 404
    assert reload(cees).erased_at is None


# The consent, the command, the task --------------------------------------------------------


def test_the_moment_of_consent_is_recorded_with_the_application():
    vacancy = VacancyFactory(status=Vacancy.Status.PUBLISHED, closing_date=date(2026, 5, 15))
    data = {
        "email": "fien@example.org",
        "first_name": "Fien",
        "last_name": "Franssen",
        "consent_talent_pool": True,
    }
    with travel("2026-05-01 10:00 +02:00"):
        given = application_submit(
            vacancy=vacancy,
            data=data,
            motivation=upload(make_pdf("Motivatie")),
            cv=upload(make_pdf("CV")),
        )
        refused = application_submit(
            vacancy=vacancy,
            data={**data, "email": "gijs@example.org", "consent_talent_pool": False},
            motivation=upload(make_pdf("Motivatie")),
            cv=upload(make_pdf("CV")),
        )

    assert given.consent_talent_pool_at == at("2026-05-01")
    assert refused.consent_talent_pool_at is None


def test_the_command_erases_once_and_prints_only_counts(procedure, capsys):
    with travel("2026-07-29 03:00 +02:00"):
        call_command("erase_expired", "--dry-run")
        dry = capsys.readouterr().out
        assert not Application.objects.filter(erased_at__isnull=False).exists()
        call_command("erase_expired")
        out = capsys.readouterr().out

    assert "2 applications due" in dry
    assert "Erased 2 applications, anonymised 2 people, deleted 2 documents" in out
    for name in ("Anna", "Vries", "Dirk", "anna@example.org"):
        assert name not in dry + out


def test_the_daily_task_runs_the_sweep_at_three(procedure, settings):
    from candidates.tasks import erase_expired

    entries = [e for e in settings.CELERY_BEAT_SCHEDULE.values() if e["task"] == erase_expired.name]
    assert len(entries) == 1
    schedule = entries[0]["schedule"]
    assert (schedule.hour, schedule.minute) == ({3}, {0})
    with travel("2026-07-29 03:00 +02:00"):
        assert erase_expired.delay().get()["applications"] == 2


def test_the_dashboard_panel_reads_two_queries_however_many_erasures_come(
    procedure, django_assert_num_queries
):
    from candidates.selectors.retention import erasure_panel

    with travel("2026-07-10 12:00 +02:00"):
        with django_assert_num_queries(2):  # the coming erasures, the latest log rows
            few = erasure_panel()
        ApplicationFactory.create_batch(
            30, vacancy=procedure["vacancy"], stage=Stage.REJECTED, rejection_code="profile"
        )
        with django_assert_num_queries(2):
            many = erasure_panel()

    assert (few.coming[0].count, many.coming[0].count) == (2, 32)


def test_one_application_can_be_erased_at_once_and_only_once(procedure):
    from candidates.services.retention import application_erase

    with travel("2026-07-02 10:00 +02:00"):
        log = application_erase(application=procedure["anna"], cause=ErasureLog.Cause.REQUEST)
        again = application_erase(application=procedure["anna"], cause=ErasureLog.Cause.REQUEST)

    assert (log.cause, log.applications, log.candidates, log.documents) == ("request", 1, 1, 2)
    assert again is None
    assert reload(procedure["dirk"]).erased_at is None


def test_the_reminders_about_the_application_keep_nothing_of_the_person(procedure):
    anna = procedure["anna"]
    interview = Interview.objects.get(application=anna)
    pending = Reminder.objects.create(
        key=f"interview_candidate:{interview.pk}:x:2026-08-01",
        kind=Reminder.Kind.INTERVIEW_CANDIDATE,
        object_id=interview.pk,
        email="anna@example.org",
        language="nl",
        due_on=date(2026, 8, 1),
        context={"interview_id": interview.pk, "application_id": anna.pk, "candidate_name": "Anna"},
    )
    other = Reminder.objects.create(
        key="closing_soon:1:x:2026-08-01",
        kind=Reminder.Kind.CLOSING_SOON,
        object_id=procedure["vacancy"].pk,
        email="inge@example.org",
        language="nl",
        due_on=date(2026, 8, 1),
        context={"vacancy_title": "Algemeen Directeur"},
    )

    erase(procedure)

    pending.refresh_from_db()
    assert (pending.context, pending.email) == ({}, "erased@erased.invalid")
    assert pending.queued_at is not None  # never sent any more
    other.refresh_from_db()
    assert other.context == {"vacancy_title": "Algemeen Directeur"} and other.queued_at is None
