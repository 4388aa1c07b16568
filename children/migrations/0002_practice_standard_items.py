"""Seed the practice standards checklist from the National Practice Standards for Early Permanence.

Admins edit, deactivate or add items in the Django admin afterwards; this only installs defaults.
"""

from django.db import migrations

ITEMS = [
    # code, text, applies_to
    ("1.2", "Early permanence considered at the earliest stage of care planning", "all"),
    (
        "1.5",
        "Knowledge of the family and carers about the child's early life, support and "
        "cultural needs gathered and shared",
        "all",
    ),
    (
        "2.2",
        "Viability assessments of suitable people in the family network carried out in "
        "good time, with paternity testing where paternity is unclear",
        "all",
    ),
    ("2.5", "EP information given to parents in an accessible format", "all"),
    ("2.6", "Twin-track outcomes and the primacy of the court's decision explained to all", "all"),
    ("2.7", "Tailored intervention plan in place to enable a return home", "all"),
    (
        "2.8",
        "Pre-birth conference held, with a multiagency plan for before and after the birth",
        "unborn",
    ),
    ("2.9", "Section 19 considered where consent to adoption needs clarity", "consensual"),
    ("4.4", "Race, culture, religion and language considered in the placement", "all"),
    ("5.1", "Changes needed for a return home set out in an agreed plan with timeframes", "all"),
    (
        "5.3",
        "Parents told the role of the EP carers, family time supervisors and professionals",
        "all",
    ),
    ("5.5", "Family's right to legal representation explained", "all"),
    ("5.7", "Family told about independent counselling and advocacy", "all"),
    ("6.3", "Family time arrangements explained clearly to the family and the carers", "all"),
]


def install(apps, schema_editor):
    Item = apps.get_model("children", "PracticeStandardItem")
    for order, (code, text, applies_to) in enumerate(ITEMS, start=1):
        Item.objects.update_or_create(
            code=code, defaults={"text": text, "applies_to": applies_to, "order": order * 10}
        )


def remove(apps, schema_editor):
    apps.get_model("children", "PracticeStandardItem").objects.filter(
        code__in=[code for code, *_ in ITEMS], records__isnull=True
    ).delete()


class Migration(migrations.Migration):
    dependencies = [("children", "0001_initial")]
    operations = [migrations.RunPython(install, remove)]
