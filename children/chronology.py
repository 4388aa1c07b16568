"""The child's chronology: every dated event from every app, in date order.

``children`` cannot import the apps above it, so each app registers a *source* in
``children.extensions.chronology_sources`` from its ``AppConfig.ready()``: a function taking the
child and the viewer and returning its events, leaving out what this viewer may not see. Each
source runs a fixed number of queries, so the chronology's cost follows the number of sources,
not the length of the record. The child's own records are one source of one query
(``records_events``: a UNION ALL of plain columns, no model objects); consent, parental
responsibility, Part 19, section 20 and pre-proceedings are another (``legal_sources``).
"""

from datetime import date

from django.db import connection
from django.utils.encoding import force_str

from accounts.dates import format_date
from accounts.permissions import can

from .extensions import ChronologyEvent, chronology_sources
from .models import (
    CaseNote,
    Child,
    CourtOrder,
    FamilyMember,
    Hearing,
    IROEscalation,
    LegalStatusPeriod,
    PaternityTest,
    TwinTrackPlan,
    ViabilityAssessment,
)

__all__ = ["ChronologyEvent", "events_for", "register_own_sources", "split_upcoming"]


def split_upcoming(events: list[ChronologyEvent], today: date) -> tuple[list, list]:
    """What has happened (up to today) and what is upcoming (hearings listed, directions due
    after today), each in date order: the chronology is what happened; the rest is listed apart."""
    happened = [event for event in events if event.date <= today]
    upcoming = [event for event in events if event.date > today]
    return happened, upcoming


def events_for(child, viewer) -> list[ChronologyEvent]:
    """All events of a child that this viewer may see, oldest first."""
    events = [
        event for source in chronology_sources for event in source(child, viewer) if event.date
    ]
    return sorted(events, key=lambda e: (e.date, e.order, e.category, e.title))


# --- the child's own records ----------------------------------------------------------------


def child_events(child, viewer):
    # "Identified for early permanence" comes with its author from ``records_events`` (source 0)
    if child.date_of_birth:
        yield ChronologyEvent(child.date_of_birth, "Child", "Born", order=0)


# --- the child's recorded events: one query of plain values ---------------------------------
#
# Every dated record of the child comes from one UNION ALL of plain columns (no model objects):
# ``(source, seq, d1, d2, d3, t1, t2, t3, first name, last name, username)``. ``seq`` keeps each
# source's rows in its model's default order, as the per-model queries gave them before.

_USER = "LEFT JOIN accounts_user u ON u.id = {}.{}"
_BY = "u.first_name, u.last_name, u.username"

_RECORDS_SQL = f"""
SELECT 0, 1, c.identified_on, NULL::date, NULL::date, c.route::text, NULL::text, NULL::text,
       {_BY}
  FROM children_child c
  {_USER.format("c", "created_by_id")}
 WHERE c.id = %(child)s
UNION ALL
SELECT 1, row_number() OVER (ORDER BY f.relationship, f.name, f.id), f.ep_information_given_on,
       NULL::date, NULL::date, f.name::text, f.relationship::text, NULL::text, {_BY}
  FROM children_familymember f
  {_USER.format("f", "created_by_id")}
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
       NULL::date, f.name::text, p.result::text, NULL::text, {_BY}
  FROM children_paternitytest p
  JOIN children_familymember f ON f.id = p.alleged_father_id
  {_USER.format("p", "created_by_id")}
 WHERE p.child_id = %(child)s
UNION ALL
SELECT 5, row_number() OVER (ORDER BY p.issued_on DESC, p.id), p.issued_on, p.concluded_on,
       NULL::date, p.court::text, p.case_number::text, NULL::text, {_BY}
  FROM children_proceedings p
  {_USER.format("p", "created_by_id")}
 WHERE p.child_id = %(child)s
UNION ALL
SELECT 6, row_number() OVER (ORDER BY e.granted_on, e.id), e.granted_on, e.ends_on,
       NULL::date, NULL::text, e.reason::text, NULL::text, {_BY}
  FROM children_extension e
  JOIN children_proceedings p ON p.id = e.proceedings_id
  {_USER.format("e", "created_by_id")}
 WHERE p.child_id = %(child)s
UNION ALL
SELECT 7, row_number() OVER (ORDER BY h.listed_on, h.id), h.listed_on, NULL::date, NULL::date,
       h.kind::text, h.outcome::text, h.status::text, {_BY}
  FROM children_hearing h
  JOIN children_proceedings p ON p.id = h.proceedings_id
  {_USER.format("h", "created_by_id")}
 WHERE p.child_id = %(child)s
UNION ALL
SELECT 8, row_number() OVER (ORDER BY d.due_on, d.id), d.due_on, NULL::date, NULL::date,
       d.text::text, NULL::text, NULL::text, {_BY}
  FROM children_direction d
  JOIN children_hearing h ON h.id = d.hearing_id
  JOIN children_proceedings p ON p.id = h.proceedings_id
  {_USER.format("d", "created_by_id")}
 WHERE p.child_id = %(child)s
UNION ALL
SELECT 9, row_number() OVER (ORDER BY o.made_on, o.id), o.made_on, o.ended_on, NULL::date,
       o.kind::text, o.notes::text, NULL::text, {_BY}
  FROM children_courtorder o
  {_USER.format("o", "created_by_id")}
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
UNION ALL
SELECT 16, row_number() OVER (ORDER BY cp.started_on, cp.id), cp.started_on, cp.ended_on,
       NULL::date, cp.reason_ended::text, NULL::text, NULL::text, {_BY}
  FROM children_careperiod cp
  {_USER.format("cp", "created_by_id")}
 WHERE cp.child_id = %(child)s
UNION ALL
SELECT 17, row_number() OVER (ORDER BY ls.starts_on, ls.id), ls.starts_on, NULL::date,
       NULL::date, ls.code::text, ls.basis::text, lo.kind::text, {_BY}
  FROM children_legalstatusperiod ls
  LEFT JOIN children_courtorder lo ON lo.id = ls.order_id
  {_USER.format("ls", "created_by_id")}
 WHERE ls.child_id = %(child)s
UNION ALL
SELECT 18, row_number() OVER (ORDER BY x.escalated_on, x.created_at, x.id), x.escalated_on,
       NULL::date, NULL::date, x.stage::text, c.concern::text, NULL::text, {_BY}
  FROM children_iroescalation x
  JOIN children_iroconcern c ON c.id = x.concern_id
  {_USER.format("x", "created_by_id")}
 WHERE c.child_id = %(child)s
UNION ALL
SELECT 19, row_number() OVER (ORDER BY x.responded_on, x.created_at, x.id), x.responded_on,
       NULL::date, NULL::date, x.response::text, NULL::text, NULL::text, {_BY}
  FROM children_iroconcernresponse x
  JOIN children_iroconcern c ON c.id = x.concern_id
  {_USER.format("x", "created_by_id")}
 WHERE c.child_id = %(child)s
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
    hearing_status = _display(Hearing, "status")
    legal_status = _display(LegalStatusPeriod, "code")
    status_basis = _display(LegalStatusPeriod, "basis")
    order_kind = _display(CourtOrder, "kind")
    primary = _display(TwinTrackPlan, "primary")
    meeting = _display(TwinTrackPlan, "meeting")
    note_kind = _display(CaseNote, "kind")
    route = _display(Child, "route")
    escalation_stage = _display(IROEscalation, "stage")
    for source, _seq, d1, d2, d3, t1, t2, t3, first, last, username in rows:
        by = _by(first, last, username)
        if source == 0:
            yield ChronologyEvent(
                d1, "Early permanence", "Identified for early permanence", route(t1), by, order=10
            )
        elif source == 1:
            yield ChronologyEvent(
                d1,
                "Family",
                "Early permanence information given",
                f"{t1} ({relationship(t2)})",
                by,
            )
        elif source == 2:
            yield ChronologyEvent(
                d1, "Family", "Viability assessment requested", f"{t1}; due {format_date(d3)}", by
            )
            if d2:
                yield ChronologyEvent(
                    d2, "Family", "Viability assessment completed", f"{t1}: {outcome(t2)}", by
                )
        elif source == 3:
            yield ChronologyEvent(d1, "Family", "Paternity test requested", t1, by)
            if d2:
                yield ChronologyEvent(
                    d2, "Family", "Paternity test result", f"{t1}: {result(t2)}", by
                )
        elif source == 5:
            yield ChronologyEvent(
                d1, "Court", "Care proceedings issued", f"{t1}, case {t2}", by, order=20
            )
            if d2:
                yield ChronologyEvent(d2, "Court", "Proceedings concluded", t2, by, order=80)
        elif source == 6:
            yield ChronologyEvent(
                d1, "Court", f"Time limit extended to {format_date(d2)}", t2, by, order=35
            )
        elif source == 7:
            title = hearing_kind(t1)
            if t3 in ("adjourned", "vacated"):
                title = f"{title} ({hearing_status(t3).split(' (')[0].lower()})"
            yield ChronologyEvent(d1, "Court", title, t2, by, order=30)
        elif source == 8:
            yield ChronologyEvent(d1, "Court", "Direction due", t1, by)
        elif source == 9:
            yield ChronologyEvent(d1, "Court", f"{order_kind(t1)} made", t2, by, order=40)
            if d2:
                yield ChronologyEvent(d2, "Court", f"{order_kind(t1)} ended", order=41)
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
                yield ChronologyEvent(d2, "Review", "IRO concern resolved", t2, by)
        elif source == 14:
            yield ChronologyEvent(d1, f"Note: {note_kind(t1)}", t2, t3, by, order=70)
        elif source == 15:
            yield ChronologyEvent(d1, "Practice standards", f"Standard {t1}: {t2}", t3, by)
        elif source == 16:
            yield ChronologyEvent(d1, "Child", "Became looked after", by=by, order=5)
            if d2:
                yield ChronologyEvent(d2, "Child", "Ceased to be looked after", t1, by, order=85)
        elif source == 17:
            basis = order_kind(t3) if t3 else status_basis(t2)
            yield ChronologyEvent(
                d1, "Child", f"Legal status {legal_status(t1)}", basis, by, order=45
            )
        elif source == 18:
            yield ChronologyEvent(
                d1, "Review", f"IRO concern escalated: {escalation_stage(t1)}", t2, by
            )
        elif source == 19:
            yield ChronologyEvent(d1, "Review", "Response to an IRO concern", t1, by)


OWN_SOURCES = (child_events, records_events)


def register_own_sources() -> None:
    """The child's own records, registered as a higher app registers its sources."""
    for source in OWN_SOURCES:
        chronology_sources.register(source)
