"""The contact details as submitted with an application, and who reviewed them."""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("candidates", "0006_email_templates"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AddField(
            model_name="application",
            name="submitted_details",
            field=models.JSONField(blank=True, default=dict, verbose_name="details as submitted"),
        ),
        migrations.AddField(
            model_name="application",
            name="submitted_details_reviewed_at",
            field=models.DateTimeField(
                blank=True, null=True, verbose_name="submitted details reviewed"
            ),
        ),
        migrations.AddField(
            model_name="application",
            name="submitted_details_reviewed_by",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="+",
                to=settings.AUTH_USER_MODEL,
            ),
        ),
    ]
