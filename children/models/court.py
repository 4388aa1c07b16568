"""Court: proceedings with the 26-week limit, hearings, directions and orders. Pre-proceedings are
in ``preproceedings``; consent, parental responsibility and section 20 in ``consent``."""

from datetime import date, timedelta

from django.db import models
from simple_history.models import HistoricalRecords

from accounts.models import TimeStampedModel

from .child import Child

STATUTORY_WEEKS = 26  # Children Act 1989 s.32(1)(a)


class Proceedings(TimeStampedModel):
    """Care proceedings (or a placement order application) before a court."""

    child = models.ForeignKey(Child, on_delete=models.PROTECT, related_name="proceedings")
    court = models.CharField(max_length=200, help_text="e.g. Family Court sitting at …")
    case_number = models.CharField(max_length=50)
    issued_on = models.DateField("date proceedings were issued")
    concluded_on = models.DateField(null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["-issued_on"]
        verbose_name_plural = "proceedings"
        constraints = [
            models.CheckConstraint(
                condition=models.Q(concluded_on__isnull=True)
                | models.Q(concluded_on__gte=models.F("issued_on")),
                name="proceedings_concluded_after_issue",
            )
        ]

    def __str__(self) -> str:
        return f"{self.case_number}, {self.court}"

    def extension_weeks(self) -> int:
        """Weeks of extension granted (uses the prefetched extensions when there are some)."""
        return sum(e.weeks for e in self.extensions.all())

    def target_weeks(self) -> int:
        return STATUTORY_WEEKS + self.extension_weeks()

    def target_date(self) -> date:
        """26 weeks after issue, plus any extensions granted."""
        return self.issued_on + timedelta(weeks=self.target_weeks())

    def week_on(self, day: date) -> int:
        """The week of the proceedings a day falls in: the issue date is in week 1."""
        return (day - self.issued_on).days // 7 + 1


class Extension(TimeStampedModel):
    """An extension of the 26-week time limit (Children Act 1989 s.32(5)), up to 8 weeks each."""

    proceedings = models.ForeignKey(
        Proceedings, on_delete=models.PROTECT, related_name="extensions"
    )
    granted_on = models.DateField()
    weeks = models.PositiveSmallIntegerField()
    reason = models.TextField()

    history = HistoricalRecords()

    class Meta:
        ordering = ["granted_on"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(weeks__gte=1, weeks__lte=8), name="extension_one_to_eight_weeks"
            )
        ]

    def __str__(self) -> str:
        return f"Extension of {self.weeks} weeks"


class HearingKind(models.TextChoices):
    CMH = "cmh", "Case management hearing"
    FURTHER_CMH = "further_cmh", "Further case management hearing"
    IRH = "irh", "Issues resolution hearing"
    FINAL = "final", "Final hearing"
    OTHER = "other", "Other hearing"


class Hearing(TimeStampedModel):
    proceedings = models.ForeignKey(Proceedings, on_delete=models.PROTECT, related_name="hearings")
    kind = models.CharField(max_length=20, choices=HearingKind.choices)
    listed_on = models.DateField("date of the hearing")
    outcome = models.TextField(blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["listed_on"]
        indexes = [models.Index(fields=["proceedings", "listed_on"])]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}, {self.listed_on:%d/%m/%Y}"

    @property
    def child_id(self) -> int:
        return self.proceedings.child_id


class Direction(TimeStampedModel):
    """A direction made at a hearing, with its due date."""

    hearing = models.ForeignKey(Hearing, on_delete=models.PROTECT, related_name="directions")
    text = models.TextField("direction")
    due_on = models.DateField()
    complied_on = models.DateField(null=True, blank=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["due_on"]

    def __str__(self) -> str:
        return f"Direction due {self.due_on:%d/%m/%Y}"


class OrderKind(models.TextChoices):
    INTERIM_CARE = "interim_care", "Interim care order"
    CARE = "care", "Care order"
    INTERIM_SUPERVISION = "interim_supervision", "Interim supervision order"
    SUPERVISION = "supervision", "Supervision order"
    PLACEMENT = "placement", "Placement order"
    SPECIAL_GUARDIANSHIP = "sgo", "Special guardianship order"
    CHILD_ARRANGEMENTS = "cao", "Child arrangements order"
    ADOPTION = "adoption", "Adoption order"


class CourtOrder(TimeStampedModel):
    child = models.ForeignKey(Child, on_delete=models.PROTECT, related_name="orders")
    kind = models.CharField(max_length=30, choices=OrderKind.choices)
    made_on = models.DateField()
    hearing = models.ForeignKey(
        Hearing,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="orders",
        help_text="The hearing at which the order was made.",
    )
    ended_on = models.DateField(null=True, blank=True)
    notes = models.TextField(blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["made_on"]
        indexes = [models.Index(fields=["child", "kind"])]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}, {self.made_on:%d/%m/%Y}"
