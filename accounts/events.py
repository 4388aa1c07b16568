"""Domain events: the one payload every domain app's signal carries, and the one way to send it.

Each domain app declares its own kinds and signal in its ``events.py`` (``children.events``:
``ChildEvent`` and ``child_event``); its services call ``emit`` inside their transaction, right
after saving. Higher apps (``deadlines``) connect receivers in their ``AppConfig.ready()``.

What a receiver can rely on: it runs synchronously, inside the service's transaction. What it
writes to the database commits or rolls back with the change that caused it, and an exception it
raises refuses that change. Anything that leaves the database (an email, a Celery task) must be
deferred with ``transaction.on_commit``: a write that later fails has still called the receiver.
"""

from dataclasses import dataclass
from datetime import date

from django.db import models
from django.dispatch import Signal


@dataclass(frozen=True, kw_only=True)
class DomainEvent:
    """Something that happened to a case, on a date.

    ``subject`` is what the event is about (the child, a carer household); ``record`` the record
    that says so (the hearing, the order). ``corrected`` is true when a date already recorded was
    changed: ``on`` is then the new date, or ``None`` when the date was taken off the record.
    """

    kind: str
    subject: models.Model
    on: date | None
    by: models.Model | None
    record: models.Model | None = None
    corrected: bool = False


def emit(signal: Signal, sender: type, event: DomainEvent) -> DomainEvent:
    """Send the event to every receiver now (``send``, not ``send_robust``: a receiver that fails
    fails the write, so no change is saved without what its listeners make of it)."""
    signal.send(sender=sender, event=event)
    return event


def emit_date_change(
    signal: Signal,
    sender: type,
    *,
    kind: str,
    subject: models.Model,
    before: date | None,
    after: date | None,
    by: models.Model | None,
    record: models.Model | None = None,
) -> DomainEvent | None:
    """Emit when a date is first recorded or changed (a correction); nothing if it is unchanged."""
    if before == after:
        return None
    event = DomainEvent(
        kind=kind,
        subject=subject,
        on=after,
        by=by,
        record=record,
        corrected=before is not None,
    )
    return emit(signal, sender, event)
