"""Emails about applications, queued in the outbox (mail app) and sent through Celery.

Each message has a unique key, so calling a notify function twice queues it once. Contexts are
built in the recipient's language (dates are written as that reader reads them) and stored with
the message: the outbox row is the record of what was said.

The private link to the candidate's page is the one thing not stored: the row holds the
application's id and `candidate_link_context` adds the link when the email is rendered
(settings.MAIL_CONTEXT_BUILDERS), so the outbox table holds no key to anyone's page.
"""

from django.conf import settings
from django.urls import NoReverseMatch, reverse
from django.utils import formats, timezone, translation
from django.utils.translation import gettext

from candidates.models import Application
from candidates.services import candidate_page
from mail.services.outbox import email_queue
from vacancies.models import PlanningPhase
from vacancies.templatetags.formatting import longdate

DASH = " \N{EN DASH} "


def _absolute(path: str) -> str:
    return settings.SITE_URL + path


def _get_application(application_id: int) -> Application:
    return (
        Application.objects.select_related(
            "candidate", "vacancy__client", "vacancy__lead_consultant"
        )
        .prefetch_related("vacancy__phases", "vacancy__contacts")
        .get(pk=application_id)
    )


def phase_dates(phase: PlanningPhase) -> str:
    """Maandag 18 mei to vrijdag 29 mei 2026, joined by an en dash, in the active language."""
    first, last = phase.first_day, phase.last_day
    if not first:
        return phase.date_note
    if phase.starts_on is None:
        # Only a deadline, such as the formal appointment: "uiterlijk dinsdag 30 juni 2026".
        text = gettext("by %(date)s") % {"date": longdate(last)}
    elif first == last:
        text = longdate(first)
    elif first.year == last.year:
        text = f"{formats.date_format(first, 'l j F')}{DASH}{longdate(last)}"
    else:
        text = f"{longdate(first)}{DASH}{longdate(last)}"
    return f"{text} ({phase.date_note})" if phase.date_note else text


def next_phase(application: Application) -> PlanningPhase | None:
    """What happens next for someone who just applied: the preselection, else the first phase
    after the closing date (or after today)."""
    phases = list(application.vacancy.phases.all())
    for phase in phases:
        if phase.kind == PlanningPhase.Kind.PRESELECTION:
            return phase
    after = application.vacancy.closing_date or timezone.localdate()
    return next((p for p in phases if p.first_day and p.first_day > after), None)


def _planning(application: Application) -> list[dict]:
    return [
        {"activity": phase.activity, "dates": phase_dates(phase)}
        for phase in application.vacancy.phases.all()
    ]


def _contacts(application: Application) -> list[dict]:
    vacancy = application.vacancy
    contacts = [
        {
            "name": c.name,
            "job_title": c.job_title,
            "organisation": c.organisation,
            "topic": str(c.get_topic_display()),
            "email": c.email,
            "phone": c.phone,
        }
        for c in vacancy.contacts.all()
    ]
    consultant = vacancy.lead_consultant
    if not contacts and consultant:
        contacts.append(
            {
                "name": consultant.get_full_name() or consultant.username,
                "job_title": "",
                "organisation": vacancy.search_firm,
                "topic": "",
                "email": consultant.email,
                "phone": consultant.phone,
            }
        )
    return contacts


def backoffice_url(application: Application) -> str:
    """The consultant's page of this candidate (or of the vacancy, if that page does not exist)."""
    try:
        path = reverse("candidates:candidate_detail", args=[application.candidate_id])
    except NoReverseMatch:
        path = application.vacancy.get_absolute_url()
    return _absolute(path)


def _consultant_context(application: Application) -> dict:
    candidate = application.candidate
    return {
        "candidate_name": candidate.full_name,
        "candidate_email": candidate.email,
        "current_position": candidate.current_position,
        "current_organisation": candidate.current_organisation,
        "vacancy_title": application.vacancy.title,
        "client_name": application.vacancy.client.name,
        "url": backoffice_url(application),
    }


def _queue_for_consultant(application: Application, *, event: str, extra: dict | None = None):
    consultant = application.vacancy.lead_consultant
    if not consultant or not consultant.email:
        return None
    with translation.override(consultant.language):
        context = {**_consultant_context(application), **(extra or {})}
        context["date"] = longdate(timezone.localdate())
    email, _created = email_queue(
        key=f"{event}:{application.pk}:consultant",
        to=consultant.email,
        template=f"{event.replace('-', '_')}_consultant",
        context=context,
        language=consultant.language,
    )
    return email


def notify_application_received(*, application_id: int) -> None:
    """A receipt to the candidate (what happens next and when, whom to contact, the private link
    to their page) and a notice to the lead consultant. Queued once, sent after commit."""
    application = _get_application(application_id)
    candidate, vacancy = application.candidate, application.vacancy
    with translation.override(candidate.language):
        phase = next_phase(application)
        context = {
            "candidate_name": candidate.full_name,
            "first_name": candidate.first_name,
            "vacancy_title": vacancy.title,
            "client_name": vacancy.client.name,
            "search_firm": vacancy.search_firm,
            "received_on": longdate(timezone.localtime(application.created_at).date()),
            "closing_date": longdate(vacancy.closing_date),
            "next_phase": (
                {"activity": phase.activity, "dates": phase_dates(phase)} if phase else None
            ),
            "planning": _planning(application),
            "contacts": _contacts(application),
            # The link itself is added when the email is rendered: candidate_link_context.
            "application_id": application.pk,
        }
    email_queue(
        key=f"application-received:{application.pk}:candidate",
        to=candidate.email,
        template="application_received_candidate",
        context=context,
        language=candidate.language,
    )
    _queue_for_consultant(application, event="application-received")


def notify_erasure_requested(*, application_id: int) -> None:
    """Tell the lead consultant that the candidate asked to erase their data."""
    _queue_for_consultant(_get_application(application_id), event="erasure-requested")


def notify_application_withdrawn(*, application_id: int) -> None:
    """Tell the lead consultant that the candidate withdrew."""
    _queue_for_consultant(_get_application(application_id), event="application-withdrawn")


# Stands in a stored email text for the private link; replaced when the email is rendered.
STATUS_URL_MARKER = "{{ status_url }}"


def candidate_message_context(context: dict) -> dict:
    """MAIL_CONTEXT_BUILDERS for emails written from a template (email_templates): the marker in
    the stored subject and body becomes the private link, made now."""
    link = candidate_link_context(context)["status_url"]
    return {
        name: context[name].replace(STATUS_URL_MARKER, link)
        for name in ("subject", "body")
        if isinstance(context.get(name), str)
    }


def candidate_link_context(context: dict) -> dict:
    """MAIL_CONTEXT_BUILDERS: the private link of the application in `context`, made when the
    email is rendered and never stored. Empty when the application no longer exists."""
    application_id = context.get("application_id")
    application = (
        Application.objects.filter(pk=application_id).only("pk", "access_token").first()
        if isinstance(application_id, int)
        else None
    )
    return {"status_url": candidate_page.status_url(application) if application else ""}


def notify_already_applied(*, vacancy_id: int, email: str) -> None:
    """Someone sent the form again with the address of a person already in this vacancy's
    procedure. The form answered as always; the owner of the address learns it here (at most one
    such email a day per application, so the form cannot be used to flood a mailbox)."""
    application = (
        Application.objects.select_related(
            "candidate", "vacancy__client", "vacancy__lead_consultant"
        )
        .prefetch_related("vacancy__contacts")
        .filter(vacancy_id=vacancy_id, candidate__email__iexact=(email or "").strip())
        .first()
    )
    if application is None:
        return
    candidate, vacancy = application.candidate, application.vacancy
    with translation.override(candidate.language):
        context = {
            "candidate_name": candidate.full_name,
            "vacancy_title": vacancy.title,
            "client_name": vacancy.client.name,
            "search_firm": vacancy.search_firm,
            "applied_on": longdate(timezone.localtime(application.created_at).date()),
            "contacts": _contacts(application),
        }
    email_queue(
        key=f"application-duplicate:{application.pk}:{timezone.localdate():%Y-%m-%d}",
        to=candidate.email,
        template="application_duplicate_candidate",
        context=context,
        language=candidate.language,
    )
