"""Writes to the court record: proceedings and the 26-week limit, extensions, hearings and their
directions, and orders. Pre-proceedings are in ``preproceedings``; consent to placement for
adoption, parental responsibility, Part 19 applications and section 20 in ``consent``.

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

from accounts.clock import today
from accounts.dates import format_date, not_before, not_in_future
from accounts.errors import Errors
from accounts.models import User
from accounts.permissions import require_perm
from accounts.records import save_record

from ..events import ChildEvent, child_emit, child_emit_change
from ..models import (
    Child,
    CourtOrder,
    Direction,
    Extension,
    Hearing,
    HearingKind,
    OrderKind,
    Proceedings,
)

CHANGE = "children.change_child"
MAX_EXTENSION_WEEKS = 8  # Children Act 1989 s.32(5) and (8): each extension at most 8 weeks

ISSUED = "Date proceedings were issued"
HEARING = "Date of the hearing"
EXTENSION = "Date the extension was granted"
ORDER = "Date the order was made"
WRONG_HEARING = "Choose a hearing in this child's proceedings"


def on_or_after(
    errors: Errors, field: str, day: date | None, subject: str, limit: date | None, what: str
) -> None:
    """Refuse a date before ``limit``: "<subject> must be on or after <what> (12 March 2026)"."""
    if limit is not None:
        not_before(
            errors,
            field,
            day,
            limit,
            f"{subject} must be on or after {what} ({format_date(limit)})",
        )


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


# --- proceedings -------------------------------------------------------------------------------


def proceedings_issue_errors(*, child: Child, issued_on: date | None) -> dict[str | None, str]:
    """What is wrong with an issue date for the child's proceedings, by field."""
    errors = Errors()
    not_in_future(errors, "issued_on", issued_on, ISSUED)
    if child.is_unborn:
        # care proceedings are about a child: they are issued once the baby is born
        errors.add("issued_on", "Record the birth before recording care proceedings")
    else:
        on_or_after(
            errors, "issued_on", issued_on, ISSUED, child.date_of_birth, "the date of birth"
        )
    return errors.as_dict()


def proceedings_update_errors(
    *, proceedings: Proceedings, issued_on: date | None
) -> dict[str | None, str]:
    """What is wrong with a corrected issue date: the child's dates and the records after it."""
    errors = Errors(proceedings_issue_errors(child=proceedings.child, issued_on=issued_on))
    first_hearing = proceedings.hearings.order_by("listed_on").first()
    first_extension = proceedings.extensions.order_by("granted_on").first()
    for day, what in (
        (first_hearing and first_hearing.listed_on, "the first hearing"),
        (first_extension and first_extension.granted_on, "the first extension"),
        (proceedings.concluded_on, "the date proceedings concluded"),
    ):
        if day is not None and issued_on is not None and issued_on > day:
            errors.add("issued_on", f"{ISSUED} must be on or before {what} ({format_date(day)})")
    return errors.as_dict()


@transaction.atomic
def proceedings_issue(
    *, child: Child, court: str, case_number: str, issued_on: date, by: User
) -> Proceedings:
    """Record that proceedings were issued: court, case number and issue date."""
    require_perm(by, CHANGE, child)
    Errors(proceedings_issue_errors(child=child, issued_on=issued_on)).raise_any()
    proceedings = Proceedings(
        child=child, court=court, case_number=case_number, issued_on=issued_on
    )
    save_record(proceedings, by=by)
    child_emit(ChildEvent.PROCEEDINGS_ISSUED, child=child, on=issued_on, by=by, record=proceedings)
    return proceedings


@transaction.atomic
def proceedings_update(
    *, proceedings: Proceedings, court: str, case_number: str, issued_on: date, by: User
) -> Proceedings:
    """Correct the court, case number or issue date of proceedings."""
    proceedings = _locked_proceedings(proceedings)
    require_perm(by, CHANGE, proceedings.child)
    Errors(proceedings_update_errors(proceedings=proceedings, issued_on=issued_on)).raise_any()
    issued_before = proceedings.issued_on
    proceedings.court = court
    proceedings.case_number = case_number
    proceedings.issued_on = issued_on
    save_record(proceedings, by=by)
    child_emit_change(
        ChildEvent.PROCEEDINGS_ISSUED,
        child=proceedings.child,
        before=issued_before,
        after=issued_on,
        by=by,
        record=proceedings,
    )
    return proceedings


def proceedings_conclude_errors(
    *, proceedings: Proceedings, concluded_on: date | None
) -> dict[str | None, str]:
    """What is wrong with the date proceedings concluded: not before anything in them."""
    errors = Errors()
    subject = "Date proceedings concluded"
    not_in_future(errors, "concluded_on", concluded_on, subject)
    on_or_after(
        errors,
        "concluded_on",
        concluded_on,
        subject,
        proceedings.issued_on,
        "the date proceedings were issued",
    )
    last_hearing = proceedings.hearings.aggregate(last=Max("listed_on"))["last"]
    last_extension = proceedings.extensions.aggregate(last=Max("granted_on"))["last"]
    for last, what in ((last_hearing, "the last hearing"), (last_extension, "the last extension")):
        on_or_after(errors, "concluded_on", concluded_on, subject, last, what)
    return errors.as_dict()


@transaction.atomic
def proceedings_conclude(*, proceedings: Proceedings, concluded_on: date, by: User) -> Proceedings:
    """Record the date proceedings concluded (the 26-week clock stops)."""
    proceedings = _locked_proceedings(proceedings)
    require_perm(by, CHANGE, proceedings.child)
    Errors(
        proceedings_conclude_errors(proceedings=proceedings, concluded_on=concluded_on)
    ).raise_any()
    concluded_before = proceedings.concluded_on
    proceedings.concluded_on = concluded_on
    save_record(proceedings, by=by)
    child_emit_change(
        ChildEvent.PROCEEDINGS_CONCLUDED,
        child=proceedings.child,
        before=concluded_before,
        after=concluded_on,
        by=by,
        record=proceedings,
    )
    return proceedings


def extension_grant_errors(
    *, proceedings: Proceedings, weeks: int | None, granted_on: date | None, reason: str
) -> dict[str | None, str]:
    """What is wrong with an extension: 1 to 8 weeks, granted while the proceedings ran."""
    errors = Errors()
    if not isinstance(weeks, int) or not 1 <= weeks <= MAX_EXTENSION_WEEKS:
        errors.add("weeks", f"Extension must be between 1 and {MAX_EXTENSION_WEEKS} weeks")
    not_in_future(errors, "granted_on", granted_on, EXTENSION)
    on_or_after(
        errors,
        "granted_on",
        granted_on,
        EXTENSION,
        proceedings.issued_on,
        "the date proceedings were issued",
    )
    concluded_on = proceedings.concluded_on
    if concluded_on and granted_on and granted_on > concluded_on:
        errors.add(
            "granted_on",
            f"{EXTENSION} must be on or before the date proceedings concluded "
            f"({format_date(concluded_on)})",
        )
    if not (reason or "").strip():
        errors.add("reason", "Enter the reason the court gave for the extension")
    return errors.as_dict()


@transaction.atomic
def extension_grant(
    *, proceedings: Proceedings, weeks: int, granted_on: date, reason: str, by: User
) -> Extension:
    """Record an extension of the 26-week limit granted by the court (1 to 8 weeks)."""
    proceedings = _locked_proceedings(proceedings)
    require_perm(by, CHANGE, proceedings.child)
    Errors(
        extension_grant_errors(
            proceedings=proceedings, weeks=weeks, granted_on=granted_on, reason=reason
        )
    ).raise_any()
    extension = Extension(
        proceedings=proceedings, weeks=weeks, granted_on=granted_on, reason=reason.strip()
    )
    save_record(extension, by=by)
    child_emit(
        ChildEvent.EXTENSION_GRANTED,
        child=proceedings.child,
        on=granted_on,
        by=by,
        record=extension,
    )
    return extension


# --- hearings and directions -------------------------------------------------------------------


def hearing_add_errors(
    *, proceedings: Proceedings, listed_on: date | None
) -> dict[str | None, str]:
    """What is wrong with the date of a hearing in the proceedings."""
    errors = Errors()
    on_or_after(
        errors,
        "listed_on",
        listed_on,
        HEARING,
        proceedings.issued_on,
        "the date proceedings were issued",
    )
    return errors.as_dict()


@transaction.atomic
def hearing_add(
    *, proceedings: Proceedings, kind: HearingKind, listed_on: date, by: User, outcome: str = ""
) -> Hearing:
    """List a hearing in the proceedings (with its outcome, once heard)."""
    proceedings = _locked_proceedings(proceedings)
    require_perm(by, CHANGE, proceedings.child)
    Errors(hearing_add_errors(proceedings=proceedings, listed_on=listed_on)).raise_any()
    hearing = Hearing(proceedings=proceedings, kind=kind, listed_on=listed_on, outcome=outcome)
    save_record(hearing, by=by)
    child = proceedings.child
    child_emit(ChildEvent.HEARING_LISTED, child=child, on=listed_on, by=by, record=hearing)
    if hearing.outcome.strip():
        child_emit(ChildEvent.HEARING_HEARD, child=child, on=listed_on, by=by, record=hearing)
    return hearing


def hearing_update_errors(*, hearing: Hearing, listed_on: date | None) -> dict[str | None, str]:
    """What is wrong with a hearing's changed date: its proceedings, directions and orders."""
    errors = Errors(hearing_add_errors(proceedings=hearing.proceedings, listed_on=listed_on))
    if listed_on is None:
        return errors.as_dict()
    first_direction = hearing.directions.order_by("due_on").first()
    if first_direction is not None and listed_on > first_direction.due_on:
        errors.add(
            "listed_on",
            f"{HEARING} must be on or before the date its first direction is due "
            f"({format_date(first_direction.due_on)})",
        )
    if listed_on > today() and hearing.orders.exists():
        errors.add("listed_on", f"{HEARING} must be today or in the past: an order was made at it")
    return errors.as_dict()


@transaction.atomic
def hearing_update(
    *, hearing: Hearing, kind: HearingKind, listed_on: date, by: User, outcome: str = ""
) -> Hearing:
    """Change a hearing's kind or date, or record its outcome.

    Orders made at the hearing carry its date, so a corrected date moves them with it.
    """
    hearing = _locked_hearing(hearing)
    proceedings = hearing.proceedings
    require_perm(by, CHANGE, proceedings.child)
    orders = list(hearing.orders.select_for_update())
    Errors(hearing_update_errors(hearing=hearing, listed_on=listed_on)).raise_any()
    listed_before = hearing.listed_on
    heard_before = listed_before if hearing.outcome.strip() else None
    hearing.kind = kind
    hearing.listed_on = listed_on
    hearing.outcome = outcome
    save_record(hearing, by=by)
    child = proceedings.child
    child_emit_change(
        ChildEvent.HEARING_LISTED,
        child=child,
        before=listed_before,
        after=listed_on,
        by=by,
        record=hearing,
    )
    # heard once it has an outcome: recording one, or moving a heard hearing, emits
    child_emit_change(
        ChildEvent.HEARING_HEARD,
        child=child,
        before=heard_before,
        after=listed_on if outcome.strip() else None,
        by=by,
        record=hearing,
    )
    for order in orders:
        if order.made_on != listed_on:
            made_before = order.made_on
            order.made_on = listed_on
            save_record(order, by=by)
            child_emit_change(
                ChildEvent.ORDER_MADE,
                child=child,
                before=made_before,
                after=listed_on,
                by=by,
                record=order,
            )
    return hearing


def direction_add_errors(
    *, hearing: Hearing, text: str, due_on: date | None
) -> dict[str | None, str]:
    """What is wrong with a direction: its text, and a due date not before the hearing."""
    errors = Errors()
    if not (text or "").strip():
        errors.add("text", "Enter the direction")
    on_or_after(
        errors,
        "due_on",
        due_on,
        "Date the direction is due",
        hearing.listed_on,
        "the date of the hearing",
    )
    return errors.as_dict()


@transaction.atomic
def direction_add(*, hearing: Hearing, text: str, due_on: date, by: User) -> Direction:
    """Record a direction the court made at a hearing, with the date it is due."""
    hearing = _locked_hearing(hearing)
    require_perm(by, CHANGE, hearing.proceedings.child)
    Errors(direction_add_errors(hearing=hearing, text=text, due_on=due_on)).raise_any()
    return save_record(Direction(hearing=hearing, text=text.strip(), due_on=due_on), by=by)


def direction_mark_complied_errors(
    *, direction: Direction, complied_on: date | None
) -> dict[str | None, str]:
    """What is wrong with the date a direction was complied with."""
    errors = Errors()
    subject = "Date the direction was complied with"
    not_in_future(errors, "complied_on", complied_on, subject)
    on_or_after(
        errors,
        "complied_on",
        complied_on,
        subject,
        direction.hearing.listed_on,
        "the date of the hearing",
    )
    return errors.as_dict()


@transaction.atomic
def direction_mark_complied(*, direction: Direction, complied_on: date, by: User) -> Direction:
    """Record the date a direction was complied with."""
    direction = (
        Direction.objects.select_for_update(of=("self",))
        .select_related("hearing__proceedings__child")
        .get(pk=direction.pk)
    )
    require_perm(by, CHANGE, direction.hearing.proceedings.child)
    Errors(
        direction_mark_complied_errors(direction=direction, complied_on=complied_on)
    ).raise_any()
    direction.complied_on = complied_on
    return save_record(direction, by=by)


# --- orders ------------------------------------------------------------------------------------


def order_record_errors(
    *, child: Child, made_on: date | None, hearing: Hearing | None
) -> dict[str | None, str]:
    """What is wrong with the date of an order: after the birth, on the date of its hearing."""
    errors = Errors()
    not_in_future(errors, "made_on", made_on, ORDER)
    if child.date_of_birth is None:
        errors.add("made_on", "Record the birth before recording an order for the child")
    else:
        on_or_after(errors, "made_on", made_on, ORDER, child.date_of_birth, "the date of birth")
    if hearing is not None and made_on is not None and made_on != hearing.listed_on:
        errors.add(
            "made_on",
            f"{ORDER} must be the date of the hearing ({format_date(hearing.listed_on)})",
        )
    return errors.as_dict()


@transaction.atomic
def order_record(
    *,
    child: Child,
    kind: OrderKind,
    made_on: date,
    by: User,
    hearing: Hearing | None = None,
    notes: str = "",
) -> CourtOrder:
    """Record an order the court made, at a hearing of the child's proceedings or otherwise."""
    require_perm(by, CHANGE, child)
    if hearing is not None:
        hearing = _locked_hearing(hearing)
        # the page offers only this child's hearings; a crafted request could name another's
        if hearing.proceedings.child_id != child.pk:
            raise ValidationError({"hearing": WRONG_HEARING})
    Errors(order_record_errors(child=child, made_on=made_on, hearing=hearing)).raise_any()
    order = CourtOrder(child=child, kind=kind, made_on=made_on, hearing=hearing, notes=notes)
    save_record(order, by=by)
    child_emit(ChildEvent.ORDER_MADE, child=child, on=made_on, by=by, record=order)
    return order
