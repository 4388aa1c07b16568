"""The children's side of the carers' sufficiency page (Std 3.3), registered on
``carers.extensions.demand_sources``: ``carers`` cannot read children (the same floor), and the
dashboards read everything. Counts of the children the viewer may see, in a fixed number of
queries. "Waiting" is every child on the register who is born and has no final outcome yet;
"identified" and "in family finding" as stages complete when the EP journey lands."""

from datetime import date, timedelta

from django.db.models import Count, Q
from django.db.models.functions import TruncMonth

from accounts import clock
from carers.extensions import BAND_MONTHS, Demand
from children.selectors import children_visible_to


def _born_between(today: date, low_months: int, high_months: int) -> Q:
    # months of age as calendar days: close enough for counting bands on a page
    youngest = today - timedelta(days=round(low_months * 30.44))
    oldest = today - timedelta(days=round((high_months + 1) * 30.44))
    return Q(date_of_birth__lte=youngest, date_of_birth__gt=oldest)


def children_demand(viewer) -> Demand | None:
    """Children waiting and in the pipeline, by the sufficiency page's age bands."""
    today = clock.today()
    children = children_visible_to(user=viewer).filter(archived_at__isnull=True)
    born = Q(date_of_birth__isnull=False)
    unborn = Q(date_of_birth__isnull=True)
    pre_proceedings = Q(pre_proceedings__isnull=False) & Q(proceedings__isnull=True)
    counts = children.aggregate(
        unborn=Count("pk", filter=unborn, distinct=True),
        **{
            f"waiting_{band}": Count(
                "pk", filter=born & ~pre_proceedings & _born_between(today, *months), distinct=True
            )
            for band, months in BAND_MONTHS.items()
        },
        **{
            f"pipeline_{band}": Count(
                "pk", filter=born & pre_proceedings & _born_between(today, *months), distinct=True
            )
            for band, months in BAND_MONTHS.items()
        },
    )
    by_month = (
        children.filter(unborn, expected_delivery_date__gte=today)
        .annotate(month=TruncMonth("expected_delivery_date"))
        .values("month")
        .annotate(n=Count("pk"))
        .order_by("month")
    )
    groups = (
        children.filter(sibling_group__isnull=False)
        .values("sibling_group")
        .annotate(n=Count("pk"))
        .values_list("n", flat=True)
    )
    sibling_groups: dict[int, int] = {}
    for size in groups:
        if size >= 2:  # noqa: PLR2004
            key = min(size, 3)
            sibling_groups[key] = sibling_groups.get(key, 0) + size
    return Demand(
        waiting={band: counts[f"waiting_{band}"] for band in BAND_MONTHS},
        pipeline={
            "pre_birth": counts["unborn"],
            **{band: counts[f"pipeline_{band}"] for band in BAND_MONTHS},
        },
        unborn_by_month=[(row["month"], row["n"]) for row in by_month],
        sibling_groups=sibling_groups,
        notes=[
            "Children waiting: the children on your register who are born and not in "
            "pre-proceedings. Pipeline: unborn babies by expected date, and children in "
            "pre-proceedings. The stages 'identified' and 'in family finding' complete these "
            "counts when the EP journey is in the service."
        ],
    )
