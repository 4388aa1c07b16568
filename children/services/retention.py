"""The retention review of a child's record (LAW.md "Records and words").

When the retention period ends (CPR reg 50; the Disclosure of Adoption Information Regs 2005
reg 6) the record is reviewed and then deleted or anonymised, or kept for longer with a reason,
and the review is itself recorded (UK GDPR storage limitation). Nothing is deleted here: the
decision is what this records.
"""

from datetime import date

from django.db import transaction

from accounts.dates import format_date, not_in_future
from accounts.errors import Errors
from accounts.models import User
from accounts.permissions import require_perm
from accounts.records import save_record

from ..models import Child, RetentionDecision, RetentionReview
from ..selectors.retention import retention_for


def retention_review_record_errors(
    *,
    child: Child,
    reviewed_on: date | None,
    decision: str | None,
    keep_until: date | None,
    reason: str,
) -> dict[str | None, str]:
    """What is wrong with a retention review, by field: it is held once the period has ended."""
    errors = Errors()
    retention = retention_for(child)
    if retention.until is None:
        errors.add(None, f"The record's retention period is not set yet: {retention.basis}")
    elif reviewed_on:
        not_in_future(errors, "reviewed_on", reviewed_on, "Date of the review")
        if reviewed_on < retention.until:
            errors.add(
                "reviewed_on",
                f"The record must be kept until {format_date(retention.until)}: it can be "
                "reviewed from that date",
            )
    if decision == RetentionDecision.KEEP:
        if keep_until is None:
            errors.add("keep_until", "Enter the date to keep the record until")
        elif reviewed_on and keep_until <= reviewed_on:
            errors.add("keep_until", "Keep until must be after the date of the review")
    if not (reason or "").strip():
        errors.add("reason", "Enter the reason for the decision")
    return errors.as_dict()


@transaction.atomic
def retention_review_record(
    *,
    child: Child,
    reviewed_on: date,
    decision: RetentionDecision,
    reason: str,
    keep_until: date | None = None,
    by: User,
) -> RetentionReview:
    """Record the review of a record whose retention period has ended, and its decision."""
    child = Child.objects.select_for_update().get(pk=child.pk)
    require_perm(by, "children.review_retention", child)
    Errors(
        retention_review_record_errors(
            child=child,
            reviewed_on=reviewed_on,
            decision=decision,
            keep_until=keep_until,
            reason=reason,
        )
    ).raise_any()
    review = RetentionReview(
        child=child,
        reviewed_on=reviewed_on,
        decision=decision,
        keep_until=keep_until if decision == RetentionDecision.KEEP else None,
        reason=reason.strip(),
    )
    return save_record(review, by=by)
