"""The review of a child's record when its retention period ends (LAW.md "Records and words")."""

from django.db import models
from simple_history.models import HistoricalRecords

from accounts.models import TimeStampedModel

from .child import Child


class RetentionDecision(models.TextChoices):
    KEEP = "keep", "Keep the record for longer"
    ANONYMISE = "anonymise", "Anonymise the record"
    DELETE = "delete", "Delete the record"


class RetentionReview(TimeStampedModel):
    """A review of the record once its retention period has ended, and what was decided.

    The service never deletes anything itself: deleting or anonymising the record is done by the
    authority's records process after the decision, which this review records (UK GDPR storage
    limitation: the review is itself recorded).
    """

    child = models.ForeignKey(Child, on_delete=models.PROTECT, related_name="retention_reviews")
    reviewed_on = models.DateField("date of the review")
    decision = models.CharField(max_length=20, choices=RetentionDecision.choices)
    keep_until = models.DateField(
        "keep until", null=True, blank=True, help_text="When the record is next reviewed."
    )
    reason = models.TextField()
    history = HistoricalRecords()

    class Meta:
        ordering = ["-reviewed_on", "-created_at"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(decision="keep", keep_until__isnull=False)
                | (~models.Q(decision="keep") & models.Q(keep_until__isnull=True)),
                name="retention_review_keep_until_only_when_kept",
            )
        ]

    def __str__(self) -> str:
        return f"Retention review {self.reviewed_on:%d/%m/%Y}: {self.get_decision_display()}"
