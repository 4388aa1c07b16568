"""The child's chronology: every dated event from every app, in date order.

``children`` cannot import the apps above it, so each app registers a *source* in
``children.extensions.chronology_sources`` from its ``AppConfig.ready()``: a function taking the
child and the viewer and returning its events, leaving out what this viewer may not see. Each
source runs a fixed number of queries, so the chronology's cost follows the number of sources,
not the length of the record. The child's own records are one source of one query
(``records_events``: a UNION ALL of plain columns, no model objects); consent, parental
responsibility, Part 19, section 20 and pre-proceedings are another (``legal_sources``).
"""

from django.db import connection
from django.utils.encoding import force_str

from accounts.dates import format_date
from accounts.permissions import can

from .extensions import ChronologyEvent, chronology_sources
from .models import (
    CaseNote,
    CourtOrder,
    FamilyMember,
    Hearing,
    PaternityTest,
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


# --- the child's recorded events: one query of plain values ---------------------------------
#
# Every dated record of the child comes from one UNION ALL of plain columns (no model objects):
# ``(source, seq, d1, d2, d3, t1, t2, t3, first name, last name, username)``. ``seq`` keeps each
# source's rows in its model's default order, as the per-model queries gave them before.

_USER = "LEFT JOIN accounts_user u ON u.id = {}.{}"
_BY = "u.first_name, u.last_name, u.username"
_NO_BY = "NULL::text, NULL::text, NULL::text"

_RECORDS_SQL = f"""
SELECT 1, row_number() OVER (ORDER BY f.relationship, f.name, f.id), f.ep_information_given_on,
       NULL::date, NULL::date, f.name::text, f.relationship::text, NULL::text, {_NO_BY}
  FROM children_familymember f
 WHERE f.child_id = %(child)s AND f.ep_information_given_on IS NOT NULL
UNION ALL
SELECT 2, row_number() OVER (ORDER BY v.requested_on, v.id), v.requested_on, v.completed_on,
       v.due_on, f.name::text, v.outcome::text, NULL::text, {_BY}
  FROM children_viabilityassessment v
  JOIN children_familymember f ON f.id = v.family_member_id
  {_USER.format("v", "created_by_id")}
 WHERE v.child_id = %(child)s
UNION ALL
SELECT 3, row_number() OVER (ORDER BY p.requested_on, p.id), p.requested_on, p.result_on,
       NULL::date, f.name::text, p.result::text, NULL::text, {_NO_BY}
  FROM children_paternitytest p
  JOIN children_familymember f ON f.id = p.alleged_father_id
 WHERE p.child_id = %(child)s
UNION ALL
SELECT 5, row_number() OVER (ORDER BY p.issued_on DESC, p.id), p.issued_on, p.concluded_on,
       NULL::date, p.court::text, p.case_number::text, NULL::text, {_NO_BY}
  FROM children_proceedings p
 WHERE p.child_id = %(child)s
UNION ALL
SELECT 6, row_number() OVER (ORDER BY e.granted_on, e.id), e.granted_on, NULL::date,
       NULL::date, e.weeks::text, e.reason::text, NULL::text, {_NO_BY}
  FROM children_extension e
  JOIN children_proceedings p ON p.id = e.proceedings_id
 WHERE p.child_id = %(child)s
UNION ALL
SELECT 7, row_number() OVER (ORDER BY h.listed_on, h.id), h.listed_on, NULL::date, NULL::date,
       h.kind::text, h.outcome::text, NULL::text, {_NO_BY}
  FROM children_hearing h
  JOIN children_proceedings p ON p.id = h.proceedings_id
 WHERE p.child_id = %(child)s
UNION ALL
SELECT 8, row_number() OVER (ORDER BY d.due_on, d.id), d.due_on, NULL::date, NULL::date,
       d.text::text, NULL::text, NULL::text, {_NO_BY}
  FROM children_direction d
  JOIN children_hearing h ON h.id = d.hearing_id
  JOIN children_proceedings p ON p.id = h.proceedings_id
 WHERE p.child_id = %(child)s
UNION ALL
SELECT 9, row_number() OVER (ORDER BY o.made_on, o.id), o.made_on, NULL::date, NULL::date,
       o.kind::text, o.notes::text, NULL::text, {_NO_BY}
  FROM children_courtorder o
 WHERE o.child_id = %(child)s
UNION ALL
SELECT 11, row_number() OVER (ORDER BY t.meeting_on, t.created_at, t.id), t.meeting_on,
       NULL::date, NULL::date, t."primary"::text, t.meeting::text, NULL::text, {_BY}
  FROM children_twintrackplan t
  {_USER.format("t", "created_by_id")}
 WHERE t.child_id = %(child)s
UNION ALL
SELECT 12, row_number() OVER (ORDER BY r.scheduled_on, r.id), r.held_on, NULL::date,
       NULL::date, r.recommendations::text, NULL::text, NULL::text, {_BY}
  FROM children_lookedafterreview r
  {_USER.format("r", "chair_id")}
 WHERE r.child_id = %(child)s AND r.held_on IS NOT NULL
UNION ALL
SELECT 13, row_number() OVER (ORDER BY c.raised_on DESC, c.id), c.raised_on, c.resolved_on,
       NULL::date, c.concern::text, c.resolution::text, NULL::text, {_BY}
  FROM children_iroconcern c
  {_USER.format("c", "created_by_id")}
 WHERE c.child_id = %(child)s
UNION ALL
SELECT 14, row_number() OVER (ORDER BY n.happened_on DESC, n.created_at DESC, n.id),
       n.happened_on, NULL::date, NULL::date, n.kind::text, n.summary::text, n.text::text, {_BY}
  FROM children_casenote n
  {_USER.format("n", "created_by_id")}
 WHERE n.child_id = %(child)s AND %(notes)s
UNION ALL
SELECT 15, row_number() OVER (ORDER BY i."order", i.code, s.id), s.met_on, NULL::date,
       NULL::date, i.code::text, i.text::text, s.note::text, {_BY}
  FROM children_childstandardrecord s
  JOIN children_practicestandarditem i ON i.id = s.item_id
  {_USER.format("s", "created_by_id")}
 WHERE s.child_id = %(child)s
ORDER BY 1, 2
"""


def _display(model, field_name):
    """``get_<field>_display`` for a value read as text: its choice's label, else the value."""
    labels = {str(key): label for key, label in model._meta.get_field(field_name).flatchoices}

    def display(value):
        return force_str(labels.get(value, value), strings_only=True)

    return display


def _by(first, last, username) -> str:
    if username is None:
        return ""
    return f"{first} {last}".strip() or username


def records_events(child, viewer):
    """Every dated record of the child (family, court, plan, reviews, notes, standards)."""
    notes = can(viewer, "children.view_case_notes", child)  # DESIGN.md "Access"
    with connection.cursor() as cursor:
        cursor.execute(_RECORDS_SQL, {"child": child.pk, "notes": bool(notes)})
        rows = cursor.fetchall()
    relationship = _display(FamilyMember, "relationship")
    outcome = _display(ViabilityAssessment, "outcome")
    result = _display(PaternityTest, "result")
    hearing_kind = _display(Hearing, "kind")
    order_kind = _display(CourtOrder, "kind")
    primary = _display(TwinTrackPlan, "primary")
    meeting = _display(TwinTrackPlan, "meeting")
    note_kind = _display(CaseNote, "kind")
    for source, _seq, d1, d2, d3, t1, t2, t3, first, last, username in rows:
        by = _by(first, last, username)
        if source == 1:
            yield ChronologyEvent(
                d1, "Family", "Early permanence information given", f"{t1} ({relationship(t2)})"
            )
        elif source == 2:
            yield ChronologyEvent(
                d1, "Family", "Viability assessment requested", f"{t1}; due {format_date(d3)}", by
            )
            if d2:
                yield ChronologyEvent(
                    d2, "Family", "Viability assessment completed", f"{t1}: {outcome(t2)}"
                )
        elif source == 3:
            yield ChronologyEvent(d1, "Family", "Paternity test requested", t1)
            if d2:
                yield ChronologyEvent(d2, "Family", "Paternity test result", f"{t1}: {result(t2)}")
        elif source == 5:
            yield ChronologyEvent(
                d1, "Court", "Care proceedings issued", f"{t1}, case {t2}", order=20
            )
            if d2:
                yield ChronologyEvent(d2, "Court", "Proceedings concluded", t2, order=80)
        elif source == 6:
            yield ChronologyEvent(d1, "Court", f"Extension of {t1} weeks granted", t2)
        elif source == 7:
            yield ChronologyEvent(d1, "Court", hearing_kind(t1), t2, order=30)
        elif source == 8:
            yield ChronologyEvent(d1, "Court", "Direction due", t1)
        elif source == 9:
            yield ChronologyEvent(d1, "Court", f"{order_kind(t1)} made", t2, order=40)
        elif source == 11:
            yield ChronologyEvent(
                d1,
                "Plan",
                "Twin-track plan set",
                f"{primary(t1)} ({meeting(t2)})",
                by,
                order=60,
            )
        elif source == 12:
            yield ChronologyEvent(d1, "Review", "Looked-after review held", t1, by)
        elif source == 13:
            yield ChronologyEvent(d1, "Review", "IRO concern raised", t1, by)
            if d2:
                yield ChronologyEvent(d2, "Review", "IRO concern resolved", t2)
        elif source == 14:
            yield ChronologyEvent(d1, f"Note: {note_kind(t1)}", t2, t3, by, order=70)
        elif source == 15:
            yield ChronologyEvent(d1, "Practice standards", f"Standard {t1}: {t2}", t3, by)


OWN_SOURCES = (child_events, records_events)


def register_own_sources() -> None:
    """The child's own records, registered as a higher app registers its sources."""
    for source in OWN_SOURCES:
        chronology_sources.register(source)
