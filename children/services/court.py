"""Writes to the court record: PLO pre-proceedings, proceedings and the 26-week limit, extensions,
hearings and their directions, and orders. Section 19 consent is in ``consent``.

The models cannot know "today", nor compare one record with another (a hearing with the date its
proceedings were issued), so those rules live here. Each refusal is a ValidationError keyed by
the form field it is about, so the page puts the message beside what was typed. Records that
another write depends on are locked (``select_for_update``) so two people acting at once cannot
leave, say, an order dated differently from its hearing.
"""

from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max

from accounts.models import User

from ..models import (
    Child,
    CourtOrder,
    Direction,
    Extension,
    Hearing,
    PreProceedings,
    Proceedings,
)
from ..selectors import format_date
from .core import not_in_future, require_perm, save_record

CHANGE = "children.change_child"
MAX_EXTENSION_WEEKS = 8  # Children Act 1989 s.32(5) and (8): each extension at most 8 weeks

ISSUED = "Date proceedings were issued"
HEARING = "Date of the hearing"
EXTENSION = "Date the extension was granted"
ORDER = "Date the order was made"
CONSIDERED = "Date Section 19 was considered"
WITNESSED = "Date Cafcass witnessed consent"
WITHDRAWN = "Date consent was withdrawn"
WRONG_HEARING = "Choose a hearing in this child's proceedings"
NOT_A_PARENT = "Choose the child's mother, father or alleged father"


class _Errors(dict):
    """Field → message, keeping the first problem found for each field."""

    def add(self, field: str, message: str) -> None:
        self.setdefault(field, message)

    def not_future(self, field: str, day: date | None, subject: str) -> None:
        not_in_future(self, field, day, subject)

    def not_before(self, field: str, day: date | None, subject: str, limit: date | None, what):
        if day is not None and limit is not None and day < limit:
            self.add(field, f"{subject} must be on or after {what} ({format_date(limit)})")

    def raise_any(self) -> None:
        if self:
            raise ValidationError(dict(self))


def _locked_proceedings(proceedings: Proceedings) -> Proceedings:
    return (
        Proceedings.objects.select_for_update(of=("self",))
        .select_related("child")
        .get(pk=proceedings.pk)
    )


def _locked_hearing(hearing: Hearing) -> Hearing:
    return (
        Hearing.objects.select_for_update(of=("self",))
        .select_related("proceedings__child")
        .get(pk=hearing.pk)
    )


# --- pre-proceedings ---------------------------------------------------------------------------


@transaction.atomic
def pre_proceedings_record(
    *,
    child: Child,
    by: User,
    plo_letter_on: date | None = None,
    plo_meeting_on: date | None = None,
    notes: str = "",
) -> PreProceedings:
    """Record, or change, the child's PLO pre-proceedings: the letter, the meeting and notes."""
    child = Child.objects.select_for_update().get(pk=child.pk)  # one PLO record per child
    require_perm(by, CHANGE, child)
    errors = _Errors()
    errors.not_future("plo_letter_on", plo_letter_on, "Date of the PLO letter")
    errors.not_before(
        "plo_meeting_on",
        plo_meeting_on,
        "Date of the PLO meeting",
        plo_letter_on,
        "the date of the PLO letter",
    )
    errors.raise_any()
    record = PreProceedings.objects.filter(child=child).first() or PreProceedings(child=child)
    record.plo_letter_on = plo_letter_on
    record.plo_meeting_on = plo_meeting_on
    record.notes = notes
    return save_record(record, by=by)


# --- proceedings -------------------------------------------------------------------------------


def _check_issue_date(errors: _Errors, child: Child, issued_on: date) -> None:
    errors.not_future("issued_on", issued_on, ISSUED)
    if child.is_unborn:
        # care proceedings are about a child: they are issued once the baby is born
        errors.add("issued_on", "Record the birth before recording care proceedings")
    else:
        errors.not_before("issued_on", issued_on, ISSUED, child.date_of_birth, "the date of birth")


@transaction.atomic
def proceedings_issue(
    *, child: Child, court: str, case_number: str, issued_on: date, by: User
) -> Proceedings:
    """Record that proceedings were issued: court, case number and issue date."""
    require_perm(by, CHANGE, child)
    errors = _Errors()
    _check_issue_date(errors, child, issued_on)
    errors.raise_any()
    proceedings = Proceedings(
        child=child, court=court, case_number=case_number, issued_on=issued_on
    )
    return save_record(proceedings, by=by)


@transaction.atomic
def proceedings_update(
    *, proceedings: Proceedings, court: str, case_number: str, issued_on: date, by: User
) -> Proceedings:
    """Correct the court, case number or issue date of proceedings."""
    proceedings = _locked_proceedings(proceedings)
    require_perm(by, CHANGE, proceedings.child)
    errors = _Errors()
    _check_issue_date(errors, proceedings.child, issued_on)
    first_hearing = proceedings.hearings.order_by("listed_on").first()
    first_extension = proceedings.extensions.order_by("granted_on").first()
    for day, what in (
        (first_hearing and first_hearing.listed_on, "the first hearing"),
        (first_extension and first_extension.granted_on, "the first extension"),
        (proceedings.concluded_on, "the date proceedings concluded"),
    ):
        if day is not None and issued_on > day:
            errors.add("issued_on", f"{ISSUED} must be on or before {what} ({format_date(day)})")
    errors.raise_any()
    proceedings.court = court
    proceedings.case_number = case_number
    proceedings.issued_on = issued_on
    return save_record(proceedings, by=by)


@transaction.atomic
def proceedings_conclude(*, proceedings: Proceedings, concluded_on: date, by: User) -> Proceedings:
    """Record the date proceedings concluded (the 26-week clock stops)."""
    proceedings = _locked_proceedings(proceedings)
    require_perm(by, CHANGE, proceedings.child)
    errors = _Errors()
    subject = "Date proceedings concluded"
    errors.not_future("concluded_on", concluded_on, subject)
    errors.not_before(
        "concluded_on",
        concluded_on,
        subject,
        proceedings.issued_on,
        "the date proceedings were issued",
    )
    last_hearing = proceedings.hearings.aggregate(last=Max("listed_on"))["last"]
    last_extension = proceedings.extensions.aggregate(last=Max("granted_on"))["last"]
    for last, what in ((last_hearing, "the last hearing"), (last_extension, "the last extension")):
        if last and concluded_on < last:
            errors.add(
                "concluded_on", f"{subject} must be on or after {what} ({format_date(last)})"
            )
    errors.raise_any()
    proceedings.concluded_on = concluded_on
    return save_record(proceedings, by=by)


@transaction.atomic
def extension_grant(
    *, proceedings: Proceedings, weeks: int, granted_on: date, reason: str, by: User
) -> Extension:
    """Record an extension of the 26-week limit granted by the court (1 to 8 weeks)."""
    proceedings = _locked_proceedings(proceedings)
    require_perm(by, CHANGE, proceedings.child)
    errors = _Errors()
    if not isinstance(weeks, int) or not 1 <= weeks <= MAX_EXTENSION_WEEKS:
        errors.add("weeks", f"Extension must be between 1 and {MAX_EXTENSION_WEEKS} weeks")
    errors.not_future("granted_on", granted_on, EXTENSION)
    errors.not_before(
        "granted_on",
        granted_on,
        EXTENSION,
        proceedings.issued_on,
        "the date proceedings were issued",
    )
    if proceedings.concluded_on and granted_on > proceedings.concluded_on:
        errors.add(
            "granted_on",
            f"{EXTENSION} must be on or before the date proceedings concluded "
            f"({format_date(proceedings.concluded_on)})",
        )
    if not reason.strip():
        errors.add("reason", "Enter the reason the court gave for the extension")
    errors.raise_any()
    extension = Extension(
        proceedings=proceedings, weeks=weeks, granted_on=granted_on, reason=reason.strip()
    )
    return save_record(extension, by=by)


# --- hearings and directions -------------------------------------------------------------------


@transaction.atomic
def hearing_add(
    *, proceedings: Proceedings, kind: str, listed_on: date, by: User, outcome: str = ""
) -> Hearing:
    """List a hearing in the proceedings (with its outcome, once heard)."""
    proceedings = _locked_proceedings(proceedings)
    require_perm(by, CHANGE, proceedings.child)
    errors = _Errors()
    errors.not_before(
        "listed_on", listed_on, HEARING, proceedings.issued_on, "the date proceedings were issued"
    )
    errors.raise_any()
    hearing = Hearing(proceedings=proceedings, kind=kind, listed_on=listed_on, outcome=outcome)
    return save_record(hearing, by=by)


@transaction.atomic
def hearing_update(
    *, hearing: Hearing, kind: str, listed_on: date, by: User, outcome: str = ""
) -> Hearing:
    """Change a hearing's kind or date, or record its outcome.

    Orders made at the hearing carry its date, so a corrected date moves them with it.
    """
    hearing = _locked_hearing(hearing)
    proceedings = hearing.proceedings
    require_perm(by, CHANGE, proceedings.child)
    errors = _Errors()
    errors.not_before(
        "listed_on", listed_on, HEARING, proceedings.issued_on, "the date proceedings were issued"
    )
    first_direction = hearing.directions.order_by("due_on").first()
    if first_direction is not None and listed_on > first_direction.due_on:
        errors.add(
            "listed_on",
            f"{HEARING} must be on or before the date its first direction is due "
            f"({format_date(first_direction.due_on)})",
        )
    orders = list(hearing.orders.select_for_update())
    if orders and listed_on > date.today():
        errors.add("listed_on", f"{HEARING} must be today or in the past: an order was made at it")
    errors.raise_any()
    hearing.kind = kind
    hearing.listed_on = listed_on
    hearing.outcome = outcome
    save_record(hearing, by=by)
    for order in orders:
        if order.made_on != listed_on:
            order.made_on = listed_on
            save_record(order, by=by)
    return hearing


@transaction.atomic
def direction_add(*, hearing: Hearing, text: str, due_on: date, by: User) -> Direction:
    """Record a direction the court made at a hearing, with the date it is due."""
    hearing = _locked_hearing(hearing)
    require_perm(by, CHANGE, hearing.proceedings.child)
    errors = _Errors()
    if not text.strip():
        errors.add("text", "Enter the direction")
    errors.not_before(
        "due_on", due_on, "Date the direction is due", hearing.listed_on, "the date of the hearing"
    )
    errors.raise_any()
    return save_record(Direction(hearing=hearing, text=text.strip(), due_on=due_on), by=by)


@transaction.atomic
def direction_mark_complied(*, direction: Direction, complied_on: date, by: User) -> Direction:
    """Record the date a direction was complied with."""
    direction = (
        Direction.objects.select_for_update(of=("self",))
        .select_related("hearing__proceedings__child")
        .get(pk=direction.pk)
    )
    require_perm(by, CHANGE, direction.hearing.proceedings.child)
    errors = _Errors()
    subject = "Date the direction was complied with"
    errors.not_future("complied_on", complied_on, subject)
    errors.not_before(
        "complied_on", complied_on, subject, direction.hearing.listed_on, "the date of the hearing"
    )
    errors.raise_any()
    direction.complied_on = complied_on
    return save_record(direction, by=by)


# --- orders ------------------------------------------------------------------------------------


@transaction.atomic
def order_record(
    *,
    child: Child,
    kind: str,
    made_on: date,
    by: User,
    hearing: Hearing | None = None,
    notes: str = "",
) -> CourtOrder:
    """Record an order the court made, at a hearing of the child's proceedings or otherwise."""
    require_perm(by, CHANGE, child)
    errors = _Errors()
    if hearing is not None:
        hearing = _locked_hearing(hearing)
        # the page offers only this child's hearings; a crafted request could name another's
        if hearing.proceedings.child_id != child.pk:
            raise ValidationError({"hearing": WRONG_HEARING})
    errors.not_future("made_on", made_on, ORDER)
    if child.date_of_birth is None:
        errors.add("made_on", "Record the birth before recording an order for the child")
    else:
        errors.not_before("made_on", made_on, ORDER, child.date_of_birth, "the date of birth")
    if hearing is not None and made_on != hearing.listed_on:
        errors.add(
            "made_on",
            f"{ORDER} must be the date of the hearing ({format_date(hearing.listed_on)})",
        )
    errors.raise_any()
    order = CourtOrder(child=child, kind=kind, made_on=made_on, hearing=hearing, notes=notes)
    return save_record(order, by=by)


# --- Section 19 consent ------------------------------------------------------------------------
