"""The statutory timescale of a held review, for the reviews tab (CPR reg 33)."""

from django import template

register = template.Library()


@register.filter
def timescale_of(timescales, held_on):
    """The review of the chain held on that day (its number, due date, in timescale or not)."""
    if timescales is None or held_on is None:
        return None
    return timescales.for_held(held_on)
