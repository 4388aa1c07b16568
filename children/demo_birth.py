"""Demo records of issue 9 (the family's identity and needs, the baby's health, the pre-birth
and discharge plan, the assessments of the parents), added to the demo children of
``children.demo`` through the services, as real use adds them.

Kept apart from ``children.demo`` so that each branch adds its demo in a module of its own.
"""

from datetime import date, timedelta

from accounts.clock import today

from . import services
from .models import (
    AssessmentKind,
    AssessmentOutcome,
    Child,
    Exposure,
    FamilyMember,
    Relationship,
    YesNoUnknown,
)
from .services import birth


def _days(n: int) -> date:
    return today() + timedelta(days=n)


def load(context: dict) -> None:
    users = context["users"]
    sw = users["sw.northmoor"]
    unborn = Child.objects.filter(la_child_id="NM-40112").first()
    if unborn is None:
        return
    # issue 9 item 5: the mother's identity and needs (a newborn's identity comes from her)
    mother = FamilyMember.objects.get(child=unborn, relationship=Relationship.MOTHER)
    if mother.language:
        return  # loaded already
    services.family_member_update(
        member=mother,
        date_of_birth=_days(-365 * 19 - 40),
        ethnicity="WBRI",
        religion="No religion",
        language="English",
        interpreter_needed=YesNoUnknown.NO,
        learning_disability=YesNoUnknown.YES,
        advocacy_needed=YesNoUnknown.YES,
        care_leaver=YesNoUnknown.YES,
        party_to_proceedings=True,
        counselling_offered_on=_days(-28),
        by=sw,
    )
    father = FamilyMember.objects.get(child=unborn, relationship=Relationship.ALLEGED_FATHER)
    services.family_member_update(member=father, whereabouts_unknown=True, by=sw)

    # issue 9 item 7: the unborn baby's pre-birth and discharge plan (Std 2.8)
    birth.birth_plan_record(
        child=unborn,
        conference_on=_days(-21),
        hospital="Northmoor General Hospital (demo)",
        hospital_visitors="Mother, supervised by the ward staff; maternal grandmother.",
        carers_collect=YesNoUnknown.YES,
        discharge_plan="Mother says goodbye on the ward with her advocate; the carers collect "
        "the baby with the social worker; the first family time is the next day.",
        by=sw,
    )
    birth.parent_assessment_add(
        child=unborn,
        parent=mother,
        kind=AssessmentKind.PAMS,
        requested_on=_days(-20),
        due_on=_days(30),
        assessor="Independent social worker (demo)",
        by=sw,
    )

    # issue 9 items 6 and 8: the baby in proceedings, their health at birth and the parenting
    # assessment the case management hearing directed
    baby = Child.objects.filter(la_child_id="NM-40087").first()
    if baby is None:
        return
    born = baby.date_of_birth
    birth.baby_health_record(
        child=baby,
        nhs_number="9434765919",  # the NHS Data Dictionary's example number, not a real one
        gestation_weeks=37,
        birth_weight_grams=2750,
        neonatal_unit_days=5,
        withdrawal_monitoring=YesNoUnknown.YES,
        prenatal_exposure=Exposure.ALCOHOL,
        exposure_detail="Alcohol in the first trimester, as the mother told the midwife.",
        discharged_on=born + timedelta(days=5),
        family_health_history="Maternal grandfather: type 2 diabetes.",
        initial_health_assessment_on=born + timedelta(days=20),
        by=sw,
    )
    baby_mother = FamilyMember.objects.get(child=baby, relationship=Relationship.MOTHER)
    birth.parent_assessment_add(
        child=baby,
        parent=baby_mother,
        kind=AssessmentKind.PARENTING,
        directed_by_court=True,
        requested_on=_days(-42),
        due_on=_days(14),
        assessor="Northmoor assessment team (demo)",
        by=sw,
    )
    birth.parent_assessment_add(
        child=baby,
        parent=baby_mother,
        kind=AssessmentKind.DRUG_ALCOHOL,
        directed_by_court=True,
        requested_on=_days(-40),
        due_on=_days(-10),
        filed_on=_days(-12),
        outcome=AssessmentOutcome.NEGATIVE,
        summary="Hair strand test: no alcohol use above the cut-off in the last three months.",
        by=sw,
    )

    # issue 9 item 9: the referral to the agency; two brothers placed together
    birth.family_finding_record(
        child=baby,
        referred_on=_days(-60),
        agency_social_worker="Fenvale adoption social worker (demo)",
        siblings=0,
        by=sw,
    )
    bay = Child.objects.filter(la_child_id="NM-40051").first()
    if bay is not None:
        birth.family_finding_record(
            child=bay, siblings=1, siblings_together=1, siblings_apart=0, by=sw
        )
