"""Carer households for tests: factories for plain rows, and ``build_household`` for a household
recorded through the services (so its derived availability is what real use gives)."""

from datetime import date, timedelta

import factory

from accounts.clock import today
from carers import services
from carers.models import (
    ApprovalKind,
    ApprovalStatus,
    Household,
    HouseholdRelationship,
    TrainingKind,
)
from tests.accounts.factories import OrganisationFactory


class HouseholdFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Household

    name = factory.Sequence(lambda n: f"The Testfield household {n}")
    relationship = HouseholdRelationship.MARRIED
    postcode_district = "NM3"
    recruiting_agency = factory.SubFactory(OrganisationFactory)


def days(n: int) -> date:
    return today() + timedelta(days=n)


def approve(household, kind, *, by, decision_on=None, **details):
    decision_on = decision_on or days(-100)
    approval = services.approval_add(
        household=household,
        kind=kind,
        by=by,
        agency=household.recruiting_agency,
        changed_on=decision_on - timedelta(days=200),
        panel_on=decision_on - timedelta(days=10),
        decision_on=decision_on,
        **details,
    )
    return services.approval_status_change(
        approval=approval, by=by, status=ApprovalStatus.APPROVED, changed_on=decision_on
    )


def build_household(
    *,
    by,
    name: str = "The Testfield household",
    adopters: bool = True,
    foster: bool = True,
    offer: bool = True,
    applicants: int = 2,
    extras: bool = False,
) -> Household:
    """A household recruited by ``by``'s organisation, with what is asked for."""
    household = services.household_create(
        by=by,
        name=name,
        relationship=HouseholdRelationship.MARRIED,
        postcode_district="NM3",
        supervising_social_worker=None,
    )
    for n in range(applicants):
        services.applicant_add(
            household=household,
            by=by,
            first_name=f"Applicant{n}",
            last_name="Testfield",
            date_of_birth=date(1985, 1, 1 + n),
            sex="1" if n else "2",
            ethnicity="WBRI",
        )
    if adopters:
        approve(household, ApprovalKind.ADOPTER, by=by)
    if foster:
        approve(
            household,
            ApprovalKind.FOSTER,
            by=by,
            terms_age_from_months=0,
            terms_age_to_months=24,
            terms_number=1,
        )
    if offer:
        services.offer_set(
            household=household, by=by, pre_birth=True, age_from_months=0, age_to_months=24
        )
    if extras:
        services.member_save(
            household=household, by=by, name="Jo", kind="child", relationship="Birth son"
        )
        services.training_save(
            household=household, by=by, kind=TrainingKind.EP_PREPARATION, completed_on=days(-50)
        )
        services.support_save(household=household, by=by, kind="mentoring", offered_on=days(-40))
    return household
