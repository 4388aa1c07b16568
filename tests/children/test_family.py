"""The birth family network: people, viability assessments and paternity tests (Std 2.2, 2.5)."""

from datetime import date, timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from accounts.models import Role
from children import services
from children.models import (
    FamilyMember,
    PaternityResult,
    PaternityTest,
    Relationship,
    ViabilityAssessment,
    ViabilityOutcome,
)
from tests.accounts.factories import TeamFactory, UserFactory
from tests.children.factories import (
    ChildFactory,
    FamilyMemberFactory,
    PaternityTestFactory,
    ViabilityAssessmentFactory,
)
from tests.helpers import TODAY, checked_value, date_fields, field_error, input_value

pytestmark = pytest.mark.usefixtures("_frozen_today")


@pytest.fixture
def child(own_org, own_team, social_worker):
    return ChildFactory(responsible_authority=own_org, team=own_team, social_worker=social_worker)


@pytest.fixture
def mother(child):
    return FamilyMemberFactory(
        child=child,
        name="Amy Parent",
        relationship=Relationship.MOTHER,
        address="1 High Street, Northmoor",
        phone="07700 900123",
        email="amy@example.invalid",
    )


@pytest.fixture
def alleged_father(child):
    return FamilyMemberFactory(
        child=child, name="Ben Other", relationship=Relationship.ALLEGED_FATHER
    )


@pytest.fixture
def iro(make_user, own_team):
    return make_user(Role.IRO, team=own_team)


@pytest.fixture
def outsider(make_user, own_org):
    """A social worker of the same authority, in another team: may edit, not see contacts."""
    return make_user(Role.SOCIAL_WORKER, team=TeamFactory(organisation=own_org))


@pytest.fixture
def other_org_worker(make_user, other_team):
    return make_user(Role.SOCIAL_WORKER, team=other_team)


def viability_data(member, **overrides) -> dict:
    data = {
        "family_member": str(member.pk),
        **date_fields("requested_on", TODAY - timedelta(days=10)),
        **date_fields("due_on", TODAY + timedelta(days=18)),
        **date_fields("completed_on", None),
        "outcome": ViabilityOutcome.PENDING,
        "assessor": "Kinship assessment team",
        "summary": "",
    }
    data.update(overrides)
    return data


def paternity_data(father, **overrides) -> dict:
    data = {
        "alleged_father": str(father.pk),
        **date_fields("requested_on", TODAY - timedelta(days=5)),
        "result": PaternityResult.PENDING,
        **date_fields("result_on", None),
    }
    data.update(overrides)
    return data


def member_data(**overrides) -> dict:
    data = {
        "name": "Carol Parent",
        "relationship": Relationship.GRANDPARENT,
        "relationship_detail": "Maternal grandmother",
        "parental_responsibility": "no",
        "legal_representative": "",
        "address": "2 Mill Lane, Northmoor",
        "phone": "",
        "email": "",
        **date_fields("ep_information_given_on", TODAY - timedelta(days=2)),
        "notes": "",
    }
    data.update(overrides)
    return data


# --- services --------------------------------------------------------------------------------


def test_family_member_add_records_who_added_them(child, social_worker):
    member = services.family_member_add(
        child=child,
        by=social_worker,
        name="Carol Parent",
        relationship=Relationship.GRANDPARENT,
        ep_information_given_on=TODAY,
    )
    assert member.child == child
    assert member.created_by == social_worker
    assert member.history.first().history_user == social_worker


def test_family_member_update_is_in_the_history_with_who_changed_it(mother, social_worker):
    services.family_member_update(member=mother, by=social_worker, legal_representative="Law LLP")
    mother.refresh_from_db()
    assert mother.legal_representative == "Law LLP"
    latest = mother.history.first()
    assert latest.history_type == "~"
    assert latest.history_user == social_worker
    assert latest.legal_representative == "Law LLP"


def test_family_member_update_refuses_unknown_fields(mother, social_worker):
    with pytest.raises(TypeError):
        services.family_member_update(member=mother, by=social_worker, child=None)


def test_family_member_archive_keeps_the_record(mother, social_worker):
    services.family_member_archive(member=mother, by=social_worker)
    mother.refresh_from_db()
    assert mother.archived_at is not None
    assert FamilyMember.objects.filter(pk=mother.pk).exists()
    assert mother.history.first().history_user == social_worker


def test_family_member_add_refuses_a_future_information_date(child, social_worker):
    with pytest.raises(ValidationError) as error:
        services.family_member_add(
            child=child,
            by=social_worker,
            name="Carol Parent",
            relationship=Relationship.GRANDPARENT,
            ep_information_given_on=TODAY + timedelta(days=1),
        )
    assert error.value.message_dict == {
        "ep_information_given_on": [
            "Date information about early permanence was given must be today or in the past"
        ]
    }


def test_an_iro_may_not_change_the_family_network(child, iro):
    with pytest.raises(PermissionDenied):
        services.family_member_add(
            child=child, by=iro, name="Carol Parent", relationship=Relationship.GRANDPARENT
        )


@pytest.mark.parametrize(
    ("dates", "field", "message"),
    [
        (
            {"requested_on": TODAY - timedelta(days=3), "due_on": TODAY - timedelta(days=4)},
            "due_on",
            "Due date must be on or after the date requested",
        ),
        (
            {
                "requested_on": TODAY - timedelta(days=3),
                "due_on": TODAY,
                "completed_on": TODAY - timedelta(days=5),
                "outcome": ViabilityOutcome.NEGATIVE,
            },
            "completed_on",
            "Date completed must be on or after the date requested",
        ),
        (
            {
                "requested_on": TODAY - timedelta(days=3),
                "due_on": TODAY,
                "outcome": ViabilityOutcome.POSITIVE,
            },
            "completed_on",
            "Enter the date the assessment was completed",
        ),
        (
            {"requested_on": TODAY + timedelta(days=1), "due_on": TODAY + timedelta(days=9)},
            "requested_on",
            "Date requested must be today or in the past",
        ),
        (
            {
                "requested_on": TODAY - timedelta(days=3),
                "due_on": TODAY,
                "completed_on": TODAY + timedelta(days=1),
                "outcome": ViabilityOutcome.POSITIVE,
            },
            "completed_on",
            "Date completed must be today or in the past",
        ),
    ],
)
def test_viability_assessment_add_refuses(child, mother, social_worker, dates, field, message):
    with pytest.raises(ValidationError) as error:
        services.viability_assessment_add(
            child=child, by=social_worker, family_member=mother, **dates
        )
    assert error.value.message_dict[field] == [message]
    assert not ViabilityAssessment.objects.exists()


def test_viability_assessment_of_another_childs_family_member_is_refused(
    child, social_worker, own_org, own_team
):
    stranger = FamilyMemberFactory(
        child=ChildFactory(responsible_authority=own_org, team=own_team)
    )
    with pytest.raises(ValidationError) as error:
        services.viability_assessment_add(
            child=child,
            by=social_worker,
            family_member=stranger,
            requested_on=TODAY,
            due_on=TODAY + timedelta(days=28),
        )
    assert error.value.message_dict == {
        "family_member": ["Select a family member from this child's network"]
    }


def test_viability_assessment_update_records_the_outcome(child, mother, social_worker):
    assessment = ViabilityAssessmentFactory(child=child, family_member=mother)
    services.viability_assessment_update(
        assessment=assessment,
        by=social_worker,
        completed_on=TODAY,
        outcome=ViabilityOutcome.NEGATIVE,
    )
    assessment.refresh_from_db()
    assert assessment.outcome == ViabilityOutcome.NEGATIVE
    assert assessment.history.first().history_user == social_worker


def test_paternity_test_must_be_of_an_alleged_or_possible_father(child, mother, social_worker):
    with pytest.raises(ValidationError) as error:
        services.paternity_test_add(
            child=child, by=social_worker, alleged_father=mother, requested_on=TODAY
        )
    assert error.value.message_dict == {
        "alleged_father": ["Choose the alleged or possible father"]
    }


def test_paternity_test_of_another_childs_father_is_refused(
    child, social_worker, own_org, own_team
):
    other_father = FamilyMemberFactory(
        child=ChildFactory(responsible_authority=own_org, team=own_team),
        relationship=Relationship.ALLEGED_FATHER,
    )
    with pytest.raises(ValidationError) as error:
        services.paternity_test_add(
            child=child, by=social_worker, alleged_father=other_father, requested_on=TODAY
        )
    assert error.value.message_dict == {
        "alleged_father": ["Select a family member from this child's network"]
    }
    assert not PaternityTest.objects.exists()


@pytest.mark.parametrize(
    ("fields", "field", "message"),
    [
        ({"result": PaternityResult.EXCLUDED}, "result_on", "Enter the date of the result"),
        (
            {"result": PaternityResult.CONFIRMED, "result_on": TODAY + timedelta(days=1)},
            "result_on",
            "Date of the result must be today or in the past",
        ),
        (
            {"result": PaternityResult.CONFIRMED, "result_on": TODAY - timedelta(days=30)},
            "result_on",
            "Date of the result must be on or after the date requested",
        ),
    ],
)
def test_paternity_test_update_refuses(alleged_father, social_worker, fields, field, message):
    test = PaternityTestFactory(alleged_father=alleged_father)
    with pytest.raises(ValidationError) as error:
        services.paternity_test_update(test=test, by=social_worker, **fields)
    assert error.value.message_dict[field] == [message]


def test_paternity_test_keeps_its_father_when_the_network_is_corrected(
    alleged_father, social_worker
):
    test = PaternityTestFactory(alleged_father=alleged_father)
    services.family_member_update(
        member=alleged_father, by=social_worker, relationship=Relationship.CONNECTED_PERSON
    )
    services.paternity_test_update(
        test=test, by=social_worker, result=PaternityResult.EXCLUDED, result_on=TODAY
    )
    test.refresh_from_db()
    assert test.result == PaternityResult.EXCLUDED
    assert test.history.first().history_user == social_worker


# --- family member pages ---------------------------------------------------------------------


def test_social_worker_adds_a_family_member(client_for, child, social_worker):
    response = client_for(social_worker).post(
        reverse("children:family_member_add", args=[child.pk]), member_data()
    )
    assert response.status_code == 302
    assert response["Location"] == reverse("children:record", args=[child.pk]) + "#family"
    member = child.family_members.get()
    assert member.name == "Carol Parent"
    assert member.ep_information_given_on == TODAY - timedelta(days=2)
    assert member.history.first().history_user == social_worker


def test_family_member_form_asks_for_name_and_relationship(client_for, child, social_worker):
    response = client_for(social_worker).post(
        reverse("children:family_member_add", args=[child.pk]),
        member_data(name="", relationship="", relationship_detail="Maternal aunt"),
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert field_error(html, None, "Enter the family member&#x27;s name")
    assert field_error(html, None, "Select their relationship to the child")
    assert input_value(html, "relationship_detail") == "Maternal aunt"
    assert not FamilyMember.objects.exists()


def test_family_member_form_refuses_a_future_information_date_and_keeps_it(
    client_for, child, social_worker
):
    tomorrow = TODAY + timedelta(days=1)
    response = client_for(social_worker).post(
        reverse("children:family_member_add", args=[child.pk]),
        member_data(**date_fields("ep_information_given_on", tomorrow)),
    )
    html = response.content.decode()
    assert field_error(
        html,
        None,
        "Date information about early permanence was given must be today or in the past",
    )
    assert input_value(html, "ep_information_given_on_0") == str(tomorrow.day)
    assert input_value(html, "ep_information_given_on_2") == str(tomorrow.year)
    assert input_value(html, "name") == "Carol Parent"
    assert not FamilyMember.objects.exists()


def test_family_member_form_refuses_an_email_in_the_wrong_format(client_for, child, social_worker):
    response = client_for(social_worker).post(
        reverse("children:family_member_add", args=[child.pk]), member_data(email="carol@")
    )
    html = response.content.decode()
    assert field_error(
        html, None, "Enter an email address in the correct format, like name@example.com"
    )
    assert input_value(html, "email") == "carol@"


def test_social_worker_changes_a_family_member(client_for, child, mother, social_worker):
    response = client_for(social_worker).post(
        reverse("children:family_member_edit", args=[child.pk, mother.pk]),
        member_data(
            name="Amy Parent",
            relationship=Relationship.MOTHER,
            parental_responsibility="yes",
            legal_representative="Smith & Co Solicitors",
        ),
    )
    assert response.status_code == 302
    mother.refresh_from_db()
    assert mother.legal_representative == "Smith & Co Solicitors"
    assert mother.history.first().history_user == social_worker


def test_an_iro_may_not_add_a_family_member(client_for, child, iro):
    response = client_for(iro).get(reverse("children:family_member_add", args=[child.pk]))
    assert response.status_code == 403
    response = client_for(iro).post(
        reverse("children:family_member_add", args=[child.pk]), member_data()
    )
    assert response.status_code == 403
    assert not FamilyMember.objects.exists()


@pytest.mark.parametrize(
    "url_name",
    ["children:family_member_add", "children:viability_add", "children:paternity_add"],
)
def test_another_organisation_gets_404_on_adding(client_for, child, other_org_worker, url_name):
    client = client_for(other_org_worker)
    assert client.get(reverse(url_name, args=[child.pk])).status_code == 404
    assert client.post(reverse(url_name, args=[child.pk]), member_data()).status_code == 404


def test_another_organisation_gets_404_on_editing(
    client_for, child, mother, alleged_father, other_org_worker
):
    assessment = ViabilityAssessmentFactory(family_member=mother)
    test = PaternityTestFactory(alleged_father=alleged_father)
    client = client_for(other_org_worker)
    for url in [
        reverse("children:family_member_edit", args=[child.pk, mother.pk]),
        reverse("children:family_member_archive", args=[child.pk, mother.pk]),
        reverse("children:viability_edit", args=[child.pk, assessment.pk]),
        reverse("children:paternity_edit", args=[child.pk, test.pk]),
    ]:
        assert client.get(url).status_code == 404, url
        assert client.post(url, member_data()).status_code == 404, url
    mother.refresh_from_db()
    assert mother.name == "Amy Parent"
    assert mother.archived_at is None


def test_another_childs_records_answer_404_through_this_childs_pages(
    client_for, child, social_worker, own_org, own_team
):
    sibling = ChildFactory(responsible_authority=own_org, team=own_team)
    member = FamilyMemberFactory(child=sibling, relationship=Relationship.ALLEGED_FATHER)
    assessment = ViabilityAssessmentFactory(family_member=member)
    test = PaternityTestFactory(alleged_father=member)
    client = client_for(social_worker)
    for url in [
        reverse("children:family_member_edit", args=[child.pk, member.pk]),
        reverse("children:family_member_archive", args=[child.pk, member.pk]),
        reverse("children:viability_edit", args=[child.pk, assessment.pk]),
        reverse("children:paternity_edit", args=[child.pk, test.pk]),
    ]:
        assert client.get(url).status_code == 404, url
    # the record is reachable through its own child
    url = reverse("children:family_member_edit", args=[sibling.pk, member.pk])
    assert client.get(url).status_code == 200


def test_archiving_a_family_member_hides_them_from_the_record(
    client_for, child, mother, social_worker
):
    client = client_for(social_worker)
    url = reverse("children:family_member_archive", args=[child.pk, mother.pk])
    confirm = client.get(url)
    assert confirm.status_code == 200
    assert "Are you sure you want to archive Amy Parent?" in confirm.content.decode()

    response = client.post(url)
    assert response.status_code == 302
    mother.refresh_from_db()
    assert mother.archived_at is not None
    assert mother.history.first().history_user == social_worker
    record = client.get(reverse("children:record", args=[child.pk])).content.decode()
    assert "Amy Parent has been archived" in record
    record = client.get(reverse("children:record", args=[child.pk])).content.decode()
    assert "Amy Parent" not in record
    # archived, so no longer changeable through the pages
    assert client.get(url).status_code == 404


def test_the_record_lists_the_family_network(client_for, child, mother, alleged_father, iro):
    mother.ep_information_given_on = TODAY - timedelta(days=20)
    mother.legal_representative = "Smith & Co Solicitors"
    mother.save()
    ViabilityAssessmentFactory(
        family_member=mother,
        requested_on=TODAY - timedelta(days=40),
        due_on=TODAY - timedelta(days=1),
    )
    PaternityTestFactory(alleged_father=alleged_father, directed_by_court=True)
    html = client_for(iro).get(reverse("children:record", args=[child.pk])).content.decode()
    assert "Amy Parent" in html
    assert "Ben Other" in html
    assert "Smith &amp; Co Solicitors" in html
    assert "3 November 2026" in html  # when the mother was given information about EP
    assert 'govuk-tag govuk-tag--red">Overdue' in html
    # the IRO reads the network but does not change it
    assert "Add a family member" not in html
    assert "Add a viability assessment" not in html
    assert "Add a paternity test" not in html


def test_the_record_lists_parents_first(client_for, child, mother, alleged_father, iro):
    FamilyMemberFactory(child=child, name="Aaron Grand", relationship=Relationship.GRANDPARENT)
    html = client_for(iro).get(reverse("children:record", args=[child.pk])).content.decode()
    assert html.index("Amy Parent") < html.index("Ben Other") < html.index("Aaron Grand")


def test_the_record_page_query_count_does_not_grow_with_the_network(
    client_for, child, mother, alleged_father, social_worker
):
    client = client_for(social_worker)
    url = reverse("children:record", args=[child.pk])
    client.get(url)  # warm the session and the user's roles
    with CaptureQueriesContext(connection) as few:
        client.get(url)
    for _ in range(4):
        member = FamilyMemberFactory(child=child, relationship=Relationship.ALLEGED_FATHER)
        ViabilityAssessmentFactory(family_member=member)
        PaternityTestFactory(alleged_father=member)
    with CaptureQueriesContext(connection) as many:
        client.get(url)
    assert len(many) == len(few)


def test_the_record_offers_the_editor_the_family_actions(client_for, child, mother, social_worker):
    html = client_for(social_worker).get(reverse("children:record", args=[child.pk]))
    html = html.content.decode()
    for text in ["Add a family member", "Add a viability assessment", "Add a paternity test"]:
        assert text in html
    assert 'Change<span class="govuk-visually-hidden"> Amy Parent</span>' in html


def test_completed_viability_assessment_is_not_overdue(client_for, child, mother, social_worker):
    ViabilityAssessmentFactory(
        family_member=mother,
        requested_on=TODAY - timedelta(days=40),
        due_on=TODAY - timedelta(days=10),
        completed_on=TODAY - timedelta(days=12),
        outcome=ViabilityOutcome.NEGATIVE,
    )
    html = client_for(social_worker).get(reverse("children:record", args=[child.pk]))
    assert "Overdue" not in html.content.decode()


def test_contact_details_are_shown_to_the_childs_team(client_for, child, mother, social_worker):
    html = client_for(social_worker).get(reverse("children:record", args=[child.pk]))
    html = html.content.decode()
    assert "1 High Street, Northmoor" in html
    assert "07700 900123" in html
    assert "amy@example.invalid" in html


def test_contact_details_are_hidden_outside_the_childs_team(client_for, child, mother, outsider):
    client = client_for(outsider)
    html = client.get(reverse("children:record", args=[child.pk])).content.decode()
    assert "Amy Parent" in html
    for detail in ["1 High Street, Northmoor", "07700 900123", "amy@example.invalid"]:
        assert detail not in html
    # nor in the edit form they may use, and saving it leaves the details as they were
    url = reverse("children:family_member_edit", args=[child.pk, mother.pk])
    form = client.get(url).content.decode()
    assert "1 High Street" not in form
    assert input_value(form, "phone") is None
    response = client.post(
        url,
        member_data(
            name="Amy Parent", relationship=Relationship.MOTHER, address="", phone="", email=""
        ),
    )
    assert response.status_code == 302
    mother.refresh_from_db()
    assert mother.address == "1 High Street, Northmoor"
    assert mother.phone == "07700 900123"


# --- viability assessment pages --------------------------------------------------------------


def test_social_worker_adds_a_viability_assessment(client_for, child, mother, social_worker):
    response = client_for(social_worker).post(
        reverse("children:viability_add", args=[child.pk]), viability_data(mother)
    )
    assert response.status_code == 302
    assessment = child.viability_assessments.get()
    assert assessment.family_member == mother
    assert assessment.due_on == TODAY + timedelta(days=18)
    assert assessment.history.first().history_user == social_worker


def test_viability_form_asks_for_what_is_missing(client_for, child, mother, social_worker):
    response = client_for(social_worker).post(
        reverse("children:viability_add", args=[child.pk]),
        viability_data(
            mother,
            family_member="",
            **date_fields("requested_on", None),
            **date_fields("due_on", None),
        ),
    )
    html = response.content.decode()
    assert field_error(html, None, "Select the family member being assessed")
    assert field_error(html, None, "Enter the date of the request")
    assert field_error(html, None, "Enter the date the assessment is due")
    assert input_value(html, "assessor") == "Kinship assessment team"


@pytest.mark.parametrize(
    ("overrides", "message", "kept"),
    [
        (
            {
                **date_fields("requested_on", date(2026, 11, 10)),
                **date_fields("due_on", date(2026, 11, 9)),
            },
            "Due date must be on or after the date requested",
            {"due_on_0": "9", "due_on_1": "11", "due_on_2": "2026"},
        ),
        (
            {
                **date_fields("requested_on", date(2026, 11, 10)),
                **date_fields("completed_on", date(2026, 11, 8)),
                "outcome": ViabilityOutcome.NEGATIVE,
            },
            "Date completed must be on or after the date requested",
            {"completed_on_0": "8", "completed_on_1": "11", "outcome": "negative"},
        ),
        (
            {"outcome": ViabilityOutcome.WITHDRAWN},
            "Enter the date the assessment was completed",
            {"outcome": "withdrawn"},
        ),
        (
            {**date_fields("requested_on", date(2026, 11, 24))},
            "Date requested must be today or in the past",
            {"requested_on_0": "24", "requested_on_2": "2026"},
        ),
        (
            {
                **date_fields("completed_on", date(2026, 11, 30)),
                "outcome": ViabilityOutcome.POSITIVE,
            },
            "Date completed must be today or in the past",
            {"completed_on_0": "30", "outcome": "positive"},
        ),
    ],
)
def test_viability_form_refuses_and_keeps_what_was_typed(
    client_for, child, mother, social_worker, overrides, message, kept
):
    response = client_for(social_worker).post(
        reverse("children:viability_add", args=[child.pk]),
        viability_data(mother, summary="Grandmother keen to be assessed", **overrides),
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert field_error(html, None, message)
    for name, value in kept.items():
        if name == "outcome":
            assert checked_value(html, name) == value
        else:
            assert input_value(html, name) == value, name
    assert "Grandmother keen to be assessed" in html
    assert checked_value(html, "family_member") == str(mother.pk)
    assert not ViabilityAssessment.objects.exists()


def test_viability_form_offers_only_this_childs_family(
    client_for, child, mother, social_worker, own_org, own_team
):
    stranger = FamilyMemberFactory(
        child=ChildFactory(responsible_authority=own_org, team=own_team), name="Dan Stranger"
    )
    archived = FamilyMemberFactory(child=child, name="Eve Archived")
    services.family_member_archive(member=archived, by=social_worker)
    client = client_for(social_worker)
    url = reverse("children:viability_add", args=[child.pk])
    form = client.get(url).content.decode()
    assert "Amy Parent" in form
    assert "Dan Stranger" not in form
    assert "Eve Archived" not in form

    response = client.post(url, viability_data(stranger))
    html = response.content.decode()
    assert field_error(html, None, "Select a family member from this child&#x27;s network")
    assert input_value(html, "assessor") == "Kinship assessment team"
    assert not ViabilityAssessment.objects.exists()


def test_social_worker_records_a_viability_outcome(client_for, child, mother, social_worker):
    assessment = ViabilityAssessmentFactory(family_member=mother)
    url = reverse("children:viability_edit", args=[child.pk, assessment.pk])
    client = client_for(social_worker)
    assert client.get(url).status_code == 200
    response = client.post(
        url,
        viability_data(
            mother,
            **date_fields("requested_on", assessment.requested_on),
            **date_fields("due_on", assessment.due_on),
            **date_fields("completed_on", TODAY),
            outcome=ViabilityOutcome.POSITIVE,
        ),
    )
    assert response.status_code == 302
    assessment.refresh_from_db()
    assert assessment.outcome == ViabilityOutcome.POSITIVE
    assert assessment.completed_on == TODAY
    assert assessment.history.first().history_user == social_worker


def test_an_iro_may_not_add_a_viability_assessment(client_for, child, mother, iro):
    response = client_for(iro).post(
        reverse("children:viability_add", args=[child.pk]), viability_data(mother)
    )
    assert response.status_code == 403
    assert not ViabilityAssessment.objects.exists()


# --- paternity test pages --------------------------------------------------------------------


def test_social_worker_adds_a_paternity_test(client_for, child, alleged_father, social_worker):
    response = client_for(social_worker).post(
        reverse("children:paternity_add", args=[child.pk]),
        paternity_data(alleged_father, directed_by_court="on"),
    )
    assert response.status_code == 302
    test = child.paternity_tests.get()
    assert test.alleged_father == alleged_father
    assert test.directed_by_court is True
    assert test.history.first().history_user == social_worker


def test_paternity_form_offers_only_fathers_and_refuses_anyone_else(
    client_for, child, mother, alleged_father, social_worker
):
    client = client_for(social_worker)
    url = reverse("children:paternity_add", args=[child.pk])
    form = client.get(url).content.decode()
    assert "Ben Other" in form
    assert "Amy Parent" not in form

    response = client.post(
        url, paternity_data(mother, **date_fields("requested_on", date(2026, 11, 20)))
    )
    html = response.content.decode()
    assert field_error(html, None, "Choose the alleged or possible father")
    assert input_value(html, "requested_on_0") == "20"
    assert not PaternityTest.objects.exists()


@pytest.mark.parametrize(
    ("overrides", "message", "kept"),
    [
        (
            {"result": PaternityResult.CONFIRMED},
            "Enter the date of the result",
            {"result": "confirmed"},
        ),
        (
            {**date_fields("requested_on", date(2026, 12, 1))},
            "Date requested must be today or in the past",
            {"requested_on_0": "1", "requested_on_1": "12"},
        ),
        (
            {
                **date_fields("result_on", date(2026, 11, 25)),
                "result": PaternityResult.EXCLUDED,
            },
            "Date of the result must be today or in the past",
            {"result_on_0": "25", "result": "excluded"},
        ),
    ],
)
def test_paternity_form_refuses_and_keeps_what_was_typed(
    client_for, child, alleged_father, social_worker, overrides, message, kept
):
    response = client_for(social_worker).post(
        reverse("children:paternity_add", args=[child.pk]),
        paternity_data(alleged_father, **overrides),
    )
    html = response.content.decode()
    assert field_error(html, None, message)
    for name, value in kept.items():
        if name == "result":
            assert checked_value(html, name) == value
        else:
            assert input_value(html, name) == value, name
    assert not PaternityTest.objects.exists()


def test_social_worker_records_a_paternity_result(
    client_for, child, alleged_father, social_worker
):
    test = PaternityTestFactory(alleged_father=alleged_father)
    response = client_for(social_worker).post(
        reverse("children:paternity_edit", args=[child.pk, test.pk]),
        paternity_data(
            alleged_father,
            **date_fields("requested_on", test.requested_on),
            result=PaternityResult.CONFIRMED,
            **date_fields("result_on", TODAY),
        ),
    )
    assert response.status_code == 302
    test.refresh_from_db()
    assert test.result == PaternityResult.CONFIRMED
    assert test.result_on == TODAY


# --- the admin does not change case records ------------------------------------------------


@pytest.fixture
def superuser_client(db, client):
    client.force_login(UserFactory(organisation=None, is_superuser=True, is_staff=True))
    return client


@pytest.fixture
def case_superuser_client(db, client, own_team):
    """A superuser who is also a social worker of the child's council: the admin shows a case
    record only to a user the pages show it to (tests/children/test_admin_scope.py)."""
    client.force_login(
        UserFactory(
            organisation=own_team.organisation,
            is_superuser=True,
            is_staff=True,
            role=Role.SOCIAL_WORKER,
            role__team=own_team,
        )
    )
    return client


def test_the_admin_shows_case_records_but_never_adds_or_changes_them(
    case_superuser_client, child, mother
):
    """The services are the only way a case changes: the admin is for looking records up."""
    superuser_client = case_superuser_client
    add = superuser_client.post(
        reverse("admin:children_viabilityassessment_add"),
        {
            "child": child.pk,
            "family_member": mother.pk,
            "requested_on": "10/11/2026",
            "due_on": "09/11/2026",
            "outcome": ViabilityOutcome.PENDING,
        },
    )
    assert add.status_code == 403
    assert not ViabilityAssessment.objects.exists()
    change_url = reverse("admin:children_familymember_change", args=[mother.pk])
    page = superuser_client.get(change_url)
    assert page.status_code == 200
    assert mother.name in page.content.decode()
    assert 'name="_save"' not in page.content.decode()
    assert superuser_client.post(change_url, {"name": "Changed"}).status_code == 403
    mother.refresh_from_db()
    assert mother.name != "Changed"


def test_every_case_record_admin_is_read_only(superuser_client):
    from django.contrib import admin as django_admin

    from children.models import PracticeStandardItem, Section20Threshold

    request = superuser_client.get("/").wsgi_request
    reference_data = (PracticeStandardItem, Section20Threshold)  # set by admins, not case records
    for model, model_admin in django_admin.site._registry.items():
        if model._meta.app_label != "children" or model in reference_data:
            continue
        assert not model_admin.has_add_permission(request), model
        assert not model_admin.has_change_permission(request), model
        assert not model_admin.has_delete_permission(request), model
