"""The twin-track plan (Standard 2.6): every change is a new version, never an edit of an old one.

The current plan is the latest version by meeting date, so a change must be decided at a meeting
on or after the one that set the current plan, and must say why the plan is changing.
"""

from datetime import date

from django.db import transaction

from accounts.dates import format_date, not_in_future
from accounts.errors import Errors
from accounts.models import User
from accounts.permissions import require_perm
from accounts.records import save_record

from ..models import Child, PlanningMeeting, PrimaryPlan, TwinTrackPlan


def plan_set_errors(
    *, current: TwinTrackPlan | None, meeting_on: date | None, reason: str
) -> dict[str | None, str]:
    """What is wrong with a new version of the plan, given the current one (the form shows the
    same messages before saving)."""
    errors = Errors()
    not_in_future(errors, "meeting_on", meeting_on, "Date of the meeting")
    if current and meeting_on and meeting_on < current.meeting_on:
        errors.add(
            "meeting_on",
            "Date of the meeting must be on or after the date of the meeting that set the "
            f"current plan ({format_date(current.meeting_on)})",
        )
    if current is not None and not (reason or "").strip():
        errors.add("reason", "Enter why the plan is changing")
    return errors.as_dict()


def current_plan(child: Child) -> TwinTrackPlan | None:
    """The plan in force: the latest version by meeting date (then by when it was recorded)."""
    return TwinTrackPlan.objects.filter(child=child).order_by("-meeting_on", "-created_at").first()


@transaction.atomic
def plan_set(
    *,
    child: Child,
    primary: PrimaryPlan,
    plan_a_who: str,
    plan_a_conditions: str,
    plan_b_summary: str,
    meeting: PlanningMeeting,
    meeting_on: date,
    plan_a_interventions: str = "",
    reason: str = "",
    by: User,
) -> TwinTrackPlan:
    """Set the child's twin-track plan: a new version, with the meeting that decided it."""
    # Lock the child so that two changes at once make two ordered versions, not a race.
    child = Child.objects.select_for_update().get(pk=child.pk)
    require_perm(by, "children.change_child", child)
    Errors(
        plan_set_errors(current=current_plan(child), meeting_on=meeting_on, reason=reason)
    ).raise_any()
    plan = TwinTrackPlan(
        child=child,
        primary=primary,
        plan_a_who=plan_a_who,
        plan_a_conditions=plan_a_conditions,
        plan_a_interventions=plan_a_interventions,
        plan_b_summary=plan_b_summary,
        meeting=meeting,
        meeting_on=meeting_on,
        reason=(reason or "").strip(),
    )
    return save_record(plan, by=by)
