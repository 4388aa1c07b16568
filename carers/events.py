"""The carers' domain events: what ``carers``' services tell the apps above it.

Each is an ``accounts.events.DomainEvent`` sent on ``carer_event`` with the household as its
subject and the approval (or the household, for an opt-out) as its record. ``deadlines`` will
listen: the foster carer review (FSR reg 28) runs from ``APPROVED_AS_FOSTER_CARERS`` and
``APPROVAL_REVIEWED``, the adopter review (AAR reg 29) likewise; the due dates are also stored on
the approvals (``review_due_on``) so that they can be queried without the listener.
"""

from datetime import date

from django.db import models
from django.dispatch import Signal

from accounts.events import DomainEvent, emit


class CarerEvent(models.TextChoices):
    APPROVED_AS_ADOPTERS = "approved_as_adopters", "Approved as prospective adopters"
    APPROVED_AS_FOSTER_CARERS = "approved_as_foster_carers", "Approved as foster carers"
    APPROVAL_REVIEWED = "approval_reviewed", "Approval reviewed"
    OPTED_OUT = "opted_out", "Opted out of early permanence"


# Receivers get ``sender`` (the model class of ``record``) and ``event`` (a DomainEvent).
carer_event = Signal()


def carer_emit(kind: CarerEvent, *, household, on: date, by, record=None) -> DomainEvent:
    """Send an event about the household."""
    return emit(
        carer_event,
        type(record or household),
        DomainEvent(kind=kind, subject=household, on=on, by=by, record=record),
    )
