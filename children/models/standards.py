"""The National Practice Standards checklist: items are data (admin), marked per child."""

from django.conf import settings
from django.db import models
from simple_history.models import HistoricalRecords

from accounts.models import TimeStampedModel

from .child import Child


class StandardItemAppliesTo(models.TextChoices):
    ALL = "all", "Every child"
    UNBORN = "unborn", "Children considered before birth"
    CONSENSUAL = "consensual", "Relinquished babies / consensual adoption"
    # issue 9 item 11: the return-home items (e.g. 2.7, 5.1) do not apply to a relinquished baby
    RETURN_HOME = "return_home", "Children who may return home (not a relinquished baby)"


class PracticeStandardItem(models.Model):
    """A checklist item drawn from the National Practice Standards for Early Permanence."""

    code = models.CharField(max_length=10, unique=True, help_text="The Standard, e.g. 2.5")
    text = models.CharField(max_length=300)
    applies_to = models.CharField(
        max_length=20, choices=StandardItemAppliesTo.choices, default=StandardItemAppliesTo.ALL
    )
    order = models.PositiveSmallIntegerField(default=0)
    active = models.BooleanField(default=True)

    class Meta:
        ordering = ["order", "code"]

    def __str__(self) -> str:
        return f"{self.code} {self.text}"


class ChildStandardRecord(TimeStampedModel):
    """A checklist item met for a child: when, and who recorded it (``created_by``); or marked
    not applicable to this child, with the reason (issue 9 item 11). A manual mark is verified by
    a team manager or the IRO (issue 9 item 10)."""

    child = models.ForeignKey(Child, on_delete=models.PROTECT, related_name="standard_records")
    item = models.ForeignKey(
        PracticeStandardItem, on_delete=models.PROTECT, related_name="records"
    )
    met_on = models.DateField(null=True, blank=True)
    note = models.CharField(max_length=300, blank=True)
    # --- issue 9 items 10 and 11: not applicable (with why), and who verified a manual mark
    not_applicable = models.BooleanField(default=False)
    reason = models.CharField("why it does not apply", max_length=300, blank=True)
    verified_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="verified by",
    )
    verified_on = models.DateField("date verified", null=True, blank=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["item__order", "item__code"]
        constraints = [
            models.UniqueConstraint(
                fields=["child", "item"], name="standard_record_once_per_child"
            ),
            # met on a date, or not applicable for a reason
            models.CheckConstraint(
                condition=models.Q(not_applicable=False, met_on__isnull=False)
                | (models.Q(not_applicable=True, met_on__isnull=True) & ~models.Q(reason="")),
                name="standard_record_met_or_not_applicable",
            ),
        ]

    def __str__(self) -> str:
        if self.not_applicable:
            return f"{self.item.code} not applicable"
        return f"{self.item.code} met {self.met_on:%d/%m/%Y}"
