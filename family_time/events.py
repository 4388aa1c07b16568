"""The family time app's domain events: what its services tell the apps above it.

Each is an ``accounts.events.DomainEvent`` sent on ``family_time_event`` with the child as its
subject and the plan or session as its record, inside the service's transaction.
"""

from datetime import date

from django.db import models
from django.dispatch import Signal

from accounts.events import DomainEvent, emit


class FamilyTimeEvent(models.TextChoices):
    PLAN_STARTED = "family_time_plan_started", "Family time plan started"
    SESSION_HELD = "family_time_session_held", "Family time session held"
    SESSION_CANCELLED = "family_time_session_cancelled", "Family time session cancelled"


# Receivers get ``sender`` (the model class of ``record``) and ``event`` (a DomainEvent).
family_time_event = Signal()


def family_time_emit(
    kind: FamilyTimeEvent, *, child, on: date | None, by, record, corrected: bool = False
) -> DomainEvent:
    """Send an event about the child's family time."""
    return emit(
        family_time_event,
        type(record),
        DomainEvent(kind=kind, subject=child, on=on, by=by, record=record, corrected=corrected),
    )
