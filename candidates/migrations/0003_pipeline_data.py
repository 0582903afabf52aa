from django.db import migrations


def carry_over(apps, schema_editor):
    """The old single assessment text becomes the summary of an assessment; notes get their
    candidate; a rejection recorded with text only gets the reason "other"."""
    Application = apps.get_model("candidates", "Application")
    Assessment = apps.get_model("candidates", "Assessment")
    Note = apps.get_model("candidates", "Note")
    StageChange = apps.get_model("candidates", "StageChange")
    Assessment.objects.bulk_create(
        Assessment(application_id=pk, summary=text)
        for pk, text in Application.objects.exclude(assessment="").values_list("pk", "assessment")
    )
    for note in Note.objects.select_related("application"):
        note.candidate_id = note.application.candidate_id
        note.save(update_fields=["candidate"])
    Application.objects.filter(stage="rejected", rejection_code="").update(rejection_code="other")
    StageChange.objects.filter(to_stage="rejected", rejection_code="").update(rejection_code="other")


class Migration(migrations.Migration):
    dependencies = [("candidates", "0002_pipeline")]

    operations = [
        migrations.RunPython(carry_over, migrations.RunPython.noop),
    ]
