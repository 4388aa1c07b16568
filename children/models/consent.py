"""Who may consent to a child's adoption, and when (LAW.md "Who may consent, and when"): consent to
placement for adoption (ACA 2002 s.19), a parent's written agreement for a baby under six weeks
(AAR 2005 reg 35(4)), a father without parental responsibility (AAR reg 14), an application to the
court for guidance under FPR Part 19 (Standard 2.9's "Section 19"), and accommodation under
section 20 of the Children Act 1989."""

from django.db import models
from simple_history.models import HistoricalRecords

from accounts.models import Organisation, TimeStampedModel

from .child import Child
from .codes import YesNoUnknown
from .family import FamilyMember


class ConsentStatus(models.TextChoices):
    CONSIDERED = "considered", "Consent discussed with the parent"
    APPLIED = "applied", "Cafcass asked to witness consent"
    GIVEN = "given", "Consent given and witnessed by Cafcass"
    REFUSED = "refused", "Consent not given"
    WITHDRAWN = "withdrawn", "Consent withdrawn"


class ConsentKind(models.TextChoices):
    # ACA 2002 s.19(1)(a) and (b)
    IDENTIFIED = "identified", "To placement with identified prospective adopters (s.19(1)(a))"
    ANY = "any", "To placement with any prospective adopters the agency chooses (s.19(1)(b))"


class ConsentToPlacement(TimeStampedModel):
    """A parent's or guardian's consent to the child's placement for adoption (ACA 2002 s.19),
    witnessed by a Cafcass officer; with advance consent to an adoption order (s.20)."""

    child = models.ForeignKey(Child, on_delete=models.PROTECT, related_name="placement_consents")
    parent = models.ForeignKey(
        FamilyMember,
        on_delete=models.PROTECT,
        related_name="placement_consents",
        help_text="A parent with parental responsibility, or a guardian (special guardians "
        "included).",
    )
    status = models.CharField(max_length=20, choices=ConsentStatus.choices)
    kind = models.CharField(
        "kind of consent", max_length=20, choices=ConsentKind.choices, blank=True
    )
    considered_on = models.DateField("date consent was first discussed")
    witnessed_on = models.DateField("date Cafcass witnessed consent", null=True, blank=True)
    withdrawn_on = models.DateField("date consent was withdrawn", null=True, blank=True)
    advance_consent_on = models.DateField(
        "date of advance consent to an adoption order (s.20)", null=True, blank=True
    )
    no_notice_statement_on = models.DateField(
        "date of the statement that they do not wish to be told of an adoption application "
        "(s.20(4)(a))",
        null=True,
        blank=True,
    )
    notes = models.TextField(blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["considered_on", "pk"]
        verbose_name = "consent to placement for adoption"
        verbose_name_plural = "consents to placement for adoption"

    def __str__(self) -> str:
        return f"Consent to placement for adoption: {self.get_status_display()}"


class WrittenAgreement(TimeStampedModel):
    """A parent's written agreement with the agency to placing a baby under six weeks old for
    adoption (ACA 2002 s.18(1); AAR 2005 reg 35(4)). Not consent: it lasts until the baby is six
    weeks old, by when consent under s.19 or a placement order is needed."""

    child = models.ForeignKey(Child, on_delete=models.PROTECT, related_name="written_agreements")
    parent = models.ForeignKey(
        FamilyMember, on_delete=models.PROTECT, related_name="written_agreements"
    )
    agreed_on = models.DateField("date of the written agreement")
    notes = models.TextField(blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["agreed_on", "pk"]

    def __str__(self) -> str:
        return "Written agreement to placement (baby under six weeks)"


class Informed(models.TextChoices):
    INFORMED = "informed", "Informed"
    NOT_INFORMED = "not_informed", "Decided not to inform him"
    NOT_YET = "not_yet", "Not yet decided"


class FatherWithoutPR(TimeStampedModel):
    """A father without parental responsibility: his consent is not needed, but the agency
    records what is known of him, whether he is told and counselled, and his wishes
    (AAR reg 14)."""

    child = models.ForeignKey(Child, on_delete=models.PROTECT, related_name="fathers_without_pr")
    father = models.ForeignKey(
        FamilyMember,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="father_without_pr_records",
        help_text="Leave empty when his identity is not known.",
    )
    identity_known = models.CharField(
        "is his identity known", max_length=10, choices=YesNoUnknown.choices
    )
    informed = models.CharField(
        "has he been informed", max_length=20, choices=Informed.choices, default=Informed.NOT_YET
    )
    informed_on = models.DateField("date he was informed", null=True, blank=True)
    decided_by = models.CharField(
        "who decided not to inform him",
        max_length=200,
        blank=True,
        help_text="The court (under Part 19 of the Family Procedure Rules) or the agency officer.",
    )
    decision_reason = models.TextField("why he is not informed", blank=True)
    counselled_on = models.DateField("date he was counselled", null=True, blank=True)
    wishes = models.TextField(
        "his wishes and feelings", blank=True, help_text="About the child and their adoption."
    )
    notes = models.TextField(blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["pk"]
        verbose_name = "father without parental responsibility"
        verbose_name_plural = "fathers without parental responsibility"

    def __str__(self) -> str:
        return "Father without parental responsibility"


class Part19Outcome(models.TextChoices):
    PENDING = "pending", "Not decided yet"
    NEED_NOT_TELL = "need_not_tell", "The father or family need not be told"
    MUST_TELL = "must_tell", "The father or family must be told"
    OTHER = "other", "Another decision"
    WITHDRAWN = "withdrawn", "Application withdrawn"


class Part19Application(TimeStampedModel):
    """An application to the court for guidance under Part 19 of the Family Procedure Rules 2010
    (Standard 2.9's "Section 19"): typically whether a relinquished baby's father or family must
    be told of the child (Re A, B and C [2020] EWCA Civ 41). Not consent."""

    child = models.ForeignKey(Child, on_delete=models.PROTECT, related_name="part19_applications")
    question = models.TextField(
        "what the court is asked", help_text="For example, whether the father must be told."
    )
    applied_on = models.DateField("date the application was made")
    issued_on = models.DateField("date the application was issued", null=True, blank=True)
    directions = models.TextField("directions the court made", blank=True)
    outcome = models.CharField(
        max_length=20, choices=Part19Outcome.choices, default=Part19Outcome.PENDING
    )
    decided_on = models.DateField("date of the decision", null=True, blank=True)
    notes = models.TextField(blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["applied_on", "pk"]
        verbose_name = "Part 19 application"

    def __str__(self) -> str:
        return "Part 19 application for the court's guidance"


class Section20End(models.TextChoices):
    ORDER = "order", "An order was made"
    CONSENT = "consent", "Consent to placement for adoption was given (ACA s.30)"
    REMOVED = "removed", "The parent removed the child or withdrew agreement"
    RETURNED = "returned", "The child went home with the parent's agreement"
    OTHER = "other", "Another reason"


class Section20Accommodation(TimeStampedModel):
    """A child accommodated under section 20 of the Children Act 1989 with a parent's agreement:
    who agreed, their capacity, that they were told they may remove the child at any time
    (s.20(8)), and how it ended."""

    child = models.ForeignKey(
        Child, on_delete=models.PROTECT, related_name="section20_accommodations"
    )
    agreed_by = models.ForeignKey(
        FamilyMember, on_delete=models.PROTECT, related_name="section20_agreements"
    )
    agreed_on = models.DateField("date of the agreement")
    capacity_checked = models.BooleanField(
        "the parent's capacity to agree was checked", default=False
    )
    told_of_right_to_remove = models.BooleanField(
        "told they may remove the child at any time (s.20(8))", default=False
    )
    withdrawn_on = models.DateField("date the parent withdrew agreement", null=True, blank=True)
    ended_on = models.DateField("date accommodation under section 20 ended", null=True, blank=True)
    end_reason = models.CharField(
        "why it ended", max_length=20, choices=Section20End.choices, blank=True
    )
    notes = models.TextField(blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["agreed_on", "pk"]
        verbose_name = "section 20 accommodation"

    def __str__(self) -> str:
        return "Accommodated under section 20"


class Section20Threshold(models.Model):
    """The local authority's own threshold: a baby accommodated under section 20 for longer is
    flagged (LAW.md: "flag a baby accommodated under s.20 beyond the local threshold"; Williams
    v Hackney [2018] UKSC 37). Set by an admin; local practice, not law."""

    organisation = models.OneToOneField(
        Organisation, on_delete=models.CASCADE, related_name="section20_threshold"
    )
    days = models.PositiveSmallIntegerField(
        "flag after this many days",
        help_text="A baby accommodated under section 20 for longer than this is flagged.",
    )

    class Meta:
        verbose_name = "section 20 threshold"

    def __str__(self) -> str:
        return f"Section 20 flag after {self.days} days"
