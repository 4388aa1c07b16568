"""The matching app's domain events: what ``matching``'s services tell the apps above it.

Each is an ``accounts.events.DomainEvent`` sent on ``matching_event`` with the child as its
subject and the record (the match, the placement, the decision) as its record. A corrected date
sends the kind again with ``corrected=True``. ``deadlines`` will listen (AAR reg 36(3)–(4): the
adoption reviews and visits run from ``PLACED_FOR_ADOPTION``; CPR reg 28 visits from ``PLACED``).
"""

from datetime import date

from django.db import models
from django.dispatch import Signal

from accounts.events import DomainEvent, emit, emit_date_change


class MatchingEvent(models.TextChoices):
    MATCH_PROPOSED = "match_proposed", "Match with early permanence carers proposed"
    MATCH_WITHDRAWN = "match_withdrawn", "Match withdrawn"
    PLACED = "placed", "Placement started"
    PLACEMENT_ENDED = "placement_ended", "Placement ended"
    NO_AUTHORISED = "no_authorised", "Nominated Officer authorised the placement"
    REG25A_GIVEN = "reg25a_given", "Reg 25A temporary approval given"
    REG25A_ENDED = "reg25a_ended", "Reg 25A temporary approval ended"
    SHOULD_BE_PLACED_DECIDED = (
        "should_be_placed_decided",
        "Agency decision: the child should be placed for adoption",
    )
    NO_LONGER_TO_BE_PLACED_DECIDED = (
        "no_longer_to_be_placed_decided",
        "Agency decision: the child should no longer be placed for adoption",
    )
    FORMAL_MATCH_DECIDED = "formal_match_decided", "Agency decision on the adoption match"
    PLACED_FOR_ADOPTION = "placed_for_adoption", "Placed for adoption"


# Receivers get ``sender`` (the model class of ``record``) and ``event`` (a DomainEvent).
matching_event = Signal()


def matching_emit(
    kind: MatchingEvent, *, child, on: date | None, by, record: models.Model | None = None
) -> DomainEvent:
    """Send a first-time event about the child."""
    return emit(
        matching_event,
        type(record or child),
        DomainEvent(kind=kind, subject=child, on=on, by=by, record=record),
    )


def matching_emit_change(
    kind: MatchingEvent,
    *,
    child,
    before: date | None,
    after: date | None,
    by,
    record: models.Model | None = None,
) -> DomainEvent | None:
    """Send the event when its date is first recorded or corrected; nothing when unchanged."""
    return emit_date_change(
        matching_event,
        type(record or child),
        kind=kind,
        subject=child,
        before=before,
        after=after,
        by=by,
        record=record,
    )
