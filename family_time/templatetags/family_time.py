from django import template

from ..models import Outcome

register = template.Library()


@register.filter
def get_item(mapping, key):
    """``mapping[key]``, or None (a table cell of a dict keyed by a family member)."""
    return mapping.get(key) if mapping else None


@register.filter
def outcome_label(value):
    try:
        return Outcome(value).label
    except ValueError:
        return value
