"""Pre-proceedings under the Public Law Outline: each episode a record, as a child's family may go
through it more than once (the Standard Safeguarding Dataset's pre-proceedings items; PD12A)."""

from django.db import models
from simple_history.models import HistoricalRecords

from accounts.models import TimeStampedModel

from .child import Child


class GatewayDecision(models.TextChoices):
    PRE_PROCEEDINGS = "pre_proceedings", "Start pre-proceedings"
    ISSUE = "issue", "Issue care proceedings"
    NOT_MET = "not_met", "Threshold not met: no further legal action"
    OTHER = "other", "Another decision"


class Representation(models.TextChoices):
    ALL = "all", "Every parent has a solicitor"
    SOME = "some", "Some parents have a solicitor"
    NONE = "none", "No parent has a solicitor"
    UNKNOWN = "unknown", "Not known"


class FamilyMeetingKind(models.TextChoices):
    FGC = "fgc", "Family group conference"
    NETWORK = "network", "Family network meeting"
    NOT_HELD = "not_held", "Neither held"


class PreProceedingsOutcome(models.TextChoices):
    ISSUE = "issue", "Issue care proceedings"
    STEP_DOWN = "step_down", "Step down"
    CONTINUE = "continue", "Continue pre-proceedings"


class PreProceedings(TimeStampedModel):
    """One episode of pre-proceedings: the legal gateway meeting, the letters and meetings, the
    family's network and the outcome."""

    child = models.ForeignKey(Child, on_delete=models.PROTECT, related_name="pre_proceedings")
    gateway_meeting_on = models.DateField(
        "date of the legal gateway meeting", null=True, blank=True
    )
    gateway_decision = models.CharField(
        "decision of the legal gateway meeting",
        max_length=20,
        choices=GatewayDecision.choices,
        blank=True,
    )
    letter_before_proceedings_on = models.DateField(
        "date of the letter before proceedings (PLO letter)", null=True, blank=True
    )
    letter_of_issue_on = models.DateField("date of the letter of issue", null=True, blank=True)
    meeting_on = models.DateField("date of the pre-proceedings meeting", null=True, blank=True)
    parents_represented = models.CharField(
        "parents' legal representation",
        max_length=10,
        choices=Representation.choices,
        default=Representation.UNKNOWN,
    )
    family_meeting_kind = models.CharField(
        "family group conference or family network meeting",
        max_length=10,
        choices=FamilyMeetingKind.choices,
        blank=True,
    )
    family_meeting_on = models.DateField("date of the family meeting", null=True, blank=True)
    pre_birth_assessment_started_on = models.DateField(
        "date the pre-birth assessment started", null=True, blank=True
    )
    pre_birth_assessment_completed_on = models.DateField(
        "date the pre-birth assessment was completed", null=True, blank=True
    )
    outcome = models.CharField(max_length=20, choices=PreProceedingsOutcome.choices, blank=True)
    outcome_on = models.DateField("date of the outcome", null=True, blank=True)
    notes = models.TextField(blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["pk"]
        verbose_name_plural = "pre-proceedings"
        indexes = [models.Index(fields=["child", "id"])]

    def __str__(self) -> str:
        return "Pre-proceedings"

    def started_on(self):
        """The first dated step of the episode."""
        days = [
            d
            for d in (
                self.gateway_meeting_on,
                self.letter_before_proceedings_on,
                self.letter_of_issue_on,
                self.meeting_on,
            )
            if d
        ]
        return min(days) if days else None


class PreProceedingsReview(TimeStampedModel):
    """A review meeting of a pre-proceedings episode (PD12A): its date and what was agreed."""

    pre_proceedings = models.ForeignKey(
        PreProceedings, on_delete=models.PROTECT, related_name="reviews"
    )
    held_on = models.DateField("date of the review meeting")
    agreed = models.TextField("what was agreed", blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["held_on", "pk"]

    def __str__(self) -> str:
        return "Pre-proceedings review meeting"
