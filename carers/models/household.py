"""The household: its applicants, the other people living there, who recruited and supports it,
and whether it has opted out of early permanence (Standards 3.2, 7.8)."""

from django.conf import settings
from django.db import models
from simple_history.models import HistoricalRecords

from accounts.codes import Ethnicity, Sex
from accounts.models import Organisation, TimeStampedModel


class HouseholdRelationship(models.TextChoices):
    """How the applicants are related; with their number and sexes, the 903 AD1 items
    NB_ADOPTR, SEX_ADOPTR and LS_ADOPTR follow (``Household.ad1_codes``)."""

    SINGLE = "single", "Single applicant"
    MARRIED = "married", "Married couple"
    CIVIL_PARTNERS = "civil_partners", "Civil partners"
    UNMARRIED = "unmarried", "Unmarried couple in an enduring family relationship"


COUPLES = {
    HouseholdRelationship.MARRIED,
    HouseholdRelationship.CIVIL_PARTNERS,
    HouseholdRelationship.UNMARRIED,
}


class Household(TimeStampedModel):
    """An early permanence carer household: one or two applicants and who they live with."""

    name = models.CharField(
        max_length=200,
        help_text="How the team refers to the household, e.g. 'The Ashby-Cole household'.",
    )
    relationship = models.CharField(
        max_length=20, choices=HouseholdRelationship.choices, default=HouseholdRelationship.SINGLE
    )
    # the district only (the part before the space): enough to check distance both ways — not
    # near the child's family, not so far that a newborn travels far to family time
    postcode_district = models.CharField(
        max_length=4, blank=True, help_text="The first part of the postcode, e.g. NM3."
    )
    recruiting_agency = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, related_name="carer_households"
    )
    supervising_social_worker = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="supervised_households",
    )
    # for early permanence carers often have two workers (Std 3.8)
    fostering_worker = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="fostering_households",
    )
    adoption_worker = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="adoption_households",
    )
    # Std 3.2: carers may opt out of early permanence at any time (Coram recommends opt-out
    # rather than opt-in)
    opted_out_on = models.DateField("date opted out of early permanence", null=True, blank=True)
    opted_out_reason = models.TextField("reason for opting out", blank=True)
    history = HistoricalRecords(excluded_fields=["updated_at"])

    class Meta:
        ordering = ["name"]
        indexes = [
            models.Index(fields=["recruiting_agency", "name", "id"], name="household_list_idx"),
            models.Index(fields=["supervising_social_worker"]),
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(opted_out_on__isnull=True) | ~models.Q(opted_out_reason=""),
                name="household_opt_out_has_reason",
            )
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def organisation_id(self) -> int:
        """The organisation that owns the record, for the access rules."""
        return self.recruiting_agency_id

    @property
    def reference(self) -> str:
        """The anonymised profile's reference: no name, no postcode."""
        return f"EP-{self.pk:05d}"

    def ad1_codes(self, applicants: list["Applicant"]) -> dict[str, str]:
        """SSDA903 AD1 NB_ADOPTR, SEX_ADOPTR (M1, F1, MM, FF, MF) and LS_ADOPTR from the
        applicants and their relationship (LAW.md "Data returns"). LS_ADOPTR follows the DfE 903
        validation rules: L0 a single adopter (rule 514: then M1 or F1), L2 a civil partnership
        couple (rule 519), L12 a married couple of the same sex (rule 524: then MM or FF), L11
        a married couple of different sexes. An unmarried couple's code (L3 or L4) is left out
        until the guidance is confirmed."""
        sexes = sorted("M" if a.sex == Sex.MALE else "F" for a in applicants if a.sex)
        codes = {"NB_ADOPTR": str(len(applicants))}
        if len(sexes) == 1 and len(applicants) == 1:
            codes["SEX_ADOPTR"] = f"{sexes[0]}1"
        elif len(sexes) == 2:  # noqa: PLR2004
            codes["SEX_ADOPTR"] = {"FF": "FF", "MM": "MM", "FM": "MF"}["".join(sexes)]
        sex = codes.get("SEX_ADOPTR")
        if self.relationship == HouseholdRelationship.SINGLE and sex in ("M1", "F1"):
            codes["LS_ADOPTR"] = "L0"
        elif self.relationship == HouseholdRelationship.CIVIL_PARTNERS and sex in (
            "MM",
            "FF",
            "MF",
        ):
            codes["LS_ADOPTR"] = "L2"
        elif self.relationship == HouseholdRelationship.MARRIED and sex in ("MM", "FF"):
            codes["LS_ADOPTR"] = "L12"
        elif self.relationship == HouseholdRelationship.MARRIED and sex == "MF":
            codes["LS_ADOPTR"] = "L11"
        return codes


class Applicant(TimeStampedModel):
    """One of the household's (one or two) applicants."""

    household = models.ForeignKey(Household, on_delete=models.PROTECT, related_name="applicants")
    first_name = models.CharField(max_length=100)
    last_name = models.CharField(max_length=100)
    date_of_birth = models.DateField()
    sex = models.CharField(max_length=1, choices=Sex.choices)
    ethnicity = models.CharField(max_length=4, choices=Ethnicity.choices, default=Ethnicity.NOBT)
    religion = models.CharField(max_length=100, blank=True)
    languages = models.CharField(max_length=200, blank=True)
    history = HistoricalRecords(excluded_fields=["updated_at"])

    class Meta:
        ordering = ["household", "created_at", "pk"]

    def __str__(self) -> str:
        return f"{self.first_name} {self.last_name}"


class MemberKind(models.TextChoices):
    CHILD = "child", "Child"
    ADULT = "adult", "Adult"


class HouseholdMember(TimeStampedModel):
    """Another child or adult living in the household (Std 7.8: their needs are considered)."""

    household = models.ForeignKey(Household, on_delete=models.PROTECT, related_name="members")
    name = models.CharField(max_length=200)
    kind = models.CharField(max_length=10, choices=MemberKind.choices)
    relationship = models.CharField(
        max_length=200, help_text="To the applicants, e.g. birth son, adopted daughter, lodger."
    )
    date_of_birth = models.DateField(null=True, blank=True)
    notes = models.TextField(blank=True)
    history = HistoricalRecords(excluded_fields=["updated_at"])

    class Meta:
        ordering = ["household", "date_of_birth", "pk"]

    def __str__(self) -> str:
        return self.name


class HouseholdAccessLog(models.Model):
    """Every view of a household's record (special category data, UK GDPR accountability)."""

    household = models.ForeignKey(Household, on_delete=models.PROTECT, related_name="access_log")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    viewed_at = models.DateTimeField(auto_now_add=True)
    path = models.CharField(max_length=300)

    class Meta:
        ordering = ["-viewed_at"]
        indexes = [models.Index(fields=["household", "-viewed_at"])]

    def __str__(self) -> str:
        return f"{self.user} viewed household {self.household_id}"
