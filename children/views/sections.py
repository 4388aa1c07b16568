"""The child's own tabs and header facts on the record page, registered on the extension points
of ``children.extensions`` exactly as a higher app registers its own.

Each tab's context reads what ``child_with_records`` prefetched, so the page's query count does
not grow with the record.
"""

from django.utils.html import format_html
from django.utils.safestring import mark_safe

from accounts import clock
from accounts.dates import format_date
from accounts.permissions import can

from .. import selectors
from ..extensions import HeaderFact, Section, header_facts, sections
from ..selectors.retention import retention_for, retention_reviews
from ..selectors.reviews import review_timescales_for

# --- tabs --------------------------------------------------------------------------------------


def _family(child, viewer) -> dict:
    return {"can_see_contacts": can(viewer, "children.view_family_contact_details", child)}


def _details(child, viewer) -> dict:
    # the record's retention (LAW.md "Records and words"), shown to the authority's own staff
    if viewer.organisation_id != child.responsible_authority_id:
        return {}
    retention = retention_for(child)
    return {
        "retention": retention,
        "retention_ended": retention.ended(clock.today()),
        "retention_reviews": retention_reviews(child),
        "can_review_retention": can(viewer, "children.review_retention", child),
    }


def _reviews(child, viewer) -> dict:
    return {
        "can_review": can(viewer, "children.record_review", child),
        "can_record_outcome": can(viewer, "children.record_review_outcome", child),
        "can_raise_concern": can(viewer, "children.raise_iro_concern", child),
        "can_resolve_concern": can(viewer, "children.resolve_iro_concern", child),
        "can_respond_concern": can(viewer, "children.respond_to_iro_concern", child),
        "iro_concerns": selectors.iro_concerns_open_first(child=child),
        "review_timescales": review_timescales_for(child),  # CPR reg 33; AAR reg 36
    }


def _notes(child, viewer) -> dict | None:
    if not can(viewer, "children.view_case_notes", child):
        return None  # DESIGN.md "Access": not for an agency the child is only referred to
    return {"can_add_note": can(viewer, "children.add_case_note", child)}


def _standards(child, viewer) -> dict:
    return {
        "standard_checklist": selectors.standard_checklist(child=child),
        # issue 9 item 10: a team manager or the IRO verifies a manual mark
        "can_verify_standard": can(viewer, "children.verify_standard", child),
    }


def _nothing_more(child, viewer) -> dict:
    return {}


OWN_SECTIONS = (
    Section("details", "Details", "children/record/_details.html", _details, order=10),
    Section("family", "Family network", "children/record/_family.html", _family, order=20),
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
        # the label follows the kind: a placement order or adoption application has no clock
        others = [each for each in child.proceedings.all() if each.concluded_on is None]
        if others:
            latest = max(others, key=lambda each: each.issued_on)
            return format_html(
                '{} <span class="govuk-hint govuk-!-display-inline">(no 26-week limit)</span>',
                latest.get_kind_display(),
            )
        return "No open proceedings"
    # CA 1989 s.32(1)(a)(ii): 26 weeks beginning with the issue day; s.32(5): extensions
    if week.target_date == week.statutory_end:
        end = f"26 weeks end {format_date(week.target_date)}"
    else:
        end = f"extended to {format_date(week.target_date)}"
    overdue = (
        format_html(' <strong class="govuk-tag govuk-tag--red">Overdue</strong>')
        if week.overdue
        else ""
    )
    return format_html(
        'Week {} of {}{} <span class="govuk-hint govuk-!-display-inline">({})</span>',
        week.week,
        week.of,
        overdue,
        end,
    )


def _next_hearing(child, viewer, summary) -> str:
    hearing = summary.next_hearing
    if hearing is None:
        return "None listed"
    return f"{hearing.get_kind_display()}, {format_date(hearing.listed_on)}"


def _next_review(child, viewer, summary) -> str:
    """The statutory review due next (CPR reg 33), and the review scheduled, if one is."""
    due = review_timescales_for(child).next_due
    scheduled = summary.next_review
    if not due:
        if scheduled:
            return f"Scheduled for {format_date(scheduled.scheduled_on)}"
        return "Not looked after"
    overdue = due[0].overdue(clock.today())
    return format_html(
        '{}{}<br><span class="govuk-body-s">{}</span>',
        due[0].label,
        OVERDUE_TAG if overdue else "",
        f"Scheduled for {format_date(scheduled.scheduled_on)}" if scheduled else "Not scheduled",
    )


OVERDUE_TAG = mark_safe(' <strong class="govuk-tag govuk-tag--red">Overdue</strong>')  # noqa: S308


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
    HeaderFact("Next review", _next_review, order=40, column=3),
)


def register_own() -> None:
    """The child's own tabs and header facts."""
    for section in OWN_SECTIONS:
        sections.register(section)
    for fact in OWN_HEADER_FACTS:
        header_facts.register(fact)
