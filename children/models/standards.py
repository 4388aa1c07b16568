"""The National Practice Standards checklist: items are data (admin), marked per child."""

from django.db import models
from simple_history.models import HistoricalRecords

from accounts.models import TimeStampedModel

from .child import Child


class StandardItemAppliesTo(models.TextChoices):
    ALL = "all", "Every child"
    UNBORN = "unborn", "Children considered before birth"
    CONSENSUAL = "consensual", "Relinquished babies / consensual adoption"


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
    """A checklist item met for a child: when, and who recorded it (``created_by``)."""

    child = models.ForeignKey(Child, on_delete=models.PROTECT, related_name="standard_records")
    item = models.ForeignKey(
        PracticeStandardItem, on_delete=models.PROTECT, related_name="records"
    )
    met_on = models.DateField()
    note = models.CharField(max_length=300, blank=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["item__order", "item__code"]
        constraints = [
            models.UniqueConstraint(
                fields=["child", "item"], name="standard_record_once_per_child"
            )
        ]

    def __str__(self) -> str:
        return f"{self.item.code} met {self.met_on:%d/%m/%Y}"
