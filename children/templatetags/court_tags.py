"""Presenting the court record: the 26-week limit and its extensions (Children Act 1989 s.32),
hearings and the orders in force."""

from datetime import date, timedelta

from django import template

from accounts.dates import format_date

from ..models import HearingKind, Proceedings, orders_in_force

register = template.Library()

SHORT_HEARING = {
    HearingKind.CMH: "CMH",
    HearingKind.FURTHER_CMH: "further CMH",
    HearingKind.IRH: "IRH",
}


def hearing_name(hearing) -> str:
    """'IRH', 'CMH', or the kind in lower case ('final hearing')."""
    return SHORT_HEARING.get(hearing.kind, hearing.get_kind_display().lower())


def _length(days: int) -> str:
    weeks, rest = divmod(days, 7)
    parts = []
    if weeks:
        parts.append(f"{weeks} week{'s' if weeks != 1 else ''}")
    if rest or not weeks:
        parts.append(f"{rest} day{'s' if rest != 1 else ''}")
    return " and ".join(parts)


def extension_steps(proceedings: Proceedings) -> list[dict]:
    """Each extension with the end then in force and its length, counted from the later of that
    end and the day it was granted (CA 1989 s.32(8)); uses the prefetched extensions."""
    steps = []
    in_force = proceedings.statutory_end()
    for extension in proceedings.extensions_in_order():
        base = max(in_force, extension.granted_on)
        steps.append(
            {
                "extension": extension,
                "from": in_force,
                "length": _length((extension.ends_on - base).days),
            }
        )
        in_force = extension.ends_on
    return steps


@register.filter
def week_on(proceedings: Proceedings, day: date) -> int:
    """``{{ proceedings|week_on:today }}``: the week of the proceedings a day falls in."""
    return proceedings.week_on(day)


@register.filter
def time_limit(proceedings: Proceedings) -> str:
    """'26 weeks end 2 May 2027; extended to 27 June 2027 (8 weeks, at the IRH on 20 April
    2027)' — the 26 weeks' own end is never called the date of an extension."""
    text = f"26 weeks end {format_date(proceedings.statutory_end())}"
    for step in extension_steps(proceedings):
        extension = step["extension"]
        if extension.hearing_id:
            where = (
                f"at the {hearing_name(extension.hearing)} on {format_date(extension.granted_on)}"
            )
        else:
            where = f"granted {format_date(extension.granted_on)}"
        text += f"; extended to {format_date(extension.ends_on)} ({step['length']}, {where})"
    return text


@register.filter
def overdue_on(proceedings: Proceedings, day: date) -> bool:
    return proceedings.is_overdue_on(day)


@register.simple_tag
def orders_in_force_on(child, day: date) -> list:
    """The child's orders in force on a day, each with the order suspending it, if any."""
    return orders_in_force(child.orders.all(), day)


@register.filter
def day_before(day: date) -> date:
    return day - timedelta(days=1)
