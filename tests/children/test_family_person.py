"""Who a family member is and what they need (issue 9 item 5; Std 1.5, 2.5, 4.4; AAR reg 14)."""

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from children import services
from children.models import FamilyMember, Relationship, YesNoUnknown
from tests.children.factories import ChildFactory, FamilyMemberFactory
from tests.children.test_family import member_data
from tests.helpers import TODAY, checked_value, date_fields, field_error, input_value

pytestmark = pytest.mark.usefixtures("_frozen_today")


@pytest.fixture
def child(own_org, own_team, social_worker):
    return ChildFactory(responsible_authority=own_org, team=own_team, social_worker=social_worker)


def test_family_member_add_records_who_they_are_and_what_they_need(child, social_worker):
    member = services.family_member_add(
        child=child,
        name="Amy Parent",
        relationship=Relationship.MOTHER,
        date_of_birth=TODAY - timedelta(days=365 * 19),
        ethnicity="WBRI",
        religion="Christian",
        language="Polish",
        interpreter_needed=YesNoUnknown.YES,
        learning_disability=YesNoUnknown.YES,
        advocacy_needed=YesNoUnknown.YES,
        care_leaver=YesNoUnknown.YES,
        whereabouts_unknown=False,
        party_to_proceedings=True,
        counselling_offered_on=TODAY - timedelta(days=3),
        by=social_worker,
    )
    member.refresh_from_db()
    assert member.language == "Polish"
    assert member.interpreter_needed == YesNoUnknown.YES
    assert member.party_to_proceedings is True
    assert member.counselling_offered_on == TODAY - timedelta(days=3)


@pytest.mark.parametrize(
    ("fields", "field", "message"),
    [
        ({"date_of_birth": TODAY}, "date_of_birth", "Date of birth must be in the past"),
        (
            {"counselling_offered_on": TODAY + timedelta(days=1)},
            "counselling_offered_on",
            "Date counselling was offered must be today or in the past",
        ),
        (
            {
                "date_of_birth": TODAY - timedelta(days=100),
                "counselling_offered_on": TODAY - timedelta(days=200),
            },
            "counselling_offered_on",
            "Date counselling was offered must be after their birth",
        ),
    ],
)
def test_family_member_add_refuses(child, social_worker, fields, field, message):
    with pytest.raises(ValidationError) as error:
        services.family_member_add(
            child=child, name="Amy", relationship=Relationship.MOTHER, by=social_worker, **fields
        )
    assert error.value.message_dict[field] == [message]
    assert not FamilyMember.objects.exists()


def test_family_member_update_checks_the_rules_on_the_result(child, social_worker):
    member = FamilyMemberFactory(child=child, date_of_birth=TODAY - timedelta(days=100))
    with pytest.raises(ValidationError):
        services.family_member_update(
            member=member, counselling_offered_on=TODAY - timedelta(days=200), by=social_worker
        )


def test_the_form_records_the_person_and_their_needs(client_for, child, social_worker):
    response = client_for(social_worker).post(
        reverse("children:family_member_add", args=[child.pk]),
        member_data(
            **date_fields("date_of_birth", TODAY - timedelta(days=7000)),
            ethnicity="WBRI",
            religion="None",
            language="British Sign Language",
            interpreter_needed="yes",
            learning_disability="no",
            care_leaver="yes",
            whereabouts_unknown="on",
            **date_fields("counselling_offered_on", TODAY - timedelta(days=1)),
        ),
    )
    assert response.status_code == 302
    member = child.family_members.get()
    assert member.language == "British Sign Language"
    assert member.interpreter_needed == "yes"
    assert member.advocacy_needed == YesNoUnknown.UNKNOWN  # not answered: not known
    assert member.whereabouts_unknown is True
    assert member.party_to_proceedings is False
    page = client_for(social_worker).get(reverse("children:record", args=[child.pk]))
    html = page.content.decode()
    assert "British Sign Language" in html
    assert "Needs an interpreter" in html
    assert "Whereabouts not known" in html


def test_the_form_refuses_a_future_birth_and_keeps_what_was_typed(
    client_for, child, social_worker
):
    response = client_for(social_worker).post(
        reverse("children:family_member_add", args=[child.pk]),
        member_data(
            **date_fields("date_of_birth", TODAY + timedelta(days=3)),
            language="Romanian",
            care_leaver="yes",
            religion="x" * 101,
        ),
    )
    html = response.content.decode()
    assert field_error(html, "date_of_birth", "Date of birth must be in the past")
    assert field_error(html, "religion", "Religion or belief must be 100 characters or fewer")
    assert input_value(html, "language") == "Romanian"
    assert checked_value(html, "care_leaver") == "yes"
    assert not FamilyMember.objects.exists()
