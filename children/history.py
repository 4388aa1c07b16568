"""Every change to a child's record: who, when, and what changed (from django-simple-history).

One query per kind of record, whatever the number of changes: the differences between versions
are worked out here from the rows already loaded, not by asking the database for each previous
version.
"""

from dataclasses import dataclass
from datetime import datetime

from django.db import models

from . import models as m

KINDS = {"+": "Added", "~": "Changed", "-": "Removed"}
SKIP = {
    "id",
    "created_at",
    "updated_at",
    "created_by",
    "updated_by",
    "history_id",
    "history_date",
    "history_user",
    "history_type",
    "history_change_reason",
    "history_relation",
}


@dataclass(frozen=True)
class Change:
    when: datetime
    by: str
    record: str
    action: str
    fields: list  # [(label, old, new)]
    sequence: int = 0  # tie-break for changes in the same instant


def _label(model, name):
    try:
        return str(model._meta.get_field(name).verbose_name).capitalize()
    except Exception:  # noqa: BLE001 - a field removed since the row was written
        return name


def _value(model, row, field: models.Field) -> str:
    value = getattr(row, field.attname)
    if value is None or value == "":
        return "–"
    if field.choices:
        return str(dict(field.flatchoices).get(value, value))
    if hasattr(value, "strftime"):
        return f"{value.day} {value:%B %Y}" if not hasattr(value, "hour") else f"{value:%d/%m/%Y}"
    if isinstance(field, models.ForeignKey):
        return f"#{value}"
    return str(value)


def _sources(child):
    proceedings = m.Proceedings.objects.filter(child=child).values("pk")
    hearings = m.Hearing.objects.filter(proceedings__child=child).values("pk")
    by_child = {"child_id": child.pk}
    return [
        (m.Child, "Child's details", {"id": child.pk}),
        (m.SiblingGroup, "Sibling group", {"id": child.sibling_group_id or 0}),
        (m.FamilyMember, "Family member", by_child),
        (m.ViabilityAssessment, "Viability assessment", by_child),
        (m.PaternityTest, "Paternity test", by_child),
        (m.TwinTrackPlan, "Twin-track plan", by_child),
        (m.LookedAfterReview, "Looked-after review", by_child),
        (m.IROConcern, "IRO concern", by_child),
        (m.PreProceedings, "Pre-proceedings", by_child),
        (m.Proceedings, "Proceedings", by_child),
        (m.Extension, "Extension", {"proceedings_id__in": proceedings}),
        (m.Hearing, "Hearing", {"proceedings_id__in": proceedings}),
        (m.Direction, "Direction", {"hearing_id__in": hearings}),
        (m.CourtOrder, "Court order", by_child),
        (m.Section19Consent, "Section 19 consent", by_child),
        (m.CaseNote, "Case note", by_child),
        (m.ChildStandardRecord, "Practice standard", by_child),
    ]


# Shown only to the child's own team (children.view_family_contact_details), here as on the record.
CONTACT_FIELDS = {m.FamilyMember: {"address", "phone", "email"}}


def changes_for(child, *, contact_details: bool) -> list[Change]:
    """Every version of every record of the child, newest first, each with what it changed.

    ``contact_details`` says whether the viewer may see family members' contact details.
    """
    changes = []
    for model, record_label, filters in _sources(child):
        hidden = set() if contact_details else CONTACT_FIELDS.get(model, set())
        fields = [f for f in model._meta.concrete_fields if f.name not in SKIP | hidden]
        rows = (
            model.history.filter(**filters)
            .select_related("history_user")
            .order_by("id", "history_date", "history_id")
        )
        previous = {}
        for row in rows:
            before = previous.get(row.id)
            diffs = []
            for field in fields:
                new = _value(model, row, field)
                old = _value(model, before, field) if before is not None else None
                if before is None:
                    if new != "–" and row.history_type == "+":
                        diffs.append((_label(model, field.name), "", new))
                elif old != new:
                    diffs.append((_label(model, field.name), old, new))
            previous[row.id] = row
            if before is not None and not diffs and row.history_type == "~":
                continue  # a save that changed nothing
            user = row.history_user
            changes.append(
                Change(
                    when=row.history_date,
                    by=(user.get_full_name() or user.username) if user else "System",
                    record=record_label,
                    action=KINDS.get(row.history_type, row.history_type),
                    fields=diffs,
                    sequence=row.history_id,
                )
            )
    return sorted(changes, key=lambda c: (c.when, c.sequence), reverse=True)
