"""The practice standards checklist that applies to a child."""

from dataclasses import dataclass

from django.db.models import (
    QuerySet,
)

from ..models import Child, ChildStandardRecord, PracticeStandardItem, Route, StandardItemAppliesTo


def standard_item_applies(item, child: Child) -> bool:
    """Whether a checklist item applies to a child: items for every child; the pre-birth items
    (e.g. 2.8) for a child identified before birth (the pre-birth route); the consensual items
    (e.g. 2.9) for a relinquished baby."""
    return item.applies_to in _standard_kinds_for(child)


def _standard_kinds_for(child: Child) -> list[str]:

    kinds = [StandardItemAppliesTo.ALL]
    if child.route == Route.PRE_BIRTH:
        kinds.append(StandardItemAppliesTo.UNBORN)
    if child.route == Route.RELINQUISHED:
        kinds.append(StandardItemAppliesTo.CONSENSUAL)
    return kinds


def standard_items_for(*, child: Child) -> QuerySet:
    """The active checklist items that apply to the child, in the checklist's order."""

    return PracticeStandardItem.objects.filter(
        active=True, applies_to__in=_standard_kinds_for(child)
    ).order_by("order", "code")


@dataclass(frozen=True)
class StandardChecklist:
    """(item, record or None) for every item that applies; iterating gives the pairs."""

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
        records = ChildStandardRecord.objects.filter(child=child).select_related("created_by")
    by_item = {record.item_id: record for record in records}
    rows = [(item, by_item.get(item.pk)) for item in standard_items_for(child=child)]
    return StandardChecklist(
        rows=rows,
        recorded=sum(1 for _, record in rows if record is not None),
        total=len(rows),
    )
