from django.db import migrations


class Migration(migrations.Migration):
    """The default email templates (filled in by the email template work)."""

    dependencies = [("candidates", "0005_search")]

    operations = []
