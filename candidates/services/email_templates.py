"""Email templates that recruiters maintain, and emails to candidates written from them.

A template is plain text with placeholders in Django's template syntax, limited to the names in
PLACEHOLDERS: no tags, no filters, nothing else. `email_text_check` refuses anything beyond that,
naming the placeholder, so a text that was saved (or edited before sending) always renders.

Rendering happens in the candidate's language (their `language` field): dates of the planning are
written as that reader reads them. The result is queued in the outbox (mail app) under the named
email `candidate_message`, which prints the subject and the body as given, and recorded as an
ApplicationEmail, so the message shows on the candidate's page.
"""

import difflib
import re
import secrets
from dataclasses import dataclass, field

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.template import Context, Engine, TemplateSyntaxError
from django.template.base import Lexer, TokenType, VariableNode
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from candidates.models import Application, ApplicationEmail, EmailTemplate
from candidates.services import candidate_page, notifications
from candidates.services.notifications import next_phase, phase_dates
from mail.services.outbox import email_queue
from vacancies.models import PlanningPhase

# The placeholders a template may use, in the order the edit page lists them.
PLACEHOLDERS = {
    "candidate.first_name": _("the candidate's first name"),
    "candidate.last_name": _("the candidate's last name"),
    "candidate.full_name": _("the candidate's full name"),
    "vacancy.title": _("the position"),
    "vacancy.client": _("the client"),
    "consultant.name": _("the name of the vacancy's lead consultant"),
    "consultant.email": _("the email address of the lead consultant"),
    "consultant.phone": _("the phone number of the lead consultant"),
    "next_phase.activity": _("the next phase of the procedure (for an invitation: that round)"),
    "next_phase.dates": _("the dates of that phase, written in the candidate's language"),
    "status_url": _("the link to the candidate's own page"),
}

# The named email (templates/emails/candidate_message_*) that prints a subject and a body.
MESSAGE_TEMPLATE = "candidate_message"

# Which phase of the planning an invitation is about; other kinds use the next phase.
PHASE_OF_KIND = {
    EmailTemplate.Kind.INVITE_PRESELECTION: PlanningPhase.Kind.PRESELECTION,
    EmailTemplate.Kind.INVITE_COMMITTEE: PlanningPhase.Kind.COMMITTEE_INTERVIEWS,
}

REJECTION_KINDS = (
    EmailTemplate.Kind.REJECT_AFTER_LETTER,
    EmailTemplate.Kind.REJECT_AFTER_INTERVIEW,
)

SUBJECT_MAX_LENGTH = EmailTemplate._meta.get_field("subject").max_length

# Templates are plain text: nothing is escaped when they are rendered (the HTML part of the email
# escapes the result). Anything invalid renders as an empty string.
_ENGINE = Engine(autoescape=False, string_if_invalid="")

_TOKEN = re.compile(r"[A-Za-z0-9_\-]{16,64}")


def one_line(text: str) -> str:
    """A subject is one line: line breaks and runs of white space become one space."""
    return " ".join((text or "").split())


def normalise_body(text: str) -> str:
    """Line endings as \\n, no white space at the ends."""
    return (text or "").replace("\r\n", "\n").replace("\r", "\n").strip()


# Checking -----------------------------------------------------------------------------------------


def _shown(contents: str, kind: TokenType) -> str:
    if kind == TokenType.BLOCK:
        return "{% " + contents.strip() + " %}"
    return "{{ " + contents.strip() + " }}"


def _unknown(contents: str) -> str:
    message = _("Unknown placeholder: %(placeholder)s.") % {
        "placeholder": _shown(contents, TokenType.VAR)
    }
    close = difflib.get_close_matches(contents.strip(), PLACEHOLDERS, n=1, cutoff=0.6)
    if close:
        message += " " + _("Did you mean %(suggestion)s?") % {
            "suggestion": _shown(close[0], TokenType.VAR)
        }
    return message


def email_text_check(text: str) -> set[str]:
    """Refuse (ValidationError, one message per problem) a text that uses anything but the
    placeholders in PLACEHOLDERS: an unknown or misspelled placeholder, a tag, a filter, or a
    broken placeholder. Returns the placeholders the text uses."""
    errors: list[str] = []
    used: set[str] = set()
    for token in Lexer(text or "").tokenize():
        contents = token.contents.strip()
        if token.token_type == TokenType.BLOCK:
            errors.append(
                _("Template tags are not allowed: %(tag)s.")
                % {"tag": _shown(contents, TokenType.BLOCK)}
            )
        elif token.token_type == TokenType.VAR:
            if not contents:
                errors.append(_("An empty placeholder {{ }} is not allowed."))
            elif "|" in contents:
                errors.append(
                    _("Filters are not allowed: %(placeholder)s. Use the placeholder as it is.")
                    % {"placeholder": _shown(contents, TokenType.VAR)}
                )
            elif contents not in PLACEHOLDERS:
                errors.append(_unknown(contents))
            else:
                used.add(contents)
        elif token.token_type == TokenType.TEXT:
            for opener in ("{{", "{%", "}}", "%}"):
                position = token.contents.find(opener)
                if position >= 0:
                    fragment = one_line(token.contents[max(0, position - 20) : position + 30])
                    errors.append(
                        _("A placeholder is not closed or opened properly near “%(text)s”.")
                        % {"text": fragment}
                    )
                    break
    if not errors:
        # What the lexer let through must also compile; check every node to be sure.
        try:
            nodes = _ENGINE.from_string(text or "").nodelist
        except TemplateSyntaxError as exc:
            errors.append(_("The text cannot be read as a template: %(error)s") % {"error": exc})
        else:
            for node in nodes:
                if isinstance(node, VariableNode) and (
                    node.filter_expression.filters
                    or str(node.filter_expression.var) not in PLACEHOLDERS
                ):
                    errors.append(_unknown(node.filter_expression.token))
    if errors:
        raise ValidationError(errors, code="invalid_placeholder")
    return used


def email_texts_check(*, subject: str, body: str, require: bool = True) -> set[str]:
    """Check a subject and a body; errors are reported per field ("subject", "body"). Returns
    the placeholders they use."""
    errors: dict[str, list] = {}
    used: set[str] = set()
    for name, text in (("subject", subject), ("body", body)):
        if require and not (text or "").strip():
            errors[name] = [ValidationError(_("This field is required."), code="required")]
            continue
        try:
            used |= email_text_check(text)
        except ValidationError as error:
            errors[name] = error.error_list
    if len(one_line(subject)) > SUBJECT_MAX_LENGTH:
        errors.setdefault("subject", []).append(
            ValidationError(
                _("A subject has at most %(max)d characters.") % {"max": SUBJECT_MAX_LENGTH},
                code="max_length",
            )
        )
    if errors:
        raise ValidationError(errors)
    return used


# Maintaining templates ----------------------------------------------------------------------------


def email_template_save(*, template: EmailTemplate, subject: str, body: str, by) -> EmailTemplate:
    """Save a template's subject and body after checking their placeholders. A refused text
    changes nothing."""
    subject, body = one_line(subject), normalise_body(body)
    email_texts_check(subject=subject, body=body)
    template.subject, template.body, template.updated_by = subject, body, by
    template.save()
    return template


def email_template_create(
    *, kind: str, language: str, subject: str, body: str, by
) -> EmailTemplate:
    """Create the template of a kind and language that does not exist yet."""
    if kind not in EmailTemplate.Kind.values or language not in dict(settings.LANGUAGES):
        raise ValidationError(_("Unknown kind of template or language."), code="invalid")
    if EmailTemplate.objects.filter(kind=kind, language=language).exists():
        raise ValidationError(_("This template already exists."), code="exists")
    return email_template_save(
        template=EmailTemplate(kind=kind, language=language), subject=subject, body=body, by=by
    )


def email_template_for(*, kind: str, language: str) -> EmailTemplate | None:
    """The template of `kind` in `language`, else in the site's language, else in any."""
    templates = {t.language: t for t in EmailTemplate.objects.filter(kind=kind)}
    return (
        templates.get(language)
        or templates.get(settings.LANGUAGE_CODE)
        or next(iter(templates.values()), None)
    )


def email_templates_for(*, kind: str, languages) -> dict[str, EmailTemplate | None]:
    """email_template_for for several languages in one query."""
    templates = {t.language: t for t in EmailTemplate.objects.filter(kind=kind)}
    fallback = templates.get(settings.LANGUAGE_CODE) or next(iter(templates.values()), None)
    return {language: templates.get(language) or fallback for language in languages}


# Rendering ----------------------------------------------------------------------------------------


@dataclass
class RenderedEmail:
    subject: str
    body: str
    language: str
    # Placeholders the text uses that are empty for this application (no planning phase, ...).
    empty: list[str] = field(default_factory=list)


def application_for_email(pk: int) -> Application:
    """An application with what its email context reads, in few queries."""
    return applications_for_email().get(pk=pk)


def applications_for_email():
    return Application.objects.select_related(
        "candidate", "vacancy__client", "vacancy__lead_consultant"
    ).prefetch_related("vacancy__phases")


def _phase(application: Application, kind: str) -> PlanningPhase | None:
    wanted = PHASE_OF_KIND.get(kind)
    if wanted:
        phase = next((p for p in application.vacancy.phases.all() if p.kind == wanted), None)
        if phase is not None:
            return phase
    return next_phase(application)


def email_context(
    *, application: Application, kind: str = "", by=None, language: str | None = None
) -> dict:
    """What the placeholders stand for, for this application, in `language` (by default the
    candidate's). The consultant is the vacancy's lead consultant, else `by`.

    Plain strings only: a template cannot reach beyond these values."""
    candidate, vacancy = application.candidate, application.vacancy
    consultant = vacancy.lead_consultant or by
    with translation.override(language or candidate.language):
        phase = _phase(application, kind)
        dates = phase_dates(phase) if phase else ""
    return {
        "candidate": {
            "first_name": candidate.first_name,
            "last_name": candidate.last_name,
            "full_name": candidate.full_name,
        },
        "vacancy": {"title": vacancy.title, "client": vacancy.client.display_name},
        "consultant": {
            "name": (consultant.get_full_name() or consultant.username) if consultant else "",
            "email": consultant.email if consultant else "",
            "phone": getattr(consultant, "phone", "") if consultant else "",
        },
        "next_phase": {"activity": phase.activity if phase else "", "dates": dates},
        "status_url": candidate_page.status_url(application),
    }


def _value(context: dict, placeholder: str) -> str:
    value = context
    for part in placeholder.split("."):
        value = value.get(part, "") if isinstance(value, dict) else ""
    return str(value or "")


def email_render(
    *,
    application: Application,
    subject: str,
    body: str,
    kind: str = "",
    by=None,
    language: str | None = None,
) -> RenderedEmail:
    """Render a subject and a body (checked first: ValidationError) for `application`'s
    candidate, in their language (or `language`, for a preview of a template in another one).
    The subject comes out as one line."""
    used = email_texts_check(subject=subject, body=body, require=False)
    language = language or application.candidate.language
    context = email_context(application=application, kind=kind, by=by, language=language)
    with translation.override(language):
        rendered_subject = _ENGINE.from_string(subject or "").render(
            Context(context, autoescape=False)
        )
        rendered_body = _ENGINE.from_string(normalise_body(body)).render(
            Context(context, autoescape=False)
        )
    empty = [p for p in PLACEHOLDERS if p in used and not _value(context, p)]
    return RenderedEmail(
        subject=one_line(rendered_subject),
        body=normalise_body(rendered_body),
        language=language,
        empty=empty,
    )


def email_template_render(
    *, template: EmailTemplate, application: Application, by=None
) -> RenderedEmail:
    return email_render(
        application=application,
        subject=template.subject,
        body=template.body,
        kind=template.kind,
        by=by,
    )


# Sending ------------------------------------------------------------------------------------------


def send_token() -> str:
    """A fresh token for a send form: the same form sent twice queues one email."""
    return secrets.token_urlsafe(16)


def application_email_queue(
    *, application: Application, by, key: str, kind: str, subject: str, body: str
) -> ApplicationEmail:
    """Render the texts for `application`'s candidate, queue the email in the outbox under `key`
    (sent through Celery after the commit) and record it as an ApplicationEmail. Queueing the
    same key again returns the email recorded the first time."""
    subject, body = one_line(subject), normalise_body(body)
    email_texts_check(subject=subject, body=body)
    rendered = email_render(application=application, subject=subject, body=body, kind=kind, by=by)
    candidate = application.candidate
    # The private link is not stored: a marker stands in its place until the email is rendered
    # (notifications.candidate_message_context, issue 7).
    link = candidate_page.status_url(application)
    with transaction.atomic():
        email, created = email_queue(
            key=key,
            to=candidate.email,
            template=MESSAGE_TEMPLATE,
            context={
                "subject": rendered.subject.replace(link, notifications.STATUS_URL_MARKER),
                "body": rendered.body.replace(link, notifications.STATUS_URL_MARKER),
                "kind": kind,
                "application_id": application.pk,
            },
            language=rendered.language,
        )
        if not created:
            return ApplicationEmail.objects.get(email=email)
        return ApplicationEmail.objects.create(
            application=application, email=email, kind=kind, sent_by=by
        )


def application_email_send(
    *, application: Application, by, kind: str, subject: str, body: str, token: str = ""
) -> ApplicationEmail:
    """Send an email written from a template (edited or not) to the candidate of `application`.

    `token` comes from the form (send_token): a form sent twice queues the email once."""
    if kind not in EmailTemplate.Kind.values:
        raise ValidationError(_("Choose a kind of email."), code="invalid_kind")
    if not _TOKEN.fullmatch(token or ""):
        token = send_token()
    application = application_for_email(application.pk)
    return application_email_queue(
        application=application,
        by=by,
        key=f"application-email:{application.pk}:{token}",
        kind=kind,
        subject=subject,
        body=body,
    )
