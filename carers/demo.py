"""Demo carer households for a first run: fictional names, dates relative to today.

Fenvale Adoption Partnership (the RAA) recruits four households: one dual approved and
available, one approved as adopters and on hold after a child went home, one in assessment, one
that opted out of early permanence. Every record is made through the services, by the demo
supervising social worker, so the demo keeps the same rules and sends the same events.
"""

from datetime import date, timedelta

from accounts.clock import today

from . import services
from .models import (
    ApprovalKind,
    ApprovalStatus,
    Household,
    HouseholdRelationship,
    MemberKind,
    SupportKind,
    TrainingKind,
)


def _days(n: int) -> date:
    return today() + timedelta(days=n)


def _approve(household, kind, by, agency, *, started, panel, decision, **terms):
    approval = services.approval_add(
        household=household,
        kind=kind,
        by=by,
        agency=agency,
        changed_on=started,
        panel_on=panel,
        decision_on=decision,
        **terms,
    )
    return services.approval_status_change(
        approval=approval, by=by, status=ApprovalStatus.APPROVED, changed_on=decision
    )


def load(context: dict) -> None:
    if Household.objects.exists():
        return
    ssw = context["users"]["ssw.raa"]
    agency = context["organisations"]["fenvale"]

    # 1. dual approved, EP prepared, available
    oakridge = services.household_create(
        by=ssw,
        name="The Oakridge-Penn household",
        relationship=HouseholdRelationship.MARRIED,
        postcode_district="FV2",
        supervising_social_worker=ssw,
    )
    services.applicant_add(
        household=oakridge,
        by=ssw,
        first_name="Alex",
        last_name="Oakridge-Penn",
        date_of_birth=date(1986, 4, 12),
        sex="2",
        ethnicity="WBRI",
        languages="English",
    )
    services.applicant_add(
        household=oakridge,
        by=ssw,
        first_name="Sam",
        last_name="Oakridge-Penn",
        date_of_birth=date(1984, 9, 3),
        sex="1",
        ethnicity="MWBC",
        religion="Christian",
        languages="English",
    )
    services.member_save(
        household=oakridge,
        by=ssw,
        name="Jo",
        kind=MemberKind.CHILD,
        relationship="Adopted son",
        date_of_birth=_days(-6 * 365),
    )
    _approve(
        oakridge,
        ApprovalKind.ADOPTER,
        ssw,
        agency,
        started=_days(-300),
        panel=_days(-120),
        decision=_days(-110),
        stage_one_started_on=_days(-300),
        stage_two_started_on=_days(-230),
    )
    _approve(
        oakridge,
        ApprovalKind.FOSTER,
        ssw,
        agency,
        started=_days(-200),
        panel=_days(-100),
        decision=_days(-95),
        terms_age_from_months=0,
        terms_age_to_months=24,
        terms_number=1,
    )
    for kind, done in (
        (TrainingKind.ADOPTION_PREPARATION, _days(-250)),
        (TrainingKind.EP_PREPARATION, _days(-180)),
        (TrainingKind.SKILLS_TO_FOSTER, _days(-160)),
    ):
        services.training_save(household=oakridge, by=ssw, kind=kind, completed_on=done)
    services.offer_set(
        household=oakridge,
        by=ssw,
        pre_birth=True,
        age_from_months=0,
        age_to_months=18,
        sibling_group_size=2,
        identity="Mixed heritage family; attend a local church; links with a Caribbean "
        "community group.",
        prenatal_alcohol=True,
        withdrawal=True,
        unknown_father=True,
        family_time_per_week=3,
        family_time_miles=25,
    )
    services.support_save(
        household=oakridge,
        by=ssw,
        kind=SupportKind.MENTORING,
        offered_on=_days(-90),
        taken_up_on=_days(-80),
        starts_on=_days(-80),
    )

    # 2. approved as adopters, on hold after a child went home (Std 7.7)
    birchwood = services.household_create(
        by=ssw,
        name="The Birchwood household",
        relationship=HouseholdRelationship.SINGLE,
        postcode_district="FV7",
        supervising_social_worker=ssw,
    )
    services.applicant_add(
        household=birchwood,
        by=ssw,
        first_name="Robin",
        last_name="Birchwood",
        date_of_birth=date(1979, 1, 30),
        sex="2",
        ethnicity="WIRI",
    )
    _approve(
        birchwood,
        ApprovalKind.ADOPTER,
        ssw,
        agency,
        started=_days(-700),
        panel=_days(-420),
        decision=_days(-410),
    )
    services.support_save(
        household=birchwood,
        by=ssw,
        kind=SupportKind.AFTER_CHILD_WENT_HOME,
        offered_on=_days(-20),
        taken_up_on=_days(-20),
        starts_on=_days(-20),
        ends_on=_days(70),
        notes="Counselling and a break before the next link.",
    )

    # 3. in assessment
    larch = services.household_create(
        by=ssw,
        name="The Larchmont household",
        relationship=HouseholdRelationship.CIVIL_PARTNERS,
        postcode_district="FV4",
        supervising_social_worker=ssw,
    )
    services.applicant_add(
        household=larch,
        by=ssw,
        first_name="Kit",
        last_name="Larchmont",
        date_of_birth=date(1990, 6, 1),
        sex="1",
        ethnicity="AIND",
    )
    services.approval_add(
        household=larch,
        kind=ApprovalKind.ADOPTER,
        by=ssw,
        agency=agency,
        changed_on=_days(-60),
        stage_one_started_on=_days(-60),
    )
    services.training_save(
        household=larch, by=ssw, kind=TrainingKind.EP_PREPARATION, due_on=_days(40)
    )

    # 4. dual approved, then opted out of early permanence (Std 3.2)
    fern = services.household_create(
        by=ssw,
        name="The Fernside household",
        relationship=HouseholdRelationship.UNMARRIED,
        postcode_district="FV1",
        supervising_social_worker=ssw,
    )
    _approve(
        fern,
        ApprovalKind.ADOPTER,
        ssw,
        agency,
        started=_days(-500),
        panel=_days(-300),
        decision=_days(-290),
    )
    _approve(
        fern,
        ApprovalKind.FOSTER,
        ssw,
        agency,
        started=_days(-400),
        panel=_days(-280),
        decision=_days(-280),
    )
    services.household_opt_out(
        household=fern,
        by=ssw,
        opted_out_on=_days(-30),
        reason="Decided to wait for a child already placed for adoption.",
    )
