"""Standards evidence that cannot drift (issue 9 item 10): where a record proves a Standard, the
checklist reads it from that record, links to it, and takes no manual tick for it.

Adding a derived source is one registration::

    standards_evidence.register("2.9", part_19_evidence, hint="record the Part 19 application")

where ``part_19_evidence(child) -> Evidence`` reads the records that prove the Standard (from what
``child_with_records`` loaded when it is there, else in a fixed number of queries). Standards with
no source stay manual ticks (2.6, 5.5, 5.7…), verified by a team manager or the IRO.
"""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from accounts.dates import format_date

from .models import (
    BirthPlan,
    FamilyMember,
    PaternityResult,
    PaternityTest,
    Relationship,
    ViabilityAssessment,
)


@dataclass(frozen=True)
class Evidence:
    """What the record shows for a Standard: met on a date (``met_on``) or not yet (None), in
    words, and the tab of the record page that holds it."""

    met_on: date | None
    summary: str
    section: str

    @property
    def met(self) -> bool:
        return self.met_on is not None


@dataclass(frozen=True)
class EvidenceSource:
    code: str
    evidence: Callable[..., Evidence]
    hint: str  # what to record instead of a tick: "record … on …"


_sources: dict[str, EvidenceSource] = {}


def register(code: str, evidence: Callable[..., Evidence], *, hint: str) -> None:
    """Derive Standard ``code`` from the record: ``evidence(child) -> Evidence``."""
    _sources[code] = EvidenceSource(code, evidence, hint)


def unregister(code: str) -> None:
    _sources.pop(code, None)


def source_for(code: str) -> EvidenceSource | None:
    return _sources.get(code)


def evidence_for(code: str, child) -> Evidence | None:
    """The record's evidence for Standard ``code`` about the child, or None (a manual item)."""
    source = _sources.get(code)
    return source.evidence(child) if source else None


# --- reading what the record page loaded ----------------------------------------------------


def _loaded(child, name: str, queryset):
    cache = getattr(child, "_prefetched_objects_cache", {})
    return list(cache[name]) if name in cache else list(queryset)


def _one_to_one(child, name: str, model):
    if name in child._state.fields_cache:
        return child._state.fields_cache[name]
    return model.objects.filter(child=child).first()


# --- the child's own sources ----------------------------------------------------------------

PARENTS = {Relationship.MOTHER, Relationship.FATHER}


def ep_information_evidence(child) -> Evidence:
    """Std 2.5: information about early permanence given to each parent (a date on each)."""
    members = _loaded(
        child, "family_members", FamilyMember.objects.filter(child=child, archived_at__isnull=True)
    )
    parents = [m for m in members if m.relationship in PARENTS and m.archived_at is None]
    # a parent whose whereabouts are not known cannot be given it: said, not counted
    reachable = [m for m in parents if not m.whereabouts_unknown]
    if not reachable:
        return Evidence(None, "No parent recorded on the family network", "family")
    waiting = [m.name for m in reachable if m.ep_information_given_on is None]
    given = [
        f"{m.name} on {format_date(m.ep_information_given_on)}"
        for m in reachable
        if m.ep_information_given_on
    ]
    if waiting:
        return Evidence(None, f"Not yet given to {', '.join(waiting)}", "family")
    summary = f"Given to {'; '.join(given)}"
    unknown = [m.name for m in parents if m.whereabouts_unknown]
    if unknown:
        summary += f" (whereabouts not known: {', '.join(unknown)})"
    return Evidence(max(m.ep_information_given_on for m in reachable), summary, "family")


def viability_evidence(child) -> Evidence:
    """Std 2.2: the viability assessments completed, and any paternity test resulted."""
    assessments = _loaded(
        child, "viability_assessments", ViabilityAssessment.objects.filter(child=child)
    )
    tests = _loaded(child, "paternity_tests", PaternityTest.objects.filter(child=child))
    if not assessments:
        return Evidence(None, "No viability assessment recorded", "family")
    done = [a for a in assessments if a.completed_on]
    resulted = [t for t in tests if t.result != PaternityResult.PENDING]
    summary = f"{len(done)} of {len(assessments)} viability assessments completed"
    if tests:
        summary += f"; {len(resulted)} of {len(tests)} paternity tests resulted"
    if len(done) < len(assessments) or len(resulted) < len(tests):
        return Evidence(None, summary, "family")
    dates = [a.completed_on for a in done] + [t.result_on for t in resulted if t.result_on]
    return Evidence(max(dates), summary, "family")


def pre_birth_conference_evidence(child) -> Evidence:
    """Std 2.8: the pre-birth conference held (the pre-birth and discharge plan)."""
    plan = _one_to_one(child, "birth_plan", BirthPlan)
    if plan is None or plan.conference_on is None:
        return Evidence(None, "No pre-birth conference recorded", "birth")
    return Evidence(
        plan.conference_on,
        f"Pre-birth conference held on {format_date(plan.conference_on)}",
        "birth",
    )


def register_own() -> None:
    register(
        "2.5",
        ep_information_evidence,
        hint="record the date early permanence information was given on each parent",
    )
    register(
        "2.2",
        viability_evidence,
        hint="record the viability assessments and paternity tests on the birth family tab",
    )
    register(
        "2.8",
        pre_birth_conference_evidence,
        hint="record the pre-birth conference in the pre-birth and discharge plan",
    )
