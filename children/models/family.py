"""The birth family network (Standards 1.5, 1.7, 2.2, 5): people, viability and paternity."""

from django.db import models
from simple_history.models import HistoricalRecords

from accounts.models import TimeStampedModel

from .child import Child
from .codes import Ethnicity, YesNoUnknown


class Relationship(models.TextChoices):
    MOTHER = "mother", "Mother"
    FATHER = "father", "Father"
    ALLEGED_FATHER = "alleged_father", "Alleged or possible father"
    GRANDPARENT = "grandparent", "Grandparent"
    AUNT_UNCLE = "aunt_uncle", "Aunt or uncle"
    SIBLING = "sibling", "Brother or sister"
    COUSIN = "cousin", "Cousin"
    OTHER_RELATIVE = "other_relative", "Other relative"
    CONNECTED_PERSON = "connected", "Connected person (friend or other)"
    GUARDIAN = "guardian", "Guardian"
    SPECIAL_GUARDIAN = "special_guardian", "Special guardian"


PARENT_RELATIONSHIPS = {Relationship.MOTHER, Relationship.FATHER, Relationship.ALLEGED_FATHER}
# ACA 2002 ss.52(6), 144(1): "parent" means a parent with parental responsibility, and
# "guardian" includes a special guardian; each must consent to placement for adoption
GUARDIAN_RELATIONSHIPS = {Relationship.GUARDIAN, Relationship.SPECIAL_GUARDIAN}


class PRBasis(models.TextChoices):
    """How a person came to hold parental responsibility (CA 1989 ss.2, 4, 4ZA, 5, 12, 14C)."""

    MOTHER = "mother", "Mother: from the birth"
    MARRIAGE = "marriage", "Married to the mother at the birth or later"
    REGISTRATION = "registration", "Named on the birth register (from 1 December 2003)"
    AGREEMENT = "agreement", "Parental responsibility agreement"
    ORDER = "order", "Parental responsibility order"
    CHILD_ARRANGEMENTS = "cao", "Child arrangements order: the child lives with them"
    GUARDIAN = "guardian", "Appointed guardian"
    SPECIAL_GUARDIAN = "special_guardian", "Special guardianship order"
    NONE = "none", "Does not have parental responsibility"


class FamilyMember(TimeStampedModel):
    """A parent, relative or connected person in the child's network."""

    child = models.ForeignKey(Child, on_delete=models.PROTECT, related_name="family_members")
    name = models.CharField(max_length=200)
    relationship = models.CharField(max_length=20, choices=Relationship.choices)
    relationship_detail = models.CharField(
        max_length=200, blank=True, help_text="e.g. maternal grandmother, family friend"
    )
    parental_responsibility = models.CharField(
        max_length=10, choices=YesNoUnknown.choices, default=YesNoUnknown.UNKNOWN
    )
    # how and since when they hold it (``parental_responsibility`` is the answer the family
    # member form records; these two are the legal fact, set on the parental responsibility page)
    pr_basis = models.CharField(
        "basis of parental responsibility", max_length=20, choices=PRBasis.choices, blank=True
    )
    pr_acquired_on = models.DateField("date parental responsibility began", null=True, blank=True)
    legal_representative = models.CharField(
        max_length=200, blank=True, help_text="Solicitor and firm, if represented."
    )
    # contact details: shown only to the case's own team
    address = models.TextField(blank=True)
    phone = models.CharField(max_length=50, blank=True)
    email = models.EmailField(blank=True)
    notes = models.TextField(blank=True)
    ep_information_given_on = models.DateField(
        "early permanence information given",
        null=True,
        blank=True,
        help_text="When information about early permanence was given in an accessible "
        "format (Standard 2.5).",
    )
    # --- who the person is and what they need (issue 9 item 5): a newborn's identity comes from
    # the family (Std 1.5, 2.5, 4.4); counselling for a parent or guardian (AAR reg 14)
    date_of_birth = models.DateField("date of birth", null=True, blank=True)
    ethnicity = models.CharField(max_length=4, choices=Ethnicity.choices, blank=True)
    religion = models.CharField(max_length=100, blank=True)
    language = models.CharField("first language", max_length=100, blank=True)
    interpreter_needed = models.CharField(
        "needs an interpreter", max_length=10, choices=YesNoUnknown.choices, default="unknown"
    )
    learning_disability = models.CharField(
        "learning disability or difficulty",
        max_length=10,
        choices=YesNoUnknown.choices,
        default="unknown",
    )
    advocacy_needed = models.CharField(
        "needs an advocate", max_length=10, choices=YesNoUnknown.choices, default="unknown"
    )
    care_leaver = models.CharField(
        "care leaver", max_length=10, choices=YesNoUnknown.choices, default="unknown"
    )
    whereabouts_unknown = models.BooleanField("whereabouts not known", default=False)
    party_to_proceedings = models.BooleanField("party to the proceedings", default=False)
    counselling_offered_on = models.DateField(
        "statutory counselling offered",
        null=True,
        blank=True,
        help_text="When counselling and information about adoption were offered (AAR reg 14).",
    )
    # --- end of issue 9 item 5
    archived_at = models.DateTimeField(null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["relationship", "name"]

    def __str__(self) -> str:
        return f"{self.name} ({self.get_relationship_display()})"


class ViabilityOutcome(models.TextChoices):
    PENDING = "pending", "Not yet known"
    POSITIVE = "positive", "Positive: full assessment recommended"
    NEGATIVE = "negative", "Negative: not viable"
    WITHDRAWN = "withdrawn", "Withdrawn by the family member"


class ViabilityAssessment(TimeStampedModel):
    """A viability assessment of a family member or connected person (Standard 2.2)."""

    child = models.ForeignKey(
        Child, on_delete=models.PROTECT, related_name="viability_assessments"
    )
    family_member = models.ForeignKey(
        FamilyMember, on_delete=models.PROTECT, related_name="viability_assessments"
    )
    requested_on = models.DateField()
    due_on = models.DateField()
    completed_on = models.DateField(null=True, blank=True)
    outcome = models.CharField(
        max_length=20, choices=ViabilityOutcome.choices, default=ViabilityOutcome.PENDING
    )
    assessor = models.CharField(max_length=200, blank=True)
    summary = models.TextField(blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["requested_on"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(due_on__gte=models.F("requested_on")),
                name="viability_due_after_request",
            ),
            models.CheckConstraint(
                condition=models.Q(completed_on__isnull=True)
                | models.Q(completed_on__gte=models.F("requested_on")),
                name="viability_completed_after_request",
            ),
        ]

    def __str__(self) -> str:
        return f"Viability assessment of {self.family_member.name}"


class PaternityResult(models.TextChoices):
    PENDING = "pending", "Awaiting result"
    CONFIRMED = "confirmed", "Paternity confirmed"
    EXCLUDED = "excluded", "Excluded as father"
    DECLINED = "declined", "Test declined"


class PaternityTest(TimeStampedModel):
    """Paternity testing where paternity is unclear or disputed (Standard 2.2)."""

    child = models.ForeignKey(Child, on_delete=models.PROTECT, related_name="paternity_tests")
    alleged_father = models.ForeignKey(
        FamilyMember, on_delete=models.PROTECT, related_name="paternity_tests"
    )
    requested_on = models.DateField()
    directed_by_court = models.BooleanField(default=False)
    result_on = models.DateField(null=True, blank=True)
    result = models.CharField(
        max_length=20, choices=PaternityResult.choices, default=PaternityResult.PENDING
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["requested_on"]

    def __str__(self) -> str:
        return f"Paternity test for {self.alleged_father.name}"
