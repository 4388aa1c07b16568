"""Every read the family time pages need, scoped to what the user may see, each in a fixed
number of queries whatever the number of sessions, children or staff."""

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from django.db.models import Count, Prefetch, Q, QuerySet, prefetch_related_objects
from django.db.models.functions import TruncMonth
from django.http import Http404

from accounts import clock
from accounts.models import User
from children.models import Child, FamilyMember
from children.selectors import children_visible_to

from .models import (
    ATTENDED,
    NOT_COUNTED,
    Attendance,
    FamilyTimePlan,
    LaterFamilyTime,
    Session,
    SessionStatus,
)
from .services import LONDON

MEMBER_FIELDS = ("id", "name", "relationship", "relationship_detail", "child_id")


def _members():
    # only who the person is: never their address, phone or email on a family time page
    return FamilyMember.objects.only(*MEMBER_FIELDS).order_by("name")


def plans_of(*, child: Child) -> list[FamilyTimePlan]:
    """The child's plans, newest first, with whom and the supervisor."""
    return list(
        FamilyTimePlan.objects.filter(child=child)
        .select_related("supervisor")
        .prefetch_related(Prefetch("family_members", queryset=_members()))
    )


def plan_for(*, child: Child, pk: int) -> FamilyTimePlan:
    try:
        return (
            FamilyTimePlan.objects.select_related("child", "supervisor")
            .prefetch_related(Prefetch("family_members", queryset=_members()))
            .get(child=child, pk=pk)
        )
    except FamilyTimePlan.DoesNotExist as missing:
        raise Http404("No family time plan found") from missing


def _attendance_prefetch() -> Prefetch:
    return Prefetch(
        "attendance",
        queryset=Attendance.objects.select_related("family_member").only(
            "id",
            "session_id",
            "family_member_id",
            "outcome",
            "notes",
            *(f"family_member__{name}" for name in MEMBER_FIELDS),
        ),
    )


def _sessions() -> QuerySet[Session]:
    return Session.objects.select_related("supervisor", "plan").prefetch_related(
        _attendance_prefetch()
    )


def session_for(*, child: Child, pk: int) -> Session:
    try:
        return (
            _sessions()
            .select_related("plan__child")
            .prefetch_related(Prefetch("plan__family_members", queryset=_members()))
            .get(plan__child=child, pk=pk)
        )
    except Session.DoesNotExist as missing:
        raise Http404("No family time session found") from missing


@dataclass
class ChildFamilyTime:
    plans: list
    upcoming: list
    past: list
    later: list
    attendance: "AttendanceReport"
    legal_facts: list = field(default_factory=list)


def family_time_for(*, child: Child, viewer: User, upcoming: int = 10, past: int = 10):
    """What the child's page shows of family time (a fixed number of queries)."""
    plans = plans_of(child=child)
    later = list(LaterFamilyTime.objects.filter(child=child).select_related("family_member"))
    if not plans:
        # no plan, no sessions and no attendance: nothing more to ask the database
        return ChildFamilyTime(
            plans=[], upcoming=[], past=[], later=later, attendance=AttendanceReport([], {}, [])
        )
    moment = clock.now()
    sessions = Session.objects.filter(plan__child=child).select_related("supervisor")
    # the next and the last sessions in one query (a UNION of the two), attendance prefetched
    both = list(
        sessions.filter(starts_at__gte=moment)
        .order_by("starts_at")[:upcoming]
        .union(sessions.filter(starts_at__lt=moment).order_by("-starts_at")[:past], all=True)
    )
    prefetch_related_objects(both, _attendance_prefetch())
    return ChildFamilyTime(
        plans=plans,
        upcoming=sorted((s for s in both if s.starts_at >= moment), key=lambda s: s.starts_at),
        past=sorted(
            (s for s in both if s.starts_at < moment), key=lambda s: s.starts_at, reverse=True
        ),
        later=later,
        attendance=attendance_report(child=child),
    )


# --- attendance ----------------------------------------------------------------------------------


@dataclass
class RateRow:
    label: str
    counted: int
    attended: int
    not_counted: int
    by_outcome: dict

    @property
    def rate(self) -> int | None:
        """Per cent attended of the sessions the family could attend (None when none)."""
        return round(self.attended * 100 / self.counted) if self.counted else None


@dataclass
class MonthRow:
    month: date
    rows: dict  # member pk -> RateRow


@dataclass
class AttendanceReport:
    members: list  # (pk, name)
    totals: dict  # member pk -> RateRow
    months: list  # MonthRow, oldest first

    @property
    def empty(self) -> bool:
        return not self.months


def attendance_report(*, child: Child, months: int = 12) -> AttendanceReport:
    """Each family member's attendance, month by month and in total, counted in the database:
    one query grouped by person, month and outcome, whatever the number of sessions. Sessions
    cancelled by the local authority or the carers, or because the child was unwell, are not
    the family's to attend: they are shown, but not counted against the rate."""
    grouped = (
        Attendance.objects.filter(session__plan__child=child)
        .annotate(month=TruncMonth("session__starts_at", tzinfo=LONDON))
        .values("family_member_id", "family_member__name", "month", "outcome")
        .annotate(n=Count("pk"))
        .order_by()
    )
    names: dict[int, str] = {}
    month_rows: dict[date, MonthRow] = {}
    totals: dict[int, RateRow] = {}
    for row in grouped:
        month = row["month"]
        month = month.date() if isinstance(month, datetime) else month
        member, outcome, n = row["family_member_id"], row["outcome"], row["n"]
        names[member] = row["family_member__name"]
        line = month_rows.setdefault(month, MonthRow(month=month, rows={}))
        for rate in (
            line.rows.setdefault(member, RateRow(names[member], 0, 0, 0, {})),
            totals.setdefault(member, RateRow(names[member], 0, 0, 0, {})),
        ):
            rate.by_outcome[outcome] = rate.by_outcome.get(outcome, 0) + n
            if outcome in NOT_COUNTED:
                rate.not_counted += n
            else:
                rate.counted += n
            if outcome in ATTENDED:
                rate.attended += n
    ordered = sorted(month_rows.values(), key=lambda line: line.month)[-months:]
    members = sorted(names.items(), key=lambda item: item[1])
    return AttendanceReport(members=members, totals=totals, months=ordered)


# --- the family time worker's schedule -----------------------------------------------------------


@dataclass
class Schedule:
    today: list
    this_week: list
    later: list
    week_start: date


def schedule_for(*, user: User, today: date | None = None, weeks_ahead: int = 2) -> Schedule:
    """The sessions the user supervises: today, the rest of this week, and the next weeks, in
    one query (with the children's names and the family members, prefetched)."""
    today = today or clock.today()
    week_start = today - timedelta(days=today.weekday())
    start = datetime.combine(week_start, datetime.min.time(), tzinfo=LONDON)
    end = start + timedelta(weeks=1 + weeks_ahead)
    sessions = list(
        Session.objects.filter(supervisor=user, starts_at__gte=start, starts_at__lt=end)
        .select_related("plan", "plan__child")
        .only(
            "id",
            "starts_at",
            "ends_at",
            "status",
            "cancelled_because",
            "supervisor_id",
            "plan__id",
            "plan__venue",
            "plan__virtual_platform",
            "plan__supervision_level",
            "plan__child__id",
            "plan__child__legal_name",
            "plan__child__known_as",
            "plan__child__archived_at",
        )
        .prefetch_related(Prefetch("plan__family_members", queryset=_members()))
        .order_by("starts_at")
    )
    week_end = week_start + timedelta(days=7)
    todays, week, later = [], [], []
    for session in sessions:
        day = session.starts_at.astimezone(LONDON).date()
        if day == today:
            todays.append(session)
        elif day < week_end:
            week.append(session)
        else:
            later.append(session)
    return Schedule(today=todays, this_week=week, later=later, week_start=week_start)


def home_panel(*, user: User) -> dict | None:
    """The home page's "Family time today" for a family time worker (one query)."""
    if not user.has_role("family_time_worker"):
        return None
    today = clock.today()
    start = datetime.combine(today, datetime.min.time(), tzinfo=LONDON)
    count = (
        Session.objects.filter(
            supervisor=user, starts_at__gte=start, starts_at__lt=start + timedelta(days=1)
        )
        .exclude(status=SessionStatus.CANCELLED)
        .count()
    )
    return {"today": count}


def children_with_sessions(user: User) -> Q | None:
    """The children whose family time a family time worker supervises, a plan's or a
    session's (``children.extensions.visibility``); None for anyone else (nothing added)."""
    if not (user.is_authenticated and user.has_role("family_time_worker")):
        return None
    return Q(pk__in=FamilyTimePlan.objects.filter(supervisor=user).values("child_id")) | Q(
        pk__in=Session.objects.filter(supervisor=user).values("plan__child_id")
    )


def child_for_attendance(*, user: User, pk: int) -> Child:
    try:
        return children_visible_to(user=user).get(pk=pk)
    except Child.DoesNotExist as missing:
        raise Http404("No child found") from missing
