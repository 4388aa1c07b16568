"""What the journey and the child's page read from reunification."""

from children.models import Child

from .models import ReunificationDecision


def current_decision(*, child: Child) -> ReunificationDecision | None:
    """The child's latest reunification decision (open, completed or abandoned), with its
    family member and orders loaded: one query."""
    return (
        ReunificationDecision.objects.filter(child=child)
        .select_related("family_member", "order", "care_order", "leaving_order")
        .order_by("-decided_on", "-pk")
        .first()
    )
