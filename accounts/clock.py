"""The one clock: "today" is England's date, whatever the server's time zone or the hour.

The standard library's own "today" reads the machine's zone (UTC on most servers), so between
midnight and 1am in summer it answers yesterday; ruff's DTZ rules keep it out of the apps. Tests
freeze this clock with time-machine, like any other.
"""

from datetime import date, datetime

from django.utils import timezone


def today() -> date:
    """Today's date in England (settings.TIME_ZONE, Europe/London)."""
    return timezone.localdate()


def now() -> datetime:
    """The current moment, time zone aware."""
    return timezone.now()
