"""Writes to pre-proceedings under the Public Law Outline: one record per episode, as a family may
go through pre-proceedings more than once (PD12A; the Standard Safeguarding Dataset)."""

from datetime import date

from django.db import transaction

from accounts.dates import not_in_future
from accounts.errors import Errors
from accounts.models import User
from accounts.permissions import require_perm
from accounts.records import apply_changes, save_record

from ..models import (
    Child,
    FamilyMeetingKind,
    GatewayDecision,
    PreProceedings,
    PreProceedingsOutcome,
    PreProceedingsReview,
    Representation,
)
from .court import CHANGE, on_or_after

LETTER = "Date of the letter before proceedings (PLO letter)"
MEETING = "Date of the pre-proceedings meeting"
GATEWAY = "Date of the legal gateway meeting"


def pre_proceedings_errors(
    *,
    gateway_meeting_on: date | None = None,
    gateway_decision: str = "",
    letter_before_proceedings_on: date | None = None,
    letter_of_issue_on: date | None = None,
    meeting_on: date | None = None,
    family_meeting_kind: str = "",
    family_meeting_on: date | None = None,
    pre_birth_assessment_started_on: date | None = None,
    pre_birth_assessment_completed_on: date | None = None,
    outcome: str = "",
    outcome_on: date | None = None,
) -> dict[str | None, str]:
    """What is wrong with a pre-proceedings episode, by field: dates not in the future and in
    order (the gateway meeting, the letter, then the meeting), a decision with its date."""
    errors = Errors()
    for name, day, subject in (
        ("gateway_meeting_on", gateway_meeting_on, GATEWAY),
        ("letter_before_proceedings_on", letter_before_proceedings_on, LETTER),
        ("letter_of_issue_on", letter_of_issue_on, "Date of the letter of issue"),
        ("meeting_on", meeting_on, MEETING),
        ("family_meeting_on", family_meeting_on, "Date of the family meeting"),
        (
            "pre_birth_assessment_started_on",
            pre_birth_assessment_started_on,
            "Date the pre-birth assessment started",
        ),
        (
            "pre_birth_assessment_completed_on",
            pre_birth_assessment_completed_on,
            "Date the pre-birth assessment was completed",
        ),
        ("outcome_on", outcome_on, "Date of the outcome"),
    ):
        not_in_future(errors, name, day, subject)
    on_or_after(
        errors,
        "letter_before_proceedings_on",
        letter_before_proceedings_on,
        LETTER,
        gateway_meeting_on,
        "the date of the legal gateway meeting",
    )
    on_or_after(
        errors,
        "meeting_on",
        meeting_on,
        MEETING,
        letter_before_proceedings_on,
        "the date of the letter before proceedings",
    )
    on_or_after(
        errors,
        "pre_birth_assessment_completed_on",
        pre_birth_assessment_completed_on,
        "Date the pre-birth assessment was completed",
        pre_birth_assessment_started_on,
        "the date it started",
    )
    if gateway_decision and gateway_meeting_on is None:
        errors.add("gateway_meeting_on", "Enter the date of the legal gateway meeting")
    if family_meeting_kind in (FamilyMeetingKind.FGC, FamilyMeetingKind.NETWORK) and (
        family_meeting_on is None
    ):
        errors.add("family_meeting_on", "Enter the date of the family meeting")
    if outcome and outcome_on is None:
        errors.add("outcome_on", "Enter the date of the outcome")
    if outcome_on is not None and not outcome:
        errors.add("outcome", "Select the outcome")
    return errors.as_dict()


@transaction.atomic
def pre_proceedings_record(
    *,
    child: Child,
    by: User,
    record: PreProceedings | None = None,
    gateway_meeting_on: date | None = None,
    gateway_decision: GatewayDecision | str = "",
    letter_before_proceedings_on: date | None = None,
    letter_of_issue_on: date | None = None,
    meeting_on: date | None = None,
    parents_represented: Representation | str = Representation.UNKNOWN,
    family_meeting_kind: FamilyMeetingKind | str = "",
    family_meeting_on: date | None = None,
    pre_birth_assessment_started_on: date | None = None,
    pre_birth_assessment_completed_on: date | None = None,
    outcome: PreProceedingsOutcome | str = "",
    outcome_on: date | None = None,
    notes: str = "",
) -> PreProceedings:
    """Record a new pre-proceedings episode for the child, or (given ``record``) change one."""
    if record is not None:
        record = PreProceedings.objects.select_for_update(of=("self",)).get(
            pk=record.pk, child=child
        )
    require_perm(by, CHANGE, child)
    dated = {
        "gateway_meeting_on": gateway_meeting_on,
        "gateway_decision": gateway_decision,
        "letter_before_proceedings_on": letter_before_proceedings_on,
        "letter_of_issue_on": letter_of_issue_on,
        "meeting_on": meeting_on,
        "family_meeting_kind": family_meeting_kind,
        "family_meeting_on": family_meeting_on,
        "pre_birth_assessment_started_on": pre_birth_assessment_started_on,
        "pre_birth_assessment_completed_on": pre_birth_assessment_completed_on,
        "outcome": outcome,
        "outcome_on": outcome_on,
    }
    Errors(pre_proceedings_errors(**dated)).raise_any()
    record = record or PreProceedings(child=child)
    apply_changes(
        record,
        **dated,
        parents_represented=parents_represented,
        notes=notes,
    )
    return save_record(record, by=by)


def pre_proceedings_review_errors(
    *, pre_proceedings: PreProceedings, held_on: date | None
) -> dict[str | None, str]:
    """A review meeting is held after the pre-proceedings meeting (or the letter), not in the
    future."""
    errors = Errors()
    subject = "Date of the review meeting"
    not_in_future(errors, "held_on", held_on, subject)
    if pre_proceedings.meeting_on is not None:
        on_or_after(
            errors,
            "held_on",
            held_on,
            subject,
            pre_proceedings.meeting_on,
            "the date of the pre-proceedings meeting",
        )
    return errors.as_dict()


@transaction.atomic
def pre_proceedings_review_add(
    *, pre_proceedings: PreProceedings, held_on: date, by: User, agreed: str = ""
) -> PreProceedingsReview:
    """Record a review meeting of a pre-proceedings episode."""
    pre_proceedings = (
        PreProceedings.objects.select_for_update(of=("self",))
        .select_related("child")
        .get(pk=pre_proceedings.pk)
    )
    require_perm(by, CHANGE, pre_proceedings.child)
    Errors(
        pre_proceedings_review_errors(pre_proceedings=pre_proceedings, held_on=held_on)
    ).raise_any()
    return save_record(
        PreProceedingsReview(pre_proceedings=pre_proceedings, held_on=held_on, agreed=agreed),
        by=by,
    )
