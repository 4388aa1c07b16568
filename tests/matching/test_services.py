"""Each rule of issue 11's matching records, through the services: the exact message, nothing
half-saved, and the domain events (LAW.md "The adoption agency's decisions and the EP
placement")."""

from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from carers.availability import Availability, with_availability
from carers.models import ApprovalKind, Household
from children.models import ConsentStatus, OrderKind, Route
from matching import services
from matching.events import MatchingEvent, matching_event
from matching.models import (
    AdoptionPlacement,
    AgencyDecision,
    AgencyDecisionKind,
    FormalMatch,
    FormalMatchDecision,
    InitialMatch,
    MatchStatus,
    NominatedOfficerAuthorisation,
    PanelRecommendation,
    Placement,
    PlacementCode,
    PlacementKind,
    Reg25AApproval,
    Reg25AEndReason,
)
from matching.selectors import journey_records, with_moves_before_ep
from matching.services import decisions as D
from matching.services import matches as M
from matching.services import placements as P
from tests.carers.factories import approve, build_household, days
from tests.children.factories import (
    ChildFactory,
    ConsentToPlacementFactory,
    CourtOrderFactory,
)


def messages(error: ValidationError) -> dict:
    return {field: list(msgs) for field, msgs in error.message_dict.items()}


@pytest.fixture
def events():
    received = []

    def receiver(sender, event, **kwargs):
        received.append(event)

    matching_event.connect(receiver)
    yield received
    matching_event.disconnect(receiver)


def place_in_hospital(child, by):
    return services.placement_record(
        child=child,
        kind=PlacementKind.HOSPITAL,
        starts_on=child.date_of_birth,
        placement_code=PlacementCode.R2,
        by=by,
    )


# --- placements ----------------------------------------------------------------------------------


def test_a_new_placement_ends_the_open_one_and_moves_are_counted(
    child, social_worker, household, events
):
    hospital = place_in_hospital(child, social_worker)
    bridging = services.placement_record(
        child=child,
        kind=PlacementKind.BRIDGING_FOSTER,
        starts_on=child.date_of_birth + timedelta(days=3),
        placement_code=PlacementCode.U6,
        provider_code="PR1",
        postcode_district="nm4",
        reason_for_change="CARPL",
        by=social_worker,
    )
    hospital.refresh_from_db()
    assert hospital.ends_on == bridging.starts_on
    assert hospital.end_reason == "Change to or implementation of the care plan"
    assert bridging.postcode_district == "NM4"
    services.match_propose(
        child=child, household=household, proposed_on=days(-20), by=social_worker
    )
    ep = services.placement_record(
        child=child,
        kind=PlacementKind.EP_CARERS,
        starts_on=days(-10),
        placement_code=PlacementCode.U5,
        household=household,
        reason_for_change="CARPL",
        by=social_worker,
    )
    records = journey_records(child=child)
    assert records.ep_placement == ep
    assert records.current_placement == ep
    assert records.moves_before_ep == 2
    assert records.current_match.status == MatchStatus.PLACED
    annotated = with_moves_before_ep(type(child).objects.filter(pk=child.pk)).get()
    assert annotated.moves_before_ep == 2
    assert [e.kind for e in events].count(MatchingEvent.PLACED) == 3
    facts = with_availability(Household.objects.filter(pk=household.pk), today=days(0)).get()
    assert facts.availability == Availability.CARING


@pytest.mark.parametrize(
    ("kwargs", "expected"),
    [
        (
            {"kind": PlacementKind.EP_CARERS, "placement_code": PlacementCode.U6},
            {
                "placement_code": [
                    "Placement type U6 does not fit a placement with early permanence "
                    "carers: select U5, or U2 when the carers are relatives or friends"
                ],
                "household": ["Choose the carers' household"],
            },
        ),
        (
            {"kind": PlacementKind.HOSPITAL, "placement_code": PlacementCode.U5},
            {"placement_code": ["Placement type U5 does not fit a hospital placement: select R2"]},
        ),
        (
            {"kind": PlacementKind.HOSPITAL, "placement_code": "", "starts_on": None},
            {
                "starts_on": ["Enter the date the placement started"],
                "placement_code": ["Select the placement type (903 PLACE)"],
            },
        ),
    ],
)
def test_placement_rules(child, social_worker, kwargs, expected):
    args = {"starts_on": days(-5), **kwargs}
    with pytest.raises(ValidationError) as error:
        services.placement_record(child=child, by=social_worker, **args)
    assert messages(error.value) == expected
    assert not Placement.objects.exists()


def test_a_placement_before_birth_and_a_second_without_its_reason_are_refused(
    child, social_worker
):
    with pytest.raises(ValidationError) as error:
        services.placement_record(
            child=child,
            kind=PlacementKind.HOSPITAL,
            starts_on=child.date_of_birth - timedelta(days=1),
            placement_code=PlacementCode.R2,
            by=social_worker,
        )
    assert messages(error.value) == {"starts_on": [P.BEFORE_BIRTH]}
    place_in_hospital(child, social_worker)
    with pytest.raises(ValidationError) as error:
        services.placement_record(
            child=child,
            kind=PlacementKind.BRIDGING_FOSTER,
            starts_on=days(-5),
            placement_code=PlacementCode.U6,
            by=social_worker,
        )
    assert messages(error.value) == {"reason_for_change": [P.REASON_MISSING]}
    assert Placement.objects.get().ends_on is None


def test_an_ep_placement_with_adopters_only_needs_the_reg25a_approval(
    child, social_worker, adopters_only, nominated_officer
):
    match = services.match_propose(
        child=child, household=adopters_only, proposed_on=days(-20), by=social_worker
    )
    with pytest.raises(ValidationError) as error:
        services.placement_record(
            child=child,
            kind=PlacementKind.EP_CARERS,
            starts_on=days(-10),
            placement_code=PlacementCode.U5,
            household=adopters_only,
            by=social_worker,
        )
    assert messages(error.value) == {"household": [P.NOT_FOSTER]}
    services.reg25a_approve(
        match=match,
        approved_on=days(-12),
        suitability_assessment="Assessed as suitable to care for this baby.",
        by=nominated_officer,
    )
    placement = services.placement_record(
        child=child,
        kind=PlacementKind.EP_CARERS,
        starts_on=days(-10),
        placement_code=PlacementCode.U5,
        household=adopters_only,
        by=social_worker,
    )
    # CPR reg 25A(3): ending the placement ends the temporary approval
    services.placement_end(
        placement=placement, ends_on=days(-2), reason="Review of the case", by=social_worker
    )
    approval = Reg25AApproval.objects.get()
    assert approval.ended_on == days(-2)
    assert approval.ended_reason == Reg25AEndReason.PLACEMENT_ENDED


def test_ending_a_placement_rules(child, social_worker):
    placement = place_in_hospital(child, social_worker)
    with pytest.raises(ValidationError) as error:
        services.placement_end(
            placement=placement,
            ends_on=child.date_of_birth - timedelta(days=1),
            reason=" ",
            by=social_worker,
        )
    assert messages(error.value) == {
        "ends_on": [
            "The placement must end on or after it started "
            f"({child.date_of_birth.day} {child.date_of_birth:%B %Y})"
        ],
        "reason": [P.END_REASON_MISSING],
    }
    placement.refresh_from_db()
    assert placement.ends_on is None


def test_another_organisation_cannot_record_a_placement(child, make_user, other_team):
    from accounts.models import Role

    stranger = make_user(Role.SOCIAL_WORKER, team=other_team)
    with pytest.raises(PermissionDenied):
        place_in_hospital(child, stranger)


# --- the initial match ---------------------------------------------------------------------------


def test_match_hard_facts(child, social_worker, ssw, events):
    not_approved = build_household(by=ssw, name="Not approved", adopters=False, foster=False)
    with pytest.raises(ValidationError) as error:
        services.match_propose(
            child=child, household=not_approved, proposed_on=days(-1), by=social_worker
        )
    assert messages(error.value) == {
        "household": [M.NOT_ADOPTERS],
        "training_warning_reason": [M.TRAINING_REASON_MISSING],
    }
    assert not InitialMatch.objects.exists()
    assert events == []


def test_a_household_opted_out_is_refused(child, social_worker, household, ssw):
    from carers.services import household_opt_out

    household_opt_out(household=household, by=ssw, opted_out_on=days(-1), reason="Moving abroad")
    with pytest.raises(ValidationError) as error:
        services.match_propose(
            child=child, household=household, proposed_on=days(0), by=social_worker
        )
    assert messages(error.value) == {"household": [M.OPTED_OUT]}


def test_another_child_with_the_household_unless_a_sibling(
    child, social_worker, household, own_team, agency
):
    from children.models import SiblingGroup

    services.match_propose(
        child=child, household=household, proposed_on=days(-3), by=social_worker
    )
    other = ChildFactory(responsible_authority=own_team.organisation, team=own_team)
    with pytest.raises(ValidationError) as error:
        services.match_propose(
            child=other, household=household, proposed_on=days(-1), by=social_worker
        )
    assert messages(error.value) == {"household": [M.OTHER_CHILD]}
    group = SiblingGroup.objects.create(
        responsible_authority=own_team.organisation, name="The Brook siblings"
    )
    type(child).objects.filter(pk__in=[child.pk, other.pk]).update(sibling_group=group)
    other.refresh_from_db()
    assert services.match_propose(
        child=other, household=household, proposed_on=days(-1), by=social_worker
    )


def test_training_not_completed_is_a_warning_with_a_reason(child, social_worker, ssw):
    household = build_household(by=ssw, name="No preparation yet")
    match = services.match_propose(
        child=child,
        household=household,
        proposed_on=days(-1),
        by=social_worker,
        training_warning_reason="Course booked next week; carers experienced foster carers.",
    )
    assert match.training_warning_reason.startswith("Course booked")


def test_a_second_match_and_a_withdrawal(child, social_worker, household, ssw, events):
    match = services.match_propose(
        child=child, household=household, proposed_on=days(-5), by=social_worker
    )
    second = build_household(by=ssw, name="Second", extras=True)
    with pytest.raises(ValidationError) as error:
        services.match_propose(
            child=child, household=second, proposed_on=days(-4), by=social_worker
        )
    assert messages(error.value) == {"__all__": [M.ALREADY_MATCHED]}
    with pytest.raises(ValidationError) as error:
        services.match_withdraw(match=match, withdrawn_on=days(-6), reason="", by=social_worker)
    assert set(messages(error.value)) == {"withdrawn_on", "reason"}
    services.match_withdraw(
        match=match, withdrawn_on=days(-2), reason="Carers' health changed", by=social_worker
    )
    assert journey_records(child=child).current_match is None
    assert [e.kind for e in events] == [
        MatchingEvent.MATCH_PROPOSED,
        MatchingEvent.MATCH_WITHDRAWN,
    ]


def test_nominated_officer_authorisation(
    child, social_worker, household, nominated_officer, make_user, other_team, events
):
    from accounts.models import Role

    match = services.match_propose(
        child=child, household=household, proposed_on=days(-5), by=social_worker
    )
    other_no = make_user(Role.NOMINATED_OFFICER, team=other_team)
    with pytest.raises(PermissionDenied):
        services.match_authorise(
            match=match, authorised_on=days(-1), information_given="x", by=other_no
        )
    with pytest.raises(PermissionDenied):
        services.match_authorise(
            match=match, authorised_on=days(-1), information_given="x", by=social_worker
        )
    with pytest.raises(ValidationError) as error:
        services.match_authorise(
            match=match, authorised_on=days(-6), information_given=" ", by=nominated_officer
        )
    assert set(messages(error.value)) == {"authorised_on", "information_given"}
    assert messages(error.value)["information_given"] == [M.INFORMATION_MISSING]
    services.match_authorise(
        match=match,
        authorised_on=days(-1),
        information_given="The parents' positions, the carers' assessment, the risks.",
        by=nominated_officer,
    )
    records = journey_records(child=child)
    assert records.authorisation.authorised_by == nominated_officer
    assert records.authorisation.authorised_on == days(-1)
    assert events[-1].kind == MatchingEvent.NO_AUTHORISED
    # the authorisation rule also refuses the role in its own words (the form shows it)
    assert (
        M.authorisation_errors(
            match=match, by=social_worker, authorised_on=days(0), information_given="x"
        )[None]
        == M.NOT_NOMINATED_OFFICER
    )
    with pytest.raises(ValidationError) as error:
        services.match_authorise(
            match=match, authorised_on=days(0), information_given="x", by=nominated_officer
        )
    assert messages(error.value) == {"__all__": [M.ALREADY_AUTHORISED]}
    assert NominatedOfficerAuthorisation.objects.count() == 1


# --- CPR reg 25A ---------------------------------------------------------------------------------


def test_reg25a_only_for_approved_adopters_not_foster_carers(
    child, social_worker, household, nominated_officer
):
    match = services.match_propose(
        child=child, household=household, proposed_on=days(-5), by=social_worker
    )
    with pytest.raises(ValidationError) as error:
        services.reg25a_approve(
            match=match, approved_on=days(-1), suitability_assessment="ok", by=nominated_officer
        )
    assert messages(error.value) == {"__all__": [M.REG25A_FOSTER_APPROVED]}
    assert not Reg25AApproval.objects.exists()


def test_reg25a_refused_without_an_adopter_approval(nominated_officer):
    # the rule itself: a household not approved as adopters
    class Facts:
        adopter_approved = False
        foster_approved = False

    match = InitialMatch(proposed_on=days(-5), status=MatchStatus.PROPOSED)
    match.child = ChildFactory.build(responsible_authority_id=nominated_officer.organisation_id)
    errors = M.reg25a_errors(
        match=match,
        by=nominated_officer,
        approved_on=days(-1),
        suitability_assessment="ok",
        facts=Facts(),
    )
    assert errors == {None: M.REG25A_NOT_ADOPTERS}


def test_reg25a_ends_when_approved_as_foster_carers(
    child, social_worker, adopters_only, nominated_officer, ssw, events
):
    match = services.match_propose(
        child=child, household=adopters_only, proposed_on=days(-5), by=social_worker
    )
    with pytest.raises(ValidationError) as error:
        services.reg25a_approve(
            match=match, approved_on=days(-1), suitability_assessment="", by=nominated_officer
        )
    assert messages(error.value) == {"suitability_assessment": [M.SUITABILITY_MISSING]}
    services.reg25a_approve(
        match=match,
        approved_on=days(-1),
        suitability_assessment="Assessed with the child's care plan.",
        by=nominated_officer,
    )
    assert journey_records(child=child).reg25a.in_force
    approve(
        adopters_only,
        ApprovalKind.FOSTER,
        by=ssw,
        decision_on=days(0),
        terms_age_from_months=0,
        terms_age_to_months=24,
    )
    approval = Reg25AApproval.objects.get()
    assert approval.ended_on == days(0)
    assert approval.ended_reason == Reg25AEndReason.FOSTER_APPROVED
    assert events[-1].kind == MatchingEvent.REG25A_ENDED


# --- agency decisions ----------------------------------------------------------------------------


def test_only_an_adm_decides_and_the_raa_adm_may(child, social_worker, adm, raa_adm):
    with pytest.raises(PermissionDenied):
        services.agency_decision_record(
            child=child,
            kind=AgencyDecisionKind.SHOULD_BE_PLACED,
            decided_on=days(-1),
            by=social_worker,
        )
    decision = services.agency_decision_record(
        child=child, kind=AgencyDecisionKind.SHOULD_BE_PLACED, decided_on=days(-1), by=raa_adm
    )
    assert journey_records(child=child).should_be_placed == decision


def test_a_consent_case_needs_the_panel_first(child, adm):
    type(child).objects.filter(pk=child.pk).update(route=Route.RELINQUISHED)
    child.refresh_from_db()
    with pytest.raises(ValidationError) as error:
        services.agency_decision_record(
            child=child, kind=AgencyDecisionKind.SHOULD_BE_PLACED, decided_on=days(-1), by=adm
        )
    assert messages(error.value) == {"panel_recommended_on": [D.PANEL_FIRST]}
    with pytest.raises(ValidationError) as error:
        services.agency_decision_record(
            child=child,
            kind=AgencyDecisionKind.SHOULD_BE_PLACED,
            decided_on=days(-2),
            panel_recommended_on=days(-1),
            by=adm,
        )
    assert messages(error.value) == {"panel_recommended_on": [D.PANEL_AFTER_DECISION]}
    assert not AgencyDecision.objects.exists()
    services.agency_decision_record(
        child=child,
        kind=AgencyDecisionKind.SHOULD_BE_PLACED,
        decided_on=days(-1),
        panel_recommended_on=days(-8),
        by=adm,
    )


def test_no_longer_to_be_placed_needs_its_reason_and_a_decision_to_reverse(child, adm, events):
    with pytest.raises(ValidationError) as error:
        services.agency_decision_record(
            child=child,
            kind=AgencyDecisionKind.NO_LONGER_TO_BE_PLACED,
            decided_on=days(-1),
            by=adm,
        )
    assert messages(error.value) == {
        "__all__": [D.NOTHING_TO_REVERSE],
        "reason_code": [D.REASON_CODE_MISSING],
    }
    services.agency_decision_record(
        child=child, kind=AgencyDecisionKind.SHOULD_BE_PLACED, decided_on=days(-10), by=adm
    )
    services.agency_decision_record(
        child=child,
        kind=AgencyDecisionKind.NO_LONGER_TO_BE_PLACED,
        decided_on=days(-1),
        reason_code="RD1",
        reason="The court found the mother can care for the baby.",
        by=adm,
    )
    records = journey_records(child=child)
    assert records.no_longer_to_be_placed.reason_code == "RD1"
    assert records.should_be_placed_in_force is None
    assert [e.kind for e in events] == [
        MatchingEvent.SHOULD_BE_PLACED_DECIDED,
        MatchingEvent.NO_LONGER_TO_BE_PLACED_DECIDED,
    ]


# --- the formal match and placement for adoption ----------------------------------------------


def _formal_match(child, household, by, **steps):
    return services.formal_match_save(child=child, household=household, by=by, **steps)


def test_the_panel_comes_after_the_reg31_steps(child, household, social_worker):
    with pytest.raises(ValidationError) as error:
        _formal_match(
            child,
            household,
            social_worker,
            panel_on=days(-1),
            panel_recommendation=PanelRecommendation.MATCH,
        )
    assert messages(error.value) == {"panel_on": [D.REG31_FIRST]}
    with pytest.raises(ValidationError) as error:
        _formal_match(
            child,
            household,
            social_worker,
            permanence_report_given_on=days(-30),
            carers_met_agency_on=days(-25),
            adoption_placement_report_on=days(-20),
            panel_on=days(-1),
        )
    assert messages(error.value) == {"panel_recommendation": [D.RECOMMENDATION_MISSING]}
    assert not FormalMatch.objects.exists()


def _ready_formal_match(child, household, social_worker, adm):
    services.agency_decision_record(
        child=child, kind=AgencyDecisionKind.SHOULD_BE_PLACED, decided_on=days(-60), by=adm
    )
    return _formal_match(
        child,
        household,
        social_worker,
        permanence_report_given_on=days(-30),
        carers_met_agency_on=days(-25),
        adoption_placement_report_on=days(-20),
        adoption_support_plan_on=days(-20),
        life_story_plan_on=days(-20),
        panel_on=days(-10),
        panel_recommendation=PanelRecommendation.MATCH,
    )


def test_formal_match_decline_needs_reason_and_transition_plan(
    child, household, social_worker, adm, events
):
    formal = _ready_formal_match(child, household, social_worker, adm)
    with pytest.raises(ValidationError) as error:
        services.formal_match_decide(
            formal_match=formal,
            decision=FormalMatchDecision.DECLINED,
            decided_on=days(-11),
            by=adm,
        )
    assert messages(error.value) == {
        "decided_on": [
            f"The decision must be on or after the adoption panel ({days(-10).day} "
            f"{days(-10):%B %Y})"
        ],
        "decline_reason": [D.DECLINE_REASON_MISSING],
        "transition_plan": [D.TRANSITION_PLAN_MISSING],
    }
    with pytest.raises(PermissionDenied):
        services.formal_match_decide(
            formal_match=formal,
            decision=FormalMatchDecision.APPROVED,
            decided_on=days(-5),
            by=social_worker,
        )
    formal.refresh_from_db()
    assert formal.decision == ""
    services.formal_match_decide(
        formal_match=formal,
        decision=FormalMatchDecision.DECLINED,
        decided_on=days(-5),
        decline_reason="The support plan is not agreed.",
        transition_plan="The baby stays with the carers while the plan is revisited.",
        by=adm,
    )
    assert events[-1].kind == MatchingEvent.FORMAL_MATCH_DECIDED


def test_the_formal_match_decision_needs_the_should_be_placed_decision(
    child, household, social_worker, adm
):
    formal = _formal_match(
        child,
        household,
        social_worker,
        permanence_report_given_on=days(-30),
        carers_met_agency_on=days(-25),
        adoption_placement_report_on=days(-20),
        panel_on=days(-10),
        panel_recommendation=PanelRecommendation.MATCH,
    )
    with pytest.raises(ValidationError) as error:
        services.formal_match_decide(
            formal_match=formal,
            decision=FormalMatchDecision.APPROVED,
            decided_on=days(-5),
            by=adm,
        )
    assert messages(error.value) == {"__all__": [D.NEEDS_SHOULD_BE_PLACED]}


@pytest.mark.parametrize("authority", ["order", "consent"])
def test_placed_for_adoption_records_the_a5_or_a3_placement_and_ends_reg25a(
    child, adopters_only, social_worker, nominated_officer, adm, events, authority
):
    place_in_hospital(child, social_worker)
    match = services.match_propose(
        child=child, household=adopters_only, proposed_on=days(-50), by=social_worker
    )
    services.reg25a_approve(
        match=match,
        approved_on=days(-45),
        suitability_assessment="Assessed as suitable.",
        by=nominated_officer,
    )
    services.placement_record(
        child=child,
        kind=PlacementKind.EP_CARERS,
        starts_on=days(-44),
        placement_code=PlacementCode.U5,
        household=adopters_only,
        reason_for_change="CARPL",
        by=social_worker,
    )
    formal = _ready_formal_match(child, adopters_only, social_worker, adm)
    services.formal_match_decide(
        formal_match=formal, decision=FormalMatchDecision.APPROVED, decided_on=days(-5), by=adm
    )
    with pytest.raises(ValidationError) as error:
        services.adoption_placement_record(
            child=child,
            formal_match=formal,
            notice_on=days(-3),
            adoption_placement_plan_on=days(-3),
            by=social_worker,
        )
    assert messages(error.value) == {"__all__": [D.NO_AUTHORITY]}
    assert not AdoptionPlacement.objects.exists()
    if authority == "order":
        CourtOrderFactory(child=child, kind=OrderKind.PLACEMENT, made_on=days(-30))
    else:
        ConsentToPlacementFactory(
            child=child,
            status=ConsentStatus.GIVEN,
            considered_on=days(-40),
            witnessed_on=days(-35),
            kind="identified",
        )
    services.adoption_placement_record(
        child=child,
        formal_match=formal,
        notice_on=days(-3),
        adoption_placement_plan_on=days(-3),
        by=social_worker,
    )
    records = journey_records(child=child)
    assert records.adoption_placement.notice_on == days(-3)
    assert records.current_placement.kind == PlacementKind.PLACED_FOR_ADOPTION
    assert records.current_placement.placement_code == (
        PlacementCode.A5 if authority == "order" else PlacementCode.A3
    )
    assert records.current_placement.household == adopters_only
    assert records.moves_before_ep == 1
    reg25a = Reg25AApproval.objects.get()
    assert reg25a.ended_on == days(-3)
    assert reg25a.ended_reason == Reg25AEndReason.PLACED_FOR_ADOPTION
    assert events[-1].kind == MatchingEvent.PLACED_FOR_ADOPTION


def test_journey_records_runs_a_fixed_number_of_queries(
    child, social_worker, household, django_assert_num_queries
):
    place_in_hospital(child, social_worker)
    services.match_propose(
        child=child, household=household, proposed_on=days(-5), by=social_worker
    )
    with django_assert_num_queries(5):
        records = journey_records(child=child)
        assert records.current_match.household == household
        assert records.authorisation is None
        assert records.reg25a is None
        assert records.formal_match is None
