"""The National Practice Standards checklist: mark an item met for a child, or take the mark back.

Items are reference data (admin); only an active item that applies to the child can be marked
(a pre-birth item for a child identified before birth, a consensual item for a relinquished baby).
"""

from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction

from accounts.dates import not_in_future
from accounts.errors import Errors
from accounts.models import User
from accounts.permissions import require_perm
from accounts.records import save_record

from ..models import Child, ChildStandardRecord, PracticeStandardItem
from ..selectors import standard_item_applies


def standard_mark_met_errors(
    *, child: Child, item: PracticeStandardItem, met_on: date | None
) -> dict[str | None, str]:
    """What is wrong with marking the item met for the child, by field."""
    errors = Errors()
    if not item.active:
        errors.add("item", f"Standard {item.code} is no longer in use")
    elif not standard_item_applies(item, child):
        errors.add("item", f"Standard {item.code} does not apply to this child")
    not_in_future(errors, "met_on", met_on, "Date the standard was met")
    return errors.as_dict()


@transaction.atomic
def standard_mark_met(
    *, child: Child, item: PracticeStandardItem, met_on: date, note: str = "", by: User
) -> ChildStandardRecord:
    """Record that a checklist item is met for the child (or change when), with a note."""
    child = Child.objects.select_for_update().get(pk=child.pk)
    require_perm(by, "children.change_child", child)
    Errors(standard_mark_met_errors(child=child, item=item, met_on=met_on)).raise_any()
    record = ChildStandardRecord.objects.filter(child=child, item=item).first()
    if record is None:
        record = ChildStandardRecord(child=child, item=item)
    record.met_on = met_on
    record.note = (note or "").strip()
    return save_record(record, by=by)


@transaction.atomic
def standard_unmark(*, child: Child, item: PracticeStandardItem, by: User) -> None:
    """Take back a mark recorded in error; its history keeps who recorded and who removed it."""
    child = Child.objects.select_for_update().get(pk=child.pk)
    require_perm(by, "children.change_child", child)
    record = ChildStandardRecord.objects.filter(child=child, item=item).first()
    if record is None:
        raise ValidationError(f"Standard {item.code} is not recorded as met for this child")
    record._history_user = by  # the deletion's entry in the history names who removed it
    record.delete()
