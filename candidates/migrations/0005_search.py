from django.db import migrations


class Migration(migrations.Migration):
    """Search indexes (filled in by the search work)."""

    dependencies = [("candidates", "0004_pipeline_constraints")]

    operations = []
