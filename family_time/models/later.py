"""Family time after adoption (Std 6.6) and after a return home (Std 7.6): direct or indirect
(letter exchange), with whom, how often, any s.51A order, and when it is reviewed."""

from django.db import models
from simple_history.models import HistoricalRecords

from accounts.models import TimeStampedModel
from children.models import Child, FamilyMember


class LaterSetting(models.TextChoices):
    AFTER_ADOPTION = "adoption", "After adoption"  # Std 6.6
    AFTER_RETURN = "return", "After the child went home"  # Std 7.6


class LaterKind(models.TextChoices):
    DIRECT = "direct", "Direct: meeting in person"
    VIRTUAL = "virtual", "Direct: by video call"
    LETTER = "letter", "Indirect: letter exchange"
    OTHER_INDIRECT = "indirect", "Indirect: cards, photographs or messages"


class S51AOrder(models.TextChoices):
    # ACA 2002 s.51A(2): an order requiring contact, or prohibiting it
    NONE = "", "No order"
    REQUIRES = "requires", "Contact order under ACA 2002 s.51A(2)(a): requires contact"
    PROHIBITS = "prohibits", "Order under ACA 2002 s.51A(2)(b): prohibits contact"


class LaterFamilyTime(TimeStampedModel):
    child = models.ForeignKey(Child, on_delete=models.PROTECT, related_name="later_family_time")
    setting = models.CharField("when", max_length=20, choices=LaterSetting.choices)
    kind = models.CharField("how", max_length=20, choices=LaterKind.choices)
    family_member = models.ForeignKey(
        FamilyMember,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="later_family_time",
        verbose_name="with whom",
    )
    # Std 7.6: a child who went home keeps in touch with the early permanence carers
    with_ep_carers = models.BooleanField("with the early permanence carers", default=False)
    how_often = models.CharField(max_length=200)
    s51a_order = models.CharField(
        "order under section 51A", max_length=20, choices=S51AOrder.choices, blank=True
    )
    s51a_order_on = models.DateField("date of the section 51A order", null=True, blank=True)
    starts_on = models.DateField("start date", null=True, blank=True)
    review_on = models.DateField("review date", null=True, blank=True)
    ends_on = models.DateField("end date", null=True, blank=True)
    notes = models.TextField(blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["setting", "pk"]
        verbose_name = "family time after adoption or a return home"
        verbose_name_plural = "family time after adoption or a return home"
        constraints = [
            models.CheckConstraint(
                condition=models.Q(family_member__isnull=False) | models.Q(with_ep_carers=True),
                name="later_family_time_with_someone",
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}, {self.how_often}"
