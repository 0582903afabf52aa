"""Interviews of the committee round: the recruiter plans, changes and cancels a slot; the
candidate confirms it or asks for another time.

Every plan, change and cancellation emails the candidate and the attending members (a member
taken off a changed interview gets a cancellation), each with a calendar file of the interview
(`candidates.services.calendar`, attached when the email is sent). The keys make each message
once per (interview, sequence, recipient): "interview-invite:<id>:<seq>:member:<pk>".

A slot is refused (ValidationError, with a message that names the problem) when it lies in the
past, when it overlaps another planned interview of the same candidate or of one of its members,
when it has neither a place nor a video link, when a member does not sit on the vacancy's
committee or declared a conflict of interest with the candidate, and when the application is not
released to the committee, is final, or its procedure is over.
"""

import logging
from collections.abc import Iterable
from datetime import datetime

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import transaction
from django.urls import reverse
from django.utils import formats, timezone, translation
from django.utils.translation import gettext_lazy as _

from candidates import access
from candidates.models import Application, Candidate, ConflictOfInterest, Interview
from candidates.services import candidate_page
from candidates.services.calendar import AMSTERDAM, Audience
from mail.services.outbox import email_queue
from vacancies.models import CommitteeMember

logger = logging.getLogger(__name__)

NOTE_MAX_LENGTH = 2_000
PLACE_MAX_LENGTH = Interview._meta.get_field("place").max_length
# A link people click in an email and a calendar: the web only, never javascript: or data:.
VIDEO_URL = URLValidator(schemes=["http", "https"])
VIDEO_URL_MAX_LENGTH = Interview._meta.get_field("video_url").max_length


class Event:
    PLANNED = "planned"
    CHANGED = "changed"
    CANCELLED = "cancelled"
    REMOVED = "removed"  # a member taken off a changed interview


KEY_PREFIX = {
    Event.PLANNED: "interview-invite",
    Event.CHANGED: "interview-update",
    Event.CANCELLED: "interview-cancel",
    Event.REMOVED: "interview-cancel",
}


# Formatting, in the active language --------------------------------------------------------


def slot_text(starts_at: datetime, ends_at: datetime) -> str:
    """dinsdag 5 mei 2026, 10:00 – 11:00, in Europe/Amsterdam."""
    start, end = starts_at.astimezone(AMSTERDAM), ends_at.astimezone(AMSTERDAM)
    until = formats.time_format(end, "H:i")
    if end.date() != start.date():
        until = formats.date_format(end, "l j F Y, H:i")
    day = formats.date_format(start, "l j F Y")
    return f"{day}, {formats.time_format(start, 'H:i')} \N{EN DASH} {until}"


def _name(user) -> str:
    return user.get_full_name() or user.username


# Validation --------------------------------------------------------------------------------


def _check_application(application: Application) -> None:
    if application.vacancy.status in access.ENDED:
        raise ValidationError(
            _("The procedure of this vacancy is over: no interviews can be planned."),
            code="ended",
        )
    if application.is_final:
        raise ValidationError(
            _("%(name)s is no longer in the procedure (%(stage)s): no interview can be planned."),
            code="final",
            params={
                "name": application.candidate.full_name,
                "stage": application.get_stage_display(),
            },
        )
    if not access.application_is_released(application):
        raise ValidationError(
            _(
                "%(name)s is not released to the committee: release the application before "
                "planning an interview."
            ),
            code="not_released",
            params={"name": application.candidate.full_name},
        )


def _lock(application: Application, members: list[CommitteeMember]) -> None:
    """Serialise plans that could clash: the candidate's row and the members' users."""
    Candidate.objects.select_for_update().filter(pk=application.candidate_id).first()
    user_ids = sorted({member.user_id for member in members})
    list(get_user_model().objects.select_for_update().filter(pk__in=user_ids).order_by("pk"))


def _is_video_url(url: str) -> bool:
    if len(url) > VIDEO_URL_MAX_LENGTH:
        return False
    try:
        VIDEO_URL(url)
    except ValidationError:
        return False
    return True


def _validate_slot(
    *,
    application: Application,
    starts_at: datetime,
    ends_at: datetime,
    place: str,
    video_url: str,
    members: list[CommitteeMember],
    exclude_pk: int | None = None,
) -> None:
    errors: dict[str, list[ValidationError]] = {}

    def add(field, message, code, **params):
        errors.setdefault(field, []).append(ValidationError(message, code=code, params=params))

    if ends_at <= starts_at:
        add("ends_at", _("The interview must end after it starts."), "order")
    if starts_at <= timezone.now():
        add("starts_at", _("This time has passed: choose a time in the future."), "past")
    if not place and not video_url:
        add("place", _("Enter a place or a video link (or both)."), "where")
    if len(place) > PLACE_MAX_LENGTH:
        add("place", _("Keep the place under %(max)s characters."), "long", max=PLACE_MAX_LENGTH)
    if video_url and not _is_video_url(video_url):
        add("video_url", _("Enter a web address such as https://teams.microsoft.com/…"), "url")

    strangers = [m for m in members if m.vacancy_id != application.vacancy_id]
    if strangers:
        add(
            "members",
            _("%(names)s does not sit on the committee of this vacancy."),
            "not_on_committee",
            names=", ".join(_name(m.user) for m in strangers),
        )
    conflicted = ConflictOfInterest.objects.filter(
        application_id=application.pk, member_id__in=[m.pk for m in members]
    ).select_related("member__user")
    for conflict in conflicted:
        add(
            "members",
            _(
                "%(name)s declared a conflict of interest with %(candidate)s and cannot attend "
                "this interview."
            ),
            "conflict",
            name=_name(conflict.member.user),
            candidate=application.candidate.full_name,
        )

    if ends_at > starts_at:
        overlapping = (
            Interview.objects.filter(
                status=Interview.Status.PLANNED, starts_at__lt=ends_at, ends_at__gt=starts_at
            )
            .exclude(pk=exclude_pk)
            .select_related("application__candidate")
            .order_by("starts_at", "pk")
        )
        clash = overlapping.filter(application__candidate_id=application.candidate_id).first()
        if clash is not None:
            add(
                "starts_at",
                _("%(candidate)s already has an interview then: %(slot)s."),
                "candidate_clash",
                candidate=application.candidate.full_name,
                slot=slot_text(clash.starts_at, clash.ends_at),
            )
        users = {m.user_id: m.user for m in members}
        reported = set()
        clashes = (
            overlapping.filter(members__user_id__in=list(users))
            .prefetch_related("members")
            .distinct()
        )
        for other in clashes:
            for seat in other.members.all():
                if seat.user_id not in users or seat.user_id in reported:
                    continue
                reported.add(seat.user_id)
                add(
                    "members",
                    _("%(name)s already has an interview then: %(slot)s, with %(candidate)s."),
                    "member_clash",
                    name=_name(users[seat.user_id]),
                    slot=slot_text(other.starts_at, other.ends_at),
                    candidate=other.application.candidate.full_name,
                )
    if errors:
        raise ValidationError(errors)


# Emails ------------------------------------------------------------------------------------


def _queue_candidate(interview: Interview, event: str) -> None:
    application = interview.application
    candidate, vacancy = application.candidate, application.vacancy
    consultant = vacancy.lead_consultant
    with translation.override(candidate.language):
        context = {
            "event": event,
            "interview_id": interview.pk,
            "audience": Audience.CANDIDATE,
            "attendee": candidate.email,
            "attendee_name": candidate.full_name,
            # The links to the candidate's page are added when the email is rendered:
            # interview_link_context.
            "application_id": application.pk,
            "candidate_name": candidate.full_name,
            "vacancy_title": vacancy.title,
            "client_name": vacancy.client.name,
            "search_firm": vacancy.search_firm,
            "when": slot_text(interview.starts_at, interview.ends_at),
            "place": interview.place,
            "video_url": interview.video_url,
            "consultant_name": _name(consultant) if consultant else "",
            "consultant_email": consultant.email if consultant else "",
        }
    email_queue(
        key=f"{KEY_PREFIX[event]}:{interview.pk}:{interview.sequence}:candidate",
        to=candidate.email,
        template="interview_candidate",
        context=context,
        language=candidate.language,
    )


def _queue_member(interview: Interview, member: CommitteeMember, event: str) -> None:
    user = member.user
    if not user.email:
        return
    application = interview.application
    candidate, vacancy = application.candidate, application.vacancy
    with translation.override(user.language):
        context = {
            "event": event,
            "interview_id": interview.pk,
            "audience": Audience.MEMBER,
            "member_id": member.pk,
            "attendee": user.email,
            "attendee_name": _name(user),
            "member_name": _name(user),
            "candidate_name": candidate.full_name,
            "current_position": candidate.current_position,
            "current_organisation": candidate.current_organisation,
            "vacancy_title": vacancy.title,
            "client_name": vacancy.client.name,
            "search_firm": vacancy.search_firm,
            "when": slot_text(interview.starts_at, interview.ends_at),
            "place": interview.place,
            "video_url": interview.video_url,
            "members": [_name(m.user) for m in interview.members.all()],
            "schedule_url": settings.SITE_URL + reverse("candidates:committee_schedule"),
        }
    email_queue(
        key=f"{KEY_PREFIX[event]}:{interview.pk}:{interview.sequence}:member:{member.pk}",
        to=user.email,
        template="interview_member",
        context=context,
        language=user.language,
    )


def interview_link_context(context: dict) -> dict:
    """MAIL_CONTEXT_BUILDERS: the candidate's private links (their page, and the page to answer
    this interview), made when the email is rendered and never stored."""
    application_id = context.get("application_id")
    application = (
        Application.objects.filter(pk=application_id).only("pk", "access_token").first()
        if isinstance(application_id, int)
        else None
    )
    if application is None:
        return {"status_url": "", "answer_url": ""}
    token = candidate_page.status_link_token(application)
    interview_id = context.get("interview_id")
    answer = (
        settings.SITE_URL + reverse("candidates:status_interview", args=[token, interview_id])
        if isinstance(interview_id, int)
        else ""
    )
    return {"status_url": candidate_page.status_url(application), "answer_url": answer}


def _queue_consultant(interview: Interview) -> None:
    application = interview.application
    consultant = application.vacancy.lead_consultant
    if not consultant or not consultant.email:
        return
    with translation.override(consultant.language):
        context = {
            "interview_id": interview.pk,
            "candidate_name": application.candidate.full_name,
            "vacancy_title": application.vacancy.title,
            "client_name": application.vacancy.client.name,
            "when": slot_text(interview.starts_at, interview.ends_at),
            "response": interview.response,
            "response_label": str(interview.get_response_display()),
            "note": interview.response_note,
            "url": settings.SITE_URL
            + reverse("candidates:interview_list", args=[application.vacancy_id]),
        }
    email_queue(
        key=(
            f"interview-response:{interview.pk}:{interview.sequence}:"
            f"{interview.responded_at:%Y%m%dT%H%M%S%f}"
        ),
        to=consultant.email,
        template="interview_response_consultant",
        context=context,
        language=consultant.language,
    )


# The writers -------------------------------------------------------------------------------


def _clean(place: str, video_url: str) -> tuple[str, str]:
    return (place or "").strip(), (video_url or "").strip()


def _reload(interview: Interview) -> Interview:
    return (
        Interview.objects.select_related(
            "application__candidate",
            "application__vacancy__client",
            "application__vacancy__lead_consultant",
        )
        .prefetch_related("members__user")
        .get(pk=interview.pk)
    )


def interview_plan(
    *,
    application: Application,
    starts_at: datetime,
    ends_at: datetime,
    place: str = "",
    video_url: str = "",
    members: Iterable[CommitteeMember] = (),
    by=None,
) -> Interview:
    """Plan an interview of `application` with `members`; invite the candidate and the members.
    Refused with a ValidationError (see the module's docstring)."""
    place, video_url = _clean(place, video_url)
    members = list(members)
    with transaction.atomic():
        application = Application.objects.select_related(
            "candidate", "vacancy__client", "vacancy__lead_consultant"
        ).get(pk=application.pk)
        _check_application(application)
        _lock(application, members)
        _validate_slot(
            application=application,
            starts_at=starts_at,
            ends_at=ends_at,
            place=place,
            video_url=video_url,
            members=members,
        )
        interview = Interview.objects.create(
            application=application,
            starts_at=starts_at,
            ends_at=ends_at,
            place=place,
            video_url=video_url,
            created_by=by,
        )
        interview.members.set(members)
        interview = _reload(interview)
        _queue_candidate(interview, Event.PLANNED)
        for member in interview.members.all():
            _queue_member(interview, member, Event.PLANNED)
    logger.info("Interview %s planned by user %s", interview.pk, getattr(by, "pk", None))
    return interview


def interview_change(
    *,
    interview: Interview,
    starts_at: datetime,
    ends_at: datetime,
    place: str = "",
    video_url: str = "",
    members: Iterable[CommitteeMember] = (),
    by=None,
) -> Interview:
    """Change the slot, the place or the members. The calendar entry keeps its UID and gets a
    higher SEQUENCE; a new time asks the candidate to answer again. The candidate and the members
    who stay are told of a new time or place, members who join are invited, members who leave
    get a cancellation. Nothing changed: nothing happens."""
    place, video_url = _clean(place, video_url)
    members = list(members)
    with transaction.atomic():
        current = Interview.objects.select_for_update().get(pk=interview.pk)
        current = _reload(current)
        if current.status == Interview.Status.CANCELLED:
            raise ValidationError(
                _("This interview is cancelled and can no longer be changed."), code="cancelled"
            )
        application = current.application
        before = {member.pk: member for member in current.members.all()}
        after = {member.pk: member for member in members}
        time_changed = (current.starts_at, current.ends_at) != (starts_at, ends_at)
        slot_changed = time_changed or (current.place, current.video_url) != (place, video_url)
        if not slot_changed and set(before) == set(after):
            return current
        _check_application(application)
        _lock(application, members)
        _validate_slot(
            application=application,
            starts_at=starts_at,
            ends_at=ends_at,
            place=place,
            video_url=video_url,
            members=members,
            exclude_pk=current.pk,
        )
        current.starts_at, current.ends_at = starts_at, ends_at
        current.place, current.video_url = place, video_url
        current.sequence += 1
        fields = ["starts_at", "ends_at", "place", "video_url", "sequence", "updated_at"]
        if time_changed:
            # The candidate answered for another time: they answer again. Their remark stays.
            current.response = Interview.Response.PENDING
            current.responded_at = None
            fields += ["response", "responded_at"]
        current.save(update_fields=fields)
        current.members.set(members)
        current = _reload(current)
        if slot_changed:
            _queue_candidate(current, Event.CHANGED)
        for member in current.members.all():
            if member.pk not in before:
                _queue_member(current, member, Event.PLANNED)
            elif slot_changed:
                _queue_member(current, member, Event.CHANGED)
        for pk, member in before.items():
            if pk not in after:
                _queue_member(current, member, Event.REMOVED)
    logger.info("Interview %s changed by user %s", current.pk, getattr(by, "pk", None))
    return current


def interview_cancel(*, interview: Interview, by=None) -> Interview:
    """Cancel the interview: the candidate and the attending members get a cancellation that
    removes the entry from their calendars. Cancelling twice does nothing more."""
    with transaction.atomic():
        current = _reload(Interview.objects.select_for_update().get(pk=interview.pk))
        if current.status == Interview.Status.CANCELLED:
            return current
        if current.ends_at <= timezone.now():
            raise ValidationError(
                _("This interview has already taken place and cannot be cancelled."),
                code="past",
            )
        current.status = Interview.Status.CANCELLED
        current.sequence += 1
        current.save(update_fields=["status", "sequence", "updated_at"])
        _queue_candidate(current, Event.CANCELLED)
        for member in current.members.all():
            _queue_member(current, member, Event.CANCELLED)
    logger.info("Interview %s cancelled by user %s", current.pk, getattr(by, "pk", None))
    return current


def interview_respond(*, interview: Interview, response: str, note: str = "") -> Interview:
    """The candidate confirms the slot, or asks for another time (with a remark saying which
    times suit them); the lead consultant is told. The same answer twice is recorded once."""
    note = (note or "").strip()
    if response not in (Interview.Response.CONFIRMED, Interview.Response.OTHER_SLOT):
        raise ValidationError({"response": _("Choose one of the answers.")}, code="invalid")
    if len(note) > NOTE_MAX_LENGTH:
        raise ValidationError(
            {
                "note": ValidationError(
                    _("Keep your remark under %(max)s characters."),
                    code="max_length",
                    params={"max": NOTE_MAX_LENGTH},
                )
            }
        )
    if response == Interview.Response.OTHER_SLOT and not note:
        raise ValidationError(
            {"note": _("Tell us which days and times would suit you.")}, code="required"
        )
    with transaction.atomic():
        current = _reload(Interview.objects.select_for_update().get(pk=interview.pk))
        if current.status == Interview.Status.CANCELLED:
            raise ValidationError(_("This interview is cancelled."), code="cancelled")
        if current.starts_at <= timezone.now():
            raise ValidationError(
                _("This interview has already started or taken place."), code="past"
            )
        if current.application.is_final:
            raise ValidationError(
                _("The procedure has ended for you: this interview can no longer be answered."),
                code="final",
            )
        if current.response == response and current.response_note == note:
            return current
        current.response = response
        current.response_note = note
        current.responded_at = timezone.now()
        current.save(update_fields=["response", "response_note", "responded_at", "updated_at"])
        _queue_consultant(current)
    return current


def interviews_cancel_ahead(*, application: Application, by=None) -> list[Interview]:
    """Cancel every planned interview of `application` that has not ended yet (the application
    was rejected or withdrawn). Part of the move's transaction; the emails go after the commit."""
    ahead = Interview.objects.filter(
        application_id=application.pk,
        status=Interview.Status.PLANNED,
        ends_at__gt=timezone.now(),
    )
    return [interview_cancel(interview=interview, by=by) for interview in ahead]
