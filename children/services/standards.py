"""The National Practice Standards checklist: mark an item met for a child, or take the mark back.

Items are reference data (admin); only an active item that applies to the child can be marked
(a pre-birth item for a child identified before birth, a consensual item for a relinquished baby).
"""

from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction

from accounts.clock import today as england_today
from accounts.dates import not_in_future
from accounts.errors import Errors
from accounts.models import User
from accounts.permissions import require_perm
from accounts.records import save_record

from ..models import Child, ChildStandardRecord, PracticeStandardItem
from ..selectors import standard_item_applies
from ..standards_evidence import source_for


def standard_mark_met_errors(
    *, child: Child, item: PracticeStandardItem, met_on: date | None
) -> dict[str | None, str]:
    """What is wrong with marking the item met for the child, by field."""
    errors = Errors()
    if not item.active:
        errors.add("item", f"Standard {item.code} is no longer in use")
    elif not standard_item_applies(item, child):
        errors.add("item", f"Standard {item.code} does not apply to this child")
    elif (source := source_for(item.code)) is not None:
        # issue 9 item 10: evidence comes from the record that proves it, not a tick
        errors.add("item", f"Standard {item.code} is shown from the record: {source.hint} instead")
    not_in_future(errors, "met_on", met_on, "Date the standard was met")
    return errors.as_dict()


def standard_not_applicable_errors(
    *, child: Child, item: PracticeStandardItem, reason: str
) -> dict[str | None, str]:
    """What is wrong with marking the item not applicable to the child (issue 9 item 11)."""
    errors = Errors()
    if not item.active:
        errors.add("item", f"Standard {item.code} is no longer in use")
    elif not standard_item_applies(item, child):
        errors.add("item", f"Standard {item.code} does not apply to this child")
    if not (reason or "").strip():
        errors.add("reason", "Enter why the standard does not apply to this child")
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
    # a changed mark is verified again; it is no longer "not applicable"
    record.not_applicable, record.reason = False, ""
    record.verified_by, record.verified_on = None, None
    return save_record(record, by=by)


@transaction.atomic
def standard_mark_not_applicable(
    *, child: Child, item: PracticeStandardItem, reason: str, by: User
) -> ChildStandardRecord:
    """Mark a checklist item as not applicable to the child, with why (so "X of Y" is fair)."""
    child = Child.objects.select_for_update().get(pk=child.pk)
    require_perm(by, "children.change_child", child)
    Errors(standard_not_applicable_errors(child=child, item=item, reason=reason)).raise_any()
    record = ChildStandardRecord.objects.filter(child=child, item=item).first()
    if record is None:
        record = ChildStandardRecord(child=child, item=item)
    record.not_applicable, record.reason = True, reason.strip()
    record.met_on, record.note = None, ""
    record.verified_by, record.verified_on = None, None
    return save_record(record, by=by)


@transaction.atomic
def standard_verify(*, child: Child, item: PracticeStandardItem, by: User) -> ChildStandardRecord:
    """A team manager or the IRO verifies a manual mark (met, or not applicable)."""
    child = Child.objects.select_for_update().get(pk=child.pk)
    require_perm(by, "children.verify_standard", child)
    record = ChildStandardRecord.objects.filter(child=child, item=item).first()
    if record is None:
        raise ValidationError(f"Standard {item.code} has no mark to verify for this child")
    record.verified_by, record.verified_on = by, england_today()
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
