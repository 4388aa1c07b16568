"""Helpers for posting GOV.UK forms and reading back what a re-rendered form kept."""

import re
from datetime import date


def date_fields(name: str, day: date | None) -> dict:
    """The day/month/year inputs of a GovDateField."""
    if day is None:
        return {f"{name}_0": "", f"{name}_1": "", f"{name}_2": ""}
    return {f"{name}_0": str(day.day), f"{name}_1": str(day.month), f"{name}_2": str(day.year)}


def input_value(html: str, name: str) -> str | None:
    """The value a text input of the re-rendered form holds (None if there is no such input)."""
    tag = re.search(rf'<input[^>]*\bname="{re.escape(name)}"[^>]*>', html)
    if tag is None:
        return None
    value = re.search(r'\bvalue="([^"]*)"', tag.group(0))
    return value.group(1) if value else ""


def textarea_value(html: str, name: str) -> str | None:
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
