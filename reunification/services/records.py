"""Writes to the records of a reunification under way and after it (issue 12; Std 7.3–7.8).

Each service locks the decision, checks ``children.change_child`` on the child and the record's
rules (shared with the form), and saves one record; an abandoned reunification keeps its plan and
records as they were (DESIGN.md ``reunification_abandoned``).
"""

from datetime import date

from django.db import transaction

from accounts.dates import format_date, not_before, not_in_future
from accounts.errors import Errors
from accounts.models import User
from accounts.permissions import can, require_perm
from accounts.records import save_record
from carers.models import Household
from carers.models import SupportKind as CarerSupportKind
from carers.services import support_save as household_support_save

from ..events import ReunificationEvent, reunification_emit_change
from ..models import (
    AfterReturnRecord,
    DecisionStatus,
    LifeStoryContribution,
    ReunificationDecision,
    ReunificationPlan,
    ReunificationSupport,
    StepKind,
    SupportFor,
    TransitionStep,
)

CHANGE = "children.change_child"
ABANDONED = "This reunification was abandoned: its records are kept as they were"


def _lock(decision: ReunificationDecision, by: User) -> ReunificationDecision:
    decision = (
        ReunificationDecision.objects.select_for_update()
        .select_related("child")
        .get(pk=decision.pk)
    )
    require_perm(by, CHANGE, decision.child)
    return decision


def _not_abandoned(errors: Errors, decision: ReunificationDecision) -> None:
    if decision.status == DecisionStatus.ABANDONED:
        errors.add(None, ABANDONED)


def _after_decision(errors, field, day, decision, subject) -> None:
    not_before(
        errors,
        field,
        day,
        decision.decided_on,
        f"{subject} must be on or after the date of the decision "
        f"({format_date(decision.decided_on)})",
    )


# --- the plan (Std 7.3, 7.4) -------------------------------------------------------------------


def plan_errors(
    *,
    decision: ReunificationDecision,
    agreed_on: date | None,
    agreed_with_parents: bool,
    agreed_with_carers: bool,
    childs_needs: str,
    final_hearing_on: date | None = None,
) -> dict[str | None, str]:
    errors = Errors()
    _not_abandoned(errors, decision)
    if not (childs_needs or "").strip():
        errors.add("childs_needs", "Enter the child's needs the plan puts first")
    not_in_future(errors, "agreed_on", agreed_on, "Date the plan was agreed")
    _after_decision(errors, "agreed_on", agreed_on, decision, "Date the plan was agreed")
    if agreed_on and not (agreed_with_parents and agreed_with_carers):
        errors.add(
            "agreed_with_parents" if not agreed_with_parents else "agreed_with_carers",
            "The plan is agreed with the parents and the carers (Standard 7.3): say that both "
            "agreed, or leave the date it was agreed empty",
        )
    _after_decision(
        errors, "final_hearing_on", final_hearing_on, decision, "Date of the final hearing"
    )
    return errors.as_dict()


@transaction.atomic
def plan_save(
    *,
    decision: ReunificationDecision,
    by: User,
    childs_needs: str,
    agreed_on: date | None = None,
    agreed_with_parents: bool = False,
    agreed_with_carers: bool = False,
    court_requirements: str = "",
    ongoing_assessment: str = "",
    final_hearing_on: date | None = None,
) -> ReunificationPlan:
    """Set out (or change) the reunification plan; agreeing it emits ``plan_agreed``."""
    decision = _lock(decision, by)
    Errors(
        plan_errors(
            decision=decision,
            agreed_on=agreed_on,
            agreed_with_parents=agreed_with_parents,
            agreed_with_carers=agreed_with_carers,
            childs_needs=childs_needs,
            final_hearing_on=final_hearing_on,
        )
    ).raise_any()
    plan = ReunificationPlan.objects.filter(decision=decision).first() or ReunificationPlan(
        decision=decision
    )
    before = plan.agreed_on
    plan.agreed_on, plan.final_hearing_on = agreed_on, final_hearing_on
    plan.agreed_with_parents, plan.agreed_with_carers = agreed_with_parents, agreed_with_carers
    plan.childs_needs = childs_needs.strip()
    plan.court_requirements = court_requirements.strip()
    plan.ongoing_assessment = ongoing_assessment.strip()
    save_record(plan, by=by)
    reunification_emit_change(
        ReunificationEvent.PLAN_AGREED,
        child=decision.child,
        before=before,
        after=agreed_on,
        by=by,
        record=plan,
    )
    return plan


# --- transition steps --------------------------------------------------------------------------


def step_errors(
    *,
    decision: ReunificationDecision,
    kind: str | None,
    planned_on: date | None,
    happened_on: date | None,
) -> dict[str | None, str]:
    errors = Errors()
    _not_abandoned(errors, decision)
    if not kind:
        errors.add("kind", "Select the kind of step")
    if planned_on is None:
        errors.add("planned_on", "Enter the planned date")
    _after_decision(errors, "planned_on", planned_on, decision, "The planned date")
    not_in_future(errors, "happened_on", happened_on, "The date it happened")
    _after_decision(errors, "happened_on", happened_on, decision, "The date it happened")
    if decision.moved_on:
        moved = format_date(decision.moved_on)
        for field, day in (("planned_on", planned_on), ("happened_on", happened_on)):
            if day and day > decision.moved_on:
                errors.add(
                    field,
                    f"A transition step comes before the child moves: the date must be on or "
                    f"before the date the child moved ({moved})",
                )
        if kind == StepKind.MOVE and happened_on and happened_on != decision.moved_on:
            errors.add("happened_on", f"The child moved on {moved}: the move happened that day")
    return errors.as_dict()


@transaction.atomic
def step_save(
    *,
    decision: ReunificationDecision,
    by: User,
    kind: StepKind,
    planned_on: date,
    happened_on: date | None = None,
    participants: str = "",
    notes: str = "",
    step: TransitionStep | None = None,
) -> TransitionStep:
    """Add or change a transition step (introductions, visits, overnight stays, the move)."""
    decision = _lock(decision, by)
    Errors(
        step_errors(decision=decision, kind=kind, planned_on=planned_on, happened_on=happened_on)
    ).raise_any()
    if step is not None:
        step = TransitionStep.objects.select_for_update().get(pk=step.pk, decision=decision)
    step = step or TransitionStep(decision=decision)
    step.kind, step.planned_on, step.happened_on = kind, planned_on, happened_on
    step.participants, step.notes = participants.strip(), notes.strip()
    return save_record(step, by=by)


# --- support (Std 7.7, 7.8) --------------------------------------------------------------------


def support_errors(
    *,
    decision: ReunificationDecision,
    for_whom: str | None,
    kind: str | None,
    offered_on: date | None,
    taken_up_on: date | None,
    declined: bool,
    on_hold_from: date | None = None,
    on_hold_to: date | None = None,
    household: Household | None = None,
) -> dict[str | None, str]:
    errors = Errors()
    _not_abandoned(errors, decision)
    if not for_whom:
        errors.add("for_whom", "Select who the support is for")
    if not kind:
        errors.add("kind", "Select the kind of support")
    not_in_future(errors, "offered_on", offered_on, "Date offered")
    not_in_future(errors, "taken_up_on", taken_up_on, "Date taken up")
    not_before(
        errors,
        "taken_up_on",
        taken_up_on,
        offered_on,
        "Date taken up must be on or after the date offered",
    )
    if declined and taken_up_on:
        errors.add("declined", "The offer was taken up: it cannot also be declined")
    if (on_hold_from or on_hold_to or household) and for_whom != SupportFor.EP_CARERS:
        errors.add("on_hold_from", "Only the early permanence carers' household is put on hold")
    if on_hold_to and on_hold_from is None:
        errors.add("on_hold_from", "Enter the date the household is on hold from")
    not_before(
        errors,
        "on_hold_to",
        on_hold_to,
        on_hold_from,
        "The date the household is on hold until must be on or after the date it is on hold from",
    )
    return errors.as_dict()


@transaction.atomic
def support_save(
    *,
    decision: ReunificationDecision,
    by: User,
    for_whom: SupportFor,
    kind: str,
    worker: str = "",
    offered_on: date | None = None,
    taken_up_on: date | None = None,
    declined: bool = False,
    household: Household | None = None,
    on_hold_from: date | None = None,
    on_hold_to: date | None = None,
    notes: str = "",
    support: ReunificationSupport | None = None,
) -> ReunificationSupport:
    """Record support offered and taken up. With the EP carers' ``household`` and an on-hold
    period, the household's own record (``carers.Support`` after a child went home, which makes
    it unavailable for that time, Std 7.7) is written through the carers' service in the same
    transaction — which only the household's agency may do (``carers.change_household``)."""
    decision = _lock(decision, by)
    Errors(
        support_errors(
            decision=decision,
            for_whom=for_whom,
            kind=kind,
            offered_on=offered_on,
            taken_up_on=taken_up_on,
            declined=declined,
            on_hold_from=on_hold_from,
            on_hold_to=on_hold_to,
            household=household,
        )
    ).raise_any()
    if support is not None:
        support = ReunificationSupport.objects.select_for_update().get(
            pk=support.pk, decision=decision
        )
    support = support or ReunificationSupport(decision=decision)
    household = household or support.household
    if household is not None and on_hold_from is not None:
        if not can(by, "carers.change_household", household):
            Errors(
                {
                    "on_hold_from": "Only the carers' supervising social worker can put their "
                    "household on hold: ask them to record it"
                }
            ).raise_any()
        support.household_support = household_support_save(
            household=household,
            by=by,
            kind=CarerSupportKind.AFTER_CHILD_WENT_HOME,
            offered_on=offered_on,
            taken_up_on=taken_up_on,
            starts_on=on_hold_from,
            ends_on=on_hold_to,
            provider=worker.strip(),
            notes="Recorded with the child's reunification",
            support=support.household_support,
        )
    support.for_whom, support.kind, support.worker = for_whom, kind, worker.strip()
    support.offered_on, support.taken_up_on, support.declined = offered_on, taken_up_on, declined
    support.household = household
    support.on_hold_from, support.on_hold_to = on_hold_from, on_hold_to
    support.notes = notes.strip()
    return save_record(support, by=by)


# --- life story (Std 7.6) ----------------------------------------------------------------------


def life_story_errors(
    *, decision: ReunificationDecision, given_on: date | None, description: str
) -> dict[str | None, str]:
    errors = Errors()
    _not_abandoned(errors, decision)
    if given_on is None:
        errors.add("given_on", "Enter the date it was given")
    not_in_future(errors, "given_on", given_on, "The date it was given")
    if not (description or "").strip():
        errors.add("description", "Enter what the carers gave for the child's life story")
    return errors.as_dict()


@transaction.atomic
def life_story_save(
    *,
    decision: ReunificationDecision,
    by: User,
    given_on: date,
    description: str,
    notes: str = "",
    contribution: LifeStoryContribution | None = None,
) -> LifeStoryContribution:
    decision = _lock(decision, by)
    Errors(
        life_story_errors(decision=decision, given_on=given_on, description=description)
    ).raise_any()
    if contribution is not None:
        contribution = LifeStoryContribution.objects.select_for_update().get(
            pk=contribution.pk, decision=decision
        )
    contribution = contribution or LifeStoryContribution(decision=decision)
    contribution.given_on = given_on
    contribution.description, contribution.notes = description.strip(), notes.strip()
    return save_record(contribution, by=by)


# --- after the return ----------------------------------------------------------------------------


def after_return_errors(
    *, decision: ReunificationDecision, kind: str | None, held_on: date | None
) -> dict[str | None, str]:
    errors = Errors()
    if decision.status != DecisionStatus.COMPLETED or decision.moved_on is None:
        errors.add(None, "Record the child's move home first")
    if not kind:
        errors.add("kind", "Select a visit or a review")
    if held_on is None:
        errors.add("held_on", "Enter the date")
    not_in_future(errors, "held_on", held_on, "The date")
    if decision.moved_on:
        not_before(
            errors,
            "held_on",
            held_on,
            decision.moved_on,
            f"The date must be on or after the date the child moved "
            f"({format_date(decision.moved_on)})",
        )
    return errors.as_dict()


@transaction.atomic
def after_return_save(
    *,
    decision: ReunificationDecision,
    by: User,
    kind: str,
    held_on: date,
    by_whom: str = "",
    outcome: str = "",
    record: AfterReturnRecord | None = None,
) -> AfterReturnRecord:
    """A visit to the child at home, or a review of the arrangement, after the return."""
    decision = _lock(decision, by)
    Errors(after_return_errors(decision=decision, kind=kind, held_on=held_on)).raise_any()
    if record is not None:
        record = AfterReturnRecord.objects.select_for_update().get(pk=record.pk, decision=decision)
    record = record or AfterReturnRecord(decision=decision)
    record.kind, record.held_on = kind, held_on
    record.by_whom, record.outcome = by_whom.strip(), outcome.strip()
    return save_record(record, by=by)
