"""Date rules and date formatting every app shares, worded the GOV.UK way."""

from datetime import date

from django.utils import formats

from .clock import today as england_today
from .errors import Errors


def format_date(day: date) -> str:
    """12 March 2026 (GOV.UK style: no leading zero, the month in words)."""
    return formats.date_format(day, "j F Y")


def not_in_future(
    errors: Errors, field: str, day: date | None, subject: str, today: date | None = None
) -> None:
    """Refuse a date after today in England: "<subject> must be today or in the past"."""
    if day is not None and day > (today or england_today()):
        errors.add(field, f"{subject} must be today or in the past")


def not_before(
    errors: Errors, field: str, day: date | None, earliest: date | None, message: str
) -> None:
    """Refuse a date before ``earliest`` (either unknown: nothing to compare) with ``message``."""
    if day is not None and earliest is not None and day < earliest:
        errors.add(field, message)


def add_months(day: date, months: int) -> date:
    """The same day of the month ``months`` later (the last day where the month is shorter):
    29 February 2028 + 12 months = 28 February 2029 (LAW.md, FSR reg 28's worked example)."""
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    for candidate in (day.day, 30, 29, 28):
        try:
            return day.replace(year=year, month=month, day=candidate)
        except ValueError:
            continue
    raise AssertionError("unreachable")
