"""The twin-track care plan (Standard 2.6): each change is a new version, kept as history."""

from django.db import models
from simple_history.models import HistoricalRecords

from accounts.models import TimeStampedModel

from .child import Child


class PrimaryPlan(models.TextChoices):
    A = "A", "Plan A: return to family"
    B = "B", "Plan B: adoption through early permanence"


class PlanningMeeting(models.TextChoices):
    LEGAL_GATEWAY = "legal_gateway", "Legal gateway meeting"
    PERMANENCE_PLANNING = "permanence_planning", "Permanence planning meeting"
    PRE_BIRTH_CONFERENCE = "pre_birth", "Pre-birth conference"
    LOOKED_AFTER_REVIEW = "review", "Looked-after review"
    COURT_DIRECTION = "court", "Court decision or direction"
    OTHER = "other", "Other meeting"


class TwinTrackPlan(TimeStampedModel):
    """One version of the child's twin-track plan, set by a meeting on a date."""

    child = models.ForeignKey(Child, on_delete=models.PROTECT, related_name="plans")
    primary = models.CharField("primary plan", max_length=1, choices=PrimaryPlan.choices)
    plan_a_who = models.CharField(
        "Plan A: who the child would return to",
        max_length=300,
        help_text="Parents, a family member or a connected person.",
    )
    plan_a_conditions = models.TextField(
        "Plan A: what needs to change",
        help_text="The changes and conditions for a safe return, with timeframes (Standard 5.1).",
    )
    plan_a_interventions = models.TextField(
        "Plan A: support and interventions",
        blank=True,
        help_text="Tailored support to make reunification possible (Standard 2.7).",
    )
    plan_b_summary = models.TextField(
        "Plan B: adoption through early permanence",
        help_text="Fostering for adoption or concurrent planning, and the carers if known.",
    )
    meeting = models.CharField("decided at", max_length=30, choices=PlanningMeeting.choices)
    meeting_on = models.DateField("date of the meeting")
    reason = models.TextField(
        "reason for this plan or change",
        blank=True,
    )

    history = HistoricalRecords()

    class Meta:
        ordering = ["-meeting_on", "-created_at"]
        get_latest_by = ["meeting_on", "created_at"]
        indexes = [models.Index(fields=["child", "-meeting_on"])]

    def __str__(self) -> str:
        return f"{self.get_primary_display()} ({self.meeting_on:%d/%m/%Y})"
