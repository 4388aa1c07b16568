"""The child's legal status as a history and their periods of care: the stored facts the SSDA903
episodes are derived from (DESIGN.md "Data that must come out right").

A period of care runs from the day the child became looked after to the day they ceased to be;
within it, each legal status period has a 903 code, a start, an end (the next one's start, as the
903 return counts them) and its basis: an order of the court, or a section 20 agreement.
"""

from datetime import date

from django.db import models
from simple_history.models import HistoricalRecords

from accounts.models import TimeStampedModel

from .child import Child
from .codes import LegalStatus
from .court import CourtOrder, OrderKind

# recording an order proposes the legal status that follows it (LAW.md "Court"; SSDA903 codes)
PROPOSED_STATUS = {
    OrderKind.INTERIM_CARE: LegalStatus.C1,
    OrderKind.CARE: LegalStatus.C2,
    OrderKind.PLACEMENT: LegalStatus.E1,
    OrderKind.EMERGENCY_PROTECTION: LegalStatus.L2,
}
# the order kinds a legal status may rest on
STATUS_ORDERS = {
    LegalStatus.C1: {OrderKind.INTERIM_CARE},
    LegalStatus.C2: {OrderKind.CARE},
    LegalStatus.E1: {OrderKind.PLACEMENT},
    LegalStatus.L2: {OrderKind.EMERGENCY_PROTECTION},
    LegalStatus.L3: set(),
}
# codes that rest on an order of the court
ORDER_CODES = frozenset({LegalStatus.C1, LegalStatus.C2, LegalStatus.E1, LegalStatus.L2})


class StatusBasis(models.TextChoices):
    ORDER = "order", "An order of the court"
    SECTION_20 = "s20", "Section 20 agreement (Children Act 1989)"
    POLICE_PROTECTION = "police", "Police protection (Children Act 1989 s.46)"
    OTHER = "other", "Other"


class CarePeriod(TimeStampedModel):
    """A period of care: the child became looked after, and (later) ceased to be."""

    child = models.ForeignKey(Child, on_delete=models.PROTECT, related_name="care_periods")
    started_on = models.DateField("date became looked after")
    ended_on = models.DateField("date ceased to be looked after", null=True, blank=True)
    reason_ended = models.TextField("why the child ceased to be looked after", blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["started_on", "pk"]
        verbose_name = "period of care"
        verbose_name_plural = "periods of care"
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ended_on__isnull=True)
                | models.Q(ended_on__gte=models.F("started_on")),
                name="care_period_ends_after_start",
            ),
            # one period of care open at a time
            models.UniqueConstraint(
                fields=["child"],
                condition=models.Q(ended_on__isnull=True),
                name="one_open_care_period",
            ),
        ]

    def __str__(self) -> str:
        return f"Looked after from {self.started_on:%d/%m/%Y}"

    def covers(self, day: date) -> bool:
        return self.started_on <= day and (self.ended_on is None or day <= self.ended_on)


class LegalStatusPeriod(TimeStampedModel):
    """A legal status (SSDA903 code) from a date, on a basis: an order, a section 20
    agreement…"""

    child = models.ForeignKey(Child, on_delete=models.PROTECT, related_name="legal_statuses")
    code = models.CharField("legal status", max_length=2, choices=LegalStatus.choices)
    starts_on = models.DateField("date the legal status began")
    ends_on = models.DateField("date the legal status ended", null=True, blank=True)
    basis = models.CharField(max_length=10, choices=StatusBasis.choices)
    order = models.ForeignKey(
        CourtOrder,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="legal_statuses",
        help_text="The order the legal status rests on.",
    )
    basis_detail = models.TextField("about the basis", blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["starts_on", "pk"]
        verbose_name = "legal status"
        verbose_name_plural = "legal statuses"
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ends_on__isnull=True)
                | models.Q(ends_on__gte=models.F("starts_on")),
                name="legal_status_ends_after_start",
            ),
            models.CheckConstraint(
                condition=~models.Q(basis="order") | models.Q(order__isnull=False),
                name="legal_status_order_basis_names_order",
            ),
        ]
        indexes = [models.Index(fields=["child", "starts_on"])]

    def __str__(self) -> str:
        return f"{self.code} from {self.starts_on:%d/%m/%Y}"
