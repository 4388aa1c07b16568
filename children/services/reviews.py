"""Looked-after reviews and the IRO's concerns (Care Planning Regs 2010; the IRO Handbook).

Reviews are scheduled by the social worker, manager or IRO (never before the child is looked
after) and their outcome recorded once held: the date, the IRO who chaired, who attended, the
recommendations, whether the IRO endorsed the twin-track plan, whether the permanence plan was
confirmed and whether early permanence was considered (CA 1989 s.22C(9B)(c)). The IRO raises a
concern and escalates it through the dispute resolution stages; a team manager records a
response; only the IRO decides it is resolved (CA 1989 s.25B; the IRO Handbook). The
``*_errors`` functions are the rules; the forms show the same messages before saving.
"""

from datetime import date

from django.db import transaction

from accounts.clock import today
from accounts.dates import format_date, not_in_future
from accounts.errors import Errors
from accounts.models import Role, User
from accounts.permissions import require_perm
from accounts.records import save_record

from ..events import ChildEvent, child_emit_change
from ..models import (
    Attendee,
    Child,
    EscalationStage,
    IROConcern,
    IROConcernResponse,
    IROEscalation,
    LookedAfterReview,
)
from ..selectors.reviews import looked_after_since


def is_iro_of(user: User | None, child: Child) -> bool:
    """An active IRO of the child's local authority (who may chair the child's reviews)."""
    return bool(
        user is not None
        and user.is_active
        and user.organisation_id == child.responsible_authority_id
        and user.memberships.filter(role=Role.IRO).exists()
    )


def review_schedule_errors(*, child: Child, scheduled_on: date | None) -> dict[str | None, str]:
    """What is wrong with the date of a review: the child must be looked after, and the review
    on or after the day they became looked after (CPR reg 33 reviews a looked-after child)."""
    errors = Errors()
    since = looked_after_since(child)
    if since is None:
        errors.add(
            "scheduled_on",
            "You cannot schedule a review until the child is looked after: record the date "
            "they became looked after first",
        )
    elif scheduled_on and scheduled_on < since:
        errors.add(
            "scheduled_on",
            "Date of the review must be on or after the date the child became looked after "
            f"({format_date(since)})",
        )
    return errors.as_dict()


@transaction.atomic
def review_schedule(*, child: Child, scheduled_on: date, by: User) -> LookedAfterReview:
    """Schedule a looked-after review for the child."""
    require_perm(by, "children.record_review", child)
    Errors(review_schedule_errors(child=child, scheduled_on=scheduled_on)).raise_any()
    return save_record(LookedAfterReview(child=child, scheduled_on=scheduled_on), by=by)


def review_record_held_errors(
    *,
    child: Child,
    held_on: date | None,
    chair: User | None,
    recommendations: str,
    plan_endorsed: bool | None,
    permanence_plan_confirmed: bool | None,
    ep_considered: bool | None,
    attendees: list[str] | None = None,
) -> dict[str | None, str]:
    """What is wrong with a review's outcome, by field."""
    errors = Errors()
    since = looked_after_since(child)
    if held_on:
        if held_on > today():
            errors.add("held_on", "Date held must be today or in the past")
        elif since is None:
            errors.add(
                "held_on",
                "The child is not looked after: record the period of care first",
            )
        elif held_on < since:
            errors.add(
                "held_on",
                "Date held must be on or after the date the child became looked after "
                f"({format_date(since)})",
            )
    if not is_iro_of(chair, child):
        errors.add("chair", "Select the IRO who chaired the review")
    if not (recommendations or "").strip():
        errors.add("recommendations", "Enter the recommendations of the review")
    if plan_endorsed is None:
        errors.add("plan_endorsed", "Select yes if the IRO endorsed the twin-track plan")
    if permanence_plan_confirmed is None:
        errors.add(
            "permanence_plan_confirmed", "Select yes if the review confirmed the permanence plan"
        )
    if ep_considered is None:
        # CA 1989 s.22C(9B)(c): each review records that early permanence was considered
        errors.add("ep_considered", "Select yes if early permanence was considered")
    if set(attendees or []) - set(Attendee.values):
        errors.add("attendees", "Select who attended from the list")
    return errors.as_dict()


@transaction.atomic
def review_record_held(
    *,
    review: LookedAfterReview,
    held_on: date,
    chair: User,
    recommendations: str,
    plan_endorsed: bool,
    permanence_plan_confirmed: bool,
    ep_considered: bool,
    attendees: list[str] | None = None,
    attendees_other: str = "",
    by: User,
) -> LookedAfterReview:
    """Record a review as held: the date, the IRO chairing, who attended, recommendations,
    endorsement, the permanence plan confirmed and early permanence considered."""
    review = (
        LookedAfterReview.objects.select_for_update().select_related("child").get(pk=review.pk)
    )
    require_perm(by, "children.record_review_outcome", review.child)
    Errors(
        review_record_held_errors(
            child=review.child,
            held_on=held_on,
            chair=chair,
            recommendations=recommendations,
            plan_endorsed=plan_endorsed,
            permanence_plan_confirmed=permanence_plan_confirmed,
            ep_considered=ep_considered,
            attendees=attendees,
        )
    ).raise_any()
    held_before = review.held_on
    review.held_on = held_on
    review.chair = chair
    review.recommendations = recommendations.strip()
    review.plan_endorsed = plan_endorsed
    review.permanence_plan_confirmed = permanence_plan_confirmed
    review.ep_considered = ep_considered
    review.attendees = [value for value in Attendee.values if value in (attendees or [])]
    review.attendees_other = (attendees_other or "").strip()
    save_record(review, by=by)
    child_emit_change(
        ChildEvent.REVIEW_HELD,
        child=review.child,
        before=held_before,
        after=held_on,
        by=by,
        record=review,
    )
    return review


def iro_concern_raise_errors(
    *, child: Child, raised_on: date | None, concern: str, review: LookedAfterReview | None
) -> dict[str | None, str]:
    """What is wrong with a concern the IRO raises, by field."""
    errors = Errors()
    not_in_future(errors, "raised_on", raised_on, "Date the concern was raised")
    if review is not None and review.child_id != child.pk:
        errors.add("review", "Select a review of this child")
    if not (concern or "").strip():
        errors.add("concern", "Enter the concern")
    return errors.as_dict()


@transaction.atomic
def iro_concern_raise(
    *,
    child: Child,
    raised_on: date,
    concern: str,
    stage: EscalationStage = EscalationStage.INFORMAL,
    review: LookedAfterReview | None = None,
    by: User,
) -> IROConcern:
    """The IRO raises a concern about the child's plan or its progress."""
    require_perm(by, "children.raise_iro_concern", child)
    Errors(
        iro_concern_raise_errors(child=child, raised_on=raised_on, concern=concern, review=review)
    ).raise_any()
    record = IROConcern(
        child=child, raised_on=raised_on, concern=concern.strip(), stage=stage, review=review
    )
    return save_record(record, by=by)


def _locked(concern: IROConcern) -> IROConcern:
    """The concern as it is now, locked: two people acting at once cannot both resolve it."""
    return IROConcern.objects.select_for_update().select_related("child").get(pk=concern.pk)


def iro_concern_update_errors(
    *, concern: IROConcern, stage: str | None, escalated_on: date | None
) -> dict[str | None, str]:
    """What is wrong with taking a concern to another stage, by field."""
    errors = Errors()
    if concern.resolved_on is not None:
        errors.add("stage", "This concern has been resolved: raise a new concern instead")
    elif stage and stage == concern.stage:
        errors.add(
            "stage", f"The concern is already at this stage ({concern.get_stage_display()})"
        )
    if escalated_on:
        not_in_future(errors, "escalated_on", escalated_on, "Date of the escalation")
        if escalated_on < concern.raised_on:
            errors.add(
                "escalated_on",
                "Date of the escalation must be on or after the date the concern was raised "
                f"({format_date(concern.raised_on)})",
            )
    return errors.as_dict()


@transaction.atomic
def iro_concern_update(
    *, concern: IROConcern, stage: EscalationStage, escalated_on: date, by: User
) -> IROConcern:
    """The IRO escalates (or de-escalates) an open concern to another stage, on a day: the step
    is kept, so the chronology shows each escalation."""
    concern = _locked(concern)
    require_perm(by, "children.raise_iro_concern", concern.child)
    Errors(
        iro_concern_update_errors(concern=concern, stage=stage, escalated_on=escalated_on)
    ).raise_any()
    concern.stage = stage
    save_record(concern, by=by)
    save_record(IROEscalation(concern=concern, stage=stage, escalated_on=escalated_on), by=by)
    return concern


def iro_concern_respond_errors(
    *, concern: IROConcern, responded_on: date | None, response: str
) -> dict[str | None, str]:
    """What is wrong with a manager's response to a concern, by field."""
    errors = Errors()
    if concern.resolved_on is not None:
        errors.add(None, "This concern has been resolved by the IRO")
    if responded_on:
        not_in_future(errors, "responded_on", responded_on, "Date of the response")
        if responded_on < concern.raised_on:
            errors.add(
                "responded_on",
                "Date of the response must be on or after the date the concern was raised "
                f"({format_date(concern.raised_on)})",
            )
    if not (response or "").strip():
        errors.add("response", "Enter the response to the concern")
    return errors.as_dict()


@transaction.atomic
def iro_concern_respond(
    *, concern: IROConcern, responded_on: date, response: str, by: User
) -> IROConcernResponse:
    """A team manager records the local authority's response to an IRO concern; the concern
    stays open until the IRO decides it is resolved (CA 1989 s.25B; the IRO Handbook)."""
    concern = _locked(concern)
    require_perm(by, "children.respond_to_iro_concern", concern.child)
    Errors(
        iro_concern_respond_errors(concern=concern, responded_on=responded_on, response=response)
    ).raise_any()
    record = IROConcernResponse(
        concern=concern, responded_on=responded_on, response=response.strip()
    )
    return save_record(record, by=by)


def iro_concern_resolve_errors(
    *, concern: IROConcern, resolved_on: date | None, resolution: str
) -> dict[str | None, str]:
    """What is wrong with recording how a concern was resolved, by field."""
    errors = Errors()
    if concern.resolved_on is not None:
        errors.add("resolved_on", "This concern has already been resolved")
    elif resolved_on:
        not_in_future(errors, "resolved_on", resolved_on, "Date the concern was resolved")
        if resolved_on < concern.raised_on:
            errors.add(
                "resolved_on",
                "Date the concern was resolved must be on or after the date it was raised "
                f"({format_date(concern.raised_on)})",
            )
    if not (resolution or "").strip():
        errors.add("resolution", "Enter how the concern was resolved")
    return errors.as_dict()


@transaction.atomic
def iro_concern_resolve(
    *, concern: IROConcern, resolved_on: date, resolution: str, by: User
) -> IROConcern:
    """The IRO records that a concern has been resolved, when and how: only the IRO decides
    (CA 1989 s.25B; the IRO Handbook)."""
    concern = _locked(concern)
    require_perm(by, "children.resolve_iro_concern", concern.child)
    Errors(
        iro_concern_resolve_errors(concern=concern, resolved_on=resolved_on, resolution=resolution)
    ).raise_any()
    concern.resolved_on = resolved_on
    concern.resolution = resolution.strip()
    return save_record(concern, by=by)
