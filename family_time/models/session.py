"""Family time sessions, generated from the plan and recorded one by one, and each family
member's attendance. Moving or cancelling a session keeps it and its history."""

from django.db import models
from simple_history.models import HistoricalRecords

from accounts.models import TimeStampedModel, User
from children.models import FamilyMember

from .plan import FamilyTimePlan


class SessionStatus(models.TextChoices):
    PLANNED = "planned", "Planned"
    HELD = "held", "Held"
    CANCELLED = "cancelled", "Cancelled"


class Outcome(models.TextChoices):
    ATTENDED = "attended", "Attended"
    LATE = "late", "Late"
    ENDED_EARLY = "ended_early", "Ended early"
    CANCELLED_NOTICE = "family_notice", "Cancelled by the family, with notice"
    CANCELLED_NO_NOTICE = "family_no_notice", "Cancelled by the family, without notice"
    CANCELLED_LA = "la", "Cancelled by the local authority"
    CARER_CANCELLED = "carer", "Cancelled by the carers"
    CHILD_UNWELL = "child_unwell", "The child was unwell"
    DID_NOT_CONFIRM = "not_confirmed", "Did not confirm"
    NO_SHOW = "no_show", "Did not come"


# the family member was there
ATTENDED = frozenset({Outcome.ATTENDED, Outcome.LATE, Outcome.ENDED_EARLY})
# not the family's to attend: the session did not happen for a reason that is not theirs, so it
# does not count against their attendance rate
NOT_COUNTED = frozenset({Outcome.CANCELLED_LA, Outcome.CARER_CANCELLED, Outcome.CHILD_UNWELL})
# what cancelling a whole session may say
CANCELLATIONS = (
    Outcome.CANCELLED_NOTICE,
    Outcome.CANCELLED_NO_NOTICE,
    Outcome.CANCELLED_LA,
    Outcome.CARER_CANCELLED,
    Outcome.CHILD_UNWELL,
    Outcome.DID_NOT_CONFIRM,
)


class Session(TimeStampedModel):
    plan = models.ForeignKey(FamilyTimePlan, on_delete=models.PROTECT, related_name="sessions")
    # the slot of the plan it was generated for: generating the same period again finds it,
    # even after the session was moved (None for a session added by hand)
    slot = models.DateTimeField(null=True, blank=True, editable=False)
    starts_at = models.DateTimeField("date and time")
    ends_at = models.DateTimeField("end")
    supervisor = models.ForeignKey(
        User, on_delete=models.PROTECT, null=True, blank=True, related_name="family_sessions"
    )
    status = models.CharField(
        max_length=20, choices=SessionStatus.choices, default=SessionStatus.PLANNED
    )
    cancelled_because = models.CharField(
        "why it was cancelled", max_length=20, choices=Outcome.choices, blank=True
    )
    moved_because = models.CharField("why it was moved", max_length=300, blank=True)
    handover_notes = models.TextField(blank=True)
    observations = models.TextField("observations for court", blank=True)
    concerns = models.TextField(blank=True)
    follow_up = models.TextField("follow-up actions", blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["starts_at", "pk"]
        indexes = [
            models.Index(fields=["supervisor", "starts_at"]),
            models.Index(fields=["plan", "starts_at"]),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["plan", "slot"],
                condition=models.Q(slot__isnull=False),
                name="family_time_one_session_a_slot",
            ),
            models.CheckConstraint(
                condition=models.Q(ends_at__gt=models.F("starts_at")),
                name="family_time_session_ends_after_start",
            ),
        ]

    def __str__(self) -> str:
        return f"Family time on {self.starts_at:%d/%m/%Y %H:%M}"


class Attendance(TimeStampedModel):
    session = models.ForeignKey(Session, on_delete=models.PROTECT, related_name="attendance")
    family_member = models.ForeignKey(
        FamilyMember, on_delete=models.PROTECT, related_name="family_time_attendance"
    )
    outcome = models.CharField(max_length=20, choices=Outcome.choices)
    notes = models.CharField(max_length=500, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["session", "family_member"]
        constraints = [
            models.UniqueConstraint(
                fields=["session", "family_member"], name="family_time_one_attendance_a_member"
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_outcome_display()}"

    @property
    def attended(self) -> bool:
        return self.outcome in ATTENDED
