"""Standard 2.9's "Section 19" is an application to the court under Part 19 of the Family
Procedure Rules 2010 for guidance (the Standards' glossary), not consent: the checklist item says
so. An item an admin has since reworded is left as it is."""

from django.db import migrations

OLD = "Section 19 considered where consent to adoption needs clarity"
NEW = (
    "Consent sought from all holding parental responsibility, and a Part 19 application to the "
    "court for guidance considered as early as possible if clarity is needed"
)


def reword(apps, schema_editor):
    Item = apps.get_model("children", "PracticeStandardItem")
    Item.objects.filter(code="2.9", text=OLD).update(text=NEW)


def back(apps, schema_editor):
    Item = apps.get_model("children", "PracticeStandardItem")
    Item.objects.filter(code="2.9", text=NEW).update(text=OLD)


class Migration(migrations.Migration):
    dependencies = [
        ("children", "0017_consent_parental_responsibility_part19_section20_pre_proceedings")
    ]

    operations = [migrations.RunPython(reword, back)]
