"""What family time adds to the child's page through ``children.extensions``: the "Family time"
tab, chronology and history sources, and the visibility of a child to the family time worker who
supervises their sessions. Registered from ``FamilyTimeConfig.ready``."""

from django.db.models import Q

from accounts.permissions import can
from children.extensions import (
    ChronologyEvent,
    HistorySource,
    Section,
    chronology_sources,
    history_sources,
    sections,
    visibility,
)

from . import forms, models, selectors
from .chart import attendance_chart
from .services import LONDON


def family_time_section(child, viewer) -> dict | None:
    """The tab's context: a fixed number of queries whatever the number of sessions."""
    if not can(viewer, "family_time.view_family_time", child):
        return None
    found = selectors.family_time_for(child=child, viewer=viewer)
    return {
        "family_time": found,
        "attendance_chart": attendance_chart(found.attendance),
        "can_plan_family_time": can(viewer, "family_time.plan_family_time", child),
        "viewer_pk": viewer.pk,
    }


def family_time_chronology(child, viewer):
    """The plans' starts, icebreakers and goodbyes, and sessions with concerns (two queries)."""
    if not can(viewer, "family_time.view_family_time", child):
        return
    for plan in models.FamilyTimePlan.objects.filter(child=child).only(
        "starts_on",
        "icebreaker_on",
        "goodbye_on",
        "supervision_level",
        "days",
        "every_weeks",
        "start_time",
        "duration_minutes",
    ):
        yield ChronologyEvent(
            plan.starts_on, "Family time", "Family time plan started", plan.frequency_words()
        )
        if plan.icebreaker_on:
            yield ChronologyEvent(
                plan.icebreaker_on, "Family time", "Icebreaker meeting of carers and parents"
            )
        if plan.goodbye_on:
            yield ChronologyEvent(plan.goodbye_on, "Family time", "Goodbye family time")
    for session in (
        models.Session.objects.filter(plan__child=child)
        .exclude(concerns="")
        .only("starts_at", "concerns")
    ):
        yield ChronologyEvent(
            session.starts_at.astimezone(LONDON).date(),
            "Family time",
            "Concern at family time",
            session.concerns,
        )


def _plan_rows(child):
    return {"child_id": child.pk}


def _session_rows(child):
    return Q(plan__child_id=child.pk)


def _attendance_rows(child):
    return Q(session__plan__child_id=child.pk)


HISTORY = (
    HistorySource(
        models.FamilyTimePlan,
        "Family time plan",
        _plan_rows,
        forms=(forms.PlanForm,),
        view_perm="family_time.view_family_time",
        order=65,
    ),
    HistorySource(
        models.Session,
        "Family time session",
        _session_rows,
        labels={"starts_at": "Date and time", "ends_at": "End"},
        forms=(forms.SessionRecordForm, forms.CancelForm),
        view_perm="family_time.view_family_time",
        order=66,
    ),
    HistorySource(
        models.Attendance,
        "Family time attendance",
        _attendance_rows,
        view_perm="family_time.view_family_time",
        order=67,
    ),
    HistorySource(
        models.LaterFamilyTime,
        "Family time after adoption or a return home",
        _plan_rows,
        forms=(forms.LaterFamilyTimeForm,),
        view_perm="family_time.view_family_time",
        order=68,
    ),
)

SECTION = Section(
    "family-time", "Family time", "family_time/_section.html", family_time_section, order=45
)


def register() -> None:
    sections.register(SECTION)
    chronology_sources.register(family_time_chronology)
    for source in HISTORY:
        history_sources.register(source)
    visibility.register(selectors.children_with_sessions)
