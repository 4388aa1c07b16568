"""Looked-after reviews chaired by the IRO, and the IRO's concerns and escalations."""

from django.conf import settings
from django.db import models
from simple_history.models import HistoricalRecords

from accounts.models import TimeStampedModel

from .child import Child


class Attendee(models.TextChoices):
    """Who attended a looked-after review (the IRO chairs; the child's social worker attends)."""

    MOTHER = "mother", "Mother"
    FATHER = "father", "Father"
    CARERS = "carers", "Carers"
    GUARDIAN = "guardian", "Children's guardian"
    SOCIAL_WORKER = "social_worker", "Social worker"


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
    # the permanence plan is expected to be confirmed by the second review (statutory guidance,
    # The Children Act 1989 guidance and regulations volume 2, on CPR reg 33)
    permanence_plan_confirmed = models.BooleanField(
        "permanence plan confirmed", null=True, blank=True
    )
    # CA 1989 s.22C(9B)(c): placement with a foster parent approved as a prospective adopter
    # (early permanence) considered
    ep_considered = models.BooleanField("early permanence considered", null=True, blank=True)
    attendees = models.JSONField(
        "who attended",
        default=list,
        blank=True,
        help_text="Values of Attendee: parents, carers, the children's guardian.",
    )
    attendees_other = models.CharField("others who attended", max_length=200, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["scheduled_on"]
        indexes = [models.Index(fields=["child", "scheduled_on"])]

    def __str__(self) -> str:
        return f"Looked-after review {self.scheduled_on:%d/%m/%Y}"

    def attendee_labels(self) -> list[str]:
        """Who attended, in words, in the order of the choices, then anyone else named."""
        labels = [label for value, label in Attendee.choices if value in (self.attendees or [])]
        if self.attendees_other:
            labels.append(self.attendees_other)
        return labels


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


class IROEscalation(TimeStampedModel):
    """A step of the dispute resolution process: the IRO took a concern to a stage, on a day."""

    concern = models.ForeignKey(IROConcern, on_delete=models.PROTECT, related_name="escalations")
    stage = models.CharField("escalation stage", max_length=20, choices=EscalationStage.choices)
    escalated_on = models.DateField("date escalated")
    history = HistoricalRecords()

    class Meta:
        ordering = ["escalated_on", "created_at"]
        verbose_name = "IRO escalation"

    def __str__(self) -> str:
        return f"Escalated to {self.get_stage_display()} on {self.escalated_on:%d/%m/%Y}"


class IROConcernResponse(TimeStampedModel):
    """A manager's response to an IRO concern. Only the IRO decides the concern is resolved (CA
    1989 s.25B; the IRO Handbook): a response is recorded, it does not close the concern."""

    concern = models.ForeignKey(IROConcern, on_delete=models.PROTECT, related_name="responses")
    responded_on = models.DateField("date of the response")
    response = models.TextField()
    history = HistoricalRecords()

    class Meta:
        ordering = ["responded_on", "created_at"]
        verbose_name = "response to an IRO concern"

    def __str__(self) -> str:
        return f"Response of {self.responded_on:%d/%m/%Y}"
