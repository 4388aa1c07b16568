"""Looked-after reviews chaired by the IRO, and the IRO's concerns and escalations."""

from django.conf import settings
from django.db import models
from simple_history.models import HistoricalRecords

from accounts.models import TimeStampedModel

from .child import Child


class LookedAfterReview(TimeStampedModel):
    child = models.ForeignKey(Child, on_delete=models.PROTECT, related_name="reviews")
    scheduled_on = models.DateField("scheduled date")
    held_on = models.DateField("date held", null=True, blank=True)
    chair = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="chaired_reviews",
        help_text="The IRO who chaired the review.",
    )
    recommendations = models.TextField(blank=True)
    plan_endorsed = models.BooleanField(
        "IRO endorsed the twin-track plan",
        null=True,
        blank=True,
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["scheduled_on"]
        indexes = [models.Index(fields=["child", "scheduled_on"])]

    def __str__(self) -> str:
        return f"Looked-after review {self.scheduled_on:%d/%m/%Y}"


class EscalationStage(models.TextChoices):
    INFORMAL = "informal", "Informal resolution"
    TEAM_MANAGER = "team_manager", "Formal: team manager"
    SERVICE_MANAGER = "service_manager", "Formal: service manager"
    HEAD_OF_SERVICE = "head_of_service", "Formal: head of service"
    DIRECTOR = "director", "Formal: director of children's services"
    CAFCASS = "cafcass", "Referred to Cafcass"


class IROConcern(TimeStampedModel):
    """A concern the IRO raises about the plan or its progress, until it is resolved."""

    child = models.ForeignKey(Child, on_delete=models.PROTECT, related_name="iro_concerns")
    review = models.ForeignKey(
        LookedAfterReview,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="concerns",
    )
    raised_on = models.DateField()
    concern = models.TextField()
    stage = models.CharField(
        "escalation stage",
        max_length=20,
        choices=EscalationStage.choices,
        default=EscalationStage.INFORMAL,
    )
    resolved_on = models.DateField(null=True, blank=True)
    resolution = models.TextField(blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["-raised_on"]
        verbose_name = "IRO concern"
        constraints = [
            models.CheckConstraint(
                condition=models.Q(resolved_on__isnull=True)
                | models.Q(resolved_on__gte=models.F("raised_on")),
                name="iro_concern_resolved_after_raised",
            )
        ]

    def __str__(self) -> str:
        return f"IRO concern raised {self.raised_on:%d/%m/%Y}"
