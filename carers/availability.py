"""Availability, derived — never typed twice (issue 10, Std 3.2, 7.7).

A household is, in this order:

1. **caring for an EP child** — a placement (``matching``): not available for another child,
   unless a sibling (the match's own rule);
2. **linked** with a child — a proposed match (``matching``);
3. **unavailable** when it has opted out of early permanence (Std 3.2);
4. **on hold** when an approval is on hold, or within the on-hold period after a child went home
   (Std 7.7: support after a child goes home, before they are available again);
5. **available** when approved as prospective adopters — EP carers are approved adopters; a
   household approved only as adopters can still take a fostering for adoption placement under a
   CPR reg 25A temporary approval;
6. otherwise **unavailable** (in assessment, resigned, terminated).

Placements do not exist yet: ``placement_conditions`` is the one place where they plug in, through
``carers.extensions.placement_sources``. Until ``matching`` registers a source, no household is
linked or caring. "Dual approved" is derived here too: approved both as adopters and as foster
carers.
"""

from datetime import date

from django.db import models
from django.db.models import BooleanField, Case, Exists, OuterRef, Q, QuerySet, Value, When

from .extensions import placement_sources
from .models import AdopterApproval, ApprovalStatus, FosterApproval, Support, SupportKind


class Availability(models.TextChoices):
    AVAILABLE = "available", "Available"
    LINKED = "linked", "Linked with a child"
    CARING = "caring", "Caring for an early permanence child"
    ON_HOLD = "on_hold", "On hold"
    UNAVAILABLE = "unavailable", "Unavailable"


def placement_conditions() -> tuple[Q | Value, Q | Value]:
    """WHERE PLACEMENTS PLUG IN: (linked, caring) as conditions on Household, from the sources
    that ``matching`` registers (``carers.extensions.placement_sources``). None registered: no
    household is linked or caring."""
    linked = caring = None
    for source in placement_sources:
        for name, found in (("linked", source.linked()), ("caring", source.caring())):
            if found is None:
                continue
            condition = Q(pk__in=found)
            if name == "linked":
                linked = condition if linked is None else linked | condition
            else:
                caring = condition if caring is None else caring | condition
    return (
        linked if linked is not None else Value(False),
        caring if caring is not None else Value(False),
    )


def _flag(condition) -> Case | Value:
    if isinstance(condition, Value):
        return Value(False, output_field=BooleanField())
    return Case(
        When(condition, then=Value(True)), default=Value(False), output_field=BooleanField()
    )


def with_availability(households: QuerySet, *, today: date) -> QuerySet:
    """Annotate each household with ``adopter_approved``, ``foster_approved``,
    ``dual_approved``, ``on_hold`` and ``availability`` (a fixed number of subqueries)."""
    linked, caring = placement_conditions()
    approved_adopters = AdopterApproval.objects.filter(
        household=OuterRef("pk"), status=ApprovalStatus.APPROVED
    )
    approved_foster = FosterApproval.objects.filter(
        household=OuterRef("pk"), status=ApprovalStatus.APPROVED
    )
    held = (
        Q(
            Exists(
                AdopterApproval.objects.filter(
                    household=OuterRef("pk"), status=ApprovalStatus.ON_HOLD
                )
            )
        )
        | Q(
            Exists(
                FosterApproval.objects.filter(
                    household=OuterRef("pk"), status=ApprovalStatus.ON_HOLD
                )
            )
        )
        | Q(
            # Std 7.7: the on-hold period after a child went home
            Exists(
                Support.objects.filter(
                    household=OuterRef("pk"),
                    kind=SupportKind.AFTER_CHILD_WENT_HOME,
                    starts_on__lte=today,
                ).filter(Q(ends_on__isnull=True) | Q(ends_on__gte=today))
            )
        )
    )
    return households.annotate(
        adopter_approved=Exists(approved_adopters),
        foster_approved=Exists(approved_foster),
        on_hold=_flag(held),
        is_linked=_flag(linked),
        is_caring=_flag(caring),
    ).annotate(
        dual_approved=Case(
            When(Q(adopter_approved=True, foster_approved=True), then=Value(True)),
            default=Value(False),
            output_field=BooleanField(),
        ),
        availability=Case(
            When(is_caring=True, then=Value(Availability.CARING)),
            When(is_linked=True, then=Value(Availability.LINKED)),
            When(opted_out_on__isnull=False, then=Value(Availability.UNAVAILABLE)),
            When(on_hold=True, then=Value(Availability.ON_HOLD)),
            When(adopter_approved=True, then=Value(Availability.AVAILABLE)),
            default=Value(Availability.UNAVAILABLE),
            output_field=models.CharField(),
        ),
    )


def placed_children(household) -> list:
    """The children placed with the household now, from the registered placement sources."""
    return [child for source in placement_sources for child in source.placed_children(household)]
