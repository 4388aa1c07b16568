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

from accounts.clock import today
from accounts.dates import format_date

from .models import (
    GUARDIAN_RELATIONSHIPS,
    PARENT_RELATIONSHIPS,
    BirthPlan,
    ConsentStatus,
    ConsentToPlacement,
    FamilyMember,
    FatherWithoutPR,
    Informed,
    Part19Application,
    PaternityResult,
    PaternityTest,
    Proceedings,
    Relationship,
    ViabilityAssessment,
    WrittenAgreement,
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
    explanation: str = ""  # when the record counts it as met, in words, shown on the page


_sources: dict[str, EvidenceSource] = {}


def register(
    code: str, evidence: Callable[..., Evidence], *, hint: str, explanation: str = ""
) -> None:
    """Derive Standard ``code`` from the record: ``evidence(child) -> Evidence``."""
    _sources[code] = EvidenceSource(code, evidence, hint, explanation)


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


# Std 2.9: consent "sought in line with legal provisions": Cafcass asked to witness it (the
# prescribed form, ACA s.19, s.52(7)), or the parent's answer recorded; only discussed is not yet
SOUGHT = {
    ConsentStatus.APPLIED,
    ConsentStatus.GIVEN,
    ConsentStatus.REFUSED,
    ConsentStatus.WITHDRAWN,
}


def consensual_adoption_evidence(child) -> Evidence:
    """Std 2.9 (a consensual adoption): consent sought from everyone holding parental
    responsibility (ACA s.19, s.52(6); a written agreement before the baby is six weeks old,
    AAR reg 35(4)), and a Part 19 application considered where it is not clear whether a father
    without PR (or the family) should be told (FPR Part 19; Re A, B and C [2020] EWCA Civ 41):
    either the court was asked, or the decision not to tell him is recorded with who made it and
    why (AAR reg 14). In care proceedings the route is a placement order, not consent."""
    # imported here: the selectors package imports this module
    from .selectors.legal import CARE_ORDER_APPLICATIONS, member_holds_pr

    section = "court"
    proceedings = _loaded(child, "proceedings", Proceedings.objects.filter(child=child))
    care = [p for p in proceedings if p.kind in CARE_ORDER_APPLICATIONS]
    if care:
        first = min(care, key=lambda p: p.issued_on)
        return Evidence(
            None,
            f"Care proceedings {first.case_number} issued {format_date(first.issued_on)}: the "
            "route to adoption is a placement order, not consent (ACA s.19(3), s.22(2)) — mark "
            "2.9 not applicable with that reason",
            section,
        )
    if child.date_of_birth is None:
        return Evidence(
            None, "The baby is not born yet: consent is sought after the birth", section
        )
    members = _loaded(
        child, "family_members", FamilyMember.objects.filter(child=child, archived_at__isnull=True)
    )
    consents = _loaded(child, "placement_consents", ConsentToPlacement.objects.filter(child=child))
    agreements = _loaded(child, "written_agreements", WrittenAgreement.objects.filter(child=child))
    fathers = _loaded(
        child,
        "fathers_without_pr",
        FatherWithoutPR.objects.filter(child=child).select_related("father"),
    )
    applications = _loaded(
        child, "part19_applications", Part19Application.objects.filter(child=child)
    )
    day = today()
    holders = [
        m
        for m in members
        if m.archived_at is None
        and (m.relationship in PARENT_RELATIONSHIPS or m.relationship in GUARDIAN_RELATIONSHIPS)
        and member_holds_pr(m, child, day)
    ]
    if not holders:
        return Evidence(None, "No parent with parental responsibility is recorded", section)
    waiting, dates, said = [], [], []
    for member in holders:
        own = [c for c in consents if c.parent_id == member.pk and c.status in SOUGHT]
        agreed = [a for a in agreements if a.parent_id == member.pk]
        if own:
            first = min(own, key=lambda c: c.considered_on)
            dates.append(first.considered_on)
            said.append(f"{member.name}: {first.get_status_display().lower()}")
        elif agreed:
            dates.append(agreed[0].agreed_on)
            said.append(f"{member.name}: written agreement {format_date(agreed[0].agreed_on)}")
        else:
            waiting.append(member.name)
    father_with_pr = any(m.relationship == Relationship.FATHER for m in holders)
    if waiting:
        return Evidence(None, f"Consent not yet sought from {', '.join(waiting)}", section)
    if not father_with_pr and not fathers:
        return Evidence(
            None,
            "Consent sought; record what is known of the father (a father without parental "
            "responsibility, AAR reg 14), even when his identity is not known",
            section,
        )
    undecided = [r for r in fathers if r.informed == Informed.NOT_YET]
    if undecided and not applications:
        return Evidence(
            None,
            "Consent sought; decide whether the father is told, or apply to the court for "
            "guidance under Part 19",
            section,
        )
    if applications:
        first = min(applications, key=lambda a: a.applied_on)
        dates.append(first.applied_on)
        said.append(f"Part 19 application made {format_date(first.applied_on)}")
    else:
        for record in fathers:
            if record.informed == Informed.INFORMED and record.informed_on:
                dates.append(record.informed_on)
                said.append(f"father informed {format_date(record.informed_on)}")
            elif record.informed == Informed.NOT_INFORMED:
                said.append(f"decided not to inform the father ({record.decided_by})")
    return Evidence(max(dates), "Consent sought — " + "; ".join(said), section)


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
    register(
        "2.9",
        consensual_adoption_evidence,
        hint="record consent to placement for each parent with parental responsibility, and "
        "the father without it or the Part 19 application, on the court tab",
        explanation="Met when consent has been sought from each parent with parental "
        "responsibility and each guardian (Cafcass asked to witness it, or their answer "
        "recorded; before six weeks, a written agreement), and, for a father without parental "
        "responsibility, he was told, or who decided not to tell him and why is recorded, or a "
        "Part 19 application was made. Not for a child in care proceedings: the route is then "
        "a placement order, not consent.",
    )
