"""Which children a user may see, the children list and the home page panel."""

from dataclasses import dataclass
from datetime import date, timedelta

from django.db.models import (
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    Value,
)
from django.db.models.functions import Coalesce, Lower
from django.db.models.lookups import Exact
from django.http import Http404

from accounts import clock
from accounts.models import Membership, OrganisationKind, Role, User

from ..extensions import extra_visibility
from ..models import (
    Child,
    Hearing,
    Track,
    TwinTrackPlan,
)
from ..rules import sees_organisation_children, works_with_children
from .reviews import reviews_due_for


def children_visible_to(*, user: User) -> QuerySet[Child]:
    """Children the user may open: their LA's children, their agency's referrals, and those a
    relationship registered by a higher app lets them see (``children.extensions.visibility``).

    A user whom no relationship concerns runs the same query as without the extension point.
    """
    if not works_with_children.test(user):
        return Child.objects.none()
    extra = extra_visibility(user)
    if not sees_organisation_children.test(user):
        # a family time worker: only the children of their sessions (issue 12 item 4)
        return Child.objects.none() if extra is None else Child.objects.filter(extra)
    visible = Q(responsible_authority_id=user.organisation_id) | Q(
        referred_to_id=user.organisation_id
    )
    if extra is not None:
        visible |= extra
    return Child.objects.filter(visible)


def child_list_default_scope(*, user: User) -> str:
    """The children list opens on what the user's role works with.

    An agency's staff: all they can see, which is the children referred to their agency (an
    agency is responsible for no child); a team manager: their teams' children; a social worker
    or an IRO: their caseload (the children they are allocated to, or review). Everyone else
    (Nominated Officer, Agency Decision Maker, family time and supervising social workers) works
    across the authority: all they can see.
    """
    if user.organisation_id and user.organisation.kind != OrganisationKind.LOCAL_AUTHORITY:
        return "all"
    if user.has_role(Role.TEAM_MANAGER):
        return "team"
    if user.has_role(Role.SOCIAL_WORKER, Role.IRO):
        return "mine"
    return "all"


# the current plan's words ("Plan A: return to family"), put on each row of a page in Python:
# as a CASE in the query it repeated the plan subquery in SQL for every row
_PRIMARY_PLAN_WORDS = dict(Track.choices)


def _current_plan_subquery(field: str):
    return Subquery(
        TwinTrackPlan.objects.filter(child=OuterRef("pk"))
        .order_by("-meeting_on", "-created_at")
        .values(field)[:1]
    )


def _listable_children(*, user: User) -> QuerySet[Child]:
    """The children list's base: the one column by which the user's organisation sees a child.

    ``children_visible_to`` asks ``responsible_authority = X OR referred_to = X``; an OR of two
    columns defeats the (organisation, name, pk) index the list is sorted by, so at national
    scale PostgreSQL scans the whole table and sorts it. An organisation is either a local
    authority (responsible for children, referred none) or an agency (referred children,
    responsible for none), so one side of the OR is always empty: ask only the other. A
    relationship from a higher app (``children.extensions.visibility``) adds its condition only
    for the users it concerns.
    """
    if not works_with_children.test(user):
        return Child.objects.none()
    extra = extra_visibility(user)
    if not sees_organisation_children.test(user):
        # a family time worker: only the children of their sessions (issue 12 item 4)
        return Child.objects.none() if extra is None else Child.objects.filter(extra)
    if user.organisation.kind == OrganisationKind.LOCAL_AUTHORITY:
        own = Q(responsible_authority_id=user.organisation_id)
    else:
        own = Q(referred_to_id=user.organisation_id)
    return Child.objects.filter(own if extra is None else own | extra)


def child_search_condition(search: str) -> Q:
    """A child whose name contains ``search``, or whose child ID is ``search`` in any case.

    On PostgreSQL the name matches (``UPPER(name) LIKE UPPER('%…%')``) are served by the GIN
    trigram indexes of migration 0003, and the ID match by the index of the constraint on
    ``Lower(la_child_id)`` per authority: this is exactly that expression. SQLite (the embedded
    mode) runs the same conditions without those indexes.
    """
    return (
        Q(legal_name__icontains=search)
        | Q(known_as__icontains=search)
        | Q(Exact(Lower("la_child_id"), Lower(Value(search))))
    )


# the children list's columns (templates/children/list.html) and the pagination key
LIST_COLUMNS = (
    "legal_name",
    "known_as",
    "la_child_id",
    "date_of_birth",
    "expected_delivery_date",
    "route",
    "social_worker__first_name",
    "social_worker__last_name",
    "social_worker__username",
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
    hearing come from subqueries. Ordered by (name, pk), the key ``child_list_page`` pages on.
    """
    children = _listable_children(user=user)
    if not include_archived:
        children = children.active()
    if scope == "mine":
        children = children.filter(Q(social_worker=user) | Q(iro=user))
    elif scope == "team":
        # a subquery, not a join through memberships: no DISTINCT for the planner to sort away
        children = children.filter(
            team_id__in=Membership.objects.filter(user=user).values("team_id")
        )
    if search:
        children = children.filter(child_search_condition(search))
    if route:
        children = children.filter(route=route)
    if team_id:
        children = children.filter(team_id=team_id)
    if worker_id:
        children = children.filter(social_worker_id=worker_id)
    next_hearing = (
        Hearing.objects.filter(proceedings__child=OuterRef("pk"), listed_on__gte=clock.today())
        .order_by("listed_on")
        .values("listed_on")[:1]
    )
    return (
        # only what a row shows (LIST_COLUMNS): the IRO, team and authority were joined and
        # built into objects for every row and never read, and a child has 28 columns
        children.select_related("social_worker")
        .only(*LIST_COLUMNS)
        .annotate(
            primary_plan=_current_plan_subquery("primary"),
            primary_parents_who=_current_plan_subquery("parents_who"),
            next_hearing_on=Subquery(next_hearing),
        )
        .order_by("legal_name", "pk")
    )


LIST_PAGE_SIZE = 25
# the caption counts up to this many and then says "more than": counting 50,000 rows to print
# a number nobody pages through is the one cost of the list that grew with the authority
LIST_COUNT_CAP = 1000


@dataclass(frozen=True)
class ChildListPage:
    """One page of the children list, with the cursors of its neighbours (``child_list_page``)."""

    object_list: list[Child]
    count: int  # exact up to LIST_COUNT_CAP; above it, count_capped is set
    count_capped: bool
    has_previous: bool
    has_next: bool
    is_first: bool
    is_last: bool
    keyset = True  # the pagination include tells this page from Django's numbered Page

    @property
    def caption(self) -> str:
        """ "1 child", "240 children", "More than 1,000 children"."""
        if self.count_capped:
            return f"More than {self.count:,} children"
        return f"{self.count:,} child" if self.count == 1 else f"{self.count:,} children"

    @property
    def has_other_pages(self) -> bool:
        return self.has_previous or self.has_next

    @property
    def previous_cursor(self) -> int | None:
        return self.object_list[0].pk if self.has_previous and self.object_list else None

    @property
    def next_cursor(self) -> int | None:
        return self.object_list[-1].pk if self.has_next and self.object_list else None


def _keyset_beyond(children: QuerySet[Child], pk: int, *, forward: bool) -> Q:
    """Rows after (or before) child ``pk`` in (name, pk) order, as a range the index serves.

    The cursor is the pk of the child at the page's edge; its name is read in the same query
    (an InitPlan), so no name travels in the URL. ``name >= cursor's name`` bounds the index
    scan; the OR only breaks ties between children of the same name. A cursor that is not in
    the list (archived since, or not the user's) reads as the empty name: the start.
    """
    name = Coalesce(
        Subquery(children.order_by().filter(pk=pk).values("legal_name")[:1]), Value("")
    )
    if forward:
        return Q(legal_name__gte=name) & (Q(legal_name__gt=name) | Q(legal_name=name, pk__gt=pk))
    return Q(legal_name__lte=name) & (Q(legal_name__lt=name) | Q(legal_name=name, pk__lt=pk))


def child_list_page(
    children: QuerySet[Child],
    *,
    after: int | None = None,
    before: int | None = None,
    last: bool = False,
    size: int = LIST_PAGE_SIZE,
) -> ChildListPage:
    """One page of ``child_list`` by keyset pagination on (name, pk), and a capped count.

    Keyset, not OFFSET: ``OFFSET 49975`` makes PostgreSQL walk, join and compute the plan and
    hearing subqueries of every skipped row, so the last page of a 50,000-child authority cost
    ~170 times the first. A keyset page starts its index scan at the cursor and reads
    ``size + 1`` rows wherever it is, the last page included (read backwards), and a child added
    meanwhile never shifts a page. What it gives up is jumping to page 1,317: the list is a
    finding aid (search and filters narrow it), so it offers first, previous, next and last.
    Two queries, whatever the page and the authority's size: the page, and the capped count.
    """
    if after is not None:
        rows = list(children.filter(_keyset_beyond(children, after, forward=True))[: size + 1])
        has_previous, has_next = True, len(rows) > size
        rows = rows[:size]
    elif before is not None or last:
        backwards = children.reverse()
        if before is not None:
            backwards = backwards.filter(_keyset_beyond(children, before, forward=False))
        rows = list(backwards[: size + 1])
        has_previous, has_next = len(rows) > size, before is not None
        rows = rows[:size][::-1]
        if before is not None and not has_previous and len(rows) < size:
            return child_list_page(children, size=size)  # came back short of the start
    else:
        rows = list(children[: size + 1])
        has_previous, has_next = False, len(rows) > size
        rows = rows[:size]
    for child in rows:
        child.primary_plan_words = _PRIMARY_PLAN_WORDS.get(getattr(child, "primary_plan", ""), "")
    counted = children.order_by().values("pk")[: LIST_COUNT_CAP + 1].count()
    return ChildListPage(
        object_list=rows,
        count=min(counted, LIST_COUNT_CAP),
        count_capped=counted > LIST_COUNT_CAP,
        has_previous=has_previous,
        has_next=has_next,
        is_first=not has_previous,
        is_last=not has_next,
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


def child_for_form(*, user: User, pk: int, related: tuple[str, ...] = ()) -> Child:
    """One child the user may see, for a page that adds or changes one of its records: the
    child's own row (and the relations the page names), or 404.

    A form page shows the child's name and checks the rules against the child's own columns; each
    relation ``child_for_user`` joins for the record page costs PostgreSQL planning time and the
    ORM's compiling and building (about 4 ms of a ~20 ms page), so none is joined unless asked.
    """
    children = children_visible_to(user=user)
    if related:
        children = children.select_related(*related)
    try:
        return children.get(pk=pk)
    except Child.DoesNotExist as missing:
        raise Http404("No child found") from missing


def home_panel(*, user: User, today: date | None = None) -> dict | None:
    """The home page's view of a user's children: caseload, hearings and reviews due."""
    if not works_with_children.test(user):
        return None
    today = today or clock.today()
    soon = today + timedelta(days=28)
    # The caseload's ids in one query (a caseload is tens of children, an IRO's a hundred or so):
    # the two lists then filter on a plain list rather than compiling the visibility subquery
    # twice more, and load only what the panel shows (half the page's time went on the ORM).
    mine = list(
        children_visible_to(user=user)
        .active()
        .filter(Q(social_worker=user) | Q(iro=user))
        .order_by()
        .only("legal_name", "known_as")
        .prefetch_related("care_periods")  # Child.looked_after_since reads them
    )
    hearings = (
        Hearing.objects.filter(
            proceedings__child_id__in=[child.pk for child in mine],
            listed_on__gte=today,
            listed_on__lte=soon,
        )
        .select_related("proceedings__child")
        .only(
            "kind",
            "listed_on",
            "proceedings__child__legal_name",
            "proceedings__child__known_as",
        )
        .order_by("listed_on", "pk")[:10]
    )
    # the statutory review due next for each child (CPR reg 33), overdue or due within four
    # weeks, whether or not a review is scheduled: a child looked after for three months with no
    # review is overdue, never "none due"
    reviews = reviews_due_for(children=mine, today=today, within_days=28)[:10]
    return {"caseload": len(mine), "hearings": list(hearings), "reviews": reviews}


# --- the practice standards checklist and the IRO's concerns ---------------------------------
