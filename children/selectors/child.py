"""Which children a user may see, the children list and the home page panel."""

from datetime import date, timedelta

from django.db.models import (
    OuterRef,
    Q,
    QuerySet,
    Subquery,
)
from django.http import Http404

from accounts.models import User

from ..models import (
    Child,
    Hearing,
    LookedAfterReview,
    TwinTrackPlan,
)
from ..rules import works_with_children


def children_visible_to(*, user: User) -> QuerySet[Child]:
    """Children the user may open: their LA's children and their agency's referrals."""
    if not works_with_children.test(user):
        return Child.objects.none()
    return Child.objects.filter(
        Q(responsible_authority_id=user.organisation_id) | Q(referred_to_id=user.organisation_id)
    )


def _current_plan_subquery(field: str):
    return Subquery(
        TwinTrackPlan.objects.filter(child=OuterRef("pk"))
        .order_by("-meeting_on", "-created_at")
        .values(field)[:1]
    )


def child_list(
    *,
    user: User,
    scope: str = "mine",
    search: str = "",
    route: str = "",
    team_id: int | None = None,
    worker_id: int | None = None,
    include_archived: bool = False,
) -> QuerySet[Child]:
    """The children list: my caseload, my team's or all I may see; searched and filtered.

    One query for the page whatever its length: allocation is joined, the primary plan and next
    hearing come from subqueries.
    """
    children = children_visible_to(user=user)
    if not include_archived:
        children = children.active()
    if scope == "mine":
        children = children.filter(Q(social_worker=user) | Q(iro=user))
    elif scope == "team":
        children = children.filter(team__memberships__user=user).distinct()
    if search:
        children = children.filter(
            Q(legal_name__icontains=search)
            | Q(known_as__icontains=search)
            | Q(la_child_id__iexact=search)
        )
    if route:
        children = children.filter(route=route)
    if team_id:
        children = children.filter(team_id=team_id)
    if worker_id:
        children = children.filter(social_worker_id=worker_id)
    next_hearing = (
        Hearing.objects.filter(proceedings__child=OuterRef("pk"), listed_on__gte=date.today())
        .order_by("listed_on")
        .values("listed_on")[:1]
    )
    return (
        children.select_related("social_worker", "iro", "team", "responsible_authority")
        .annotate(
            primary_plan=_current_plan_subquery("primary"),
            next_hearing_on=Subquery(next_hearing),
        )
        .order_by("legal_name", "pk")
    )


def child_for_user(*, user: User, pk: int) -> Child:
    """One child the user may see, or 404 (another organisation's child is never shown)."""
    try:
        return (
            children_visible_to(user=user)
            .select_related(
                "social_worker",
                "iro",
                "team",
                "responsible_authority",
                "referred_to",
                "sibling_group",
            )
            .get(pk=pk)
        )
    except Child.DoesNotExist as missing:
        raise Http404("No child found") from missing


def home_panel(*, user: User, today: date | None = None) -> dict | None:
    """The home page's view of a user's children: caseload, hearings and reviews due."""
    if not works_with_children.test(user):
        return None
    today = today or date.today()
    mine = children_visible_to(user=user).active().filter(Q(social_worker=user) | Q(iro=user))
    hearings = (
        Hearing.objects.filter(
            proceedings__child__in=mine,
            listed_on__gte=today,
            listed_on__lte=today + timedelta(days=28),
        )
        .select_related("proceedings__child")
        .order_by("listed_on")[:10]
    )
    reviews = (
        LookedAfterReview.objects.filter(
            child__in=mine, held_on__isnull=True, scheduled_on__lte=today + timedelta(days=28)
        )
        .select_related("child")
        .order_by("scheduled_on")[:10]
    )
    return {"caseload": mine.count(), "hearings": list(hearings), "reviews": list(reviews)}


# --- the practice standards checklist and the IRO's concerns ---------------------------------
