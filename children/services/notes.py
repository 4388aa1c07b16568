"""Case notes: dated progress entries. A note is not edited after saving; a correction is a new
note, so the record shows what was known when."""

from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction

from accounts.models import User

from ..models import CaseNote, Child
from .core import not_in_future, require_perm, save_record


def case_note_errors(*, happened_on: date | None, summary: str) -> dict[str, str]:
    errors = {}
    not_in_future(errors, "happened_on", happened_on, "Date of the note")
    if not (summary or "").strip():
        errors["summary"] = "Enter a summary of the note"
    return errors


@transaction.atomic
def case_note_add(
    *, child: Child, kind: str, happened_on: date, summary: str, text: str = "", by: User
) -> CaseNote:
    """Add a case note to the child's record; its author is the user who adds it."""
    require_perm(by, "children.add_case_note", child)
    errors = case_note_errors(happened_on=happened_on, summary=summary)
    if errors:
        raise ValidationError(errors)
    note = CaseNote(
        child=child,
        kind=kind,
        happened_on=happened_on,
        summary=summary.strip(),
        text=(text or "").strip(),
    )
    return save_record(note, by=by)
