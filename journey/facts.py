"""The facts the guards read, loaded once per child in a fixed number of queries.

``child_facts`` reads ``children``'s records (the plan and its decision meeting, viability
assessments, legal statuses and section 20 accommodation, proceedings, orders, consent through
``children.selectors.legal.consent_authority``, written agreements). ``load_facts`` adds what
``matching`` (``journey_records``) and ``reunification`` (``current_decision``) hold; the
transitions that read only the child's own records (agree the plan, close) load only those.
"""

from dataclasses import replace
from datetime import date

from django.db.models import Prefetch

from accounts import clock
from children.models import Child, ConsentToPlacement, OrderKind, ProceedingsKind
from children.selectors.legal import consent_authority

from .guards import Facts

# the proceedings that could lead to a care order (ACA s.19(3)(a))
CARE_KINDS = {ProceedingsKind.CARE, ProceedingsKind.SUPERVISION, ""}


def _child_with_records(child: Child) -> Child:
    return (
        Child.objects.filter(pk=child.pk)
        .prefetch_related(
            "plans",
            "viability_assessments",
            "legal_statuses",
            "section20_accommodations",
            "proceedings",
            "orders",
            "family_members",
            Prefetch(
                "placement_consents",
                queryset=ConsentToPlacement.objects.select_related("parent"),
            ),
            "written_agreements",
        )
        .get()
    )


def child_facts(child: Child, *, today: date | None = None) -> Facts:
    """The facts of the child's own records (a fixed number of queries, whatever their
    number)."""
    day = today or clock.today()
    child = _child_with_records(child)
    plans = sorted(child.plans.all(), key=lambda p: (p.meeting_on, p.created_at))
    plan = plans[-1] if plans else None
    bases = [
        (s.starts_on, s.ends_on, s.get_code_display()) for s in child.legal_statuses.all()
    ] + [
        (s.agreed_on, s.ended_on or s.withdrawn_on, "Section 20 agreement")
        for s in child.section20_accommodations.all()
    ]
    orders = list(child.orders.all())
    placement_orders = [o for o in orders if o.kind == OrderKind.PLACEMENT]
    placement_order = placement_orders[-1] if placement_orders else None
    proceedings = list(child.proceedings.all())
    authority = consent_authority(child=child, on=day)
    agreements = list(child.written_agreements.all())
    return Facts(
        today=day,
        born=child.date_of_birth is not None and child.date_of_birth <= day,
        date_of_birth=child.date_of_birth,
        plan_meeting_on=plan.meeting_on if plan else None,
        ep_type=plan.ep_type if plan else "",
        ffa_basis=plan.ffa_basis if plan else "",
        viability_assessments=len(child.viability_assessments.all()),
        looked_after_bases=tuple(bases),
        care_proceedings_pending=any(
            p.kind in CARE_KINDS and p.concluded_on is None for p in proceedings
        ),
        placement_order_made_on=placement_order.made_on if placement_order else None,
        placement_order_in_force=bool(
            placement_order
            and placement_order.made_on <= day
            and (placement_order.ended_on is None or placement_order.ended_on > day)
        ),
        revocation_pending=any(
            p.kind == ProceedingsKind.REVOCATION and p.concluded_on is None for p in proceedings
        ),
        adoption_application_on=min(
            (p.issued_on for p in proceedings if p.kind == ProceedingsKind.ADOPTION),
            default=None,
        ),
        consent_authorised=authority.authorised,
        consent_reasons=tuple(authority.reasons),
        written_agreement_on=agreements[-1].agreed_on if agreements else None,
    )


def load_facts(child: Child, *, today: date | None = None) -> Facts:
    """Every fact the guards read: the child's records, matching's and reunification's."""
    from matching.selectors import journey_records
    from reunification.selectors import current_decision

    from .households import household_facts

    facts = child_facts(child, today=today)
    records = journey_records(child=child)
    match = records.current_match
    authorisation = records.authorisation
    reg25a = records.reg25a
    should = records.should_be_placed_in_force
    formal = records.formal_match
    ep = records.ep_placement
    adoption = records.adoption_placement
    steps = {}
    if formal is not None:
        steps = {
            "the permanence report given to the carers (AAR reg 31)": (
                formal.permanence_report_given_on
            ),
            "the carers meeting the agency (AAR reg 31)": formal.carers_met_agency_on,
            "the adoption placement report": formal.adoption_placement_report_on,
            "the adoption support plan": formal.adoption_support_plan_on,
            "the adoption panel": formal.panel_on,
        }
    decision = current_decision(child=child)
    return replace(
        facts,
        household=household_facts(match.household, child=child, today=facts.today)
        if match
        else None,
        match_proposed=match is not None,
        no_authorised_on=authorisation.authorised_on if authorisation else None,
        reg25a_approved_on=reg25a.approved_on if reg25a and not reg25a.ended_on else None,
        should_be_placed_on=should.decided_on if should else None,
        formal_match_steps=steps,
        formal_match_panel_recommendation=formal.panel_recommendation if formal else "",
        formal_match_decision=formal.decision if formal else "",
        ep_placement_starts_on=ep.starts_on if ep else None,
        home_with_carers_since=_home_since(records),
        placed_for_adoption_on=adoption.notice_on if adoption else None,
        reunification_decided=decision is not None and decision.status == "decided",
    )


def _home_since(records) -> date | None:
    """The start of the unbroken home with the current carers (ACA s.42(2)): the EP fostering
    placement and the placement for adoption with the same household, back to back."""
    placements = list(records.placements)
    if not placements or placements[-1].ends_on is not None:
        return None
    household_id = placements[-1].household_id
    since = placements[-1].starts_on
    for previous in reversed(placements[:-1]):
        if household_id is None or previous.household_id != household_id:
            break
        if previous.ends_on is None or previous.ends_on < since:
            break
        since = previous.starts_on
    return since
