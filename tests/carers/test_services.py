"""Each rule of issue 10, through the services: the exact message, nothing half-saved, the
stored due dates (FSR reg 28, AAR reg 29) and the domain events."""

from datetime import date

import pytest
import time_machine
from django.core.exceptions import ValidationError

from carers import services
from carers.events import CarerEvent, carer_event
from carers.extensions import PlacedChild, PlacementSource, placement_sources
from carers.models import (
    AdopterApproval,
    Applicant,
    ApprovalKind,
    ApprovalReview,
    ApprovalStatus,
    FosterApproval,
    Household,
    Offer,
    ReviewOutcome,
)
from tests.carers.factories import approve, build_household, days


def messages(error: ValidationError) -> dict:
    return {field: list(msgs) for field, msgs in error.message_dict.items()}


@pytest.fixture
def events():
    received = []

    def receiver(sender, event, **kwargs):
        received.append(event)

    carer_event.connect(receiver)
    yield received
    carer_event.disconnect(receiver)


def test_approval_decision_before_its_panel_is_refused(ssw):
    household = build_household(by=ssw, adopters=False, foster=False)
    with pytest.raises(ValidationError) as error:
        services.approval_add(
            household=household,
            kind=ApprovalKind.ADOPTER,
            by=ssw,
            agency=household.recruiting_agency,
            changed_on=days(-100),
            panel_on=days(-10),
            decision_on=days(-20),
        )
    assert messages(error.value) == {
        "decision_on": ["Date of the decision must be on or after the date of the panel"]
    }
    assert not AdopterApproval.objects.exists()


def test_approved_needs_the_agency_decision_makers_decision_date_reg_25a(ssw):
    household = build_household(by=ssw, adopters=False, foster=False)
    approval = services.approval_add(
        household=household,
        kind=ApprovalKind.ADOPTER,
        by=ssw,
        agency=household.recruiting_agency,
        changed_on=days(-100),
        panel_on=days(-10),
    )
    with pytest.raises(ValidationError) as error:
        services.approval_status_change(
            approval=approval, by=ssw, status=ApprovalStatus.APPROVED, changed_on=days(-1)
        )
    assert "a CPR reg 25A temporary approval depends on it" in messages(error.value)["status"][0]
    approval.refresh_from_db()
    assert approval.status == ApprovalStatus.IN_ASSESSMENT
    assert approval.status_changes.count() == 1


def test_review_before_approval_is_refused(ssw):
    household = build_household(by=ssw, foster=False)
    approval = household.adopter_approvals.get()
    with pytest.raises(ValidationError) as error:
        services.approval_review_record(
            approval=approval,
            by=ssw,
            reviewed_on=approval.decision_on.replace(day=1)
            if approval.decision_on.day > 1
            else days(-200),
            outcome=ReviewOutcome.CONTINUE,
        )
    assert messages(error.value) == {
        "reviewed_on": ["Date of the review must be on or after the date of approval"]
    }
    assert not ApprovalReview.objects.exists()


def test_review_of_an_approval_not_yet_decided_is_refused(ssw):
    household = build_household(by=ssw, adopters=False, foster=False)
    approval = services.approval_add(
        household=household,
        kind=ApprovalKind.FOSTER,
        by=ssw,
        agency=household.recruiting_agency,
        changed_on=days(-10),
    )
    with pytest.raises(ValidationError) as error:
        services.approval_review_record(
            approval=approval, by=ssw, reviewed_on=days(-1), outcome=ReviewOutcome.CONTINUE
        )
    assert messages(error.value) == {"__all__": ["Record the approval decision before its review"]}


def test_age_range_with_minimum_above_maximum_is_refused(ssw):
    household = build_household(by=ssw, offer=False)
    with pytest.raises(ValidationError) as error:
        services.offer_set(household=household, by=ssw, age_from_months=12, age_to_months=6)
    assert messages(error.value) == {
        "age_from_months": ["Youngest age must be the same as or less than the oldest age"]
    }
    assert not Offer.objects.exists()
    approval = household.foster_approvals.get()
    with pytest.raises(ValidationError) as error:
        services.approval_update(
            approval=approval, by=ssw, terms_age_from_months=24, terms_age_to_months=0
        )
    assert "terms_age_from_months" in messages(error.value)


def test_terms_of_approval_that_exclude_a_placed_child_are_refused(ssw):
    household = build_household(by=ssw)
    source = PlacementSource(
        linked=lambda: None,
        caring=lambda: None,
        placed_children=lambda h: (
            [PlacedChild("NM-1", days(-300))] if h.pk == household.pk else []
        ),
    )
    placement_sources.register(source)
    try:
        with pytest.raises(ValidationError) as error:
            services.approval_update(
                approval=household.foster_approvals.get(),
                by=ssw,
                terms_age_from_months=0,
                terms_age_to_months=6,
            )
    finally:
        placement_sources.unregister(source)
    assert messages(error.value)["terms_age_to_months"][0].startswith(
        "The terms of approval must include NM-1"
    )
    assert household.foster_approvals.get().terms_age_to_months == 24


def test_a_second_applicant_identical_to_the_first_is_refused(ssw):
    household = build_household(by=ssw, applicants=1)
    first = household.applicants.get()
    with pytest.raises(ValidationError) as error:
        services.applicant_add(
            household=household,
            by=ssw,
            first_name=first.first_name.upper(),
            last_name=first.last_name,
            date_of_birth=first.date_of_birth,
            sex="1",
            ethnicity="WBRI",
        )
    assert messages(error.value) == {
        "first_name": ["The second applicant has the same name and date of birth as the first"]
    }
    assert Applicant.objects.count() == 1


def test_a_third_applicant_is_refused(ssw):
    household = build_household(by=ssw, applicants=2)
    with pytest.raises(ValidationError):
        services.applicant_add(
            household=household,
            by=ssw,
            first_name="Third",
            last_name="Person",
            date_of_birth=date(1980, 1, 1),
            sex="1",
            ethnicity="WBRI",
        )
    assert household.applicants.count() == 2


def test_foster_review_due_12_months_after_decision_29_february(ssw):
    """FSR reg 28, LAW.md's worked example: 29 Feb 2028 → 28 Feb 2029."""
    with time_machine.travel(date(2028, 3, 10), tick=False):
        household = build_household(by=ssw, adopters=False, foster=False)
        approval = approve(household, ApprovalKind.FOSTER, by=ssw, decision_on=date(2028, 2, 29))
        assert approval.review_due_on == date(2029, 2, 28)
    assert FosterApproval.objects.filter(review_due_on=date(2029, 2, 28)).count() == 1


def test_adopter_review_due_yearly_and_moves_on_with_each_review(ssw, events):
    """AAR reg 29: reviewed yearly while no child is placed for adoption with them."""
    with time_machine.travel(date(2027, 6, 1), tick=False):
        household = build_household(by=ssw, foster=False)
        approval = household.adopter_approvals.get()
        decided = approval.decision_on
        assert approval.review_due_on == decided.replace(year=decided.year + 1)
        services.approval_review_record(
            approval=approval, by=ssw, reviewed_on=date(2027, 5, 31), outcome="continue"
        )
        approval.refresh_from_db()
        assert approval.review_due_on == date(2028, 5, 31)
    kinds = [event.kind for event in events]
    assert kinds == [CarerEvent.APPROVED_AS_ADOPTERS, CarerEvent.APPROVAL_REVIEWED]


def test_services_emit_approved_as_foster_carers_and_opted_out(ssw, events):
    household = build_household(by=ssw, adopters=False)
    services.household_opt_out(
        household=household, by=ssw, opted_out_on=days(-1), reason="Changed their minds"
    )
    assert [event.kind for event in events] == [
        CarerEvent.APPROVED_AS_FOSTER_CARERS,
        CarerEvent.OPTED_OUT,
    ]
    assert events[1].subject == household
    assert events[1].on == days(-1)


def test_opting_out_needs_a_date_and_a_reason(ssw):
    household = build_household(by=ssw)
    with pytest.raises(ValidationError) as error:
        services.household_opt_out(household=household, by=ssw, opted_out_on=days(1), reason=" ")
    assert messages(error.value) == {
        "opted_out_on": ["Date opted out must be today or in the past"],
        "reason": ["Enter why they opted out of early permanence"],
    }
    household.refresh_from_db()
    assert household.opted_out_on is None


def test_another_agency_cannot_change_the_household(ssw, make_user):
    from django.core.exceptions import PermissionDenied

    from accounts.models import Role

    household = build_household(by=ssw)
    stranger = make_user(Role.SUPERVISING_SOCIAL_WORKER)
    with pytest.raises(PermissionDenied):
        services.household_opt_out(
            household=household, by=stranger, opted_out_on=days(-1), reason="x"
        )


@pytest.mark.parametrize(
    ("relationship", "sexes", "expected"),
    [
        ("single", ["2"], {"NB_ADOPTR": "1", "SEX_ADOPTR": "F1", "LS_ADOPTR": "L0"}),
        ("married", ["2", "1"], {"NB_ADOPTR": "2", "SEX_ADOPTR": "MF", "LS_ADOPTR": "L11"}),
        ("married", ["1", "1"], {"NB_ADOPTR": "2", "SEX_ADOPTR": "MM", "LS_ADOPTR": "L12"}),
        ("civil_partners", ["2", "2"], {"NB_ADOPTR": "2", "SEX_ADOPTR": "FF", "LS_ADOPTR": "L2"}),
        ("unmarried", ["2", "1"], {"NB_ADOPTR": "2", "SEX_ADOPTR": "MF"}),
    ],
)
def test_ad1_adopter_codes_follow_from_the_applicants(relationship, sexes, expected):
    household = Household(relationship=relationship)
    applicants = [Applicant(sex=sex) for sex in sexes]
    assert household.ad1_codes(applicants) == expected


def test_opting_out_twice_is_refused(ssw):
    household = build_household(by=ssw)
    services.household_opt_out(household=household, by=ssw, opted_out_on=days(-5), reason="x")
    with pytest.raises(ValidationError) as error:
        services.household_opt_out(household=household, by=ssw, opted_out_on=days(0), reason="y")
    assert messages(error.value) == {
        "__all__": ["They have already opted out of early permanence"]
    }
    household.refresh_from_db()
    assert household.opted_out_on == days(-5)
