"""Availability and dual approval are derived, never typed (issue 10)."""

import pytest

from accounts import clock
from carers import services
from carers.availability import Availability, with_availability
from carers.extensions import PlacementSource, placement_sources
from carers.models import ApprovalStatus, Household
from tests.carers.factories import build_household, days


def state(household) -> Household:
    return with_availability(Household.objects.filter(pk=household.pk), today=clock.today()).get()


def test_dual_approved_household_is_available(ssw):
    found = state(build_household(by=ssw))
    assert found.dual_approved
    assert found.availability == Availability.AVAILABLE


def test_approved_only_as_adopters_is_available_but_not_dual(ssw):
    found = state(build_household(by=ssw, foster=False))
    assert not found.dual_approved
    assert found.availability == Availability.AVAILABLE


def test_in_assessment_or_foster_only_is_unavailable(ssw):
    assert state(build_household(by=ssw, adopters=False)).availability == "unavailable"
    assert state(build_household(by=ssw, adopters=False, foster=False)).availability == (
        "unavailable"
    )


def test_opted_out_is_unavailable(ssw):
    household = build_household(by=ssw)
    services.household_opt_out(household=household, by=ssw, opted_out_on=days(0), reason="x")
    assert state(household).availability == Availability.UNAVAILABLE


def test_approval_on_hold_puts_the_household_on_hold(ssw):
    household = build_household(by=ssw)
    services.approval_status_change(
        approval=household.foster_approvals.get(),
        by=ssw,
        status=ApprovalStatus.ON_HOLD,
        changed_on=days(-1),
        reason="Bereavement",
    )
    found = state(household)
    assert found.availability == Availability.ON_HOLD
    assert not found.dual_approved


def test_on_hold_after_a_child_went_home_until_the_period_ends(ssw):
    household = build_household(by=ssw)
    services.support_save(
        household=household,
        by=ssw,
        kind="after_child_went_home",
        starts_on=days(-10),
        ends_on=days(20),
    )
    assert state(household).availability == Availability.ON_HOLD
    support = household.support.get()
    services.support_save(
        household=household,
        by=ssw,
        kind="after_child_went_home",
        starts_on=days(-40),
        ends_on=days(-1),
        support=support,
    )
    assert state(household).availability == Availability.AVAILABLE


@pytest.mark.parametrize(("slot", "expected"), [("linked", "linked"), ("caring", "caring")])
def test_placements_plug_in_through_the_one_function(ssw, slot, expected):
    household = build_household(by=ssw)
    ids = Household.objects.filter(pk=household.pk).values("pk")
    source = PlacementSource(
        linked=(lambda: ids) if slot == "linked" else (lambda: None),
        caring=(lambda: ids) if slot == "caring" else (lambda: None),
    )
    placement_sources.register(source)
    try:
        assert state(household).availability == expected
    finally:
        placement_sources.unregister(source)
    assert state(household).availability == Availability.AVAILABLE
