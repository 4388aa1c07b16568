"""Working days: Monday to Friday, except England and Wales bank holidays.

Statutory timescales in working days (CPR reg 33's 20 working days to the first looked-after
review, reg 9's 5 working days to a placement plan) skip Saturdays, Sundays and the bank holidays
of England and Wales (LAW.md "Reviews, visits, health"; the ``holidays`` package, subdivision
ENG, which includes substitute days such as Boxing Day observed on a Monday).
"""

from datetime import date, timedelta
from functools import lru_cache

import holidays


@lru_cache(maxsize=64)
def _bank_holidays(year: int) -> frozenset[date]:
    return frozenset(holidays.country_holidays("GB", subdiv="ENG", years=year))


def is_working_day(day: date) -> bool:
    """Monday to Friday and not a bank holiday in England and Wales."""
    return day.weekday() < 5 and day not in _bank_holidays(day.year)


def add_working_days(start: date, days: int) -> date:
    """The day ``days`` working days after ``start`` (the day after ``start`` is the first
    counted): looked after Fri 18 Dec 2026, + 20 working days → Wed 20 Jan 2027."""
    day = start
    counted = 0
    while counted < days:
        day += timedelta(days=1)
        if is_working_day(day):
            counted += 1
    return day
