"""The initial match and what makes it a placement: the Nominated Officer's authorisation
(Std 4.2) and, for carers approved only as prospective adopters, the CPR reg 25A temporary
approval (Std 4.3). Then the agency decision maker's decisions, the formal adoption match
(Std 4.7–4.11; AAR regs 31–33) and placement for adoption (AAR reg 35)."""

from django.conf import settings
from django.db import models
from simple_history.models import HistoricalRecords

from accounts.models import TimeStampedModel
from carers.models import Household
from children.models import Child
from children.models.plan import EPType

from .codes import NoLongerReason


class MatchStatus(models.TextChoices):
    PROPOSED = "proposed", "Proposed"
    WITHDRAWN = "withdrawn", "Withdrawn"
    PLACED = "placed", "Placed"
    ENDED = "ended", "Ended"


class InitialMatch(TimeStampedModel):
    """The proposed early permanence household for the child."""

    child = models.ForeignKey(Child, on_delete=models.PROTECT, related_name="initial_matches")
    household = models.ForeignKey(
        Household, on_delete=models.PROTECT, related_name="initial_matches"
    )
    proposed_on = models.DateField("date the match was proposed")
    status = models.CharField(
        max_length=20, choices=MatchStatus.choices, default=MatchStatus.PROPOSED
    )
    withdrawn_on = models.DateField("date the match was withdrawn", null=True, blank=True)
    withdrawn_reason = models.TextField("why the match was withdrawn", blank=True)
    # a warning with a reason, never a block (Std 3.4: preparation before a placement)
    training_warning_reason = models.TextField(
        "why the match goes ahead before early permanence preparation is completed", blank=True
    )
    ep_type = models.CharField(
        "early permanence type", max_length=20, choices=EPType.choices, blank=True
    )
    history = HistoricalRecords(excluded_fields=["updated_at"])

    class Meta:
        ordering = ["child", "proposed_on", "pk"]
        verbose_name_plural = "initial matches"
        indexes = [models.Index(fields=["household", "status"], name="match_household_idx")]
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(status="withdrawn")
                | (models.Q(withdrawn_on__isnull=False) & ~models.Q(withdrawn_reason="")),
                name="match_withdrawn_dated_with_reason",
            ),
            models.UniqueConstraint(
                fields=["child"],
                condition=models.Q(status__in=["proposed", "placed"]),
                name="match_one_current",
            ),
        ]

    def __str__(self) -> str:
        return f"Match with {self.household.reference} ({self.get_status_display().lower()})"

    @property
    def organisation_id(self) -> int:
        return self.child.responsible_authority_id


class NominatedOfficerAuthorisation(TimeStampedModel):
    """The Nominated Officer's authorisation of the EP placement (Std 4.2): who, when, what they
    were told. Its date is the ASGLB "FfA/CP decision date"."""

    match = models.OneToOneField(
        InitialMatch, on_delete=models.PROTECT, related_name="authorisation"
    )
    authorised_on = models.DateField("date of the Nominated Officer's authorisation")
    authorised_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    information_given = models.TextField("what the Nominated Officer was told")
    history = HistoricalRecords(excluded_fields=["updated_at"])

    class Meta:
        verbose_name = "Nominated Officer's authorisation"

    def __str__(self) -> str:
        return f"Authorised by the Nominated Officer on {self.authorised_on:%-d %B %Y}"

    @property
    def organisation_id(self) -> int:
        return self.match.child.responsible_authority_id


class Reg25AEndReason(models.TextChoices):
    """CPR reg 25A(3): when the temporary approval ends."""

    FOSTER_APPROVED = "foster_approved", "The carers were approved as foster carers"
    PLACEMENT_ENDED = "placement_ended", "The placement ended"
    PLACED_FOR_ADOPTION = "placed_for_adoption", "The child was placed for adoption with them"
    ADOPTER_APPROVAL_TERMINATED = (
        "adopter_approval_terminated",
        "Their approval as prospective adopters was terminated",
    )


class Reg25AApproval(TimeStampedModel):
    """A temporary approval of prospective adopters as foster parents for this child only
    (CPR reg 25A): no time limit; it ends as ``Reg25AEndReason`` says."""

    match = models.OneToOneField(InitialMatch, on_delete=models.PROTECT, related_name="reg25a")
    approved_on = models.DateField("date of the temporary approval")
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    suitability_assessment = models.TextField(
        "the assessment of their suitability to care for this child"
    )
    ended_on = models.DateField("date the temporary approval ended", null=True, blank=True)
    ended_reason = models.CharField(
        "why it ended", max_length=30, choices=Reg25AEndReason.choices, blank=True
    )
    history = HistoricalRecords(excluded_fields=["updated_at"])

    class Meta:
        verbose_name = "Reg 25A temporary approval"
        constraints = [
            models.CheckConstraint(
                condition=(models.Q(ended_on__isnull=True) & models.Q(ended_reason=""))
                | (models.Q(ended_on__isnull=False) & ~models.Q(ended_reason="")),
                name="reg25a_end_dated_with_reason",
            )
        ]

    def __str__(self) -> str:
        return f"Reg 25A temporary approval of {self.approved_on:%-d %B %Y}"

    @property
    def organisation_id(self) -> int:
        return self.match.child.responsible_authority_id

    @property
    def in_force(self) -> bool:
        return self.ended_on is None


class AgencyDecisionKind(models.TextChoices):
    SHOULD_BE_PLACED = "should_be_placed", "The child should be placed for adoption"
    NO_LONGER_TO_BE_PLACED = (
        "no_longer_to_be_placed",
        "The child should no longer be placed for adoption",
    )


class AgencyDecision(TimeStampedModel):
    """The agency decision maker's decision about adoption for the child (ACA s.22; AAR regs
    17–19; 903 RD1–RD4). The ADM may belong to the RAA the child is referred to."""

    child = models.ForeignKey(Child, on_delete=models.PROTECT, related_name="agency_decisions")
    kind = models.CharField(max_length=30, choices=AgencyDecisionKind.choices)
    decided_on = models.DateField("date of the decision")
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    panel_recommended_on = models.DateField(
        "date of the adoption panel's recommendation", null=True, blank=True
    )
    reason_code = models.CharField(
        "reason (903)", max_length=3, choices=NoLongerReason.choices, blank=True
    )
    reason = models.TextField("the decision's reasons", blank=True)
    history = HistoricalRecords(excluded_fields=["updated_at"])

    class Meta:
        ordering = ["child", "decided_on", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(kind="no_longer_to_be_placed") | ~models.Q(reason_code=""),
                name="agency_decision_no_longer_has_reason",
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} ({self.decided_on:%-d %B %Y})"

    @property
    def organisation_id(self) -> int:
        return self.child.responsible_authority_id


class PanelRecommendation(models.TextChoices):
    MATCH = "match", "Recommended the match"
    NO_MATCH = "no_match", "Did not recommend the match"


class FormalMatchDecision(models.TextChoices):
    APPROVED = "approved", "Match approved"
    DECLINED = "declined", "Match declined"


class FormalMatch(TimeStampedModel):
    """The formal adoption match (Std 4.7–4.11): the Reg 31 steps, the reports, the panel
    (AAR reg 32) and the agency decision maker's decision (AAR reg 33)."""

    child = models.ForeignKey(Child, on_delete=models.PROTECT, related_name="formal_matches")
    household = models.ForeignKey(
        Household, on_delete=models.PROTECT, related_name="formal_matches"
    )
    # AAR reg 31: the carers are given the child's permanence report and meet the agency
    permanence_report_given_on = models.DateField(
        "date the carers were given the child's permanence report", null=True, blank=True
    )
    carers_met_agency_on = models.DateField(
        "date the carers met the agency about the match", null=True, blank=True
    )
    adoption_placement_report_on = models.DateField(
        "date of the adoption placement report", null=True, blank=True
    )
    adoption_support_plan_on = models.DateField(
        "date of the adoption support plan", null=True, blank=True
    )
    life_story_plan_on = models.DateField("date of the life story plan", null=True, blank=True)
    panel_on = models.DateField("date of the adoption panel", null=True, blank=True)
    panel_recommendation = models.CharField(
        "the panel's recommendation",
        max_length=10,
        choices=PanelRecommendation.choices,
        blank=True,
    )
    decision = models.CharField(
        "the agency decision maker's decision",
        max_length=10,
        choices=FormalMatchDecision.choices,
        blank=True,
    )
    decided_on = models.DateField("date of the decision", null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    decline_reason = models.TextField("why the match was declined", blank=True)
    # Std 4.8, 4.11: what happens for the child when the match does not go ahead
    transition_plan = models.TextField("the child's transition plan", blank=True)
    history = HistoricalRecords(excluded_fields=["updated_at"])

    class Meta:
        ordering = ["child", "created_at", "pk"]
        verbose_name_plural = "formal matches"
        constraints = [
            models.CheckConstraint(
                condition=models.Q(decision="")
                | (models.Q(decided_on__isnull=False) & models.Q(decided_by__isnull=False)),
                name="formal_match_decision_dated",
            ),
            models.CheckConstraint(
                condition=~models.Q(decision="declined")
                | (~models.Q(decline_reason="") & ~models.Q(transition_plan="")),
                name="formal_match_decline_has_reason_and_plan",
            ),
        ]

    def __str__(self) -> str:
        return f"Formal match with {self.household.reference}"

    @property
    def organisation_id(self) -> int:
        return self.child.responsible_authority_id


class AdoptionPlacement(TimeStampedModel):
    """Placed for adoption: the date of the agency's written notice to the carers (AAR reg 35)."""

    child = models.ForeignKey(Child, on_delete=models.PROTECT, related_name="adoption_placements")
    formal_match = models.OneToOneField(
        FormalMatch, on_delete=models.PROTECT, related_name="adoption_placement"
    )
    notice_on = models.DateField("date of the agency's written notice to the carers")
    adoption_placement_plan_on = models.DateField(
        "date of the adoption placement plan", null=True, blank=True
    )
    history = HistoricalRecords(excluded_fields=["updated_at"])

    class Meta:
        ordering = ["child", "notice_on", "pk"]

    def __str__(self) -> str:
        return f"Placed for adoption on {self.notice_on:%-d %B %Y}"

    @property
    def organisation_id(self) -> int:
        return self.child.responsible_authority_id
