"""The page a locked-out sign-in gets (django-axes' ``AXES_LOCKOUT_CALLABLE``)."""

from datetime import timedelta

from axes.helpers import get_cool_off
from django.conf import settings
from django.shortcuts import render


def cool_off_words(period: timedelta | None) -> str:
    """A cool-off period as the page says it: "1 hour", "30 minutes", "1 hour 30 minutes"."""
    if not period:
        return ""
    minutes = max(1, round(period.total_seconds() / 60))
    hours, minutes = divmod(minutes, 60)
    parts = []
    if hours:
        parts.append(f"{hours} hour{'s' if hours != 1 else ''}")
    if minutes:
        parts.append(f"{minutes} minute{'s' if minutes != 1 else ''}")
    return " ".join(parts)


def locked_out(request, original_response=None, credentials=None):
    """The lockout page, with the configured cool-off (never a hard-coded period)."""
    return render(
        request,
        "registration/locked_out.html",
        {"cool_off": cool_off_words(get_cool_off(request))},
        status=settings.AXES_HTTP_RESPONSE_CODE,
    )
