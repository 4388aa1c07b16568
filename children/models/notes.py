from django.db import models
from simple_history.models import HistoricalRecords

from accounts.models import TimeStampedModel

from .child import Child


class NoteKind(models.TextChoices):
    VISIT = "visit", "Visit"
    MEETING = "meeting", "Meeting"
    PHONE = "phone", "Phone call"
    DECISION = "decision", "Decision"
    OTHER = "other", "Other"


class CaseNote(TimeStampedModel):
    """A dated progress entry; its author is ``created_by``."""

    child = models.ForeignKey(Child, on_delete=models.PROTECT, related_name="case_notes")
    kind = models.CharField(max_length=20, choices=NoteKind.choices)
    happened_on = models.DateField("date")
    summary = models.CharField(max_length=200)
    text = models.TextField(blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["-happened_on", "-created_at"]
        indexes = [models.Index(fields=["child", "-happened_on"])]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.summary}"
