"""The court record right in law (issue 8, part A): proceedings have a kind and the court's
people; an extension stores the end the court set and where it was granted (its length in weeks
goes); hearings have a status, time and court; orders have their own end and what ended them;
the child's single "date became looked after" and legal status become periods of care and a
legal status history, copied across without loss."""

from datetime import timedelta

import django.db.models.deletion
import simple_history.models
from django.conf import settings
from django.db import migrations, models


def _forwards(apps, schema_editor):
    Child = apps.get_model("children", "Child")
    CarePeriod = apps.get_model("children", "CarePeriod")
    LegalStatusPeriod = apps.get_model("children", "LegalStatusPeriod")
    Proceedings = apps.get_model("children", "Proceedings")
    Extension = apps.get_model("children", "Extension")
    Hearing = apps.get_model("children", "Hearing")
    for child in Child.objects.exclude(looked_after_on=None, legal_status=""):
        start = child.looked_after_on or child.created_at.date()
        if child.looked_after_on:
            CarePeriod.objects.create(
                child=child,
                started_on=child.looked_after_on,
                created_by_id=child.created_by_id,
                updated_by_id=child.updated_by_id,
            )
        if child.legal_status:
            LegalStatusPeriod.objects.create(
                child=child,
                code=child.legal_status,
                starts_on=start,
                basis="other",
                basis_detail="Recorded on the child's details before legal status had a history",
                created_by_id=child.created_by_id,
                updated_by_id=child.updated_by_id,
            )
    # CA 1989 s.32(1)(a)(ii), (8): the 26 weeks end on issue + 181 days; each extension ended
    # its weeks after the later of the end then in force and the day it was granted
    for proceedings in Proceedings.objects.all():
        end = proceedings.issued_on + timedelta(days=181)
        for extension in Extension.objects.filter(proceedings=proceedings).order_by(
            "granted_on", "pk"
        ):
            end = max(end, extension.granted_on) + timedelta(weeks=extension.weeks)
            extension.ends_on = end
            extension.save(update_fields=["ends_on"])
    Hearing.objects.exclude(outcome="").update(status="effective")


def _backwards(apps, schema_editor):
    Child = apps.get_model("children", "Child")
    CarePeriod = apps.get_model("children", "CarePeriod")
    LegalStatusPeriod = apps.get_model("children", "LegalStatusPeriod")
    Extension = apps.get_model("children", "Extension")
    for child in Child.objects.all():
        period = CarePeriod.objects.filter(child=child).order_by("-started_on").first()
        status = LegalStatusPeriod.objects.filter(child=child).order_by("-starts_on").first()
        child.looked_after_on = period.started_on if period else None
        child.legal_status = status.code if status else ""
        child.save(update_fields=["looked_after_on", "legal_status"])
    for extension in Extension.objects.all():
        base = max(extension.granted_on, extension.ends_on - timedelta(weeks=8))
        extension.weeks = max(1, min(8, -(-(extension.ends_on - base).days // 7)))
        extension.save(update_fields=["weeks"])


class Migration(migrations.Migration):
    dependencies = [
        ("children", "0005_child_list_team_index"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name="CarePeriod",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("created_at", models.DateTimeField(auto_now_add=True)),
                ("updated_at", models.DateTimeField(auto_now=True)),
                ("started_on", models.DateField(verbose_name="date became looked after")),
                (
                    "ended_on",
                    models.DateField(
                        blank=True, null=True, verbose_name="date ceased to be looked after"
                    ),
                ),
                (
                    "reason_ended",
                    models.TextField(
                        blank=True, verbose_name="why the child ceased to be looked after"
                    ),
                ),
            ],
            options={
                "verbose_name": "period of care",
                "verbose_name_plural": "periods of care",
                "ordering": ["started_on", "pk"],
            },
        ),
        migrations.CreateModel(
            name="HistoricalCarePeriod",
            fields=[
                (
                    "id",
                    models.BigIntegerField(
                        auto_created=True, blank=True, db_index=True, verbose_name="ID"
                    ),
                ),
                ("created_at", models.DateTimeField(blank=True, editable=False)),
                ("updated_at", models.DateTimeField(blank=True, editable=False)),
                ("started_on", models.DateField(verbose_name="date became looked after")),
                (
                    "ended_on",
                    models.DateField(
                        blank=True, null=True, verbose_name="date ceased to be looked after"
                    ),
                ),
                (
                    "reason_ended",
                    models.TextField(
                        blank=True, verbose_name="why the child ceased to be looked after"
                    ),
                ),
                ("history_id", models.AutoField(primary_key=True, serialize=False)),
                ("history_date", models.DateTimeField(db_index=True)),
                ("history_change_reason", models.CharField(max_length=100, null=True)),
                (
                    "history_type",
                    models.CharField(
                        choices=[("+", "Created"), ("~", "Changed"), ("-", "Deleted")],
                        max_length=1,
                    ),
                ),
            ],
            options={
                "verbose_name": "historical period of care",
                "verbose_name_plural": "historical periods of care",
                "ordering": ("-history_date", "-history_id"),
                "get_latest_by": ("history_date", "history_id"),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name="HistoricalLegalStatusPeriod",
            fields=[
                (
                    "id",
                    models.BigIntegerField(
                        auto_created=True, blank=True, db_index=True, verbose_name="ID"
                    ),
                ),
                ("created_at", models.DateTimeField(blank=True, editable=False)),
                ("updated_at", models.DateTimeField(blank=True, editable=False)),
                (
                    "code",
                    models.CharField(
                        choices=[
                            ("C1", "C1: interim care order"),
                            ("C2", "C2: full care order"),
                            ("E1", "E1: placement order granted"),
                            ("V2", "V2: single period of accommodation under section 20"),
                            (
                                "L1",
                                "L1: under police protection and in local authority accommodation",
                            ),
                            ("L2", "L2: emergency protection order"),
                            (
                                "L3",
                                "L3: under child assessment order and in local authority accommodation",
                            ),
                            ("D1", "D1: freeing order granted"),
                            (
                                "J1",
                                "J1: remanded to local authority accommodation or youth detention",
                            ),
                            ("J2", "J2: placed in local authority accommodation under PACE"),
                            (
                                "J3",
                                "J3: sentenced to a youth rehabilitation order with residence requirement",
                            ),
                            ("V3", "V3: accommodated under an agreed series of short-term breaks"),
                            (
                                "V4",
                                "V4: accommodated under an agreed series of short-term breaks (multiple)",
                            ),
                        ],
                        max_length=2,
                        verbose_name="legal status",
                    ),
                ),
                ("starts_on", models.DateField(verbose_name="date the legal status began")),
                (
                    "ends_on",
                    models.DateField(
                        blank=True, null=True, verbose_name="date the legal status ended"
                    ),
                ),
                (
                    "basis",
                    models.CharField(
                        choices=[
                            ("order", "An order of the court"),
                            ("s20", "Section 20 agreement (Children Act 1989)"),
                            ("police", "Police protection (Children Act 1989 s.46)"),
                            ("other", "Other"),
                        ],
                        max_length=10,
                    ),
                ),
                ("basis_detail", models.TextField(blank=True, verbose_name="about the basis")),
                ("history_id", models.AutoField(primary_key=True, serialize=False)),
                ("history_date", models.DateTimeField(db_index=True)),
                ("history_change_reason", models.CharField(max_length=100, null=True)),
                (
                    "history_type",
                    models.CharField(
                        choices=[("+", "Created"), ("~", "Changed"), ("-", "Deleted")],
                        max_length=1,
                    ),
                ),
            ],
            options={
                "verbose_name": "historical legal status",
                "verbose_name_plural": "historical legal statuses",
                "ordering": ("-history_date", "-history_id"),
                "get_latest_by": ("history_date", "history_id"),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name="LegalStatusPeriod",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("created_at", models.DateTimeField(auto_now_add=True)),
                ("updated_at", models.DateTimeField(auto_now=True)),
                (
                    "code",
                    models.CharField(
                        choices=[
                            ("C1", "C1: interim care order"),
                            ("C2", "C2: full care order"),
                            ("E1", "E1: placement order granted"),
                            ("V2", "V2: single period of accommodation under section 20"),
                            (
                                "L1",
                                "L1: under police protection and in local authority accommodation",
                            ),
                            ("L2", "L2: emergency protection order"),
                            (
                                "L3",
                                "L3: under child assessment order and in local authority accommodation",
                            ),
                            ("D1", "D1: freeing order granted"),
                            (
                                "J1",
                                "J1: remanded to local authority accommodation or youth detention",
                            ),
                            ("J2", "J2: placed in local authority accommodation under PACE"),
                            (
                                "J3",
                                "J3: sentenced to a youth rehabilitation order with residence requirement",
                            ),
                            ("V3", "V3: accommodated under an agreed series of short-term breaks"),
                            (
                                "V4",
                                "V4: accommodated under an agreed series of short-term breaks (multiple)",
                            ),
                        ],
                        max_length=2,
                        verbose_name="legal status",
                    ),
                ),
                ("starts_on", models.DateField(verbose_name="date the legal status began")),
                (
                    "ends_on",
                    models.DateField(
                        blank=True, null=True, verbose_name="date the legal status ended"
                    ),
                ),
                (
                    "basis",
                    models.CharField(
                        choices=[
                            ("order", "An order of the court"),
                            ("s20", "Section 20 agreement (Children Act 1989)"),
                            ("police", "Police protection (Children Act 1989 s.46)"),
                            ("other", "Other"),
                        ],
                        max_length=10,
                    ),
                ),
                ("basis_detail", models.TextField(blank=True, verbose_name="about the basis")),
            ],
            options={
                "verbose_name": "legal status",
                "verbose_name_plural": "legal statuses",
                "ordering": ["starts_on", "pk"],
            },
        ),
        migrations.AlterModelOptions(
            name="courtorder",
            options={"ordering": ["made_on", "pk"]},
        ),
        migrations.AlterModelOptions(
            name="extension",
            options={"ordering": ["granted_on", "ends_on"]},
        ),
        migrations.AlterModelOptions(
            name="hearing",
            options={"ordering": ["listed_on", "time"]},
        ),
        migrations.RemoveConstraint(
            model_name="extension",
            name="extension_one_to_eight_weeks",
        ),
        migrations.AddField(
            model_name="courtorder",
            name="ended_by",
            field=models.ForeignKey(
                blank=True,
                help_text="The order that ended it.",
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="ended_orders",
                to="children.courtorder",
            ),
        ),
        migrations.AddField(
            model_name="courtorder",
            name="expires_on",
            field=models.DateField(
                blank=True,
                help_text="An interim order lasts for the period it specifies (CA 1989 s.38(4)).",
                null=True,
                verbose_name="date the order says it ends",
            ),
        ),
        migrations.AddField(
            model_name="extension",
            name="ends_on",
            field=models.DateField(null=True, verbose_name="date the extended time limit ends"),
        ),
        migrations.AddField(
            model_name="extension",
            name="hearing",
            field=models.ForeignKey(
                blank=True,
                help_text="The hearing at which the court granted it.",
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="extensions",
                to="children.hearing",
            ),
        ),
        migrations.AddField(
            model_name="hearing",
            name="court",
            field=models.CharField(
                blank=True,
                help_text="Where it is heard, if not the proceedings' court.",
                max_length=200,
            ),
        ),
        migrations.AddField(
            model_name="hearing",
            name="status",
            field=models.CharField(
                choices=[
                    ("listed", "Listed"),
                    ("effective", "Effective (went ahead)"),
                    ("adjourned", "Adjourned"),
                    ("vacated", "Vacated (taken out of the list)"),
                ],
                default="listed",
                max_length=20,
            ),
        ),
        migrations.AddField(
            model_name="hearing",
            name="time",
            field=models.TimeField(blank=True, null=True, verbose_name="time of the hearing"),
        ),
        migrations.AddField(
            model_name="historicalcourtorder",
            name="ended_by",
            field=models.ForeignKey(
                blank=True,
                db_constraint=False,
                help_text="The order that ended it.",
                null=True,
                on_delete=django.db.models.deletion.DO_NOTHING,
                related_name="+",
                to="children.courtorder",
            ),
        ),
        migrations.AddField(
            model_name="historicalcourtorder",
            name="expires_on",
            field=models.DateField(
                blank=True,
                help_text="An interim order lasts for the period it specifies (CA 1989 s.38(4)).",
                null=True,
                verbose_name="date the order says it ends",
            ),
        ),
        migrations.AddField(
            model_name="historicalextension",
            name="ends_on",
            field=models.DateField(null=True, verbose_name="date the extended time limit ends"),
        ),
        migrations.AddField(
            model_name="historicalextension",
            name="hearing",
            field=models.ForeignKey(
                blank=True,
                db_constraint=False,
                help_text="The hearing at which the court granted it.",
                null=True,
                on_delete=django.db.models.deletion.DO_NOTHING,
                related_name="+",
                to="children.hearing",
            ),
        ),
        migrations.AddField(
            model_name="historicalhearing",
            name="court",
            field=models.CharField(
                blank=True,
                help_text="Where it is heard, if not the proceedings' court.",
                max_length=200,
            ),
        ),
        migrations.AddField(
            model_name="historicalhearing",
            name="status",
            field=models.CharField(
                choices=[
                    ("listed", "Listed"),
                    ("effective", "Effective (went ahead)"),
                    ("adjourned", "Adjourned"),
                    ("vacated", "Vacated (taken out of the list)"),
                ],
                default="listed",
                max_length=20,
            ),
        ),
        migrations.AddField(
            model_name="historicalhearing",
            name="time",
            field=models.TimeField(blank=True, null=True, verbose_name="time of the hearing"),
        ),
        migrations.AddField(
            model_name="historicalproceedings",
            name="childrens_guardian",
            field=models.CharField(blank=True, max_length=200, verbose_name="children's guardian"),
        ),
        migrations.AddField(
            model_name="historicalproceedings",
            name="childs_solicitor",
            field=models.CharField(blank=True, max_length=200, verbose_name="child's solicitor"),
        ),
        migrations.AddField(
            model_name="historicalproceedings",
            name="judge_level",
            field=models.CharField(
                blank=True,
                choices=[
                    ("magistrates", "Lay justices (magistrates)"),
                    ("legal_adviser", "Legal adviser"),
                    ("district", "District judge"),
                    ("circuit", "Circuit judge"),
                    ("high_court", "High Court judge"),
                ],
                max_length=20,
                verbose_name="level of judge",
            ),
        ),
        migrations.AddField(
            model_name="historicalproceedings",
            name="kind",
            field=models.CharField(
                choices=[
                    ("care", "Care order (Children Act 1989 s.31)"),
                    ("supervision", "Supervision order (Children Act 1989 s.31)"),
                    ("contact_s34", "Contact with a child in care (Children Act 1989 s.34)"),
                    ("discharge_s39", "Discharge or variation (Children Act 1989 s.39)"),
                    ("placement", "Placement order (Adoption and Children Act 2002 s.21, s.22)"),
                    ("adoption", "Adoption order (Adoption and Children Act 2002 s.46)"),
                    (
                        "revocation",
                        "Revocation of a placement order (Adoption and Children Act s.24)",
                    ),
                    ("sgo", "Special guardianship order (Children Act 1989 s.14A)"),
                    ("cao", "Child arrangements order (Children Act 1989 s.8)"),
                ],
                default="care",
                max_length=20,
                verbose_name="kind of application",
            ),
        ),
        migrations.AddField(
            model_name="historicalproceedings",
            name="la_solicitor",
            field=models.CharField(
                blank=True, max_length=200, verbose_name="local authority solicitor"
            ),
        ),
        migrations.AddField(
            model_name="proceedings",
            name="childrens_guardian",
            field=models.CharField(blank=True, max_length=200, verbose_name="children's guardian"),
        ),
        migrations.AddField(
            model_name="proceedings",
            name="childs_solicitor",
            field=models.CharField(blank=True, max_length=200, verbose_name="child's solicitor"),
        ),
        migrations.AddField(
            model_name="proceedings",
            name="judge_level",
            field=models.CharField(
                blank=True,
                choices=[
                    ("magistrates", "Lay justices (magistrates)"),
                    ("legal_adviser", "Legal adviser"),
                    ("district", "District judge"),
                    ("circuit", "Circuit judge"),
                    ("high_court", "High Court judge"),
                ],
                max_length=20,
                verbose_name="level of judge",
            ),
        ),
        migrations.AddField(
            model_name="proceedings",
            name="kind",
            field=models.CharField(
                choices=[
                    ("care", "Care order (Children Act 1989 s.31)"),
                    ("supervision", "Supervision order (Children Act 1989 s.31)"),
                    ("contact_s34", "Contact with a child in care (Children Act 1989 s.34)"),
                    ("discharge_s39", "Discharge or variation (Children Act 1989 s.39)"),
                    ("placement", "Placement order (Adoption and Children Act 2002 s.21, s.22)"),
                    ("adoption", "Adoption order (Adoption and Children Act 2002 s.46)"),
                    (
                        "revocation",
                        "Revocation of a placement order (Adoption and Children Act s.24)",
                    ),
                    ("sgo", "Special guardianship order (Children Act 1989 s.14A)"),
                    ("cao", "Child arrangements order (Children Act 1989 s.8)"),
                ],
                default="care",
                max_length=20,
                verbose_name="kind of application",
            ),
        ),
        migrations.AddField(
            model_name="proceedings",
            name="la_solicitor",
            field=models.CharField(
                blank=True, max_length=200, verbose_name="local authority solicitor"
            ),
        ),
        migrations.AlterField(
            model_name="courtorder",
            name="ended_on",
            field=models.DateField(blank=True, null=True, verbose_name="date the order ended"),
        ),
        migrations.AlterField(
            model_name="courtorder",
            name="kind",
            field=models.CharField(
                choices=[
                    ("epo", "Emergency protection order"),
                    ("interim_care", "Interim care order"),
                    ("care", "Care order"),
                    ("interim_supervision", "Interim supervision order"),
                    ("supervision", "Supervision order"),
                    ("placement", "Placement order"),
                    ("sgo", "Special guardianship order"),
                    ("interim_cao", "Interim child arrangements order"),
                    ("cao", "Child arrangements order"),
                    ("s34_4", "Authority to refuse contact (Children Act 1989 s.34(4))"),
                    ("s26_contact", "Contact order (Adoption and Children Act 2002 s.26)"),
                    (
                        "s24_revocation",
                        "Revocation of a placement order (Adoption and Children Act s.24)",
                    ),
                    (
                        "discharge",
                        "Discharge of a care or supervision order (Children Act 1989 s.39)",
                    ),
                    ("adoption", "Adoption order"),
                    (
                        "s51a_contact",
                        "Post-adoption contact order (Adoption and Children Act s.51A)",
                    ),
                    ("no_order", "No order"),
                ],
                max_length=30,
            ),
        ),
        migrations.AlterField(
            model_name="extension",
            name="granted_on",
            field=models.DateField(verbose_name="date the extension was granted"),
        ),
        migrations.AlterField(
            model_name="hearing",
            name="kind",
            field=models.CharField(
                choices=[
                    ("first_ico", "First hearing (interim care order)"),
                    ("urgent_ico", "Urgent interim care order hearing"),
                    ("cmh", "Case management hearing"),
                    ("further_cmh", "Further case management hearing"),
                    ("irh", "Issues resolution hearing"),
                    ("final", "Final hearing"),
                    ("placement_directions", "Placement order directions hearing"),
                    ("placement_final", "Placement order final hearing"),
                    ("adoption_directions", "Adoption directions hearing"),
                    ("adoption_final", "Adoption final hearing"),
                    ("celebration", "Adoption celebration hearing"),
                    ("other", "Other hearing"),
                ],
                max_length=30,
            ),
        ),
        migrations.AlterField(
            model_name="historicalcourtorder",
            name="ended_on",
            field=models.DateField(blank=True, null=True, verbose_name="date the order ended"),
        ),
        migrations.AlterField(
            model_name="historicalcourtorder",
            name="kind",
            field=models.CharField(
                choices=[
                    ("epo", "Emergency protection order"),
                    ("interim_care", "Interim care order"),
                    ("care", "Care order"),
                    ("interim_supervision", "Interim supervision order"),
                    ("supervision", "Supervision order"),
                    ("placement", "Placement order"),
                    ("sgo", "Special guardianship order"),
                    ("interim_cao", "Interim child arrangements order"),
                    ("cao", "Child arrangements order"),
                    ("s34_4", "Authority to refuse contact (Children Act 1989 s.34(4))"),
                    ("s26_contact", "Contact order (Adoption and Children Act 2002 s.26)"),
                    (
                        "s24_revocation",
                        "Revocation of a placement order (Adoption and Children Act s.24)",
                    ),
                    (
                        "discharge",
                        "Discharge of a care or supervision order (Children Act 1989 s.39)",
                    ),
                    ("adoption", "Adoption order"),
                    (
                        "s51a_contact",
                        "Post-adoption contact order (Adoption and Children Act s.51A)",
                    ),
                    ("no_order", "No order"),
                ],
                max_length=30,
            ),
        ),
        migrations.AlterField(
            model_name="historicalextension",
            name="granted_on",
            field=models.DateField(verbose_name="date the extension was granted"),
        ),
        migrations.AlterField(
            model_name="historicalhearing",
            name="kind",
            field=models.CharField(
                choices=[
                    ("first_ico", "First hearing (interim care order)"),
                    ("urgent_ico", "Urgent interim care order hearing"),
                    ("cmh", "Case management hearing"),
                    ("further_cmh", "Further case management hearing"),
                    ("irh", "Issues resolution hearing"),
                    ("final", "Final hearing"),
                    ("placement_directions", "Placement order directions hearing"),
                    ("placement_final", "Placement order final hearing"),
                    ("adoption_directions", "Adoption directions hearing"),
                    ("adoption_final", "Adoption final hearing"),
                    ("celebration", "Adoption celebration hearing"),
                    ("other", "Other hearing"),
                ],
                max_length=30,
            ),
        ),
        migrations.AddField(
            model_name="careperiod",
            name="child",
            field=models.ForeignKey(
                on_delete=django.db.models.deletion.PROTECT,
                related_name="care_periods",
                to="children.child",
            ),
        ),
        migrations.AddField(
            model_name="careperiod",
            name="created_by",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to=settings.AUTH_USER_MODEL,
            ),
        ),
        migrations.AddField(
            model_name="careperiod",
            name="updated_by",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to=settings.AUTH_USER_MODEL,
            ),
        ),
        migrations.AddField(
            model_name="historicalcareperiod",
            name="child",
            field=models.ForeignKey(
                blank=True,
                db_constraint=False,
                null=True,
                on_delete=django.db.models.deletion.DO_NOTHING,
                related_name="+",
                to="children.child",
            ),
        ),
        migrations.AddField(
            model_name="historicalcareperiod",
            name="created_by",
            field=models.ForeignKey(
                blank=True,
                db_constraint=False,
                null=True,
                on_delete=django.db.models.deletion.DO_NOTHING,
                related_name="+",
                to=settings.AUTH_USER_MODEL,
            ),
        ),
        migrations.AddField(
            model_name="historicalcareperiod",
            name="history_user",
            field=models.ForeignKey(
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="+",
                to=settings.AUTH_USER_MODEL,
            ),
        ),
        migrations.AddField(
            model_name="historicalcareperiod",
            name="updated_by",
            field=models.ForeignKey(
                blank=True,
                db_constraint=False,
                null=True,
                on_delete=django.db.models.deletion.DO_NOTHING,
                related_name="+",
                to=settings.AUTH_USER_MODEL,
            ),
        ),
        migrations.AddField(
            model_name="historicallegalstatusperiod",
            name="child",
            field=models.ForeignKey(
                blank=True,
                db_constraint=False,
                null=True,
                on_delete=django.db.models.deletion.DO_NOTHING,
                related_name="+",
                to="children.child",
            ),
        ),
        migrations.AddField(
            model_name="historicallegalstatusperiod",
            name="created_by",
            field=models.ForeignKey(
                blank=True,
                db_constraint=False,
                null=True,
                on_delete=django.db.models.deletion.DO_NOTHING,
                related_name="+",
                to=settings.AUTH_USER_MODEL,
            ),
        ),
        migrations.AddField(
            model_name="historicallegalstatusperiod",
            name="history_user",
            field=models.ForeignKey(
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="+",
                to=settings.AUTH_USER_MODEL,
            ),
        ),
        migrations.AddField(
            model_name="historicallegalstatusperiod",
            name="order",
            field=models.ForeignKey(
                blank=True,
                db_constraint=False,
                help_text="The order the legal status rests on.",
                null=True,
                on_delete=django.db.models.deletion.DO_NOTHING,
                related_name="+",
                to="children.courtorder",
            ),
        ),
        migrations.AddField(
            model_name="historicallegalstatusperiod",
            name="updated_by",
            field=models.ForeignKey(
                blank=True,
                db_constraint=False,
                null=True,
                on_delete=django.db.models.deletion.DO_NOTHING,
                related_name="+",
                to=settings.AUTH_USER_MODEL,
            ),
        ),
        migrations.AddField(
            model_name="legalstatusperiod",
            name="child",
            field=models.ForeignKey(
                on_delete=django.db.models.deletion.PROTECT,
                related_name="legal_statuses",
                to="children.child",
            ),
        ),
        migrations.AddField(
            model_name="legalstatusperiod",
            name="created_by",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to=settings.AUTH_USER_MODEL,
            ),
        ),
        migrations.AddField(
            model_name="legalstatusperiod",
            name="order",
            field=models.ForeignKey(
                blank=True,
                help_text="The order the legal status rests on.",
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="legal_statuses",
                to="children.courtorder",
            ),
        ),
        migrations.AddField(
            model_name="legalstatusperiod",
            name="updated_by",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to=settings.AUTH_USER_MODEL,
            ),
        ),
        migrations.RunPython(_forwards, _backwards),
        migrations.RemoveField(
            model_name="child",
            name="legal_status",
        ),
        migrations.RemoveField(
            model_name="child",
            name="looked_after_on",
        ),
        migrations.RemoveField(
            model_name="extension",
            name="weeks",
        ),
        migrations.RemoveField(
            model_name="historicalchild",
            name="legal_status",
        ),
        migrations.RemoveField(
            model_name="historicalchild",
            name="looked_after_on",
        ),
        migrations.RemoveField(
            model_name="historicalextension",
            name="weeks",
        ),
        migrations.AddConstraint(
            model_name="courtorder",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("ended_on__isnull", True),
                    ("ended_on__gte", models.F("made_on")),
                    _connector="OR",
                ),
                name="order_ends_after_made",
            ),
        ),
        migrations.AddConstraint(
            model_name="courtorder",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("expires_on__isnull", True),
                    ("expires_on__gte", models.F("made_on")),
                    _connector="OR",
                ),
                name="order_expires_after_made",
            ),
        ),
        migrations.AddConstraint(
            model_name="extension",
            constraint=models.CheckConstraint(
                condition=models.Q(("ends_on__gte", models.F("granted_on"))),
                name="extension_ends_on_or_after_grant",
            ),
        ),
        migrations.AddConstraint(
            model_name="hearing",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("outcome", ""), ("status__in", ["adjourned", "effective"]), _connector="OR"
                ),
                name="hearing_outcome_only_once_happened",
            ),
        ),
        migrations.AddConstraint(
            model_name="careperiod",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("ended_on__isnull", True),
                    ("ended_on__gte", models.F("started_on")),
                    _connector="OR",
                ),
                name="care_period_ends_after_start",
            ),
        ),
        migrations.AddConstraint(
            model_name="careperiod",
            constraint=models.UniqueConstraint(
                condition=models.Q(("ended_on__isnull", True)),
                fields=("child",),
                name="one_open_care_period",
            ),
        ),
        migrations.AddIndex(
            model_name="legalstatusperiod",
            index=models.Index(
                fields=["child", "starts_on"], name="children_le_child_i_a4e9bd_idx"
            ),
        ),
        migrations.AddConstraint(
            model_name="legalstatusperiod",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("ends_on__isnull", True),
                    ("ends_on__gte", models.F("starts_on")),
                    _connector="OR",
                ),
                name="legal_status_ends_after_start",
            ),
        ),
        migrations.AddConstraint(
            model_name="legalstatusperiod",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    models.Q(("basis", "order"), _negated=True),
                    ("order__isnull", False),
                    _connector="OR",
                ),
                name="legal_status_order_basis_names_order",
            ),
        ),
        migrations.AlterField(
            model_name="extension",
            name="ends_on",
            field=models.DateField(verbose_name="date the extended time limit ends"),
        ),
        migrations.AlterField(
            model_name="historicalextension",
            name="ends_on",
            field=models.DateField(verbose_name="date the extended time limit ends"),
        ),
    ]
