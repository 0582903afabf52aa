"""Stored emails no longer hold the candidate's private link: it is made when the email is
rendered (settings.MAIL_CONTEXT_BUILDERS). Rows queued before keep the application's id instead."""

import re

from django.db import migrations

KEY = re.compile(r"^application-received:(\d+):candidate$")


def forget_links(apps, schema_editor):
    OutgoingEmail = apps.get_model("mail", "OutgoingEmail")
    rows = OutgoingEmail.objects.filter(template="application_received_candidate")
    for email in rows.iterator():
        context = dict(email.context or {})
        if "status_url" not in context:
            continue
        context.pop("status_url")
        match = KEY.match(email.key)
        if match:
            context["application_id"] = int(match.group(1))
        email.context = context
        email.save(update_fields=["context"])


class Migration(migrations.Migration):
    dependencies = [("mail", "0001_initial")]

    operations = [migrations.RunPython(forget_links, migrations.RunPython.noop)]
