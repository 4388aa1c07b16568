"""Demo placements and matches for the demo children (children/demo.py), kept small: the
journey's demo builds on them.

- Rowan Ellery (care proceedings, fostering for adoption): the Hollins household — a fourth
  Fenvale household, dual approved and prepared, recruited here so that the carers' own demo
  households keep their statuses — proposed, authorised by the Nominated Officer and caring for
  Rowan from the day Rowan became looked after: no move before the early permanence placement.
- Morgan Tate (relinquished, under six weeks): in hospital, then with bridging foster carers
  while consent is sought — two placements, counted as moves.

Every record is made through the services, by the demo user whose role it is.
"""

from datetime import date, timedelta

from accounts.clock import today
from carers import services as carers_services
from carers.models import ApprovalKind, ApprovalStatus, HouseholdRelationship, TrainingKind
from children.models import Child

from . import services
from .models import Placement, PlacementCode, PlacementKind


def _days(n: int) -> date:
    return today() + timedelta(days=n)


def _approve(household, kind, by, agency, *, decision, **terms):
    approval = carers_services.approval_add(
        household=household,
        kind=kind,
        by=by,
        agency=agency,
        changed_on=decision - timedelta(days=180),
        panel_on=decision - timedelta(days=14),
        decision_on=decision,
        **terms,
    )
    carers_services.approval_status_change(
        approval=approval, by=by, status=ApprovalStatus.APPROVED, changed_on=decision
    )


def _hollins(context):
    ssw = context["users"]["ssw.raa"]
    agency = context["organisations"]["fenvale"]
    household = carers_services.household_create(
        by=ssw,
        name="The Hollins household",
        relationship=HouseholdRelationship.MARRIED,
        postcode_district="FV2",
        supervising_social_worker=ssw,
    )
    for first, sex, born in (("Priya", "2", date(1987, 6, 2)), ("Tom", "1", date(1985, 1, 19))):
        carers_services.applicant_add(
            household=household,
            by=ssw,
            first_name=first,
            last_name="Hollins",
            date_of_birth=born,
            sex=sex,
            ethnicity="MWBC" if first == "Priya" else "WBRI",
        )
    _approve(household, ApprovalKind.ADOPTER, ssw, agency, decision=_days(-200))
    _approve(
        household,
        ApprovalKind.FOSTER,
        ssw,
        agency,
        decision=_days(-190),
        terms_age_from_months=0,
        terms_age_to_months=24,
        terms_number=1,
    )
    carers_services.training_save(
        household=household, by=ssw, kind=TrainingKind.EP_PREPARATION, completed_on=_days(-210)
    )
    carers_services.offer_set(
        household=household,
        by=ssw,
        pre_birth=True,
        age_from_months=0,
        age_to_months=12,
        family_time_per_week=3,
        family_time_miles=20,
        identity="Priya's family is of mixed White and Black Caribbean heritage.",
    )
    return household


def load(context: dict) -> None:
    if Placement.objects.exists():
        return
    users = context["users"]
    sw, officer = users["sw.northmoor"], users["no.northmoor"]
    rowan = Child.objects.filter(legal_name="Rowan Ellery").first()
    if rowan is not None:
        hollins = _hollins(context)
        match = services.match_propose(
            child=rowan, household=hollins, proposed_on=_days(-66), by=sw
        )
        services.match_authorise(
            match=match,
            authorised_on=_days(-64),
            information_given="The interim care plan, the parents' positions and the "
            "viability assessments, the Hollins' assessment and their understanding that Rowan "
            "may go home.",
            by=officer,
        )
        services.placement_record(
            child=rowan,
            kind=PlacementKind.EP_CARERS,
            starts_on=_days(-63),
            placement_code=PlacementCode.U5,
            household=hollins,
            provider_code="PR5",
            postcode_district="FV2",
            by=sw,
        )
    morgan = Child.objects.filter(legal_name="Morgan Tate").first()
    if morgan is not None:
        services.placement_record(
            child=morgan,
            kind=PlacementKind.HOSPITAL,
            starts_on=_days(-18),
            placement_code=PlacementCode.R2,
            provider_code="PR3",
            by=sw,
        )
        services.placement_record(
            child=morgan,
            kind=PlacementKind.BRIDGING_FOSTER,
            starts_on=_days(-16),
            placement_code=PlacementCode.U6,
            provider_code="PR1",
            postcode_district="NM2",
            reason_for_change="CARPL",
            by=sw,
        )
