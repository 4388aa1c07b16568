"""The transitions through their services: who may, what each needs, what is written."""

from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django_fsm_log.models import StateLog

from accounts.models import Role
from children.models import EPType, FfaBasis
from journey.events import JourneyEvent, journey_event
from journey.models import CloseReason, Journey, Stage, TransitionRecord
from journey.services import CHANGED, journey_agree_ep_plan, journey_close
from tests.children.factories import ChildFactory, TwinTrackPlanFactory
from tests.helpers import TODAY

pytestmark = pytest.mark.usefixtures("_frozen_today")


@pytest.fixture
def child(own_team, social_worker):
    return ChildFactory(
        responsible_authority=own_team.organisation, team=own_team, social_worker=social_worker
    )


@pytest.fixture
def manager(make_user, own_team):
    return make_user(Role.TEAM_MANAGER, team=own_team, username="tm.own")


@pytest.fixture
def events():
    sent = []

    def receiver(sender, event, **kwargs):
        sent.append(event)

    journey_event.connect(receiver, weak=False, dispatch_uid="test_journey_services")
    yield sent
    journey_event.disconnect(dispatch_uid="test_journey_services")


def _plan(child, **values):
    return TwinTrackPlanFactory(
        child=child, ep_type=EPType.FFA, ffa_basis=FfaBasis.CONSIDERING, **values
    )


def test_a_new_child_has_a_journey_at_identified(child):
    assert Journey.objects.get(child=child).stage == Stage.IDENTIFIED


def test_agree_ep_plan_moves_logs_who_when_from_to_and_emits(child, manager, events):
    _plan(child)
    record = journey_agree_ep_plan(
        child=child, agreed_on=TODAY, by=manager, expected_stage=Stage.IDENTIFIED
    )
    journey = Journey.objects.get(child=child)
    assert journey.stage == Stage.FAMILY_FINDING
    assert (record.source, record.target, record.by, record.on) == (
        Stage.IDENTIFIED,
        Stage.FAMILY_FINDING,
        manager,
        TODAY,
    )
    log = StateLog.objects.for_(journey).get()
    assert (log.by, log.source_state, log.state, log.transition) == (
        manager,
        "identified",
        "family_finding",
        "agree_ep_plan",
    )
    assert record.log == log
    assert [(e.kind, e.subject, e.on, e.record) for e in events] == [
        (JourneyEvent.STAGE_ENTERED, child, TODAY, record)
    ]


def test_agree_ep_plan_without_the_plan_names_what_is_missing_and_writes_nothing(
    child, manager, events
):
    with pytest.raises(ValidationError) as refused:
        journey_agree_ep_plan(child=child, agreed_on=TODAY, by=manager)
    assert refused.value.message_dict["__all__"] == [
        "Needs the decision meeting recorded in the twin-track plan (kind and date)",
        "Needs the early permanence type in the plan",
    ]
    assert Journey.objects.get(child=child).stage == Stage.IDENTIFIED
    assert not TransitionRecord.objects.exists()
    assert not StateLog.objects.exists()
    assert events == []


@pytest.mark.parametrize(
    "role", [Role.SOCIAL_WORKER, Role.IRO, Role.ADMIN, Role.NOMINATED_OFFICER]
)
def test_agree_ep_plan_only_the_team_manager(child, make_user, own_team, role):
    _plan(child)
    user = make_user(role, team=own_team)
    with pytest.raises(PermissionDenied):
        journey_agree_ep_plan(child=child, agreed_on=TODAY, by=user)
    assert Journey.objects.get(child=child).stage == Stage.IDENTIFIED


def test_a_superuser_without_a_role_never_moves_a_case(child, make_user, own_team):
    _plan(child)
    superuser = make_user(None, organisation=own_team.organisation, is_superuser=True)
    with pytest.raises(PermissionDenied):
        journey_agree_ep_plan(child=child, agreed_on=TODAY, by=superuser)
    with pytest.raises(PermissionDenied):
        journey_close(
            child=child,
            reason=CloseReason.OTHER,
            detail="Test",
            closed_on=TODAY,
            by=superuser,
        )


def test_a_team_manager_of_another_organisation_may_not(child, make_user, other_team):
    _plan(child)
    with pytest.raises(PermissionDenied):
        journey_agree_ep_plan(
            child=child, agreed_on=TODAY, by=make_user(Role.TEAM_MANAGER, team=other_team)
        )


def test_agree_ep_plan_from_the_wrong_stage_is_refused(child, manager):
    _plan(child)
    journey_agree_ep_plan(child=child, agreed_on=TODAY, by=manager)
    with pytest.raises(ValidationError) as refused:
        journey_agree_ep_plan(child=child, agreed_on=TODAY, by=manager)
    assert "not open from there" in refused.value.message_dict["__all__"][0]


def test_a_page_shown_before_someone_else_moved_the_case_is_told_to_reload(child, manager):
    _plan(child)
    journey_agree_ep_plan(child=child, agreed_on=TODAY, by=manager)
    with pytest.raises(ValidationError) as refused:
        journey_close(
            child=child,
            reason=CloseReason.EP_NOT_PURSUED,
            detail="Mother chose to parent",
            closed_on=TODAY,
            by=manager,
            expected_stage=Stage.IDENTIFIED,
        )
    assert refused.value.message_dict["__all__"] == [CHANGED]
    assert Journey.objects.get(child=child).stage == Stage.FAMILY_FINDING


def test_closing_from_identified_keeps_the_ep_considered_register(child, manager):
    record = journey_close(
        child=child,
        reason=CloseReason.EP_NOT_PURSUED,
        detail="The family network offered a placement",
        closed_on=TODAY - timedelta(days=1),
        by=manager,
    )
    journey = Journey.objects.get(child=child)
    assert (journey.stage, journey.closed_from, journey.close_reason) == (
        Stage.CLOSED,
        Stage.IDENTIFIED,
        CloseReason.EP_NOT_PURSUED,
    )
    assert journey.close_detail == "The family network offered a placement"
    assert (record.close_reason, record.reason) == (
        CloseReason.EP_NOT_PURSUED,
        "The family network offered a placement",
    )


def test_close_needs_a_reason_and_text(child, manager):
    with pytest.raises(ValidationError) as refused:
        journey_close(child=child, reason="", detail="", closed_on=TODAY, by=manager)
    assert refused.value.message_dict["__all__"] == [
        "Choose the reason for closing",
        "Enter why, in a few words",
    ]


def test_a_closed_case_is_final(child, manager):
    journey_close(
        child=child, reason=CloseReason.DIED, detail="Recorded", closed_on=TODAY, by=manager
    )
    with pytest.raises(ValidationError):
        journey_close(
            child=child, reason=CloseReason.OTHER, detail="Again", closed_on=TODAY, by=manager
        )


def test_social_worker_closing_is_refused(child, social_worker):
    with pytest.raises(PermissionDenied):
        journey_close(
            child=child, reason=CloseReason.OTHER, detail="x", closed_on=TODAY, by=social_worker
        )


def test_the_stage_cannot_be_set_by_hand(child):
    journey = Journey.objects.get(child=child)
    with pytest.raises(AttributeError):
        journey.stage = Stage.ADOPTED
