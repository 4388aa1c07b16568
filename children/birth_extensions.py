"""The baby's birth on the child's page (issue 9 items 6–8): its tab, chronology and history,
registered on the extension points of ``children.extensions`` as a higher app registers its own.

The tab reads three records in three queries, and the chronology source is one query, whatever
the number of assessments. The baby's health (special category data) is shown only to a viewer
with ``children.view_health``: the tab, the chronology and the history leave it out otherwise.
"""

from django.db import connection

from accounts.permissions import can

from .extensions import (
    ChronologyEvent,
    HistorySource,
    Section,
    chronology_sources,
    history_sources,
    sections,
)
from .forms.birth import (
    BabyHealthForm,
    BirthPlanForm,
    FamilyFindingForm,
    ParentAssessmentForm,
)
from .models import (
    AssessmentKind,
    AssessmentOutcome,
    BabyHealth,
    BirthPlan,
    FamilyFinding,
    ParentAssessment,
)

HEALTH_PERM = "children.view_health"


def _one_to_one(child, name: str, model):
    """The child's one-to-one record as ``child_with_records`` joined it (no query), else read."""
    if name in child._state.fields_cache:
        return child._state.fields_cache[name]
    return model.objects.filter(child=child).first()


def birth_context(child, viewer) -> dict:
    """The tab's records: the plan, the health record (for who may see it), the assessments,
    read from what the record page loaded (``child_with_records``), so no query of its own."""
    see_health = can(viewer, HEALTH_PERM, child)
    cache = getattr(child, "_prefetched_objects_cache", {})
    if "parent_assessments" in cache:
        assessments = list(cache["parent_assessments"])
    else:
        assessments = list(
            ParentAssessment.objects.filter(child=child)
            .select_related("parent")
            .order_by("requested_on", "id")
        )
    return {
        "birth_plan": _one_to_one(child, "birth_plan", BirthPlan),
        "can_see_health": see_health,
        "health": _one_to_one(child, "health", BabyHealth) if see_health else None,
        "assessments": assessments,
        "family_finding": _one_to_one(child, "family_finding", FamilyFinding),
    }


SECTION = Section(
    "birth", "Birth and assessments", "children/record/_birth.html", birth_context, order=25
)


# --- the chronology: one query --------------------------------------------------------------

_USER = "LEFT JOIN accounts_user u ON u.id = {}.created_by_id"
_BY = "u.first_name, u.last_name, u.username"

_SQL = f"""
SELECT 1, 1, b.conference_on, NULL::date, NULL::text, NULL::text, NULL::text, {_BY}
  FROM children_birthplan b {_USER.format("b")}
 WHERE b.child_id = %(child)s AND b.conference_on IS NOT NULL
UNION ALL
SELECT 2, 1, h.discharged_on, h.initial_health_assessment_on, NULL::text, NULL::text,
       NULL::text, {_BY}
  FROM children_babyhealth h {_USER.format("h")}
 WHERE h.child_id = %(child)s AND %(health)s
UNION ALL
SELECT 4, 1, ff.referred_on, NULL::date, ff.agency_social_worker::text, NULL::text, NULL::text,
       {_BY}
  FROM children_familyfinding ff {_USER.format("ff")}
 WHERE ff.child_id = %(child)s AND ff.referred_on IS NOT NULL
UNION ALL
SELECT 3, row_number() OVER (ORDER BY a.requested_on, a.id), a.requested_on, a.filed_on,
       a.kind::text, a.outcome::text, f.name::text, {_BY}
  FROM children_parentassessment a
  JOIN children_familymember f ON f.id = a.parent_id
  {_USER.format("a")}
 WHERE a.child_id = %(child)s
ORDER BY 1, 2
"""


def _by(first, last, username) -> str:
    if username is None:
        return ""
    return f"{first} {last}".strip() or username


def birth_events(child, viewer):
    """The pre-birth conference, the discharge and first health assessment, the assessments."""
    health = can(viewer, HEALTH_PERM, child)
    with connection.cursor() as cursor:
        cursor.execute(_SQL, {"child": child.pk, "health": bool(health)})
        rows = cursor.fetchall()
    kinds = dict(AssessmentKind.choices)
    outcomes = dict(AssessmentOutcome.choices)
    for source, _seq, d1, d2, kind, outcome, name, first, last, username in rows:
        by = _by(first, last, username)
        if source == 1:
            yield ChronologyEvent(d1, "Birth", "Pre-birth conference held", "Standard 2.8", by)
        elif source == 2:
            if d1:
                yield ChronologyEvent(d1, "Birth", "Discharged from hospital", "", by)
            if d2:
                yield ChronologyEvent(d2, "Health", "Initial health assessment", "", by)
        elif source == 3:
            label = str(kinds.get(kind, kind))
            yield ChronologyEvent(d1, "Assessment", f"{label} requested", name, by)
            if d2:
                yield ChronologyEvent(
                    d2, "Assessment", f"{label} filed", f"{name}: {outcomes.get(outcome)}", by
                )
        elif source == 4:
            detail = f"Agency social worker: {kind}" if kind else ""
            yield ChronologyEvent(
                d1, "Family finding", "Referred to the adoption agency", detail, by
            )


# --- the history ----------------------------------------------------------------------------


def _by_child(child) -> dict:
    return {"child_id": child.pk}


HISTORY = (
    HistorySource(
        BirthPlan, "Pre-birth and discharge plan", _by_child, forms=(BirthPlanForm,), order=105
    ),
    HistorySource(
        BabyHealth,
        "Health at birth",
        _by_child,
        forms=(BabyHealthForm,),
        view_perm=HEALTH_PERM,
        order=106,
    ),
    HistorySource(
        ParentAssessment,
        "Assessment of a parent",
        _by_child,
        labels={"parent": "Parent assessed"},
        forms=(ParentAssessmentForm,),
        order=107,
    ),
    HistorySource(
        FamilyFinding,
        "Referral and brothers and sisters",
        _by_child,
        forms=(FamilyFindingForm,),
        order=108,
    ),
)


def register() -> None:
    """The birth's tab, chronology source and history sources."""
    sections.register(SECTION)
    chronology_sources.register(birth_events)
    for source in HISTORY:
        history_sources.register(source)


__all__ = ["birth_context", "birth_events", "register"]
