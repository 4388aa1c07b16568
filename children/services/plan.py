"""The twin-track plan (Standard 2.6): every change is a new version, never an edit of an old one.

The current plan is the latest version by meeting date, so a change must be decided at a meeting
on or after the one that set the current plan, and must say why the plan is changing.

A plan of tracks (issue 9 item 4; LAW.md "Records and words"): a return to parents, the family
network (who, in which order), adoption through early permanence (fostering for adoption on its
basis s.22C(9A)(a) or (b), or concurrent planning); the preferred track is one the plan has.
"""

from datetime import date

from django.db import transaction

from accounts.dates import format_date, not_in_future
from accounts.errors import Errors
from accounts.models import User
from accounts.permissions import require_perm
from accounts.records import save_record

from ..models import (
    PARENT_RELATIONSHIPS,
    Child,
    EPType,
    FamilyMember,
    FfaBasis,
    PlanningMeeting,
    Track,
    TwinTrackPlan,
)

FAMILY_FIELDS = ("family_first", "family_second", "family_third")


def plan_set_errors(
    *,
    current: TwinTrackPlan | None,
    meeting_on: date | None,
    reason: str,
    child: Child | None = None,
    primary: str | None = None,
    parents_who: str = "",
    parents_conditions: str = "",
    family_first: FamilyMember | None = None,
    family_second: FamilyMember | None = None,
    family_third: FamilyMember | None = None,
    ep_type: str = "",
    ffa_basis: str = "",
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
    # --- the tracks (issue 9 item 4)
    parents_who = (parents_who or "").strip()
    if parents_who and not (parents_conditions or "").strip():
        errors.add("parents_conditions", "Enter what needs to change for a safe return to parents")
    if primary == Track.PARENTS and not parents_who:
        errors.add("parents_who", "Enter which parent the child would return to")
    family = {"family_first": family_first, "family_second": family_second}
    family["family_third"] = family_third
    if family_second and not family_first:
        errors.add("family_first", "Choose the first choice in the family network")
    if family_third and not family_second:
        errors.add("family_second", "Choose the second choice in the family network")
    seen = set()
    for field, member in family.items():
        if member is None:
            continue
        if child is not None and member.child_id != child.pk:
            errors.add(field, "Choose a member of this child's family network")
        elif member.relationship in PARENT_RELATIONSHIPS:
            errors.add(field, "Choose a member of the wider family: parents are the other track")
        elif member.pk in seen:
            errors.add(field, f"{member.name} is already a choice in the family network")
        seen.add(member.pk)
    if primary == Track.FAMILY and not family_first:
        errors.add("family_first", "Choose who in the family network the child would live with")
    # CA 1989 s.22C(9A): fostering for adoption is on one of two bases
    if primary == Track.ADOPTION and not ep_type:
        errors.add("ep_type", "Select fostering for adoption or concurrent planning")
    if ep_type == EPType.FFA and not ffa_basis:
        errors.add("ffa_basis", "Select the basis for fostering for adoption")
    if ffa_basis and ep_type != EPType.FFA:
        errors.add("ffa_basis", "A basis under s.22C(9A) is for fostering for adoption only")
    return errors.as_dict()


def current_plan(child: Child) -> TwinTrackPlan | None:
    """The plan in force: the latest version by meeting date (then by when it was recorded)."""
    return TwinTrackPlan.objects.filter(child=child).order_by("-meeting_on", "-created_at").first()


@transaction.atomic
def plan_set(
    *,
    child: Child,
    primary: Track,
    meeting: PlanningMeeting,
    meeting_on: date,
    parents_who: str = "",
    parents_conditions: str = "",
    parents_interventions: str = "",
    family_first: FamilyMember | None = None,
    family_second: FamilyMember | None = None,
    family_third: FamilyMember | None = None,
    family_summary: str = "",
    ep_type: EPType | str = "",
    ffa_basis: FfaBasis | str = "",
    adoption_summary: str = "",
    reason: str = "",
    court_scrutiny: str = "",
    by: User,
) -> TwinTrackPlan:
    """Set the child's twin-track plan: a new version, with the meeting that decided it."""
    # Lock the child so that two changes at once make two ordered versions, not a race.
    child = Child.objects.select_for_update().get(pk=child.pk)
    require_perm(by, "children.change_child", child)
    Errors(
        plan_set_errors(
            current=current_plan(child),
            meeting_on=meeting_on,
            reason=reason,
            child=child,
            primary=primary,
            parents_who=parents_who,
            parents_conditions=parents_conditions,
            family_first=family_first,
            family_second=family_second,
            family_third=family_third,
            ep_type=ep_type,
            ffa_basis=ffa_basis,
        )
    ).raise_any()
    plan = TwinTrackPlan(
        child=child,
        primary=primary,
        parents_who=(parents_who or "").strip(),
        parents_conditions=parents_conditions,
        parents_interventions=parents_interventions,
        family_first=family_first,
        family_second=family_second,
        family_third=family_third,
        family_summary=family_summary,
        ep_type=ep_type,
        ffa_basis=ffa_basis,
        adoption_summary=adoption_summary,
        meeting=meeting,
        meeting_on=meeting_on,
        reason=(reason or "").strip(),
        court_scrutiny=court_scrutiny,
    )
    return save_record(plan, by=by)
