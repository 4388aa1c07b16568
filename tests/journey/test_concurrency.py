"""Two people acting on the same child at once, on two real PostgreSQL connections: one
succeeds, the other is told the case changed, and nothing of the loser is written."""

import threading

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django_fsm import ConcurrentTransition
from django_fsm_log.models import StateLog

from accounts.models import Role
from children.models import EPType, FfaBasis
from journey.models import CloseReason, Journey, Stage, TransitionRecord
from journey.services import CHANGED, journey_agree_ep_plan, journey_close
from tests.accounts.factories import OrganisationFactory, TeamFactory, UserFactory
from tests.children.factories import ChildFactory, TwinTrackPlanFactory
from tests.helpers import TODAY


@pytest.fixture
def world(transactional_db):
    organisation = OrganisationFactory()
    team = TeamFactory(organisation=organisation)
    first = UserFactory(organisation=organisation, role=Role.TEAM_MANAGER, role__team=team)
    second = UserFactory(organisation=organisation, role=Role.TEAM_MANAGER, role__team=team)
    child = ChildFactory(responsible_authority=organisation, team=team)
    TwinTrackPlanFactory(child=child, ep_type=EPType.FFA, ffa_basis=FfaBasis.CONSIDERING)
    return child, first, second


def _in_thread(results, barrier, action):
    def run():
        try:
            barrier.wait()
            results.append(("ok", action()))
        except ValidationError as error:
            results.append(("refused", error.message_dict["__all__"]))
        finally:
            connection.close()  # each thread has its own connection: close it

    return threading.Thread(target=run)


def test_two_users_at_once_one_succeeds_the_other_is_told_to_reload(world):
    child, first, second = world
    results: list = []
    barrier = threading.Barrier(2)
    threads = [
        _in_thread(
            results,
            barrier,
            lambda: journey_agree_ep_plan(
                child=child, agreed_on=TODAY, by=first, expected_stage=Stage.IDENTIFIED
            ),
        ),
        _in_thread(
            results,
            barrier,
            lambda: journey_close(
                child=child,
                reason=CloseReason.EP_NOT_PURSUED,
                detail="Not pursued",
                closed_on=TODAY,
                by=second,
                expected_stage=Stage.IDENTIFIED,
            ),
        ),
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    outcomes = sorted(kind for kind, _ in results)
    assert outcomes == ["ok", "refused"]
    refused = next(value for kind, value in results if kind == "refused")
    assert refused == [CHANGED]
    # exactly one move written, logged once
    journey = Journey.objects.get(child=child)
    assert journey.stage in (Stage.FAMILY_FINDING, Stage.CLOSED)
    assert TransitionRecord.objects.count() == 1
    assert StateLog.objects.count() == 1
    if journey.stage == Stage.FAMILY_FINDING:
        assert journey.close_reason == ""


def test_a_stale_copy_of_the_journey_cannot_be_saved_over_a_newer_stage(world):
    child, first, second = world
    stale = Journey.objects.get(child=child)
    journey_agree_ep_plan(child=child, agreed_on=TODAY, by=first)
    stale.close(reason=CloseReason.OTHER, detail="x", by=second)
    with pytest.raises(ConcurrentTransition):
        stale.save()
    assert Journey.objects.get(child=child).stage == Stage.FAMILY_FINDING
