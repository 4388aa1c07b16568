"""Writes to the child's periods of care and legal status history (the SSDA903 facts).

A period of care starts when the child becomes looked after and ends when they cease to be; a
legal status period has a 903 code, a start and a basis (an order of the court, a section 20
agreement…), and recording a new one ends the one before (the 903 return counts the next
start as the previous end). Recording an order proposes the status that follows it
(``PROPOSED_STATUS``: interim care order → C1, care order → C2, placement order → E1).
"""

from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction

from accounts.dates import format_date, not_in_future
from accounts.errors import Errors
from accounts.models import User
from accounts.permissions import require_perm
from accounts.records import save_record

from ..events import ChildEvent, child_emit, child_emit_change
from ..models import (
    ORDER_CODES,
    STATUS_ORDERS,
    CarePeriod,
    Child,
    CourtOrder,
    LegalStatus,
    LegalStatusPeriod,
    StatusBasis,
)

CHANGE = "children.change_child"
STARTED = "Date became looked after"
ENDED = "Date ceased to be looked after"
STATUS_STARTS = "Date the legal status began"
NOT_LOOKED_AFTER = "The child is not looked after on {day}: record the period of care first"
WRONG_ORDER = "Choose an order made for this child"


def _locked_child(child: Child) -> Child:
    return Child.objects.select_for_update().get(pk=child.pk)


# --- periods of care ---------------------------------------------------------------------------


def care_period_errors(
    *,
    child: Child,
    started_on: date | None,
    ended_on: date | None,
    reason_ended: str,
    period: CarePeriod | None = None,
) -> dict[str | None, str]:
    """What is wrong with a period of care: after the birth, not in the future, not overlapping
    another period, ended with its reason, and holding its legal statuses."""
    errors = Errors()
    not_in_future(errors, "started_on", started_on, STARTED)
    not_in_future(errors, "ended_on", ended_on, ENDED)
    if child.date_of_birth is None:
        errors.add("started_on", "An unborn baby cannot be looked after yet: record the birth")
    elif started_on is not None and started_on < child.date_of_birth:
        errors.add(
            "started_on",
            f"{STARTED} must be on or after the date of birth "
            f"({format_date(child.date_of_birth)})",
        )
    if started_on and ended_on and ended_on < started_on:
        errors.add(
            "ended_on",
            f"{ENDED} must be on or after the date the child became looked after "
            f"({format_date(started_on)})",
        )
    if ended_on and not (reason_ended or "").strip():
        errors.add("reason_ended", "Enter why the child ceased to be looked after")
    if started_on is None or child.pk is None:
        return errors.as_dict()
    others = child.care_periods.all()
    if period is not None and period.pk:
        others = others.exclude(pk=period.pk)
    for other in others:
        other_end = other.ended_on or date.max
        our_end = ended_on or date.max
        if started_on <= other_end and other.started_on <= our_end:
            when = (
                f"since {format_date(other.started_on)}"
                if other.ended_on is None
                else f"from {format_date(other.started_on)} to {format_date(other.ended_on)}"
            )
            errors.add(
                "started_on",
                f"The child is already looked after in another period of care ({when})",
            )
            break
    statuses = child.legal_statuses.all()
    first_status = min((s.starts_on for s in statuses), default=None)
    if period is not None and period.pk and first_status is not None:
        inside = [s for s in statuses if period.covers(s.starts_on)]
        if inside and min(s.starts_on for s in inside) < started_on:
            day = min(s.starts_on for s in inside)
            errors.add(
                "started_on",
                f"{STARTED} must be on or before the start of the legal status recorded in this "
                f"period ({format_date(day)})",
            )
        if inside and ended_on and max(s.starts_on for s in inside) > ended_on:
            day = max(s.starts_on for s in inside)
            errors.add(
                "ended_on",
                f"{ENDED} must be on or after the start of the last legal status in this period "
                f"({format_date(day)})",
            )
    return errors.as_dict()


@transaction.atomic
def care_period_start(*, child: Child, started_on: date, by: User) -> CarePeriod:
    """Record that the child became looked after: a new period of care."""
    child = _locked_child(child)
    require_perm(by, CHANGE, child)
    Errors(
        care_period_errors(child=child, started_on=started_on, ended_on=None, reason_ended="")
    ).raise_any()
    period = save_record(CarePeriod(child=child, started_on=started_on), by=by)
    child_emit(ChildEvent.BECAME_LOOKED_AFTER, child=child, on=started_on, by=by, record=period)
    return period


@transaction.atomic
def care_period_update(
    *,
    period: CarePeriod,
    started_on: date,
    by: User,
    ended_on: date | None = None,
    reason_ended: str = "",
) -> CarePeriod:
    """Correct a period of care, or record that the child ceased to be looked after (the legal
    status then in force ends that day)."""
    child = _locked_child(period.child)
    period = CarePeriod.objects.select_for_update().get(pk=period.pk)
    require_perm(by, CHANGE, child)
    Errors(
        care_period_errors(
            child=child,
            started_on=started_on,
            ended_on=ended_on,
            reason_ended=reason_ended,
            period=period,
        )
    ).raise_any()
    started_before = period.started_on
    period.started_on = started_on
    period.ended_on = ended_on
    period.reason_ended = reason_ended.strip() if ended_on else ""
    save_record(period, by=by)
    if ended_on is not None:
        for status in LegalStatusPeriod.objects.select_for_update().filter(
            child=child, ends_on__isnull=True, starts_on__lte=ended_on
        ):
            status.ends_on = ended_on
            save_record(status, by=by)
    child_emit_change(
        ChildEvent.BECAME_LOOKED_AFTER,
        child=child,
        before=started_before,
        after=started_on,
        by=by,
        record=period,
    )
    return period


# --- legal status ------------------------------------------------------------------------------


def legal_status_basis_errors(
    *,
    child: Child,
    code: str | None,
    starts_on: date | None,
    basis: str | None,
    order: CourtOrder | None,
) -> dict[str | None, str]:
    """What is wrong with a legal status's basis: C1, C2, E1 and L2 rest on the order that gives
    them, in force that day; V2 on a section 20 agreement; L1 on police protection. Also: the
    child is looked after that day."""
    errors = Errors()
    if starts_on is not None and child.pk is not None:
        periods = list(child.care_periods.all())
        if not any(period.covers(starts_on) for period in periods):
            errors.add("starts_on", NOT_LOOKED_AFTER.format(day=format_date(starts_on)))
    if code in ORDER_CODES and basis and basis != StatusBasis.ORDER:
        errors.add("basis", f"Legal status {code} rests on an order of the court: select it")
    if code == LegalStatus.V2 and basis and basis != StatusBasis.SECTION_20:
        errors.add("basis", "Legal status V2 rests on a section 20 agreement: select it")
    if code == LegalStatus.L1 and basis and basis != StatusBasis.POLICE_PROTECTION:
        errors.add("basis", "Legal status L1 rests on police protection: select it")
    if basis == StatusBasis.ORDER:
        if order is None:
            errors.add("order", "Select the order the legal status rests on")
        else:
            kinds = STATUS_ORDERS.get(code)
            if kinds is not None and order.kind not in kinds:
                names = " or ".join(sorted(k.label.lower() for k in kinds)) or "no order"
                errors.add("order", f"Legal status {code} rests on {names}: choose that order")
            elif starts_on is not None and not order.in_force_on(starts_on):
                errors.add(
                    "starts_on",
                    f"{STATUS_STARTS} must be a day the {order.get_kind_display().lower()} "
                    f"was in force (made {format_date(order.made_on)})",
                )
    return errors.as_dict()


def legal_status_record_errors(
    *,
    child: Child,
    code: str | None,
    starts_on: date | None,
    basis: str | None,
    order: CourtOrder | None,
) -> dict[str | None, str]:
    """What is wrong with a new legal status: its basis, and a start after the current one's."""
    errors = Errors()
    not_in_future(errors, "starts_on", starts_on, STATUS_STARTS)
    errors.update(
        legal_status_basis_errors(
            child=child, code=code, starts_on=starts_on, basis=basis, order=order
        )
    )
    if starts_on is not None and child.pk is not None:
        latest = child.legal_statuses.order_by("-starts_on", "-pk").first()
        if latest is not None and starts_on <= latest.starts_on:
            errors.add(
                "starts_on",
                f"{STATUS_STARTS} must be after the start of the latest legal status "
                f"({latest.code}, {format_date(latest.starts_on)})",
            )
    return errors.as_dict()


@transaction.atomic
def legal_status_record(
    *,
    child: Child,
    code: LegalStatus,
    starts_on: date,
    basis: StatusBasis,
    by: User,
    order: CourtOrder | None = None,
    basis_detail: str = "",
) -> LegalStatusPeriod:
    """Record the child's legal status from a date; the one before it ends that day."""
    child = _locked_child(child)
    require_perm(by, CHANGE, child)
    if order is not None and order.child_id != child.pk:
        raise ValidationError({"order": WRONG_ORDER})
    if basis != StatusBasis.ORDER:
        order = None
    Errors(
        legal_status_record_errors(
            child=child, code=code, starts_on=starts_on, basis=basis, order=order
        )
    ).raise_any()
    for previous in LegalStatusPeriod.objects.select_for_update().filter(
        child=child, ends_on__isnull=True
    ):
        previous.ends_on = starts_on
        save_record(previous, by=by)
    return save_record(
        LegalStatusPeriod(
            child=child,
            code=code,
            starts_on=starts_on,
            basis=basis,
            order=order,
            basis_detail=basis_detail.strip(),
        ),
        by=by,
    )
