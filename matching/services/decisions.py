"""The agency decision maker's decisions (ACA s.22; AAR regs 17–19; 903 RD1–RD4), the formal
adoption match (Std 4.7–4.11; AAR regs 31–33) and placement for adoption (AAR reg 35)."""

from datetime import date

from django.db import transaction

from accounts.dates import format_date, not_in_future
from accounts.errors import Errors
from accounts.models import Role, User
from accounts.permissions import require_perm
from accounts.records import save_record
from carers.models import Household
from children.models import Child

from ..events import MatchingEvent, matching_emit
from ..models import (
    AdoptionPlacement,
    AgencyDecision,
    AgencyDecisionKind,
    FormalMatch,
    FormalMatchDecision,
    NoLongerReason,
    PlacementCode,
    PlacementKind,
    Reg25AEndReason,
)
from ..selectors import journey_records
from .common import consent_case, consent_in_force, lock_child, placement_order_in_force

DECIDED_MISSING = "Enter the date of the decision"
KIND_MISSING = "Select the decision"
NOT_ADM = (
    "Only an agency decision maker of the child's responsible authority or of the adoption "
    "agency the child is referred to can make this decision"
)
PANEL_FIRST = (
    "Enter the date of the adoption panel's recommendation: in a consent or relinquished case "
    "the panel advises before the decision (AAR reg 18)"
)
PANEL_AFTER_DECISION = "The panel's recommendation must be on or before the decision"
REASON_CODE_MISSING = "Select the reason the child should no longer be placed for adoption"
NOTHING_TO_REVERSE = "There is no decision that the child should be placed for adoption"
HOUSEHOLD_MISSING = "Choose the household"
REG31_FIRST = (
    "Record the Reg 31 steps before the panel: the carers are given the child's permanence "
    "report and meet the agency"
)
REPORT_FIRST = "Enter the date of the adoption placement report before the panel"
RECOMMENDATION_MISSING = "Select the panel's recommendation"
PANEL_DATE_MISSING = "Enter the date of the adoption panel"
DECISION_MISSING = "Select the agency decision maker's decision"
PANEL_BEFORE_DECISION = "Record the adoption panel's recommendation before the decision"
ALREADY_DECIDED = "The agency decision maker has already decided this match"
DECLINE_REASON_MISSING = "Enter why the match was declined"
TRANSITION_PLAN_MISSING = "Enter the child's transition plan"
NEEDS_SHOULD_BE_PLACED = (
    "Needs the agency decision maker's decision that the child should be placed for adoption"
)
NOT_APPROVED = "The agency decision maker has not approved this match"
NOTICE_MISSING = "Enter the date of the agency's written notice to the carers"
NO_AUTHORITY = (
    "Needs a placement order or the parents' consent under section 19 to place the child for "
    "adoption"
)
ALREADY_PLACED = "The child is already placed for adoption under this match"


def _is_adm_for(by: User, child: Child) -> bool:
    return bool(
        by.is_active
        and by.organisation_id in (child.responsible_authority_id, child.referred_to_id)
        and by.has_role(Role.AGENCY_DECISION_MAKER)
    )


def agency_decision_errors(
    *,
    child: Child,
    by: User,
    kind: str | None,
    decided_on: date | None,
    panel_recommended_on: date | None = None,
    reason_code: str = "",
    consent: bool = False,
    should_be_placed: AgencyDecision | None = None,
    today: date | None = None,
) -> dict[str | None, str]:
    """LAW.md "The adoption agency's decisions": the ADM decides; in a consent or
    relinquished case the adoption panel advises first (since 2012 placement order cases go
    straight to the ADM); a no-longer decision carries its 903 reason RD1–RD4."""
    errors = Errors()
    if not _is_adm_for(by, child):
        errors.add(None, NOT_ADM)
    if kind not in AgencyDecisionKind.values:
        errors.add("kind", KIND_MISSING)
    if decided_on is None:
        errors.add("decided_on", DECIDED_MISSING)
    not_in_future(errors, "decided_on", decided_on, "Date of the decision", today)
    not_in_future(errors, "panel_recommended_on", panel_recommended_on, "Date of the panel", today)
    if kind == AgencyDecisionKind.SHOULD_BE_PLACED:
        if consent and panel_recommended_on is None:
            errors.add("panel_recommended_on", PANEL_FIRST)
        if panel_recommended_on and decided_on and panel_recommended_on > decided_on:
            errors.add("panel_recommended_on", PANEL_AFTER_DECISION)
    if kind == AgencyDecisionKind.NO_LONGER_TO_BE_PLACED:
        if should_be_placed is None:
            errors.add(None, NOTHING_TO_REVERSE)
        elif decided_on and decided_on < should_be_placed.decided_on:
            errors.add(
                "decided_on",
                "The decision must be on or after the decision that the child should be "
                f"placed for adoption ({format_date(should_be_placed.decided_on)})",
            )
        if reason_code not in NoLongerReason.values:
            errors.add("reason_code", REASON_CODE_MISSING)
    return errors.as_dict()


@transaction.atomic
def agency_decision_record(
    *,
    child: Child,
    kind: str,
    decided_on: date,
    by: User,
    panel_recommended_on: date | None = None,
    reason_code: str = "",
    reason: str = "",
) -> AgencyDecision:
    """Record the ADM's decision that the child should (or should no longer) be placed for
    adoption."""
    child = lock_child(child)
    require_perm(by, "matching.record_agency_decision", child)
    records = journey_records(child=child)
    Errors(
        agency_decision_errors(
            child=child,
            by=by,
            kind=kind,
            decided_on=decided_on,
            panel_recommended_on=panel_recommended_on,
            reason_code=reason_code,
            consent=consent_case(child),
            should_be_placed=records.should_be_placed_in_force,
        )
    ).raise_any()
    decision = AgencyDecision(
        child=child,
        kind=kind,
        decided_on=decided_on,
        decided_by=by,
        panel_recommended_on=panel_recommended_on,
        reason_code=reason_code if kind == AgencyDecisionKind.NO_LONGER_TO_BE_PLACED else "",
        reason=reason.strip(),
    )
    save_record(decision, by=by)
    event = (
        MatchingEvent.SHOULD_BE_PLACED_DECIDED
        if kind == AgencyDecisionKind.SHOULD_BE_PLACED
        else MatchingEvent.NO_LONGER_TO_BE_PLACED_DECIDED
    )
    matching_emit(event, child=child, on=decided_on, by=by, record=decision)
    return decision


STEP_FIELDS = (
    "permanence_report_given_on",
    "carers_met_agency_on",
    "adoption_placement_report_on",
    "adoption_support_plan_on",
    "life_story_plan_on",
    "panel_on",
)
STEP_SUBJECTS = {
    "permanence_report_given_on": "Date the carers were given the permanence report",
    "carers_met_agency_on": "Date the carers met the agency",
    "adoption_placement_report_on": "Date of the adoption placement report",
    "adoption_support_plan_on": "Date of the adoption support plan",
    "life_story_plan_on": "Date of the life story plan",
    "panel_on": "Date of the adoption panel",
}


def formal_match_errors(
    *,
    household: Household | None,
    permanence_report_given_on: date | None = None,
    carers_met_agency_on: date | None = None,
    adoption_placement_report_on: date | None = None,
    adoption_support_plan_on: date | None = None,
    life_story_plan_on: date | None = None,
    panel_on: date | None = None,
    panel_recommendation: str = "",
    decided: bool = False,
    today: date | None = None,
) -> dict[str | None, str]:
    """The formal match's steps in their order: AAR reg 31 (permanence report, meeting) and the
    adoption placement report before the panel (AAR reg 32); the recommendation with its date."""
    errors = Errors()
    if decided:
        errors.add(None, ALREADY_DECIDED)
    if household is None:
        errors.add("household", HOUSEHOLD_MISSING)
    dates = {
        "permanence_report_given_on": permanence_report_given_on,
        "carers_met_agency_on": carers_met_agency_on,
        "adoption_placement_report_on": adoption_placement_report_on,
        "adoption_support_plan_on": adoption_support_plan_on,
        "life_story_plan_on": life_story_plan_on,
        "panel_on": panel_on,
    }
    for name, day in dates.items():
        not_in_future(errors, name, day, STEP_SUBJECTS[name], today)
    if panel_on is not None:
        if permanence_report_given_on is None or carers_met_agency_on is None:
            errors.add("panel_on", REG31_FIRST)
        elif adoption_placement_report_on is None:
            errors.add("panel_on", REPORT_FIRST)
        for name in ("permanence_report_given_on", "carers_met_agency_on"):
            if dates[name] and dates[name] > panel_on:
                errors.add(name, f"{STEP_SUBJECTS[name]} must be on or before the panel")
        if not panel_recommendation:
            errors.add("panel_recommendation", RECOMMENDATION_MISSING)
    elif panel_recommendation:
        errors.add("panel_on", PANEL_DATE_MISSING)
    return errors.as_dict()


@transaction.atomic
def formal_match_save(
    *,
    child: Child,
    household: Household,
    by: User,
    formal_match: FormalMatch | None = None,
    **steps,
) -> FormalMatch:
    """Start the formal match with the household, or record its steps and the panel
    (the child's social worker or team manager)."""
    child = lock_child(child)
    require_perm(by, "matching.record_formal_match", child)
    if formal_match is not None:
        formal_match = FormalMatch.objects.get(pk=formal_match.pk, child=child)
    current = {n: getattr(formal_match, n) for n in STEP_FIELDS} if formal_match else {}
    current["panel_recommendation"] = formal_match.panel_recommendation if formal_match else ""
    values = {**current, **steps}
    values["panel_recommendation"] = values.get("panel_recommendation") or ""
    Errors(
        formal_match_errors(
            household=household,
            decided=bool(formal_match and formal_match.decision),
            **values,
        )
    ).raise_any()
    formal_match = formal_match or FormalMatch(child=child)
    formal_match.household = household
    for name, value in values.items():
        setattr(formal_match, name, value)
    return save_record(formal_match, by=by)


def formal_match_decide_errors(
    *,
    formal_match: FormalMatch,
    by: User,
    decision: str | None,
    decided_on: date | None,
    decline_reason: str = "",
    transition_plan: str = "",
    should_be_placed: AgencyDecision | None = None,
    today: date | None = None,
) -> dict[str | None, str]:
    """AAR reg 33: the ADM decides after the panel's recommendation (the ADM may belong to the
    RAA); a declined match has its reason and the child's transition plan (Std 4.8, 4.11)."""
    errors = Errors()
    if not _is_adm_for(by, formal_match.child):
        errors.add(None, NOT_ADM)
    if formal_match.decision:
        errors.add(None, ALREADY_DECIDED)
    if should_be_placed is None:
        errors.add(None, NEEDS_SHOULD_BE_PLACED)
    if formal_match.panel_on is None or not formal_match.panel_recommendation:
        errors.add(None, PANEL_BEFORE_DECISION)
    if decision not in FormalMatchDecision.values:
        errors.add("decision", DECISION_MISSING)
    if decided_on is None:
        errors.add("decided_on", DECIDED_MISSING)
    not_in_future(errors, "decided_on", decided_on, "Date of the decision", today)
    if decided_on and formal_match.panel_on and decided_on < formal_match.panel_on:
        errors.add(
            "decided_on",
            "The decision must be on or after the adoption panel "
            f"({format_date(formal_match.panel_on)})",
        )
    if decision == FormalMatchDecision.DECLINED:
        if not (decline_reason or "").strip():
            errors.add("decline_reason", DECLINE_REASON_MISSING)
        if not (transition_plan or "").strip():
            errors.add("transition_plan", TRANSITION_PLAN_MISSING)
    return errors.as_dict()


@transaction.atomic
def formal_match_decide(
    *,
    formal_match: FormalMatch,
    decision: str,
    decided_on: date,
    by: User,
    decline_reason: str = "",
    transition_plan: str = "",
) -> FormalMatch:
    """The ADM's decision on the match (the journey's approve/decline transitions call it)."""
    child = lock_child(formal_match.child)
    require_perm(by, "matching.record_agency_decision", child)
    formal_match = FormalMatch.objects.select_related("child").get(pk=formal_match.pk)
    Errors(
        formal_match_decide_errors(
            formal_match=formal_match,
            by=by,
            decision=decision,
            decided_on=decided_on,
            decline_reason=decline_reason,
            transition_plan=transition_plan,
            should_be_placed=journey_records(child=child).should_be_placed_in_force,
        )
    ).raise_any()
    formal_match.decision = decision
    formal_match.decided_on = decided_on
    formal_match.decided_by = by
    formal_match.decline_reason = decline_reason.strip()
    formal_match.transition_plan = transition_plan.strip()
    save_record(formal_match, by=by)
    matching_emit(
        MatchingEvent.FORMAL_MATCH_DECIDED, child=child, on=decided_on, by=by, record=formal_match
    )
    return formal_match


def adoption_placement_errors(
    *,
    formal_match: FormalMatch | None,
    notice_on: date | None,
    adoption_placement_plan_on: date | None = None,
    authority: bool = True,
    already: bool = False,
    today: date | None = None,
) -> dict[str | None, str]:
    """AAR reg 35: placed for adoption on the date of the agency's written notice to the
    carers, after the ADM approved the match, with authority to place (ACA s.18)."""
    errors = Errors()
    if already:
        errors.add(None, ALREADY_PLACED)
    if formal_match is None or formal_match.decision != FormalMatchDecision.APPROVED:
        errors.add(None, NOT_APPROVED)
    if not authority:
        errors.add(None, NO_AUTHORITY)
    if notice_on is None:
        errors.add("notice_on", NOTICE_MISSING)
    not_in_future(errors, "notice_on", notice_on, "Date of the agency's notice", today)
    not_in_future(
        errors,
        "adoption_placement_plan_on",
        adoption_placement_plan_on,
        "Date of the adoption placement plan",
        today,
    )
    if (
        notice_on
        and formal_match is not None
        and formal_match.decided_on
        and notice_on < formal_match.decided_on
    ):
        errors.add(
            "notice_on",
            "The notice must be on or after the agency decision maker approved the match "
            f"({format_date(formal_match.decided_on)})",
        )
    return errors.as_dict()


@transaction.atomic
def adoption_placement_record(
    *,
    child: Child,
    formal_match: FormalMatch,
    notice_on: date,
    adoption_placement_plan_on: date | None,
    by: User,
) -> AdoptionPlacement:
    """Placed for adoption (AAR reg 35): also records the Placement with the same carers —
    A5 under a placement order, A3 with s.19 consent (A6 / A4 when they are not the current
    carers) — and ends the Reg 25A temporary approval (CPR reg 25A(3))."""
    from .matches import reg25a_end_for_child
    from .placements import open_placement_of, placement_record

    child = lock_child(child)
    require_perm(by, "matching.record_placement", child)
    formal_match = FormalMatch.objects.select_related("household").get(
        pk=formal_match.pk, child=child
    )
    order = notice_on is not None and placement_order_in_force(child, notice_on)
    consent = notice_on is not None and not order and consent_in_force(child, notice_on)
    Errors(
        adoption_placement_errors(
            formal_match=formal_match,
            notice_on=notice_on,
            adoption_placement_plan_on=adoption_placement_plan_on,
            authority=notice_on is None or order or consent,
            already=AdoptionPlacement.objects.filter(formal_match=formal_match).exists(),
        )
    ).raise_any()
    placement = AdoptionPlacement(
        child=child,
        formal_match=formal_match,
        notice_on=notice_on,
        adoption_placement_plan_on=adoption_placement_plan_on,
    )
    save_record(placement, by=by)
    current = open_placement_of(child)
    with_carers = current is not None and current.household_id == formal_match.household_id
    if order:
        code = PlacementCode.A5 if with_carers else PlacementCode.A6
    else:
        code = PlacementCode.A3 if with_carers else PlacementCode.A4
    reg25a_end_for_child(
        child=child,
        household=formal_match.household,
        ended_on=notice_on,
        reason=Reg25AEndReason.PLACED_FOR_ADOPTION,
        by=by,
    )
    placement_record(
        child=child,
        kind=PlacementKind.PLACED_FOR_ADOPTION,
        starts_on=notice_on,
        placement_code=code,
        by=by,
        household=formal_match.household,
        provider_code=current.provider_code if current else "",
        postcode_district=current.postcode_district if current else "",
        reason_for_change="PLACE" if with_carers else ("CARPL" if current else ""),
    )
    matching_emit(
        MatchingEvent.PLACED_FOR_ADOPTION, child=child, on=notice_on, by=by, record=placement
    )
    return placement
