"""Emails from named templates: templates/emails/<name>_subject.txt, _body.txt and _body.html.

Each message is rendered in its recipient's language. The plain-text templates start with
{% autoescape off %}: they are not HTML. Attachments are (filename, content, mimetype) triples.
"""

from collections.abc import Iterable

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.utils import translation


def render(*, name: str, context: dict, language: str) -> tuple[str, str, str]:
    """Subject, text body and HTML body of the named email, in `language`."""
    with translation.override(language):
        subject = render_to_string(f"emails/{name}_subject.txt", context)
        text = render_to_string(f"emails/{name}_body.txt", context)
        html = render_to_string(f"emails/{name}_body.html", context)
    # A subject is one line, whatever the template's whitespace.
    subject = " ".join(subject.split())
    return subject, text, html


Attachment = tuple[str, str | bytes, str]


def make_message(
    *,
    name: str,
    to: str,
    context: dict,
    language: str,
    from_email: str | None = None,
    attachments: Iterable[Attachment] = (),
) -> EmailMultiAlternatives:
    subject, text, html = render(name=name, context=context, language=language)
    message = EmailMultiAlternatives(
        subject=subject,
        body=text,
        from_email=from_email or settings.DEFAULT_FROM_EMAIL,
        to=[to],
    )
    message.attach_alternative(html, "text/html")
    for filename, content, mimetype in attachments:
        message.attach(filename, content, mimetype)
    return message
