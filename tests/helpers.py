"""One copy of what many tests need: posting GOV.UK forms, reading back what a re-rendered form
kept and the errors it shows, and the frozen "today" (the fixture ``_frozen_today`` in
tests/conftest.py travels to ``TODAY``)."""

import re
from datetime import date

from django.utils.html import escape

# The day the frozen-clock tests live on (a Monday); ``pytestmark =
# pytest.mark.usefixtures("_frozen_today")`` freezes a module's tests on it.
TODAY = date(2026, 11, 23)


def date_fields(name: str, day: date | None) -> dict:
    """The day/month/year inputs of a GovDateField."""
    if day is None:
        return {f"{name}_0": "", f"{name}_1": "", f"{name}_2": ""}
    return {f"{name}_0": str(day.day), f"{name}_1": str(day.month), f"{name}_2": str(day.year)}


def long_date(day: date) -> str:
    """A date as the pages show it: 23 November 2026."""
    return f"{day.day} {day:%B %Y}"


def input_value(html: str, name: str) -> str | None:
    """The value a text input of the re-rendered form holds (None if there is no such input)."""
    tag = re.search(rf'<input[^>]*\bname="{re.escape(name)}"[^>]*>', html)
    if tag is None:
        return None
    value = re.search(r'\bvalue="([^"]*)"', tag.group(0))
    return value.group(1) if value else ""


def textarea_value(html: str, name: str) -> str | None:
    """The text a textarea of the re-rendered form holds (None if there is no such textarea)."""
    match = re.search(
        rf'<textarea[^>]*\bname="{re.escape(name)}"[^>]*>(.*?)</textarea>', html, re.S
    )
    return match.group(1).strip() if match else None


def checked_value(html: str, name: str) -> str | None:
    """The value of the checked radio of a group."""
    for tag in re.findall(rf'<input[^>]*\bname="{re.escape(name)}"[^>]*>', html):
        if re.search(r"\bchecked\b", tag):
            return re.search(r'\bvalue="([^"]*)"', tag).group(1)
    return None


def error_summary(html: str) -> str:
    """The text of the error summary at the top of the page ('' when there is none)."""
    match = re.search(r'<div class="govuk-error-summary".*?</div>\s*</div>', html, re.S)
    return match.group(0) if match else ""


def field_error(html: str, field: str | None, message: str) -> bool:
    """The message is in the error summary and beside a field: beside ``field`` itself (its
    ``id_<field>…_error`` message) when it is named, else beside some field.

    ``message`` is the text as the user reads it; one already HTML-escaped is accepted too.
    """
    summary = html.split('class="govuk-error-summary"', 1)
    shown = {message, escape(message)}
    if len(summary) != 2 or not any(text in summary[1] for text in shown):
        return False
    if field is None:
        return "govuk-error-message" in summary[1]
    return any(
        re.search(
            rf'id="id_{re.escape(field)}[^"]*_error"[^>]*>\s*'
            rf'<span class="govuk-visually-hidden">Error:</span>\s*{re.escape(text)}',
            html,
        )
        for text in shown
    )
