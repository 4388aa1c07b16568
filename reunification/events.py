"""The reunification domain events: what ``reunification``'s services tell the apps above it.

Each is an ``accounts.events.DomainEvent`` sent on ``reunification_event`` with the child as its
subject and the reunification record (the decision, the plan) as its record. ``deadlines`` may
listen: CPR reg 19's assessment (10 working days) and decision (10 more) run from ``MOVED_HOME``
where the child moved first — the due dates are also stored on the decision
(``assessment_due_on``, ``decision_due_on``) so that they can be queried without the listener.
"""

from datetime import date

from django.db import models
from django.dispatch import Signal

from accounts.events import DomainEvent, emit, emit_date_change


class ReunificationEvent(models.TextChoices):
    REUNIFICATION_DECIDED = "reunification_decided", "Reunification decided"
    REUNIFICATION_ABANDONED = "reunification_abandoned", "Reunification abandoned"
    MOVED_HOME = "moved_home", "Moved home"
    PLAN_AGREED = "plan_agreed", "Reunification plan agreed"


# Receivers get ``sender`` (the model class of ``record``) and ``event`` (a DomainEvent).
reunification_event = Signal()


def reunification_emit(
    kind: ReunificationEvent, *, child, on: date, by, record: models.Model | None = None
) -> DomainEvent:
    """Send a first-time event about the child."""
    return emit(
        reunification_event,
        type(record or child),
        DomainEvent(kind=kind, subject=child, on=on, by=by, record=record),
    )


def reunification_emit_change(
    kind: ReunificationEvent,
    *,
    child,
    before: date | None,
    after: date | None,
    by,
    record: models.Model | None = None,
) -> DomainEvent | None:
    """Send the event when its date is first recorded or corrected; nothing when unchanged."""
    return emit_date_change(
        reunification_event,
        type(record or child),
        kind=kind,
        subject=child,
        before=before,
        after=after,
        by=by,
        record=record,
    )
