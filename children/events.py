"""The child's domain events: what ``children``'s services tell the apps above it.

Each event is an ``accounts.events.DomainEvent`` sent on ``child_event`` with the child as its
subject, the event's own date (the issue date, the date of the hearing…) and who recorded it.
A corrected date sends the kind again with ``corrected=True``; an edit that leaves the date as it
was sends nothing. ``deadlines`` will listen (a rule per kind: CA 1989 s.32(1)(a)(ii) runs from
``PROCEEDINGS_ISSUED``, the first review from ``BECAME_LOOKED_AFTER``); nothing here knows it.
"""

from datetime import date

from django.db import models
from django.dispatch import Signal

from accounts.events import DomainEvent, emit, emit_date_change


class ChildEvent(models.TextChoices):
    BECAME_LOOKED_AFTER = "became_looked_after", "Became looked after"
    BIRTH_RECORDED = "birth_recorded", "Birth recorded"
    PROCEEDINGS_ISSUED = "proceedings_issued", "Proceedings issued"
    EXTENSION_GRANTED = "extension_granted", "Extension of the 26-week limit granted"
    PROCEEDINGS_CONCLUDED = "proceedings_concluded", "Proceedings concluded"
    HEARING_LISTED = "hearing_listed", "Hearing listed"
    HEARING_HEARD = "hearing_heard", "Hearing heard"
    ORDER_MADE = "order_made", "Order made"
    REVIEW_HELD = "review_held", "Looked-after review held"
    # who may consent, and when (LAW.md): the records of children/models/consent.py and the
    # family member's parental responsibility. ``on`` is the record's own date.
    CONSENT_TO_PLACEMENT_GIVEN = (
        "consent_to_placement_given",
        "Consent to placement for adoption witnessed by Cafcass (ACA s.19)",
    )
    CONSENT_TO_PLACEMENT_WITHDRAWN = (
        "consent_to_placement_withdrawn",
        "Consent to placement for adoption withdrawn (ACA s.52(4); return within 7 or 14 "
        "days, ss.31–32)",
    )
    ADVANCE_CONSENT_GIVEN = (
        "advance_consent_given",
        "Advance consent to an adoption order given (ACA s.20)",
    )
    WRITTEN_AGREEMENT_SIGNED = (
        "written_agreement_signed",
        "Written agreement to placing a baby under six weeks signed (AAR reg 35(4))",
    )
    SECTION20_ACCOMMODATION_STARTED = (
        "section20_accommodation_started",
        "Accommodation under section 20 began (CA 1989 s.20)",
    )
    SECTION20_AGREEMENT_WITHDRAWN = (
        "section20_agreement_withdrawn",
        "The parent withdrew agreement to accommodation under section 20 (CA 1989 s.20(8))",
    )
    SECTION20_ACCOMMODATION_ENDED = (
        "section20_accommodation_ended",
        "Accommodation under section 20 ended",
    )
    PARENTAL_RESPONSIBILITY_ACQUIRED = (
        "parental_responsibility_acquired",
        "Parental responsibility acquired (CA 1989 ss.2, 4, 4ZA, 5, 14C)",
    )
    PART19_APPLICATION_MADE = (
        "part19_application_made",
        "Application to the court for guidance made (FPR Part 19; Standard 2.9)",
    )
    PART19_APPLICATION_DECIDED = (
        "part19_application_decided",
        "The court decided the Part 19 application",
    )


# Receivers get ``sender`` (the model class of ``record``) and ``event`` (a DomainEvent).
child_event = Signal()


def child_emit(
    kind: ChildEvent, *, child, on: date, by, record: models.Model | None = None
) -> DomainEvent:
    """Send a first-time event about the child."""
    sender = type(record or child)
    return emit(
        child_event, sender, DomainEvent(kind=kind, subject=child, on=on, by=by, record=record)
    )


def child_emit_change(
    kind: ChildEvent,
    *,
    child,
    before: date | None,
    after: date | None,
    by,
    record: models.Model | None = None,
) -> DomainEvent | None:
    """Send the event when its date is first recorded or corrected; nothing when unchanged."""
    return emit_date_change(
        child_event,
        type(record or child),
        kind=kind,
        subject=child,
        before=before,
        after=after,
        by=by,
        record=record,
    )
