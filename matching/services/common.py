"""What the matching services share: locking the child, the household's availability, the
authority to place for adoption."""

from datetime import date

from django.db.models import Q

from carers.availability import with_availability
from carers.models import Household, Training, TrainingKind
from children.models import Child, ConsentToPlacement, CourtOrder, OrderKind
from children.models.codes import Route
from children.models.consent import ConsentStatus


def lock_child(child: Child) -> Child:
    """The child's row, locked until the transaction ends (two people saving at once)."""
    return Child.objects.select_for_update().get(pk=child.pk)


def household_facts(household: Household, *, today: date) -> Household:
    """The household with its availability annotations (``carers.availability``)."""
    return with_availability(Household.objects.filter(pk=household.pk), today=today).get()


def ep_preparation_completed(household: Household) -> bool:
    """Std 3.4: the carers completed early permanence preparation."""
    return Training.objects.filter(
        household=household, kind=TrainingKind.EP_PREPARATION, completed_on__isnull=False
    ).exists()


def other_children_with(household: Household, child: Child) -> bool:
    """The household is linked with or caring for another child who is not the child's sibling
    (Std 7.8: a sibling may join them)."""
    from ..models import InitialMatch, MatchStatus, Placement, PlacementKind

    others = Q(~Q(child=child))
    if child.sibling_group_id:
        others &= ~Q(child__sibling_group_id=child.sibling_group_id)
    matched = InitialMatch.objects.filter(
        others, household=household, status__in=[MatchStatus.PROPOSED, MatchStatus.PLACED]
    )
    placed = Placement.objects.filter(
        others,
        household=household,
        kind=PlacementKind.EP_CARERS,
        ends_on__isnull=True,
    )
    return matched.exists() or placed.exists()


def placement_order_in_force(child: Child, on: date) -> bool:
    return (
        CourtOrder.objects.filter(child=child, kind=OrderKind.PLACEMENT, made_on__lte=on)
        .filter(Q(ended_on__isnull=True) | Q(ended_on__gt=on))
        .exists()
    )


def consent_in_force(child: Child, on: date) -> bool:
    """s.19 consent given, witnessed and not withdrawn (ACA s.19)."""
    return ConsentToPlacement.objects.filter(
        child=child, status=ConsentStatus.GIVEN, witnessed_on__lte=on
    ).exists()


def consent_case(child: Child) -> bool:
    """A consent or relinquished case: the adoption panel advises before the should-be-placed
    decision (LAW.md "The adoption agency's decisions"; AAR regs 18–19)."""
    if child.route == Route.RELINQUISHED:
        return True
    return ConsentToPlacement.objects.filter(child=child, status=ConsentStatus.GIVEN).exists()
