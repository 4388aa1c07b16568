"""The records of a reunification under way and after it (issue 12; National Practice Standards
for Early Permanence, Standard 7): the plan (7.3), its transition steps, the ongoing assessment of
parenting (7.4), the carers' contributions to the child's life story (7.6), support for the EP
carers (7.7), for other children in either family (7.8) and for the parents, and the visits and
review after the return."""

from django.db import models
from simple_history.models import HistoricalRecords

from accounts.models import TimeStampedModel

from .decision import ReunificationDecision


class ReunificationPlan(TimeStampedModel):
    """Std 7.3: a plan agreed with the parents and the carers, meeting the court's requirements,
    the child's needs first."""

    decision = models.OneToOneField(
        ReunificationDecision, on_delete=models.PROTECT, related_name="plan"
    )
    agreed_on = models.DateField("date the plan was agreed", null=True, blank=True)
    agreed_with_parents = models.BooleanField("agreed with the parents", default=False)
    agreed_with_carers = models.BooleanField("agreed with the carers", default=False)
    childs_needs = models.TextField("the child's needs", blank=True)
    court_requirements = models.TextField("the court's requirements", blank=True)
    # Std 7.4: parenting is assessed until the final hearing
    ongoing_assessment = models.TextField("ongoing assessment of parenting", blank=True)
    final_hearing_on = models.DateField("date of the final hearing", null=True, blank=True)
    history = HistoricalRecords(excluded_fields=["updated_at"])

    class Meta:
        verbose_name = "reunification plan"

    def __str__(self) -> str:
        return "Reunification plan"


class StepKind(models.TextChoices):
    INTRODUCTION = "introduction", "Introductions"
    DAYTIME_VISIT = "daytime_visit", "Daytime visit"
    OVERNIGHT_STAY = "overnight_stay", "Overnight stay"
    MOVE = "move", "Move date"
    OTHER = "other", "Other step"


class TransitionStep(TimeStampedModel):
    decision = models.ForeignKey(
        ReunificationDecision, on_delete=models.PROTECT, related_name="steps"
    )
    kind = models.CharField(max_length=20, choices=StepKind.choices)
    planned_on = models.DateField("planned date")
    happened_on = models.DateField("date it happened", null=True, blank=True)
    participants = models.CharField("who takes part", max_length=300, blank=True)
    notes = models.TextField(blank=True)
    history = HistoricalRecords(excluded_fields=["updated_at"])

    class Meta:
        ordering = ["planned_on", "pk"]
        verbose_name = "transition step"

    def __str__(self) -> str:
        return f"{self.get_kind_display()} planned {self.planned_on:%d/%m/%Y}"


class SupportFor(models.TextChoices):
    EP_CARERS = "ep_carers", "The early permanence carers (Standard 7.7)"
    CARERS_CHILDREN = "carers_children", "Other children in the carers' family (Standard 7.8)"
    BIRTH_FAMILY_CHILDREN = (
        "birth_family_children",
        "Other children in the birth family (Standard 7.8)",
    )
    PARENTS = "parents", "The parents"


class SupportKind(models.TextChoices):
    NAMED_WORKER = "named_worker", "A named worker"
    COUNSELLING = "counselling", "Counselling"
    LOSS_SUPPORT = "loss_support", "Support with loss"
    PRACTICAL = "practical", "Practical support"
    PARENTING = "parenting", "Parenting support"
    OTHER = "other", "Other support"


class ReunificationSupport(TimeStampedModel):
    """Support offered and taken up. For the EP carers, the household's "on hold" period before
    it is available again (Std 7.7) is also recorded on the household (``carers.Support`` of
    kind after a child went home), which drives its availability."""

    decision = models.ForeignKey(
        ReunificationDecision, on_delete=models.PROTECT, related_name="support"
    )
    for_whom = models.CharField("support for", max_length=30, choices=SupportFor.choices)
    kind = models.CharField(max_length=20, choices=SupportKind.choices)
    worker = models.CharField("named worker or provider", max_length=200, blank=True)
    offered_on = models.DateField("date offered", null=True, blank=True)
    taken_up_on = models.DateField("date taken up", null=True, blank=True)
    declined = models.BooleanField("offer declined", default=False)
    household = models.ForeignKey(
        "carers.Household",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="reunification_support",
        help_text="The EP carers' household.",
    )
    on_hold_from = models.DateField("on hold from", null=True, blank=True)
    on_hold_to = models.DateField("on hold until", null=True, blank=True)
    household_support = models.ForeignKey(
        "carers.Support",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        help_text="The household's own record of the on-hold period.",
    )
    notes = models.TextField(blank=True)
    history = HistoricalRecords(excluded_fields=["updated_at"])

    class Meta:
        ordering = ["for_whom", "offered_on", "pk"]
        verbose_name = "reunification support"
        verbose_name_plural = "reunification support"

    def __str__(self) -> str:
        return f"{self.get_kind_display()} for {self.get_for_whom_display().split(' (')[0]}"


class LifeStoryContribution(TimeStampedModel):
    """Std 7.6: what the EP carers give for the child's life story (photos, a diary, a letter)."""

    decision = models.ForeignKey(
        ReunificationDecision, on_delete=models.PROTECT, related_name="life_story"
    )
    given_on = models.DateField("date given")
    description = models.CharField("what was given", max_length=300)
    notes = models.TextField(blank=True)
    history = HistoricalRecords(excluded_fields=["updated_at"])

    class Meta:
        ordering = ["given_on", "pk"]
        verbose_name = "life story contribution"

    def __str__(self) -> str:
        return self.description


class AfterReturnKind(models.TextChoices):
    VISIT = "visit", "Visit"
    REVIEW = "review", "Review of the arrangement"


class AfterReturnRecord(TimeStampedModel):
    """After the return: visits to the child at home and reviews of the arrangement."""

    decision = models.ForeignKey(
        ReunificationDecision, on_delete=models.PROTECT, related_name="after_return"
    )
    kind = models.CharField(max_length=10, choices=AfterReturnKind.choices)
    held_on = models.DateField("date")
    by_whom = models.CharField("who visited or reviewed", max_length=200, blank=True)
    outcome = models.TextField("what was found or decided", blank=True)
    history = HistoricalRecords(excluded_fields=["updated_at"])

    class Meta:
        ordering = ["held_on", "pk"]
        verbose_name = "after the return"
        verbose_name_plural = "after the return"

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.held_on:%d/%m/%Y}"
