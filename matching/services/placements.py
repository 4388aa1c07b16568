"""Placements: every one of the child's, with its 903 codes. Recording a new placement ends the
open one on the new start date (903: one placement follows another the same day)."""

from datetime import date

from django.db import transaction

from accounts.clock import today as england_today
from accounts.dates import format_date, not_in_future
from accounts.errors import Errors
from accounts.models import User
from accounts.permissions import require_perm
from accounts.records import save_record
from carers.models import Household
from children.models import Child

from ..events import MatchingEvent, matching_emit, matching_emit_change
from ..models import (
    WITH_HOUSEHOLD,
    MatchStatus,
    Placement,
    PlacementCode,
    PlacementKind,
    Reg25AEndReason,
)
from .common import household_facts, lock_child

C = PlacementCode
#: the 903 PLACE codes that fit each kind of placement (``OTHER`` takes any)
CODES_BY_KIND: dict[str, set[str]] = {
    PlacementKind.HOSPITAL: {C.R2},
    PlacementKind.PARENT_AND_CHILD: {C.R3, C.U6, C.U3, C.Z1},
    PlacementKind.BRIDGING_FOSTER: {C.U4, C.U6},
    # U5: foster carers who are approved adopters (FfA / concurrent planning); U2 the same
    # when the carers are relatives or friends
    PlacementKind.EP_CARERS: {C.U5, C.U2},
    PlacementKind.FAMILY_NETWORK_FOSTER: {C.U1, C.U2, C.U3},
    # A5 under a placement order, A3 with s.19 consent (with the current foster carers)
    PlacementKind.PLACED_FOR_ADOPTION: {C.A3, C.A4, C.A5, C.A6},
    PlacementKind.PLACED_WITH_PARENTS: {C.P1},
    PlacementKind.RESIDENTIAL: {C.K1, C.K2, C.R1, C.S1, C.H5, C.R5},
}

START_MISSING = "Enter the date the placement started"
KIND_MISSING = "Select the kind of placement"
CODE_MISSING = "Select the placement type (903 PLACE)"
HOUSEHOLD_MISSING = "Choose the carers' household"
HOUSEHOLD_NOT_ALLOWED = (
    "Only a placement with early permanence carers or a placement for adoption is with a "
    "carers' household"
)
REASON_MISSING = "Select the reason for the change of placement"
NOT_BORN = "A placement starts once the child is born: record the date of birth first"
BEFORE_BIRTH = "The placement must start on or after the child's date of birth"
NOT_FOSTER = (
    "Needs the carers' approval as foster carers or a Reg 25A temporary approval for this child"
)
NOT_ADOPTERS = "The carers must be approved as prospective adopters"
END_MISSING = "Enter the date the placement ended"
END_REASON_MISSING = "Enter why the placement ended"
ALREADY_ENDED = "The placement has already ended"


def code_errors(kind: str, code: str) -> str | None:
    allowed = CODES_BY_KIND.get(kind)
    if not code or allowed is None or code in allowed:
        return None
    words = ", ".join(sorted(allowed))
    label = PlacementKind(kind).label.lower()
    if kind == PlacementKind.EP_CARERS:
        return (
            f"Placement type {code} does not fit a placement with early permanence carers: "
            "select U5, or U2 when the carers are relatives or friends"
        )
    return f"Placement type {code} does not fit a {label} placement: select {words}"


def placement_errors(
    *,
    child: Child,
    kind: str | None,
    starts_on: date | None,
    placement_code: str | None,
    household: Household | None = None,
    reason_for_change: str = "",
    open_placement: Placement | None = None,
    household_approved: tuple[bool, bool] | None = None,
    reg25a_in_force: bool = False,
    today: date | None = None,
) -> dict[str | None, str]:
    """What is wrong with a new placement, by field. ``household_approved`` is (as adopters,
    as foster carers) for an EP placement's household; ``reg25a_in_force`` whether a Reg 25A
    temporary approval for this child covers it (CPR reg 25A)."""
    errors = Errors()
    if not kind:
        errors.add("kind", KIND_MISSING)
    if starts_on is None:
        errors.add("starts_on", START_MISSING)
    not_in_future(errors, "starts_on", starts_on, "Date the placement started", today)
    if starts_on is not None:
        if child.date_of_birth is None:
            errors.add("starts_on", NOT_BORN)
        elif starts_on < child.date_of_birth:
            errors.add("starts_on", BEFORE_BIRTH)
        if open_placement is not None and starts_on < open_placement.starts_on:
            errors.add(
                "starts_on",
                "The placement must start on or after the current placement started "
                f"({format_date(open_placement.starts_on)})",
            )
    if not placement_code:
        errors.add("placement_code", CODE_MISSING)
    elif kind:
        problem = code_errors(kind, placement_code)
        if problem:
            errors.add("placement_code", problem)
    if kind in WITH_HOUSEHOLD and household is None:
        errors.add("household", HOUSEHOLD_MISSING)
    if kind and kind not in WITH_HOUSEHOLD and household is not None:
        errors.add("household", HOUSEHOLD_NOT_ALLOWED)
    if kind == PlacementKind.EP_CARERS and household is not None and household_approved:
        adopters, foster = household_approved
        if not adopters:
            errors.add("household", NOT_ADOPTERS)
        # CPR reg 25A: prospective adopters not approved as foster carers foster this child
        # only under a temporary approval
        elif not foster and not reg25a_in_force:
            errors.add("household", NOT_FOSTER)
    # 903: every placement after the first says why the previous one changed
    if open_placement is not None and not reason_for_change:
        errors.add("reason_for_change", REASON_MISSING)
    return errors.as_dict()


def _reg25a_for(child: Child, household: Household | None):
    """The Reg 25A temporary approval in force for this child with this household, if any."""
    from ..models import Reg25AApproval

    if household is None:
        return None
    return (
        Reg25AApproval.objects.filter(
            match__child=child,
            match__household=household,
            match__status__in=[MatchStatus.PROPOSED, MatchStatus.PLACED],
            ended_on__isnull=True,
        )
        .select_related("match")
        .first()
    )


def open_placement_of(child: Child) -> Placement | None:
    return Placement.objects.filter(child=child, ends_on__isnull=True).first()


@transaction.atomic
def placement_record(
    *,
    child: Child,
    kind: str,
    starts_on: date,
    placement_code: str,
    by: User,
    household: Household | None = None,
    provider_code: str = "",
    postcode_district: str = "",
    reason_for_change: str = "",
    outside_terms_reason: str = "",
) -> Placement:
    """Record a placement of the child; the open placement ends on its start date."""
    child = lock_child(child)
    require_perm(by, "matching.record_placement", child)
    today = england_today()
    current = open_placement_of(child)
    approved = None
    reg25a = None
    if kind == PlacementKind.EP_CARERS and household is not None:
        facts = household_facts(household, today=today)
        approved = (facts.adopter_approved, facts.foster_approved)
        reg25a = _reg25a_for(child, household)
    Errors(
        placement_errors(
            child=child,
            kind=kind,
            starts_on=starts_on,
            placement_code=placement_code,
            household=household,
            reason_for_change=reason_for_change,
            open_placement=current,
            household_approved=approved,
            reg25a_in_force=reg25a is not None,
            today=today,
        )
    ).raise_any()
    if current is not None:
        _end(current, ends_on=starts_on, reason=_reason_label(reason_for_change), by=by)
    placement = Placement(
        child=child,
        kind=kind,
        starts_on=starts_on,
        placement_code=placement_code,
        household=household,
        provider_code=provider_code,
        postcode_district=postcode_district.strip().upper(),
        reason_for_change=reason_for_change,
        outside_terms_reason=outside_terms_reason,
    )
    save_record(placement, by=by)
    if kind == PlacementKind.EP_CARERS:
        from ..models import InitialMatch

        InitialMatch.objects.filter(
            child=child, household=household, status=MatchStatus.PROPOSED
        ).update(status=MatchStatus.PLACED)
    matching_emit(MatchingEvent.PLACED, child=child, on=starts_on, by=by, record=placement)
    return placement


def _reason_label(code: str) -> str:  # noqa: N802
    from ..models import ReasonForChange

    return ReasonForChange(code).label if code else ""


def _end(placement: Placement, *, ends_on: date, reason: str, by: User) -> Placement:
    placement.ends_on = ends_on
    placement.end_reason = reason
    save_record(placement, by=by)
    if placement.kind == PlacementKind.EP_CARERS:
        from .matches import reg25a_end_for_child

        # CPR reg 25A(3): the temporary approval ends when the placement ends
        reg25a_end_for_child(
            child=placement.child,
            household=placement.household,
            ended_on=ends_on,
            reason=Reg25AEndReason.PLACEMENT_ENDED,
            by=by,
        )
    matching_emit(
        MatchingEvent.PLACEMENT_ENDED,
        child=placement.child,
        on=ends_on,
        by=by,
        record=placement,
    )
    return placement


def placement_end_errors(
    *, placement: Placement, ends_on: date | None, reason: str, today: date | None = None
) -> dict[str | None, str]:
    errors = Errors()
    if placement.ends_on is not None:
        errors.add(None, ALREADY_ENDED)
    if ends_on is None:
        errors.add("ends_on", END_MISSING)
    not_in_future(errors, "ends_on", ends_on, "Date the placement ended", today)
    if ends_on is not None and ends_on < placement.starts_on:
        errors.add(
            "ends_on",
            f"The placement must end on or after it started ({format_date(placement.starts_on)})",
        )
    if not (reason or "").strip():
        errors.add("reason", END_REASON_MISSING)
    return errors.as_dict()


@transaction.atomic
def placement_end(*, placement: Placement, ends_on: date, reason: str, by: User) -> Placement:
    """End the placement (CPR reg 14: after a review of the child's case, unless there is an
    immediate risk of significant harm — the reason says which)."""
    child = lock_child(placement.child)
    require_perm(by, "matching.record_placement", child)
    placement = Placement.objects.get(pk=placement.pk)
    Errors(placement_end_errors(placement=placement, ends_on=ends_on, reason=reason)).raise_any()
    return _end(placement, ends_on=ends_on, reason=reason.strip(), by=by)


def placement_correct_errors(
    *,
    placement: Placement,
    starts_on: date | None,
    ends_on: date | None,
    placement_code: str | None,
    previous: Placement | None,
    following: Placement | None,
    today: date | None = None,
) -> dict[str | None, str]:
    """A correction of a placement's dates and codes keeps the placements in order."""
    errors = Errors()
    if starts_on is None:
        errors.add("starts_on", START_MISSING)
    not_in_future(errors, "starts_on", starts_on, "Date the placement started", today)
    not_in_future(errors, "ends_on", ends_on, "Date the placement ended", today)
    child = placement.child
    if starts_on and child.date_of_birth and starts_on < child.date_of_birth:
        errors.add("starts_on", BEFORE_BIRTH)
    if starts_on and ends_on and ends_on < starts_on:
        errors.add("ends_on", "The placement must end on or after it started")
    if starts_on and previous is not None and starts_on < previous.starts_on:
        errors.add(
            "starts_on",
            "The placement must start on or after the previous placement started "
            f"({format_date(previous.starts_on)})",
        )
    if following is not None and ends_on is None:
        errors.add("ends_on", END_MISSING)
    if ends_on and following is not None and ends_on > following.starts_on:
        errors.add(
            "ends_on",
            "The placement must end on or before the next placement started "
            f"({format_date(following.starts_on)})",
        )
    if not placement_code:
        errors.add("placement_code", CODE_MISSING)
    else:
        problem = code_errors(placement.kind, placement_code)
        if problem:
            errors.add("placement_code", problem)
    return errors.as_dict()


def neighbours(placement: Placement) -> tuple[Placement | None, Placement | None]:
    others = list(
        Placement.objects.filter(child_id=placement.child_id).order_by("starts_on", "pk")
    )
    index = next(i for i, p in enumerate(others) if p.pk == placement.pk)
    previous = others[index - 1] if index > 0 else None
    following = others[index + 1] if index + 1 < len(others) else None
    return previous, following


@transaction.atomic
def placement_correct(
    *,
    placement: Placement,
    by: User,
    starts_on: date,
    ends_on: date | None,
    placement_code: str,
    provider_code: str = "",
    postcode_district: str = "",
    reason_for_change: str = "",
    outside_terms_reason: str = "",
) -> Placement:
    """Correct a placement's dates and codes (a corrected start emits ``PLACED`` again)."""
    child = lock_child(placement.child)
    require_perm(by, "matching.record_placement", child)
    placement = Placement.objects.select_related("child").get(pk=placement.pk)
    previous, following = neighbours(placement)
    Errors(
        placement_correct_errors(
            placement=placement,
            starts_on=starts_on,
            ends_on=ends_on,
            placement_code=placement_code,
            previous=previous,
            following=following,
        )
    ).raise_any()
    before = placement.starts_on
    placement.starts_on = starts_on
    placement.ends_on = ends_on
    placement.placement_code = placement_code
    placement.provider_code = provider_code
    placement.postcode_district = postcode_district.strip().upper()
    placement.reason_for_change = reason_for_change
    placement.outside_terms_reason = outside_terms_reason
    save_record(placement, by=by)
    matching_emit_change(
        MatchingEvent.PLACED, child=child, before=before, after=starts_on, by=by, record=placement
    )
    return placement
