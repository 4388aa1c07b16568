"""IRO concerns, open ones first."""

from dataclasses import dataclass
from datetime import date, timedelta

from ..models import Child, CourtOrder, IROConcern, LookedAfterReview, OrderKind
from ..review_timescales import DueReview, ReviewTimescales, review_timescales


def _prefetched(child: Child, name: str) -> list | None:
    cache = getattr(child, "_prefetched_objects_cache", {})
    return list(cache[name]) if name in cache else None


@dataclass(frozen=True)
class ConcernLists:
    open: list
    resolved: list


def iro_concerns_open_first(*, child: Child) -> ConcernLists:
    """The IRO's concerns: open ones (newest first), then resolved ones (newest first)."""

    if "iro_concerns" in getattr(child, "_prefetched_objects_cache", {}):
        concerns = list(child.iro_concerns.all())
    else:
        concerns = list(
            IROConcern.objects.filter(child=child)
            .select_related("review", "created_by")
            .prefetch_related("escalations__created_by", "responses__created_by")
        )
    return ConcernLists(
        open=[c for c in concerns if c.resolved_on is None],
        resolved=[c for c in concerns if c.resolved_on is not None],
    )


# --- statutory review timescales (CPR reg 33; AAR reg 36) --------------------------------------


def looked_after_since(child: Child) -> date | None:
    """The day the child's current period of being looked after began (None: not looked after).

    The one place the review chain and the review rules read it from.
    """
    return (
        child.looked_after_since
    )  # the current period of care (children.models.legal.CarePeriod)


def authorised_to_place_since(child: Child) -> date | None:
    """The day the agency was first authorised to place the child for adoption, as far as the
    record knows today: the first placement order (ACA s.21). Consent under s.19 and the journey's
    own date will answer here once they are recorded."""
    orders = _prefetched(child, "orders")
    if orders is None:
        orders = CourtOrder.objects.filter(child=child, kind=OrderKind.PLACEMENT).only("made_on")
    return min((o.made_on for o in orders if o.kind == OrderKind.PLACEMENT), default=None)


def placed_for_adoption_since(child: Child) -> date | None:
    """The date of the agency's notice of placement for adoption (AAR reg 35): no record holds it
    yet (the journey will), so the looked-after reviews run on."""
    return None


def review_timescales_for(child: Child) -> ReviewTimescales:
    """The child's statutory review chain: reviews held against their due dates, and the next due.

    Reads the reviews ``child_with_records`` prefetched when it did (no query), else one query.
    """
    reviews = _prefetched(child, "reviews")
    if reviews is None:
        held = list(
            LookedAfterReview.objects.filter(child=child, held_on__isnull=False).values_list(
                "held_on", flat=True
            )
        )
    else:
        held = [review.held_on for review in reviews if review.held_on]
    return review_timescales(
        looked_after_on=looked_after_since(child),
        held=held,
        authorised_to_place_on=authorised_to_place_since(child),
        placed_for_adoption_on=placed_for_adoption_since(child),
    )


@dataclass(frozen=True)
class ReviewDueRow:
    """A row of the IRO's (or social worker's) list of reviews due: the child, the review due
    by when, and the review scheduled for it, if one is."""

    child: Child
    due: DueReview
    scheduled_on: date | None


def reviews_due_for(*, children: list[Child], today: date, within_days: int) -> list[ReviewDueRow]:
    """The next statutory review of each child that is overdue or due within ``within_days`` (or
    has a review scheduled within them), soonest first, whether or not one is scheduled. Two
    queries, whatever the caseload."""
    ids = [child.pk for child in children]
    held: dict[int, list[date]] = {}
    scheduled: dict[int, date] = {}
    for child_id, held_on, scheduled_on in LookedAfterReview.objects.filter(
        child_id__in=ids
    ).values_list("child_id", "held_on", "scheduled_on"):
        if held_on:
            held.setdefault(child_id, []).append(held_on)
        elif child_id not in scheduled or scheduled_on < scheduled[child_id]:
            scheduled[child_id] = scheduled_on
    placement_orders: dict[int, date] = {}
    for child_id, made_on in CourtOrder.objects.filter(
        child_id__in=ids, kind=OrderKind.PLACEMENT
    ).values_list("child_id", "made_on"):
        placement_orders[child_id] = min(made_on, placement_orders.get(child_id, made_on))
    horizon = today + timedelta(days=within_days)
    rows = []
    for child in children:
        chain = review_timescales(
            looked_after_on=looked_after_since(child),
            held=held.get(child.pk, []),
            authorised_to_place_on=placement_orders.get(child.pk),
            placed_for_adoption_on=None,
        )
        scheduled_on = scheduled.get(child.pk)
        soon = scheduled_on is not None and scheduled_on <= horizon
        for due in chain.next_due:
            # due (or overdue) within the window, or a review is scheduled within it
            if due.due_by <= horizon or soon:
                rows.append(ReviewDueRow(child, due, scheduled_on))
    return sorted(rows, key=lambda row: (row.due.due_by, row.child.pk, row.due.kind))
