"""Reads of children's records for pages and reports, scoped to what the user may see."""

from dataclasses import dataclass
from datetime import date, timedelta

from django.db.models import (
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
    Subquery,
)
from django.http import Http404

from accounts.models import User

from .models import (
    Child,
    Hearing,
    LookedAfterReview,
    Proceedings,
    TwinTrackPlan,
)
from .rules import works_with_children


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


@dataclass(frozen=True)
class CourtWeek:
    week: int
    of: int
    target_date: date
    proceedings: Proceedings

    def __str__(self) -> str:
        return f"week {self.week} of {self.of}"


@dataclass(frozen=True)
class ChildSummary:
    """What the record's header shows about a child, computed once."""

    age: str
    plan: TwinTrackPlan | None
    next_hearing: Hearing | None
    court_week: CourtWeek | None
    next_review: LookedAfterReview | None
    siblings: list


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def format_date(day: date) -> str:
    """12 March 2026."""
    return f"{day.day} {day:%B %Y}"


def format_age(child: Child, today: date) -> str:
    """'Unborn, due 14 March 2027', '6 weeks old', '5 months old', '1 year, 3 months old'."""
    if child.is_unborn:
        return f"Unborn, due {format_date(child.expected_delivery_date)}"
    days = max((today - child.date_of_birth).days, 0)
    if days < 14:
        return f"{_plural(days, 'day')} old"
    if days < 13 * 7:  # babies' ages are counted in weeks for their first three months
        return f"{_plural(days // 7, 'week')} old"
    years, months = child.age_on(today)
    if years == 0:
        return f"{_plural(months, 'month')} old"
    if years < 2:
        return f"{_plural(years, 'year')}, {_plural(months, 'month')} old"
    return f"{years} years old"


def child_summary(*, child: Child, today: date | None = None) -> ChildSummary:
    """The header facts: age, primary plan, next hearing, court week N of 26, next review."""
    today = today or date.today()
    plan = TwinTrackPlan.objects.filter(child=child).order_by("-meeting_on", "-created_at").first()
    next_hearing = (
        Hearing.objects.filter(proceedings__child=child, listed_on__gte=today)
        .order_by("listed_on")
        .first()
    )
    open_proceedings = (
        Proceedings.objects.filter(child=child, concluded_on__isnull=True)
        .prefetch_related("extensions")
        .order_by("-issued_on")
        .first()
    )
    court_week = None
    if open_proceedings is not None and open_proceedings.issued_on <= today:
        court_week = CourtWeek(
            week=open_proceedings.week_on(today),
            of=open_proceedings.target_weeks(),
            target_date=open_proceedings.target_date(),
            proceedings=open_proceedings,
        )
    next_review = (
        LookedAfterReview.objects.filter(child=child, held_on__isnull=True)
        .order_by("scheduled_on")
        .first()
    )
    siblings = []
    if child.sibling_group_id:
        siblings = list(
            Child.objects.filter(sibling_group_id=child.sibling_group_id)
            .exclude(pk=child.pk)
            .order_by("date_of_birth")
        )
    return ChildSummary(
        age=format_age(child, today),
        plan=plan,
        next_hearing=next_hearing,
        court_week=court_week,
        next_review=next_review,
        siblings=siblings,
    )


def family_network_order():
    """Parents first, then the wider family and connected people: the order of Relationship."""
    from django.db.models import Case, IntegerField, Value, When

    from .models import Relationship

    return Case(
        *(When(relationship=value, then=Value(i)) for i, value in enumerate(Relationship.values)),
        default=Value(len(Relationship.values)),
        output_field=IntegerField(),
    )


def child_with_records(*, user: User, pk: int) -> Child:
    """A child with every record the record page lists, each list loaded in one query."""
    from .models import (
        CaseNote,
        ChildStandardRecord,
        CourtOrder,
        FamilyMember,
        IROConcern,
        PaternityTest,
        Section19Consent,
        ViabilityAssessment,
    )

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
                "pre_proceedings",
            )
            .prefetch_related(
                Prefetch(
                    "family_members",
                    queryset=FamilyMember.objects.filter(archived_at__isnull=True).order_by(
                        family_network_order(), "name"
                    ),
                ),
                Prefetch(
                    "viability_assessments",
                    queryset=ViabilityAssessment.objects.select_related("family_member"),
                ),
                Prefetch(
                    "paternity_tests",
                    queryset=PaternityTest.objects.select_related("alleged_father"),
                ),
                Prefetch(
                    "proceedings",
                    queryset=Proceedings.objects.prefetch_related(
                        "extensions",
                        Prefetch(
                            "hearings", queryset=Hearing.objects.prefetch_related("directions")
                        ),
                    ),
                ),
                Prefetch("orders", queryset=CourtOrder.objects.select_related("hearing")),
                Prefetch(
                    "section19_consents",
                    queryset=Section19Consent.objects.select_related("parent"),
                ),
                Prefetch("plans", queryset=TwinTrackPlan.objects.select_related("created_by")),
                Prefetch("reviews", queryset=LookedAfterReview.objects.select_related("chair")),
                Prefetch(
                    "iro_concerns",
                    queryset=IROConcern.objects.select_related("review", "created_by"),
                ),
                Prefetch("case_notes", queryset=CaseNote.objects.select_related("created_by")),
                Prefetch(
                    "standard_records",
                    queryset=ChildStandardRecord.objects.select_related("item", "created_by"),
                ),
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


def standard_item_applies(item, child: Child) -> bool:
    """Whether a checklist item applies to a child: items for every child; the pre-birth items
    (e.g. 2.8) for a child identified before birth (the pre-birth route); the consensual items
    (e.g. 2.9) for a relinquished baby."""
    return item.applies_to in _standard_kinds_for(child)


def _standard_kinds_for(child: Child) -> list[str]:
    from .models import Route, StandardItemAppliesTo

    kinds = [StandardItemAppliesTo.ALL]
    if child.route == Route.PRE_BIRTH:
        kinds.append(StandardItemAppliesTo.UNBORN)
    if child.route == Route.RELINQUISHED:
        kinds.append(StandardItemAppliesTo.CONSENSUAL)
    return kinds


def standard_items_for(*, child: Child) -> QuerySet:
    """The active checklist items that apply to the child, in the checklist's order."""
    from .models import PracticeStandardItem

    return PracticeStandardItem.objects.filter(
        active=True, applies_to__in=_standard_kinds_for(child)
    ).order_by("order", "code")


@dataclass(frozen=True)
class StandardChecklist:
    """(item, record or None) for every item that applies; iterating gives the pairs."""

    rows: list
    recorded: int
    total: int

    def __iter__(self):
        return iter(self.rows)

    def __len__(self) -> int:
        return len(self.rows)


def standard_checklist(*, child: Child) -> StandardChecklist:
    """The child's checklist in two queries (one when the page prefetched the records)."""
    from .models import ChildStandardRecord

    if "standard_records" in getattr(child, "_prefetched_objects_cache", {}):
        records = child.standard_records.all()
    else:
        records = ChildStandardRecord.objects.filter(child=child).select_related("created_by")
    by_item = {record.item_id: record for record in records}
    rows = [(item, by_item.get(item.pk)) for item in standard_items_for(child=child)]
    return StandardChecklist(
        rows=rows,
        recorded=sum(1 for _, record in rows if record is not None),
        total=len(rows),
    )


@dataclass(frozen=True)
class ConcernLists:
    open: list
    resolved: list


def iro_concerns_open_first(*, child: Child) -> ConcernLists:
    """The IRO's concerns: open ones (newest first), then resolved ones (newest first)."""
    from .models import IROConcern

    if "iro_concerns" in getattr(child, "_prefetched_objects_cache", {}):
        concerns = list(child.iro_concerns.all())
    else:
        concerns = list(
            IROConcern.objects.filter(child=child).select_related("review", "created_by")
        )
    return ConcernLists(
        open=[c for c in concerns if c.resolved_on is None],
        resolved=[c for c in concerns if c.resolved_on is not None],
    )
