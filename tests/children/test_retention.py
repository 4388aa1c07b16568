"""Retention follows the outcome (LAW.md "Records and words"): the dates, and the review
recorded when the period ends."""

from datetime import date

import pytest
import time_machine
from django.core.exceptions import ValidationError
from django.urls import reverse

from accounts.models import Role
from children import services
from children.models import OrderKind, RetentionDecision, RetentionReview
from children.retention import retention_until
from tests.children.factories import ChildFactory, CourtOrderFactory
from tests.helpers import date_fields, error_summary, textarea_value


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
