"""Every guard of the EP journey, as the law (DESIGN.md "The EP journey"; LAW.md for each source).

Each guard is a pure function of a ``Facts`` snapshot (``journey.facts.load_facts`` reads the
records once, in a fixed number of queries) and of what the transition's form gives. It returns a
``Check``: ``missing`` — messages naming what is missing, each of which blocks — and
``warnings`` — what needs a reason to go ahead but does not block. A newcomer reads this module
top to bottom as the rules.
"""

from dataclasses import dataclass, field
from datetime import date, timedelta

from accounts.working_days import add_working_days

# --- the snapshot ------------------------------------------------------------------------------


@dataclass(frozen=True)
class HouseholdFacts:
    """The proposed EP carers, as the guards need them (carers' records)."""

    name: str = ""
    adopter_approved: bool = False
    opted_out: bool = False
    caring_for_other_ep_child: bool = False
    other_child_is_sibling: bool = False
    ep_preparation_completed: bool = False
    foster_approved: bool = False
    foster_terms_cover_child: bool = False


@dataclass(frozen=True)
class Facts:
    """What the records say about one child on one day."""

    today: date
    born: bool = False
    date_of_birth: date | None = None
    # the twin-track plan: the decision meeting and the EP type (Std 1.2, 2.4)
    plan_meeting_on: date | None = None
    ep_type: str = ""  # "ffa" / "concurrent"
    ffa_basis: str = ""  # "9A_a" / "9A_b"
    # family and friends considered first (CA s.22C(9B)(b))
    viability_assessments: int = 0
    # the looked-after basis on a day: (starts_on, ends_on, label) of legal statuses/s.20
    looked_after_bases: tuple = ()
    # court
    care_proceedings_pending: bool = False
    placement_order_made_on: date | None = None
    placement_order_in_force: bool = False
    revocation_pending: bool = False
    revocation_leave_given: bool = False
    adoption_application_on: date | None = None  # the adoption proceedings' issue date
    # consent (children.selectors.legal.consent_authority)
    consent_authorised: bool = False
    consent_reasons: tuple = ()
    written_agreement_on: date | None = None
    # matching (matching.selectors.journey_records)
    household: HouseholdFacts | None = None
    match_proposed: bool = False
    no_authorised_on: date | None = None
    reg25a_approved_on: date | None = None
    should_be_placed_on: date | None = None
    formal_match_steps: dict = field(default_factory=dict)  # step label → date or None
    formal_match_panel_recommendation: str = ""
    formal_match_decision: str = ""
    ep_placement_starts_on: date | None = None
    home_with_carers_since: date | None = None  # start of the unbroken home with the carers
    placed_for_adoption_on: date | None = None
    review_held_since_placement: bool = False
    # reunification (reunification.selectors.current_decision)
    reunification_decided: bool = False


@dataclass
class Warning:
    code: str
    message: str


@dataclass
class Check:
    missing: list[str] = field(default_factory=list)
    warnings: list[Warning] = field(default_factory=list)

    @property
    def allowed(self) -> bool:
        return not self.missing

    def need(self, condition: bool, message: str) -> None:
        if not condition:
            self.missing.append(message)

    def warn(self, condition: bool, code: str, message: str) -> None:
        if condition:
            self.warnings.append(Warning(code, message))


# --- agree_ep_plan: identified → family_finding (team manager) --------------------------------


def agree_ep_plan(facts: Facts) -> Check:
    """The decision meeting is recorded with the EP type (Std 1.2, 2.4); fostering for adoption
    names its basis (CA 1989 s.22C(9A)(a) or (b))."""
    check = Check()
    check.need(
        facts.plan_meeting_on is not None,
        "Needs the decision meeting recorded in the twin-track plan (kind and date)",
    )
    check.need(bool(facts.ep_type), "Needs the early permanence type in the plan")
    check.need(
        facts.ep_type != "ffa" or bool(facts.ffa_basis),
        "Needs the basis for fostering for adoption: s.22C(9A)(a) or (b)",
    )
    return check


# --- propose_match: family_finding → match_proposed (social worker) ---------------------------


def propose_match(facts: Facts, household: HouseholdFacts | None) -> Check:
    """The household is approved as prospective adopters, has not opted out of EP, and is not
    caring for another EP child unless a sibling; EP preparation not completed is a warning
    (Std 3.2, 3.4; CA 1989 s.22C(9B)(c): a foster parent approved as a prospective adopter)."""
    check = Check()
    if household is None:
        check.need(False, "Choose the EP carers")
        return check
    check.need(household.adopter_approved, "Needs carers approved as prospective adopters")
    check.need(not household.opted_out, "The carers have opted out of early permanence")
    check.need(
        not household.caring_for_other_ep_child or household.other_child_is_sibling,
        "The carers are caring for another early permanence child who is not a brother or sister",
    )
    check.warn(
        not household.ep_preparation_completed,
        "ep_preparation",
        "The carers have not completed early permanence preparation",
    )
    return check


# --- withdraw_match: match_proposed → family_finding ------------------------------------------


def needs_reason(reason: str) -> Check:
    check = Check()
    check.need(bool(reason.strip()), "Enter the reason")
    return check


# --- place_with_carers: match_proposed → fostering_phase (social worker) ----------------------

# CPR 2010 reg 23: an emergency placement outside a foster carer's terms, for up to 6 working days
EMERGENCY_WORKING_DAYS = 6


def looked_after_on(facts: Facts, day: date) -> str:
    """The recorded basis on which the child is looked after on ``day`` (ICO, s.20, EPO), or ""."""
    for starts_on, ends_on, label in facts.looked_after_bases:
        if starts_on <= day and (ends_on is None or day <= ends_on):
            return label
    return ""


def place_with_carers(facts: Facts, *, starts_on: date | None, placement_code: str) -> Check:
    """DESIGN.md place_with_carers: born; the Nominated Officer's authorisation (Std 4.2);
    foster approval with terms that cover the child, or a Reg 25A temporary approval for this
    child (CPR reg 25A, Std 4.3); family and friends considered first (CA s.22C(9B)); the
    should-be-placed decision on the s.22C(9A)(b) basis (ACA s.22; AAR regs 17-19); looked after
    on a recorded basis that day; the placement (date, 903 code U5 or U2). The placement plan is a
    deadline (CPR reg 9: 5 working days), not a block."""
    check = Check()
    household = facts.household
    check.need(facts.born, "The baby is not born yet")
    check.need(facts.match_proposed and household is not None, "Needs a proposed match")
    check.need(facts.no_authorised_on is not None, "Needs the Nominated Officer's authorisation")
    if household is not None:
        fostering = household.foster_approved
        check.need(
            fostering or facts.reg25a_approved_on is not None,
            "Needs the carers approved as foster carers, or a Reg 25A temporary approval for "
            "this child",
        )
        # CPR reg 23: outside the terms only as an emergency, up to 6 working days: a warning
        if fostering and facts.reg25a_approved_on is None and starts_on is not None:
            check.warn(
                not household.foster_terms_cover_child,
                "outside_terms",
                "The carers' terms of approval do not cover this child: an emergency placement "
                f"may last up to {EMERGENCY_WORKING_DAYS} working days (until "
                f"{add_working_days(starts_on, EMERGENCY_WORKING_DAYS):%-d %B %Y}) (CPR reg 23)",
            )
    check.need(
        facts.viability_assessments > 0,
        "Needs the family and friends considered first: a viability assessment (CA s.22C(9B)(b))",
    )
    check.need(
        facts.ffa_basis != "9A_b" or facts.should_be_placed_on is not None,
        "Needs the agency decision maker's should-be-placed decision (s.22C(9A)(b) basis)",
    )
    check.need(starts_on is not None, "Enter the date the child was placed with the carers")
    if starts_on is not None:
        check.need(
            bool(looked_after_on(facts, starts_on)),
            "Needs the basis on which the child is looked after on that date (interim care "
            "order, section 20 agreement, emergency protection order)",
        )
    check.need(
        placement_code in ("U5", "U2"),
        "The placement code must be U5 (approved adopters) or U2 (relatives or friends)",
    )
    return check


# --- placement_disrupted: fostering_phase → family_finding ------------------------------------


def placement_disrupted(facts: Facts, *, reason: str, immediate_risk: bool) -> Check:
    """A reason; a review of the child's case first unless there is an immediate risk of
    significant harm; the IRO is told (CPR reg 14)."""
    check = needs_reason(reason)
    check.need(
        facts.review_held_since_placement or immediate_risk,
        "Needs a review of the child's case first, unless there is an immediate risk of "
        "significant harm (CPR reg 14)",
    )
    return check


# --- authorise_placement: fostering_phase → authorised_to_place -------------------------------

SIX_WEEKS = timedelta(weeks=6)  # ACA s.52(3), AAR reg 35(4)


def authorise_placement(facts: Facts) -> Check:
    """The should-be-placed decision (ACA s.22; AAR regs 17-19), and one of: a placement order
    (ACA s.21); s.19 consent that authorises (consent_authority: each parent with PR and each
    guardian, a mother's at six weeks or more, no care proceedings pending when given and no
    care or placement order since, ACA s.19(3), s.52(3)); or, for a baby under six weeks, the
    parents' written agreement with the agency (ACA s.18(1), AAR reg 35(4))."""
    check = Check()
    check.need(
        facts.should_be_placed_on is not None,
        "Needs the agency decision maker's decision that the child should be placed for adoption",
    )
    under_six_weeks = (
        facts.date_of_birth is not None and facts.today < facts.date_of_birth + SIX_WEEKS
    )
    agreement = under_six_weeks and facts.written_agreement_on is not None
    if not (facts.placement_order_in_force or facts.consent_authorised or agreement):
        reasons = "; ".join(facts.consent_reasons)
        check.missing.append(
            "Needs a placement order, consent under section 19 that authorises placement, or "
            "for a baby under six weeks the parents' written agreement"
            + (f" (consent: {reasons})" if reasons else "")
        )
    return check


# --- approve_formal_match / decline_formal_match: authorised_to_place ----------------------


def approve_formal_match(facts: Facts) -> Check:
    """The Reg 31 steps, the adoption placement report, the adoption support plan, the panel's
    recommendation and the ADM's decision, with dates (AAR regs 31-33; Std 4.7-4.11)."""
    check = Check()
    check.need(bool(facts.formal_match_steps), "Needs the formal match recorded")
    for label, on in facts.formal_match_steps.items():
        check.need(on is not None, f"Needs the date of {label}")
    check.need(
        facts.formal_match_panel_recommendation == "match",
        "Needs the adoption panel's recommendation of the match (AAR reg 32)",
    )
    return check


def decline_formal_match(facts: Facts, *, reason: str, transition_plan: str) -> Check:
    """A reason (the EP carers are not the best lifelong match) and the child's transition plan
    (Std 4.8, 4.11)."""
    check = needs_reason(reason)
    check.need(bool(transition_plan.strip()), "Enter the child's transition plan")
    return check


# --- place_for_adoption: matched → placed_for_adoption ----------------------------------------

APPEAL_DAYS = 21  # FPR 30.4(2)


def place_for_adoption(
    facts: Facts, *, notice_on: date | None, adoption_placement_plan_on: date | None
) -> Check:
    """The date of the agency's written notice and the adoption placement plan (AAR reg 35); no
    revocation application pending without the court's leave (ACA s.24(5)); a warning inside the
    21-day appeal window after a placement order (FPR 30.4(2); ACA s.24(2)(b): once placed,
    revocation is barred)."""
    check = Check()
    check.need(notice_on is not None, "Enter the date of the agency's written notice")
    check.need(
        adoption_placement_plan_on is not None, "Enter the date of the adoption placement plan"
    )
    check.need(
        not facts.revocation_pending or facts.revocation_leave_given,
        "An application to revoke the placement order is pending: needs the court's leave "
        "(ACA s.24(5))",
    )
    if notice_on is not None and facts.placement_order_made_on is not None:
        window_ends = facts.placement_order_made_on + timedelta(days=APPEAL_DAYS)
        check.warn(
            notice_on < window_ends,
            "appeal_window",
            f"Inside the 21-day appeal window after the placement order (ends "
            f"{window_ends:%-d %B %Y}; FPR 30.4(2)): once placed, revocation is barred",
        )
    return check


# --- record_adoption_order: placed_for_adoption → adopted -------------------------------------

TEN_WEEKS = timedelta(weeks=10)  # ACA s.42(2)


def earliest_application(facts: Facts) -> date | None:
    """ACA s.42(2), (7): the later of 10 weeks' unbroken home with the carers (the EP fostering
    time counts) and the placed-for-adoption date. LAW.md: home from 1 Feb 2027 → 12 Apr 2027."""
    if facts.home_with_carers_since is None:
        return None
    ten_weeks = facts.home_with_carers_since + TEN_WEEKS
    if facts.placed_for_adoption_on is None:
        return ten_weeks
    return max(ten_weeks, facts.placed_for_adoption_on)


def record_adoption_order(facts: Facts, *, order_made_on: date | None) -> Check:
    """The court has decided, so never blocked once the order's date is recorded; the
    application (the adoption proceedings' issue date) is recorded, and a warning shown when it
    came before ACA s.42(2) allows."""
    check = Check()
    application_on = facts.adoption_application_on
    check.need(order_made_on is not None, "Enter the date of the adoption order")
    check.need(
        application_on is not None,
        "Needs the adoption application recorded (adoption proceedings, with the issue date)",
    )
    earliest = earliest_application(facts)
    if application_on is not None and earliest is not None:
        check.warn(
            application_on < earliest,
            "early_application",
            f"The application came before {earliest:%-d %B %Y}, the earliest date ACA s.42(2) "
            "allows (10 weeks' home with the carers, and placed for adoption)",
        )
    return check


# --- reunification --------------------------------------------------------------------------

AFTER_AUTHORITY = {"placement_order_revoked", "consent_withdrawn", "application_refused"}


def decide_reunification(
    facts: Facts, *, stage: str, decided_on: date | None, route: str, after_authority_basis: str
) -> Check:
    """Who decided, the date, the route; after authority to place, the basis: placement order
    revoked (the care order revives, ACA s.29), consent withdrawn (the child returned, ACA
    ss.31-32) or the adoption application refused (Std 7.1)."""
    check = Check()
    check.need(decided_on is not None, "Enter the date of the decision")
    check.need(bool(route), "Choose the route home")
    if stage in ("authorised_to_place", "matched", "placed_for_adoption"):
        check.need(
            after_authority_basis in AFTER_AUTHORITY,
            "After authority to place: say whether the placement order was revoked, consent "
            "withdrawn or the adoption application refused (Std 7.1)",
        )
    return check


def complete_reunification(facts: Facts, *, record_errors: dict) -> Check:
    """The move date and the route's conditions (CPR regs 17-19, 24): reunification's own
    ``reunification_complete_errors`` decides them, so they are written once."""
    check = Check()
    check.need(facts.reunification_decided, "Needs the reunification decision")
    check.missing.extend(record_errors.values())
    return check


# --- close ------------------------------------------------------------------------------------


def close(facts: Facts, *, reason: str, detail: str) -> Check:
    """A reason from the list, with text (DESIGN.md close; Std 1.2, 8.1)."""
    check = Check()
    check.need(bool(reason), "Choose the reason for closing")
    check.need(bool(detail.strip()), "Enter why, in a few words")
    return check
