"""Every write of the family time app: plans, generating and recording sessions, attendance,
family time after adoption or a return home. Each runs in one transaction, checks permission,
shares its rules (``*_errors``) with the forms, and emits the domain events of ``events.py``."""

from collections.abc import Iterable
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from django.db import transaction
from django.db.models import Q

from accounts.clock import now
from accounts.dates import format_date
from accounts.errors import Errors
from accounts.models import User
from accounts.permissions import require_perm
from accounts.records import save_record
from children.models import Child, FamilyMember, OrderKind

from .events import FamilyTimeEvent, family_time_emit
from .models import (
    CANCELLATIONS,
    Attendance,
    FamilyTimePlan,
    LaterFamilyTime,
    LegalFrame,
    Outcome,
    Session,
    SessionStatus,
)

LONDON = ZoneInfo("Europe/London")
# a generated period longer than this is a mistake, not a plan (and would lock the plan long)
MAX_PERIOD_DAYS = 183
NOT_IN_NETWORK = "Select people from this child's family network"
NOT_IN_PLAN = "Record attendance only for the people in the family time plan"

#: the plan's fields the services take, as the form gives them (``family_members`` apart)
PLAN_FIELDS = (
    "days",
    "every_weeks",
    "start_time",
    "duration_minutes",
    "frequency_reasons",
    "assessing",
    "supervision_level",
    "supervisor",
    "supervisor_ep_trained",
    "venue",
    "virtual_platform",
    "transport",
    "handover",
    "icebreaker_on",
    "icebreaker_notes",
    "agreed_presents",
    "agreed_photos",
    "agreed_confidentiality",
    "agreed_basic_care",
    "agreed_breast_milk",
    "agreed_when_unwell",
    "parents_confirm",
    "confirm_by",
    "legal_frame",
    "starts_on",
    "review_on",
    "ends_on",
    "goodbye_on",
    "goodbye_notes",
)


def at_london(day: date, clock: time) -> datetime:
    return datetime.combine(day, clock, tzinfo=LONDON)


# --- plans ---------------------------------------------------------------------------------------


def placement_order_in_force(child: Child, on: date) -> bool:
    """A placement order made by ``on`` and not ended by then (one query)."""
    return (
        child.orders.filter(kind=OrderKind.PLACEMENT, made_on__lte=on)
        .filter(Q(ended_on__isnull=True) | Q(ended_on__gt=on))
        .exists()
    )


def plan_errors(
    *,
    child: Child,
    family_members: Iterable[FamilyMember] | None,
    starts_on: date | None,
    review_on: date | None = None,
    ends_on: date | None = None,
    goodbye_on: date | None = None,
    legal_frame: str | None = None,
    virtual_platform: str = "",
    venue: str = "",
    parents_confirm: bool = False,
    confirm_by: str = "",
) -> dict[str | None, str]:
    """What is wrong with a family time plan, by field (empty when nothing is)."""
    errors = Errors()
    members = list(family_members or [])
    if not members:
        errors.add("family_members", "Select who the family time is with")
    elif any(member.child_id != child.pk for member in members):
        errors.add("family_members", NOT_IN_NETWORK)
    if starts_on and review_on and review_on < starts_on:
        errors.add("review_on", "Review date must be on or after the start date")
    if starts_on and ends_on and ends_on < starts_on:
        errors.add("ends_on", "End date must be on or after the start date")
    if goodbye_on and starts_on and goodbye_on < starts_on:
        errors.add("goodbye_on", "Date of goodbye family time must be on or after the start date")
    if goodbye_on and ends_on and goodbye_on > ends_on:
        errors.add("goodbye_on", "Date of goodbye family time must be on or before the end date")
    if not venue.strip() and not virtual_platform.strip():
        errors.add("venue", "Enter where family time takes place, or the virtual platform")
    if parents_confirm and not confirm_by.strip():
        errors.add("confirm_by", "Enter how and by when the parents confirm they are coming")
    # ACA 2002 s.26(1): once a placement order is made, contact under the Children Act 1989
    # (s.34) ends; family time is then under s.26
    if (
        starts_on
        and legal_frame
        and legal_frame != LegalFrame.S26
        and placement_order_in_force(child, starts_on)
    ):
        errors.add(
            "legal_frame",
            "A placement order is in force on the start date: family time is then under "
            "section 26 of the Adoption and Children Act 2002",
        )
    return errors.as_dict()


def _check_plan(plan: FamilyTimePlan, members) -> None:
    Errors(
        plan_errors(
            child=plan.child,
            family_members=members,
            starts_on=plan.starts_on,
            review_on=plan.review_on,
            ends_on=plan.ends_on,
            goodbye_on=plan.goodbye_on,
            legal_frame=plan.legal_frame,
            virtual_platform=plan.virtual_platform,
            venue=plan.venue,
            parents_confirm=plan.parents_confirm,
            confirm_by=plan.confirm_by,
        )
    ).raise_any()


def _lock_child(child: Child) -> Child:
    return Child.objects.select_for_update().get(pk=child.pk)


@transaction.atomic
def plan_create(
    *, child: Child, by: User, family_members: Iterable[FamilyMember], **fields
) -> FamilyTimePlan:
    """Start a family time plan for the child."""
    require_perm(by, "family_time.plan_family_time", child)
    unknown = set(fields) - set(PLAN_FIELDS)
    if unknown:
        raise TypeError(f"plan_create() got unexpected arguments {sorted(unknown)}")
    _lock_child(child)
    members = list(family_members)
    plan = FamilyTimePlan(child=child, **fields)
    _check_plan(plan, members)
    save_record(plan, by=by)
    plan.family_members.set(members)
    family_time_emit(
        FamilyTimeEvent.PLAN_STARTED, child=child, on=plan.starts_on, by=by, record=plan
    )
    return plan


@transaction.atomic
def plan_update(
    *,
    plan: FamilyTimePlan,
    by: User,
    family_members: Iterable[FamilyMember] | None = None,
    **fields,
) -> FamilyTimePlan:
    """Change the plan (its history keeps every version: who, when, what it was)."""
    require_perm(by, "family_time.plan_family_time", plan.child)
    unknown = set(fields) - set(PLAN_FIELDS)
    if unknown:
        raise TypeError(f"plan_update() got unexpected arguments {sorted(unknown)}")
    plan = FamilyTimePlan.objects.select_for_update().select_related("child").get(pk=plan.pk)
    before = plan.starts_on
    for name, value in fields.items():
        setattr(plan, name, value)
    members = (
        list(family_members) if family_members is not None else list(plan.family_members.all())
    )
    _check_plan(plan, members)
    save_record(plan, by=by)
    if family_members is not None:
        plan.family_members.set(members)
    if before != plan.starts_on:
        family_time_emit(
            FamilyTimeEvent.PLAN_STARTED,
            child=plan.child,
            on=plan.starts_on,
            by=by,
            record=plan,
            corrected=True,
        )
    return plan


# --- sessions ------------------------------------------------------------------------------------


def plan_slots(plan: FamilyTimePlan, from_on: date, to_on: date) -> list[datetime]:
    """The plan's sessions between two dates (inclusive): its days, every ``every_weeks`` weeks
    counted from the week it started, within its dates."""
    first_monday = plan.starts_on - timedelta(days=plan.starts_on.weekday())
    days = set(plan.weekdays)
    slots = []
    day = from_on
    while day <= to_on:
        week = (day - first_monday).days // 7
        if day.weekday() in days and week % plan.every_weeks == 0 and plan.covers(day):
            slots.append(at_london(day, plan.start_time))
        day += timedelta(days=1)
    return slots


def generate_errors(
    *, plan: FamilyTimePlan, from_on: date | None, to_on: date | None
) -> dict[str | None, str]:
    """What is wrong with the period to generate sessions for, by field."""
    errors = Errors()
    if from_on and to_on and to_on < from_on:
        errors.add("to_on", "The last date must be on or after the first date")
    if from_on and from_on < plan.starts_on:
        errors.add(
            "from_on",
            f"The first date must be on or after the plan's start date, "
            f"{format_date(plan.starts_on)}",
        )
    if to_on and plan.ends_on and to_on > plan.ends_on:
        errors.add(
            "to_on",
            f"The last date must be on or before the plan's end date, {format_date(plan.ends_on)}",
        )
    if from_on and to_on and (to_on - from_on).days >= MAX_PERIOD_DAYS:
        errors.add("to_on", "Generate sessions for up to 6 months at a time")
    return errors.as_dict()


def _clash(
    *, supervisor: User | None, starts_at: datetime, ends_at: datetime, exclude_pk=None
) -> Session | None:
    if supervisor is None:
        return None
    clashes = Session.objects.filter(
        supervisor=supervisor, starts_at__lt=ends_at, ends_at__gt=starts_at
    ).exclude(status=SessionStatus.CANCELLED)
    if exclude_pk:
        clashes = clashes.exclude(pk=exclude_pk)
    return clashes.order_by("starts_at").first()


def _clash_message(clash: Session) -> str:
    start = clash.starts_at.astimezone(LONDON)
    return (
        f"The supervisor already has a family time session at {start:%H:%M} on "
        f"{format_date(start.date())}: choose another time or supervisor"
    )


def session_errors(
    *,
    plan: FamilyTimePlan,
    starts_at: datetime | None,
    ends_at: datetime | None,
    supervisor: User | None,
    exclude_pk: int | None = None,
) -> dict[str | None, str]:
    """What is wrong with a session's date, time and supervisor, by field."""
    errors = Errors()
    if starts_at is None or ends_at is None:
        return errors.as_dict()
    if ends_at <= starts_at:
        errors.add("duration_minutes", "Length must be at least 1 minute")
    day = starts_at.astimezone(LONDON).date()
    if not plan.covers(day):
        until = f" to {format_date(plan.ends_on)}" if plan.ends_on else ""
        errors.add(
            "on",
            f"The date must be within the plan's dates, from {format_date(plan.starts_on)}{until}",
        )
    clash = _clash(
        supervisor=supervisor, starts_at=starts_at, ends_at=ends_at, exclude_pk=exclude_pk
    )
    if clash is not None:
        errors.add("supervisor", _clash_message(clash))
    return errors.as_dict()


def _lock_supervisor(supervisor: User | None) -> None:
    """Two sessions for one supervisor written at once cannot both miss each other's clash."""
    if supervisor is not None:
        User.objects.select_for_update().filter(pk=supervisor.pk).first()


@transaction.atomic
def sessions_generate(
    *, plan: FamilyTimePlan, by: User, from_on: date, to_on: date
) -> list[Session]:
    """Create the plan's sessions for a period; those already generated are kept as they are
    (moved, cancelled or recorded), so generating twice never duplicates. Returns the new ones."""
    require_perm(by, "family_time.plan_family_time", plan.child)
    plan = FamilyTimePlan.objects.select_for_update().select_related("child").get(pk=plan.pk)
    Errors(generate_errors(plan=plan, from_on=from_on, to_on=to_on)).raise_any()
    _lock_supervisor(plan.supervisor)
    slots = plan_slots(plan, from_on, to_on)
    existing = (
        set(plan.sessions.filter(slot__in=slots).values_list("slot", flat=True))
        if slots
        else set()
    )
    length = timedelta(minutes=plan.duration_minutes)
    created = []
    for slot in slots:
        if slot in existing:
            continue
        clash = _clash(supervisor=plan.supervisor, starts_at=slot, ends_at=slot + length)
        if clash is not None:
            Errors({"from_on": _clash_message(clash)}).raise_any()
        session = Session(
            plan=plan,
            slot=slot,
            starts_at=slot,
            ends_at=slot + length,
            supervisor=plan.supervisor,
        )
        created.append(save_record(session, by=by))
    return created


def _lock_session(session: Session) -> Session:
    return (
        Session.objects.select_for_update(of=("self",))
        .select_related("plan", "plan__child")
        .get(pk=session.pk)
    )


@transaction.atomic
def session_add(
    *,
    plan: FamilyTimePlan,
    by: User,
    starts_at: datetime,
    duration_minutes: int,
    supervisor: User | None,
) -> Session:
    """Add a session that the plan's days do not give (an extra one, a goodbye)."""
    require_perm(by, "family_time.plan_family_time", plan.child)
    _lock_supervisor(supervisor)
    ends_at = starts_at + timedelta(minutes=duration_minutes)
    Errors(
        session_errors(plan=plan, starts_at=starts_at, ends_at=ends_at, supervisor=supervisor)
    ).raise_any()
    session = Session(plan=plan, starts_at=starts_at, ends_at=ends_at, supervisor=supervisor)
    return save_record(session, by=by)


@transaction.atomic
def session_move(
    *,
    session: Session,
    by: User,
    starts_at: datetime,
    duration_minutes: int,
    supervisor: User | None,
    moved_because: str = "",
) -> Session:
    """Change a session's date, time or supervisor (the history keeps where it was)."""
    require_perm(by, "family_time.record_session", session)
    session = _lock_session(session)
    require_perm(by, "family_time.record_session", session)
    _lock_supervisor(supervisor)
    ends_at = starts_at + timedelta(minutes=duration_minutes)
    Errors(
        session_errors(
            plan=session.plan,
            starts_at=starts_at,
            ends_at=ends_at,
            supervisor=supervisor,
            exclude_pk=session.pk,
        )
    ).raise_any()
    session.starts_at, session.ends_at = starts_at, ends_at
    session.supervisor = supervisor
    session.moved_because = moved_because
    return save_record(session, by=by)


def attendance_errors(
    *,
    session: Session,
    attendance: dict,
    plan_member_ids: set[int] | None = None,
    at: datetime | None = None,
) -> dict[str | None, str]:
    """What is wrong with recording a session: attendance of someone not in the plan, a
    session that has not started yet, an outcome that is not one. Keyed by field
    (``member_<pk>`` for a person)."""
    errors = Errors()
    if plan_member_ids is None:
        plan_member_ids = set(session.plan.family_members.values_list("pk", flat=True))
    for member_pk, outcome in attendance.items():
        if int(member_pk) not in plan_member_ids:
            errors.add(None, NOT_IN_PLAN)
        elif outcome not in Outcome.values:
            errors.add(f"member_{member_pk}", "Select what happened for this person")
    if session.starts_at > (at or now()):
        errors.add(None, "You can record a session only once it has started")
    if session.status == SessionStatus.CANCELLED:
        errors.add(None, "This session was cancelled: move it to record it")
    return errors.as_dict()


@transaction.atomic
def session_record(
    *,
    session: Session,
    by: User,
    attendance: dict[int, str],
    handover_notes: str = "",
    observations: str = "",
    concerns: str = "",
    follow_up: str = "",
    notes: dict[int, str] | None = None,
) -> Session:
    """Record what happened at a session: each family member's attendance, the handover, what
    was observed for court, concerns and what follows. Recording it again corrects it."""
    require_perm(by, "family_time.record_session", session)
    session = _lock_session(session)
    Errors(attendance_errors(session=session, attendance=attendance)).raise_any()
    corrected = session.status == SessionStatus.HELD
    session.status = SessionStatus.HELD
    session.cancelled_because = ""
    session.handover_notes = handover_notes
    session.observations = observations
    session.concerns = concerns
    session.follow_up = follow_up
    save_record(session, by=by)
    _save_attendance(session, by=by, attendance=attendance, notes=notes or {})
    family_time_emit(
        FamilyTimeEvent.SESSION_HELD,
        child=session.plan.child,
        on=session.starts_at.astimezone(LONDON).date(),
        by=by,
        record=session,
        corrected=corrected,
    )
    return session


def _save_attendance(session: Session, *, by: User, attendance: dict, notes: dict) -> None:
    current = {row.family_member_id: row for row in session.attendance.all()}
    for member_pk, outcome in attendance.items():
        row = current.get(int(member_pk)) or Attendance(
            session=session, family_member_id=int(member_pk)
        )
        row.outcome = outcome
        row.notes = notes.get(int(member_pk), row.notes or "")
        save_record(row, by=by)


def cancel_errors(*, session: Session, because: str | None) -> dict[str | None, str]:
    errors = Errors()
    if not because:
        errors.add("because", "Select why the session was cancelled")
    elif because not in CANCELLATIONS:
        errors.add("because", "Select why the session was cancelled")
    if session.status == SessionStatus.HELD:
        errors.add(None, "This session has been recorded as held")
    return errors.as_dict()


@transaction.atomic
def session_cancel(*, session: Session, by: User, because: str) -> Session:
    """Cancel a session, saying why; it stays in the schedule and counts in attendance as that
    reason for everyone in the plan."""
    require_perm(by, "family_time.record_session", session)
    session = _lock_session(session)
    Errors(cancel_errors(session=session, because=because)).raise_any()
    session.status = SessionStatus.CANCELLED
    session.cancelled_because = because
    save_record(session, by=by)
    members = session.plan.family_members.values_list("pk", flat=True)
    _save_attendance(session, by=by, attendance=dict.fromkeys(members, because), notes={})
    family_time_emit(
        FamilyTimeEvent.SESSION_CANCELLED,
        child=session.plan.child,
        on=session.starts_at.astimezone(LONDON).date(),
        by=by,
        record=session,
    )
    return session


# --- family time after adoption or a return home ------------------------------------------------

LATER_FIELDS = (
    "setting",
    "kind",
    "family_member",
    "with_ep_carers",
    "how_often",
    "s51a_order",
    "s51a_order_on",
    "starts_on",
    "review_on",
    "ends_on",
    "notes",
)


def later_errors(
    *,
    child: Child,
    family_member: FamilyMember | None,
    with_ep_carers: bool,
    s51a_order: str = "",
    s51a_order_on: date | None = None,
    starts_on: date | None = None,
    review_on: date | None = None,
    ends_on: date | None = None,
) -> dict[str | None, str]:
    errors = Errors()
    if family_member is None and not with_ep_carers:
        errors.add("family_member", "Select who the family time is with")
    if family_member is not None and family_member.child_id != child.pk:
        errors.add("family_member", NOT_IN_NETWORK)
    if s51a_order and s51a_order_on is None:
        errors.add("s51a_order_on", "Enter the date of the section 51A order")
    if starts_on and review_on and review_on < starts_on:
        errors.add("review_on", "Review date must be on or after the start date")
    if starts_on and ends_on and ends_on < starts_on:
        errors.add("ends_on", "End date must be on or after the start date")
    return errors.as_dict()


@transaction.atomic
def later_family_time_save(
    *, child: Child, by: User, record: LaterFamilyTime | None = None, **fields
) -> LaterFamilyTime:
    """Add or change an arrangement for family time after adoption or after a return home."""
    require_perm(by, "family_time.plan_family_time", child)
    unknown = set(fields) - set(LATER_FIELDS)
    if unknown:
        raise TypeError(f"later_family_time_save() got unexpected arguments {sorted(unknown)}")
    _lock_child(child)
    if record is None:
        record = LaterFamilyTime(child=child)
    elif record.child_id != child.pk:
        raise ValueError("the arrangement is another child's")
    for name, value in fields.items():
        setattr(record, name, value)
    Errors(
        later_errors(
            child=child,
            family_member=record.family_member,
            with_ep_carers=record.with_ep_carers,
            s51a_order=record.s51a_order,
            s51a_order_on=record.s51a_order_on,
            starts_on=record.starts_on,
            review_on=record.review_on,
            ends_on=record.ends_on,
        )
    ).raise_any()
    return save_record(record, by=by)
