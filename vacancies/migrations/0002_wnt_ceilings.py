from decimal import Decimal

from django.db import migrations

# The general WNT maximum (bezoldigingsmaximum) per calendar year, in euros.
CEILINGS = {
    2019: "194000",
    2020: "201000",
    2021: "209000",
    2022: "216000",
    2023: "223000",
    2024: "233000",
    2025: "246000",
    2026: "262000",
}


def add_ceilings(apps, schema_editor):
    WntCeiling = apps.get_model("vacancies", "WntCeiling")
    for year, amount in CEILINGS.items():
        WntCeiling.objects.update_or_create(year=year, defaults={"amount": Decimal(amount)})


class Migration(migrations.Migration):
    dependencies = [("vacancies", "0001_initial")]

    operations = [migrations.RunPython(add_ceilings, migrations.RunPython.noop)]
