"""The reunification decision's rules through its services (DESIGN.md ``decide_reunification``,
``complete_reunification``; LAW.md "returning home while in care"): each message, nothing
half-saved, the events, and CPR reg 19's 10 + 10 working days across Christmas."""

from datetime import date

import pytest
import time_machine
from django.core.exceptions import PermissionDenied, ValidationError

from accounts.models import Role
from children.models import CarePeriod, LegalStatus, OrderKind, Relationship, StatusBasis
from reunification.events import ReunificationEvent, reunification_event
from reunification.models import (
    AfterAuthorityBasis,
    DecidedBy,
    DecisionStatus,
    EpisodeCeased,
    LeavingCareBasis,
    Outcome,
    ReunificationDecision,
    ReunificationRoute,
)
from reunification.selectors import current_decision
from reunification.services import (
    reg19_due_dates,
    reunification_abandon,
    reunification_complete,
    reunification_complete_errors,
    reunification_decide,
    reunification_reg19_record,
    reunification_update,
)
from tests.children.factories import (
    CarePeriodFactory,
    ChildFactory,
    CourtOrderFactory,
    FamilyMemberFactory,
    LegalStatusPeriodFactory,
)
from tests.reunification.factories import child_in_care, decide

TODAY = date(2027, 2, 1)
BORN = date(2026, 9, 1)
ICO = date(2026, 9, 4)

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _today():
    with time_machine.travel(TODAY, tick=False):
        yield


@pytest.fixture
def case(own_team):
    return child_in_care(team=own_team, born=BORN, order_on=ICO)


@pytest.fixture
def nominated_officer(make_user, own_team):
    return make_user(Role.NOMINATED_OFFICER, team=own_team, username="no.own")


@pytest.fixture
def events():
    received = []

    def receiver(sender, event, **kwargs):
        received.append(event)

    reunification_event.connect(receiver)
    yield received
    reunification_event.disconnect(receiver)


def messages(error: ValidationError) -> dict:
    return {field: msgs[0] for field, msgs in error.message_dict.items()}


def refused(call, **kwargs) -> dict:
    with pytest.raises(ValidationError) as caught:
        call(**kwargs)
    return messages(caught.value)


# --- decided ---------------------------------------------------------------------------------


def test_decide_records_who_when_route_and_order_and_emits(case, social_worker, events):
    child, interim, mother = case
    decision = decide(
        child,
        by=social_worker,
        on=date(2027, 1, 11),
        decided_by_kind=DecidedBy.COURT,
        order=interim,
        family_member=mother,
    )
    assert decision.status == DecisionStatus.DECIDED
    assert decision.created_by == social_worker
    assert current_decision(child=child) == decision
    assert [(e.kind, e.on, e.record) for e in events] == [
        (ReunificationEvent.REUNIFICATION_DECIDED, date(2027, 1, 11), decision)
    ]


def test_decide_needs_its_facts(case, social_worker):
    child, _, _ = case
    errors = refused(
        reunification_decide,
        child=child,
        decided_by_kind="",
        decided_on=None,
        route="",
        by=social_worker,
    )
    assert errors == {
        "decided_by_kind": "Select who decided that the child goes home",
        "decided_on": "Enter the date of the decision",
        "route": "Select where the child is going",
    }
    assert not ReunificationDecision.objects.exists()


def test_a_court_decision_names_its_order_and_a_date_not_in_the_future(case, social_worker):
    child, _, _ = case
    errors = refused(
        decide, child=child, by=social_worker, on=date(2027, 2, 2), decided_by_kind=DecidedBy.COURT
    )
    assert errors == {
        "decided_on": "Date of the decision must be today or in the past",
        "order": "Select the order the court made",
    }


def test_the_route_matches_the_family_member(case, social_worker):
    child, _, mother = case
    aunt = FamilyMemberFactory(
        child=child, name="Sam Fenwick", relationship=Relationship.AUNT_UNCLE
    )
    assert refused(
        decide, child=child, by=social_worker, on=date(2027, 1, 11), family_member=aunt
    ) == {
        "family_member": "Sam Fenwick is not a parent: choose a parent, or the route to a "
        "member of the family network"
    }
    assert refused(
        decide,
        child=child,
        by=social_worker,
        on=date(2027, 1, 11),
        route=ReunificationRoute.FAMILY_NETWORK_MEMBER,
    ) == {"family_member": "Select who the child is going to live with"}
    assert refused(
        decide,
        child=child,
        by=social_worker,
        on=date(2027, 1, 11),
        route=ReunificationRoute.CONNECTED_PERSON,
        family_member=aunt,
    ) == {
        "family_member": "Sam Fenwick is a relative: choose the route to a member of the "
        "family network"
    }
    other = FamilyMemberFactory(name="Not Ours")
    assert refused(
        decide, child=child, by=social_worker, on=date(2027, 1, 11), family_member=other
    ) == {"family_member": "Choose a member of this child's family network"}


def test_after_authority_to_place_the_basis_is_needed_and_checked(case, social_worker):
    child, interim, _ = case
    assert refused(
        decide, child=child, by=social_worker, on=date(2027, 1, 11), after_authority=True
    ) == {
        "after_authority_basis": "Select how the plan for adoption ended: the placement order "
        "revoked, consent withdrawn or the adoption application refused"
    }
    # ACA 2002 s.24: only the court revokes a placement order
    assert refused(
        decide,
        child=child,
        by=social_worker,
        on=date(2027, 1, 11),
        after_authority_basis=AfterAuthorityBasis.PLACEMENT_ORDER_REVOKED,
    ) == {"decided_by_kind": "Only the court can revoke a placement order"}
    assert refused(
        decide,
        child=child,
        by=social_worker,
        on=date(2027, 1, 11),
        decided_by_kind=DecidedBy.COURT,
        order=interim,
        after_authority_basis=AfterAuthorityBasis.PLACEMENT_ORDER_REVOKED,
    ) == {"order": "Select the order revoking the placement order"}
    assert refused(
        decide,
        child=child,
        by=social_worker,
        on=date(2027, 1, 11),
        after_authority_basis=AfterAuthorityBasis.CONSENT_WITHDRAWN,
    ) == {"consent_withdrawn_on": "Enter the date consent was withdrawn"}


def test_one_reunification_at_a_time(case, social_worker):
    child, _, _ = case
    decide(child, by=social_worker, on=date(2027, 1, 11))
    assert refused(decide, child=child, by=social_worker, on=date(2027, 1, 12)) == {
        "__all__": "A reunification is already under way for this child (decided 11 January 2027)"
    }


def test_only_the_case_team_decides(case, make_user, other_team):
    child, _, _ = case
    outsider = make_user(Role.SOCIAL_WORKER, team=other_team)
    with pytest.raises(PermissionDenied):
        decide(child, by=outsider, on=date(2027, 1, 11))


def test_a_corrected_date_emits_again(case, social_worker, events):
    child, _, _ = case
    decision = decide(child, by=social_worker, on=date(2027, 1, 11))
    reunification_update(
        decision=decision,
        decided_by_kind=DecidedBy.LOCAL_AUTHORITY,
        decided_on=date(2027, 1, 12),
        route=ReunificationRoute.PARENTS,
        by=social_worker,
    )
    assert events[-1].corrected
    assert events[-1].on == date(2027, 1, 12)


# --- abandoned -------------------------------------------------------------------------------


def test_abandon_needs_a_reason_and_a_date_after_the_decision(case, social_worker, events):
    child, _, _ = case
    decision = decide(child, by=social_worker, on=date(2027, 1, 11))
    assert refused(
        reunification_abandon,
        decision=decision,
        abandoned_on=date(2027, 1, 10),
        reason=" ",
        by=social_worker,
    ) == {
        "abandoned_on": "Date the reunification was abandoned must be on or after the date of "
        "the decision (11 January 2027)",
        "reason": "Enter why the reunification was abandoned",
    }
    reunification_abandon(
        decision=decision, abandoned_on=date(2027, 1, 20), reason="Relapse", by=social_worker
    )
    decision.refresh_from_db()
    assert decision.status == DecisionStatus.ABANDONED
    assert events[-1].kind == ReunificationEvent.REUNIFICATION_ABANDONED
    # a new decision may follow; the abandoned one keeps its history
    assert decide(child, by=social_worker, on=date(2027, 1, 25)).pk != decision.pk
    assert decision.history.count() == 2


# --- completed -------------------------------------------------------------------------------


def test_the_move_is_not_before_the_decision(case, social_worker):
    child, _, _ = case
    decision = decide(child, by=social_worker, on=date(2027, 1, 11))
    errors = reunification_complete_errors(
        decision=decision, moved_on=date(2027, 1, 8), outcome=""
    )
    assert errors == {
        "moved_on": "Date the child moved must be on or after the date of the decision "
        "(11 January 2027)",
        "outcome": "Select where the child moved and whether they stay looked after",
    }


def test_with_parents_needs_assessment_plan_and_nominated_officer_before_the_move(
    case, social_worker, nominated_officer, events
):
    child, interim, _ = case
    decision = decide(child, by=social_worker, on=date(2027, 1, 11))
    kwargs = dict(
        decision=decision,
        moved_on=date(2027, 1, 18),
        outcome=Outcome.STAYS_LOOKED_AFTER_WITH_PARENTS,
        by=social_worker,
    )
    assert refused(reunification_complete, **kwargs) == {
        "care_order": "Select the interim or full care order the child is placed under",
        "assessment_completed_on": "Enter the date the assessment was completed (CPR regs "
        "17–18), or say that the child had to move first",
        "placement_plan_on": "Enter the date of the placement plan (CPR regs 17–18), or say "
        "that the child had to move first",
        "nominated_officer_approved_on": "Enter the date the Nominated Officer approved the "
        "placement (CPR regs 17–18), or say that the child had to move first",
        "nominated_officer": "Select the Nominated Officer who approved the placement",
    }
    assert refused(
        reunification_complete,
        **kwargs,
        care_order=interim,
        assessment_completed_on=date(2027, 1, 19),
        placement_plan_on=date(2027, 1, 14),
        nominated_officer_approved_on=date(2027, 1, 15),
        nominated_officer=social_worker,
    ) == {
        "assessment_completed_on": "The date the assessment was completed must be on or before "
        "the date the child moved (CPR regs 17–18)",
        "nominated_officer_approved_on": "The Nominated Officer approves after the assessment: "
        "the date must be on or after the date the assessment was completed",
        "nominated_officer": f"{social_worker} is not a Nominated Officer of the child's local "
        "authority",
    }
    decision.refresh_from_db()
    assert decision.status == DecisionStatus.DECIDED
    assert decision.moved_on is None
    done = reunification_complete(
        **kwargs,
        care_order=interim,
        assessment_completed_on=date(2027, 1, 13),
        placement_plan_on=date(2027, 1, 14),
        nominated_officer_approved_on=date(2027, 1, 15),
        nominated_officer=nominated_officer,
    )
    assert done.status == DecisionStatus.COMPLETED
    assert done.stays_looked_after
    # the child stays looked after: the period of care goes on
    assert CarePeriod.objects.get(child=child).ended_on is None
    assert events[-1].kind == ReunificationEvent.MOVED_HOME
    assert events[-1].on == date(2027, 1, 18)


def test_reg19_a_move_first_sets_10_and_10_working_days_across_christmas(case, social_worker):
    child, interim, _ = case
    decision = decide(child, by=social_worker, on=date(2026, 12, 14))
    assert refused(
        reunification_complete,
        decision=decision,
        moved_on=date(2026, 12, 17),
        outcome=Outcome.STAYS_LOOKED_AFTER_WITH_PARENTS,
        care_order=interim,
        moved_before_assessment=True,
        by=social_worker,
    ) == {"move_first_reason": "Enter why the child had to move before the assessment"}
    done = reunification_complete(
        decision=decision,
        moved_on=date(2026, 12, 17),
        outcome=Outcome.STAYS_LOOKED_AFTER_WITH_PARENTS,
        care_order=interim,
        moved_before_assessment=True,
        move_first_reason="The foster placement ended without notice",
        by=social_worker,
    )
    # Thu 17 Dec 2026: Fri 25 Dec, Mon 28 Dec (Boxing Day substitute), Fri 1 Jan are skipped
    assert done.assessment_due_on == date(2027, 1, 5)
    assert done.decision_due_on == date(2027, 1, 19)
    assert reg19_due_dates(date(2026, 12, 17)) == (date(2027, 1, 5), date(2027, 1, 19))


def test_reg19_assessment_recorded_after_the_move(case, social_worker, nominated_officer):
    child, interim, _ = case
    decision = decide(child, by=social_worker, on=date(2026, 12, 14))
    reunification_complete(
        decision=decision,
        moved_on=date(2026, 12, 17),
        outcome=Outcome.STAYS_LOOKED_AFTER_WITH_PARENTS,
        care_order=interim,
        moved_before_assessment=True,
        move_first_reason="The foster placement ended without notice",
        by=social_worker,
    )
    assert refused(
        reunification_reg19_record,
        decision=decision,
        assessment_completed_on=date(2026, 12, 16),
        by=social_worker,
    ) == {
        "assessment_completed_on": "The date the assessment was completed must be on or after "
        "the date the child moved (17 December 2026)"
    }
    decision = reunification_reg19_record(
        decision=decision,
        assessment_completed_on=date(2027, 1, 4),
        nominated_officer_approved_on=date(2027, 1, 18),
        nominated_officer=nominated_officer,
        by=social_worker,
    )
    assert decision.nominated_officer == nominated_officer


def test_kinship_foster_needs_a_network_member_and_temporary_approval(case, social_worker):
    child, _, mother = case
    parents = decide(child, by=social_worker, on=date(2027, 1, 11))
    errors = reunification_complete_errors(
        decision=parents, moved_on=date(2027, 1, 18), outcome=Outcome.KINSHIP_FOSTER
    )
    assert errors["outcome"].startswith("The child is going home to the parents")
    reunification_abandon(
        decision=parents, abandoned_on=date(2027, 1, 12), reason="Plan changed", by=social_worker
    )
    gran = FamilyMemberFactory(
        child=child, name="Pat Fenwick", relationship=Relationship.GRANDPARENT
    )
    decision = decide(
        child,
        by=social_worker,
        on=date(2027, 1, 13),
        route=ReunificationRoute.FAMILY_NETWORK_MEMBER,
        family_member=gran,
    )
    assert refused(
        reunification_complete,
        decision=decision,
        moved_on=date(2027, 1, 18),
        outcome=Outcome.KINSHIP_FOSTER,
        temporary_approval_on=date(2027, 1, 19),
        by=social_worker,
    ) == {
        "temporary_approval_on": "Date of approval must be on or before the date the child moved"
    }
    done = reunification_complete(
        decision=decision,
        moved_on=date(2027, 1, 18),
        outcome=Outcome.KINSHIP_FOSTER,
        temporary_approval_on=date(2027, 1, 15),
        by=social_worker,
    )
    assert done.temporary_approval_on == date(2027, 1, 15)


def test_leaving_care_under_an_sgo_ends_the_period_of_care(case, social_worker, events):
    child, _, _ = case
    gran = FamilyMemberFactory(
        child=child, name="Pat Fenwick", relationship=Relationship.GRANDPARENT
    )
    sgo = CourtOrderFactory(
        child=child, kind=OrderKind.SPECIAL_GUARDIANSHIP, made_on=date(2027, 1, 20)
    )
    decision = decide(
        child,
        by=social_worker,
        on=date(2027, 1, 20),
        route=ReunificationRoute.FAMILY_NETWORK_MEMBER,
        family_member=gran,
        decided_by_kind=DecidedBy.COURT,
        order=sgo,
    )
    kwargs = dict(
        decision=decision,
        moved_on=date(2027, 1, 21),
        outcome=Outcome.LEFT_CARE,
        leaving_basis=LeavingCareBasis.SPECIAL_GUARDIANSHIP,
        by=social_worker,
    )
    assert refused(reunification_complete, **kwargs, episode_ceased=EpisodeCeased.E41) == {
        "leaving_order": "Select the order: special guardianship order",
        "episode_ceased": "Reason episode ceased E41 does not go with: special guardianship "
        "order; choose E43 or E44",
    }
    assert CarePeriod.objects.get(child=child).ended_on is None
    reunification_complete(**kwargs, leaving_order=sgo, episode_ceased=EpisodeCeased.E44)
    period = CarePeriod.objects.get(child=child)
    assert period.ended_on == date(2027, 1, 21)
    assert period.reason_ended.startswith("E44")
    # the legal status in force ends that day too (children's service)
    assert child.legal_statuses.get().ends_on == date(2027, 1, 21)
    assert events[-1].kind == ReunificationEvent.MOVED_HOME


def test_leaving_section_20_needs_senior_approval(own_team, social_worker):
    child = ChildFactory(
        responsible_authority=own_team.organisation,
        team=own_team,
        date_of_birth=BORN,
        identified_on=BORN,
    )
    CarePeriodFactory(child=child, started_on=BORN)
    LegalStatusPeriodFactory(
        child=child, code=LegalStatus.V2, starts_on=BORN, basis=StatusBasis.SECTION_20
    )
    decision = decide(child, by=social_worker, on=date(2027, 1, 11))
    kwargs = dict(
        decision=decision,
        moved_on=date(2027, 1, 14),
        outcome=Outcome.LEFT_CARE,
        leaving_basis=LeavingCareBasis.SECTION_20_ENDED,
        episode_ceased=EpisodeCeased.E4A,
        by=social_worker,
    )
    assert refused(reunification_complete, **kwargs) == {
        "senior_approved_by": "Enter the senior manager who approved ending the child's "
        "accommodation",
        "senior_approved_on": "Enter the date of the senior approval",
    }
    reunification_complete(
        **kwargs, senior_approved_by="Head of Service", senior_approved_on=date(2027, 1, 13)
    )
    assert CarePeriod.objects.get(child=child).ended_on == date(2027, 1, 14)


def test_a_child_under_a_care_order_cannot_end_section_20(case, social_worker):
    child, _, _ = case
    decision = decide(child, by=social_worker, on=date(2027, 1, 11))
    errors = reunification_complete_errors(
        decision=decision,
        moved_on=date(2027, 1, 14),
        outcome=Outcome.LEFT_CARE,
        leaving_basis=LeavingCareBasis.SECTION_20_ENDED,
        episode_ceased=EpisodeCeased.E4A,
        senior_approved_by="Head of Service",
        senior_approved_on=date(2027, 1, 13),
    )
    assert errors == {
        "leaving_basis": "The child was not accommodated under section 20 on 14 January 2027"
    }


def test_consent_withdrawn_child_returned_within_7_or_14_days(case, social_worker):
    child, _, _ = case
    CourtOrderFactory(child=child, kind=OrderKind.NO_ORDER, made_on=date(2027, 1, 2))
    decision = decide(
        child,
        by=social_worker,
        on=date(2027, 1, 11),
        after_authority_basis=AfterAuthorityBasis.CONSENT_WITHDRAWN,
        consent_withdrawn_on=date(2027, 1, 10),
    )
    errors = reunification_complete_errors(
        decision=decision, moved_on=date(2027, 1, 18), outcome=""
    )
    # ACA 2002 s.31: not placed for adoption → 7 days
    assert errors["moved_on"] == (
        "After consent is withdrawn the child must be returned within 7 days: date the child "
        "moved must be on or before 17 January 2027"
    )
    decision.placed_for_adoption = True
    decision.save()
    errors = reunification_complete_errors(
        decision=decision, moved_on=date(2027, 1, 18), outcome=""
    )
    assert "moved_on" not in errors


def test_a_closed_decision_cannot_complete(case, social_worker):
    child, _, _ = case
    decision = decide(child, by=social_worker, on=date(2027, 1, 11))
    reunification_abandon(
        decision=decision, abandoned_on=date(2027, 1, 12), reason="Plan changed", by=social_worker
    )
    decision.refresh_from_db()
    errors = reunification_complete_errors(
        decision=decision, moved_on=date(2027, 1, 13), outcome=Outcome.LEFT_CARE
    )
    assert errors[None] == "This reunification is no longer under way"
