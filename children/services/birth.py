"""The baby's birth (issue 9 items 6–8): the pre-birth and discharge plan (Std 2.8), the baby's
health at birth (Std 4.5; AAR regs 15–16) and the assessments of the parents (Std 5.1; FPR
Part 25).

Each rule is one ``*_errors`` function that the form's ``clean()`` and the service both call.
"""

from datetime import date

from django.db import transaction

from accounts.clock import today as england_today
from accounts.dates import format_date, not_in_future
from accounts.errors import Errors
from accounts.models import User
from accounts.permissions import require_perm
from accounts.records import KEEP, Keep, apply_changes, save_record

from ..models import (
    NHS_NUMBER_INVALID,
    AssessmentKind,
    AssessmentOutcome,
    BabyHealth,
    BirthPlan,
    Child,
    Exposure,
    FamilyFinding,
    FamilyMember,
    ParentAssessment,
    YesNoUnknown,
    nhs_number_digits,
    nhs_number_is_valid,
)
from .family import NOT_IN_NETWORK

NOT_BORN = "Record the baby's birth before their health at birth"


def _not_before_birth(errors: Errors, child: Child, field: str, day: date | None, subject: str):
    if day and child.date_of_birth and day < child.date_of_birth:
        errors.add(
            field, f"{subject} must be on or after the birth ({format_date(child.date_of_birth)})"
        )


# --- the pre-birth and discharge plan (Std 2.8) -------------------------------------------------


def birth_plan_errors(*, child: Child, conference_on: date | None) -> dict[str | None, str]:
    """What is wrong with the pre-birth and discharge plan, by field."""
    errors = Errors()
    not_in_future(errors, "conference_on", conference_on, "Date of the pre-birth conference")
    # Std 2.8: the conference is held before the birth, to plan for it
    if conference_on and child.date_of_birth and conference_on > child.date_of_birth:
        errors.add(
            "conference_on",
            "Date of the pre-birth conference must be before the birth "
            f"({format_date(child.date_of_birth)})",
        )
    return errors.as_dict()


@transaction.atomic
def birth_plan_record(
    *,
    child: Child,
    conference_on: date | None,
    hospital: str = "",
    hospital_visitors: str = "",
    carers_collect: YesNoUnknown = YesNoUnknown.UNKNOWN,
    discharge_plan: str = "",
    by: User,
) -> BirthPlan:
    """Record or change the child's pre-birth and discharge plan (Std 2.8)."""
    child = Child.objects.select_for_update().get(pk=child.pk)
    require_perm(by, "children.change_child", child)
    Errors(birth_plan_errors(child=child, conference_on=conference_on)).raise_any()
    plan = BirthPlan.objects.filter(child=child).first() or BirthPlan(child=child)
    plan.conference_on = conference_on
    plan.hospital = hospital
    plan.hospital_visitors = hospital_visitors
    plan.carers_collect = carers_collect
    plan.discharge_plan = discharge_plan
    return save_record(plan, by=by)


# --- the baby's health at birth (Std 4.5; AAR regs 15–16) ---------------------------------------


def baby_health_errors(
    *,
    child: Child,
    nhs_number: str,
    discharged_on: date | None,
    initial_health_assessment_on: date | None,
    prenatal_exposure: str = "",
    exposure_detail: str = "",
    today: date | None = None,
) -> dict[str | None, str]:
    """What is wrong with the baby's health record, by field."""
    errors = Errors()
    if child.date_of_birth is None:
        errors.add(None, NOT_BORN)
    if nhs_number and not nhs_number_is_valid(nhs_number):
        errors.add("nhs_number", NHS_NUMBER_INVALID)
    today = today or england_today()
    not_in_future(errors, "discharged_on", discharged_on, "Date discharged from hospital", today)
    _not_before_birth(errors, child, "discharged_on", discharged_on, "Date discharged")
    not_in_future(
        errors,
        "initial_health_assessment_on",
        initial_health_assessment_on,
        "Date of the initial health assessment",
        today,
    )
    _not_before_birth(
        errors,
        child,
        "initial_health_assessment_on",
        initial_health_assessment_on,
        "Date of the initial health assessment",
    )
    if (
        prenatal_exposure in (Exposure.ALCOHOL, Exposure.DRUGS, Exposure.BOTH)
        and not (exposure_detail or "").strip()
    ):
        errors.add("exposure_detail", "Enter what is known about the exposure")
    return errors.as_dict()


@transaction.atomic
def baby_health_record(
    *,
    child: Child,
    nhs_number: str = "",
    gestation_weeks: int | None = None,
    birth_weight_grams: int | None = None,
    neonatal_unit_days: int | None = None,
    withdrawal_monitoring: YesNoUnknown = YesNoUnknown.UNKNOWN,
    prenatal_exposure: Exposure = Exposure.UNKNOWN,
    exposure_detail: str = "",
    discharged_on: date | None = None,
    family_health_history: str = "",
    initial_health_assessment_on: date | None = None,
    by: User,
) -> BabyHealth:
    """Record or change the baby's health at birth; special category data (UK GDPR art. 9)."""
    child = Child.objects.select_for_update().get(pk=child.pk)
    require_perm(by, "children.change_child", child)
    nhs_number = nhs_number_digits(nhs_number)
    Errors(
        baby_health_errors(
            child=child,
            nhs_number=nhs_number,
            discharged_on=discharged_on,
            initial_health_assessment_on=initial_health_assessment_on,
            prenatal_exposure=prenatal_exposure,
            exposure_detail=exposure_detail,
        )
    ).raise_any()
    health = BabyHealth.objects.filter(child=child).first() or BabyHealth(child=child)
    apply_changes(
        health,
        nhs_number=nhs_number,
        gestation_weeks=gestation_weeks,
        birth_weight_grams=birth_weight_grams,
        neonatal_unit_days=neonatal_unit_days,
        withdrawal_monitoring=withdrawal_monitoring,
        prenatal_exposure=prenatal_exposure,
        exposure_detail=exposure_detail,
        discharged_on=discharged_on,
        family_health_history=family_health_history,
        initial_health_assessment_on=initial_health_assessment_on,
    )
    return save_record(health, by=by)


# --- the assessments of the parents (Std 5.1; FPR Part 25) --------------------------------------

EXPERT_NEEDS_COURT = (
    "An expert assessment needs the court's permission (FPR Part 25): tick that the court "
    "directed it, or choose another kind of assessment"
)


def parent_assessment_errors(
    *,
    kind: str | None,
    directed_by_court: bool,
    requested_on: date | None,
    due_on: date | None,
    filed_on: date | None,
    outcome: str | None,
    today: date | None = None,
) -> dict[str | None, str]:
    """What is wrong with an assessment of a parent, by field."""
    today = today or england_today()
    errors = Errors()
    # FPR 25.4: expert evidence in children proceedings only with the court's permission
    if kind == AssessmentKind.EXPERT and not directed_by_court:
        errors.add("directed_by_court", EXPERT_NEEDS_COURT)
    not_in_future(errors, "requested_on", requested_on, "Date requested", today)
    not_in_future(errors, "filed_on", filed_on, "Date filed", today)
    if requested_on and due_on and due_on < requested_on:
        errors.add("due_on", "Date due must be on or after the date requested")
    if requested_on and filed_on and filed_on < requested_on:
        errors.add("filed_on", "Date filed must be on or after the date requested")
    if outcome and outcome != AssessmentOutcome.PENDING and filed_on is None:
        errors.add("filed_on", "Enter the date the assessment was filed")
    if filed_on and outcome == AssessmentOutcome.PENDING:
        errors.add("outcome", "Select the outcome of the filed assessment")
    return errors.as_dict()


def _check(assessment: ParentAssessment) -> None:
    if assessment.parent.child_id != assessment.child_id:
        Errors({"parent": NOT_IN_NETWORK}).raise_any()
    Errors(
        parent_assessment_errors(
            kind=assessment.kind,
            directed_by_court=assessment.directed_by_court,
            requested_on=assessment.requested_on,
            due_on=assessment.due_on,
            filed_on=assessment.filed_on,
            outcome=assessment.outcome,
        )
    ).raise_any()


@transaction.atomic
def parent_assessment_add(
    *,
    child: Child,
    parent: FamilyMember,
    kind: AssessmentKind,
    requested_on: date,
    due_on: date,
    directed_by_court: bool = False,
    assessor: str = "",
    filed_on: date | None = None,
    outcome: AssessmentOutcome = AssessmentOutcome.PENDING,
    summary: str = "",
    by: User,
) -> ParentAssessment:
    """Record an assessment of a parent: requested, due, filed, with its outcome."""
    child = Child.objects.select_for_update().get(pk=child.pk)
    require_perm(by, "children.change_child", child)
    assessment = ParentAssessment(
        child=child,
        parent=parent,
        kind=kind,
        directed_by_court=directed_by_court,
        assessor=assessor,
        requested_on=requested_on,
        due_on=due_on,
        filed_on=filed_on,
        outcome=outcome,
        summary=summary,
    )
    _check(assessment)
    return save_record(assessment, by=by)


@transaction.atomic
def parent_assessment_update(
    *,
    assessment: ParentAssessment,
    parent: FamilyMember | Keep = KEEP,
    kind: AssessmentKind | Keep = KEEP,
    requested_on: date | Keep = KEEP,
    due_on: date | Keep = KEEP,
    directed_by_court: bool | Keep = KEEP,
    assessor: str | Keep = KEEP,
    filed_on: date | None | Keep = KEEP,
    outcome: AssessmentOutcome | Keep = KEEP,
    summary: str | Keep = KEEP,
    by: User,
) -> ParentAssessment:
    """Change an assessment of a parent (its filing and outcome, or a correction)."""
    assessment = (
        ParentAssessment.objects.select_for_update()
        .select_related("child", "parent")
        .get(pk=assessment.pk)
    )
    require_perm(by, "children.change_child", assessment.child)
    apply_changes(
        assessment,
        parent=parent,
        kind=kind,
        requested_on=requested_on,
        due_on=due_on,
        directed_by_court=directed_by_court,
        assessor=assessor,
        filed_on=filed_on,
        outcome=outcome,
        summary=summary,
    )
    _check(assessment)
    return save_record(assessment, by=by)


# --- family finding: the referral to the agency and the siblings (issue 9 item 9) ---------------


def family_finding_errors(
    *,
    child: Child,
    referred_on: date | None,
    siblings: int | None,
    siblings_together: int | None,
    siblings_apart: int | None,
    with_siblings_adopters: bool,
) -> dict[str | None, str]:
    """What is wrong with the referral and the sibling counts, by field."""
    errors = Errors()
    not_in_future(errors, "referred_on", referred_on, "Date referred to the agency")
    counted = (siblings_together or 0) + (siblings_apart or 0)
    if siblings is not None and counted > siblings:
        errors.add(
            "siblings_apart",
            f"Brothers and sisters placed together and apart must add up to {siblings} or fewer",
        )
    if (siblings_together or siblings_apart) and siblings is None:
        errors.add("siblings", "Enter how many brothers and sisters the child has")
    if with_siblings_adopters and not siblings:
        errors.add(
            "with_siblings_adopters",
            "Enter how many brothers and sisters the child has, including the older one",
        )
    return errors.as_dict()


@transaction.atomic
def family_finding_record(
    *,
    child: Child,
    referred_on: date | None = None,
    agency_social_worker: str = "",
    siblings: int | None = None,
    siblings_together: int | None = None,
    siblings_apart: int | None = None,
    with_siblings_adopters: bool = False,
    by: User,
) -> FamilyFinding:
    """Record or change the referral to the agency and the child's sibling counts."""
    child = Child.objects.select_for_update().get(pk=child.pk)
    require_perm(by, "children.change_child", child)
    Errors(
        family_finding_errors(
            child=child,
            referred_on=referred_on,
            siblings=siblings,
            siblings_together=siblings_together,
            siblings_apart=siblings_apart,
            with_siblings_adopters=with_siblings_adopters,
        )
    ).raise_any()
    finding = FamilyFinding.objects.filter(child=child).first() or FamilyFinding(child=child)
    apply_changes(
        finding,
        referred_on=referred_on,
        agency_social_worker=agency_social_worker,
        siblings=siblings,
        siblings_together=siblings_together,
        siblings_apart=siblings_apart,
        with_siblings_adopters=with_siblings_adopters,
    )
    return save_record(finding, by=by)
