"""Section19Consent is consent to placement for adoption (ACA 2002 s.19), not "Section 19" of the
Standards (an FPR Part 19 application): the model is renamed, its rows and history kept. The PLO
dates of pre-proceedings take the practitioners' words (letter before proceedings, pre-proceedings
meeting), their values kept."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("children", "0015_family_finding_referral_and_siblings"),
    ]

    operations = [
        migrations.RenameModel("Section19Consent", "ConsentToPlacement"),
        migrations.RenameModel("HistoricalSection19Consent", "HistoricalConsentToPlacement"),
        migrations.RenameField("preproceedings", "plo_letter_on", "letter_before_proceedings_on"),
        migrations.RenameField("preproceedings", "plo_meeting_on", "meeting_on"),
        migrations.RenameField(
            "historicalpreproceedings", "plo_letter_on", "letter_before_proceedings_on"
        ),
        migrations.RenameField("historicalpreproceedings", "plo_meeting_on", "meeting_on"),
    ]
