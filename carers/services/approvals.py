"""Approvals as prospective adopters and as foster carers: details, status history, reviews.

The stored due dates (``review_due_on``) are what a reminder hangs on: FSR reg 28 — a foster
carer's approval is reviewed at least every 12 months (29 Feb 2028 → 28 Feb 2029); AAR reg 29 —
a prospective adopter's approval yearly while no child is placed for adoption with them, so it
continues through an EP fostering phase (LAW.md "Reviews, visits, health").
"""

from datetime import date

from django.db import transaction

from accounts.clock import today as england_today
from accounts.dates import add_months, not_in_future
from accounts.errors import Errors
from accounts.models import Organisation, User
from accounts.permissions import require_perm
from accounts.records import save_record

from ..availability import placed_children
from ..events import CarerEvent, carer_emit
from ..models import (
    AdopterApproval,
    ApprovalKind,
    ApprovalReview,
    ApprovalStatus,
    ApprovalStatusChange,
    FosterApproval,
    Household,
    ReviewOutcome,
)
from .household import AGE_RANGE, lock

REVIEW_MONTHS = 12  # FSR reg 28(2); AAR reg 29(1)
DECISION_BEFORE_PANEL = "Date of the decision must be on or after the date of the panel"
REVIEW_BEFORE_APPROVAL = "Date of the review must be on or after the date of approval"
NOT_APPROVED_YET = "Record the approval decision before its review"
ADM_DECISION_MISSING = (
    "Enter the date of the agency decision maker's decision before recording the approval: "
    "a CPR reg 25A temporary approval depends on it"
)
FOSTER_DECISION_MISSING = "Enter the date of the fostering decision before recording the approval"


def _approvals(kind: ApprovalKind):
    return AdopterApproval if kind == ApprovalKind.ADOPTER else FosterApproval


def _months_old(born: date, on: date) -> int:
    months = (on.year - born.year) * 12 + on.month - born.month
    return months - (1 if on.day < born.day else 0)


def approval_errors(
    *,
    kind: ApprovalKind,
    status: str | None = None,
    stage_one_started_on: date | None = None,
    stage_two_started_on: date | None = None,
    panel_on: date | None = None,
    decision_on: date | None = None,
    terms_age_from_months: int | None = None,
    terms_age_to_months: int | None = None,
    placed: list | None = None,
    today: date | None = None,
) -> dict[str | None, str]:
    """What is wrong with an approval's details, by field (empty when nothing is)."""
    today = today or england_today()
    errors = Errors()
    not_in_future(
        errors, "stage_one_started_on", stage_one_started_on, "Stage 1 start date", today
    )
    not_in_future(
        errors, "stage_two_started_on", stage_two_started_on, "Stage 2 start date", today
    )
    not_in_future(errors, "panel_on", panel_on, "Date of the panel", today)
    not_in_future(errors, "decision_on", decision_on, "Date of the decision", today)
    if (
        stage_one_started_on
        and stage_two_started_on
        and stage_two_started_on < stage_one_started_on
    ):
        errors.add("stage_two_started_on", "Stage 2 must start on or after Stage 1")
    # AAR reg 30 / FSR reg 27: the decision follows the panel's recommendation
    if panel_on and decision_on and decision_on < panel_on:
        errors.add("decision_on", DECISION_BEFORE_PANEL)
    if status == ApprovalStatus.APPROVED and decision_on is None:
        errors.add(
            "decision_on",
            ADM_DECISION_MISSING if kind == ApprovalKind.ADOPTER else FOSTER_DECISION_MISSING,
        )
    if kind == ApprovalKind.FOSTER:
        young, old = terms_age_from_months, terms_age_to_months
        if young is not None and old is not None and young > old:
            errors.add("terms_age_from_months", AGE_RANGE)
        # terms of approval must cover the children placed with the household now
        for child in placed or []:
            if child.date_of_birth is None:
                continue
            age = _months_old(child.date_of_birth, today)
            if (young is not None and age < young) or (old is not None and age > old):
                errors.add(
                    "terms_age_to_months",
                    f"The terms of approval must include {child.reference}, placed with the "
                    f"household ({age} months old)",
                )
    return errors.as_dict()


RULE_ARGS = {
    "stage_one_started_on",
    "stage_two_started_on",
    "panel_on",
    "decision_on",
    "terms_age_from_months",
    "terms_age_to_months",
}


def _rule_args(details: dict) -> dict:
    """The details that ``approval_errors`` checks."""
    return {name: value for name, value in details.items() if name in RULE_ARGS}


def _set_review_due(approval) -> None:
    """The next review: 12 months after the last review held, or after the decision."""
    if approval.status not in (ApprovalStatus.APPROVED, ApprovalStatus.ON_HOLD):
        approval.review_due_on = None
        return
    last = approval.reviews.order_by("-reviewed_on").values_list("reviewed_on", flat=True).first()
    start = last or approval.decision_on
    approval.review_due_on = add_months(start, REVIEW_MONTHS) if start else None


@transaction.atomic
def approval_add(
    *,
    household: Household,
    kind: ApprovalKind,
    by: User,
    agency: Organisation,
    changed_on: date,
    **details,
):
    """Open an approval (as adopters or as foster carers): in assessment from ``changed_on``."""
    household = lock(household)
    require_perm(by, "carers.change_household", household)
    errors = Errors()
    not_in_future(errors, "changed_on", changed_on, "Date the assessment started")
    errors.update(approval_errors(kind=kind, **_rule_args(details)))
    errors.raise_any()
    approval = _approvals(kind)(household=household, agency=agency, **details)
    save_record(approval, by=by)
    ApprovalStatusChange.objects.create(
        status=ApprovalStatus.IN_ASSESSMENT,
        changed_on=changed_on,
        reason="Assessment started",
        created_by=by,
        updated_by=by,
        **{f"{kind}_approval": approval},
    )
    return approval


def _current(approval) -> dict:
    return {name: getattr(approval, name) for name in RULE_ARGS if hasattr(approval, name)}


@transaction.atomic
def approval_update(*, approval, by: User, agency: Organisation | None = None, **details):
    """Change an approval's dates (and, for foster carers, its terms)."""
    household = lock(approval.household)
    require_perm(by, "carers.change_household", household)
    approval = type(approval).objects.get(pk=approval.pk)
    Errors(
        approval_errors(
            kind=approval.kind,
            status=approval.status,
            placed=placed_children(household) if approval.kind == ApprovalKind.FOSTER else None,
            **_rule_args({**_current(approval), **details}),
        )
    ).raise_any()
    if agency is not None:
        approval.agency = agency
    before = approval.decision_on
    for name, value in details.items():
        setattr(approval, name, value)
    if approval.decision_on != before:
        _set_review_due(approval)
    return save_record(approval, by=by)


def status_change_errors(
    *, approval, status: str | None, changed_on: date | None, reason: str
) -> dict[str | None, str]:
    """A new status of an approval: dated, with its reason; approved only with the decision."""
    errors = Errors()
    if status == approval.status:
        errors.add("status", f"The approval is already {approval.get_status_display().lower()}")
    not_in_future(errors, "changed_on", changed_on, "Date of the change")
    if status == ApprovalStatus.APPROVED and approval.decision_on is None:
        errors.add(
            "status",
            ADM_DECISION_MISSING
            if approval.kind == ApprovalKind.ADOPTER
            else FOSTER_DECISION_MISSING,
        )
    if status != ApprovalStatus.APPROVED and not (reason or "").strip():
        errors.add("reason", "Enter the reason for the change")
    return errors.as_dict()


@transaction.atomic
def approval_status_change(
    *, approval, by: User, status: ApprovalStatus, changed_on: date, reason: str = ""
):
    """Move an approval to a new status, kept in its history. Approved: the event for the
    deadlines, and the first review due 12 months after the decision."""
    household = lock(approval.household)
    require_perm(by, "carers.change_household", household)
    approval = type(approval).objects.get(pk=approval.pk)
    Errors(
        status_change_errors(
            approval=approval, status=status, changed_on=changed_on, reason=reason
        )
    ).raise_any()
    first_approval = (
        status == ApprovalStatus.APPROVED
        and not approval.status_changes.filter(status=ApprovalStatus.APPROVED).exists()
    )
    approval.status = status
    _set_review_due(approval)
    save_record(approval, by=by)
    ApprovalStatusChange.objects.create(
        status=status,
        changed_on=changed_on,
        reason=reason.strip(),
        created_by=by,
        updated_by=by,
        **{f"{approval.kind}_approval": approval},
    )
    if first_approval:
        kind = (
            CarerEvent.APPROVED_AS_ADOPTERS
            if approval.kind == ApprovalKind.ADOPTER
            else CarerEvent.APPROVED_AS_FOSTER_CARERS
        )
        carer_emit(kind, household=household, on=approval.decision_on, by=by, record=approval)
    return approval


def review_errors(*, approval, reviewed_on: date | None) -> dict[str | None, str]:
    """A review follows the approval it reviews."""
    errors = Errors()
    if approval.decision_on is None or approval.status not in (
        ApprovalStatus.APPROVED,
        ApprovalStatus.ON_HOLD,
    ):
        errors.add(None, NOT_APPROVED_YET)
    not_in_future(errors, "reviewed_on", reviewed_on, "Date of the review")
    if reviewed_on and approval.decision_on and reviewed_on < approval.decision_on:
        errors.add("reviewed_on", REVIEW_BEFORE_APPROVAL)
    return errors.as_dict()


@transaction.atomic
def approval_review_record(
    *,
    approval,
    by: User,
    reviewed_on: date,
    outcome: ReviewOutcome,
    to_panel: bool = False,
    notes: str = "",
) -> ApprovalReview:
    """Record a review of approval (FSR reg 28; AAR reg 29); the next is due 12 months on."""
    household = lock(approval.household)
    require_perm(by, "carers.change_household", household)
    approval = type(approval).objects.get(pk=approval.pk)
    Errors(review_errors(approval=approval, reviewed_on=reviewed_on)).raise_any()
    review = ApprovalReview(
        reviewed_on=reviewed_on,
        outcome=outcome,
        to_panel=to_panel,
        notes=notes,
        **{f"{approval.kind}_approval": approval},
    )
    save_record(review, by=by)
    if (
        approval.kind == ApprovalKind.FOSTER
        and to_panel
        and approval.first_review_to_panel_on is None
    ):
        approval.first_review_to_panel_on = reviewed_on
    if outcome == ReviewOutcome.TERMINATED:
        approval.status = ApprovalStatus.TERMINATED
        ApprovalStatusChange.objects.create(
            status=ApprovalStatus.TERMINATED,
            changed_on=reviewed_on,
            reason=notes or "Ended at review",
            created_by=by,
            updated_by=by,
            **{f"{approval.kind}_approval": approval},
        )
    _set_review_due(approval)
    save_record(approval, by=by)
    carer_emit(
        CarerEvent.APPROVAL_REVIEWED, household=household, on=reviewed_on, by=by, record=review
    )
    return review
