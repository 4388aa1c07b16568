"""The birth family network (Standards 1.5, 1.7, 2.2, 2.5, 5): people, viability and paternity.

The rules a record must keep live here rather than in the models' ``clean()`` (the family models
are outside this area's reach): ``*_errors`` functions return GOV.UK messages by field, used by
these services (so every caller is refused the same things) and by the forms (so a page shows
them on the right field before the database constraints are ever reached). The Django admin does
not run them; it still meets the database constraints.
"""

from datetime import date
from typing import TypedDict, Unpack

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from accounts.models import User

from ..models import (
    Child,
    FamilyMember,
    PaternityResult,
    PaternityTest,
    Relationship,
    ViabilityAssessment,
    ViabilityOutcome,
    YesNoUnknown,
)
from .core import not_in_future, require_perm, save_record

FATHER_RELATIONSHIPS = {Relationship.FATHER, Relationship.ALLEGED_FATHER}
NOT_IN_NETWORK = "Select a family member from this child's network"
NOT_A_FATHER = "Choose the alleged or possible father"


def family_member_errors(
    *, ep_information_given_on: date | None, today: date | None = None
) -> dict[str, str]:
    """What is wrong with a family member's details, by field (empty when nothing is)."""
    errors: dict[str, str] = {}
    not_in_future(
        errors,
        "ep_information_given_on",
        ep_information_given_on,
        "Date information about early permanence was given",
        today,
    )
    return errors


def viability_assessment_errors(
    *,
    requested_on: date | None,
    due_on: date | None,
    completed_on: date | None,
    outcome: str | None,
    today: date | None = None,
) -> dict[str, str]:
    """What is wrong with a viability assessment's dates and outcome, by field."""
    today = today or timezone.localdate()
    errors: dict[str, str] = {}
    not_in_future(errors, "requested_on", requested_on, "Date requested", today)
    not_in_future(errors, "completed_on", completed_on, "Date completed", today)
    if requested_on and due_on and due_on < requested_on:
        errors["due_on"] = "Due date must be on or after the date requested"
    if requested_on and completed_on and completed_on < requested_on:
        errors.setdefault("completed_on", "Date completed must be on or after the date requested")
    if outcome and outcome != ViabilityOutcome.PENDING and completed_on is None:
        errors.setdefault("completed_on", "Enter the date the assessment was completed")
    return errors


def paternity_test_errors(
    *,
    requested_on: date | None,
    result_on: date | None,
    result: str | None,
    today: date | None = None,
) -> dict[str, str]:
    """What is wrong with a paternity test's dates and result, by field."""
    today = today or timezone.localdate()
    errors: dict[str, str] = {}
    not_in_future(errors, "requested_on", requested_on, "Date requested", today)
    not_in_future(errors, "result_on", result_on, "Date of the result", today)
    if requested_on and result_on and result_on < requested_on:
        errors.setdefault("result_on", "Date of the result must be on or after the date requested")
    if result in (PaternityResult.CONFIRMED, PaternityResult.EXCLUDED) and result_on is None:
        errors.setdefault("result_on", "Enter the date of the result")
    return errors


def _refuse(errors: dict[str, str]) -> None:
    if errors:
        raise ValidationError(errors)


def _check_in_network(child: Child, member: FamilyMember, field: str) -> None:
    """A record of the child may only name a person in this child's own network."""
    if member.child_id != child.pk:
        raise ValidationError({field: NOT_IN_NETWORK})


# --- family members ------------------------------------------------------------------------


class FamilyMemberFields(TypedDict, total=False):
    name: str
    relationship: str
    relationship_detail: str
    parental_responsibility: str
    legal_representative: str
    address: str
    phone: str
    email: str
    notes: str
    ep_information_given_on: date | None


@transaction.atomic
def family_member_add(
    *,
    child: Child,
    by: User,
    name: str,
    relationship: str,
    relationship_detail: str = "",
    parental_responsibility: str = YesNoUnknown.UNKNOWN,
    legal_representative: str = "",
    address: str = "",
    phone: str = "",
    email: str = "",
    notes: str = "",
    ep_information_given_on: date | None = None,
) -> FamilyMember:
    """Add a parent, relative or connected person to the child's birth family network."""
    require_perm(by, "children.change_child", child)
    _refuse(family_member_errors(ep_information_given_on=ep_information_given_on))
    member = FamilyMember(
        child=child,
        name=name,
        relationship=relationship,
        relationship_detail=relationship_detail,
        parental_responsibility=parental_responsibility,
        legal_representative=legal_representative,
        address=address,
        phone=phone,
        email=email,
        notes=notes,
        ep_information_given_on=ep_information_given_on,
    )
    return save_record(member, by=by)


@transaction.atomic
def family_member_update(
    *, member: FamilyMember, by: User, **fields: Unpack[FamilyMemberFields]
) -> FamilyMember:
    """Change a family member's details; fields not given are left as they are."""
    unknown = set(fields) - set(FamilyMemberFields.__annotations__)
    if unknown:
        raise TypeError(f"family_member_update() got unexpected fields {sorted(unknown)}")
    member = FamilyMember.objects.select_for_update().select_related("child").get(pk=member.pk)
    require_perm(by, "children.change_child", member.child)
    for name, value in fields.items():
        setattr(member, name, value)
    _refuse(family_member_errors(ep_information_given_on=member.ep_information_given_on))
    return save_record(member, by=by)


@transaction.atomic
def family_member_archive(*, member: FamilyMember, by: User) -> FamilyMember:
    """Take a person off the child's network; the record and its history are kept."""
    member = FamilyMember.objects.select_for_update().select_related("child").get(pk=member.pk)
    require_perm(by, "children.change_child", member.child)
    if member.archived_at is None:
        member.archived_at = timezone.now()
        save_record(member, by=by)
    return member


# --- viability assessments (Standard 2.2) --------------------------------------------------


class ViabilityAssessmentFields(TypedDict, total=False):
    family_member: FamilyMember
    requested_on: date
    due_on: date
    completed_on: date | None
    outcome: str
    assessor: str
    summary: str


def _check_viability(assessment: ViabilityAssessment) -> None:
    _check_in_network(assessment.child, assessment.family_member, "family_member")
    _refuse(
        viability_assessment_errors(
            requested_on=assessment.requested_on,
            due_on=assessment.due_on,
            completed_on=assessment.completed_on,
            outcome=assessment.outcome,
        )
    )


@transaction.atomic
def viability_assessment_add(
    *,
    child: Child,
    by: User,
    family_member: FamilyMember,
    requested_on: date,
    due_on: date,
    completed_on: date | None = None,
    outcome: str = ViabilityOutcome.PENDING,
    assessor: str = "",
    summary: str = "",
) -> ViabilityAssessment:
    """Record a viability assessment requested of a person in the child's network."""
    require_perm(by, "children.change_child", child)
    assessment = ViabilityAssessment(
        child=child,
        family_member=family_member,
        requested_on=requested_on,
        due_on=due_on,
        completed_on=completed_on,
        outcome=outcome,
        assessor=assessor,
        summary=summary,
    )
    _check_viability(assessment)
    return save_record(assessment, by=by)


@transaction.atomic
def viability_assessment_update(
    *,
    assessment: ViabilityAssessment,
    by: User,
    **fields: Unpack[ViabilityAssessmentFields],
) -> ViabilityAssessment:
    """Change a viability assessment: its dates, its outcome once known, its summary."""
    unknown = set(fields) - set(ViabilityAssessmentFields.__annotations__)
    if unknown:
        raise TypeError(f"viability_assessment_update() got unexpected fields {sorted(unknown)}")
    assessment = (
        ViabilityAssessment.objects.select_for_update()
        .select_related("child", "family_member")
        .get(pk=assessment.pk)
    )
    require_perm(by, "children.change_child", assessment.child)
    for name, value in fields.items():
        setattr(assessment, name, value)
    _check_viability(assessment)
    return save_record(assessment, by=by)


# --- paternity tests (Standard 2.2) --------------------------------------------------------


class PaternityTestFields(TypedDict, total=False):
    alleged_father: FamilyMember
    requested_on: date
    directed_by_court: bool
    result_on: date | None
    result: str


def _check_paternity(test: PaternityTest, *, father_changed: bool) -> None:
    _check_in_network(test.child, test.alleged_father, "alleged_father")
    # Checked when the person is chosen: a test keeps its father if the network is later
    # corrected (an excluded man recorded afterwards as, say, a connected person).
    if father_changed and test.alleged_father.relationship not in FATHER_RELATIONSHIPS:
        raise ValidationError({"alleged_father": NOT_A_FATHER})
    _refuse(
        paternity_test_errors(
            requested_on=test.requested_on, result_on=test.result_on, result=test.result
        )
    )


@transaction.atomic
def paternity_test_add(
    *,
    child: Child,
    by: User,
    alleged_father: FamilyMember,
    requested_on: date,
    directed_by_court: bool = False,
    result_on: date | None = None,
    result: str = PaternityResult.PENDING,
) -> PaternityTest:
    """Record a paternity test where paternity is unclear or disputed."""
    require_perm(by, "children.change_child", child)
    test = PaternityTest(
        child=child,
        alleged_father=alleged_father,
        requested_on=requested_on,
        directed_by_court=directed_by_court,
        result_on=result_on,
        result=result,
    )
    _check_paternity(test, father_changed=True)
    return save_record(test, by=by)


@transaction.atomic
def paternity_test_update(
    *, test: PaternityTest, by: User, **fields: Unpack[PaternityTestFields]
) -> PaternityTest:
    """Change a paternity test: its dates, whether the court directed it, its result."""
    unknown = set(fields) - set(PaternityTestFields.__annotations__)
    if unknown:
        raise TypeError(f"paternity_test_update() got unexpected fields {sorted(unknown)}")
    test = (
        PaternityTest.objects.select_for_update()
        .select_related("child", "alleged_father")
        .get(pk=test.pk)
    )
    require_perm(by, "children.change_child", test.child)
    father_before = test.alleged_father_id
    for name, value in fields.items():
        setattr(test, name, value)
    _check_paternity(test, father_changed=test.alleged_father_id != father_before)
    return save_record(test, by=by)
