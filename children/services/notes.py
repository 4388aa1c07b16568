"""Case notes: dated progress entries. A note is not edited after saving; a correction is a new
note, so the record shows what was known when."""

from datetime import date

from django.db import transaction

from accounts.dates import add_months, format_date, not_in_future
from accounts.errors import Errors
from accounts.models import User
from accounts.permissions import require_perm
from accounts.records import save_record

from ..models import CaseNote, Child, NoteKind
from ..models.child import MAX_MONTHS_TO_DELIVERY


def earliest_note_date(child: Child) -> date | None:
    """No note about a baby is dated before the pregnancy: 10 months before the expected date of
    delivery (an unborn baby) or the birth."""
    start = child.date_of_birth or child.expected_delivery_date
    return add_months(start, -MAX_MONTHS_TO_DELIVERY) if start else None


def case_note_add_errors(
    *, child: Child | None, happened_on: date | None, summary: str
) -> dict[str | None, str]:
    """What is wrong with a case note, by field."""
    errors = Errors()
    not_in_future(errors, "happened_on", happened_on, "Date of the note")
    earliest = earliest_note_date(child) if child is not None else None
    if happened_on and earliest and happened_on < earliest and "happened_on" not in errors:
        when = "the baby is due" if child.is_unborn else "the child's birth"
        errors.add(
            "happened_on",
            f"Date of the note must be on or after {format_date(earliest)} "
            f"({MAX_MONTHS_TO_DELIVERY} months before {when})",
        )
    if not (summary or "").strip():
        errors.add("summary", "Enter a summary of the note")
    return errors.as_dict()


@transaction.atomic
def case_note_add(
    *, child: Child, kind: NoteKind, happened_on: date, summary: str, text: str = "", by: User
) -> CaseNote:
    """Add a case note to the child's record; its author is the user who adds it."""
    require_perm(by, "children.add_case_note", child)
    Errors(case_note_add_errors(child=child, happened_on=happened_on, summary=summary)).raise_any()
    note = CaseNote(
        child=child,
        kind=kind,
        happened_on=happened_on,
        summary=summary.strip(),
        text=(text or "").strip(),
    )
    return save_record(note, by=by)
