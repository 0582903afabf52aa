"""Data retention: when the personal data of an application is erased, and the erasure itself.

The rules (issue 9; the GDPR and Dutch practice for applications):

- A procedure ends when its vacancy is appointed or cancelled (`Vacancy.ended_at`); closing for
  applications is not the end.
- The data of a candidate who was not appointed is erased 4 weeks after the end, or 1 year after
  it when they consented to be kept that long (`Application.consent_talent_pool`, with the moment
  in `consent_talent_pool_at`). The appointed candidate is not erased by this rule: they are
  hired, and what the client keeps about its director is the client's employment record, not
  this application file.
- A candidate's own request to erase their data (`Application.erasure_requested_at`, from their
  page) is honoured two days after it (the daily sweep of that day, so always within 3 days),
  which leaves the consultant a working day to look at it. It waits while the application is in
  a running procedure (not final, vacancy not ended): then it is erased at the first sweep after
  that ends. The request also erases the appointed candidate's application.
- A recruiter may postpone an erasure to a later date, with a reason: the latest postponement
  replaces the date of the rules (and of a request). Postponing needs a planned erasure.

Every date is a local date (Europe/Amsterdam): "4 weeks after" is the day the procedure ended
plus 28 days, and the sweep of that day (03:00) erases it. The due applications are found in
one query from the vacancy's `ended_at`, the consent, the request and the latest postponement,
so nothing depends on a hook having run; `keep_until` mirrors the date for the record (filled by
the sweep for procedures that ended, moved by a postponement).

Erasing keeps the application row with its stage, source, dates and stage history (without the
free-text reasons), so the insight figures stay the same; it removes the documents (files from
storage too, on S3 as well), notes, the consultant's assessment, references, the comments of the
committee, the candidate's remarks on interviews, the submitted details, the private link (the
token is replaced), the stored context of the emails about the application and the IP addresses
of the access log of its documents. The person is anonymised once none of their applications is
kept any longer. One ErasureLog row per procedure and cause records what was erased, in counts.
"""

import logging
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import OuterRef, Q, QuerySet, Subquery
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _

from candidates.models import (
    Application,
    ApplicationEmail,
    ApplicationRelease,
    Assessment,
    Candidate,
    CandidateMerge,
    CandidateOverview,
    ConflictOfInterest,
    Document,
    DocumentAccess,
    ErasureLog,
    ErasurePostponement,
    Interview,
    Nomination,
    Note,
    Reference,
    Reminder,
    Scorecard,
    StageChange,
    new_access_token,
)
from candidates.services.search import candidate_reindex
from mail.models import OutgoingEmail
from mail.services.outbox import MAX_ATTEMPTS, email_queue
from vacancies.templatetags.formatting import longdate

logger = logging.getLogger(__name__)

Stage = Application.Stage
Cause = ErasureLog.Cause

RETENTION_DAYS = 28  # without consent: 4 weeks after the end of the procedure
REQUEST_DAYS = 2  # a request is honoured at the sweep two days after it (within 3 days)
POSTPONE_MAX_DAYS = 2 * 366  # a postponement reaches at most about two years ahead
REASON_MAX_LENGTH = 2000
# The name an anonymised person gets, in the site's language ("Verwijderd").
ERASED_NAME = _("Erased")
# The address that replaces a candidate's in the outbox once the message about the erasure went
# out (and that of an anonymised person: erased-<pk>@erased.invalid, unique per person).
ERASED_DOMAIN = "erased.invalid"
ERASED_ADDRESS = f"erased@{ERASED_DOMAIN}"
DONE_TEMPLATE = "erasure_done_candidate"
DONE_KEY = "erasure-done"
# An erasure email that could not be sent within this long is given up, and its address removed.
DONE_GIVE_UP = timedelta(days=7)
NOT_SENT = "Not sent: the data of this message was erased."

# Outbox keys that name an application by its id in the second place (see the services that
# queue them), and those that name an interview.
APPLICATION_KEY_PREFIXES = (
    "application-received",
    "application-duplicate",
    "application-withdrawn",
    "erasure-requested",
    "reference-consent",
    "rejection",
    "application-email",
)
INTERVIEW_KEY_PREFIXES = (
    "interview-invite",
    "interview-update",
    "interview-cancel",
    "interview-response",
)


# --- dates -----------------------------------------------------------------------------------


def _start_of(day: date) -> datetime:
    """The first moment of `day` on the local calendar."""
    return timezone.make_aware(datetime.combine(day, time.min))


def year_after(day: date) -> date:
    """The same date a year later; 29 February becomes 1 March."""
    try:
        return day.replace(year=day.year + 1)
    except ValueError:
        return date(day.year + 1, 3, 1)


def year_before(day: date) -> date:
    """The latest date whose `year_after` is not after `day` (29 February: 28 February)."""
    try:
        return day.replace(year=day.year - 1)
    except ValueError:
        return date(day.year - 1, 2, 28)


def _rule_date(*, ended_at: datetime, consent: bool) -> date:
    ended = timezone.localdate(ended_at)
    return year_after(ended) if consent else ended + timedelta(days=RETENTION_DAYS)


def _request_date(requested_at: datetime) -> date:
    return timezone.localdate(requested_at) + timedelta(days=REQUEST_DAYS)


def erasure_plan(
    *,
    stage: str,
    consent: bool,
    requested_at: datetime | None,
    ended_at: datetime | None,
    postponed_until: date | None,
) -> tuple[date | None, str | None]:
    """(the date the sweep erases the application, the cause), or (None, None) when no erasure
    is planned yet. The plain rules of the module's docstring, from the fields they read."""
    if postponed_until is not None:
        return postponed_until, (Cause.REQUEST if requested_at else Cause.RETENTION)
    options = []
    running = stage not in Application.FINAL and ended_at is None
    if requested_at is not None and not running:
        options.append((_request_date(requested_at), Cause.REQUEST))
    if ended_at is not None and stage != Stage.APPOINTED:
        options.append((_rule_date(ended_at=ended_at, consent=consent), Cause.RETENTION))
    if not options:
        return None, None
    return min(options)


def _latest_postponement() -> Subquery:
    return Subquery(
        ErasurePostponement.objects.filter(application=OuterRef("pk"))
        .order_by("-at", "-pk")
        .values("until")[:1]
    )


def retention_date(application: Application) -> date | None:
    """The date `application`'s data is erased (the latest postponement, else the earlier of the
    request and the rule); None while none is planned (a running procedure, the appointed
    candidate without a request) and for an erased application."""
    if application.erased_at is not None:
        return None
    postponed = (
        ErasurePostponement.objects.filter(application_id=application.pk)
        .order_by("-at", "-pk")
        .values_list("until", flat=True)
        .first()
    )
    return erasure_plan(
        stage=application.stage,
        consent=application.consent_talent_pool,
        requested_at=application.erasure_requested_at,
        ended_at=application.vacancy.ended_at,
        postponed_until=postponed,
    )[0]


def due_on_or_before(day: date) -> QuerySet[Application]:
    """The applications not yet erased whose erasure date is `day` or earlier, annotated with
    `postponed_until`: one query, the same rules as `erasure_plan` written as conditions on the
    moments (a local date D is on or before X when the moment is before the start of X + 1)."""
    ended = Q(vacancy__ended_at__isnull=False)
    rule = (
        ended
        & ~Q(stage=Stage.APPOINTED)
        & (
            Q(
                consent_talent_pool=True,
                vacancy__ended_at__lt=_start_of(year_before(day) + timedelta(days=1)),
            )
            | Q(
                consent_talent_pool=False,
                vacancy__ended_at__lt=_start_of(day - timedelta(days=RETENTION_DAYS - 1)),
            )
        )
    )
    request = Q(erasure_requested_at__lt=_start_of(day - timedelta(days=REQUEST_DAYS - 1))) & (
        Q(stage__in=Application.FINAL) | ended
    )
    return (
        Application.objects.filter(erased_at__isnull=True)
        .annotate(postponed_until=_latest_postponement())
        .filter(
            Q(postponed_until__isnull=False, postponed_until__lte=day)
            | (Q(postponed_until__isnull=True) & (rule | request))
        )
    )


def link_valid_q(now: datetime | None = None) -> Q:
    """Applications whose private link still works: not erased, and their procedure running or
    ended less than a year ago (the link stops on the day the one-year rule would erase it)."""
    today = timezone.localdate(now)
    return Q(erased_at__isnull=True) & (
        Q(vacancy__ended_at__isnull=True)
        | Q(vacancy__ended_at__gte=_start_of(year_before(today) + timedelta(days=1)))
    )


# --- the schedule and postponements ----------------------------------------------------------


def retention_schedule() -> int:
    """Write `keep_until` (the date of the rule) on the applications of ended procedures that
    have none yet; the appointed candidate gets none. Returns how many were written. A few
    queries: the ended procedures are found once, then one update per end date and consent."""
    pending = (
        Application.objects.filter(
            keep_until__isnull=True, erased_at__isnull=True, vacancy__ended_at__isnull=False
        )
        .exclude(stage=Stage.APPOINTED)
        .order_by()
        .values_list("vacancy_id", "vacancy__ended_at")
        .distinct()
    )
    by_end: dict[date, list[int]] = {}
    for vacancy_id, ended_at in pending:
        by_end.setdefault(timezone.localdate(ended_at), []).append(vacancy_id)
    written = 0
    for ended, vacancy_ids in by_end.items():
        moment = _start_of(ended)
        for consent in (False, True):
            written += (
                Application.objects.filter(
                    vacancy_id__in=vacancy_ids,
                    keep_until__isnull=True,
                    erased_at__isnull=True,
                    consent_talent_pool=consent,
                )
                .exclude(stage=Stage.APPOINTED)
                .update(keep_until=_rule_date(ended_at=moment, consent=consent))
            )
    return written


def erasure_postpone(
    *, application: Application, until: date | None, reason: str, by
) -> ErasurePostponement:
    """Keep `application`'s data until `until` (the sweep of that day erases it), recorded with
    the reason and who decided. Refused (ValidationError, per field) without a reason, without a
    planned erasure, and for a date that is not after both today and the current date."""
    reason = (reason or "").strip()
    with transaction.atomic():
        locked = (
            Application.objects.select_for_update(of=("self",))
            .select_related("vacancy")
            .get(pk=application.pk)
        )
        if locked.erased_at is not None:
            raise ValidationError(_("The data of this application has already been erased."))
        current = retention_date(locked)
        if current is None:
            raise ValidationError(
                _("No erasure is planned for this application yet: its procedure is running.")
            )
        errors = {}
        if not reason:
            errors["reason"] = _("Give the reason for keeping the data longer.")
        elif len(reason) > REASON_MAX_LENGTH:
            errors["reason"] = _("Keep the reason under %(max)s characters.") % {
                "max": REASON_MAX_LENGTH
            }
        today = timezone.localdate()
        if until is None:
            errors["until"] = _("Choose the new date of the erasure.")
        elif until <= max(today, current):
            errors["until"] = _("Choose a date after %(date)s.") % {
                "date": longdate(max(today, current))
            }
        elif until > today + timedelta(days=POSTPONE_MAX_DAYS):
            errors["until"] = _(
                "Choose a date at most two years ahead; postpone again later if needed."
            )
        if errors:
            raise ValidationError(errors)
        postponement = ErasurePostponement.objects.create(
            application=locked, until=until, reason=reason, by=by
        )
        locked.keep_until = until
        locked.save(update_fields=["keep_until"])
    return postponement


# --- erasing ---------------------------------------------------------------------------------


@dataclass
class Erased:
    """What one erasure run erased, in counts (never who)."""

    applications: int = 0
    candidates: int = 0
    documents: int = 0
    logs: list[ErasureLog] = field(default_factory=list)
    failed: int = 0  # procedures whose erasure failed and is tried again at the next sweep
    scheduled: int = 0
    addresses_removed: int = 0

    def add(self, other: "Erased") -> None:
        self.applications += other.applications
        self.candidates += other.candidates
        self.documents += other.documents
        self.logs += other.logs


def _delete_files(files) -> None:
    """Delete stored files through their own storage (local disk or S3). A failure raises, so
    the transaction rolls back and the next sweep tries again: no application is marked erased
    while a file of it is still stored. When the transaction fails after its files went, the
    next sweep erases the rows that still name them (deleting a file that is gone is no error,
    on disk or on S3)."""
    for file in files:
        if file and file.name:
            file.storage.delete(file.name)


def _emails_about(application: Application, interview_ids: list[int]) -> Q:
    """The outbox rows about `application`: those recorded as its emails, those whose key names
    it (or one of its interviews) and those whose context carries its id."""
    about = Q(pk__in=ApplicationEmail.objects.filter(application=application).values("email_id"))
    about |= Q(context__application_id=application.pk)
    for prefix in APPLICATION_KEY_PREFIXES:
        about |= Q(key__startswith=f"{prefix}:{application.pk}:")
    for interview_id in interview_ids:
        about |= Q(context__interview_id=interview_id)
        for prefix in INTERVIEW_KEY_PREFIXES:
            about |= Q(key__startswith=f"{prefix}:{interview_id}:")
    return about


def _clear_emails(emails: QuerySet[OutgoingEmail], **also) -> int:
    """Empty the stored context of `emails`; one not sent yet is never sent any more."""
    cleared = emails.filter(sent_at__isnull=False).update(context={}, **also)
    cleared += emails.filter(sent_at__isnull=True).update(
        context={}, attempts=MAX_ATTEMPTS, last_error=NOT_SENT, **also
    )
    return cleared


def _clear_reminders(reminders: QuerySet[Reminder], *, now: datetime) -> None:
    """Empty what reminders (candidates.services.reminders) hold about the person: their
    context, and the address of those to the candidate; one not sent yet is never sent."""
    reminders.filter(queued_at__isnull=True).update(queued_at=now)
    reminders.filter(user__isnull=True).update(email=ERASED_ADDRESS)
    reminders.update(context={})


def _erase_application(application: Application, *, now: datetime) -> int:
    """Erase the personal data of one application (locked by the caller); the number of
    documents it had."""
    documents = list(Document.objects.filter(application=application))
    _delete_files(document.file for document in documents)
    # The access log stays (who read a document of which procedure, when), without the IP
    # addresses and without pointing at the document that is gone.
    DocumentAccess.objects.filter(document__in=documents).update(
        document=None, vacancy_id=application.vacancy_id, ip_address=None
    )
    Document.objects.filter(application=application).delete()
    if ApplicationRelease.objects.filter(application=application).exists():
        # The candidate overviews of the procedure show the released candidates: made again
        # when someone asks, from what is left.
        overviews = list(CandidateOverview.objects.filter(vacancy_id=application.vacancy_id))
        _delete_files(overview.file for overview in overviews)
        CandidateOverview.objects.filter(pk__in=[o.pk for o in overviews]).delete()
    Note.objects.filter(application=application).delete()
    Assessment.objects.filter(application=application).delete()
    Reference.objects.filter(application=application).delete()
    # The committee's numbers and recommendations stay with the decision they led to; what the
    # members wrote about the person goes.
    Scorecard.objects.filter(application=application).update(comments="")
    ConflictOfInterest.objects.filter(application=application).update(explanation="")
    Interview.objects.filter(application=application).update(response_note="")
    Nomination.objects.filter(application=application).update(rationale="")
    StageChange.objects.filter(application=application).update(reason="")
    interview_ids = list(
        Interview.objects.filter(application=application).values_list("pk", flat=True)
    )
    _clear_emails(OutgoingEmail.objects.filter(_emails_about(application, interview_ids)))
    about = Reminder.objects.filter(
        Q(context__application_id=application.pk) | Q(context__interview_id__in=interview_ids)
    )
    # The emails the reminders went out in (a digest names candidates deep in its text).
    _clear_emails(
        OutgoingEmail.objects.filter(pk__in=about.exclude(sent_via=None).values("sent_via_id"))
    )
    _clear_reminders(about, now=now)
    Application.objects.filter(pk=application.pk).update(
        erased_at=now,
        submitted_details={},
        rejection_reason="",
        # The private link stops working: no link carries the new token.
        access_token=new_access_token(),
    )
    return len(documents)


def _candidate_anonymise(candidate: Candidate, *, now: datetime) -> None:
    """Nothing about the person is kept any longer: the row stays for the counts, anonymised."""
    Note.objects.filter(candidate=candidate).delete()
    placeholder = f"erased-{candidate.pk}@{ERASED_DOMAIN}"
    with translation.override(settings.LANGUAGE_CODE):
        name = str(ERASED_NAME)
    for merge in CandidateMerge.objects.filter(kept=candidate):
        merge.removed_name = name
        merge.removed_email = f"erased-merge-{merge.pk}@{ERASED_DOMAIN}"
        merge.save(update_fields=["removed_name", "removed_email"])
    # Every message to the person's address: its text goes, and the address.
    _clear_emails(OutgoingEmail.objects.filter(to__iexact=candidate.email), to=ERASED_ADDRESS)
    _clear_reminders(Reminder.objects.filter(email__iexact=candidate.email), now=now)
    Candidate.objects.filter(pk=candidate.pk).update(
        first_name="",
        last_name=name,
        email=placeholder,
        phone="",
        current_position="",
        current_organisation="",
        linkedin_url="",
        search_text="",
        erased_at=now,
    )


def _tell_candidate(*, candidate: Candidate, address: str, requested_at: datetime, search_firm):
    """Queue the message that the requested erasure is done, to the address as it was. The
    context holds no name and no procedure; the address is removed from the outbox row by the
    next sweep once the message went out (`done_addresses_remove`)."""
    with translation.override(candidate.language):
        context = {
            "search_firm": search_firm or "",
            "requested_on": longdate(timezone.localdate(requested_at)),
            "date": longdate(timezone.localdate()),
        }
    email_queue(
        key=f"{DONE_KEY}:{candidate.pk}:{timezone.localdate(requested_at):%Y%m%d}",
        to=address,
        template=DONE_TEMPLATE,
        context=context,
        language=candidate.language,
    )


def _erase_locked(applications: list[Application], *, now: datetime) -> Erased:
    erased = Erased()
    for application in applications:
        erased.documents += _erase_application(application, now=now)
        erased.applications += 1
        candidate = Candidate.objects.select_for_update().get(pk=application.candidate_id)
        kept = Application.objects.filter(candidate=candidate, erased_at__isnull=True)
        address = candidate.email
        if not kept.exists():
            _candidate_anonymise(candidate, now=now)
            erased.candidates += 1
        else:
            candidate_reindex(candidate_id=candidate.pk)
        requested = application.erasure_requested_at
        if requested and not kept.filter(erasure_requested_at__isnull=False).exists():
            # Everything the request covered is erased now: tell the person (after the commit).
            _tell_candidate(
                candidate=candidate,
                address=address,
                requested_at=requested,
                search_firm=application.vacancy.search_firm,
            )
    return erased


def _lock(ids, *, day: date) -> list[Application]:
    """Lock the applications of `ids`, then keep those still due on `day` (read again after the
    lock: a postponement or an erasure that committed meanwhile counts)."""
    locked = list(
        Application.objects.select_for_update(of=("self",))
        .filter(pk__in=ids, erased_at__isnull=True)
        .values_list("pk", flat=True)
    )
    return list(
        due_on_or_before(day).filter(pk__in=locked).select_related("vacancy").order_by("pk")
    )


def application_erase(*, application: Application, cause: str, now: datetime | None = None):
    """Erase one application now, whatever its date (an erasure a recruiter decides, or a
    test), and log it. Returns the ErasureLog row, or None when it was already erased."""
    now = now or timezone.now()
    if cause not in Cause.values:
        raise ValueError(cause)
    with transaction.atomic():
        locked = list(
            Application.objects.select_for_update(of=("self",))
            .filter(pk=application.pk, erased_at__isnull=True)
            .select_related("vacancy")
        )
        if not locked:
            return None
        erased = _erase_locked(locked, now=now)
        return ErasureLog.objects.create(
            at=now,
            cause=cause,
            vacancy_id_erased=locked[0].vacancy_id,
            applications=erased.applications,
            candidates=erased.candidates,
            documents=erased.documents,
        )


def done_addresses_remove(*, now: datetime) -> int:
    """Remove the candidate's address from the messages about their finished erasure once they
    were sent (or given up after DONE_GIVE_UP): the last trace of the person."""
    done = (
        OutgoingEmail.objects.filter(key__startswith=f"{DONE_KEY}:")
        .exclude(to=ERASED_ADDRESS)
        .filter(Q(sent_at__isnull=False) | Q(created_at__lt=now - DONE_GIVE_UP))
    )
    return _clear_emails(done, to=ERASED_ADDRESS)


def erasure_due(*, today: date) -> dict[tuple[int, str], list[int]]:
    """The applications due on `today`, per (vacancy id, cause): one query."""
    groups: dict[tuple[int, str], list[int]] = {}
    due = due_on_or_before(today).values_list(
        "pk",
        "vacancy_id",
        "stage",
        "consent_talent_pool",
        "erasure_requested_at",
        "vacancy__ended_at",
        "postponed_until",
    )
    for pk, vacancy_id, stage, consent, requested, ended, postponed in due.order_by("pk"):
        _day, cause = erasure_plan(
            stage=stage,
            consent=consent,
            requested_at=requested,
            ended_at=ended,
            postponed_until=postponed,
        )
        groups.setdefault((vacancy_id, cause or Cause.RETENTION), []).append(pk)
    return groups


def erasure_sweep(*, now: datetime | None = None) -> Erased:
    """The daily work: write the retention dates of procedures that ended, erase every
    application that is due (per procedure and cause one transaction and one log row) and remove
    the addresses of the sent erasure messages. Running it again erases nothing twice; a
    procedure whose erasure fails (storage unreachable) is logged and tried again next time.
    The queries do not grow with the applications that are not due."""
    now = now or timezone.now()
    today = timezone.localdate(now)
    result = Erased(scheduled=retention_schedule())
    groups = erasure_due(today=today)
    for (vacancy_id, cause), ids in sorted(groups.items()):
        try:
            with transaction.atomic():
                locked = _lock(ids, day=today)
                if not locked:
                    continue
                erased = _erase_locked(locked, now=now)
                erased.logs.append(
                    ErasureLog.objects.create(
                        at=now,
                        cause=cause,
                        vacancy_id_erased=vacancy_id,
                        applications=erased.applications,
                        candidates=erased.candidates,
                        documents=erased.documents,
                    )
                )
        except Exception:
            logger.exception("Erasure of procedure %s (%s) failed; tried again next time",
                             vacancy_id, cause)  # fmt: skip
            result.failed += 1
            continue
        result.add(erased)
    result.addresses_removed = done_addresses_remove(now=now)
    return result
