"""What the journey and the child's page read from reunification: a fixed number of queries,
whatever the number of records."""

from dataclasses import dataclass
from datetime import date

from django.db.models import Prefetch

from accounts.dates import add_months
from children.models import CarePeriod, Child

from .models import (
    AfterReturnRecord,
    LifeStoryContribution,
    Outcome,
    ReunificationDecision,
    ReunificationSupport,
    TransitionStep,
)


def current_decision(*, child: Child) -> ReunificationDecision | None:
    """The child's latest reunification decision (open, completed or abandoned), with its
    family member and orders loaded: one query."""
    return (
        ReunificationDecision.objects.filter(child=child)
        .select_related("family_member", "order", "care_order", "leaving_order")
        .order_by("-decided_on", "-pk")
        .first()
    )


def decisions_with_records(*, child: Child) -> list[ReunificationDecision]:
    """Every reunification decision of the child, latest first, with its plan, steps, support,
    life story contributions and after-the-return records: six queries in all."""
    return list(
        ReunificationDecision.objects.filter(child=child)
        .select_related(
            "family_member", "order", "care_order", "leaving_order", "nominated_officer", "plan"
        )
        .prefetch_related(
            Prefetch("steps", queryset=TransitionStep.objects.order_by("planned_on", "pk")),
            Prefetch(
                "support",
                queryset=ReunificationSupport.objects.order_by("for_whom", "offered_on", "pk"),
            ),
            Prefetch(
                "life_story", queryset=LifeStoryContribution.objects.order_by("given_on", "pk")
            ),
            Prefetch("after_return", queryset=AfterReturnRecord.objects.order_by("held_on", "pk")),
        )
        .order_by("-decided_on", "-pk")
    )


@dataclass(frozen=True)
class ReturnToCare:
    """Whether the child who left care came back into care, and when (the figure that shows
    whether reunification lasted). ``measured`` is False for a child who stays looked after at
    home: they have not left care, so there is nothing to come back to."""

    measured: bool
    returned_on: date | None = None
    within_12_months: bool = False
    within_24_months: bool = False


def return_to_care(
    decision: ReunificationDecision, periods: list[CarePeriod] | None = None
) -> ReturnToCare:
    """Derived from the child's periods of care: the first one starting after the move home.
    Give ``periods`` (the child's periods of care) to read no query."""
    if decision.moved_on is None or decision.outcome != Outcome.LEFT_CARE:
        return ReturnToCare(measured=False)
    if periods is None:
        periods = list(CarePeriod.objects.filter(child_id=decision.child_id))
    later = sorted(p.started_on for p in periods if p.started_on > decision.moved_on)
    if not later:
        return ReturnToCare(measured=True)
    back = later[0]
    return ReturnToCare(
        measured=True,
        returned_on=back,
        within_12_months=back <= add_months(decision.moved_on, 12),
        within_24_months=back <= add_months(decision.moved_on, 24),
    )
