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
