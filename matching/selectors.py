"""What the pages and the apps above read from ``matching``: each a fixed number of queries,
whatever the number of placements, matches, children or households (CONVENTIONS: selectors)."""

from dataclasses import dataclass, field

from django.db.models import (
    Case,
    Count,
    IntegerField,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    Value,
    When,
)
from django.db.models.functions import Coalesce

from .models import (
    AdoptionPlacement,
    AgencyDecision,
    AgencyDecisionKind,
    FormalMatch,
    InitialMatch,
    MatchStatus,
    Placement,
    PlacementKind,
)

CURRENT_MATCH = [MatchStatus.PROPOSED, MatchStatus.PLACED]


@dataclass
class MatchingRecords:
    """Everything ``matching`` holds about one child, as the journey's guards read it."""

    placements: list[Placement] = field(default_factory=list)
    matches: list[InitialMatch] = field(default_factory=list)
    decisions: list[AgencyDecision] = field(default_factory=list)
    formal_matches: list[FormalMatch] = field(default_factory=list)
    adoption_placement: AdoptionPlacement | None = None

    @property
    def current_match(self) -> InitialMatch | None:
        """The latest match not withdrawn (nor ended), with ``authorisation`` and ``reg25a``
        loaded: read them with ``authorisation_of`` / ``reg25a_of`` (None when absent)."""
        current = [m for m in self.matches if m.status in CURRENT_MATCH]
        return current[-1] if current else None

    @property
    def authorisation(self):
        """The current match's Nominated Officer authorisation, or None."""
        return authorisation_of(self.current_match)

    @property
    def reg25a(self):
        """The current match's Reg 25A temporary approval, or None."""
        return reg25a_of(self.current_match)

    @property
    def current_placement(self) -> Placement | None:
        open_ = [p for p in self.placements if p.ends_on is None]
        return open_[-1] if open_ else None

    @property
    def ep_placement(self) -> Placement | None:
        """The current early permanence placement (open, with the EP carers)."""
        current = self.current_placement
        return current if current and current.kind == PlacementKind.EP_CARERS else None

    @property
    def first_ep_placement(self) -> Placement | None:
        ep = [p for p in self.placements if p.kind == PlacementKind.EP_CARERS]
        return ep[0] if ep else None

    @property
    def moves_before_ep(self) -> int | None:
        """How many placements the child had before the first EP placement (None: no EP
        placement yet). The core benefit early permanence claims (seeds 000, 001, 004)."""
        first = self.first_ep_placement
        if first is None:
            return None
        return sum(1 for p in self.placements if p.starts_on < first.starts_on)

    def _latest(self, kind: str) -> AgencyDecision | None:
        found = [d for d in self.decisions if d.kind == kind]
        return found[-1] if found else None

    @property
    def should_be_placed(self) -> AgencyDecision | None:
        return self._latest(AgencyDecisionKind.SHOULD_BE_PLACED)

    @property
    def no_longer_to_be_placed(self) -> AgencyDecision | None:
        return self._latest(AgencyDecisionKind.NO_LONGER_TO_BE_PLACED)

    @property
    def should_be_placed_in_force(self) -> AgencyDecision | None:
        """The should-be-placed decision, unless a later no-longer decision reversed it."""
        should, no_longer = self.should_be_placed, self.no_longer_to_be_placed
        if should is None:
            return None
        if no_longer is not None and (no_longer.decided_on, no_longer.pk) >= (
            should.decided_on,
            should.pk,
        ):
            return None
        return should

    @property
    def formal_match(self) -> FormalMatch | None:
        return self.formal_matches[-1] if self.formal_matches else None


def authorisation_of(match: InitialMatch | None):
    """The match's Nominated Officer authorisation, or None (no query when loaded)."""
    if match is None:
        return None
    try:
        return match.authorisation
    except InitialMatch.authorisation.RelatedObjectDoesNotExist:
        return None


def reg25a_of(match: InitialMatch | None):
    """The match's Reg 25A temporary approval, or None (no query when loaded)."""
    if match is None:
        return None
    try:
        return match.reg25a
    except InitialMatch.reg25a.RelatedObjectDoesNotExist:
        return None


def journey_records(*, child) -> MatchingRecords:
    """The child's placements, matches, decisions, formal matches and placement for adoption:
    five queries, whatever their number."""
    placements = list(
        Placement.objects.filter(child=child)
        .select_related("household")
        .order_by("starts_on", "pk")
    )
    matches = list(
        InitialMatch.objects.filter(child=child)
        .select_related("household", "authorisation__authorised_by", "reg25a__approved_by")
        .order_by("proposed_on", "pk")
    )
    decisions = list(
        AgencyDecision.objects.filter(child=child)
        .select_related("decided_by")
        .order_by("decided_on", "pk")
    )
    formal = list(
        FormalMatch.objects.filter(child=child)
        .select_related("household", "decided_by")
        .order_by("created_at", "pk")
    )
    adoption = (
        AdoptionPlacement.objects.filter(child=child)
        .select_related("formal_match")
        .order_by("-notice_on", "-pk")
        .first()
    )
    return MatchingRecords(
        placements=placements,
        matches=matches,
        decisions=decisions,
        formal_matches=formal,
        adoption_placement=adoption,
    )


def placements_of(child) -> QuerySet:
    return (
        Placement.objects.filter(child=child)
        .select_related("household")
        .order_by("starts_on", "pk")
    )


def with_moves_before_ep(children: QuerySet) -> QuerySet:
    """Annotate children with ``first_ep_on`` and ``moves_before_ep`` (placements that started
    before the first EP placement; None when there is no EP placement): two subqueries, for
    lists and returns."""
    first_ep = (
        Placement.objects.filter(child=OuterRef("pk"), kind=PlacementKind.EP_CARERS)
        .order_by("starts_on")
        .values("starts_on")[:1]
    )
    moves = (
        Placement.objects.filter(child=OuterRef("pk"), starts_on__lt=OuterRef("first_ep_on"))
        .order_by()
        .values("child")
        .annotate(n=Count("pk"))
        .values("n")
    )
    return children.annotate(first_ep_on=Subquery(first_ep)).annotate(
        moves_before_ep=Case(
            When(first_ep_on__isnull=True, then=Value(None)),
            default=Coalesce(Subquery(moves), 0),
            output_field=IntegerField(),
        )
    )


# --- what carers shows through its extension points (carers.extensions) ----------------------


def linked_households() -> QuerySet:
    """Households with a proposed match (carers: "linked with a child")."""
    return InitialMatch.objects.filter(status=MatchStatus.PROPOSED).values("household_id")


def caring_households() -> QuerySet:
    """Households with an open early permanence placement (carers: "caring for an EP child")."""
    return Placement.objects.filter(
        kind__in=[PlacementKind.EP_CARERS, PlacementKind.PLACED_FOR_ADOPTION],
        ends_on__isnull=True,
    ).values("household_id")


def placed_children(household) -> list:
    """The children placed with the household now, as the carers need to know them: one
    query."""
    from carers.extensions import PlacedChild

    placements = (
        Placement.objects.filter(household=household, ends_on__isnull=True)
        .select_related("child")
        .order_by("starts_on", "pk")
    )
    groups = [p.child.sibling_group_id for p in placements]
    return [
        PlacedChild(
            reference=p.child.la_child_id or f"child {p.child.pk}",
            date_of_birth=p.child.date_of_birth,
            sibling_of_placed=bool(
                p.child.sibling_group_id and groups.count(p.child.sibling_group_id) > 1
            ),
        )
        for p in placements
    ]


def households_visible_to(user) -> Q | None:
    """A local authority's (or the referred agency's) users see a household matched with or
    placed with one of their children (carers.rules: ``related_through_a_match``)."""
    organisation = getattr(user, "organisation_id", None)
    if not organisation:
        return None
    mine = Q(child__responsible_authority_id=organisation) | Q(child__referred_to_id=organisation)
    matched = InitialMatch.objects.filter(mine).exclude(status=MatchStatus.WITHDRAWN)
    placed = Placement.objects.filter(mine, household__isnull=False)
    formal = FormalMatch.objects.filter(mine)
    return (
        Q(pk__in=matched.values("household_id"))
        | Q(pk__in=placed.values("household_id"))
        | Q(pk__in=formal.values("household_id"))
    )
