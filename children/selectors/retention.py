"""How long the child's record is kept, from what the record knows of the outcome."""

from datetime import date

from ..models import Child, CourtOrder, OrderKind, RetentionDecision, RetentionReview
from ..retention import Retention, retention_until


def _prefetched(child: Child, name: str) -> list | None:
    cache = getattr(child, "_prefetched_objects_cache", {})
    return list(cache[name]) if name in cache else None


def adoption_order_made_on(child: Child) -> date | None:
    """The date of the child's adoption order, from the court orders recorded (the journey's own
    record of the adoption order will answer here once it exists)."""
    orders = _prefetched(child, "orders")
    if orders is None:
        orders = CourtOrder.objects.filter(child=child, kind=OrderKind.ADOPTION).only(
            "kind", "made_on"
        )
    return min((o.made_on for o in orders if o.kind == OrderKind.ADOPTION), default=None)


def died_on(child: Child) -> date | None:
    """The date of the child's death, as recorded on the child's details: a death before 18
    keeps the record 15 years after it (LAW.md "Records and words", CPR reg 50(2)(b))."""
    return child.date_of_death


def retention_reviews(child: Child) -> list[RetentionReview]:
    reviews = _prefetched(child, "retention_reviews")
    if reviews is None:
        reviews = list(RetentionReview.objects.filter(child=child).select_related("created_by"))
    return sorted(
        reviews, key=lambda review: (review.reviewed_on, review.created_at), reverse=True
    )


def retention_for(child: Child) -> Retention:
    """Until when the record is kept: the statutory period (LAW.md "Records and words"), or the
    date a retention review decided to keep it until."""
    statutory = retention_until(
        date_of_birth=child.date_of_birth,
        died_on=died_on(child),
        adoption_order_on=adoption_order_made_on(child),
    )
    latest = next(iter(retention_reviews(child)), None)
    if latest is not None and latest.decision == RetentionDecision.KEEP and latest.keep_until:
        if statutory.until is None or latest.keep_until > statutory.until:
            return Retention(
                latest.keep_until, f"Kept after a retention review: {statutory.basis}"
            )
    return statutory
