"""Files attached when a message is sent (settings.MAIL_ATTACHMENT_BUILDERS): made from the stored
context, in the message's language; the outbox row never holds them."""

import pytest
from django.utils import translation

from mail.models import OutgoingEmail
from mail.services.outbox import email_queue, email_send
from recruitment.lib.emails import make_message

pytestmark = pytest.mark.django_db

TEMPLATE = "application_received_consultant"
CONTEXT = {
    "candidate_name": "Anna de Vries",
    "vacancy_title": "Algemeen Directeur",
    "client_name": "Interprovinciaal Overleg",
    "date": "dinsdag 5 mei 2026",
    "url": "http://testserver/",
    "thing_id": 7,
}
BUILDER = f"{__name__}.build_note"
calls = []


def build_note(context):
    """A builder as an app would name it: ids in, files out."""
    calls.append((dict(context), translation.get_language()))
    return [(f"note-{context['thing_id']}.txt", f"thing {context['thing_id']}", "text/plain")]


def failing_builder(context):
    raise LookupError("thing is gone")


@pytest.fixture(autouse=True)
def _builders(settings):
    calls.clear()
    settings.MAIL_ATTACHMENT_BUILDERS = {TEMPLATE: BUILDER}


def test_make_message_attaches_the_given_files():
    message = make_message(
        name=TEMPLATE,
        to="c@example.org",
        context=CONTEXT,
        language="nl",
        attachments=[("a.ics", "BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n", "text/calendar")],
    )
    [(filename, content, mimetype)] = message.attachments
    assert (filename, mimetype) == ("a.ics", "text/calendar")
    assert "BEGIN:VCALENDAR" in content
    assert "text/calendar" in message.message().as_string()


def test_the_builder_makes_the_file_at_send_time_in_the_messages_language(
    mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        email, _created = email_queue(
            key="attach:1", to="c@example.org", template=TEMPLATE, context=CONTEXT, language="en"
        )
    [message] = mailoutbox
    assert message.attachments == [("note-7.txt", "thing 7", "text/plain")]
    assert calls == [(CONTEXT, "en")]
    email.refresh_from_db()
    assert email.is_sent
    assert email.context == CONTEXT  # ids, not the file


def test_a_template_without_a_builder_has_no_attachments(mailoutbox, settings):
    settings.MAIL_ATTACHMENT_BUILDERS = {}
    email, _created = email_queue(
        key="attach:2", to="c@example.org", template=TEMPLATE, context=CONTEXT, language="nl"
    )
    assert email_send(email_id=email.pk)
    assert mailoutbox[0].attachments == []


def test_a_failing_builder_leaves_the_message_unsent_with_the_error(mailoutbox, settings):
    settings.MAIL_ATTACHMENT_BUILDERS = {TEMPLATE: f"{__name__}.failing_builder"}
    email, _created = email_queue(
        key="attach:3", to="c@example.org", template=TEMPLATE, context=CONTEXT, language="nl"
    )
    assert not email_send(email_id=email.pk)
    email = OutgoingEmail.objects.get(pk=email.pk)
    assert not email.is_sent
    assert email.claimed_at is None
    assert "thing is gone" in email.last_error
    assert mailoutbox == []
