"""Extension points of the carers app, filled by the apps above it (``AppConfig.ready()``).

``carers`` cannot import ``children`` (the same floor) nor ``matching`` (above), yet availability
depends on placements and the sufficiency page sets supply beside the children waiting:

- **placement sources** (``matching``, when it lands): which households are linked with a child
  and which are caring for an early permanence child, as querysets of household pks, and the
  children placed with one household (to check terms of approval against them). They plug into
  the one function ``carers.availability.placement_conditions``;
- **household visibility** (``matching``): how a match lets a local authority's users see a
  household: ``(user) -> Q on Household | QuerySet of household pks | None``;
- **demand sources** (the children's side of sufficiency): ``(viewer) -> Demand | None``,
  registered by an app that may read children (``dashboards`` today; the EP journey's stages
  complete it when the journey lands).

Each runs a fixed number of queries, whatever the number of households or children.
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from django.db.models import Q, QuerySet


class Registry:
    def __init__(self, name: str):
        self.name = name
        self._items: list = []

    def register(self, item):
        if item not in self._items:
            self._items.append(item)
        return item

    def unregister(self, item) -> None:
        if item in self._items:
            self._items.remove(item)

    def __iter__(self):
        return iter(list(self._items))

    def __len__(self) -> int:
        return len(self._items)


# --- placements ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class PlacedChild:
    """A child placed with (or linked to) a household, as far as the carers need to know."""

    reference: str
    date_of_birth: date | None
    sibling_of_placed: bool = False


@dataclass(frozen=True)
class PlacementSource:
    """``linked()`` and ``caring()``: querysets of household pks (or None for none);
    ``placed_children(household)``: the children placed with it now."""

    linked: Callable[[], QuerySet | None]
    caring: Callable[[], QuerySet | None]
    placed_children: Callable[[Any], list[PlacedChild]] = lambda household: []


placement_sources = Registry("placement sources")


# --- visibility ---------------------------------------------------------------------------------

household_visibility = Registry("household visibility")


def extra_household_visibility(user) -> Q | None:
    """What the registered relationships (a match) let this user see, or None."""
    extra = None
    for provider in household_visibility:
        found = provider(user)
        if found is None:
            continue
        if isinstance(found, QuerySet):
            found = Q(pk__in=found)
        extra = found if extra is None else extra | found
    return extra


# --- the children's side of sufficiency ----------------------------------------------------------

# the age bands of the sufficiency page, shared by both sides: key → words
AGE_BANDS = {
    "pre_birth": "Before birth",
    "under_3m": "Under 3 months",
    "3_to_12m": "3 to 12 months",
    "1_to_2y": "1 to 2 years",
    "over_2y": "Over 2 years",
}
# band → (from, to) in months of age, for the households' offers
BAND_MONTHS = {"under_3m": (0, 2), "3_to_12m": (3, 11), "1_to_2y": (12, 23), "over_2y": (24, 999)}


@dataclass
class Demand:
    """The children's side: counts by age band (AGE_BANDS keys) and sibling group size."""

    waiting: dict[str, int] = field(default_factory=dict)
    pipeline: dict[str, int] = field(default_factory=dict)
    unborn_by_month: list[tuple[date, int]] = field(default_factory=list)
    sibling_groups: dict[int, int] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)


DemandSource = Callable[[Any], "Demand | None"]
demand_sources = Registry("demand sources")
