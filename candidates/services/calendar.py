"""Calendar files (.ics, RFC 5545) of interviews, made with icalendar.

One interview is one calendar entry: its UID never changes and its SEQUENCE grows with every
change, so a calendar that received the invitation updates that entry on a change and removes it
on a cancellation. Times are written in Europe/Amsterdam with the VTIMEZONE that describes it.

Two audiences: the candidate, whose entry names the vacancy and never another candidate; and the
committee members, whose entry names the candidate. A private link is never written in a file:
calendars are shared and synced.

The file is made when it is needed (when an email is sent, or downloaded), from the interview's
state at that moment: the outbox stores the interview's id, never the file
(`interview_attachments`, named in settings.MAIL_ATTACHMENT_BUILDERS).
"""

from datetime import date
from email.utils import parseaddr
from zoneinfo import ZoneInfo

from django.conf import settings
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from icalendar import Calendar, Event, vCalAddress, vText

from candidates.models import Interview

AMSTERDAM = ZoneInfo("Europe/Amsterdam")
PRODID = "-//Chasse Executive Search//Werving en selectie//NL"
MIMETYPE = "text/calendar"


class Audience:
    CANDIDATE = "candidate"
    MEMBER = "member"


class Method:
    REQUEST = "REQUEST"  # an invitation, or its update (a higher SEQUENCE)
    CANCEL = "CANCEL"  # removes the entry from the recipient's calendar
    PUBLISH = "PUBLISH"  # a file to add by hand (a download), no reply expected


def _organizer() -> vCalAddress:
    name, address = parseaddr(settings.DEFAULT_FROM_EMAIL)
    organizer = vCalAddress(f"mailto:{address}")
    if name:
        organizer.params["cn"] = vText(name)
    return organizer


def _attendee(email: str, name: str) -> vCalAddress:
    attendee = vCalAddress(f"mailto:{email}")
    if name:
        attendee.params["cn"] = vText(name)
    attendee.params["role"] = vText("REQ-PARTICIPANT")
    # The candidate answers on their own page, the members need not answer: no iTIP replies.
    attendee.params["rsvp"] = vText("FALSE")
    return attendee


def _location(interview: Interview) -> str:
    return interview.place or interview.video_url


def _member_names(interview: Interview) -> list[str]:
    return [
        member.user.get_full_name() or member.user.username for member in interview.members.all()
    ]


def _summary(interview: Interview, audience: str) -> str:
    vacancy = interview.application.vacancy
    if audience == Audience.CANDIDATE:
        return _("Interview: %(title)s, %(client)s") % {
            "title": vacancy.title,
            "client": vacancy.client.name,
        }
    return _("Interview with %(candidate)s (%(title)s)") % {
        "candidate": interview.application.candidate.full_name,
        "title": vacancy.title,
    }


def _description(interview: Interview, audience: str) -> str:
    application = interview.application
    vacancy = application.vacancy
    lines = []
    if audience == Audience.CANDIDATE:
        lines.append(
            _("Your interview for the position of %(title)s at %(client)s.")
            % {"title": vacancy.title, "client": vacancy.client.name}
        )
    else:
        candidate = application.candidate
        lines.append(
            _("Interview with %(candidate)s for the position of %(title)s at %(client)s.")
            % {
                "candidate": candidate.full_name,
                "title": vacancy.title,
                "client": vacancy.client.name,
            }
        )
        position = ", ".join(
            part for part in (candidate.current_position, candidate.current_organisation) if part
        )
        if position:
            lines.append(_("Now: %(position)s") % {"position": position})
        names = _member_names(interview)
        if names:
            lines.append(_("Committee members: %(names)s") % {"names": ", ".join(names)})
    if interview.place:
        lines.append(_("Place: %(place)s") % {"place": interview.place})
    if interview.video_url:
        lines.append(_("Video link: %(url)s") % {"url": interview.video_url})
    if audience == Audience.MEMBER:
        lines.append(
            _("Your schedule: %(url)s")
            % {"url": settings.SITE_URL + reverse("candidates:committee_schedule")}
        )
    consultant = vacancy.lead_consultant
    if consultant and consultant.email:
        lines.append(
            _("Questions: %(name)s, %(email)s")
            % {"name": consultant.get_full_name() or consultant.username, "email": consultant.email}
        )
    return "\n".join(lines)


def interview_calendar(
    interview: Interview,
    *,
    audience: str,
    method: str | None = None,
    attendee_email: str = "",
    attendee_name: str = "",
) -> bytes:
    """The .ics of `interview` for `audience`, in the active language. The method follows the
    interview's state (REQUEST, or CANCEL once cancelled) unless given; a cancelled interview is
    always written as cancelled (STATUS:CANCELLED)."""
    cancelled = interview.status == Interview.Status.CANCELLED
    if method is None:
        method = Method.CANCEL if cancelled else Method.REQUEST
    cancelled = cancelled or method == Method.CANCEL

    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("method", method)

    event = Event()
    event.add("uid", interview.uid)
    event.add("sequence", interview.sequence)
    event.add("dtstamp", timezone.now())
    event.add("dtstart", interview.starts_at.astimezone(AMSTERDAM))
    event.add("dtend", interview.ends_at.astimezone(AMSTERDAM))
    event.add("summary", _summary(interview, audience))
    location = _location(interview)
    if location:
        event.add("location", location)
    event.add("description", _description(interview, audience))
    if interview.video_url:
        event.add("url", interview.video_url)
    event.add("organizer", _organizer())
    if attendee_email and method != Method.PUBLISH:
        event.add("attendee", _attendee(attendee_email, attendee_name))
    event.add("status", "CANCELLED" if cancelled else "CONFIRMED")
    event.add("transp", "OPAQUE")
    calendar.add_component(event)

    # The VTIMEZONE of Europe/Amsterdam, for the years around the interview only.
    year = interview.starts_at.astimezone(AMSTERDAM).year
    calendar.add_missing_timezones(first_date=date(year - 1, 1, 1), last_date=date(year + 2, 1, 1))
    return calendar.to_ical()


def calendar_filename(interview: Interview) -> str:
    # Translators: the file name of an interview's calendar file; no spaces.
    return _("interview-%(date)s.ics") % {
        "date": f"{interview.starts_at.astimezone(AMSTERDAM):%Y-%m-%d}"
    }


def _interview(interview_id) -> Interview | None:
    if not isinstance(interview_id, int):
        return None
    return (
        Interview.objects.select_related(
            "application__candidate",
            "application__vacancy__client",
            "application__vacancy__lead_consultant",
        )
        .prefetch_related("members__user")
        .filter(pk=interview_id)
        .first()
    )


def interview_attachments(context: dict) -> list[tuple[str, bytes, str]]:
    """MAIL_ATTACHMENT_BUILDERS: the calendar file of the email whose stored context names the
    interview ("interview_id"), the audience and, for a member, the seat ("member_id").

    Made from the interview as it is now: REQUEST while it is planned and the recipient attends;
    CANCEL once it is cancelled or the member no longer attends. An interview that no longer
    exists gives no file."""
    interview = _interview(context.get("interview_id"))
    if interview is None:
        return []
    audience = context.get("audience")
    if audience not in (Audience.CANDIDATE, Audience.MEMBER):
        return []
    method = None
    if audience == Audience.MEMBER:
        attending = {member.pk for member in interview.members.all()}
        if context.get("member_id") not in attending:
            method = Method.CANCEL
    content = interview_calendar(
        interview,
        audience=audience,
        method=method,
        attendee_email=context.get("attendee", ""),
        attendee_name=context.get("attendee_name", ""),
    )
    return [(calendar_filename(interview), content, MIMETYPE)]
