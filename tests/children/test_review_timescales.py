"""The statutory review chain (CPR reg 33; AAR reg 36) with LAW.md's worked examples, and where
the record and the IRO's home show it."""

from datetime import date, timedelta

import pytest
import time_machine
from django.core.exceptions import ValidationError
from django.urls import reverse

from accounts.models import Role
from children import services
from children.models import OrderKind
from children.review_timescales import ReviewKind, ordinal, review_timescales
from children.selectors.reviews import looked_after_since
from tests.children.factories import ChildFactory, CourtOrderFactory, LookedAfterReviewFactory
from tests.helpers import date_fields, error_summary

LOOKED_AFTER = date(2026, 12, 18)  # a Friday, before Christmas
FIRST_HELD = date(2027, 1, 31)


# --- the pure chain ----------------------------------------------------------------------------


def test_the_first_review_is_due_within_20_working_days_of_becoming_looked_after():
    chain = review_timescales(looked_after_on=LOOKED_AFTER, held=[])
    (due,) = chain.next_due
    assert due.number == 1
    assert due.due_by == date(2027, 1, 20)  # LAW.md: Fri 18 Dec 2026 → Wed 20 Jan 2027
    assert due.label == "First review due by 20 January 2027"
    assert chain.held == []


def test_the_second_review_is_due_3_months_after_the_first_was_actually_held():
    chain = review_timescales(looked_after_on=LOOKED_AFTER, held=[FIRST_HELD])
    (due,) = chain.next_due
    assert due.label == "Second review due by 30 April 2027"  # LAW.md: 31 Jan → 30 Apr
    (first,) = chain.held
    assert first.due_by == date(2027, 1, 20)
    assert first.in_timescale is False  # held 31 January, due by 20 January


def test_later_reviews_are_every_6_months_from_the_date_actually_held():
    chain = review_timescales(
        looked_after_on=LOOKED_AFTER, held=[date(2027, 1, 15), date(2027, 4, 10)]
    )
    first, second = chain.held
    assert (first.in_timescale, second.in_timescale) == (True, True)
    assert second.due_by == date(2027, 4, 15)  # 3 months after the first as held
    (due,) = chain.next_due
    assert (due.number, due.due_by) == (3, date(2027, 10, 10))
    assert due.label == "Third review due by 10 October 2027"


def test_a_child_not_looked_after_has_no_review_due():
    assert review_timescales(looked_after_on=None, held=[]).next_due == []


def test_adoption_reviews_run_alongside_once_authorised_to_place():
    # AAR reg 36(1): within 3 months of authority to place, then 6-monthly; the looked-after
    # reviews continue
    chain = review_timescales(
        looked_after_on=LOOKED_AFTER,
        held=[date(2027, 1, 15)],
        authorised_to_place_on=date(2027, 3, 1),
    )
    looked_after, adoption = chain.next_due
    assert looked_after.label == "Second review due by 15 April 2027"
    assert adoption.kind == ReviewKind.ADOPTION
    assert adoption.label == "First adoption review due by 1 June 2027"
    chain = review_timescales(
        looked_after_on=LOOKED_AFTER,
        held=[date(2027, 1, 15), date(2027, 4, 1)],
        authorised_to_place_on=date(2027, 3, 1),
    )
    assert [due.label for due in chain.next_due] == [
        "Third review due by 1 October 2027",
        "Second adoption review due by 1 October 2027",
    ]


def test_at_placement_for_adoption_the_adoption_reviews_replace_the_looked_after_reviews():
    # AAR reg 36(3): within 4 weeks of placement, 3 months after the first, then 6-monthly
    chain = review_timescales(
        looked_after_on=LOOKED_AFTER,
        held=[date(2027, 1, 15)],
        authorised_to_place_on=date(2027, 3, 1),
        placed_for_adoption_on=date(2027, 5, 3),
    )
    (due,) = chain.next_due
    assert due.label == "First adoption review due by 31 May 2027"
    chain = review_timescales(
        looked_after_on=LOOKED_AFTER,
        held=[date(2027, 1, 15), date(2027, 5, 20)],
        placed_for_adoption_on=date(2027, 5, 3),
    )
    assert [(r.kind, r.in_timescale) for r in chain.held] == [
        (ReviewKind.LOOKED_AFTER, True),
        (ReviewKind.ADOPTION, True),
    ]
    (due,) = chain.next_due
    assert due.label == "Second adoption review due by 20 August 2027"


def test_ordinals():
    assert [ordinal(n) for n in (1, 2, 12, 13, 21, 22, 23, 111)] == [
        "First",
        "Second",
        "Twelfth",
        "13th",
        "21st",
        "22nd",
        "23rd",
        "111th",
    ]


# --- the record and the IRO's home -------------------------------------------------------------


@pytest.fixture
def iro(make_user, own_team):
    return make_user(Role.IRO, team=own_team, first_name="Ivy", last_name="Reviewer")


@pytest.fixture
def child(own_team, iro):
    return ChildFactory(
        responsible_authority=own_team.organisation,
        team=own_team,
        iro=iro,
        date_of_birth=date(2026, 12, 1),
        looked_after_on=LOOKED_AFTER,
    )


def test_looked_after_since_reads_the_childs_start(child):
    assert looked_after_since(child) == LOOKED_AFTER


@time_machine.travel(date(2027, 2, 10), tick=False)
def test_the_record_shows_the_second_review_due_even_when_none_is_scheduled(
    client_for, iro, child
):
    LookedAfterReviewFactory(child=child, scheduled_on=FIRST_HELD, held_on=FIRST_HELD, chair=iro)
    page = client_for(iro).get(reverse("children:record", args=[child.pk])).content.decode()
    assert "Second review due by 30 April 2027" in page
    assert "Not scheduled" in page
    assert "Out of timescale" in page  # held 31 January, due by 20 January
    assert "Due by 20 January 2027" in page


@time_machine.travel(date(2027, 3, 18), tick=False)
def test_the_iros_home_shows_an_overdue_first_review_three_months_after_becoming_looked_after(
    client_for, iro, child
):
    page = client_for(iro).get(reverse("accounts:home")).content.decode()
    assert "None due" not in page
    assert "First review due by 20 January 2027" in page
    assert "Overdue" in page
    assert "Not scheduled" in page


@time_machine.travel(date(2027, 2, 10), tick=False)
def test_the_iros_home_shows_the_next_review_scheduled_and_its_due_date(client_for, iro, child):
    LookedAfterReviewFactory(child=child, scheduled_on=FIRST_HELD, held_on=FIRST_HELD, chair=iro)
    # due in more than 4 weeks: not on the home page yet
    assert "Second review due" not in (
        client_for(iro).get(reverse("accounts:home")).content.decode()
    )
    with time_machine.travel(date(2027, 4, 10), tick=False):
        LookedAfterReviewFactory(child=child, scheduled_on=date(2027, 4, 28))
        page = client_for(iro).get(reverse("accounts:home")).content.decode()
        assert "Second review due by 30 April 2027" in page
        assert "Scheduled for 28 April 2027" in page


@time_machine.travel(date(2027, 3, 18), tick=False)
def test_a_placement_order_starts_the_adoption_reviews_on_the_record(client_for, iro, child):
    CourtOrderFactory(child=child, kind=OrderKind.PLACEMENT, made_on=date(2027, 3, 1))
    page = client_for(iro).get(reverse("children:record", args=[child.pk])).content.decode()
    assert "First adoption review due by 1 June 2027" in page
    assert "First review due by 20 January 2027" in page


def test_a_review_cannot_be_scheduled_for_a_child_who_is_not_looked_after(
    client_for, social_worker, own_team
):
    child = ChildFactory(responsible_authority=own_team.organisation, team=own_team)
    response = client_for(social_worker).post(
        reverse("children:review_schedule", args=[child.pk]),
        date_fields("scheduled_on", date.today() + timedelta(days=7)),
    )
    assert (
        "You cannot schedule a review until the child is looked after: record the date they "
        "became looked after first" in error_summary(response.content.decode())
    )
    assert not child.reviews.exists()
    with pytest.raises(ValidationError):
        services.review_schedule(
            child=child, scheduled_on=date.today() + timedelta(days=7), by=social_worker
        )


@time_machine.travel(date(2027, 5, 10), tick=False)
def test_a_permanence_plan_not_confirmed_by_the_second_review_is_flagged(client_for, iro, child):
    LookedAfterReviewFactory(
        child=child,
        scheduled_on=date(2027, 1, 15),
        held_on=date(2027, 1, 15),
        chair=iro,
        permanence_plan_confirmed=False,
    )
    page = client_for(iro).get(reverse("children:record", args=[child.pk])).content.decode()
    assert "Expected by the second review" not in page  # the first review: not yet expected
    LookedAfterReviewFactory(
        child=child,
        scheduled_on=date(2027, 4, 10),
        held_on=date(2027, 4, 10),
        chair=iro,
        permanence_plan_confirmed=False,
    )
    page = client_for(iro).get(reverse("children:record", args=[child.pk])).content.decode()
    assert "Expected by the second review" in page


@time_machine.travel(date(2027, 2, 10), tick=False)
def test_a_review_scheduled_within_four_weeks_shows_on_the_home_page_with_its_due_date(
    client_for, iro, child
):
    LookedAfterReviewFactory(child=child, scheduled_on=FIRST_HELD, held_on=FIRST_HELD, chair=iro)
    LookedAfterReviewFactory(child=child, scheduled_on=date(2027, 2, 24))
    page = client_for(iro).get(reverse("accounts:home")).content.decode()
    assert "Second review due by 30 April 2027" in page
    assert "Scheduled for 24 February 2027" in page
