"""Preparation and training (Std 3.4), what the household can offer (Std 4.4, 4.5) and the
support it is offered and takes up (Std 3.8, 7.7)."""

from django.db import models
from simple_history.models import HistoricalRecords

from accounts.models import TimeStampedModel

from .household import Household


class TrainingKind(models.TextChoices):
    ADOPTION_PREPARATION = "adoption_preparation", "Adoption preparation"
    # Std 3.4: the uncertainty, family time, the possibility of the child going home
    EP_PREPARATION = "ep_preparation", "Early permanence preparation"
    SKILLS_TO_FOSTER = "skills_to_foster", "Skills to Foster"
    OTHER = "other", "Other training"


class Training(TimeStampedModel):
    household = models.ForeignKey(Household, on_delete=models.PROTECT, related_name="training")
    kind = models.CharField(max_length=30, choices=TrainingKind.choices)
    title = models.CharField(max_length=200, blank=True)
    # stored, queryable: the date a reminder hangs on
    due_on = models.DateField("due by", null=True, blank=True, db_index=True)
    completed_on = models.DateField("completed", null=True, blank=True)
    history = HistoricalRecords(excluded_fields=["updated_at"])

    class Meta:
        ordering = ["household", "kind", "pk"]
        verbose_name_plural = "training"

    def __str__(self) -> str:
        return self.title or self.get_kind_display()


class SexesOffered(models.TextChoices):
    EITHER = "either", "Boy or girl"
    BOY = "boy", "Boy"
    GIRL = "girl", "Girl"


class Openness(models.TextChoices):
    YES = "yes", "Yes"
    WITH_SUPPORT = "with_support", "With support"
    NO = "no", "No"


# the health and development uncertainties a household can consider (Std 4.5): field → words
UNCERTAINTIES = {
    "prenatal_alcohol": "Prenatal alcohol exposure",
    "prenatal_drugs": "Prenatal drug exposure",
    "withdrawal": "Withdrawal symptoms after birth",
    "unknown_father": "Father not known",
    "parental_mental_illness": "Parental mental illness",
    "parental_learning_disability": "Parental learning disability",
    "genetic_history": "A genetic or inherited health history",
}


class Offer(TimeStampedModel):
    """What the household can offer a child (Std 4.4, 4.5). The child's identity is met by a
    description, never a filter: ethnicity may not be a hard condition of a match."""

    household = models.OneToOneField(Household, on_delete=models.PROTECT, related_name="offer")
    pre_birth = models.BooleanField(
        "can be linked before the birth", default=False, help_text="Pre-birth planning."
    )
    age_from_months = models.PositiveSmallIntegerField("youngest age (months)", default=0)
    age_to_months = models.PositiveSmallIntegerField("oldest age (months)", default=24)
    sexes = models.CharField(max_length=10, choices=SexesOffered.choices, default="either")
    sibling_group_size = models.PositiveSmallIntegerField("largest sibling group", default=1)
    identity = models.TextField(
        "meeting the child's identity",
        blank=True,
        help_text="How they would meet a child's ethnic, cultural, religious and language "
        "identity.",
    )
    prenatal_alcohol = models.BooleanField(default=False)
    prenatal_drugs = models.BooleanField(default=False)
    withdrawal = models.BooleanField(default=False)
    unknown_father = models.BooleanField(default=False)
    parental_mental_illness = models.BooleanField(default=False)
    parental_learning_disability = models.BooleanField(default=False)
    genetic_history = models.BooleanField(default=False)
    child_going_home = models.CharField(
        "open to the child going home",
        max_length=20,
        choices=Openness.choices,
        default=Openness.YES,
    )
    meeting_parents = models.CharField(
        max_length=20, choices=Openness.choices, default=Openness.YES
    )
    family_time_per_week = models.PositiveSmallIntegerField(
        "family time journeys a week", null=True, blank=True
    )
    family_time_miles = models.PositiveSmallIntegerField(
        "furthest distance to family time (miles)", null=True, blank=True
    )
    direct_contact_after_adoption = models.CharField(
        max_length=20, choices=Openness.choices, default=Openness.WITH_SUPPORT
    )
    history = HistoricalRecords(excluded_fields=["updated_at"])

    class Meta:
        constraints = [
            models.CheckConstraint(
                condition=models.Q(age_to_months__gte=models.F("age_from_months")),
                name="offer_age_range",
            ),
            models.CheckConstraint(
                condition=models.Q(sibling_group_size__gte=1), name="offer_sibling_group_size"
            ),
        ]

    def __str__(self) -> str:
        return f"What {self.household} can offer"

    @property
    def uncertainties(self) -> list[str]:
        return [words for name, words in UNCERTAINTIES.items() if getattr(self, name)]


class SupportKind(models.TextChoices):
    MENTORING = "mentoring", "Mentoring by experienced EP carers"
    PEER_SUPPORT = "peer_support", "Peer support group"
    COUNSELLING = "counselling", "Counselling"
    FOSTERING_ALLOWANCE = "fostering_allowance", "Fostering allowance"
    ADOPTION_LEAVE = "adoption_leave", "Adoption leave"
    # Std 7.7: after a child goes home the household is on hold before it is available again
    AFTER_CHILD_WENT_HOME = "after_child_went_home", "Support after a child went home"
    OTHER = "other", "Other support"


class Support(TimeStampedModel):
    """Support offered, taken up, and for how long. For support after a child went home, the
    dates from and to are the household's "on hold" period."""

    household = models.ForeignKey(Household, on_delete=models.PROTECT, related_name="support")
    kind = models.CharField(max_length=30, choices=SupportKind.choices)
    offered_on = models.DateField("offered", null=True, blank=True)
    taken_up_on = models.DateField("taken up", null=True, blank=True)
    starts_on = models.DateField("from", null=True, blank=True)
    ends_on = models.DateField("to", null=True, blank=True)
    provider = models.CharField(max_length=200, blank=True)
    notes = models.TextField(blank=True)
    history = HistoricalRecords(excluded_fields=["updated_at"])

    class Meta:
        ordering = ["household", "-starts_on", "pk"]
        verbose_name_plural = "support"
        indexes = [models.Index(fields=["kind", "starts_on", "ends_on"])]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ends_on__isnull=True)
                | models.Q(starts_on__isnull=True)
                | models.Q(ends_on__gte=models.F("starts_on")),
                name="support_ends_after_start",
            ),
        ]

    def __str__(self) -> str:
        return self.get_kind_display()
