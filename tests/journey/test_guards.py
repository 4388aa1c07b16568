"""The guards as the law: each a pure function of the facts, with LAW.md's worked examples."""

from dataclasses import replace
from datetime import date

from journey import guards
from journey.guards import Facts, HouseholdFacts

TODAY = date(2027, 4, 20)
BORN = date(2027, 1, 4)
APPROVED = HouseholdFacts(
    name="Carers",
    adopter_approved=True,
    ep_preparation_completed=True,
    foster_approved=True,
    foster_terms_cover_child=True,
)


def facts(**values) -> Facts:
    return Facts(today=TODAY, born=True, date_of_birth=BORN, **values)


# --- agree_ep_plan ----------------------------------------------------------------------------


def test_agree_ep_plan_needs_the_decision_meeting_and_the_ep_type():
    check = guards.agree_ep_plan(facts())
    assert check.missing == [
        "Needs the decision meeting recorded in the twin-track plan (kind and date)",
        "Needs the early permanence type in the plan",
    ]


def test_agree_ep_plan_fostering_for_adoption_needs_its_basis():
    check = guards.agree_ep_plan(facts(plan_meeting_on=BORN, ep_type="ffa"))
    assert check.missing == ["Needs the basis for fostering for adoption: s.22C(9A)(a) or (b)"]
    assert guards.agree_ep_plan(
        facts(plan_meeting_on=BORN, ep_type="ffa", ffa_basis="9A_a")
    ).allowed
    assert guards.agree_ep_plan(facts(plan_meeting_on=BORN, ep_type="concurrent")).allowed


# --- propose_match ----------------------------------------------------------------------------


def test_propose_match_needs_approved_adopters_not_opted_out_not_caring_for_another():
    household = HouseholdFacts(opted_out=True, caring_for_other_ep_child=True)
    check = guards.propose_match(facts(), household)
    assert check.missing == [
        "Needs carers approved as prospective adopters",
        "The carers have opted out of early permanence",
        "The carers are caring for another early permanence child who is not a brother or sister",
    ]


def test_propose_match_a_sibling_already_placed_does_not_block():
    household = replace(APPROVED, caring_for_other_ep_child=True, other_child_is_sibling=True)
    assert guards.propose_match(facts(), household).allowed


def test_propose_match_ep_preparation_not_completed_is_a_warning_not_a_block():
    check = guards.propose_match(facts(), replace(APPROVED, ep_preparation_completed=False))
    assert check.allowed
    assert [w.code for w in check.warnings] == ["ep_preparation"]


# --- place_with_carers ------------------------------------------------------------------------

READY = dict(
    match_proposed=True,
    household=APPROVED,
    no_authorised_on=date(2027, 1, 10),
    viability_assessments=1,
    looked_after_bases=((date(2027, 1, 5), None, "C1: interim care order"),),
)


def test_place_with_carers_allowed_when_every_condition_holds():
    check = guards.place_with_carers(
        facts(**READY), starts_on=date(2027, 1, 12), placement_code="U5"
    )
    assert check.allowed
    assert not check.warnings


def test_place_with_carers_requires_nominated_officer_authorisation():
    check = guards.place_with_carers(
        facts(**{**READY, "no_authorised_on": None}),
        starts_on=date(2027, 1, 12),
        placement_code="U5",
    )
    assert check.missing == ["Needs the Nominated Officer's authorisation"]


def test_place_with_carers_each_missing_condition_is_named():
    check = guards.place_with_carers(
        Facts(today=TODAY, ffa_basis="9A_b"), starts_on=date(2027, 1, 12), placement_code="R3"
    )
    assert check.missing == [
        "The baby is not born yet",
        "Needs a proposed match",
        "Needs the Nominated Officer's authorisation",
        "Needs the family and friends considered first: a viability assessment (CA s.22C(9B)(b))",
        "Needs the agency decision maker's should-be-placed decision (s.22C(9A)(b) basis)",
        "Needs the basis on which the child is looked after on that date (interim care order, "
        "section 20 agreement, emergency protection order)",
        "The placement code must be U5 (approved adopters) or U2 (relatives or friends)",
    ]


def test_place_with_carers_not_looked_after_on_the_day_blocks():
    check = guards.place_with_carers(
        facts(**READY), starts_on=date(2027, 1, 4), placement_code="U5"
    )
    assert check.missing == [
        "Needs the basis on which the child is looked after on that date (interim care "
        "order, section 20 agreement, emergency protection order)"
    ]


def test_reg25a_is_the_route_for_approved_adopters_not_approved_as_foster_carers():
    adopters_only = replace(APPROVED, foster_approved=False, foster_terms_cover_child=False)
    values = {**READY, "household": adopters_only}
    check = guards.place_with_carers(
        facts(**values), starts_on=date(2027, 1, 12), placement_code="U5"
    )
    assert check.missing == [
        "Needs the carers approved as foster carers, or a Reg 25A temporary approval for this "
        "child"
    ]
    values["reg25a_approved_on"] = date(2027, 1, 11)
    assert guards.place_with_carers(
        facts(**values), starts_on=date(2027, 1, 12), placement_code="U5"
    ).allowed


def test_reg25a_only_for_approved_adopters_the_match_itself_needs_adopter_approval():
    """CPR reg 25A: only a prospective adopter already approved; the match guard refuses
    carers not approved as adopters, so no Reg 25A placement can follow for them."""
    fostering_only = HouseholdFacts(foster_approved=True, foster_terms_cover_child=True)
    assert guards.propose_match(facts(), fostering_only).missing == [
        "Needs carers approved as prospective adopters"
    ]


def test_an_emergency_placement_outside_the_terms_is_a_warning_up_to_six_working_days():
    outside = replace(APPROVED, foster_terms_cover_child=False)
    # Tue 12 Jan 2027 + 6 working days = Wed 20 Jan 2027 (CPR reg 23)
    check = guards.place_with_carers(
        facts(**{**READY, "household": outside}), starts_on=date(2027, 1, 12), placement_code="U5"
    )
    assert check.allowed
    assert [w.code for w in check.warnings] == ["outside_terms"]
    assert "until 20 January 2027" in check.warnings[0].message


# --- authorise_placement ----------------------------------------------------------------------


def test_authorise_placement_needs_the_should_be_placed_decision():
    check = guards.authorise_placement(facts(placement_order_in_force=True))
    assert check.missing == [
        "Needs the agency decision maker's decision that the child should be placed for adoption"
    ]


def test_authorise_placement_by_placement_order():
    assert guards.authorise_placement(
        facts(should_be_placed_on=BORN, placement_order_in_force=True)
    ).allowed


def test_authorise_placement_by_consent_that_authorises():
    assert guards.authorise_placement(
        facts(should_be_placed_on=BORN, consent_authorised=True)
    ).allowed


def test_consent_given_while_care_proceedings_were_pending_cannot_authorise():
    """ACA s.19(3)(a): the reasons come from children's consent_authority and are shown."""
    reason = (
        "Mother (mother): consent witnessed 1 March 2027: Given while care proceedings NM27C1 "
        "were pending: it does not authorise placement (ACA s.19(3)(a))"
    )
    check = guards.authorise_placement(
        facts(should_be_placed_on=BORN, consent_authorised=False, consent_reasons=(reason,))
    )
    assert not check.allowed
    assert reason in check.missing[0]


def test_the_six_week_rule_a_written_agreement_only_for_a_baby_under_six_weeks():
    # born 4 Jan 2027: six weeks old on 15 Feb 2027 (ACA s.52(3); AAR reg 35(4))
    agreed = dict(should_be_placed_on=BORN, written_agreement_on=date(2027, 1, 20))
    under = Facts(today=date(2027, 2, 14), born=True, date_of_birth=BORN, **agreed)
    assert guards.authorise_placement(under).allowed
    six_weeks = replace(under, today=date(2027, 2, 15))
    assert not guards.authorise_placement(six_weeks).allowed


# --- formal match -----------------------------------------------------------------------------


def test_approve_formal_match_needs_every_step_dated_and_the_panel_recommendation():
    steps = {"the adoption panel": None, "the adoption support plan": date(2027, 3, 1)}
    check = guards.approve_formal_match(
        facts(formal_match_steps=steps, formal_match_panel_recommendation="no_match")
    )
    assert check.missing == [
        "Needs the date of the adoption panel",
        "Needs the adoption panel's recommendation of the match (AAR reg 32)",
    ]
    assert guards.approve_formal_match(facts()).missing[0] == "Needs the formal match recorded"


def test_decline_formal_match_needs_a_reason_and_the_transition_plan():
    check = guards.decline_formal_match(facts(), reason=" ", transition_plan="")
    assert check.missing == ["Enter the reason", "Enter the child's transition plan"]


# --- place_for_adoption -----------------------------------------------------------------------


def test_placing_for_adoption_inside_the_21_day_appeal_window_is_a_warning():
    # placement order 1 March 2027: the window runs to 22 March 2027 (FPR 30.4(2))
    order = facts(placement_order_made_on=date(2027, 3, 1))
    inside = guards.place_for_adoption(
        order, notice_on=date(2027, 3, 21), adoption_placement_plan_on=date(2027, 3, 20)
    )
    assert inside.allowed
    assert [w.code for w in inside.warnings] == ["appeal_window"]
    after = guards.place_for_adoption(
        order, notice_on=date(2027, 3, 22), adoption_placement_plan_on=date(2027, 3, 20)
    )
    assert after.allowed
    assert not after.warnings


def test_placing_for_adoption_with_a_revocation_application_pending_needs_leave():
    check = guards.place_for_adoption(
        facts(revocation_pending=True),
        notice_on=date(2027, 4, 1),
        adoption_placement_plan_on=date(2027, 4, 1),
    )
    assert check.missing == [
        "An application to revoke the placement order is pending: needs the court's leave "
        "(ACA s.24(5))"
    ]


# --- record_adoption_order: s.42(2) -----------------------------------------------------------


def test_the_10_week_earliest_application_is_law_mds_example():
    # home with the carers from 1 Feb 2027, placed for adoption by then → 12 Apr 2027
    example = facts(
        home_with_carers_since=date(2027, 2, 1), placed_for_adoption_on=date(2027, 2, 1)
    )
    assert guards.earliest_application(example) == date(2027, 4, 12)
    later = replace(example, placed_for_adoption_on=date(2027, 5, 3))
    assert guards.earliest_application(later) == date(2027, 5, 3)


def test_an_early_application_warns_but_the_order_is_always_recorded():
    early = facts(
        home_with_carers_since=date(2027, 2, 1),
        placed_for_adoption_on=date(2027, 2, 1),
        adoption_application_on=date(2027, 4, 11),
    )
    check = guards.record_adoption_order(early, order_made_on=date(2027, 7, 1))
    assert check.allowed
    assert [w.code for w in check.warnings] == ["early_application"]
    on_time = replace(early, adoption_application_on=date(2027, 4, 12))
    assert not guards.record_adoption_order(on_time, order_made_on=date(2027, 7, 1)).warnings


# --- reunification and close -----------------------------------------------------------------


def test_reunification_after_authority_to_place_needs_its_basis():
    check = guards.decide_reunification(
        facts(), stage="matched", decided_on=TODAY, route="parents", after_authority_basis=""
    )
    assert len(check.missing) == 1
    assert "Std 7.1" in check.missing[0]
    assert guards.decide_reunification(
        facts(),
        stage="fostering_phase",
        decided_on=TODAY,
        route="parents",
        after_authority_basis="",
    ).allowed


def test_placement_disrupted_needs_a_review_first_unless_immediate_risk():
    check = guards.placement_disrupted(facts(), reason="Carers ill", immediate_risk=False)
    assert check.missing == [
        "Needs a review of the child's case first, unless there is an immediate risk of "
        "significant harm (CPR reg 14)"
    ]
    assert guards.placement_disrupted(facts(), reason="Carers ill", immediate_risk=True).allowed


def test_close_needs_a_reason_from_the_list_and_text():
    assert guards.close(facts(), reason="", detail="").missing == [
        "Choose the reason for closing",
        "Enter why, in a few words",
    ]
