"""The baby's birth (issue 9): the pre-birth and discharge plan (Std 2.8), the baby's health at
birth (Std 4.5; AAR regs 15–16), and the assessments of the parents (Std 5.1; FPR Part 25).

The baby's health is special category data (UK GDPR art. 9): it is shown only to those who may
see the child's record (``children.view_health``), never written to a log.
"""

from django.db import models
from simple_history.models import HistoricalRecords

from accounts.models import TimeStampedModel

from .child import Child
from .codes import YesNoUnknown
from .family import FamilyMember

NHS_NUMBER_INVALID = "Enter a valid NHS number, like 943 476 5919"


def nhs_number_digits(value: str) -> str:
    """'943 476 5919' -> '9434765919' (spaces and dashes as people type them)."""
    return "".join(ch for ch in (value or "") if ch not in " -")


def nhs_number_is_valid(value: str) -> bool:
    """Ten digits whose last is the modulus 11 check digit of the first nine (weights 10 to 2;
    11 - remainder, 11 meaning 0 and 10 meaning the number is not valid: NHS Data Dictionary)."""
    digits = nhs_number_digits(value)
    if len(digits) != 10 or not digits.isdigit():
        return False
    total = sum(
        int(digit) * weight for digit, weight in zip(digits[:9], range(10, 1, -1), strict=True)
    )
    check = 11 - total % 11
    if check == 11:
        check = 0
    return check != 10 and check == int(digits[9])


class BirthPlan(TimeStampedModel):
    """The pre-birth and discharge plan (Std 2.8): the pre-birth conference and what happens in
    hospital and on the day the baby leaves it."""

    child = models.OneToOneField(Child, on_delete=models.PROTECT, related_name="birth_plan")
    conference_on = models.DateField("date of the pre-birth conference", null=True, blank=True)
    hospital = models.CharField("hospital", max_length=200, blank=True)
    hospital_visitors = models.TextField(
        "who may visit the baby in hospital",
        blank=True,
        help_text="Who may visit, and whether visits are supervised.",
    )
    carers_collect = models.CharField(
        "the early permanence carers collect the baby from hospital",
        max_length=10,
        choices=YesNoUnknown.choices,
        default=YesNoUnknown.UNKNOWN,
    )
    discharge_plan = models.TextField(
        "the plan for the day of discharge",
        blank=True,
        help_text="Who does what on the day: the parents' goodbye, the handover, transport.",
    )
    history = HistoricalRecords()

    def __str__(self) -> str:
        return "Pre-birth and discharge plan"


class Exposure(models.TextChoices):
    NONE = "none", "No known exposure"
    ALCOHOL = "alcohol", "Alcohol"
    DRUGS = "drugs", "Drugs"
    BOTH = "both", "Alcohol and drugs"
    UNKNOWN = "unknown", "Not known"


class BabyHealth(TimeStampedModel):
    """The baby's health at birth and the first health assessment (Std 4.5; AAR regs 15–16)."""

    child = models.OneToOneField(Child, on_delete=models.PROTECT, related_name="health")
    nhs_number = models.CharField("NHS number", max_length=10, blank=True)
    gestation_weeks = models.PositiveSmallIntegerField(
        "gestation at birth (weeks)", null=True, blank=True
    )
    birth_weight_grams = models.PositiveIntegerField("birth weight (grams)", null=True, blank=True)
    neonatal_unit_days = models.PositiveSmallIntegerField(
        "days on a neonatal unit", null=True, blank=True
    )
    withdrawal_monitoring = models.CharField(
        "monitored for withdrawal",
        max_length=10,
        choices=YesNoUnknown.choices,
        default=YesNoUnknown.UNKNOWN,
    )
    prenatal_exposure = models.CharField(
        "exposure to alcohol or drugs before birth",
        max_length=10,
        choices=Exposure.choices,
        default=Exposure.UNKNOWN,
    )
    exposure_detail = models.TextField("about the exposure", blank=True)
    discharged_on = models.DateField("date discharged from hospital", null=True, blank=True)
    family_health_history = models.TextField("family health history", blank=True)
    initial_health_assessment_on = models.DateField(
        "date of the initial health assessment", null=True, blank=True
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name_plural = "baby health records"
        constraints = [
            models.CheckConstraint(
                condition=models.Q(gestation_weeks__isnull=True)
                | models.Q(gestation_weeks__gte=20, gestation_weeks__lte=45),
                name="health_gestation_in_range",
            ),
            models.CheckConstraint(
                condition=models.Q(birth_weight_grams__isnull=True)
                | models.Q(birth_weight_grams__gte=200, birth_weight_grams__lte=7000),
                name="health_birth_weight_in_range",
            ),
        ]

    def __str__(self) -> str:
        return "Health at birth"


class AssessmentKind(models.TextChoices):
    PARENTING = "parenting", "Parenting assessment"
    PAMS = "pams", "Parenting assessment (PAMS)"
    RESIDENTIAL = "residential", "Residential assessment"
    EXPERT = "expert", "Expert assessment directed by the court (FPR Part 25)"
    DRUG_ALCOHOL = "testing", "Drug and alcohol testing"
    OTHER = "other", "Other assessment"


class AssessmentOutcome(models.TextChoices):
    PENDING = "pending", "Not yet filed"
    POSITIVE = "positive", "Positive"
    NEGATIVE = "negative", "Negative"
    MIXED = "mixed", "Mixed or inconclusive"


class ParentAssessment(TimeStampedModel):
    """An assessment of a parent: requested, due, filed, with its outcome. The evidence for the
    return-home track (Std 5.1), and what drives most extensions of the 26 weeks."""

    child = models.ForeignKey(Child, on_delete=models.PROTECT, related_name="parent_assessments")
    parent = models.ForeignKey(FamilyMember, on_delete=models.PROTECT, related_name="assessments")
    kind = models.CharField(max_length=20, choices=AssessmentKind.choices)
    directed_by_court = models.BooleanField("directed by the court", default=False)
    assessor = models.CharField(max_length=200, blank=True)
    requested_on = models.DateField("date requested")
    due_on = models.DateField("date due")
    filed_on = models.DateField("date filed", null=True, blank=True)
    outcome = models.CharField(
        max_length=20, choices=AssessmentOutcome.choices, default=AssessmentOutcome.PENDING
    )
    summary = models.TextField("outcome in brief", blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["requested_on", "id"]
        indexes = [models.Index(fields=["child", "requested_on"])]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(due_on__gte=models.F("requested_on")),
                name="parent_assessment_due_after_request",
            ),
            models.CheckConstraint(
                condition=models.Q(filed_on__isnull=True)
                | models.Q(filed_on__gte=models.F("requested_on")),
                name="parent_assessment_filed_after_request",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} of {self.parent.name}"
