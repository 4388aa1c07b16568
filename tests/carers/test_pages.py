"""The carers' pages: bad input refused with its GOV.UK message and the typed input kept,
another organisation's household answers 404, the anonymised profile shows no name and no
postcode, and family time workers never see carers."""

from datetime import timedelta

import pytest
from django.urls import reverse

from accounts.models import Role
from carers.models import AdopterApproval, Offer
from tests.carers.factories import build_household, days
from tests.helpers import date_fields, field_error, input_value


@pytest.fixture
def household(ssw):
    return build_household(by=ssw, name="The Quillfield household")


def test_offer_form_refuses_an_age_range_upside_down_and_keeps_the_input(
    client_for, ssw, household
):
    Offer.objects.filter(household=household).delete()
    response = client_for(ssw).post(
        reverse("carers:offer", args=[household.pk]),
        {
            "age_from_months": "12",
            "age_to_months": "3",
            "sexes": "either",
            "sibling_group_size": "1",
            "child_going_home": "yes",
            "meeting_parents": "yes",
            "direct_contact_after_adoption": "yes",
            "identity": "Speaks Polish at home",
        },
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert field_error(
        html, "age_from_months", "Youngest age must be the same as or less than the oldest age"
    )
    assert input_value(html, "age_from_months") == "12"
    assert "Speaks Polish at home" in html
    assert not Offer.objects.filter(household=household).exists()


def test_approval_form_refuses_a_decision_before_the_panel(client_for, ssw, household):
    response = client_for(ssw).post(
        reverse("carers:approval_add", args=[household.pk, "adopter"]),
        {
            "agency": str(household.recruiting_agency_id),
            **date_fields("changed_on", days(-100)),
            **date_fields("stage_one_started_on", None),
            **date_fields("stage_two_started_on", None),
            **date_fields("panel_on", days(-5)),
            **date_fields("decision_on", days(-9)),
        },
    )
    html = response.content.decode()
    assert field_error(
        html, "decision_on", "Date of the decision must be on or after the date of the panel"
    )
    assert input_value(html, "decision_on_0") == str(days(-9).day)
    assert AdopterApproval.objects.filter(household=household).count() == 1


def test_status_form_refuses_approval_without_the_adm_decision(client_for, ssw, household):
    client = client_for(ssw)
    client.post(
        reverse("carers:approval_add", args=[household.pk, "adopter"]),
        {
            "agency": str(household.recruiting_agency_id),
            **date_fields("changed_on", days(-30)),
            **date_fields("stage_one_started_on", None),
            **date_fields("stage_two_started_on", None),
            **date_fields("panel_on", None),
            **date_fields("decision_on", None),
        },
    )
    approval = household.adopter_approvals.order_by("-pk").first()
    response = client.post(
        reverse("carers:approval_status", args=[household.pk, "adopter", approval.pk]),
        {"status": "approved", **date_fields("changed_on", days(-1)), "reason": ""},
    )
    assert "a CPR reg 25A temporary approval depends on it" in response.content.decode()
    approval.refresh_from_db()
    assert approval.status == "in_assessment"


def test_another_organisations_household_answers_404(client_for, household, make_user):
    stranger = make_user(Role.SUPERVISING_SOCIAL_WORKER)
    client = client_for(stranger)
    assert client.get(reverse("carers:record", args=[household.pk])).status_code == 404
    assert client.get(reverse("carers:offer", args=[household.pk])).status_code == 404
    assert "Quillfield" not in client.get(reverse("carers:list")).content.decode()


def test_a_local_authority_family_finder_sees_the_anonymised_profile_only(
    client_for, household, social_worker
):
    client = client_for(social_worker)
    assert client.get(reverse("carers:record", args=[household.pk])).status_code == 404
    listing = client.get(reverse("carers:profiles")).content.decode()
    assert household.reference in listing
    page = client.get(reverse("carers:profile", args=[household.pk])).content.decode()
    assert household.reference in page
    for secret in ("Quillfield", "Testfield", "Applicant0", "NM3"):
        assert secret not in listing
        assert secret not in page


def test_an_unavailable_household_has_no_profile(client_for, ssw, social_worker):
    household = build_household(by=ssw, adopters=False)
    response = client_for(social_worker).get(reverse("carers:profile", args=[household.pk]))
    assert response.status_code == 404


def test_family_time_workers_never_see_carers(client_for, make_user, household):
    worker = make_user(Role.FAMILY_TIME_WORKER, organisation=household.recruiting_agency)
    client = client_for(worker)
    assert client.get(reverse("carers:record", args=[household.pk])).status_code == 404
    assert client.get(reverse("carers:list")).status_code == 403
    assert client.get(reverse("carers:profiles")).status_code == 403


def test_record_page_shows_each_section_and_the_history(client_for, ssw):
    household = build_household(by=ssw, extras=True)
    html = client_for(ssw).get(reverse("carers:record", args=[household.pk])).content.decode()
    for text in (
        "Dual approved",
        "Available",
        "Early permanence preparation",
        "Mentoring",
        "Approval as adopters: approved",
        "Next review due",
    ):
        assert text in html, text
    assert household.access_log.count() == 1


def test_list_filters_by_availability(client_for, ssw):
    build_household(by=ssw, name="The Available household")
    build_household(by=ssw, name="The Assessing household", adopters=False, foster=False)
    client = client_for(ssw)
    html = client.get(reverse("carers:list"), {"availability": "available"}).content.decode()
    assert "The Available household" in html
    assert "The Assessing household" not in html
    html = client.get(reverse("carers:list"), {"dual_only": "on"}).content.decode()
    assert "The Available household" in html


def test_sufficiency_counts_available_households_and_children_waiting(client_for, ssw):
    build_household(by=ssw)
    response = client_for(ssw).get(reverse("carers:sufficiency"))
    assert response.status_code == 200
    html = response.content.decode()
    assert "<svg" in html
    assert "available households" in html
    assert "when the EP journey is in the service" in html
    assert response.context["result"].available == 1


def test_review_form_refuses_a_review_before_the_approval(client_for, ssw, household):
    approval = household.foster_approvals.get()
    response = client_for(ssw).post(
        reverse("carers:approval_review", args=[household.pk, "foster", approval.pk]),
        {
            **date_fields("reviewed_on", approval.decision_on - timedelta(days=3)),
            "outcome": "continue",
            "notes": "First annual review",
        },
    )
    html = response.content.decode()
    assert field_error(
        html, "reviewed_on", "Date of the review must be on or after the date of approval"
    )
    assert "First annual review" in html
    assert not approval.reviews.exists()


def test_applicant_form_refuses_the_first_applicant_typed_again(client_for, ssw, household):
    first = household.applicants.first()
    response = client_for(ssw).post(
        reverse("carers:applicant_edit", args=[household.pk, household.applicants.last().pk]),
        {
            "first_name": first.first_name,
            "last_name": first.last_name,
            **date_fields("date_of_birth", first.date_of_birth),
            "sex": "1",
            "ethnicity": "WBRI",
        },
    )
    html = response.content.decode()
    assert field_error(
        html, "first_name", "The second applicant has the same name and date of birth as the first"
    )
    assert household.applicants.last().first_name != first.first_name


def test_a_local_authority_sees_the_household_only_once_matched(
    client_for, household, social_worker
):
    """Until matching registers the relationship, no local authority sees the household; the
    relationship it will register (carers.extensions.household_visibility) opens it."""
    from carers.extensions import household_visibility
    from carers.models import Household

    client = client_for(social_worker)
    url = reverse("carers:record", args=[household.pk])
    assert client.get(url).status_code == 404

    def matched_with_own_child(user):
        if user.organisation_id != social_worker.organisation_id:
            return None
        return Household.objects.filter(pk=household.pk).values("pk")

    household_visibility.register(matched_with_own_child)
    try:
        assert client.get(url).status_code == 200
    finally:
        household_visibility.unregister(matched_with_own_child)
    assert client.get(url).status_code == 404


def test_a_20_digit_start_date_is_not_a_real_date_on_a_new_approval(client_for, ssw, household):
    """The start date exists only on a new approval (so tests/accounts/test_govuk.py, which
    reads the forms' declared fields, does not see it): checked here the same way."""
    response = client_for(ssw).post(
        reverse("carers:approval_add", args=[household.pk, "foster"]),
        {
            "agency": str(household.recruiting_agency_id),
            "changed_on_0": "1",
            "changed_on_1": "2",
            "changed_on_2": "2" * 20,
        },
    )
    html = response.content.decode()
    assert field_error(
        html, "changed_on", "Date of the start of the assessment must be a real date"
    )
    assert input_value(html, "changed_on_2") == "2" * 20
