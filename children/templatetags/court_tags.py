"""Presenting the 26-week limit of proceedings (Children Act 1989 s.32) on the record page."""

from datetime import date

from django import template

from ..models import STATUTORY_WEEKS, Proceedings

register = template.Library()


@register.filter
def week_on(proceedings: Proceedings, day: date) -> int:
    """``{{ proceedings|week_on:today }}``: the week of the proceedings a day falls in."""
    return proceedings.week_on(day)


@register.filter
def time_limit(proceedings: Proceedings) -> str:
    """'' without extensions, '30 weeks with a 4-week extension', or '38 weeks with extensions
    of 8 and 4 weeks' (uses the prefetched extensions)."""
    weeks = [extension.weeks for extension in proceedings.extensions.all()]
    total = STATUTORY_WEEKS + sum(weeks)
    if not weeks:
        return ""
    if len(weeks) == 1:
        return f"{total} weeks with a {weeks[0]}-week extension"
    listed = ", ".join(str(w) for w in weeks[:-1]) + f" and {weeks[-1]}"
    return f"{total} weeks with extensions of {listed} weeks"
