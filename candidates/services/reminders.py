"""Reminders: what is due, each sent once, at once or in the daily digest.

`reminders_due(now)` finds what is due on the day `now` falls on in Europe/Amsterdam ("today"
and "tomorrow" are Amsterdam days, 23 or 25 hours long around the change to and from summer
time). Each kind is one set-based query (two for interviews: the candidates, the members), so
the number of queries does not grow with the vacancies, phases or applications that are not due:

- closing date in 3 days and today: the lead consultant of a published vacancy;
- a planning phase that starts tomorrow or ends today, and one that is overdue: whoever is
  responsible. The search firm and the client: the lead consultant (the client has no account;
  the consultant is the one who chases them). The committee: its chair, who leads it (not every
  member: they get their own reminders about scores and interviews); the lead consultant when
  the committee has no chair. A phase is overdue when its last day has passed while what it is
  for is not recorded: a publication phase of a vacancy still in draft, a preselection with
  applications still in "applied", a nomination phase without a nomination, an appointment phase
  of a vacancy not appointed. Phases without a recorded outcome are never overdue. An overdue
  phase is reminded the day after its last day and then weekly, for OVERDUE_WEEKS weeks;
- members who have not submitted a scorecard of every candidate released to them (leaving out
  those they declared a conflict with) 2 days before the committee meeting (the first day of the
  committee discussion phase): each such member, and one copy to the chair that names them all
  (the lead consultant when there is no chair);
- an interview tomorrow: the candidate and each attending member, with the calendar file;
- applications still in "applied" with no email to the candidate besides the receipt, two
  weeks after the closing date: the lead consultant, one reminder per vacancy;
- a committee invitation not accepted (nor replaced) 3 days after it was sent: the recruiter who
  sent it (the lead consultant when that recruiter is gone).

Every date is taken as it is, holidays included: a closing date on Koningsdag (27 April) is
reminded on Friday 24 April and on 27 April itself. The dates are the procedure's own promises
(the candidates read the closing date), so the reminders keep to them; keeping phases out of the
holidays is the planning generator's work.

A reminder's key is (kind, object, recipient, due date). `reminders_sweep` inserts the reminders
that are due (a key that exists is not inserted again: INSERT ... ON CONFLICT DO NOTHING), then
claims the ones to send now with a conditional UPDATE (queued_at from empty to this sweep) and
queues their emails in the outbox under "reminder:<key>", itself unique. Two sweeps at once, or a
sweep retried, so send each reminder once; the outbox claims again before sending (see
mail.services.outbox). A recipient who chose the daily digest keeps their reminders waiting
until `digest_send` (08:00 Europe/Amsterdam) puts them in one email, except the ones that arise
after that day's digest and would be stale by the next (URGENT: something today or tomorrow),
which go at once.
"""

import logging
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from itertools import groupby

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models import Count, Exists, IntegerField, OuterRef, Q, Subquery, Value
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from candidates.models import (
    Application,
    ApplicationEmail,
    ApplicationRelease,
    ConflictOfInterest,
    EmailTemplate,
    Interview,
    Nomination,
    Reminder,
    Scorecard,
)
from candidates.services.calendar import AMSTERDAM, Audience, interview_attachments
from candidates.services.interviews import slot_text
from mail.models import OutgoingEmail
from mail.services.outbox import email_queue
from vacancies.models import CommitteeInvitation, CommitteeMember, PlanningPhase, Vacancy
from vacancies.templatetags.formatting import longdate

logger = logging.getLogger(__name__)

Kind = Reminder.Kind
ENDED = (Vacancy.Status.APPOINTED, Vacancy.Status.CANCELLED)

CLOSING_SOON_DAYS = 3
SCORES_BEFORE_MEETING_DAYS = 2
FIRST_ANSWER_AFTER_DAYS = 14
INVITATION_AFTER_DAYS = 3
OVERDUE_WEEKS = 8
# The daily digest, in Europe/Amsterdam (the beat schedule of migration candidates 0012).
DIGEST_TIME = time(8, 0)
# About something today or tomorrow: when it arises after the day's digest, it goes at once.
URGENT = (Kind.CLOSING_TODAY, Kind.PHASE_STARTS, Kind.PHASE_ENDS, Kind.INTERVIEW_MEMBER)
TEMPLATES = {
    Kind.INTERVIEW_CANDIDATE: "reminder_interview_candidate",
    Kind.INTERVIEW_MEMBER: "reminder_interview_member",
}
DEFAULT_TEMPLATE = "reminder"
DIGEST_TEMPLATE = "reminder_digest"
# Keys of existing reminders are looked up this many at a time.
CHUNK = 500


# Days in Amsterdam ----------------------------------------------------------------------------


def local_today(now: datetime) -> date:
    return now.astimezone(AMSTERDAM).date()


def day_start(day: date) -> datetime:
    """Midnight at the start of `day` in Amsterdam (never ambiguous: the clocks change at 2-3)."""
    return datetime.combine(day, time.min, tzinfo=AMSTERDAM)


def digest_moment(day: date) -> datetime:
    return datetime.combine(day, DIGEST_TIME, tzinfo=AMSTERDAM)


# What is due ----------------------------------------------------------------------------------


@dataclass
class ReminderSpec:
    """One reminder that is due: to a user (user_id) or to a candidate (candidate_id, email)."""

    kind: str
    object_id: int
    due_on: date
    context: dict = field(default_factory=dict)
    user_id: int | None = None
    candidate_id: int | None = None
    email: str = ""
    language: str = ""

    @property
    def recipient(self) -> str:
        if self.user_id:
            return f"user-{self.user_id}"
        return f"candidate-{self.candidate_id}"

    @property
    def key(self) -> str:
        return f"{self.kind}:{self.object_id}:{self.recipient}:{self.due_on.isoformat()}"


def _count(queryset, column: str = "vacancy_id") -> Subquery:
    """The number of rows of `queryset` (correlated by OuterRef) as an integer subquery."""
    counted = queryset.order_by().values(column).annotate(n=Count("pk")).values("n")
    return Coalesce(Subquery(counted, output_field=IntegerField()), Value(0))


def _chair_user(vacancy_ref: str = "vacancy_id") -> Subquery:
    return Subquery(
        CommitteeMember.objects.filter(
            vacancy_id=OuterRef(vacancy_ref), role=CommitteeMember.Role.CHAIR
        )
        .order_by()
        .values("user_id")[:1]
    )


def _vacancy_context(row: dict, prefix: str = "vacancy__") -> dict:
    return {
        "vacancy_id": row[f"{prefix}id" if prefix else "id"],
        "vacancy_title": row[f"{prefix}title" if prefix else "title"],
        "client_name": row[f"{prefix}client__name" if prefix else "client__name"],
    }


def _person(first: str, last: str, username: str) -> str:
    return f"{first} {last}".strip() or username


def closing_due(today: date) -> list[ReminderSpec]:
    """The closing date in 3 days and today: the lead consultant. One query."""
    soon = today + timedelta(days=CLOSING_SOON_DAYS)
    rows = (
        Vacancy.objects.filter(
            status=Vacancy.Status.PUBLISHED,
            closing_date__in=[today, soon],
            lead_consultant__isnull=False,
        )
        .annotate(applications_count=_count(Application.objects.filter(vacancy=OuterRef("pk"))))
        .values(
            "id",
            "title",
            "client__name",
            "closing_date",
            "lead_consultant_id",
            "applications_count",
        )
    )
    return [
        ReminderSpec(
            kind=Kind.CLOSING_TODAY if row["closing_date"] == today else Kind.CLOSING_SOON,
            object_id=row["id"],
            due_on=today,
            user_id=row["lead_consultant_id"],
            context={
                **_vacancy_context(row, prefix=""),
                "date": row["closing_date"].isoformat(),
                "applications": row["applications_count"],
            },
        )
        for row in rows
    ]


def _phase_recipient(row: dict) -> tuple[int | None, str]:
    """(user id, audience) of whoever is responsible for the phase in `row`."""
    if row["responsible"] == PlanningPhase.Responsible.COMMITTEE and row["chair_user"]:
        return row["chair_user"], "committee"
    return row["vacancy__lead_consultant_id"], "office"


PHASE_FIELDS = (
    "id",
    "kind",
    "activity",
    "responsible",
    "first",
    "last",
    "vacancy__id",
    "vacancy__title",
    "vacancy__client__name",
    "vacancy__lead_consultant_id",
    "chair_user",
)


def _phases():
    return (
        PlanningPhase.objects.exclude(vacancy__status__in=ENDED)
        .annotate(
            first=Coalesce("starts_on", "ends_on"),
            last=Coalesce("ends_on", "starts_on"),
            chair_user=_chair_user(),
        )
        .order_by("vacancy_id", "order", "pk")
    )


def _phase_spec(row: dict, kind: str, today: date, **extra) -> ReminderSpec:
    user_id, audience = _phase_recipient(row)
    return ReminderSpec(
        kind=kind,
        object_id=row["id"],
        due_on=today,
        user_id=user_id,
        context={
            **_vacancy_context(row),
            "phase_id": row["id"],
            "phase_kind": row["kind"],
            "activity": row["activity"],
            "responsible": row["responsible"],
            "first_day": row["first"].isoformat(),
            "last_day": row["last"].isoformat(),
            "audience": audience,
            **extra,
        },
    )


def phases_due(today: date) -> list[ReminderSpec]:
    """A phase that starts tomorrow or ends today: whoever is responsible. One query."""
    tomorrow = today + timedelta(days=1)
    rows = _phases().filter(Q(first=tomorrow) | Q(last=today)).values(*PHASE_FIELDS)
    specs = []
    for row in rows:
        if row["first"] == tomorrow:
            specs.append(_phase_spec(row, Kind.PHASE_STARTS, today))
        if row["last"] == today:
            specs.append(_phase_spec(row, Kind.PHASE_ENDS, today))
    return [spec for spec in specs if spec.user_id]


def overdue_days(today: date) -> list[date]:
    """The last days of the phases that are reminded as overdue today: yesterday, then weekly."""
    return [today - timedelta(days=1 + 7 * week) for week in range(OVERDUE_WEEKS)]


def phases_overdue(today: date) -> list[ReminderSpec]:
    """A phase whose last day has passed without its outcome (see the module): one query. The
    outcome (applications waiting, a nomination) is read in the SELECT list of the few phases
    found by date and kind, and checked here: a correlated subquery in the WHERE clause would be
    costed for every phase in the table (and past PostgreSQL's JIT threshold)."""
    Kinds = PlanningPhase.Kind
    applied = Application.objects.filter(
        vacancy_id=OuterRef("vacancy_id"), stage=Application.Stage.APPLIED
    )
    rows = (
        _phases()
        .filter(
            last__in=overdue_days(today),
            kind__in=[Kinds.PUBLICATION, Kinds.PRESELECTION, Kinds.NOMINATION, Kinds.APPOINTMENT],
        )
        .exclude(Q(kind=Kinds.PUBLICATION) & ~Q(vacancy__status=Vacancy.Status.DRAFT))
        .annotate(
            waiting=_count(applied),
            nominated=Exists(Nomination.objects.filter(vacancy_id=OuterRef("vacancy_id"))),
        )
        .values(*PHASE_FIELDS, "waiting", "nominated")
    )
    reasons = {
        Kinds.PUBLICATION: "not_published",
        Kinds.PRESELECTION: "preselection",
        Kinds.NOMINATION: "nomination",
        Kinds.APPOINTMENT: "appointment",
    }
    specs = [
        _phase_spec(
            row,
            Kind.PHASE_OVERDUE,
            today,
            reason=reasons[row["kind"]],
            waiting=row["waiting"],
        )
        for row in rows
        if not (row["kind"] == Kinds.PRESELECTION and not row["waiting"])
        and not (row["kind"] == Kinds.NOMINATION and row["nominated"])
    ]
    return [spec for spec in specs if spec.user_id]


def scores_due(today: date) -> list[ReminderSpec]:
    """Members with scorecards still to submit, 2 days before the committee meeting; a copy to
    the chair (or the lead consultant) naming them. One query."""
    meeting_on = today + timedelta(days=SCORES_BEFORE_MEETING_DAYS)
    meeting = (
        PlanningPhase.objects.filter(kind=PlanningPhase.Kind.COMMITTEE_DISCUSSION)
        .annotate(first=Coalesce("starts_on", "ends_on"))
        .filter(first=meeting_on)
        .values("vacancy_id")
    )
    to_score = (
        Application.objects.filter(vacancy_id=OuterRef("vacancy_id"))
        .exclude(stage__in=Application.FINAL)
        .filter(
            Exists(
                ApplicationRelease.objects.filter(
                    application_id=OuterRef("pk"), withdrawn_at__isnull=True
                )
            )
        )
        .exclude(
            Exists(
                Scorecard.objects.filter(
                    member_id=OuterRef(OuterRef("pk")),
                    application_id=OuterRef("pk"),
                    submitted_at__isnull=False,
                )
            )
        )
        .exclude(
            Exists(
                ConflictOfInterest.objects.filter(
                    member_id=OuterRef(OuterRef("pk")), application_id=OuterRef("pk")
                )
            )
        )
    )
    rows = (
        CommitteeMember.objects.filter(vacancy_id__in=meeting)
        .exclude(vacancy__status__in=ENDED)
        .annotate(missing=_count(to_score), chair_user=_chair_user())
        .order_by("vacancy_id", "user__last_name", "user__first_name", "pk")
        .values(
            "id",
            "user_id",
            "user__first_name",
            "user__last_name",
            "user__username",
            "missing",
            "chair_user",
            "vacancy__id",
            "vacancy__title",
            "vacancy__client__name",
            "vacancy__lead_consultant_id",
        )
    )
    specs = []
    behind = (row for row in rows if row["missing"] > 0)
    for vacancy_id, seats in groupby(behind, key=lambda row: row["vacancy__id"]):
        seats = list(seats)
        common = {**_vacancy_context(seats[0]), "meeting_on": meeting_on.isoformat()}
        for row in seats:
            specs.append(
                ReminderSpec(
                    kind=Kind.SCORES_MISSING,
                    object_id=row["id"],
                    due_on=today,
                    user_id=row["user_id"],
                    context={**common, "member_id": row["id"], "missing": row["missing"]},
                )
            )
        chair = seats[0]["chair_user"] or seats[0]["vacancy__lead_consultant_id"]
        if chair:
            members = [
                {
                    "name": _person(
                        row["user__first_name"], row["user__last_name"], row["user__username"]
                    ),
                    "missing": row["missing"],
                }
                for row in seats
            ]
            specs.append(
                ReminderSpec(
                    kind=Kind.SCORES_MISSING_CHAIR,
                    object_id=vacancy_id,
                    due_on=today,
                    user_id=chair,
                    context={
                        **common,
                        "members": members,
                        "audience": "committee" if seats[0]["chair_user"] else "office",
                    },
                )
            )
    return specs


def _interviews_tomorrow(today: date):
    tomorrow = today + timedelta(days=1)
    return (
        Interview.objects.filter(
            status=Interview.Status.PLANNED,
            starts_at__gte=day_start(tomorrow),
            starts_at__lt=day_start(tomorrow + timedelta(days=1)),
        )
        .exclude(application__vacancy__status__in=ENDED)
        .exclude(application__stage__in=Application.FINAL)
    )


def _interview_context(row: dict, prefix: str = "") -> dict:
    return {
        "interview_id": row[f"{prefix}id"],
        "application_id": row[f"{prefix}application_id"],
        "starts_at": row[f"{prefix}starts_at"].isoformat(),
        "ends_at": row[f"{prefix}ends_at"].isoformat(),
        "place": row[f"{prefix}place"],
        "video_url": row[f"{prefix}video_url"],
        "vacancy_id": row[f"{prefix}application__vacancy_id"],
        "vacancy_title": row[f"{prefix}application__vacancy__title"],
        "client_name": row[f"{prefix}application__vacancy__client__name"],
        "search_firm": row[f"{prefix}application__vacancy__search_firm"],
        "candidate_name": _person(
            row[f"{prefix}application__candidate__first_name"],
            row[f"{prefix}application__candidate__last_name"],
            "",
        ),
    }


INTERVIEW_FIELDS = (
    "id",
    "application_id",
    "starts_at",
    "ends_at",
    "place",
    "video_url",
    "application__vacancy_id",
    "application__vacancy__title",
    "application__vacancy__client__name",
    "application__vacancy__search_firm",
    "application__candidate__first_name",
    "application__candidate__last_name",
)


def interviews_due_candidates(today: date) -> list[ReminderSpec]:
    """An interview tomorrow: the candidate (always at once; they have no account). One query."""
    rows = (
        _interviews_tomorrow(today)
        .filter(application__candidate__erased_at__isnull=True)
        .exclude(application__candidate__email="")
        .values(
            *INTERVIEW_FIELDS,
            "application__candidate_id",
            "application__candidate__email",
            "application__candidate__language",
            "application__vacancy__lead_consultant__first_name",
            "application__vacancy__lead_consultant__last_name",
            "application__vacancy__lead_consultant__username",
            "application__vacancy__lead_consultant__email",
        )
        .order_by("starts_at", "pk")
    )
    return [
        ReminderSpec(
            kind=Kind.INTERVIEW_CANDIDATE,
            object_id=row["id"],
            due_on=today,
            candidate_id=row["application__candidate_id"],
            email=row["application__candidate__email"],
            language=row["application__candidate__language"] or settings.LANGUAGE_CODE,
            context={
                **_interview_context(row),
                "consultant_name": _person(
                    row["application__vacancy__lead_consultant__first_name"] or "",
                    row["application__vacancy__lead_consultant__last_name"] or "",
                    row["application__vacancy__lead_consultant__username"] or "",
                ),
                "consultant_email": row["application__vacancy__lead_consultant__email"] or "",
            },
        )
        for row in rows
    ]


def interviews_due_members(today: date) -> list[ReminderSpec]:
    """An interview tomorrow: each attending member. One query (the attendance rows)."""
    Attendance = Interview.members.through
    prefix = "interview__"
    rows = (
        Attendance.objects.filter(interview__in=_interviews_tomorrow(today))
        .order_by(
            "interview__starts_at",
            "interview_id",
            "committeemember__role",
            "committeemember__user__last_name",
            "committeemember__user__first_name",
            "pk",
        )
        .values(
            "committeemember_id",
            "committeemember__user_id",
            "committeemember__user__first_name",
            "committeemember__user__last_name",
            "committeemember__user__username",
            *(prefix + name for name in INTERVIEW_FIELDS),
        )
    )
    specs = []
    for _interview_id, seats in groupby(rows, key=lambda row: row["interview__id"]):
        seats = list(seats)
        names = [
            _person(
                row["committeemember__user__first_name"],
                row["committeemember__user__last_name"],
                row["committeemember__user__username"],
            )
            for row in seats
        ]
        for row in seats:
            specs.append(
                ReminderSpec(
                    kind=Kind.INTERVIEW_MEMBER,
                    object_id=row["interview__id"],
                    due_on=today,
                    user_id=row["committeemember__user_id"],
                    context={
                        **_interview_context(row, prefix=prefix),
                        "member_id": row["committeemember_id"],
                        "members": names,
                    },
                )
            )
    return specs


def unanswered(vacancy_ref: str = "pk"):
    """Applications of the vacancy without a first answer: still in "applied", and no email to
    the candidate besides the receipt."""
    answered = ApplicationEmail.objects.filter(application_id=OuterRef("pk")).exclude(
        kind=EmailTemplate.Kind.ACKNOWLEDGEMENT
    )
    return Application.objects.filter(
        vacancy_id=OuterRef(vacancy_ref), stage=Application.Stage.APPLIED
    ).exclude(Exists(answered))


def first_answers_due(today: date) -> list[ReminderSpec]:
    """Two weeks after the closing date, applications without a first answer: the lead
    consultant, one reminder per vacancy. One query."""
    closed_on = today - timedelta(days=FIRST_ANSWER_AFTER_DAYS)
    rows = (
        Vacancy.objects.filter(closing_date=closed_on, lead_consultant__isnull=False)
        .exclude(status__in=ENDED)
        .annotate(waiting=_count(unanswered()))
        .values("id", "title", "client__name", "closing_date", "lead_consultant_id", "waiting")
    )
    return [
        ReminderSpec(
            kind=Kind.NO_FIRST_ANSWER,
            object_id=row["id"],
            due_on=today,
            user_id=row["lead_consultant_id"],
            context={
                **_vacancy_context(row, prefix=""),
                "date": row["closing_date"].isoformat(),
                "waiting": row["waiting"],
            },
        )
        for row in rows
        if row["waiting"]
    ]


def invitations_due(today: date) -> list[ReminderSpec]:
    """Committee invitations sent 3 days ago and not accepted (nor replaced): the recruiter who
    sent them. One query."""
    sent_on = today - timedelta(days=INVITATION_AFTER_DAYS)
    rows = (
        CommitteeInvitation.objects.filter(
            created_at__gte=day_start(sent_on),
            created_at__lt=day_start(sent_on + timedelta(days=1)),
            accepted_at__isnull=True,
            replaced_at__isnull=True,
        )
        .exclude(member__vacancy__status__in=ENDED)
        .values(
            "id",
            "email",
            "created_at",
            "expires_at",
            "created_by_id",
            "created_by__is_active",
            "member__user__first_name",
            "member__user__last_name",
            "member__vacancy__id",
            "member__vacancy__title",
            "member__vacancy__client__name",
            "member__vacancy__lead_consultant_id",
        )
    )
    specs = []
    for row in rows:
        recruiter = row["created_by_id"] if row["created_by__is_active"] else None
        name = _person(row["member__user__first_name"], row["member__user__last_name"], "")
        specs.append(
            ReminderSpec(
                kind=Kind.INVITATION_PENDING,
                object_id=row["id"],
                due_on=today,
                user_id=recruiter or row["member__vacancy__lead_consultant_id"],
                context={
                    **_vacancy_context(row, prefix="member__vacancy__"),
                    "invitee_name": name,
                    "invitee_email": row["email"],
                    "invited_on": local_today(row["created_at"]).isoformat(),
                    "expires_at": row["expires_at"].isoformat(),
                },
            )
        )
    return [spec for spec in specs if spec.user_id]


FINDERS = (
    closing_due,
    phases_due,
    phases_overdue,
    scores_due,
    interviews_due_candidates,
    interviews_due_members,
    first_answers_due,
    invitations_due,
)


def reminders_due(now: datetime | None = None) -> list[ReminderSpec]:
    """Every reminder due on the Amsterdam day of `now`, with its recipient's address and
    language (users who are inactive or have no address are left out). One query per kind, and
    one for the recipients."""
    today = local_today(now or timezone.now())
    specs = [spec for finder in FINDERS for spec in finder(today)]
    user_ids = {spec.user_id for spec in specs if spec.user_id}
    users = {
        user.pk: user
        for user in get_user_model()
        .objects.filter(pk__in=user_ids, is_active=True)
        .exclude(email="")
        .only("pk", "email", "language")
    }
    due, seen = [], set()
    for spec in specs:
        if spec.user_id:
            user = users.get(spec.user_id)
            if user is None:
                continue
            spec.email, spec.language = user.email, user.language or settings.LANGUAGE_CODE
        if not spec.email or spec.key in seen:
            continue
        seen.add(spec.key)
        due.append(spec)
    return due


# The messages ---------------------------------------------------------------------------------


def _url(name: str, *args) -> str:
    return settings.SITE_URL + reverse(name, args=args)


def _date(value: str) -> str:
    return longdate(date.fromisoformat(value))


def _when(context: dict) -> str:
    return slot_text(
        datetime.fromisoformat(context["starts_at"]), datetime.fromisoformat(context["ends_at"])
    )


def _vacancy(context: dict) -> dict:
    return {"vacancy": context.get("vacancy_title", ""), "client": context.get("client_name", "")}


def _applications_line(count: int) -> str:
    if not count:
        return _("No applications yet.")
    return ngettext("%(count)s application so far.", "%(count)s applications so far.", count) % {
        "count": count
    }


def _closing(context: dict, today: bool) -> dict:
    names = {**_vacancy(context), "date": _date(context["date"])}
    if today:
        title = _("Closing date today: %(vacancy)s") % names
        first = _(
            "Applications for %(vacancy)s (%(client)s) close today, %(date)s, at the end of the "
            "day."
        )
    else:
        title = _("Closing date in 3 days: %(vacancy)s") % names
        first = _("Applications for %(vacancy)s (%(client)s) close on %(date)s.")
    return {
        "title": title,
        "lines": [first % names, _applications_line(context.get("applications", 0))],
        "url": _url("vacancies:detail", context["vacancy_id"]),
        "link_text": _("Open the vacancy"),
    }


def _phase_link(context: dict) -> tuple[str, str]:
    if context.get("audience") == "committee":
        return (
            _url("candidates:committee_vacancy", context["vacancy_id"]),
            _("Open the procedure in the committee portal"),
        )
    return _url("vacancies:planning", context["vacancy_id"]), _("Open the planning")


def _responsible_line(context: dict) -> str:
    value = context.get("responsible", "")
    label = (
        PlanningPhase.Responsible(value).label
        if value in PlanningPhase.Responsible.values
        else value
    )
    return _("Responsible: %(responsible)s.") % {"responsible": label}


def _phase(context: dict, kind: str) -> dict:
    names = {**_vacancy(context), "activity": context["activity"]}
    lines = []
    if kind == Kind.PHASE_STARTS:
        title = _("Tomorrow: %(activity)s (%(vacancy)s)") % names
        lines.append(
            _("The phase “%(activity)s” of %(vacancy)s (%(client)s) starts tomorrow, %(date)s.")
            % {**names, "date": _date(context["first_day"])}
        )
        if context["last_day"] != context["first_day"]:
            lines.append(_("It runs until %(date)s.") % {"date": _date(context["last_day"])})
    elif kind == Kind.PHASE_ENDS:
        title = _("Today: the last day of %(activity)s (%(vacancy)s)") % names
        lines.append(
            _("The phase “%(activity)s” of %(vacancy)s (%(client)s) ends today, %(date)s.")
            % {**names, "date": _date(context["last_day"])}
        )
    else:
        title = _("Behind schedule: %(activity)s (%(vacancy)s)") % names
        reason = context.get("reason")
        waiting = context.get("waiting", 0)
        if reason == "not_published":
            why = _("the vacancy is not published yet")
        elif reason == "preselection":
            why = ngettext(
                "%(count)s application still awaits the preselection",
                "%(count)s applications still await the preselection",
                waiting,
            ) % {"count": waiting}
        elif reason == "nomination":
            why = _("no nomination has been recorded")
        else:
            why = _("no appointment has been recorded")
        lines.append(
            _(
                "The phase “%(activity)s” of %(vacancy)s (%(client)s) ended on %(date)s, "
                "but %(why)s."
            )
            % {**names, "date": _date(context["last_day"]), "why": why}
        )
        lines.append(_("Record the outcome, or move the phase in the planning."))
    lines.append(_responsible_line(context))
    url, link_text = _phase_link(context)
    return {"title": title, "lines": lines, "url": url, "link_text": link_text}


def _scores(context: dict) -> dict:
    names = {**_vacancy(context), "date": _date(context["meeting_on"])}
    missing = context.get("missing", 0)
    return {
        "title": _("Please submit your scores before the committee meeting (%(vacancy)s)") % names,
        "lines": [
            _("The selection committee for %(vacancy)s (%(client)s) meets on %(date)s.") % names,
            ngettext(
                "You have not yet submitted your scorecard for %(count)s candidate.",
                "You have not yet submitted your scorecards for %(count)s candidates.",
                missing,
            )
            % {"count": missing},
        ],
        "url": _url("candidates:committee_vacancy", context["vacancy_id"]),
        "link_text": _("Open the candidates"),
    }


def _scores_chair(context: dict) -> dict:
    names = {**_vacancy(context), "date": _date(context["meeting_on"])}
    lines = [
        _("The selection committee for %(vacancy)s (%(client)s) meets on %(date)s.") % names,
        _("These members have not yet submitted all their scorecards:"),
    ]
    for member in context.get("members", []):
        lines.append(
            ngettext(
                "%(name)s: %(count)s candidate",
                "%(name)s: %(count)s candidates",
                member["missing"],
            )
            % {"name": member["name"], "count": member["missing"]}
        )
    if context.get("audience") == "committee":
        url = _url("candidates:score_matrix", context["vacancy_id"])
    else:
        url = _url("candidates:board", context["vacancy_id"])
    return {
        "title": _("Scores still missing before the committee meeting (%(vacancy)s)") % names,
        "lines": lines,
        "url": url,
        "link_text": _("Open the scores"),
    }


def _interview_lines(context: dict) -> list[str]:
    lines = [_("When: %(when)s") % {"when": _when(context)}]
    if context.get("place"):
        lines.append(_("Place: %(place)s") % {"place": context["place"]})
    if context.get("video_url"):
        lines.append(_("Video link: %(url)s") % {"url": context["video_url"]})
    return lines


def _interview_member(context: dict) -> dict:
    names = {**_vacancy(context), "candidate": context.get("candidate_name", "")}
    lines = [
        _(
            "Tomorrow you attend the interview with %(candidate)s for the position of "
            "%(vacancy)s at %(client)s."
        )
        % names,
        *_interview_lines(context),
    ]
    if context.get("members"):
        lines.append(_("Committee members: %(names)s") % {"names": ", ".join(context["members"])})
    lines.append(_("The attached calendar file holds the interview for your calendar."))
    return {
        "title": _("Tomorrow: interview with %(candidate)s (%(vacancy)s)") % names,
        "lines": lines,
        "url": _url("candidates:committee_schedule"),
        "link_text": _("Your interview schedule"),
    }


def _interview_candidate(context: dict) -> dict:
    names = _vacancy(context)
    return {
        "title": _("Tomorrow: your interview for %(vacancy)s") % names,
        "lines": [
            _("Tomorrow is your interview for the position of %(vacancy)s at %(client)s.") % names,
            *_interview_lines(context),
            _("The attached calendar file holds the interview for your calendar."),
        ],
        # The candidate's links are private: added when the email is rendered.
        "url": "",
        "link_text": "",
    }


def _first_answer(context: dict) -> dict:
    names = {**_vacancy(context), "date": _date(context["date"])}
    waiting = context.get("waiting", 0)
    return {
        "title": _("Applications without a first answer: %(vacancy)s") % names,
        "lines": [
            _("The closing date of %(vacancy)s (%(client)s) was %(date)s, two weeks ago.") % names,
            ngettext(
                "%(count)s application has not had a first answer yet.",
                "%(count)s applications have not had a first answer yet.",
                waiting,
            )
            % {"count": waiting},
        ],
        "url": _url("candidates:board", context["vacancy_id"]),
        "link_text": _("Open the candidates"),
    }


def _name_and_address(name: str | None, email: str | None) -> str:
    return f"{name} ({email})" if name and email else (name or email or "")


def _invitation(context: dict) -> dict:
    names = {
        **_vacancy(context),
        "invitee": context.get("invitee_name") or context.get("invitee_email", ""),
        "address": _name_and_address(context.get("invitee_name"), context.get("invitee_email")),
        "date": _date(context["invited_on"]),
        "expires": longdate(datetime.fromisoformat(context["expires_at"]).astimezone(AMSTERDAM)),
    }
    return {
        "title": _("Invitation not accepted: %(invitee)s (%(vacancy)s)") % names,
        "lines": [
            _(
                "On %(date)s you invited %(address)s to the selection committee for %(vacancy)s "
                "(%(client)s); the invitation has not been accepted yet."
            )
            % names,
            _("The link is valid until %(expires)s. On the committee page you can send a new link.")
            % names,
        ],
        "url": _url("vacancies:committee", context["vacancy_id"]),
        "link_text": _("Open the committee"),
    }


def reminder_message(*, kind: str, context: dict, language: str) -> dict:
    """What a reminder says, in `language`: {"title", "lines", "url", "link_text"}."""
    with translation.override(language):
        if kind in (Kind.CLOSING_SOON, Kind.CLOSING_TODAY):
            return _closing(context, today=kind == Kind.CLOSING_TODAY)
        if kind in (Kind.PHASE_STARTS, Kind.PHASE_ENDS, Kind.PHASE_OVERDUE):
            return _phase(context, kind)
        if kind == Kind.SCORES_MISSING:
            return _scores(context)
        if kind == Kind.SCORES_MISSING_CHAIR:
            return _scores_chair(context)
        if kind == Kind.INTERVIEW_MEMBER:
            return _interview_member(context)
        if kind == Kind.INTERVIEW_CANDIDATE:
            return _interview_candidate(context)
        if kind == Kind.NO_FIRST_ANSWER:
            return _first_answer(context)
        if kind == Kind.INVITATION_PENDING:
            return _invitation(context)
    raise ValueError(f"unknown reminder kind: {kind}")


def _recipient_name(reminder: Reminder) -> str:
    if reminder.user_id:
        return reminder.user.get_full_name() or reminder.user.username
    return reminder.context.get("candidate_name", "")


def _address(reminder: Reminder) -> tuple[str, str]:
    """(email, language): a user's current ones, else those stored with the reminder."""
    if reminder.user_id and reminder.user.email:
        return reminder.user.email, reminder.user.language or settings.LANGUAGE_CODE
    return reminder.email, reminder.language or settings.LANGUAGE_CODE


def _email_context(reminder: Reminder, language: str) -> dict:
    context = {
        "name": _recipient_name(reminder),
        "kind": reminder.kind,
        **reminder_message(kind=reminder.kind, context=reminder.context, language=language),
        "search_firm": reminder.context.get("search_firm", ""),
        "account_url": _url("accounts:account") if reminder.user_id else "",
    }
    if reminder.kind == Kind.INTERVIEW_CANDIDATE:
        # For the calendar file (calendar.interview_attachments) and the candidate's private
        # links (interviews.interview_link_context), both made when the email is sent.
        context.update(
            interview_id=reminder.context["interview_id"],
            application_id=reminder.context["application_id"],
            audience=Audience.CANDIDATE,
            attendee=reminder.email,
            attendee_name=context["name"],
            consultant_name=reminder.context.get("consultant_name", ""),
            consultant_email=reminder.context.get("consultant_email", ""),
        )
    elif reminder.kind == Kind.INTERVIEW_MEMBER:
        context.update(
            interview_id=reminder.context["interview_id"],
            member_id=reminder.context["member_id"],
            audience=Audience.MEMBER,
            attendee=_address(reminder)[0],
            attendee_name=context["name"],
        )
    return context


def _message(reminder: Reminder) -> dict:
    """The outbox's arguments for the reminder's own email (not queued yet)."""
    to, language = _address(reminder)
    return {
        "key": f"reminder:{reminder.key}",
        "to": to,
        "template": TEMPLATES.get(reminder.kind, DEFAULT_TEMPLATE),
        "context": _email_context(reminder, language),
        "language": language,
    }


# The sweep ------------------------------------------------------------------------------------


def existing_keys(keys: list[str]) -> set[str]:
    """Which of `keys` are reminders already (inserted by an earlier sweep)."""
    found = set()
    for start in range(0, len(keys), CHUNK):
        chunk = keys[start : start + CHUNK]
        found.update(Reminder.objects.filter(key__in=chunk).values_list("key", flat=True))
    return found


def _to_send_now(now: datetime):
    """Reminders not queued yet that go out at once: to a candidate, to a user who wants each
    reminder when it is due, and the urgent ones that arose after today's digest."""
    Delivery = get_user_model().ReminderDelivery
    today = local_today(now)
    now_q = Q(user__isnull=True) | Q(
        user__is_active=True, user__reminder_delivery=Delivery.IMMEDIATE
    )
    if now >= digest_moment(today):
        now_q |= Q(
            user__is_active=True,
            kind__in=URGENT,
            due_on=today,
            created_at__gte=digest_moment(today),
        )
    return Reminder.objects.filter(queued_at__isnull=True).filter(now_q)


def _send_now(stamp: datetime) -> list[Reminder]:
    """Claim the reminders to send now and queue their emails, in one transaction. Rows another
    sweep holds are skipped (FOR UPDATE SKIP LOCKED on PostgreSQL; SQLite runs one writer at a
    time); the claim is the conditional UPDATE of queued_at. One whose message cannot be written
    (an error in its text) is logged and left for the next sweep; a database error rolls back the
    whole claim, and the task is retried."""
    sent = []
    with transaction.atomic():
        ids = list(
            _to_send_now(stamp)
            .select_for_update(skip_locked=True, of=("self",))
            .order_by("pk")
            .values_list("pk", flat=True)
        )
        if not ids:
            return sent
        Reminder.objects.filter(pk__in=ids, queued_at__isnull=True).update(queued_at=stamp)
        claimed = Reminder.objects.filter(pk__in=ids, queued_at=stamp).select_related("user")
        failed = []
        for reminder in claimed.order_by("pk"):
            try:
                message = _message(reminder)
            except Exception:
                logger.exception(
                    "Reminder %s could not be written; the next sweep tries again.", reminder.pk
                )
                failed.append(reminder.pk)
                continue
            reminder.sent_via, _created = email_queue(**message)
            sent.append(reminder)
        if failed:
            Reminder.objects.filter(pk__in=failed).update(queued_at=None)
        Reminder.objects.bulk_update(sent, ["sent_via"], batch_size=CHUNK)
    return sent


def reminders_sweep(*, now: datetime | None = None) -> list[Reminder]:
    """Insert the reminders that are due and send the ones that go now. Returns the reminders
    this sweep inserted or sent (each with `queued_at` set when it went out now)."""
    stamp = now or timezone.now()
    due = reminders_due(stamp)
    existing = existing_keys([spec.key for spec in due])
    new = sorted((spec for spec in due if spec.key not in existing), key=lambda spec: spec.key)
    if new:
        # ON CONFLICT DO NOTHING: a concurrent sweep that inserted a key first keeps it. Sorted
        # by key, so two sweeps wait for each other's rows in the same order (no deadlock).
        Reminder.objects.bulk_create(
            [
                Reminder(
                    key=spec.key,
                    kind=spec.kind,
                    object_id=spec.object_id,
                    user_id=spec.user_id,
                    email=spec.email,
                    language=spec.language,
                    due_on=spec.due_on,
                    context=spec.context,
                    created_at=stamp,
                )
                for spec in new
            ],
            ignore_conflicts=True,
            batch_size=CHUNK,
        )
    sent = _send_now(stamp)
    # What this sweep inserted (its own created_at) and did not send: kept for the digest.
    kept = []
    new_keys = [spec.key for spec in new]
    for start in range(0, len(new_keys), CHUNK):
        kept += Reminder.objects.filter(
            key__in=new_keys[start : start + CHUNK],
            created_at=stamp,
            queued_at__isnull=True,
            user__reminder_delivery=get_user_model().ReminderDelivery.DIGEST,
        )
    if sent or kept:
        logger.info("Reminders: %d sent now, %d kept for the digest.", len(sent), len(kept))
    return sent + kept


# The daily digest -----------------------------------------------------------------------------


def _digest_context(user, reminders: list[Reminder], day: date) -> dict:
    language = user.language or settings.LANGUAGE_CODE
    items = [
        reminder_message(kind=reminder.kind, context=reminder.context, language=language)
        for reminder in reminders
    ]
    with translation.override(language):
        day_text = longdate(day)
    return {
        "name": user.get_full_name() or user.username,
        "date": day_text,
        "items": items,
        "count": len(items),
        "account_url": _url("accounts:account"),
        # The calendar files of tomorrow's interviews (digest_attachments).
        "interviews": [
            {
                "interview_id": reminder.context["interview_id"],
                "member_id": reminder.context["member_id"],
                "attendee": user.email,
                "attendee_name": user.get_full_name() or user.username,
            }
            for reminder in reminders
            if reminder.kind == Kind.INTERVIEW_MEMBER
        ],
    }


def digest_send(*, now: datetime | None = None) -> list[OutgoingEmail]:
    """One email to each user who chose the digest, with their reminders not yet sent that are
    due today (Amsterdam) or earlier (the urgent ones only of today); each is marked with the
    digest's email and day. A second
    call on the same day queues nothing again (the digest's key is per user and day); what
    arose in between waits for tomorrow's digest. Returns the digests queued by this call."""
    now = now or timezone.now()
    today = local_today(now)
    Delivery = get_user_model().ReminderDelivery
    queued = []
    with transaction.atomic():
        # About a day that has passed (a closing date "today", an interview "tomorrow") and
        # missed by an earlier digest (the task did not run): no longer of use, not sent.
        Reminder.objects.filter(
            queued_at__isnull=True,
            due_on__lt=today,
            kind__in=URGENT,
            user__reminder_delivery=Delivery.DIGEST,
        ).update(queued_at=now)
        ids = list(
            Reminder.objects.filter(
                queued_at__isnull=True,
                due_on__lte=today,
                user__reminder_delivery=Delivery.DIGEST,
                user__is_active=True,
            )
            .select_for_update(skip_locked=True, of=("self",))
            .order_by("pk")
            .values_list("pk", flat=True)
        )
        pending = (
            Reminder.objects.filter(pk__in=ids)
            .select_related("user")
            .order_by("user_id", "due_on", "kind", "pk")
        )
        for _user_id, rows in groupby(pending, key=lambda reminder: reminder.user_id):
            rows = list(rows)
            user = rows[0].user
            if not user.email:
                continue
            try:
                with transaction.atomic():
                    email, created = email_queue(
                        key=f"reminder-digest:{user.pk}:{today.isoformat()}",
                        to=user.email,
                        template=DIGEST_TEMPLATE,
                        context=_digest_context(user, rows, today),
                        language=user.language or settings.LANGUAGE_CODE,
                    )
                    if not created:
                        continue
                    Reminder.objects.filter(pk__in=[row.pk for row in rows]).update(
                        queued_at=now, sent_via=email, digest_date=today
                    )
            except Exception:
                logger.exception("The digest of user %s could not be queued.", user.pk)
                continue
            queued.append(email)
    if queued:
        logger.info("Reminder digests: %d queued.", len(queued))
    return queued


def digest_attachments(context: dict) -> list[tuple[str, bytes, str]]:
    """MAIL_ATTACHMENT_BUILDERS of the digest: the calendar file of each interview in it."""
    files = []
    for interview in context.get("interviews") or []:
        if isinstance(interview, dict):
            files += interview_attachments({**interview, "audience": Audience.MEMBER})
    return files
