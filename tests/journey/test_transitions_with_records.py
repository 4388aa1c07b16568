"""Transitions that create records, through matching's services, on the facts loaded once."""

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError

from accounts.models import Role
from children.models import (
    CourtOrder,
    EPType,
    FamilyMember,
    FfaBasis,
    LegalStatusPeriod,
    OrderKind,
    ViabilityAssessment,
)
from journey.facts import load_facts
from journey.models import Journey, Stage, TransitionRecord
from journey.services import (
    journey_agree_ep_plan,
    journey_place_with_carers,
    journey_propose_match,
    journey_withdraw_match,
)
from matching.models import Placement
from matching.selectors import journey_records
from matching.services import match_authorise
from tests.carers.factories import build_household
from tests.children.factories import ChildFactory, TwinTrackPlanFactory
from tests.helpers import TODAY

pytestmark = pytest.mark.usefixtures("_frozen_today")


@pytest.fixture
def people(make_user, own_team, agency_team):
    return {
        "sw": make_user(Role.SOCIAL_WORKER, team=own_team, username="sw.j"),
        "tm": make_user(Role.TEAM_MANAGER, team=own_team, username="tm.j"),
        "no": make_user(Role.NOMINATED_OFFICER, team=own_team, username="no.j"),
        "ssw": make_user(Role.SUPERVISING_SOCIAL_WORKER, team=agency_team, username="ssw.j"),
    }


@pytest.fixture
def child(own_team, people):
    born = TODAY - timedelta(days=20)
    child = ChildFactory(
        responsible_authority=own_team.organisation,
        team=own_team,
        social_worker=people["sw"],
        date_of_birth=born,
    )
    TwinTrackPlanFactory(child=child, ep_type=EPType.FFA, ffa_basis=FfaBasis.CONSIDERING)
    aunt = FamilyMember.objects.create(child=child, name="A. Aunt", relationship="aunt_uncle")
    ViabilityAssessment.objects.create(
        child=child,
        family_member=aunt,
        requested_on=born,
        due_on=born + timedelta(days=10),
        completed_on=born + timedelta(days=8),
        outcome="negative",
    )
    order = CourtOrder.objects.create(
        child=child, kind=OrderKind.INTERIM_CARE, made_on=born + timedelta(days=2)
    )
    LegalStatusPeriod.objects.create(
        child=child, code="C1", starts_on=order.made_on, basis="order", order=order
    )
    return child


@pytest.fixture
def household(people):
    return build_household(by=people["ssw"], name="The Ashby-Cole household", extras=True)


def _to_match_proposed(child, household, people):
    journey_agree_ep_plan(child=child, agreed_on=TODAY - timedelta(days=5), by=people["tm"])
    return journey_propose_match(
        child=child,
        household=household,
        proposed_on=TODAY - timedelta(days=4),
        by=people["sw"],
        expected_stage=Stage.FAMILY_FINDING,
    )


def test_propose_match_creates_the_initial_match(child, household, people):
    record = _to_match_proposed(child, household, people)
    assert record.target == Stage.MATCH_PROPOSED
    assert journey_records(child=child).current_match.household == household


def test_place_with_carers_requires_nominated_officer_authorisation(child, household, people):
    _to_match_proposed(child, household, people)
    with pytest.raises(ValidationError) as refused:
        journey_place_with_carers(
            child=child, starts_on=TODAY - timedelta(days=1), placement_code="U5", by=people["sw"]
        )
    assert refused.value.message_dict["__all__"] == ["Needs the Nominated Officer's authorisation"]
    assert Journey.objects.get(child=child).stage == Stage.MATCH_PROPOSED
    assert not Placement.objects.filter(child=child).exists()


def test_place_with_carers_records_the_ep_placement(child, household, people):
    _to_match_proposed(child, household, people)
    match_authorise(
        match=journey_records(child=child).current_match,
        authorised_on=TODAY - timedelta(days=2),
        information_given="The parents' positions, the carers' assessment, the risks.",
        by=people["no"],
    )
    assert load_facts(child).no_authorised_on == TODAY - timedelta(days=2)
    record = journey_place_with_carers(
        child=child, starts_on=TODAY - timedelta(days=1), placement_code="U5", by=people["sw"]
    )
    assert record.target == Stage.FOSTERING_PHASE
    placement = journey_records(child=child).ep_placement
    assert (placement.household, placement.starts_on, placement.placement_code) == (
        household,
        TODAY - timedelta(days=1),
        "U5",
    )


def test_the_nominated_officer_does_not_move_the_case(child, household, people):
    from django.core.exceptions import PermissionDenied

    journey_agree_ep_plan(child=child, agreed_on=TODAY, by=people["tm"])
    with pytest.raises(PermissionDenied):
        journey_propose_match(child=child, household=household, proposed_on=TODAY, by=people["no"])


def test_withdraw_match_needs_a_reason_and_withdraws_it(child, household, people):
    _to_match_proposed(child, household, people)
    with pytest.raises(ValidationError):
        journey_withdraw_match(child=child, withdrawn_on=TODAY, reason=" ", by=people["sw"])
    journey_withdraw_match(
        child=child, withdrawn_on=TODAY, reason="The carers withdrew", by=people["sw"]
    )
    assert Journey.objects.get(child=child).stage == Stage.FAMILY_FINDING
    assert journey_records(child=child).current_match is None
    assert TransitionRecord.objects.filter(transition="withdraw_match").get().reason == (
        "The carers withdrew"
    )


def test_the_facts_load_in_a_fixed_number_of_queries_as_records_grow(
    child, household, people, django_assert_num_queries
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from children.models import ConsentToPlacement

    _to_match_proposed(child, household, people)
    with CaptureQueriesContext(connection) as first:
        load_facts(child)
    mother = FamilyMember.objects.create(child=child, name="M. Mother", relationship="mother")
    for n in range(3):
        ViabilityAssessment.objects.create(
            child=child,
            family_member=mother,
            requested_on=TODAY - timedelta(days=10),
            due_on=TODAY,
            outcome="pending",
        )
        ConsentToPlacement.objects.create(
            child=child,
            parent=mother,
            status="given",
            considered_on=TODAY - timedelta(days=5),
            witnessed_on=TODAY - timedelta(days=4 - n),
        )
        CourtOrder.objects.create(
            child=child, kind=OrderKind.REFUSAL_OF_CONTACT, made_on=TODAY - timedelta(days=n)
        )
    with django_assert_num_queries(len(first.captured_queries)):
        load_facts(child)
