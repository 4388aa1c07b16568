"""The household, its applicants and members, what it can offer, preparation, support and
opting out. Every write: one transaction, the household locked, the access rule checked, the
rule functions (``*_errors``) that the forms also call."""

from datetime import date

from django.db import transaction

from accounts.dates import not_before, not_in_future
from accounts.errors import Errors
from accounts.models import Organisation, User
from accounts.permissions import require_perm
from accounts.records import KEEP, Keep, apply_changes, save_record

from ..events import CarerEvent, carer_emit
from ..models import (
    COUPLES,
    Applicant,
    Household,
    HouseholdAccessLog,
    HouseholdMember,
    HouseholdRelationship,
    MemberKind,
    Offer,
    Support,
    SupportKind,
    Training,
    TrainingKind,
)

MAX_APPLICANTS = 2
SAME_APPLICANT = "The second applicant has the same name and date of birth as the first"
AGE_RANGE = "Youngest age must be the same as or less than the oldest age"


def lock(household: Household) -> Household:
    """The household's row, locked until the transaction ends (two people saving at once)."""
    return Household.objects.select_for_update().get(pk=household.pk)


def household_access_log_record(*, household: Household, user: User, path: str) -> None:
    HouseholdAccessLog.objects.create(household=household, user=user, path=path[:300])


# --- the household ---------------------------------------------------------------------------


def household_errors(*, relationship: str | None, applicants: int) -> dict[str | None, str]:
    """A couple has two applicants at most, a single applicant one."""
    errors = Errors()
    if relationship == HouseholdRelationship.SINGLE and applicants > 1:
        errors.add("relationship", "A household with two applicants cannot be a single applicant")
    return errors.as_dict()


@transaction.atomic
def household_create(
    *,
    by: User,
    name: str,
    relationship: HouseholdRelationship,
    postcode_district: str = "",
    supervising_social_worker: User | None = None,
    fostering_worker: User | None = None,
    adoption_worker: User | None = None,
) -> Household:
    """Record a household recruited by the user's own agency."""
    require_perm(by, "carers.add_household")
    household = Household(
        name=name,
        relationship=relationship,
        postcode_district=postcode_district.strip().upper(),
        recruiting_agency=Organisation.objects.get(pk=by.organisation_id),
        supervising_social_worker=supervising_social_worker,
        fostering_worker=fostering_worker,
        adoption_worker=adoption_worker,
    )
    return save_record(household, by=by)


@transaction.atomic
def household_update(
    *,
    household: Household,
    by: User,
    name: str | Keep = KEEP,
    relationship: HouseholdRelationship | Keep = KEEP,
    postcode_district: str | Keep = KEEP,
    supervising_social_worker: User | None | Keep = KEEP,
    fostering_worker: User | None | Keep = KEEP,
    adoption_worker: User | None | Keep = KEEP,
) -> Household:
    """Change the household's details."""
    household = lock(household)
    require_perm(by, "carers.change_household", household)
    if postcode_district is not KEEP:
        postcode_district = postcode_district.strip().upper()
    apply_changes(
        household,
        name=name,
        relationship=relationship,
        postcode_district=postcode_district,
        supervising_social_worker=supervising_social_worker,
        fostering_worker=fostering_worker,
        adoption_worker=adoption_worker,
    )
    Errors(
        household_errors(
            relationship=household.relationship, applicants=household.applicants.count()
        )
    ).raise_any()
    return save_record(household, by=by)


def opt_out_errors(
    *, opted_out_on: date | None, reason: str, already_on: date | None = None
) -> dict[str | None, str]:
    errors = Errors()
    if already_on is not None:
        errors.add(None, "They have already opted out of early permanence")
    if opted_out_on is None:
        errors.add("opted_out_on", "Enter the date they opted out of early permanence")
    not_in_future(errors, "opted_out_on", opted_out_on, "Date opted out")
    if not (reason or "").strip():
        errors.add("reason", "Enter why they opted out of early permanence")
    return errors.as_dict()


@transaction.atomic
def household_opt_out(
    *, household: Household, by: User, opted_out_on: date, reason: str
) -> Household:
    """Std 3.2: carers may opt out of early permanence at any time; they are then unavailable."""
    household = lock(household)
    require_perm(by, "carers.change_household", household)
    Errors(
        opt_out_errors(opted_out_on=opted_out_on, reason=reason, already_on=household.opted_out_on)
    ).raise_any()
    household.opted_out_on = opted_out_on
    household.opted_out_reason = reason.strip()
    save_record(household, by=by)
    carer_emit(CarerEvent.OPTED_OUT, household=household, on=opted_out_on, by=by)
    return household


# --- applicants and household members ---------------------------------------------------------


def applicant_errors(
    *,
    household: Household,
    first_name: str | None,
    last_name: str | None,
    date_of_birth: date | None,
    applicant: Applicant | None = None,
) -> dict[str | None, str]:
    """One or two applicants; the second not the first typed again."""
    errors = Errors()
    not_in_future(errors, "date_of_birth", date_of_birth, "Date of birth")
    others = [a for a in household.applicants.all() if applicant is None or a.pk != applicant.pk]
    if applicant is None and len(others) >= MAX_APPLICANTS:
        errors.add(None, "A household has one or two applicants: this one has two already")
    for other in others:
        if (
            (first_name or "").strip().casefold() == other.first_name.casefold()
            and (last_name or "").strip().casefold() == other.last_name.casefold()
            and date_of_birth == other.date_of_birth
        ):
            errors.add("first_name", SAME_APPLICANT)
    if applicant is None and others and household.relationship not in COUPLES:
        errors.add(
            None,
            "Change the household's relationship to a couple before adding a second applicant",
        )
    return errors.as_dict()


@transaction.atomic
def applicant_add(
    *,
    household: Household,
    by: User,
    first_name: str,
    last_name: str,
    date_of_birth: date,
    sex: str,
    ethnicity: str,
    religion: str = "",
    languages: str = "",
) -> Applicant:
    """Add an applicant (one or two a household)."""
    household = lock(household)
    require_perm(by, "carers.change_household", household)
    Errors(
        applicant_errors(
            household=household,
            first_name=first_name,
            last_name=last_name,
            date_of_birth=date_of_birth,
        )
    ).raise_any()
    applicant = Applicant(
        household=household,
        first_name=first_name.strip(),
        last_name=last_name.strip(),
        date_of_birth=date_of_birth,
        sex=sex,
        ethnicity=ethnicity,
        religion=religion,
        languages=languages,
    )
    return save_record(applicant, by=by)


@transaction.atomic
def applicant_update(
    *,
    applicant: Applicant,
    by: User,
    first_name: str | Keep = KEEP,
    last_name: str | Keep = KEEP,
    date_of_birth: date | Keep = KEEP,
    sex: str | Keep = KEEP,
    ethnicity: str | Keep = KEEP,
    religion: str | Keep = KEEP,
    languages: str | Keep = KEEP,
) -> Applicant:
    """Change an applicant's details."""
    household = lock(applicant.household)
    require_perm(by, "carers.change_household", household)
    applicant = Applicant.objects.get(pk=applicant.pk)
    apply_changes(
        applicant,
        first_name=first_name,
        last_name=last_name,
        date_of_birth=date_of_birth,
        sex=sex,
        ethnicity=ethnicity,
        religion=religion,
        languages=languages,
    )
    Errors(
        applicant_errors(
            household=household,
            first_name=applicant.first_name,
            last_name=applicant.last_name,
            date_of_birth=applicant.date_of_birth,
            applicant=applicant,
        )
    ).raise_any()
    return save_record(applicant, by=by)


def member_errors(*, date_of_birth: date | None) -> dict[str | None, str]:
    errors = Errors()
    not_in_future(errors, "date_of_birth", date_of_birth, "Date of birth")
    return errors.as_dict()


@transaction.atomic
def member_save(
    *,
    household: Household,
    by: User,
    name: str,
    kind: MemberKind,
    relationship: str,
    date_of_birth: date | None = None,
    notes: str = "",
    member: HouseholdMember | None = None,
) -> HouseholdMember:
    """Add (or, given ``member``, change) another child or adult of the household (Std 7.8)."""
    household = lock(household)
    require_perm(by, "carers.change_household", household)
    Errors(member_errors(date_of_birth=date_of_birth)).raise_any()
    member = member or HouseholdMember(household=household)
    member.name, member.kind, member.relationship = name, kind, relationship
    member.date_of_birth, member.notes = date_of_birth, notes
    return save_record(member, by=by)


# --- what they can offer, preparation, support --------------------------------------------


def offer_errors(
    *, age_from_months: int | None, age_to_months: int | None
) -> dict[str | None, str]:
    errors = Errors()
    if age_from_months is not None and age_to_months is not None:
        if age_from_months > age_to_months:
            errors.add("age_from_months", AGE_RANGE)
    return errors.as_dict()


OFFER_FIELDS = (
    "pre_birth",
    "age_from_months",
    "age_to_months",
    "sexes",
    "sibling_group_size",
    "identity",
    "prenatal_alcohol",
    "prenatal_drugs",
    "withdrawal",
    "unknown_father",
    "parental_mental_illness",
    "parental_learning_disability",
    "genetic_history",
    "child_going_home",
    "meeting_parents",
    "family_time_per_week",
    "family_time_miles",
    "direct_contact_after_adoption",
)


@transaction.atomic
def offer_set(*, household: Household, by: User, **values) -> Offer:
    """Record what the household can offer (Std 4.4, 4.5); the fields of OFFER_FIELDS."""
    household = lock(household)
    require_perm(by, "carers.change_household", household)
    unknown = set(values) - set(OFFER_FIELDS)
    if unknown:
        raise TypeError(f"offer_set() got unexpected arguments {sorted(unknown)}")
    offer = Offer.objects.filter(household=household).first() or Offer(household=household)
    apply_changes(offer, **values)
    Errors(
        offer_errors(age_from_months=offer.age_from_months, age_to_months=offer.age_to_months)
    ).raise_any()
    return save_record(offer, by=by)


def training_errors(
    *, kind: str | None, completed_on: date | None, title: str = ""
) -> dict[str | None, str]:
    errors = Errors()
    not_in_future(errors, "completed_on", completed_on, "Date completed")
    if kind == TrainingKind.OTHER and not (title or "").strip():
        errors.add("title", "Enter the name of the training")
    return errors.as_dict()


@transaction.atomic
def training_save(
    *,
    household: Household,
    by: User,
    kind: TrainingKind,
    title: str = "",
    due_on: date | None = None,
    completed_on: date | None = None,
    training: Training | None = None,
) -> Training:
    """Record preparation or training (Std 3.4), due or completed."""
    household = lock(household)
    require_perm(by, "carers.change_household", household)
    Errors(training_errors(kind=kind, completed_on=completed_on, title=title)).raise_any()
    training = training or Training(household=household)
    training.kind, training.title = kind, title
    training.due_on, training.completed_on = due_on, completed_on
    return save_record(training, by=by)


def support_errors(
    *,
    kind: str | None,
    offered_on: date | None,
    taken_up_on: date | None,
    starts_on: date | None,
    ends_on: date | None,
) -> dict[str | None, str]:
    errors = Errors()
    not_in_future(errors, "offered_on", offered_on, "Date offered")
    not_in_future(errors, "taken_up_on", taken_up_on, "Date taken up")
    not_before(
        errors,
        "taken_up_on",
        taken_up_on,
        offered_on,
        "Date taken up must be on or after the date offered",
    )
    not_before(
        errors, "ends_on", ends_on, starts_on, "End date must be on or after the start date"
    )
    if kind == SupportKind.AFTER_CHILD_WENT_HOME and starts_on is None:
        errors.add("starts_on", "Enter the date the child went home")
    return errors.as_dict()


@transaction.atomic
def support_save(
    *,
    household: Household,
    by: User,
    kind: SupportKind,
    offered_on: date | None = None,
    taken_up_on: date | None = None,
    starts_on: date | None = None,
    ends_on: date | None = None,
    provider: str = "",
    notes: str = "",
    support: Support | None = None,
) -> Support:
    """Record support offered and taken up (Std 3.8, 7.7). Support after a child went home from
    ``starts_on`` to ``ends_on`` puts the household on hold for that time."""
    household = lock(household)
    require_perm(by, "carers.change_household", household)
    Errors(
        support_errors(
            kind=kind,
            offered_on=offered_on,
            taken_up_on=taken_up_on,
            starts_on=starts_on,
            ends_on=ends_on,
        )
    ).raise_any()
    support = support or Support(household=household)
    support.kind, support.offered_on, support.taken_up_on = kind, offered_on, taken_up_on
    support.starts_on, support.ends_on = starts_on, ends_on
    support.provider, support.notes = provider, notes
    return save_record(support, by=by)
