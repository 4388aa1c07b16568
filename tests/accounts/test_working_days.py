"""Working days skip weekends and England and Wales bank holidays (LAW.md "Reviews, visits,
health")."""

from datetime import date

import pytest

from accounts.working_days import add_working_days, is_working_day


def test_twenty_working_days_from_friday_18_december_2026_is_wednesday_20_january_2027():
    # Christmas Day, Boxing Day observed on Monday 28 December and New Year's Day are skipped
    assert add_working_days(date(2026, 12, 18), 20) == date(2027, 1, 20)


@pytest.mark.parametrize(
    ("day", "working"),
    [
        (date(2026, 12, 25), False),  # Christmas Day
        (date(2026, 12, 28), False),  # Boxing Day, observed on the Monday
        (date(2027, 1, 1), False),  # New Year's Day
        (date(2026, 12, 19), False),  # a Saturday
        (date(2026, 8, 31), False),  # the late summer bank holiday (England, not Scotland)
        (date(2027, 1, 4), True),
    ],
)
def test_a_working_day_is_a_weekday_that_is_not_an_england_bank_holiday(day, working):
    assert is_working_day(day) is working


def test_no_working_days_is_the_same_day():
    assert add_working_days(date(2026, 12, 18), 0) == date(2026, 12, 18)
