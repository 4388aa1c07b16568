"""The practice standards checklist that applies to a child."""

from dataclasses import dataclass

from django.db.models import (
    QuerySet,
)

from ..models import Child, ChildStandardRecord, PracticeStandardItem, Route, StandardItemAppliesTo
from ..standards_evidence import evidence_for, source_for


def standard_item_applies(item, child: Child) -> bool:
    """Whether a checklist item applies to a child: items for every child; the pre-birth items
    (e.g. 2.8) for a child identified before birth (the pre-birth route); the consensual items
    (e.g. 2.9) for a relinquished baby."""
    return item.applies_to in _standard_kinds_for(child)


def identified_before_birth(child: Child) -> bool:
    """Unborn when identified: still unborn, or identified before the date of birth."""
    return child.date_of_birth is None or (
        child.identified_on is not None and child.identified_on < child.date_of_birth
    )


def _standard_kinds_for(child: Child) -> list[str]:
    # issue 9 item 11: which Standards apply follows the facts, not the route. A child
    # identified before birth gets the pre-birth items (Std 2.8) whatever the route; a
    # relinquished baby does not get the return-home items (Std 2.7, 5.1).
    kinds = [StandardItemAppliesTo.ALL]
    if identified_before_birth(child):
        kinds.append(StandardItemAppliesTo.UNBORN)
    if child.route == Route.RELINQUISHED:
        kinds.append(StandardItemAppliesTo.CONSENSUAL)
    else:
        kinds.append(StandardItemAppliesTo.RETURN_HOME)
    return kinds


def standard_items_for(*, child: Child) -> QuerySet:
    """The active checklist items that apply to the child, in the checklist's order."""

    return PracticeStandardItem.objects.filter(
        active=True, applies_to__in=_standard_kinds_for(child)
    ).order_by("order", "code")


class ChecklistRow(tuple):
    """(item, record or None), with the record's evidence where a record proves the item
    (``evidence``: ``standards_evidence.Evidence`` or None for a manual item)."""

    def __new__(cls, item, record, evidence=None):
        row = super().__new__(cls, (item, record))
        row.evidence = evidence
        source = source_for(item.code) if evidence is not None else None
        row.explanation = source.explanation if source else ""
        return row

    @property
    def item(self):
        return self[0]

    @property
    def record(self):
        return self[1]

    @property
    def not_applicable(self) -> bool:
        return self.record is not None and self.record.not_applicable

    @property
    def met(self) -> bool:
        if self.not_applicable:
            return False
        if self.evidence is not None:
            return self.evidence.met
        return self.record is not None


@dataclass(frozen=True)
class StandardChecklist:
    """A ``ChecklistRow`` for every item that applies; iterating gives the rows. ``recorded``
    of ``total`` is fair (issue 9 item 11): an item marked not applicable is in neither."""

    rows: list
    recorded: int
    total: int

    def __iter__(self):
        return iter(self.rows)

    def __len__(self) -> int:
        return len(self.rows)


def standard_checklist(*, child: Child) -> StandardChecklist:
    """The child's checklist in two queries (one when the page prefetched the records)."""

    if "standard_records" in getattr(child, "_prefetched_objects_cache", {}):
        records = child.standard_records.all()
    else:
        records = ChildStandardRecord.objects.filter(child=child).select_related(
            "created_by", "verified_by"
        )
    by_item = {record.item_id: record for record in records}
    rows = [
        ChecklistRow(item, by_item.get(item.pk), evidence_for(item.code, child))
        for item in standard_items_for(child=child)
    ]
    return StandardChecklist(
        rows=rows,
        recorded=sum(1 for row in rows if row.met),
        total=sum(1 for row in rows if not row.not_applicable),
    )
