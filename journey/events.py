"""The journey's domain events: entering a stage (the record is the ``TransitionRecord``).

Sent on ``journey_event`` with the child as subject, the day the transition took effect and who
took it; ``deadlines`` may listen (a placement plan due 5 working days after placing with the
carers, CPR reg 9; the six-week deadline of a written agreement, AAR reg 35(4)).
"""

from django.db import models
from django.dispatch import Signal

from accounts.events import DomainEvent, emit


class JourneyEvent(models.TextChoices):
    STAGE_ENTERED = "stage_entered", "Stage entered"


journey_event = Signal()


def journey_emit(kind: JourneyEvent, *, child, on, by, record) -> DomainEvent:
    return emit(
        journey_event,
        type(record),
        DomainEvent(kind=kind, subject=child, on=on, by=by, record=record),
    )
