"""Every read of the carers' pages: scoped to what the user may see, in a fixed number of
queries however many households, approvals, staff or teams there are."""

from dataclasses import dataclass, field
from datetime import date

from django.core.paginator import Paginator
from django.db.models import Count, Min, Prefetch, Q, QuerySet
from django.http import Http404

from accounts import clock
from accounts.models import User

from .availability import Availability, with_availability
from .extensions import AGE_BANDS, BAND_MONTHS, Demand, demand_sources, extra_household_visibility
from .models import (
    AdopterApproval,
    ApprovalReview,
    ApprovalStatusChange,
    FosterApproval,
    Household,
)
from .rules import works_with_carers

PAGE_SIZE = 25


def households_visible_to(*, user: User) -> QuerySet[Household]:
    """Households the user may open: recruited by their organisation, or matched with one of
    their authority's children (``carers.extensions.household_visibility``)."""
    if not works_with_carers.test(user):
        return Household.objects.none()
    visible = Q(recruiting_agency_id=user.organisation_id)
    extra = extra_household_visibility(user)
    if extra is not None:
        visible |= extra
    return Household.objects.filter(visible)


def _review_due():
    return Min(
        "adopter_approvals__review_due_on",
        filter=Q(adopter_approvals__review_due_on__isnull=False),
    )


def _band_condition(band: str) -> Q:
    """Households whose offer covers an age band (a household counts in every band it covers)."""
    if band == "pre_birth":
        return Q(offer__pre_birth=True)
    low, high = BAND_MONTHS[band]
    return Q(offer__age_from_months__lte=high, offer__age_to_months__gte=low)


@dataclass
class ListFilters:
    availability: str = ""
    agency: int | None = None
    age_band: str = ""
    siblings: int | None = None
    dual_only: bool = False


def household_list_page(*, user: User, filters: ListFilters, page: str | int = 1):
    """The carer list: one page of households with their derived availability."""
    today = clock.today()
    households = with_availability(households_visible_to(user=user), today=today)
    if filters.availability:
        households = households.filter(availability=filters.availability)
    if filters.agency:
        households = households.filter(
            Q(adopter_approvals__agency_id=filters.agency)
            | Q(foster_approvals__agency_id=filters.agency)
            | Q(recruiting_agency_id=filters.agency)
        ).distinct()
    if filters.age_band in AGE_BANDS:
        households = households.filter(_band_condition(filters.age_band))
    if filters.siblings:
        households = households.filter(offer__sibling_group_size__gte=filters.siblings)
    if filters.dual_only:
        households = households.filter(dual_approved=True)
    households = households.select_related(
        "supervising_social_worker", "offer", "recruiting_agency"
    ).order_by("name", "pk")
    return Paginator(households, PAGE_SIZE).get_page(page)


def _approval_prefetch(model, name: str) -> Prefetch:
    return Prefetch(
        name,
        queryset=model.objects.select_related("agency").prefetch_related(
            Prefetch(
                "status_changes",
                queryset=ApprovalStatusChange.objects.order_by("changed_on", "created_at"),
            ),
            Prefetch("reviews", queryset=ApprovalReview.objects.order_by("reviewed_on")),
        ),
    )


def household_for_record(*, user: User, pk: int) -> Household:
    """A household with every record its page shows (404 unless the user may see it)."""
    households = with_availability(households_visible_to(user=user), today=clock.today())
    household = (
        households.select_related(
            "recruiting_agency",
            "supervising_social_worker",
            "fostering_worker",
            "adoption_worker",
            "offer",
        )
        .prefetch_related(
            "applicants",
            "members",
            "training",
            "support",
            _approval_prefetch(AdopterApproval, "adopter_approvals"),
            _approval_prefetch(FosterApproval, "foster_approvals"),
        )
        .filter(pk=pk)
        .first()
    )
    if household is None:
        raise Http404("No household found")
    return household


def household_for_form(*, user: User, pk: int) -> Household:
    """The household a form page is about, with its derived availability (404 otherwise)."""
    household = (
        with_availability(households_visible_to(user=user), today=clock.today())
        .select_related("recruiting_agency", "offer")
        .filter(pk=pk)
        .first()
    )
    if household is None:
        raise Http404("No household found")
    return household


def household_history(household: Household) -> list[dict]:
    """The household's history, newest first, from the records the page loaded: each status
    change of each approval, each review, each piece of training and support, and the opt-out."""
    events = []
    for approval in [*household.adopter_approvals.all(), *household.foster_approvals.all()]:
        label = "adopters" if approval.kind == "adopter" else "foster carers"
        for change in approval.status_changes.all():
            events.append(
                {
                    "on": change.changed_on,
                    "what": f"Approval as {label}: {change.get_status_display().lower()}",
                    "detail": change.reason,
                }
            )
        for review in approval.reviews.all():
            events.append(
                {
                    "on": review.reviewed_on,
                    "what": f"Approval as {label} reviewed: "
                    f"{review.get_outcome_display().lower()}",
                    "detail": review.notes,
                }
            )
    for training in household.training.all():
        if training.completed_on:
            events.append(
                {"on": training.completed_on, "what": f"{training} completed", "detail": ""}
            )
    for support in household.support.all():
        if support.starts_on:
            events.append({"on": support.starts_on, "what": f"{support} started", "detail": ""})
    if household.opted_out_on:
        events.append(
            {
                "on": household.opted_out_on,
                "what": "Opted out of early permanence",
                "detail": household.opted_out_reason,
            }
        )
    return sorted(events, key=lambda event: event["on"], reverse=True)


# --- anonymised profiles -------------------------------------------------------------------


def profiles_visible_to(*, user: User) -> QuerySet[Household]:
    """Anonymised profiles for family finders: available households of any agency (no names,
    no postcode on the pages that show them)."""
    from .rules import works_with_carers as works

    if not works.test(user):
        return Household.objects.none()
    return (
        with_availability(Household.objects.all(), today=clock.today())
        .filter(availability=Availability.AVAILABLE)
        .select_related("offer", "recruiting_agency")
        .only(
            "pk",
            "relationship",
            "recruiting_agency__name",
            *(f"offer__{name}" for name in _OFFER_COLUMNS),
        )
        .order_by("pk")
    )


_OFFER_COLUMNS = (
    "pre_birth",
    "age_from_months",
    "age_to_months",
    "sexes",
    "sibling_group_size",
    "identity",
    "prenatal_alcohol",
    "prenatal_drugs",
    "withdrawal",
    "unknown_father",
    "parental_mental_illness",
    "parental_learning_disability",
    "genetic_history",
    "child_going_home",
    "meeting_parents",
    "family_time_per_week",
    "family_time_miles",
    "direct_contact_after_adoption",
    "household_id",
    "id",
)


def profile_page(*, user: User, page: str | int = 1):
    return Paginator(profiles_visible_to(user=user), PAGE_SIZE).get_page(page)


def profile_for(*, user: User, pk: int) -> Household:
    household = profiles_visible_to(user=user).filter(pk=pk).first()
    if household is None:
        raise Http404("No profile found")
    return household


# --- sufficiency -------------------------------------------------------------------------


@dataclass
class Sufficiency:
    available: int = 0
    dual_approved: int = 0
    by_band: dict[str, int] = field(default_factory=dict)
    by_siblings: dict[str, int] = field(default_factory=dict)
    opted_out: int = 0
    ever_approved: int = 0
    demand: Demand | None = None
    rows: list[dict] = field(default_factory=list)
    sibling_rows: list[dict] = field(default_factory=list)

    @property
    def opt_out_rate(self) -> int | None:
        """Opted out, as a whole percentage of the households ever approved as adopters."""
        if not self.ever_approved:
            return None
        return round(100 * self.opted_out / self.ever_approved)


def sufficiency_for(*, user: User, today: date | None = None) -> Sufficiency:
    """Available EP households of the user's organisation by what they can offer, beside the
    children's side (``carers.extensions.demand_sources``): one aggregate query for the supply,
    one for the opt-out rate, and each demand source's fixed number."""
    today = today or clock.today()
    own = Household.objects.filter(recruiting_agency_id=user.organisation_id)
    available = Q(availability=Availability.AVAILABLE)
    counts = with_availability(own, today=today).aggregate(
        available=Count("pk", filter=available),
        dual=Count("pk", filter=available & Q(dual_approved=True)),
        **{
            f"band_{band}": Count("pk", filter=available & _band_condition(band))
            for band in AGE_BANDS
        },
        siblings_2=Count("pk", filter=available & Q(offer__sibling_group_size=2)),
        siblings_3=Count("pk", filter=available & Q(offer__sibling_group_size__gte=3)),
    )
    rate = own.aggregate(
        opted_out=Count("pk", filter=Q(opted_out_on__isnull=False), distinct=True),
        ever=Count("pk", filter=Q(adopter_approvals__decision_on__isnull=False), distinct=True),
    )
    result = Sufficiency(
        available=counts["available"],
        dual_approved=counts["dual"],
        by_band={band: counts[f"band_{band}"] for band in AGE_BANDS},
        by_siblings={"2": counts["siblings_2"], "3 or more": counts["siblings_3"]},
        opted_out=rate["opted_out"],
        ever_approved=rate["ever"],
    )
    for source in demand_sources:
        demand = source(user)
        if demand is not None:
            result.demand = demand
            break
    demand = result.demand or Demand()
    result.rows = [
        {
            "band": band,
            "label": label,
            "households": result.by_band[band],
            "waiting": demand.waiting.get(band, 0),
            "pipeline": demand.pipeline.get(band, 0),
        }
        for band, label in AGE_BANDS.items()
    ]
    result.sibling_rows = [
        {
            "label": label,
            "households": result.by_siblings[label],
            "children": demand.sibling_groups.get(size, 0),
        }
        for size, label in ((2, "2"), (3, "3 or more"))
    ]
    return result
