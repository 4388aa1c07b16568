"""Writes to the reunification decision: decided, abandoned, completed (DESIGN.md
``decide_reunification``, ``reunification_abandoned``, ``complete_reunification``; LAW.md
"returning home while in care").

The journey's transitions call these inside their own transaction; the journey checks the
transition's permission and these check the record's (``children.change_child``) and its rules.
Each rule function is shared by the form, the journey's guard and the service.
"""

from datetime import date, timedelta

from django.db import transaction

from accounts.dates import format_date, not_before, not_in_future
from accounts.errors import Errors
from accounts.models import Role, User
from accounts.permissions import require_perm
from accounts.records import save_record
from accounts.working_days import add_working_days
from children.models import (
    PARENT_RELATIONSHIPS,
    CarePeriod,
    Child,
    CourtOrder,
    FamilyMember,
    LegalStatus,
    OrderKind,
    Relationship,
)
from children.services.legal import care_period_errors, care_period_update

from ..events import ReunificationEvent, reunification_emit, reunification_emit_change
from ..models import (
    LEAVING_CODES,
    AfterAuthorityBasis,
    DecidedBy,
    DecisionStatus,
    EpisodeCeased,
    LeavingCareBasis,
    Outcome,
    ReunificationDecision,
    ReunificationRoute,
)

CHANGE = "children.change_child"
DECIDED = "Date of the decision"
MOVED = "Date the child moved"
ABANDONED = "Date the reunification was abandoned"
# ACA 2002 s.32(2)–(3) (not yet placed for adoption: s.31(2)–(3)): after consent is withdrawn the
# child is returned within 7 days, or 14 days once placed for adoption
RETURN_DAYS = 7
RETURN_DAYS_PLACED = 14
# CPR reg 19: where the child moves first, the assessment is completed within 10 working days
# and the decision whether to confirm the placement within 10 working days after that
REG19_WORKING_DAYS = 10
CARE_ORDERS = {OrderKind.INTERIM_CARE, OrderKind.CARE}
LEAVING_ORDERS = {
    LeavingCareBasis.SPECIAL_GUARDIANSHIP: OrderKind.SPECIAL_GUARDIANSHIP,
    LeavingCareBasis.CHILD_ARRANGEMENTS: OrderKind.CHILD_ARRANGEMENTS,
    LeavingCareBasis.DISCHARGE: OrderKind.DISCHARGE,
    LeavingCareBasis.NO_ORDER: OrderKind.NO_ORDER,
}


def reg19_due_dates(moved_on: date) -> tuple[date, date]:
    """CPR reg 19: the assessment due 10 working days after the move, the decision 10 working
    days after that: moved Thu 17 Dec 2026 → assessment Tue 5 Jan 2027, decision Tue 19 Jan
    2027 (Christmas, the Boxing Day substitute and New Year's Day skipped)."""
    assessment = add_working_days(moved_on, REG19_WORKING_DAYS)
    return assessment, add_working_days(assessment, REG19_WORKING_DAYS)


def return_due_on(decision: ReunificationDecision) -> date | None:
    """The last day the child may be returned after consent was withdrawn (ACA ss.31–32)."""
    if decision.consent_withdrawn_on is None:
        return None
    days = RETURN_DAYS_PLACED if decision.placed_for_adoption else RETURN_DAYS
    return decision.consent_withdrawn_on + timedelta(days=days)


def _locked_child(child: Child) -> Child:
    return Child.objects.select_for_update().get(pk=child.pk)


def _open_decision(child: Child, exclude: ReunificationDecision | None = None):
    decisions = ReunificationDecision.objects.filter(child=child, status=DecisionStatus.DECIDED)
    if exclude is not None and exclude.pk:
        decisions = decisions.exclude(pk=exclude.pk)
    return decisions.first()


# --- the decision ------------------------------------------------------------------------------


def reunification_decide_errors(
    *,
    child: Child,
    decided_by_kind: str | None,
    decided_on: date | None,
    route: str | None,
    family_member: FamilyMember | None = None,
    order: CourtOrder | None = None,
    after_authority_basis: str = "",
    consent_withdrawn_on: date | None = None,
    after_authority: bool | None = None,
    decision: ReunificationDecision | None = None,
) -> dict[str | None, str]:
    """What is wrong with a reunification decision (Std 7.1). ``after_authority`` (from the
    journey: the decision comes after authority to place) makes the basis required, or not
    allowed; ``None`` leaves it to the user."""
    errors = Errors()
    if not decided_by_kind:
        errors.add("decided_by_kind", "Select who decided that the child goes home")
    if decided_on is None:
        errors.add("decided_on", "Enter the date of the decision")
    not_in_future(errors, "decided_on", decided_on, DECIDED)
    if decided_on and child.date_of_birth and decided_on < child.date_of_birth:
        errors.add(
            "decided_on",
            f"{DECIDED} must be on or after the date of birth "
            f"({format_date(child.date_of_birth)})",
        )
    if not route:
        errors.add("route", "Select where the child is going")
    if family_member is not None and family_member.child_id != child.pk:
        errors.add("family_member", "Choose a member of this child's family network")
    elif route == ReunificationRoute.PARENTS:
        if family_member is not None and family_member.relationship not in PARENT_RELATIONSHIPS:
            errors.add(
                "family_member",
                f"{family_member.name} is not a parent: choose a parent, or the route to a "
                "member of the family network",
            )
    elif route in {ReunificationRoute.FAMILY_NETWORK_MEMBER, ReunificationRoute.CONNECTED_PERSON}:
        if family_member is None:
            errors.add("family_member", "Select who the child is going to live with")
        elif family_member.relationship in PARENT_RELATIONSHIPS:
            errors.add(
                "family_member",
                f"{family_member.name} is a parent: choose the route home to the parents",
            )
        elif (
            route == ReunificationRoute.CONNECTED_PERSON
            and family_member.relationship != Relationship.CONNECTED_PERSON
        ):
            errors.add(
                "family_member",
                f"{family_member.name} is a relative: choose the route to a member of the "
                "family network",
            )
    if order is not None and order.child_id != child.pk:
        errors.add("order", "Choose an order made for this child")
    elif decided_by_kind == DecidedBy.COURT and order is None:
        errors.add("order", "Select the order the court made")
    elif order is not None and decided_on and order.made_on > decided_on:
        errors.add(
            "order",
            f"The order must be made on or before the date of the decision "
            f"(the order was made on {format_date(order.made_on)})",
        )
    basis = after_authority_basis or ""
    if after_authority is True and not basis:
        errors.add(
            "after_authority_basis",
            "Select how the plan for adoption ended: the placement order revoked, consent "
            "withdrawn or the adoption application refused",
        )
    if after_authority is False and basis:
        errors.add(
            "after_authority_basis",
            "The local authority is not authorised to place this child for adoption: leave "
            "this empty",
        )
    if basis == AfterAuthorityBasis.PLACEMENT_ORDER_REVOKED:
        # ACA 2002 s.24: only the court revokes a placement order; s.29(1) the care order revives
        if decided_by_kind and decided_by_kind != DecidedBy.COURT:
            errors.add("decided_by_kind", "Only the court can revoke a placement order")
        elif order is not None and order.kind != OrderKind.REVOCATION:
            errors.add("order", "Select the order revoking the placement order")
    if basis == AfterAuthorityBasis.APPLICATION_REFUSED:
        if decided_by_kind and decided_by_kind != DecidedBy.COURT:
            errors.add("decided_by_kind", "Only the court can refuse an adoption application")
    if basis == AfterAuthorityBasis.CONSENT_WITHDRAWN:
        if consent_withdrawn_on is None:
            errors.add("consent_withdrawn_on", "Enter the date consent was withdrawn")
        not_in_future(
            errors, "consent_withdrawn_on", consent_withdrawn_on, "Date consent was withdrawn"
        )
        not_before(
            errors,
            "decided_on",
            decided_on,
            consent_withdrawn_on,
            f"{DECIDED} must be on or after the date consent was withdrawn",
        )
    if child.pk is not None:
        other = _open_decision(child, exclude=decision)
        if other is not None:
            errors.add(
                None,
                f"A reunification is already under way for this child (decided "
                f"{format_date(other.decided_on)})",
            )
    if (
        decision is not None
        and decision.moved_on
        and decided_on
        and decided_on > decision.moved_on
    ):
        errors.add(
            "decided_on",
            f"{DECIDED} must be on or before the date the child moved "
            f"({format_date(decision.moved_on)})",
        )
    return errors.as_dict()


@transaction.atomic
def reunification_decide(
    *,
    child: Child,
    decided_by_kind: DecidedBy,
    decided_on: date,
    route: ReunificationRoute,
    by: User,
    family_member: FamilyMember | None = None,
    order: CourtOrder | None = None,
    after_authority_basis: str = "",
    consent_withdrawn_on: date | None = None,
    placed_for_adoption: bool = False,
    after_authority: bool | None = None,
    notes: str = "",
) -> ReunificationDecision:
    """Record that the child is to go home (Std 7.1). The journey's ``decide_reunification``
    calls this inside its transaction."""
    child = _locked_child(child)
    require_perm(by, CHANGE, child)
    Errors(
        reunification_decide_errors(
            child=child,
            decided_by_kind=decided_by_kind,
            decided_on=decided_on,
            route=route,
            family_member=family_member,
            order=order,
            after_authority_basis=after_authority_basis,
            consent_withdrawn_on=consent_withdrawn_on,
            after_authority=after_authority,
        )
    ).raise_any()
    consent = after_authority_basis == AfterAuthorityBasis.CONSENT_WITHDRAWN
    decision = save_record(
        ReunificationDecision(
            child=child,
            decided_by_kind=decided_by_kind,
            decided_on=decided_on,
            route=route,
            family_member=family_member,
            order=order,
            after_authority_basis=after_authority_basis or "",
            consent_withdrawn_on=consent_withdrawn_on if consent else None,
            placed_for_adoption=placed_for_adoption if consent else False,
            notes=notes.strip(),
        ),
        by=by,
    )
    reunification_emit(
        ReunificationEvent.REUNIFICATION_DECIDED,
        child=child,
        on=decided_on,
        by=by,
        record=decision,
    )
    return decision


@transaction.atomic
def reunification_update(
    *,
    decision: ReunificationDecision,
    decided_by_kind: DecidedBy,
    decided_on: date,
    route: ReunificationRoute,
    by: User,
    family_member: FamilyMember | None = None,
    order: CourtOrder | None = None,
    after_authority_basis: str = "",
    consent_withdrawn_on: date | None = None,
    placed_for_adoption: bool = False,
    notes: str = "",
) -> ReunificationDecision:
    """Correct the details of a decision (a corrected date emits the event again)."""
    child = _locked_child(decision.child)
    decision = ReunificationDecision.objects.select_for_update().get(pk=decision.pk)
    require_perm(by, CHANGE, child)
    Errors(
        reunification_decide_errors(
            child=child,
            decided_by_kind=decided_by_kind,
            decided_on=decided_on,
            route=route,
            family_member=family_member,
            order=order,
            after_authority_basis=after_authority_basis,
            consent_withdrawn_on=consent_withdrawn_on,
            decision=decision,
        )
    ).raise_any()
    before = decision.decided_on
    consent = after_authority_basis == AfterAuthorityBasis.CONSENT_WITHDRAWN
    decision.decided_by_kind, decision.decided_on, decision.route = (
        decided_by_kind,
        decided_on,
        route,
    )
    decision.family_member, decision.order = family_member, order
    decision.after_authority_basis = after_authority_basis or ""
    decision.consent_withdrawn_on = consent_withdrawn_on if consent else None
    decision.placed_for_adoption = placed_for_adoption if consent else False
    decision.notes = notes.strip()
    save_record(decision, by=by)
    reunification_emit_change(
        ReunificationEvent.REUNIFICATION_DECIDED,
        child=child,
        before=before,
        after=decided_on,
        by=by,
        record=decision,
    )
    return decision


# --- abandoned ---------------------------------------------------------------------------------


def reunification_abandon_errors(
    *, decision: ReunificationDecision, abandoned_on: date | None, reason: str
) -> dict[str | None, str]:
    errors = Errors()
    if decision.status != DecisionStatus.DECIDED:
        errors.add(None, "This reunification is no longer under way")
    if abandoned_on is None:
        errors.add("abandoned_on", "Enter the date the reunification was abandoned")
    not_in_future(errors, "abandoned_on", abandoned_on, ABANDONED)
    not_before(
        errors,
        "abandoned_on",
        abandoned_on,
        decision.decided_on,
        f"{ABANDONED} must be on or after the date of the decision "
        f"({format_date(decision.decided_on)})",
    )
    if not (reason or "").strip():
        errors.add("reason", "Enter why the reunification was abandoned")
    return errors.as_dict()


@transaction.atomic
def reunification_abandon(
    *, decision: ReunificationDecision, abandoned_on: date, reason: str, by: User
) -> ReunificationDecision:
    """The child is not going home after all; the decision and its plan keep their history
    (DESIGN.md ``reunification_abandoned``)."""
    child = _locked_child(decision.child)
    decision = ReunificationDecision.objects.select_for_update().get(pk=decision.pk)
    require_perm(by, CHANGE, child)
    Errors(
        reunification_abandon_errors(decision=decision, abandoned_on=abandoned_on, reason=reason)
    ).raise_any()
    decision.status = DecisionStatus.ABANDONED
    decision.abandoned_on = abandoned_on
    decision.abandoned_reason = reason.strip()
    save_record(decision, by=by)
    reunification_emit(
        ReunificationEvent.REUNIFICATION_ABANDONED,
        child=child,
        on=abandoned_on,
        by=by,
        record=decision,
    )
    return decision


# --- completed: the child moved ----------------------------------------------------------------


def _looked_after_on(child: Child, day: date) -> CarePeriod | None:
    for period in child.care_periods.all():
        if period.covers(day):
            return period
    return None


def _status_on(child: Child, day: date) -> str | None:
    current = None
    for status in child.legal_statuses.order_by("starts_on", "pk"):
        if status.starts_on <= day and (status.ends_on is None or day <= status.ends_on):
            current = status.code
    return current


def reunification_complete_errors(
    *,
    decision: ReunificationDecision,
    moved_on: date | None,
    outcome: str | None,
    care_order: CourtOrder | None = None,
    assessment_completed_on: date | None = None,
    placement_plan_on: date | None = None,
    nominated_officer_approved_on: date | None = None,
    nominated_officer: User | None = None,
    moved_before_assessment: bool = False,
    move_first_reason: str = "",
    temporary_approval_on: date | None = None,
    leaving_basis: str = "",
    leaving_order: CourtOrder | None = None,
    episode_ceased: str = "",
    senior_approved_by: str = "",
    senior_approved_on: date | None = None,
) -> dict[str | None, str]:
    """What stops the child's move home being recorded: the move date (not before the decision)
    and the outcome's conditions (CPR regs 15–19, 24). The journey's guard for
    ``complete_reunification`` asks this too."""
    errors = Errors()
    child = decision.child
    if decision.status != DecisionStatus.DECIDED:
        errors.add(None, "This reunification is no longer under way")
    if moved_on is None:
        errors.add("moved_on", "Enter the date the child moved")
    not_in_future(errors, "moved_on", moved_on, MOVED)
    not_before(
        errors,
        "moved_on",
        moved_on,
        decision.decided_on,
        f"{MOVED} must be on or after the date of the decision "
        f"({format_date(decision.decided_on)})",
    )
    last_return = return_due_on(decision)
    if moved_on and last_return and moved_on > last_return:
        days = RETURN_DAYS_PLACED if decision.placed_for_adoption else RETURN_DAYS
        # ACA 2002 ss.31–32
        errors.add(
            "moved_on",
            f"After consent is withdrawn the child must be returned within {days} days: "
            f"{MOVED.lower()} must be on or before {format_date(last_return)}",
        )
    if not outcome:
        errors.add("outcome", "Select where the child moved and whether they stay looked after")
    stays = outcome in {Outcome.STAYS_LOOKED_AFTER_WITH_PARENTS, Outcome.KINSHIP_FOSTER}
    if stays and moved_on and child.pk and _looked_after_on(child, moved_on) is None:
        errors.add(
            "outcome",
            f"The child is not looked after on {format_date(moved_on)}: record the period of "
            "care, or choose that the child left care",
        )
    if outcome == Outcome.STAYS_LOOKED_AFTER_WITH_PARENTS:
        _with_parents_errors(
            errors,
            decision=decision,
            moved_on=moved_on,
            care_order=care_order,
            assessment_completed_on=assessment_completed_on,
            placement_plan_on=placement_plan_on,
            nominated_officer_approved_on=nominated_officer_approved_on,
            nominated_officer=nominated_officer,
            moved_before_assessment=moved_before_assessment,
            move_first_reason=move_first_reason,
        )
    elif outcome == Outcome.KINSHIP_FOSTER:
        if decision.route == ReunificationRoute.PARENTS:
            errors.add(
                "outcome",
                "The child is going home to the parents: a kinship foster carer is a member "
                "of the family network or a connected person",
            )
        # CPR reg 24: temporary approval of a connected person before the child is placed
        if temporary_approval_on is None:
            errors.add(
                "temporary_approval_on",
                "Enter the date the family network member was approved as a foster carer "
                "(temporary approval, CPR reg 24)",
            )
        not_in_future(errors, "temporary_approval_on", temporary_approval_on, "Date of approval")
        not_before(
            errors,
            "temporary_approval_on",
            moved_on,
            temporary_approval_on,
            "Date of approval must be on or before the date the child moved",
        )
    elif outcome == Outcome.LEFT_CARE:
        _left_care_errors(
            errors,
            decision=decision,
            moved_on=moved_on,
            leaving_basis=leaving_basis,
            leaving_order=leaving_order,
            episode_ceased=episode_ceased,
            senior_approved_by=senior_approved_by,
            senior_approved_on=senior_approved_on,
        )
    return errors.as_dict()


def _with_parents_errors(
    errors: Errors,
    *,
    decision,
    moved_on,
    care_order,
    assessment_completed_on,
    placement_plan_on,
    nominated_officer_approved_on,
    nominated_officer,
    moved_before_assessment,
    move_first_reason,
) -> None:
    """CPR regs 15–19: a child in care placed with a parent, under an interim or full care
    order, after an assessment and the Nominated Officer's approval with a placement plan — or
    a move first where necessary (reg 19)."""
    child = decision.child
    if decision.route != ReunificationRoute.PARENTS:
        errors.add(
            "outcome",
            "A placement with parents needs the route home to the parents: the child is going "
            "to a member of the family network",
        )
    if care_order is None:
        errors.add("care_order", "Select the interim or full care order the child is placed under")
    elif care_order.child_id != child.pk or care_order.kind not in CARE_ORDERS:
        errors.add("care_order", "Choose an interim care order or care order made for this child")
    elif moved_on and care_order.made_on > moved_on:
        errors.add(
            "care_order",
            f"The care order must be made on or before the date the child moved "
            f"(it was made on {format_date(care_order.made_on)})",
        )
    elif (
        moved_on
        and not care_order.in_force_on(moved_on)
        # ACA 2002 s.29(1): the care order is suspended by the placement order and revives when
        # it is revoked
        and decision.after_authority_basis != AfterAuthorityBasis.PLACEMENT_ORDER_REVOKED
    ):
        errors.add(
            "care_order",
            f"The {care_order.get_kind_display().lower()} was not in force on "
            f"{format_date(moved_on)}",
        )
    if moved_before_assessment:
        # CPR reg 19
        if not (move_first_reason or "").strip():
            errors.add(
                "move_first_reason", "Enter why the child had to move before the assessment"
            )
        return
    for field, day, what in (
        ("assessment_completed_on", assessment_completed_on, "the assessment was completed"),
        ("placement_plan_on", placement_plan_on, "of the placement plan"),
        (
            "nominated_officer_approved_on",
            nominated_officer_approved_on,
            "the Nominated Officer approved the placement",
        ),
    ):
        if day is None:
            errors.add(
                field,
                f"Enter the date {what} (CPR regs 17–18), or say that the child had to move first",
            )
            continue
        not_in_future(errors, field, day, f"The date {what}")
        not_before(
            errors,
            field,
            moved_on,
            day,
            f"The date {what} must be on or before the date the child moved (CPR regs 17–18)",
        )
    not_before(
        errors,
        "nominated_officer_approved_on",
        nominated_officer_approved_on,
        assessment_completed_on,
        "The Nominated Officer approves after the assessment: the date must be on or after the "
        "date the assessment was completed",
    )
    if nominated_officer is None:
        errors.add("nominated_officer", "Select the Nominated Officer who approved the placement")
    elif not (
        nominated_officer.organisation_id == child.responsible_authority_id
        and nominated_officer.has_role(Role.NOMINATED_OFFICER)
    ):
        errors.add(
            "nominated_officer",
            f"{nominated_officer} is not a Nominated Officer of the child's local authority",
        )


def _left_care_errors(
    errors: Errors,
    *,
    decision,
    moved_on,
    leaving_basis,
    leaving_order,
    episode_ceased,
    senior_approved_by,
    senior_approved_on,
) -> None:
    child = decision.child
    if not leaving_basis:
        errors.add("leaving_basis", "Select how the child left care")
        return
    kind = LEAVING_ORDERS.get(leaving_basis)
    label = LeavingCareBasis(leaving_basis).label.lower()
    if kind is not None:
        if leaving_order is None:
            errors.add("leaving_order", f"Select the order: {label}")
        elif leaving_order.child_id != child.pk or leaving_order.kind != kind:
            errors.add("leaving_order", f"Choose the order made for this child: {label}")
        elif moved_on and leaving_order.made_on > moved_on:
            errors.add(
                "leaving_order",
                f"The order must be made on or before the date the child moved "
                f"(it was made on {format_date(leaving_order.made_on)})",
            )
    elif leaving_basis == LeavingCareBasis.SECTION_20_ENDED:
        # CPR: ceasing to look after a child accommodated under s.20 needs senior approval
        if moved_on and child.pk and _status_on(child, moved_on) != LegalStatus.V2:
            errors.add(
                "leaving_basis",
                f"The child was not accommodated under section 20 on {format_date(moved_on)}",
            )
        if not (senior_approved_by or "").strip():
            errors.add(
                "senior_approved_by",
                "Enter the senior manager who approved ending the child's accommodation",
            )
        if senior_approved_on is None:
            errors.add("senior_approved_on", "Enter the date of the senior approval")
        not_in_future(errors, "senior_approved_on", senior_approved_on, "Date of the approval")
        not_before(
            errors,
            "senior_approved_on",
            moved_on,
            senior_approved_on,
            "Date of the approval must be on or before the date the child moved",
        )
    if not episode_ceased:
        errors.add("episode_ceased", "Select the reason the episode ceased (SSDA903)")
    elif episode_ceased not in LEAVING_CODES[leaving_basis]:
        allowed = " or ".join(sorted(LEAVING_CODES[leaving_basis]))
        errors.add(
            "episode_ceased",
            f"Reason episode ceased {episode_ceased} does not go with: {label}; choose {allowed}",
        )
    if moved_on is None or child.pk is None:
        return
    period = _looked_after_on(child, moved_on)
    if period is None or period.ended_on is not None:
        errors.add(
            "outcome",
            f"The child is not looked after on {format_date(moved_on)}: there is no period of "
            "care to end",
        )
        return
    for message in care_period_errors(
        child=child,
        started_on=period.started_on,
        ended_on=moved_on,
        reason_ended="left care",
        period=period,
    ).values():
        errors.add("moved_on", message)


@transaction.atomic
def reunification_complete(
    *,
    decision: ReunificationDecision,
    moved_on: date,
    outcome: Outcome,
    by: User,
    care_order: CourtOrder | None = None,
    assessment_completed_on: date | None = None,
    placement_plan_on: date | None = None,
    nominated_officer_approved_on: date | None = None,
    nominated_officer: User | None = None,
    moved_before_assessment: bool = False,
    move_first_reason: str = "",
    temporary_approval_on: date | None = None,
    leaving_basis: str = "",
    leaving_order: CourtOrder | None = None,
    episode_ceased: str = "",
    senior_approved_by: str = "",
    senior_approved_on: date | None = None,
) -> ReunificationDecision:
    """The child moved (DESIGN.md ``complete_reunification``). Leaving care ends the child's
    period of care on the move date, in the same transaction, through ``children``."""
    child = _locked_child(decision.child)
    decision = (
        ReunificationDecision.objects.select_for_update()
        .select_related("child")
        .get(pk=decision.pk)
    )
    require_perm(by, CHANGE, child)
    values = dict(
        moved_on=moved_on,
        outcome=outcome,
        care_order=care_order,
        assessment_completed_on=assessment_completed_on,
        placement_plan_on=placement_plan_on,
        nominated_officer_approved_on=nominated_officer_approved_on,
        nominated_officer=nominated_officer,
        moved_before_assessment=moved_before_assessment,
        move_first_reason=move_first_reason,
        temporary_approval_on=temporary_approval_on,
        leaving_basis=leaving_basis,
        leaving_order=leaving_order,
        episode_ceased=episode_ceased,
        senior_approved_by=senior_approved_by,
        senior_approved_on=senior_approved_on,
    )
    Errors(reunification_complete_errors(decision=decision, **values)).raise_any()
    with_parents = outcome == Outcome.STAYS_LOOKED_AFTER_WITH_PARENTS
    first = with_parents and moved_before_assessment
    left = outcome == Outcome.LEFT_CARE
    decision.status = DecisionStatus.COMPLETED
    decision.moved_on, decision.outcome = moved_on, outcome
    decision.care_order = care_order if with_parents else None
    decision.moved_before_assessment = first
    decision.move_first_reason = move_first_reason.strip() if first else ""
    decision.assessment_completed_on = assessment_completed_on if with_parents else None
    decision.placement_plan_on = placement_plan_on if with_parents else None
    decision.nominated_officer_approved_on = (
        nominated_officer_approved_on if with_parents else None
    )
    decision.nominated_officer = nominated_officer if with_parents else None
    decision.assessment_due_on, decision.decision_due_on = (
        reg19_due_dates(moved_on) if first else (None, None)
    )
    decision.temporary_approval_on = (
        temporary_approval_on if outcome == Outcome.KINSHIP_FOSTER else None
    )
    decision.leaving_basis = leaving_basis if left else ""
    decision.leaving_order = leaving_order if left and leaving_basis in LEAVING_ORDERS else None
    decision.episode_ceased = episode_ceased if left else ""
    s20 = left and leaving_basis == LeavingCareBasis.SECTION_20_ENDED
    decision.senior_approved_by = senior_approved_by.strip() if s20 else ""
    decision.senior_approved_on = senior_approved_on if s20 else None
    save_record(decision, by=by)
    if left:
        period = _looked_after_on(child, moved_on)
        care_period_update(
            period=period,
            started_on=period.started_on,
            ended_on=moved_on,
            reason_ended=EpisodeCeased(episode_ceased).label,
            by=by,
        )
    reunification_emit(
        ReunificationEvent.MOVED_HOME, child=child, on=moved_on, by=by, record=decision
    )
    return decision


def reunification_reg19_errors(
    *,
    decision: ReunificationDecision,
    assessment_completed_on: date | None,
    nominated_officer_approved_on: date | None,
    nominated_officer: User | None,
    placement_plan_on: date | None,
) -> dict[str | None, str]:
    """After a move first (CPR reg 19): the assessment and the decision, recorded later."""
    errors = Errors()
    if not decision.moved_before_assessment:
        errors.add(None, "The child did not move before the assessment")
        return errors.as_dict()
    for field, day, subject in (
        (
            "assessment_completed_on",
            assessment_completed_on,
            "The date the assessment was completed",
        ),
        (
            "nominated_officer_approved_on",
            nominated_officer_approved_on,
            "The date of the decision",
        ),
        ("placement_plan_on", placement_plan_on, "The date of the placement plan"),
    ):
        not_in_future(errors, field, day, subject)
        not_before(
            errors,
            field,
            day,
            decision.moved_on,
            f"{subject} must be on or after the date the child moved "
            f"({format_date(decision.moved_on)})",
        )
    not_before(
        errors,
        "nominated_officer_approved_on",
        nominated_officer_approved_on,
        assessment_completed_on,
        "The date of the decision must be on or after the date the assessment was completed",
    )
    if nominated_officer_approved_on and nominated_officer is None:
        errors.add("nominated_officer", "Select the Nominated Officer who decided")
    elif nominated_officer is not None and not (
        nominated_officer.organisation_id == decision.child.responsible_authority_id
        and nominated_officer.has_role(Role.NOMINATED_OFFICER)
    ):
        errors.add(
            "nominated_officer",
            f"{nominated_officer} is not a Nominated Officer of the child's local authority",
        )
    return errors.as_dict()


@transaction.atomic
def reunification_reg19_record(
    *,
    decision: ReunificationDecision,
    by: User,
    assessment_completed_on: date | None = None,
    nominated_officer_approved_on: date | None = None,
    nominated_officer: User | None = None,
    placement_plan_on: date | None = None,
) -> ReunificationDecision:
    """Record the assessment and the Nominated Officer's decision after a move first (reg 19)."""
    child = _locked_child(decision.child)
    decision = (
        ReunificationDecision.objects.select_for_update()
        .select_related("child")
        .get(pk=decision.pk)
    )
    require_perm(by, CHANGE, child)
    Errors(
        reunification_reg19_errors(
            decision=decision,
            assessment_completed_on=assessment_completed_on,
            nominated_officer_approved_on=nominated_officer_approved_on,
            nominated_officer=nominated_officer,
            placement_plan_on=placement_plan_on,
        )
    ).raise_any()
    decision.assessment_completed_on = assessment_completed_on
    decision.nominated_officer_approved_on = nominated_officer_approved_on
    decision.nominated_officer = nominated_officer
    decision.placement_plan_on = placement_plan_on
    return save_record(decision, by=by)


__all__ = [
    "reg19_due_dates",
    "return_due_on",
    "reunification_abandon",
    "reunification_abandon_errors",
    "reunification_complete",
    "reunification_complete_errors",
    "reunification_decide",
    "reunification_decide_errors",
    "reunification_reg19_errors",
    "reunification_reg19_record",
    "reunification_update",
]
