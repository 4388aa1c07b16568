"""matching fills carers' extension points: a proposed match links the household, an open EP
placement makes it caring, and a local authority sees a household matched with its child."""

from carers.availability import Availability, placed_children, with_availability
from carers.models import Household
from matching import services
from matching.models import PlacementCode, PlacementKind
from tests.carers.factories import days


def availability(household):
    return with_availability(Household.objects.filter(pk=household.pk), today=days(0)).get()


def test_linked_then_caring_with_the_placed_child(child, social_worker, household):
    assert availability(household).availability == Availability.AVAILABLE
    match = services.match_propose(
        child=child, household=household, proposed_on=days(-3), by=social_worker
    )
    assert availability(household).availability == Availability.LINKED
    services.placement_record(
        child=child,
        kind=PlacementKind.EP_CARERS,
        starts_on=days(-1),
        placement_code=PlacementCode.U5,
        household=household,
        by=social_worker,
    )
    assert availability(household).availability == Availability.CARING
    assert [p.date_of_birth for p in placed_children(household)] == [child.date_of_birth]
    match.refresh_from_db()
    assert match.status == "placed"


def test_the_local_authority_sees_the_matched_household_only(
    child, social_worker, household, make_user, other_team
):
    from accounts.models import Role

    other_sw = make_user(Role.SOCIAL_WORKER, team=other_team)
    assert not social_worker.has_perm("carers.view_household", household)
    services.match_propose(
        child=child, household=household, proposed_on=days(-3), by=social_worker
    )
    assert social_worker.has_perm("carers.view_household", household)
    assert not other_sw.has_perm("carers.view_household", household)
