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
from datetime import time as dt_time

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
    ENDS,
    HAPPENED,
    MAX_EXTENSION_WEEKS,
    TIME_LIMITED_KINDS,
    Child,
    CourtOrder,
    Direction,
    Extension,
    Hearing,
    HearingKind,
    HearingStatus,
    JudgeLevel,
    OrderKind,
    Proceedings,
    ProceedingsKind,
    extension_limit,
    hearing_kinds_for,
)

CHANGE = "children.change_child"

ISSUED = "Date proceedings were issued"
HEARING = "Date of the hearing"
EXTENSION = "Date the extension was granted"
ORDER = "Date the order was made"
WRONG_HEARING = "Choose a hearing in this child's proceedings"
WRONG_PROCEEDINGS_HEARING = "Choose a hearing in these proceedings"
ENDS_ON = "Date the extended time limit ends"
NOT_HAPPENED = (
    "Record an outcome only for a hearing that has happened: select effective or adjourned"
)
INTERIM_KINDS = frozenset(
    {
        OrderKind.EMERGENCY_PROTECTION,
        OrderKind.INTERIM_CARE,
        OrderKind.INTERIM_SUPERVISION,
        OrderKind.INTERIM_CHILD_ARRANGEMENTS,
    }
)
# orders made on an application for a care or supervision order (CA 1989 ss.31, 38)
CARE_PROCEEDINGS_ORDERS = frozenset(
    {
        OrderKind.INTERIM_CARE,
        OrderKind.CARE,
        OrderKind.INTERIM_SUPERVISION,
        OrderKind.SUPERVISION,
    }
)
NOT_A_PARENT = "Choose the child's mother, father or alleged father"


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
    *, proceedings: Proceedings, issued_on: date | None, kind: str | None = None
) -> dict[str | None, str]:
    """What is wrong with a corrected issue date: the child's dates and the records after it."""
    errors = Errors(proceedings_issue_errors(child=proceedings.child, issued_on=issued_on))
    if kind and kind != proceedings.kind and proceedings.extensions.exists():
        if kind not in TIME_LIMITED_KINDS:
            errors.add(
                "kind",
                "These proceedings have an extension of the 26-week limit: only care, "
                "supervision, contact (s.34) or discharge (s.39) applications have that limit",
            )
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
    *,
    child: Child,
    court: str,
    case_number: str,
    issued_on: date,
    by: User,
    kind: ProceedingsKind = ProceedingsKind.CARE,
    judge_level: JudgeLevel | str = "",
    childrens_guardian: str = "",
    childs_solicitor: str = "",
    la_solicitor: str = "",
) -> Proceedings:
    """Record that proceedings were issued: kind, court, case number, issue date, the court's
    people."""
    require_perm(by, CHANGE, child)
    Errors(proceedings_issue_errors(child=child, issued_on=issued_on)).raise_any()
    proceedings = Proceedings(
        child=child,
        kind=kind,
        court=court,
        case_number=case_number,
        issued_on=issued_on,
        judge_level=judge_level,
        childrens_guardian=childrens_guardian,
        childs_solicitor=childs_solicitor,
        la_solicitor=la_solicitor,
    )
    save_record(proceedings, by=by)
    child_emit(ChildEvent.PROCEEDINGS_ISSUED, child=child, on=issued_on, by=by, record=proceedings)
    return proceedings


@transaction.atomic
def proceedings_update(
    *,
    proceedings: Proceedings,
    court: str,
    case_number: str,
    issued_on: date,
    by: User,
    kind: ProceedingsKind | None = None,
    judge_level: JudgeLevel | str = "",
    childrens_guardian: str = "",
    childs_solicitor: str = "",
    la_solicitor: str = "",
) -> Proceedings:
    """Correct the kind, court, case number or issue date of proceedings, or its people."""
    proceedings = _locked_proceedings(proceedings)
    require_perm(by, CHANGE, proceedings.child)
    Errors(
        proceedings_update_errors(proceedings=proceedings, issued_on=issued_on, kind=kind)
    ).raise_any()
    issued_before = proceedings.issued_on
    if kind is not None:
        proceedings.kind = kind
    proceedings.court = court
    proceedings.case_number = case_number
    proceedings.issued_on = issued_on
    proceedings.judge_level = judge_level
    proceedings.childrens_guardian = childrens_guardian
    proceedings.childs_solicitor = childs_solicitor
    proceedings.la_solicitor = la_solicitor
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
    if proceedings.is_care:
        # CA 1989 s.38(4): an interim order ends in any event when the application is decided
        _end_orders(
            child=proceedings.child,
            kinds=INTERIM_KINDS,
            on=concluded_on,
            by=by,
            ended_by=None,
            made_from=proceedings.issued_on,
        )
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
    *,
    proceedings: Proceedings,
    ends_on: date | None,
    granted_on: date | None,
    reason: str,
    hearing: Hearing | None = None,
) -> dict[str | None, str]:
    """What is wrong with an extension: granted while the proceedings ran, ending after the end
    then in force and no more than 8 weeks after the later of that end and the day granted."""
    errors = Errors()
    if not proceedings.has_time_limit:
        # CA 1989 s.32(1)(a): only Part IV applications have the 26-week limit
        errors.add(
            None,
            f"{proceedings.get_kind_display()} proceedings have no 26-week limit to extend",
        )
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
    if hearing is not None and granted_on is not None and granted_on != hearing.listed_on:
        errors.add(
            "granted_on",
            f"{EXTENSION} must be the date of the hearing ({format_date(hearing.listed_on)})",
        )
    if ends_on is not None and granted_on is not None:
        in_force = proceedings.end_in_force()
        # CA 1989 s.32(5), (8): no more than 8 weeks after the later of the end then in force
        # and the day the extension is granted
        limit = extension_limit(end_in_force=in_force, granted_on=granted_on)
        if ends_on <= in_force:
            errors.add(
                "ends_on",
                f"{ENDS_ON} must be after the end now in force ({format_date(in_force)})",
            )
        elif ends_on > limit:
            errors.add(
                "ends_on",
                f"{ENDS_ON} must be on or before {format_date(limit)}: an extension ends no "
                f"more than {MAX_EXTENSION_WEEKS} weeks after the later of the end then in "
                "force and the day it is granted",
            )
    if not (reason or "").strip():
        errors.add("reason", "Enter the reason the court gave for the extension")
    return errors.as_dict()


@transaction.atomic
def extension_grant(
    *,
    proceedings: Proceedings,
    ends_on: date,
    granted_on: date,
    reason: str,
    by: User,
    hearing: Hearing | None = None,
) -> Extension:
    """Record an extension of the 26-week limit granted by the court: the end date it set, when
    and at which hearing."""
    proceedings = _locked_proceedings(proceedings)
    require_perm(by, CHANGE, proceedings.child)
    if hearing is not None:
        hearing = _locked_hearing(hearing)
        if hearing.proceedings_id != proceedings.pk:
            raise ValidationError({"hearing": WRONG_PROCEEDINGS_HEARING})
    Errors(
        extension_grant_errors(
            proceedings=proceedings,
            ends_on=ends_on,
            granted_on=granted_on,
            reason=reason,
            hearing=hearing,
        )
    ).raise_any()
    extension = Extension(
        proceedings=proceedings,
        ends_on=ends_on,
        granted_on=granted_on,
        hearing=hearing,
        reason=reason.strip(),
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


def hearing_status_errors(
    *, listed_on: date | None, status: str | None, outcome: str
) -> dict[str | None, str]:
    """Only a hearing that has happened has an outcome; a hearing in the future has not
    happened (LAW.md "Court": hearing outcome)."""
    errors = Errors()
    happened = status in HAPPENED
    if happened and listed_on is not None and listed_on > today():
        errors.add(
            "status",
            "A hearing in the future has not happened yet: select listed or vacated",
        )
    if (outcome or "").strip() and status and not happened:
        errors.add("outcome", NOT_HAPPENED)
    return errors.as_dict()


def hearing_kind_errors(*, proceedings: Proceedings, kind: str | None) -> dict[str | None, str]:
    """A leave to oppose hearing is in adoption proceedings (ACA 2002 s.47(3), (5))."""
    errors = Errors()
    if kind and kind not in dict(hearing_kinds_for(proceedings.kind)):
        errors.add(
            "kind",
            "A leave to oppose hearing is part of adoption proceedings: select another kind",
        )
    return errors.as_dict()


def hearing_add_errors(
    *,
    proceedings: Proceedings,
    listed_on: date | None,
    status: str | None = HearingStatus.LISTED,
    outcome: str = "",
) -> dict[str | None, str]:
    """What is wrong with a hearing in the proceedings: its date and whether it happened."""
    errors = Errors()
    on_or_after(
        errors,
        "listed_on",
        listed_on,
        HEARING,
        proceedings.issued_on,
        "the date proceedings were issued",
    )
    errors.update(hearing_status_errors(listed_on=listed_on, status=status, outcome=outcome))
    return errors.as_dict()


@transaction.atomic
def hearing_add(
    *,
    proceedings: Proceedings,
    kind: HearingKind,
    listed_on: date,
    by: User,
    status: HearingStatus = HearingStatus.LISTED,
    time: dt_time | None = None,
    court: str = "",
    outcome: str = "",
) -> Hearing:
    """List a hearing in the proceedings (with its outcome, once it has happened)."""
    proceedings = _locked_proceedings(proceedings)
    require_perm(by, CHANGE, proceedings.child)
    errors = Errors(
        hearing_add_errors(
            proceedings=proceedings, listed_on=listed_on, status=status, outcome=outcome
        )
    )
    errors.update(hearing_kind_errors(proceedings=proceedings, kind=kind))
    errors.raise_any()
    hearing = Hearing(
        proceedings=proceedings,
        kind=kind,
        listed_on=listed_on,
        status=status,
        time=time,
        court=court,
        outcome=outcome,
    )
    save_record(hearing, by=by)
    child = proceedings.child
    child_emit(ChildEvent.HEARING_LISTED, child=child, on=listed_on, by=by, record=hearing)
    if hearing.has_happened:
        child_emit(ChildEvent.HEARING_HEARD, child=child, on=listed_on, by=by, record=hearing)
    return hearing


def hearing_update_errors(
    *,
    hearing: Hearing,
    listed_on: date | None,
    status: str | None = None,
    outcome: str | None = None,
) -> dict[str | None, str]:
    """What is wrong with a hearing's changes: its proceedings, directions and orders."""
    status = hearing.status if status is None else status
    outcome = hearing.outcome if outcome is None else outcome
    errors = Errors(
        hearing_add_errors(
            proceedings=hearing.proceedings, listed_on=listed_on, status=status, outcome=outcome
        )
    )
    if listed_on is None:
        return errors.as_dict()
    first_direction = hearing.directions.order_by("due_on").first()
    if first_direction is not None and listed_on > first_direction.due_on:
        errors.add(
            "listed_on",
            f"{HEARING} must be on or before the date its first direction is due "
            f"({format_date(first_direction.due_on)})",
        )
    if hearing.orders.exists():
        if listed_on > today():
            errors.add(
                "listed_on", f"{HEARING} must be today or in the past: an order was made at it"
            )
        elif status not in HAPPENED:
            errors.add("status", "An order was made at this hearing: select effective")
    return errors.as_dict()


@transaction.atomic
def hearing_update(
    *,
    hearing: Hearing,
    kind: HearingKind,
    listed_on: date,
    by: User,
    status: HearingStatus | None = None,
    time: dt_time | None = None,
    court: str = "",
    outcome: str = "",
) -> Hearing:
    """Change a hearing's kind, date, time or court, or record whether it happened and its
    outcome.

    Orders made at the hearing carry its date, so a corrected date moves them with it.
    """
    hearing = _locked_hearing(hearing)
    proceedings = hearing.proceedings
    require_perm(by, CHANGE, proceedings.child)
    orders = list(hearing.orders.select_for_update())
    status = hearing.status if status is None else status
    errors = Errors(
        hearing_update_errors(hearing=hearing, listed_on=listed_on, status=status, outcome=outcome)
    )
    errors.update(hearing_kind_errors(proceedings=proceedings, kind=kind))
    errors.raise_any()
    listed_before = hearing.listed_on
    heard_before = listed_before if hearing.has_happened else None
    hearing.kind = kind
    hearing.listed_on = listed_on
    hearing.status = status
    hearing.time = time
    hearing.court = court
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
    # heard once it has happened: recording that, or moving a heard hearing, emits
    child_emit_change(
        ChildEvent.HEARING_HEARD,
        child=child,
        before=heard_before,
        after=listed_on if hearing.has_happened else None,
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
    *,
    child: Child,
    made_on: date | None,
    hearing: Hearing | None,
    kind: str | None = None,
    expires_on: date | None = None,
) -> dict[str | None, str]:
    """What is wrong with an order: made after the birth, on the date of a hearing that went
    ahead, in care proceedings for a care or supervision order, an end only for an interim one."""
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
    if hearing is not None and not hearing.has_happened:
        errors.add(
            "hearing",
            "Record that the hearing went ahead (effective) before recording an order made at it",
        )
    if kind in CARE_PROCEEDINGS_ORDERS and made_on is not None:
        # CA 1989 ss.31, 38: made on an application for a care or supervision order
        issued = (
            child.proceedings.filter(
                kind__in=[ProceedingsKind.CARE, ProceedingsKind.SUPERVISION],
                issued_on__lte=made_on,
            ).exists()
            if child.pk
            else False
        )
        if not issued:
            errors.add(
                "kind",
                "Record the care proceedings first: a care or supervision order, interim or "
                "final, is made on an application for one",
            )
    if expires_on is not None:
        if kind not in INTERIM_KINDS:
            errors.add(
                "expires_on", "Only an interim or emergency order has an end date of its own"
            )
        elif made_on is not None and expires_on < made_on:
            errors.add(
                "expires_on",
                f"Date the order ends must be on or after the date it was made "
                f"({format_date(made_on)})",
            )
    return errors.as_dict()


def _end_orders(
    *,
    child: Child,
    kinds,
    on: date,
    by: User,
    ended_by: CourtOrder | None,
    made_from: date | None = None,
) -> list[CourtOrder]:
    """End the child's orders of ``kinds`` in force on ``on`` (locked; none made after it)."""
    orders = CourtOrder.objects.select_for_update().filter(
        child=child, kind__in=list(kinds), ended_on__isnull=True, made_on__lte=on
    )
    if made_from is not None:
        orders = orders.filter(made_on__gte=made_from)
    if ended_by is not None:
        orders = orders.exclude(pk=ended_by.pk)
    ended = []
    for order in orders:
        if order.expires_on is not None and order.expires_on < on:
            continue  # already over by its own terms
        order.ended_on = on
        order.ended_by = ended_by
        save_record(order, by=by)
        ended.append(order)
    return ended


@transaction.atomic
def order_record(
    *,
    child: Child,
    kind: OrderKind,
    made_on: date,
    by: User,
    hearing: Hearing | None = None,
    expires_on: date | None = None,
    notes: str = "",
) -> CourtOrder:
    """Record an order the court made; it ends the orders it replaces (LAW.md "Court")."""
    require_perm(by, CHANGE, child)
    child = Child.objects.select_for_update().get(pk=child.pk)
    if hearing is not None:
        hearing = _locked_hearing(hearing)
        # the page offers only this child's hearings; a crafted request could name another's
        if hearing.proceedings.child_id != child.pk:
            raise ValidationError({"hearing": WRONG_HEARING})
    Errors(
        order_record_errors(
            child=child, made_on=made_on, hearing=hearing, kind=kind, expires_on=expires_on
        )
    ).raise_any()
    order = CourtOrder(
        child=child,
        kind=kind,
        made_on=made_on,
        hearing=hearing,
        expires_on=expires_on,
        notes=notes,
    )
    save_record(order, by=by)
    _end_orders(child=child, kinds=ENDS.get(kind, ()), on=made_on, by=by, ended_by=order)
    child_emit(ChildEvent.ORDER_MADE, child=child, on=made_on, by=by, record=order)
    return order


def order_end_errors(*, order: CourtOrder, ended_on: date | None) -> dict[str | None, str]:
    """What is wrong with the date an order ended: not before it was made, not in the future."""
    errors = Errors()
    subject = "Date the order ended"
    not_in_future(errors, "ended_on", ended_on, subject)
    on_or_after(errors, "ended_on", ended_on, subject, order.made_on, "the date it was made")
    return errors.as_dict()


@transaction.atomic
def order_end(*, order: CourtOrder, ended_on: date | None, by: User) -> CourtOrder:
    """Record (or correct, or clear) the date an order ended."""
    order = CourtOrder.objects.select_for_update().select_related("child").get(pk=order.pk)
    require_perm(by, CHANGE, order.child)
    Errors(order_end_errors(order=order, ended_on=ended_on)).raise_any()
    order.ended_on = ended_on
    if ended_on is None:
        order.ended_by = None
    return save_record(order, by=by)
