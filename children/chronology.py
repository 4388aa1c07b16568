"""The child's chronology: every dated event from every app, in date order.

``children`` cannot import the apps above it, so each app registers a *source* in
``children.extensions.chronology_sources`` from its ``AppConfig.ready()``: a function taking the
child and the viewer and returning its events, leaving out what this viewer may not see. Each
source runs a fixed number of queries, so the chronology's cost follows the number of sources,
not the length of the record.
"""

from accounts.dates import format_date
from accounts.permissions import can

from .extensions import ChronologyEvent, chronology_sources
from .models import (
    CaseNote,
    ChildStandardRecord,
    CourtOrder,
    Direction,
    Extension,
    FamilyMember,
    Hearing,
    IROConcern,
    LookedAfterReview,
    PaternityTest,
    PreProceedings,
    Proceedings,
    Section19Consent,
    TwinTrackPlan,
    ViabilityAssessment,
)

__all__ = ["ChronologyEvent", "events_for", "register_own_sources"]


def events_for(child, viewer) -> list[ChronologyEvent]:
    """All events of a child that this viewer may see, oldest first."""
    events = [
        event for source in chronology_sources for event in source(child, viewer) if event.date
    ]
    return sorted(events, key=lambda e: (e.date, e.order, e.category, e.title))


def _name(user) -> str:
    return (user.get_full_name() or user.username) if user else ""


# --- the child's own records ----------------------------------------------------------------


def child_events(child, viewer):
    yield ChronologyEvent(
        child.identified_on,
        "Early permanence",
        "Identified for early permanence",
        child.get_route_display(),
        order=10,
    )
    if child.date_of_birth:
        yield ChronologyEvent(child.date_of_birth, "Child", "Born", order=0)
    if child.looked_after_on:
        detail = child.get_legal_status_display() if child.legal_status else ""
        yield ChronologyEvent(
            child.looked_after_on, "Child", "Became looked after", detail, order=5
        )


def family_events(child, viewer):
    for member in FamilyMember.objects.filter(child=child, ep_information_given_on__isnull=False):
        yield ChronologyEvent(
            member.ep_information_given_on,
            "Family",
            "Early permanence information given",
            f"{member.name} ({member.get_relationship_display()})",
        )
    for assessment in ViabilityAssessment.objects.filter(child=child).select_related(
        "family_member", "created_by"
    ):
        who = assessment.family_member.name
        yield ChronologyEvent(
            assessment.requested_on,
            "Family",
            "Viability assessment requested",
            f"{who}; due {format_date(assessment.due_on)}",
            _name(assessment.created_by),
        )
        if assessment.completed_on:
            yield ChronologyEvent(
                assessment.completed_on,
                "Family",
                "Viability assessment completed",
                f"{who}: {assessment.get_outcome_display()}",
            )
    for test in PaternityTest.objects.filter(child=child).select_related("alleged_father"):
        yield ChronologyEvent(
            test.requested_on, "Family", "Paternity test requested", test.alleged_father.name
        )
        if test.result_on:
            yield ChronologyEvent(
                test.result_on,
                "Family",
                "Paternity test result",
                f"{test.alleged_father.name}: {test.get_result_display()}",
            )


def court_events(child, viewer):
    pre = PreProceedings.objects.filter(child=child).first()
    if pre and pre.plo_letter_on:
        yield ChronologyEvent(pre.plo_letter_on, "Court", "PLO letter sent")
    if pre and pre.plo_meeting_on:
        yield ChronologyEvent(pre.plo_meeting_on, "Court", "PLO meeting held")
    for proceedings in Proceedings.objects.filter(child=child):
        yield ChronologyEvent(
            proceedings.issued_on,
            "Court",
            "Care proceedings issued",
            f"{proceedings.court}, case {proceedings.case_number}",
            order=20,
        )
        if proceedings.concluded_on:
            yield ChronologyEvent(
                proceedings.concluded_on,
                "Court",
                "Proceedings concluded",
                proceedings.case_number,
                order=80,
            )
    for extension in Extension.objects.filter(proceedings__child=child):
        yield ChronologyEvent(
            extension.granted_on,
            "Court",
            f"Extension of {extension.weeks} weeks granted",
            extension.reason,
        )
    for hearing in Hearing.objects.filter(proceedings__child=child):
        yield ChronologyEvent(
            hearing.listed_on, "Court", hearing.get_kind_display(), hearing.outcome, order=30
        )
    for direction in Direction.objects.filter(hearing__proceedings__child=child):
        yield ChronologyEvent(direction.due_on, "Court", "Direction due", direction.text)
    for order in CourtOrder.objects.filter(child=child):
        yield ChronologyEvent(
            order.made_on, "Court", f"{order.get_kind_display()} made", order.notes, order=40
        )
    for consent in Section19Consent.objects.filter(child=child).select_related("parent"):
        yield ChronologyEvent(
            consent.considered_on,
            "Court",
            "Section 19 consent",
            f"{consent.parent.name}: {consent.get_status_display()}",
        )


def plan_events(child, viewer):
    for plan in (
        TwinTrackPlan.objects.filter(child=child)
        .select_related("created_by")
        .order_by("meeting_on", "created_at")
    ):
        yield ChronologyEvent(
            plan.meeting_on,
            "Plan",
            "Twin-track plan set",
            f"{plan.get_primary_display()} ({plan.get_meeting_display()})",
            _name(plan.created_by),
            order=60,
        )


def review_events(child, viewer):
    for review in LookedAfterReview.objects.filter(
        child=child, held_on__isnull=False
    ).select_related("chair"):
        yield ChronologyEvent(
            review.held_on,
            "Review",
            "Looked-after review held",
            review.recommendations,
            _name(review.chair),
        )
    for concern in IROConcern.objects.filter(child=child).select_related("created_by"):
        yield ChronologyEvent(
            concern.raised_on,
            "Review",
            "IRO concern raised",
            concern.concern,
            _name(concern.created_by),
        )
        if concern.resolved_on:
            yield ChronologyEvent(
                concern.resolved_on, "Review", "IRO concern resolved", concern.resolution
            )


def note_events(child, viewer):
    if not can(viewer, "children.view_case_notes", child):
        return  # DESIGN.md "Access": not for an agency the child is only referred to
    for note in CaseNote.objects.filter(child=child).select_related("created_by"):
        yield ChronologyEvent(
            note.happened_on,
            f"Note: {note.get_kind_display()}",
            note.summary,
            note.text,
            _name(note.created_by),
            order=70,
        )


def standards_events(child, viewer):
    for record in ChildStandardRecord.objects.filter(child=child).select_related(
        "item", "created_by"
    ):
        yield ChronologyEvent(
            record.met_on,
            "Practice standards",
            f"Standard {record.item.code}: {record.item.text}",
            record.note,
            _name(record.created_by),
        )


OWN_SOURCES = (
    child_events,
    family_events,
    court_events,
    plan_events,
    review_events,
    note_events,
    standards_events,
)


def register_own_sources() -> None:
    """The child's own records, registered as a higher app registers its sources."""
    for source in OWN_SOURCES:
        chronology_sources.register(source)
