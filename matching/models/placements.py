"""Every placement of the child — hospital, parent and child, bridging foster carers, the early
permanence carers, placed for adoption — with its 903 codes: the moves before the EP placement
are what early permanence claims to spare a baby (seeds 000, 001, 004)."""

from django.db import models
from simple_history.models import HistoricalRecords

from accounts.models import TimeStampedModel
from carers.models import Household
from children.models import Child

from .codes import PlacementCode, ProviderCode, ReasonForChange


class PlacementKind(models.TextChoices):
    HOSPITAL = "hospital", "Hospital"
    PARENT_AND_CHILD = "parent_and_child", "Parent and child placement"
    BRIDGING_FOSTER = "bridging_foster", "Bridging foster carers"
    EP_CARERS = "ep_carers", "Early permanence carers"
    FAMILY_NETWORK_FOSTER = "family_network_foster", "Foster carers from the family network"
    PLACED_FOR_ADOPTION = "placed_for_adoption", "Placed for adoption"
    PLACED_WITH_PARENTS = "placed_with_parents", "Placed with parents"
    RESIDENTIAL = "residential", "Residential placement"
    OTHER = "other", "Other placement"


#: the kinds that are with an early permanence carers' household
WITH_HOUSEHOLD = {PlacementKind.EP_CARERS, PlacementKind.PLACED_FOR_ADOPTION}


class Placement(TimeStampedModel):
    """One placement of the child, from ``starts_on`` to ``ends_on`` (open while empty)."""

    child = models.ForeignKey(Child, on_delete=models.PROTECT, related_name="placements")
    kind = models.CharField(max_length=30, choices=PlacementKind.choices)
    starts_on = models.DateField("date the placement started")
    ends_on = models.DateField("date the placement ended", null=True, blank=True)
    placement_code = models.CharField(
        "placement type (903 PLACE)", max_length=2, choices=PlacementCode.choices
    )
    provider_code = models.CharField(
        "placement provider (903 PLACE_PROVIDER)",
        max_length=3,
        choices=ProviderCode.choices,
        blank=True,
    )
    postcode_district = models.CharField(
        "postcode district of the placement",
        max_length=4,
        blank=True,
        help_text="The first part of the postcode only, e.g. NM3.",
    )
    reason_for_change = models.CharField(
        "reason for the change of placement (903 REASON_PLACE_CHANGE)",
        max_length=6,
        choices=ReasonForChange.choices,
        blank=True,
    )
    end_reason = models.TextField("why the placement ended", blank=True)
    household = models.ForeignKey(
        Household,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="placements",
        help_text="The early permanence carers' household, where it is one.",
    )
    # CPR reg 23: an emergency placement outside the foster carers' terms of approval
    outside_terms_reason = models.TextField(
        "why the child is placed outside the carers' terms of approval", blank=True
    )
    history = HistoricalRecords(excluded_fields=["updated_at"])

    class Meta:
        ordering = ["child", "starts_on", "pk"]
        indexes = [
            models.Index(fields=["child", "starts_on"], name="placement_child_idx"),
            models.Index(fields=["household", "ends_on"], name="placement_household_idx"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ends_on__isnull=True)
                | models.Q(ends_on__gte=models.F("starts_on")),
                name="placement_ends_after_start",
            ),
            models.CheckConstraint(
                condition=~models.Q(kind__in=["ep_carers", "placed_for_adoption"])
                | models.Q(household__isnull=False),
                name="placement_ep_has_household",
            ),
            # one open placement at a time
            models.UniqueConstraint(
                fields=["child"],
                condition=models.Q(ends_on__isnull=True),
                name="placement_one_open",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} from {self.starts_on:%-d %B %Y}"

    @property
    def organisation_id(self) -> int:
        return self.child.responsible_authority_id

    @property
    def is_ep_placement(self) -> bool:
        return self.kind == PlacementKind.EP_CARERS

    @property
    def is_open(self) -> bool:
        return self.ends_on is None
