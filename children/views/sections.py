"""The child's own tabs and header facts on the record page, registered on the extension points
of ``children.extensions`` exactly as a higher app registers its own.

Each tab's context reads what ``child_with_records`` prefetched, so the page's query count does
not grow with the record.
"""

from django.utils.html import format_html

from accounts.dates import format_date
from accounts.permissions import can

from .. import selectors
from ..extensions import HeaderFact, Section, header_facts, sections

# --- tabs --------------------------------------------------------------------------------------


def _family(child, viewer) -> dict:
    return {"can_see_contacts": can(viewer, "children.view_family_contact_details", child)}


def _reviews(child, viewer) -> dict:
    return {
        "can_review": can(viewer, "children.record_review", child),
        "can_record_outcome": can(viewer, "children.record_review_outcome", child),
        "can_raise_concern": can(viewer, "children.raise_iro_concern", child),
        "can_resolve_concern": can(viewer, "children.resolve_iro_concern", child),
        "iro_concerns": selectors.iro_concerns_open_first(child=child),
    }


def _notes(child, viewer) -> dict | None:
    if not can(viewer, "children.view_case_notes", child):
        return None  # DESIGN.md "Access": not for an agency the child is only referred to
    return {"can_add_note": can(viewer, "children.add_case_note", child)}


def _standards(child, viewer) -> dict:
    return {"standard_checklist": selectors.standard_checklist(child=child)}


def _nothing_more(child, viewer) -> dict:
    return {}


OWN_SECTIONS = (
    Section("details", "Details", "children/record/_details.html", _nothing_more, order=10),
    Section("family", "Birth family", "children/record/_family.html", _family, order=20),
    Section("plan", "Twin-track plan", "children/record/_plan.html", _nothing_more, order=30),
    Section(
        "court", "Court", "children/record/_court.html", selectors.court_legal_context, order=40
    ),
    Section("reviews", "Reviews", "children/record/_reviews.html", _reviews, order=50),
    Section("notes", "Case notes", "children/record/_notes.html", _notes, order=60),
    Section(
        "standards", "Practice standards", "children/record/_standards.html", _standards, order=70
    ),
)


# --- header facts ------------------------------------------------------------------------------


def _court(child, viewer, summary) -> str:
    week = summary.court_week
    if week is None:
        return "No open proceedings"
    # CA 1989 s.32(1)(a)(ii): care proceedings are to be finished within 26 weeks
    return format_html(
        'Week {} of {} <span class="govuk-hint govuk-!-display-inline">(26-week date {})</span>',
        week.week,
        week.of,
        format_date(week.target_date),
    )


def _next_hearing(child, viewer, summary) -> str:
    hearing = summary.next_hearing
    if hearing is None:
        return "None listed"
    return f"{hearing.get_kind_display()}, {format_date(hearing.listed_on)}"


OWN_HEADER_FACTS = (
    HeaderFact("Age", lambda child, viewer, summary: summary.age, order=10, column=1),
    HeaderFact("Route", lambda child, viewer, summary: child.get_route_display(), 20, 1),
    HeaderFact(
        "Social worker",
        lambda child, viewer, summary: str(child.social_worker or "Not allocated"),
        order=10,
        column=2,
    ),
    HeaderFact("IRO", lambda child, viewer, summary: str(child.iro or "Not allocated"), 20, 2),
    HeaderFact(
        "Primary plan",
        lambda child, viewer, summary: (
            summary.plan.get_primary_display() if summary.plan else "Not set"
        ),
        order=10,
        column=3,
    ),
    HeaderFact("Court", _court, order=20, column=3),
    HeaderFact("Next hearing", _next_hearing, order=30, column=3),
    HeaderFact(
        "Next review",
        lambda child, viewer, summary: (
            format_date(summary.next_review.scheduled_on)
            if summary.next_review
            else "None scheduled"
        ),
        order=40,
        column=3,
    ),
)


def register_own() -> None:
    """The child's own tabs and header facts."""
    for section in OWN_SECTIONS:
        sections.register(section)
    for fact in OWN_HEADER_FACTS:
        header_facts.register(fact)
