"""The birth family network (Standards 1.5, 1.7, 2.2, 2.5, 5): people, viability and paternity.

The rules a record must keep live here rather than in the models' ``clean()`` (the family models
are outside this area's reach): ``*_errors`` functions return GOV.UK messages by field, used by
these services (so every caller is refused the same things) and by the forms (so a page shows
them on the right field before the database constraints are ever reached). The Django admin does
not run them; it still meets the database constraints.
"""

from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction

from accounts.clock import now
from accounts.clock import today as england_today
from accounts.dates import not_in_future
from accounts.errors import Errors
from accounts.models import User
from accounts.permissions import require_perm
from accounts.records import KEEP, Keep, apply_changes, save_record

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

FATHER_RELATIONSHIPS = {Relationship.FATHER, Relationship.ALLEGED_FATHER}
NOT_IN_NETWORK = "Select a family member from this child's network"
NOT_A_FATHER = "Choose the alleged or possible father"


def family_member_errors(
    *,
    ep_information_given_on: date | None,
    date_of_birth: date | None = None,
    counselling_offered_on: date | None = None,
    today: date | None = None,
) -> dict[str | None, str]:
    """What is wrong with a family member's details, by field (empty when nothing is)."""
    errors = Errors()
    not_in_future(
        errors,
        "ep_information_given_on",
        ep_information_given_on,
        "Date information about early permanence was given",
        today,
    )
    # issue 9 item 5: the person's date of birth; counselling offered (AAR reg 14)
    if date_of_birth is not None and date_of_birth >= (today or england_today()):
        errors.add("date_of_birth", "Date of birth must be in the past")
    not_in_future(
        errors,
        "counselling_offered_on",
        counselling_offered_on,
        "Date counselling was offered",
        today,
    )
    if date_of_birth and counselling_offered_on and counselling_offered_on < date_of_birth:
        errors.add(
            "counselling_offered_on", "Date counselling was offered must be after their birth"
        )
    return errors.as_dict()


#: Who the person is and what they need (issue 9 item 5), as the services take them.
PERSON_FIELDS = (
    "date_of_birth",
    "ethnicity",
    "religion",
    "language",
    "interpreter_needed",
    "learning_disability",
    "advocacy_needed",
    "care_leaver",
    "whereabouts_unknown",
    "party_to_proceedings",
    "counselling_offered_on",
)


UNBORN_PR = (
    "No one has parental responsibility for a baby who is not born yet: the mother has it from "
    "the birth, not before (Children Act 1989 s.2). Select ‘No’ or ‘Not known’"
)


def family_member_pr_errors(
    *, child: Child | None, parental_responsibility: str | None
) -> dict[str | None, str]:
    """CA 1989 s.2(1)–(2): parental responsibility begins at the birth, the mother's included
    (LAW.md "Who may consent": mother from birth, not before); the same rule the demo's truth
    check runs (``legal_truth``)."""
    errors = Errors()
    if child is not None and child.is_unborn and parental_responsibility == YesNoUnknown.YES:
        errors.add("parental_responsibility", UNBORN_PR)
    return errors.as_dict()


def _person_errors(member: FamilyMember) -> dict[str | None, str]:
    errors = Errors(
        family_member_errors(
            ep_information_given_on=member.ep_information_given_on,
            date_of_birth=member.date_of_birth,
            counselling_offered_on=member.counselling_offered_on,
        )
    )
    errors.update(
        family_member_pr_errors(
            child=member.child, parental_responsibility=member.parental_responsibility
        )
    )
    return errors.as_dict()


def viability_assessment_errors(
    *,
    requested_on: date | None,
    due_on: date | None,
    completed_on: date | None,
    outcome: str | None,
    today: date | None = None,
) -> dict[str | None, str]:
    """What is wrong with a viability assessment's dates and outcome, by field."""
    today = today or england_today()
    errors = Errors()
    not_in_future(errors, "requested_on", requested_on, "Date requested", today)
    not_in_future(errors, "completed_on", completed_on, "Date completed", today)
    if requested_on and due_on and due_on < requested_on:
        errors.add("due_on", "Due date must be on or after the date requested")
    if requested_on and completed_on and completed_on < requested_on:
        errors.add("completed_on", "Date completed must be on or after the date requested")
    if outcome and outcome != ViabilityOutcome.PENDING and completed_on is None:
        errors.add("completed_on", "Enter the date the assessment was completed")
    return errors.as_dict()


def paternity_test_errors(
    *,
    requested_on: date | None,
    result_on: date | None,
    result: str | None,
    today: date | None = None,
) -> dict[str | None, str]:
    """What is wrong with a paternity test's dates and result, by field."""
    today = today or england_today()
    errors = Errors()
    not_in_future(errors, "requested_on", requested_on, "Date requested", today)
    not_in_future(errors, "result_on", result_on, "Date of the result", today)
    if requested_on and result_on and result_on < requested_on:
        errors.add("result_on", "Date of the result must be on or after the date requested")
    if result in (PaternityResult.CONFIRMED, PaternityResult.EXCLUDED) and result_on is None:
        errors.add("result_on", "Enter the date of the result")
    return errors.as_dict()


def _check_in_network(child: Child, member: FamilyMember, field: str) -> None:
    """A record of the child may only name a person in this child's own network."""
    if member.child_id != child.pk:
        raise ValidationError({field: NOT_IN_NETWORK})


# --- family members ------------------------------------------------------------------------


@transaction.atomic
def family_member_add(
    *,
    child: Child,
    by: User,
    name: str,
    relationship: Relationship,
    relationship_detail: str = "",
    parental_responsibility: YesNoUnknown = YesNoUnknown.UNKNOWN,
    legal_representative: str = "",
    address: str = "",
    phone: str = "",
    email: str = "",
    notes: str = "",
    ep_information_given_on: date | None = None,
    # --- issue 9 item 5: who the person is and what they need
    date_of_birth: date | None = None,
    ethnicity: str = "",
    religion: str = "",
    language: str = "",
    interpreter_needed: YesNoUnknown = YesNoUnknown.UNKNOWN,
    learning_disability: YesNoUnknown = YesNoUnknown.UNKNOWN,
    advocacy_needed: YesNoUnknown = YesNoUnknown.UNKNOWN,
    care_leaver: YesNoUnknown = YesNoUnknown.UNKNOWN,
    whereabouts_unknown: bool = False,
    party_to_proceedings: bool = False,
    counselling_offered_on: date | None = None,
) -> FamilyMember:
    """Add a parent, relative or connected person to the child's birth family network."""
    require_perm(by, "children.change_child", child)
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
        date_of_birth=date_of_birth,
        ethnicity=ethnicity,
        religion=religion,
        language=language,
        interpreter_needed=interpreter_needed,
        learning_disability=learning_disability,
        advocacy_needed=advocacy_needed,
        care_leaver=care_leaver,
        whereabouts_unknown=whereabouts_unknown,
        party_to_proceedings=party_to_proceedings,
        counselling_offered_on=counselling_offered_on,
    )
    Errors(_person_errors(member)).raise_any()
    return save_record(member, by=by)


@transaction.atomic
def family_member_update(
    *,
    member: FamilyMember,
    by: User,
    name: str | Keep = KEEP,
    relationship: Relationship | Keep = KEEP,
    relationship_detail: str | Keep = KEEP,
    parental_responsibility: YesNoUnknown | Keep = KEEP,
    legal_representative: str | Keep = KEEP,
    address: str | Keep = KEEP,
    phone: str | Keep = KEEP,
    email: str | Keep = KEEP,
    notes: str | Keep = KEEP,
    ep_information_given_on: date | None | Keep = KEEP,
    # --- issue 9 item 5: who the person is and what they need
    date_of_birth: date | None | Keep = KEEP,
    ethnicity: str | Keep = KEEP,
    religion: str | Keep = KEEP,
    language: str | Keep = KEEP,
    interpreter_needed: YesNoUnknown | Keep = KEEP,
    learning_disability: YesNoUnknown | Keep = KEEP,
    advocacy_needed: YesNoUnknown | Keep = KEEP,
    care_leaver: YesNoUnknown | Keep = KEEP,
    whereabouts_unknown: bool | Keep = KEEP,
    party_to_proceedings: bool | Keep = KEEP,
    counselling_offered_on: date | None | Keep = KEEP,
) -> FamilyMember:
    """Change a family member's details; arguments not given are left as they are."""
    member = FamilyMember.objects.select_for_update().select_related("child").get(pk=member.pk)
    require_perm(by, "children.change_child", member.child)
    apply_changes(
        member,
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
        date_of_birth=date_of_birth,
        ethnicity=ethnicity,
        religion=religion,
        language=language,
        interpreter_needed=interpreter_needed,
        learning_disability=learning_disability,
        advocacy_needed=advocacy_needed,
        care_leaver=care_leaver,
        whereabouts_unknown=whereabouts_unknown,
        party_to_proceedings=party_to_proceedings,
        counselling_offered_on=counselling_offered_on,
    )
    Errors(_person_errors(member)).raise_any()
    return save_record(member, by=by)


@transaction.atomic
def family_member_archive(*, member: FamilyMember, by: User) -> FamilyMember:
    """Take a person off the child's network; the record and its history are kept."""
    member = FamilyMember.objects.select_for_update().select_related("child").get(pk=member.pk)
    require_perm(by, "children.change_child", member.child)
    if member.archived_at is None:
        member.archived_at = now()
        save_record(member, by=by)
    return member


# --- viability assessments (Standard 2.2) --------------------------------------------------


def _check_viability(assessment: ViabilityAssessment) -> None:
    _check_in_network(assessment.child, assessment.family_member, "family_member")
    Errors(
        viability_assessment_errors(
            requested_on=assessment.requested_on,
            due_on=assessment.due_on,
            completed_on=assessment.completed_on,
            outcome=assessment.outcome,
        )
    ).raise_any()


@transaction.atomic
def viability_assessment_add(
    *,
    child: Child,
    by: User,
    family_member: FamilyMember,
    requested_on: date,
    due_on: date,
    completed_on: date | None = None,
    outcome: ViabilityOutcome = ViabilityOutcome.PENDING,
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
    family_member: FamilyMember | Keep = KEEP,
    requested_on: date | Keep = KEEP,
    due_on: date | Keep = KEEP,
    completed_on: date | None | Keep = KEEP,
    outcome: ViabilityOutcome | Keep = KEEP,
    assessor: str | Keep = KEEP,
    summary: str | Keep = KEEP,
) -> ViabilityAssessment:
    """Change a viability assessment: its dates, its outcome once known, its summary."""
    assessment = (
        ViabilityAssessment.objects.select_for_update()
        .select_related("child", "family_member")
        .get(pk=assessment.pk)
    )
    require_perm(by, "children.change_child", assessment.child)
    apply_changes(
        assessment,
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


# --- paternity tests (Standard 2.2) --------------------------------------------------------


def _check_paternity(test: PaternityTest, *, father_changed: bool) -> None:
    _check_in_network(test.child, test.alleged_father, "alleged_father")
    # Checked when the person is chosen: a test keeps its father if the network is later
    # corrected (an excluded man recorded afterwards as, say, a connected person).
    if father_changed and test.alleged_father.relationship not in FATHER_RELATIONSHIPS:
        raise ValidationError({"alleged_father": NOT_A_FATHER})
    Errors(
        paternity_test_errors(
            requested_on=test.requested_on, result_on=test.result_on, result=test.result
        )
    ).raise_any()


@transaction.atomic
def paternity_test_add(
    *,
    child: Child,
    by: User,
    alleged_father: FamilyMember,
    requested_on: date,
    directed_by_court: bool = False,
    result_on: date | None = None,
    result: PaternityResult = PaternityResult.PENDING,
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
    *,
    test: PaternityTest,
    by: User,
    alleged_father: FamilyMember | Keep = KEEP,
    requested_on: date | Keep = KEEP,
    directed_by_court: bool | Keep = KEEP,
    result_on: date | None | Keep = KEEP,
    result: PaternityResult | Keep = KEEP,
) -> PaternityTest:
    """Change a paternity test: its dates, whether the court directed it, its result."""
    test = (
        PaternityTest.objects.select_for_update()
        .select_related("child", "alleged_father")
        .get(pk=test.pk)
    )
    require_perm(by, "children.change_child", test.child)
    father_before = test.alleged_father_id
    apply_changes(
        test,
        alleged_father=alleged_father,
        requested_on=requested_on,
        directed_by_court=directed_by_court,
        result_on=result_on,
        result=result,
    )
    _check_paternity(test, father_changed=test.alleged_father_id != father_before)
    return save_record(test, by=by)
