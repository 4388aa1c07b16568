"""Retention follows the outcome (LAW.md "Records and words"): the dates, and the review
recorded when the period ends."""

from datetime import date, timedelta

import pytest
import time_machine
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse

from accounts.models import Role
from children import services
from children.models import Child, OrderKind, RetentionDecision, RetentionReview
from children.retention import retention_until
from children.selectors.retention import retention_for
from tests.children.factories import ChildFactory, CourtOrderFactory, UnbornChildFactory
from tests.helpers import (
    TODAY,
    date_fields,
    error_summary,
    field_error,
    input_value,
    textarea_value,
)


def test_a_looked_after_childs_record_is_kept_until_the_75th_birthday():
    retention = retention_until(date_of_birth=date(2026, 11, 2))
    assert retention.until == date(2101, 11, 2)  # CPR reg 50
    assert "75th birthday" in retention.basis


def test_a_child_who_dies_before_18_has_the_record_kept_15_years_after_death():
    retention = retention_until(date_of_birth=date(2026, 11, 2), died_on=date(2030, 6, 1))
    assert retention.until == date(2045, 6, 1)  # CPR reg 50
    # dying at 18 or older: the 75th birthday still applies
    assert retention_until(date_of_birth=date(2000, 1, 1), died_on=date(2019, 1, 1)).until == date(
        2075, 1, 1
    )


def test_an_adopted_childs_adoption_record_is_kept_100_years_from_the_adoption_order():
    retention = retention_until(
        date_of_birth=date(2026, 11, 2), adoption_order_on=date(2028, 2, 29)
    )
    assert retention.until == date(2128, 2, 29)
    assert "adoption order" in retention.basis


def test_an_unborn_babys_retention_is_set_at_birth():
    assert retention_until(date_of_birth=None).until is None


@pytest.fixture
def manager(make_user, own_team):
    return make_user(Role.TEAM_MANAGER, team=own_team)


@pytest.fixture
def old_record(own_team):
    return ChildFactory(
        responsible_authority=own_team.organisation,
        team=own_team,
        date_of_birth=date(1950, 3, 14),
        identified_on=date(1950, 4, 1),
    )


def test_the_record_shows_until_when_it_is_kept(client_for, manager, own_team):
    child = ChildFactory(
        responsible_authority=own_team.organisation, team=own_team, date_of_birth=date(2026, 9, 1)
    )
    CourtOrderFactory(child=child, kind=OrderKind.ADOPTION, made_on=date(2027, 9, 1))
    page = client_for(manager).get(reverse("children:record", args=[child.pk])).content.decode()
    assert "1 September 2127" in page
    assert "100 years from the adoption order" in page
    assert "Record a retention review" not in page  # the period has not ended


@time_machine.travel(date(2026, 11, 23), tick=False)
def test_a_manager_records_the_review_once_the_period_has_ended(client_for, manager, old_record):
    client = client_for(manager)
    page = client.get(reverse("children:record", args=[old_record.pk])).content.decode()
    assert "14 March 2025" in page
    assert "Retention review due" in page
    response = client.post(
        reverse("children:retention_review", args=[old_record.pk]),
        {
            "decision": RetentionDecision.ANONYMISE,
            "reason": "No open request for access",
            **date_fields("reviewed_on", date(2026, 11, 20)),
        },
    )
    assert response.status_code == 302
    review = RetentionReview.objects.get(child=old_record)
    assert review.decision == RetentionDecision.ANONYMISE
    assert review.created_by == manager
    old_record.refresh_from_db()  # nothing is deleted automatically
    page = client.get(reverse("children:record", args=[old_record.pk])).content.decode()
    assert "Anonymise the record" in page


@time_machine.travel(date(2026, 11, 23), tick=False)
def test_a_record_is_not_reviewed_before_its_period_ends(client_for, manager, own_team):
    child = ChildFactory(
        responsible_authority=own_team.organisation, team=own_team, date_of_birth=date(2026, 9, 1)
    )
    response = client_for(manager).post(
        reverse("children:retention_review", args=[child.pk]),
        {
            "decision": RetentionDecision.DELETE,
            "reason": "Kept reason",
            **date_fields("reviewed_on", date(2026, 11, 20)),
        },
    )
    html = response.content.decode()
    assert (
        "The record must be kept until 1 September 2101: it can be reviewed from that date"
        in error_summary(html)
    )
    assert textarea_value(html, "reason") == "Kept reason"
    assert not RetentionReview.objects.exists()


@time_machine.travel(date(2026, 11, 23), tick=False)
def test_keeping_a_record_longer_needs_a_date_and_sets_the_next_review(manager, old_record):
    with pytest.raises(ValidationError) as error:
        services.retention_review_record(
            child=old_record,
            reviewed_on=date(2026, 11, 20),
            decision=RetentionDecision.KEEP,
            reason="A sibling's adoption is in progress",
            by=manager,
        )
    assert error.value.message_dict == {"keep_until": ["Enter the date to keep the record until"]}
    services.retention_review_record(
        child=old_record,
        reviewed_on=date(2026, 11, 20),
        decision=RetentionDecision.KEEP,
        keep_until=date(2027, 11, 20),
        reason="A sibling's adoption is in progress",
        by=manager,
    )
    from children.selectors.retention import retention_for

    assert retention_for(old_record).until == date(2027, 11, 20)


def test_only_a_team_manager_records_a_retention_review(client_for, social_worker, old_record):
    url = reverse("children:retention_review", args=[old_record.pk])
    assert client_for(social_worker).get(url).status_code == 403


# LAW.md "Records and words" (CPR reg 50(2)(b)): a child who dies before 18 has the record kept
# 15 years after the death; the date of death is recorded on the child's details


def _edit_data(child, **overrides):
    data = {
        "legal_name": child.legal_name,
        "known_as": "",
        "sex": child.sex,
        "ethnicity": child.ethnicity,
        "religion": "",
        "first_language": "",
        "disability": child.disability,
        "health_needs": "",
        "la_child_id": child.la_child_id,
        "route": child.route,
        "team": str(child.team_id),
        "social_worker": "",
        "iro": "",
        "referred_to": "",
        **date_fields("expected_delivery_date", child.expected_delivery_date),
        **date_fields("date_of_birth", child.date_of_birth),
        **date_fields("date_of_death", None),
        **date_fields("identified_on", child.identified_on),
    }
    data.update(overrides)
    return data


@pytest.fixture
def born_2025(own_team):
    return ChildFactory(
        responsible_authority=own_team.organisation,
        team=own_team,
        date_of_birth=date(2025, 1, 1),
        identified_on=date(2025, 1, 2),
    )


@time_machine.travel(TODAY, tick=False)
def test_a_death_before_18_recorded_on_the_details_keeps_the_record_15_years(
    client_for, manager, born_2025
):
    # LAW.md's worked example: born 1 January 2025, died 1 June 2026 → kept until 1 June 2041
    client = client_for(manager)
    page = client.get(reverse("children:record", args=[born_2025.pk])).content.decode()
    assert "Date of death" not in page  # shown only when recorded
    assert "1 January 2100" in page  # the 75th birthday until then
    response = client.post(
        reverse("children:edit", args=[born_2025.pk]),
        _edit_data(born_2025, **date_fields("date_of_death", date(2026, 6, 1))),
    )
    assert response.status_code == 302
    born_2025.refresh_from_db()
    assert born_2025.date_of_death == date(2026, 6, 1)
    retention = retention_for(born_2025)
    assert retention.until == date(2041, 6, 1)
    page = client.get(reverse("children:record", args=[born_2025.pk])).content.decode()
    assert "Date of death</dt>" in page
    assert "1 June 2026" in page
    assert "1 June 2041" in page
    assert "15 years after the child&#x27;s death before the age of 18 (CPR reg 50)" in page


@pytest.mark.parametrize(
    ("died_on", "message"),
    [
        (TODAY + timedelta(days=1), "Date of death must be today or in the past"),
        (date(2024, 12, 31), "Date of death must be on or after the date of birth"),
    ],
)
@time_machine.travel(TODAY, tick=False)
def test_a_date_of_death_in_the_future_or_before_the_birth_is_refused(
    client_for, manager, born_2025, died_on, message
):
    response = client_for(manager).post(
        reverse("children:edit", args=[born_2025.pk]),
        _edit_data(born_2025, **date_fields("date_of_death", died_on)),
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert field_error(html, "date_of_death", message)
    assert input_value(html, "date_of_death_0") == str(died_on.day)  # what was typed is kept
    assert input_value(html, "date_of_death_2") == str(died_on.year)
    born_2025.refresh_from_db()
    assert born_2025.date_of_death is None  # nothing saved


@time_machine.travel(TODAY, tick=False)
def test_an_unborn_baby_has_no_date_of_death(client_for, manager, own_team):
    baby = UnbornChildFactory(responsible_authority=own_team.organisation, team=own_team)
    response = client_for(manager).post(
        reverse("children:edit", args=[baby.pk]),
        _edit_data(baby, **date_fields("date_of_death", TODAY - timedelta(days=1))),
    )
    html = response.content.decode()
    assert field_error(html, "date_of_death", "Enter the date of birth before the date of death")
    baby.refresh_from_db()
    assert baby.date_of_death is None


def test_the_service_refuses_a_death_before_the_birth(manager, born_2025):
    with pytest.raises(ValidationError) as error:
        services.child_update(child=born_2025, by=manager, date_of_death=date(2024, 6, 1))
    assert error.value.message_dict["date_of_death"] == [
        "Date of death must be on or after the date of birth"
    ]
    born_2025.refresh_from_db()
    assert born_2025.date_of_death is None


def test_the_database_refuses_a_death_before_the_birth(born_2025):
    with pytest.raises(IntegrityError), transaction.atomic():
        Child.objects.filter(pk=born_2025.pk).update(date_of_death=date(2024, 6, 1))


def test_a_new_child_is_added_without_a_date_of_death(client_for, manager):
    page = client_for(manager).get(reverse("children:create")).content.decode()
    assert "date_of_death" not in page
