"""accounts.dates: the shared date rules and the way dates are shown."""

from datetime import date, timedelta

import time_machine

from accounts.dates import format_date, not_before, not_in_future
from accounts.errors import Errors

TODAY = date(2026, 3, 12)


def test_dates_are_shown_the_govuk_way():
    assert format_date(date(2026, 3, 2)) == "2 March 2026"


@time_machine.travel(TODAY, tick=False)
def test_not_in_future_accepts_today_and_refuses_tomorrow():
    errors = Errors()
    not_in_future(errors, "held_on", TODAY, "Date held")
    assert not errors
    not_in_future(errors, "held_on", TODAY + timedelta(days=1), "Date held")
    assert errors.as_dict() == {"held_on": "Date held must be today or in the past"}


def test_not_before_refuses_an_earlier_date_and_ignores_unknown_ones():
    errors = Errors()
    not_before(errors, "due_on", None, TODAY, "Too early")
    not_before(errors, "due_on", TODAY, None, "Too early")
    not_before(errors, "due_on", TODAY, TODAY, "Too early")
    assert not errors
    not_before(errors, "due_on", TODAY - timedelta(days=1), TODAY, "Too early")
    assert errors.as_dict() == {"due_on": "Too early"}
