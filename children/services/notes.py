"""Case notes: dated progress entries. A note is not edited after saving; a correction is a new
note, so the record shows what was known when."""

from datetime import date

from django.db import transaction

from accounts.dates import not_in_future
from accounts.errors import Errors
from accounts.models import User
from accounts.permissions import require_perm
from accounts.records import save_record

from ..models import CaseNote, Child, NoteKind


def case_note_add_errors(*, happened_on: date | None, summary: str) -> dict[str | None, str]:
    """What is wrong with a case note, by field."""
    errors = Errors()
    not_in_future(errors, "happened_on", happened_on, "Date of the note")
    if not (summary or "").strip():
        errors.add("summary", "Enter a summary of the note")
    return errors.as_dict()


@transaction.atomic
def case_note_add(
    *, child: Child, kind: NoteKind, happened_on: date, summary: str, text: str = "", by: User
) -> CaseNote:
    """Add a case note to the child's record; its author is the user who adds it."""
    require_perm(by, "children.add_case_note", child)
    Errors(case_note_add_errors(happened_on=happened_on, summary=summary)).raise_any()
    note = CaseNote(
        child=child,
        kind=kind,
        happened_on=happened_on,
        summary=summary.strip(),
        text=(text or "").strip(),
    )
    return save_record(note, by=by)
