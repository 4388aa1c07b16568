"""Extension points of the child's page, filled by the apps above ``children``.

``children`` cannot import the apps built on it (carers, matching, family time, the journey,
deadlines…), yet the child's page must show what they know. Each of them registers here, from its
``AppConfig.ready()``:

- a record **section** (a tab): its template and a context function ``(child, viewer) -> dict``
  (``None`` hides the tab from that viewer);
- a **header fact** (a row of the summary at the top of the record):
  ``(child, viewer, summary) -> str | None`` (``None`` leaves the row out);
- a **chronology source**: ``(child, viewer) -> Iterable[ChronologyEvent]``; it is given the
  viewer so that it can leave out what this viewer may not see;
- a **history source**: a model with simple-history, how to find the rows of one child, labels, and
  fields hidden from viewers without a permission;
- **visibility**: how a relationship lets a user see a child (a family time session, an allocated
  review): ``(user) -> Q | QuerySet of child pks | None``. ``None`` means no such relationship, and
  adds nothing to the query: a user whom no provider matches runs the same query as before.

``children`` registers its own sections, facts and sources the same way (``ChildrenConfig.ready``).
Each registry has ``register`` and ``unregister``, and ``registered(...)`` for tests.

A page's query count must not grow with the record: a section's context function reads what the
record page already prefetched (``child_with_records``), or runs a fixed number of queries; a
chronology or history source runs a fixed number of queries per child.
"""

from collections.abc import Callable, Iterable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from django.db.models import Model, Q, QuerySet

# --- the registries ---------------------------------------------------------------------------


class Registry:
    """An ordered list of extensions; registering the same one twice keeps one."""

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

    def __iter__(self) -> Iterator:
        return iter(sorted(self._items, key=lambda item: getattr(item, "order", 100)))

    def __len__(self) -> int:
        return len(self._items)

    def __repr__(self) -> str:
        return f"<Registry {self.name}: {len(self._items)}>"


# --- record sections (tabs) -----------------------------------------------------------------


@dataclass(frozen=True)
class Section:
    """A tab of the child's record: ``context(child, viewer)`` gives its template's variables
    (on top of the page's ``child``, ``summary``, ``today`` and ``can_edit``), or None to hide
    the tab from this viewer."""

    key: str  # the tab's anchor, unique on the page
    label: str
    template: str
    context: Callable[[Any, Any], dict | None] = lambda child, viewer: {}
    order: int = 100


@dataclass(frozen=True)
class ShownSection:
    key: str
    label: str
    template: str
    context: dict


sections = Registry("sections")


def sections_for(child, viewer) -> list[ShownSection]:
    """The tabs this viewer sees on this child's record, in order, each with its context."""
    shown = []
    for section in sections:
        context = section.context(child, viewer)
        if context is not None:
            shown.append(ShownSection(section.key, section.label, section.template, context))
    return shown


# --- header facts ----------------------------------------------------------------------------


@dataclass(frozen=True)
class HeaderFact:
    """A row of the record's summary header: ``value(child, viewer, summary)`` is its text (a
    ``format_html`` string for markup), or None to leave the row out. The header has three columns:
    the child, the people allocated, and the plan and its dates."""

    label: str
    value: Callable[[Any, Any, Any], str | None]
    order: int = 100
    column: int = 3


@dataclass(frozen=True)
class ShownFact:
    label: str
    value: str


header_facts = Registry("header facts")
HEADER_COLUMNS = 3


def header_for(child, viewer, summary) -> list[list[ShownFact]]:
    """The header's columns of facts (an empty column is left out)."""
    columns: list[list[ShownFact]] = [[] for _ in range(HEADER_COLUMNS)]
    for fact in header_facts:
        value = fact.value(child, viewer, summary)
        if value is not None:
            column = min(max(fact.column, 1), HEADER_COLUMNS) - 1
            columns[column].append(ShownFact(fact.label, value))
    return [column for column in columns if column]


# --- chronology sources ----------------------------------------------------------------------


@dataclass(frozen=True)
class ChronologyEvent:
    date: date
    category: str
    title: str
    detail: str = ""
    by: str = ""
    order: int = 50  # tie-break within a day: the birth before the plan made that day


ChronologySource = Callable[[Any, Any], Iterable[ChronologyEvent]]  # (child, viewer)
chronology_sources = Registry("chronology sources")


# --- history sources -------------------------------------------------------------------------


@dataclass(frozen=True)
class HistorySource:
    """A kind of record shown in the child's history of changes (a model with simple-history).

    ``rows(child)`` gives the filter of its history table to one child: keyword arguments such as
    ``{"child_id": child.pk}`` or a ``Q``. ``labels`` name its fields as the forms do; a field not
    in it is named from ``forms`` (their label, without a bracketed hint such as "(optional)"; a
    question is not a name) or from the field's verbose name, its capitals kept ("Date of the PLO
    letter"). ``private_fields`` are hidden from a viewer without ``private_perm`` on the child;
    the whole kind of record from a viewer without ``view_perm`` (when one is given).
    """

    model: type[Model]
    label: str
    rows: Callable[[Any], Mapping[str, Any] | Q]
    labels: Mapping[str, str] = field(default_factory=dict)
    forms: tuple = ()
    private_fields: frozenset[str] = frozenset()
    private_perm: str = "children.view_family_contact_details"
    view_perm: str = ""
    order: int = 100

    def __hash__(self) -> int:
        return hash((self.model, self.label))


history_sources = Registry("history sources")


# --- visibility --------------------------------------------------------------------------------

# (user) -> a Q on Child, a queryset of child pks, or None (no such relationship: the
# provider adds nothing to the query). A Q must not join a to-many relation (it would repeat
# children): use ``Q(pk__in=...)``.
VisibilityProvider = Callable[[Any], "Q | QuerySet | None"]
visibility = Registry("visibility")


def extra_visibility(user) -> Q | None:
    """What the relationships of the registered providers let this user see, or None."""
    extra = None
    for provider in visibility:
        found = provider(user)
        if found is None:
            continue
        if isinstance(found, QuerySet):
            found = Q(pk__in=found)
        extra = found if extra is None else extra | found
    return extra


# --- for tests -------------------------------------------------------------------------------


@contextmanager
def registered(registry: Registry, *items):
    """Register ``items`` for the length of a ``with`` block (tests)."""
    added = [item for item in items if item not in registry._items]
    for item in added:
        registry.register(item)
    try:
        yield items[0] if len(items) == 1 else items
    finally:
        for item in added:
            registry.unregister(item)
