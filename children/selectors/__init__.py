"""Reads of children's records for pages and reports, scoped to what the user may see."""

from .child import (
    child_for_form,
    child_for_user,
    child_list,
    child_list_default_scope,
    child_list_page,
    children_visible_to,
    home_panel,
)
from .legal import (
    ConsentAuthority,
    PRHolder,
    consent_authority,
    court_legal_context,
    pr_holders,
)
from .record import (
    ChildSummary,
    CourtWeek,
    child_summary,
    child_with_records,
    family_network_order,
    format_age,
)
from .reviews import ConcernLists, iro_concerns_open_first
from .standards import (
    StandardChecklist,
    standard_checklist,
    standard_item_applies,
    standard_items_for,
)

__all__ = [
    "ConsentAuthority",
    "PRHolder",
    "consent_authority",
    "court_legal_context",
    "pr_holders",
    "ChildSummary",
    "ConcernLists",
    "CourtWeek",
    "StandardChecklist",
    "child_for_form",
    "child_for_user",
    "child_list",
    "child_list_default_scope",
    "child_list_page",
    "child_summary",
    "child_with_records",
    "children_visible_to",
    "family_network_order",
    "format_age",
    "home_panel",
    "iro_concerns_open_first",
    "standard_checklist",
    "standard_item_applies",
    "standard_items_for",
]
