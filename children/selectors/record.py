"""The child's record page: the summary header and every record, each list in one query."""

from dataclasses import dataclass
from datetime import date

from django.db.models import Case, IntegerField, Prefetch, Value, When
from django.http import Http404

from accounts import clock
from accounts.dates import format_date
from accounts.models import User

from ..models import (
    TIME_LIMITED_KINDS,
    CarePeriod,
    CaseNote,
    Child,
    ChildStandardRecord,
    ConsentToPlacement,
    CourtOrder,
    Extension,
    FamilyMember,
    FatherWithoutPR,
    Hearing,
    IROConcern,
    IROConcernResponse,
    IROEscalation,
    LegalStatusPeriod,
    LookedAfterReview,
    ParentAssessment,
    PaternityTest,
    PreProceedings,
    Proceedings,
    Relationship,
    RetentionReview,
    Section20Accommodation,
    TwinTrackPlan,
    ViabilityAssessment,
    WrittenAgreement,
)
from .child import children_visible_to


@dataclass(frozen=True)
class CourtWeek:
    week: int
    of: int
    target_date: date
    proceedings: Proceedings
    statutory_end: date | None = None
    overdue: bool = False

    def __str__(self) -> str:
        return f"week {self.week} of {self.of}"


@dataclass(frozen=True)
class ChildSummary:
    """What the record's header shows about a child, computed once."""

    age: str
    plan: TwinTrackPlan | None
    next_hearing: Hearing | None
    court_week: CourtWeek | None
    next_review: LookedAfterReview | None
    siblings: list


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def format_age(child: Child, today: date) -> str:
    """'Unborn, due 14 March 2027', '6 weeks old', '5 months old', '1 year, 3 months old'."""
    if child.is_unborn:
        return f"Unborn, due {format_date(child.expected_delivery_date)}"
    days = max((today - child.date_of_birth).days, 0)
    if days < 14:
        return f"{_plural(days, 'day')} old"
    if days < 13 * 7:  # babies' ages are counted in weeks for their first three months
        return f"{_plural(days // 7, 'week')} old"
    years, months = child.age_on(today)
    if years == 0:
        return f"{_plural(months, 'month')} old"
    if years < 2:
        return f"{_plural(years, 'year')}, {_plural(months, 'month')} old"
    return f"{years} years old"


def _prefetched(child: Child, name: str) -> list | None:
    """The child's ``name`` records as ``child_with_records`` loaded them (None: not loaded)."""
    cache = getattr(child, "_prefetched_objects_cache", {})
    return list(cache[name]) if name in cache else None


def _latest_plan(child: Child) -> TwinTrackPlan | None:
    plans = _prefetched(child, "plans")
    if plans is None:
        return (
            TwinTrackPlan.objects.filter(child=child)
            .order_by("-meeting_on", "-created_at")
            .first()
        )
    return max(plans, key=lambda plan: (plan.meeting_on, plan.created_at), default=None)


def _next_hearing(child: Child, today: date) -> Hearing | None:
    proceedings = _prefetched(child, "proceedings")
    if proceedings is None:
        return (
            Hearing.objects.filter(proceedings__child=child, listed_on__gte=today)
            .order_by("listed_on", "pk")  # the same tie-break as the loaded path below
            .first()
        )
    coming = [
        hearing
        for each in proceedings
        for hearing in each.hearings.all()
        if hearing.listed_on >= today
    ]
    return min(coming, key=lambda hearing: (hearing.listed_on, hearing.pk), default=None)


def _open_proceedings(child: Child) -> Proceedings | None:
    proceedings = _prefetched(child, "proceedings")
    if proceedings is None:
        return (
            Proceedings.objects.filter(
                child=child, concluded_on__isnull=True, kind__in=list(TIME_LIMITED_KINDS)
            )
            .prefetch_related("extensions")
            # the same tie-break as the loaded path below: the earliest recorded of a day's issues
            .order_by("-issued_on", "pk")
            .first()
        )
    open_ = [each for each in proceedings if each.concluded_on is None and each.has_time_limit]
    return max(open_, key=lambda each: (each.issued_on, -each.pk), default=None)


def _next_review(child: Child) -> LookedAfterReview | None:
    reviews = _prefetched(child, "reviews")
    if reviews is None:
        return (
            LookedAfterReview.objects.filter(child=child, held_on__isnull=True)
            .order_by("scheduled_on", "pk")  # the same tie-break as the loaded path below
            .first()
        )
    scheduled = [review for review in reviews if review.held_on is None]
    return min(scheduled, key=lambda review: (review.scheduled_on, review.pk), default=None)


def child_summary(*, child: Child, user: User, today: date | None = None) -> ChildSummary:
    """The header facts: age, primary plan, next hearing, court week N of 26, next review.

    Read from the records ``child_with_records`` loaded when the child comes from it (the record
    page: no query but the siblings'), from the database for a bare child.
    """
    today = today or clock.today()
    plan = _latest_plan(child)
    next_hearing = _next_hearing(child, today)
    open_proceedings = _open_proceedings(child)
    court_week = None
    if open_proceedings is not None and open_proceedings.issued_on <= today:
        court_week = CourtWeek(
            week=open_proceedings.week_on(today),
            of=open_proceedings.target_weeks(),
            target_date=open_proceedings.end_in_force(),
            proceedings=open_proceedings,
            statutory_end=open_proceedings.statutory_end(),
            overdue=open_proceedings.is_overdue_on(today),
        )
    next_review = _next_review(child)
    siblings = []
    if child.sibling_group_id:
        siblings = list(
            children_visible_to(user=user)
            .filter(sibling_group_id=child.sibling_group_id)
            .exclude(pk=child.pk)
            .order_by("date_of_birth")
        )
    return ChildSummary(
        age=format_age(child, today),
        plan=plan,
        next_hearing=next_hearing,
        court_week=court_week,
        next_review=next_review,
        siblings=siblings,
    )


def family_network_order():
    """Parents first, then the wider family and connected people: the order of Relationship."""

    return Case(
        *(When(relationship=value, then=Value(i)) for i, value in enumerate(Relationship.values)),
        default=Value(len(Relationship.values)),
        output_field=IntegerField(),
    )


def child_with_records(*, user: User, pk: int) -> Child:
    """A child with every record the record page lists, each list loaded in one query."""

    try:
        return (
            children_visible_to(user=user)
            .select_related(
                "social_worker",
                "iro",
                "team",
                "responsible_authority",
                "referred_to",
                "sibling_group",
                # issue 9: the pre-birth and discharge plan and the baby's health (one-to-one)
                "birth_plan",
                "health",
                "family_finding",
                "responsible_authority__section20_threshold",
            )
            .prefetch_related(
                Prefetch(
                    "family_members",
                    queryset=FamilyMember.objects.filter(archived_at__isnull=True).order_by(
                        family_network_order(), "name"
                    ),
                ),
                Prefetch(
                    "viability_assessments",
                    queryset=ViabilityAssessment.objects.select_related("family_member"),
                ),
                Prefetch(
                    "paternity_tests",
                    queryset=PaternityTest.objects.select_related("alleged_father"),
                ),
                Prefetch(
                    "proceedings",
                    queryset=Proceedings.objects.prefetch_related(
                        Prefetch(
                            "extensions", queryset=Extension.objects.select_related("hearing")
                        ),
                        Prefetch(
                            "hearings", queryset=Hearing.objects.prefetch_related("directions")
                        ),
                    ),
                ),
                Prefetch(
                    "orders", queryset=CourtOrder.objects.select_related("hearing", "ended_by")
                ),
                Prefetch("care_periods", queryset=CarePeriod.objects.all()),
                Prefetch(
                    "legal_statuses", queryset=LegalStatusPeriod.objects.select_related("order")
                ),
                # who may consent, and when (selectors.legal reads these)
                Prefetch(
                    "pre_proceedings",
                    queryset=PreProceedings.objects.prefetch_related("reviews"),
                ),
                Prefetch(
                    "placement_consents",
                    queryset=ConsentToPlacement.objects.select_related("parent"),
                ),
                Prefetch(
                    "written_agreements",
                    queryset=WrittenAgreement.objects.select_related("parent"),
                ),
                Prefetch(
                    "fathers_without_pr", queryset=FatherWithoutPR.objects.select_related("father")
                ),
                "part19_applications",
                Prefetch(
                    "section20_accommodations",
                    queryset=Section20Accommodation.objects.select_related("agreed_by"),
                ),
                Prefetch(
                    "plans",
                    queryset=TwinTrackPlan.objects.select_related(
                        # issue 9 item 4: the family network track names its people
                        "created_by",
                        "family_first",
                        "family_second",
                        "family_third",
                    ),
                ),
                Prefetch("reviews", queryset=LookedAfterReview.objects.select_related("chair")),
                Prefetch(
                    "iro_concerns",
                    queryset=IROConcern.objects.select_related(
                        "review", "created_by"
                    ).prefetch_related(
                        Prefetch(
                            "escalations",
                            queryset=IROEscalation.objects.select_related("created_by"),
                        ),
                        Prefetch(
                            "responses",
                            queryset=IROConcernResponse.objects.select_related("created_by"),
                        ),
                    ),
                ),
                Prefetch(
                    "retention_reviews",
                    queryset=RetentionReview.objects.select_related("created_by"),
                ),
                Prefetch("case_notes", queryset=CaseNote.objects.select_related("created_by")),
                Prefetch(
                    "standard_records",
                    queryset=ChildStandardRecord.objects.select_related(
                        "item", "created_by", "verified_by"
                    ),
                ),
                # issue 9 item 8: the assessments of the parents
                Prefetch(
                    "parent_assessments",
                    queryset=ParentAssessment.objects.select_related("parent").order_by(
                        "requested_on", "id"
                    ),
                ),
            )
            .get(pk=pk)
        )
    except Child.DoesNotExist as missing:
        raise Http404("No child found") from missing
