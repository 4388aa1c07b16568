"""Every move of the EP journey: one service per transition (DESIGN.md "The EP journey").

Each runs in one transaction: it locks the child's journey row, refuses when the case changed
since the page was shown ("This case was changed by someone else — reload to see the change"),
checks the transition's permission (``journey.rules``) and its guard (``journey.guards``) on the
facts loaded once, asks for a reason for each warning that applies, creates the records the
transition makes through the owning app's service (matching, reunification, children), moves
the stage, logs it (django-fsm-log's ``StateLog`` + ``TransitionRecord``) and emits
``stage_entered``. Anything that fails rolls the whole move back.
"""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django_fsm import ConcurrentTransition, can_proceed, has_transition_perm
from django_fsm_log.models import StateLog

from accounts import clock
from accounts.errors import Errors
from accounts.models import User
from children.models import Child

from . import guards
from .events import JourneyEvent, journey_emit
from .facts import child_facts, load_facts
from .models import CloseReason, Journey, TransitionRecord

CHANGED = "This case was changed by someone else — reload to see the change"


def journey_create(*, child: Child) -> Journey:
    """The child's journey, at ``identified`` (a new child; the data migration for the rest)."""
    return Journey.objects.create(child=child, stage_entered_at=timezone.now())


def _locked(child: Child) -> Journey:
    """The child's journey row, locked for this transaction (made at ``identified`` for a child
    that has none yet, such as one loaded before the journey existed)."""
    journey = Journey.objects.select_for_update().filter(child_id=child.pk).first()
    if journey is None:
        try:
            with transaction.atomic():
                journey_create(child=child)
        except IntegrityError:  # made by someone else at the same moment
            pass
        journey = Journey.objects.select_for_update().get(child_id=child.pk)
    return journey


@dataclass(frozen=True)
class Move:
    """What a transition service hands to ``_move``."""

    name: str
    check: Callable[[guards.Facts], guards.Check]
    on: date
    reason: str = ""
    warning_reasons: dict | None = None
    close_reason: str = ""
    facts: Callable = load_facts


def _warnings_with_reasons(check: guards.Check, given: dict | None, errors: dict) -> list:
    """Each warning that applies needs its reason (kept with the transition); the field of the
    reason is ``warning_<code>``."""
    kept = []
    for warning in check.warnings:
        reason = (given or {}).get(warning.code, "").strip()
        if not reason:
            errors[f"warning_{warning.code}"] = f"Give the reason to go ahead: {warning.message}"
        kept.append({"code": warning.code, "message": warning.message, "reason": reason})
    return kept


def _move(
    *,
    child: Child,
    by: User,
    expected_stage: str | None,
    move: Move,
    create_records: Callable[[Journey], None] | None = None,
    apply: Callable[[Journey], None] | None = None,
) -> TransitionRecord:
    journey = _locked(child)
    if expected_stage is not None and journey.stage != expected_stage:
        raise ValidationError({"__all__": CHANGED})
    bound = getattr(journey, move.name)
    if not can_proceed(bound, check_conditions=False):
        raise ValidationError(
            {
                "__all__": f"The case is at {journey.get_stage_display().lower()}: "
                "this step is not open from there"
            }
        )
    if not has_transition_perm(bound, by):
        raise PermissionDenied(f"{by.pk} may not {move.name} this child")
    check = move.check(move.facts(journey.child))
    errors: dict = {}
    if check.missing:
        errors["__all__"] = list(check.missing)
    warnings = _warnings_with_reasons(check, move.warning_reasons, errors)
    if errors:
        raise ValidationError(errors)
    source = journey.stage
    if create_records is not None:
        create_records(journey)
    if apply is not None:
        apply(journey)
    else:
        bound(by=by, description=move.reason or None)
    journey.stage_entered_at = timezone.now()
    try:
        journey.save()
    except ConcurrentTransition as error:
        raise ValidationError({"__all__": CHANGED}) from error
    log = StateLog.objects.for_(journey).order_by("-pk").first()
    record = TransitionRecord.objects.create(
        journey=journey,
        log=log,
        transition=move.name,
        source=source,
        target=journey.stage,
        on=move.on,
        by=by,
        reason=move.reason,
        close_reason=move.close_reason,
        warnings=warnings,
    )
    journey_emit(JourneyEvent.STAGE_ENTERED, child=journey.child, on=move.on, by=by, record=record)
    return record


def _child_only(child: Child) -> guards.Facts:
    return child_facts(child)


# --- the transitions ---------------------------------------------------------------------------


@transaction.atomic
def journey_agree_ep_plan(
    *, child: Child, agreed_on: date, by: User, expected_stage: str | None = None, reason: str = ""
) -> TransitionRecord:
    """identified → family_finding: the team manager agrees the EP plan (Std 1.2, 2.4)."""
    return _move(
        child=child,
        by=by,
        expected_stage=expected_stage,
        move=Move("agree_ep_plan", guards.agree_ep_plan, agreed_on, reason, facts=_child_only),
    )


@transaction.atomic
def journey_propose_match(
    *,
    child: Child,
    household,
    proposed_on: date,
    by: User,
    training_warning_reason: str = "",
    expected_stage: str | None = None,
) -> TransitionRecord:
    """family_finding → match_proposed: the social worker proposes the EP carers."""
    from matching.services import match_propose

    from .households import household_facts

    today = clock.today()

    def check(facts):
        return guards.propose_match(
            facts, household_facts(household, child=child, today=today) if household else None
        )

    return _move(
        child=child,
        by=by,
        expected_stage=expected_stage,
        move=Move(
            "propose_match",
            check,
            proposed_on,
            warning_reasons={"ep_preparation": training_warning_reason},
            facts=_child_only,
        ),
        create_records=lambda journey: match_propose(
            child=journey.child,
            household=household,
            proposed_on=proposed_on,
            by=by,
            training_warning_reason=training_warning_reason,
        ),
    )


@transaction.atomic
def journey_withdraw_match(
    *, child: Child, withdrawn_on: date, reason: str, by: User, expected_stage: str | None = None
) -> TransitionRecord:
    """match_proposed → family_finding: the proposed match is withdrawn, with a reason."""
    from matching.selectors import journey_records
    from matching.services import match_withdraw

    def create(journey):
        match = journey_records(child=journey.child).current_match
        if match is not None:
            match_withdraw(match=match, withdrawn_on=withdrawn_on, reason=reason, by=by)

    return _move(
        child=child,
        by=by,
        expected_stage=expected_stage,
        move=Move(
            "withdraw_match",
            lambda facts: guards.needs_reason(reason),
            withdrawn_on,
            reason,
            facts=_child_only,
        ),
        create_records=create,
    )


@transaction.atomic
def journey_place_with_carers(
    *,
    child: Child,
    starts_on: date,
    placement_code: str,
    by: User,
    provider_code: str = "",
    postcode_district: str = "",
    outside_terms_reason: str = "",
    expected_stage: str | None = None,
) -> TransitionRecord:
    """match_proposed → fostering_phase: the child is placed with the EP carers."""
    from matching.models import PlacementKind
    from matching.selectors import journey_records
    from matching.services import placement_record

    def create(journey):
        match = journey_records(child=journey.child).current_match
        placement_record(
            child=journey.child,
            kind=PlacementKind.EP_CARERS,
            starts_on=starts_on,
            placement_code=placement_code,
            by=by,
            household=match.household,
            provider_code=provider_code,
            postcode_district=postcode_district,
            outside_terms_reason=outside_terms_reason,
        )

    return _move(
        child=child,
        by=by,
        expected_stage=expected_stage,
        move=Move(
            "place_with_carers",
            lambda facts: guards.place_with_carers(
                facts, starts_on=starts_on, placement_code=placement_code
            ),
            starts_on,
            warning_reasons={"outside_terms": outside_terms_reason},
        ),
        create_records=create,
    )


@transaction.atomic
def journey_placement_disrupted(
    *,
    child: Child,
    ends_on: date,
    reason: str,
    by: User,
    immediate_risk: bool = False,
    expected_stage: str | None = None,
) -> TransitionRecord:
    """fostering_phase → family_finding: the EP placement ended (CPR reg 14)."""
    from matching.selectors import journey_records
    from matching.services import placement_end

    def create(journey):
        placement = journey_records(child=journey.child).ep_placement
        if placement is not None:
            placement_end(placement=placement, ends_on=ends_on, reason=reason, by=by)

    return _move(
        child=child,
        by=by,
        expected_stage=expected_stage,
        move=Move(
            "placement_disrupted",
            lambda facts: guards.placement_disrupted(
                facts, reason=reason, immediate_risk=immediate_risk
            ),
            ends_on,
            reason,
        ),
        create_records=create,
    )


@transaction.atomic
def journey_authorise_placement(
    *, child: Child, authorised_on: date, by: User, expected_stage: str | None = None
) -> TransitionRecord:
    """fostering_phase → authorised_to_place: a placement order, s.19 consent or a written
    agreement, after the should-be-placed decision."""
    return _move(
        child=child,
        by=by,
        expected_stage=expected_stage,
        move=Move("authorise_placement", guards.authorise_placement, authorised_on),
    )


def _formal_match(child):
    from matching.selectors import journey_records

    formal = journey_records(child=child).formal_match
    if formal is None:
        raise ValidationError({"__all__": "Needs the formal match recorded"})
    return formal


@transaction.atomic
def journey_approve_formal_match(
    *, child: Child, decided_on: date, by: User, expected_stage: str | None = None
) -> TransitionRecord:
    """authorised_to_place → matched: the agency decision maker approves the match."""
    from matching.services import formal_match_decide

    return _move(
        child=child,
        by=by,
        expected_stage=expected_stage,
        move=Move("approve_formal_match", guards.approve_formal_match, decided_on),
        create_records=lambda journey: formal_match_decide(
            formal_match=_formal_match(journey.child),
            decision="approved",
            decided_on=decided_on,
            by=by,
        ),
    )


@transaction.atomic
def journey_decline_formal_match(
    *,
    child: Child,
    decided_on: date,
    reason: str,
    transition_plan: str,
    by: User,
    expected_stage: str | None = None,
) -> TransitionRecord:
    """authorised_to_place → family_finding: the agency decision maker declines the match."""
    from matching.services import formal_match_decide

    return _move(
        child=child,
        by=by,
        expected_stage=expected_stage,
        move=Move(
            "decline_formal_match",
            lambda facts: guards.decline_formal_match(
                facts, reason=reason, transition_plan=transition_plan
            ),
            decided_on,
            reason,
        ),
        create_records=lambda journey: formal_match_decide(
            formal_match=_formal_match(journey.child),
            decision="declined",
            decided_on=decided_on,
            by=by,
            decline_reason=reason,
            transition_plan=transition_plan,
        ),
    )


@transaction.atomic
def journey_place_for_adoption(
    *,
    child: Child,
    notice_on: date,
    adoption_placement_plan_on: date,
    by: User,
    appeal_window_reason: str = "",
    expected_stage: str | None = None,
) -> TransitionRecord:
    """matched → placed_for_adoption: the agency's written notice (AAR reg 35)."""
    from matching.services import adoption_placement_record

    return _move(
        child=child,
        by=by,
        expected_stage=expected_stage,
        move=Move(
            "place_for_adoption",
            lambda facts: guards.place_for_adoption(
                facts, notice_on=notice_on, adoption_placement_plan_on=adoption_placement_plan_on
            ),
            notice_on,
            warning_reasons={"appeal_window": appeal_window_reason},
        ),
        create_records=lambda journey: adoption_placement_record(
            child=journey.child,
            formal_match=_formal_match(journey.child),
            notice_on=notice_on,
            adoption_placement_plan_on=adoption_placement_plan_on,
            by=by,
        ),
    )


@transaction.atomic
def journey_record_adoption_order(
    *,
    child: Child,
    made_on: date,
    by: User,
    early_application_reason: str = "",
    expected_stage: str | None = None,
) -> TransitionRecord:
    """placed_for_adoption → adopted: the court made the adoption order (never blocked by
    s.42(2): a warning)."""
    from children.models import OrderKind
    from children.services.court import order_record

    return _move(
        child=child,
        by=by,
        expected_stage=expected_stage,
        move=Move(
            "record_adoption_order",
            lambda facts: guards.record_adoption_order(facts, order_made_on=made_on),
            made_on,
            warning_reasons={"early_application": early_application_reason},
        ),
        create_records=lambda journey: order_record(
            child=journey.child, kind=OrderKind.ADOPTION, made_on=made_on, by=by
        ),
    )


@transaction.atomic
def journey_decide_reunification(
    *,
    child: Child,
    decided_by_kind: str,
    decided_on: date,
    route: str,
    by: User,
    family_member=None,
    order=None,
    after_authority_basis: str = "",
    reason: str = "",
    expected_stage: str | None = None,
) -> TransitionRecord:
    """An EP stage → reunification: the court or the LA decided the child goes home."""
    from reunification.services import reunification_decide

    stage_now = _locked(child).stage
    return _move(
        child=child,
        by=by,
        expected_stage=expected_stage,
        move=Move(
            "decide_reunification",
            lambda facts: guards.decide_reunification(
                facts,
                stage=stage_now,
                decided_on=decided_on,
                route=route,
                after_authority_basis=after_authority_basis,
            ),
            decided_on,
            reason,
            facts=_child_only,
        ),
        create_records=lambda journey: reunification_decide(
            child=journey.child,
            decided_by_kind=decided_by_kind,
            decided_on=decided_on,
            route=route,
            by=by,
            family_member=family_member,
            order=order,
            after_authority_basis=after_authority_basis,
        ),
    )


@transaction.atomic
def journey_abandon_reunification(
    *,
    child: Child,
    abandoned_on: date,
    reason: str,
    by: User,
    expected_stage: str | None = None,
) -> TransitionRecord:
    """reunification → the stage it left: the reunification will not go ahead."""
    from reunification.selectors import current_decision
    from reunification.services import reunification_abandon

    def create(journey):
        decision = current_decision(child=journey.child)
        if decision is not None:
            reunification_abandon(
                decision=decision, abandoned_on=abandoned_on, reason=reason, by=by
            )

    return _move(
        child=child,
        by=by,
        expected_stage=expected_stage,
        move=Move(
            "reunification_abandoned",
            lambda facts: guards.needs_reason(reason),
            abandoned_on,
            reason,
            facts=_child_only,
        ),
        create_records=create,
    )


def _as_dict(errors) -> dict:
    if isinstance(errors, Errors):
        return errors.as_dict()
    if isinstance(errors, dict):
        return errors
    return {i: message for i, message in enumerate(errors or [])}


@transaction.atomic
def journey_complete_reunification(
    *,
    child: Child,
    moved_on: date,
    outcome: str,
    by: User,
    expected_stage: str | None = None,
    **completion,
) -> TransitionRecord:
    """reunification → reunified: the child moved home (CPR regs 17-19, 24)."""
    from reunification.selectors import current_decision
    from reunification.services import reunification_complete, reunification_complete_errors

    decision = current_decision(child=child)

    def check(facts):
        errors = (
            reunification_complete_errors(
                decision=decision, moved_on=moved_on, outcome=outcome, **completion
            )
            if decision is not None
            else {}
        )
        return guards.complete_reunification(facts, record_errors=_as_dict(errors))

    return _move(
        child=child,
        by=by,
        expected_stage=expected_stage,
        move=Move("complete_reunification", check, moved_on),
        create_records=lambda journey: reunification_complete(
            decision=decision, moved_on=moved_on, outcome=outcome, by=by, **completion
        ),
    )


@transaction.atomic
def journey_close(
    *,
    child: Child,
    reason: CloseReason | str,
    detail: str,
    closed_on: date,
    by: User,
    expected_stage: str | None = None,
) -> TransitionRecord:
    """Any open stage → closed: the team manager closes the case with a reason from the list."""
    if reason and reason not in CloseReason.values:
        raise ValidationError({"reason": "Choose the reason for closing"})

    def apply(journey):
        journey.close(reason=reason, detail=detail, by=by, description=detail)

    return _move(
        child=child,
        by=by,
        expected_stage=expected_stage,
        move=Move(
            "close",
            lambda facts: guards.close(facts, reason=reason, detail=detail),
            closed_on,
            detail,
            close_reason=reason,
            facts=_child_only,
        ),
        apply=apply,
    )
