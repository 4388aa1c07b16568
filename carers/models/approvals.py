"""Approvals: as prospective adopters (AAR 2005) and as foster carers (FSR 2011), each its own
record, possibly from different agencies, each with its status history and reviews. "Dual
approved" is derived from the two, never typed (``carers.availability``)."""

from django.db import models
from simple_history.models import HistoricalRecords

from accounts.models import Organisation, TimeStampedModel

from .household import Household


class ApprovalStatus(models.TextChoices):
    IN_ASSESSMENT = "in_assessment", "In assessment"
    APPROVED = "approved", "Approved"
    ON_HOLD = "on_hold", "On hold"
    RESIGNED = "resigned", "Resigned"
    TERMINATED = "terminated", "Terminated"


class ApprovalKind(models.TextChoices):
    ADOPTER = "adopter", "Prospective adopters"
    FOSTER = "foster", "Foster carers"


class ReviewOutcome(models.TextChoices):
    CONTINUE = "continue", "Approval continues"
    TERMS_CHANGED = "terms_changed", "Approval continues with changed terms"
    TERMINATED = "terminated", "Approval ended"


class _Approval(TimeStampedModel):
    agency = models.ForeignKey(
        Organisation,
        on_delete=models.PROTECT,
        related_name="+",
        help_text="The agency that assesses and approves (it may differ from the recruiting "
        "agency).",
    )
    status = models.CharField(
        max_length=20, choices=ApprovalStatus.choices, default=ApprovalStatus.IN_ASSESSMENT
    )
    panel_on = models.DateField("date of the panel", null=True, blank=True)
    decision_on = models.DateField("date of the decision", null=True, blank=True)
    # a stored, queryable date: the deadline a reminder hangs on (FSR reg 28 / AAR reg 29)
    review_due_on = models.DateField("review due", null=True, blank=True, db_index=True)

    class Meta:
        abstract = True


class AdopterApproval(_Approval):
    """Approval as prospective adopters: Stage 1, Stage 2, the adoption panel and the agency
    decision maker's decision (AAR regs 22–30) — the decision is the gate for CPR reg 25A."""

    household = models.ForeignKey(
        Household, on_delete=models.PROTECT, related_name="adopter_approvals"
    )
    stage_one_started_on = models.DateField("Stage 1 started", null=True, blank=True)
    stage_two_started_on = models.DateField("Stage 2 started", null=True, blank=True)
    history = HistoricalRecords(excluded_fields=["updated_at"])

    kind = ApprovalKind.ADOPTER

    class Meta:
        ordering = ["household", "-created_at"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(decision_on__isnull=True)
                | models.Q(panel_on__isnull=True)
                | models.Q(decision_on__gte=models.F("panel_on")),
                name="adopter_decision_after_panel",
            ),
        ]

    def __str__(self) -> str:
        return f"Approval as prospective adopters ({self.get_status_display().lower()})"


class FosterApproval(_Approval):
    """Approval as foster carers (FSR reg 27), with its terms of approval and reviews at least
    every 12 months (FSR reg 28)."""

    household = models.ForeignKey(
        Household, on_delete=models.PROTECT, related_name="foster_approvals"
    )
    # terms of approval: ages in months (0 = newborn), how many children, or one named child
    terms_age_from_months = models.PositiveSmallIntegerField(
        "youngest age (months)", null=True, blank=True
    )
    terms_age_to_months = models.PositiveSmallIntegerField(
        "oldest age (months)", null=True, blank=True
    )
    terms_number = models.PositiveSmallIntegerField("number of children", null=True, blank=True)
    terms_named_child = models.CharField(
        "named child",
        max_length=200,
        blank=True,
        help_text="Only when approved for one named child (the child's reference, not name).",
    )
    first_review_to_panel_on = models.DateField("first review to panel", null=True, blank=True)
    history = HistoricalRecords(excluded_fields=["updated_at"])

    kind = ApprovalKind.FOSTER

    class Meta:
        ordering = ["household", "-created_at"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(decision_on__isnull=True)
                | models.Q(panel_on__isnull=True)
                | models.Q(decision_on__gte=models.F("panel_on")),
                name="foster_decision_after_panel",
            ),
            models.CheckConstraint(
                condition=models.Q(terms_age_from_months__isnull=True)
                | models.Q(terms_age_to_months__isnull=True)
                | models.Q(terms_age_to_months__gte=models.F("terms_age_from_months")),
                name="foster_terms_age_range",
            ),
        ]

    def __str__(self) -> str:
        return f"Approval as foster carers ({self.get_status_display().lower()})"


class ApprovalStatusChange(TimeStampedModel):
    """One step of an approval's status history, with its reason."""

    adopter_approval = models.ForeignKey(
        AdopterApproval,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="status_changes",
    )
    foster_approval = models.ForeignKey(
        FosterApproval,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="status_changes",
    )
    status = models.CharField(max_length=20, choices=ApprovalStatus.choices)
    changed_on = models.DateField()
    reason = models.TextField(blank=True)

    class Meta:
        ordering = ["changed_on", "created_at"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(adopter_approval__isnull=True, foster_approval__isnull=False)
                | models.Q(adopter_approval__isnull=False, foster_approval__isnull=True),
                name="status_change_of_one_approval",
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_status_display()} on {self.changed_on}"


class ApprovalReview(TimeStampedModel):
    """A review of an approval (FSR reg 28; AAR reg 29)."""

    adopter_approval = models.ForeignKey(
        AdopterApproval, on_delete=models.PROTECT, null=True, blank=True, related_name="reviews"
    )
    foster_approval = models.ForeignKey(
        FosterApproval, on_delete=models.PROTECT, null=True, blank=True, related_name="reviews"
    )
    reviewed_on = models.DateField()
    outcome = models.CharField(max_length=20, choices=ReviewOutcome.choices)
    to_panel = models.BooleanField("presented to panel", default=False)
    notes = models.TextField(blank=True)

    class Meta:
        ordering = ["reviewed_on", "created_at"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(adopter_approval__isnull=True, foster_approval__isnull=False)
                | models.Q(adopter_approval__isnull=False, foster_approval__isnull=True),
                name="review_of_one_approval",
            )
        ]

    def __str__(self) -> str:
        return f"Review on {self.reviewed_on}"
