"""Choosing a child: the matches of a typed name or child ID, scoped like every page."""

from django.db.models import Case, Q, QuerySet, Value, When

from accounts.dates import format_date
from accounts.models import User

from ..models import Child
from .child import children_visible_to


def child_label(child: Child) -> str:
    return f"{child.display_name} ({child.la_child_id})"


def child_hint(child: Child) -> str:
    if child.date_of_birth:
        return f"Born {format_date(child.date_of_birth)}"
    if child.expected_delivery_date:
        return f"Due {format_date(child.expected_delivery_date)}"
    return ""


def children_matching(children: QuerySet[Child], text: str) -> QuerySet[Child]:
    """Children whose names hold every word typed, or whose child ID is the text; exact first."""
    text = text.strip()
    words = text.split()[:5]
    if not words:
        return children.none()
    by_name = Q()
    for word in words:
        by_name &= Q(legal_name__icontains=word) | Q(known_as__icontains=word)
    # "Name (ID)", as the chooser shows a child, is found again when typed back
    label_id = text.rsplit("(", 1)[-1].rstrip(")").strip() if text.endswith(")") else ""
    exact = Q(legal_name__iexact=text) | Q(la_child_id__iexact=text)
    if label_id:
        exact |= Q(la_child_id__iexact=label_id)
    return (
        children.filter(by_name | exact)
        .annotate(_exact=Case(When(exact, then=Value(0)), default=Value(1)))
        .order_by("_exact", "legal_name", "pk")
    )


def sibling_candidates(child: Child) -> QuerySet[Child]:
    """Who may be added as the child's brother or sister: the authority's other open records."""
    candidates = (
        Child.objects.active()
        .filter(responsible_authority_id=child.responsible_authority_id)
        .exclude(pk=child.pk)
    )
    if child.sibling_group_id:
        candidates = candidates.exclude(sibling_group_id=child.sibling_group_id)
    return candidates.order_by("legal_name", "pk")


def child_search(
    *, user: User, text: str, sibling_of: Child | None = None, limit: int = 10
) -> list[Child]:
    """Up to ``limit`` open records the user may see that match the text."""
    children = children_visible_to(user=user).active()
    if sibling_of is not None:
        children = children.filter(pk__in=sibling_candidates(sibling_of).values("pk"))
    return list(children_matching(children, text)[:limit])
