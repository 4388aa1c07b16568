"""The decision that the child goes home (DESIGN.md ``decide_reunification`` and
``complete_reunification``; LAW.md "returning home while in care"; Std 7.1).

Who decided (the court or the local authority), when, by which route (the parents, a member of
the family network, a connected person) and the order the court made; after authority to place,
the basis on which the plan for adoption ended. At completion: the move date and the outcome —
placed with parents under a care order (the child stays looked after, 903 P1; CPR regs 17–19), a
family network member as kinship foster carer (stays looked after; reg 24), or leaving care with
its 903 reason episode ceased.
"""

from django.db import models
from simple_history.models import HistoricalRecords

from accounts.models import TimeStampedModel


class DecidedBy(models.TextChoices):
    COURT = "court", "The court"
    LOCAL_AUTHORITY = "local_authority", "The local authority"


class ReunificationRoute(models.TextChoices):
    PARENTS = "parents", "Home to the parents"
    FAMILY_NETWORK_MEMBER = "family_network_member", "To a member of the family network"
    CONNECTED_PERSON = "connected_person", "To a connected person"


class AfterAuthorityBasis(models.TextChoices):
    """Std 7.1: how a plan for adoption ends once the local authority is authorised to place."""

    NONE = "", "Not after authority to place"
    # ACA 2002 s.24; s.29(1): a revoked placement order revives the care order
    PLACEMENT_ORDER_REVOKED = "placement_order_revoked", "The placement order was revoked"
    # ACA 2002 ss.31–32: the child is returned within 7 days (14 once placed for adoption)
    CONSENT_WITHDRAWN = "consent_withdrawn", "Consent to placement was withdrawn"
    APPLICATION_REFUSED = "application_refused", "The adoption application was refused"


class DecisionStatus(models.TextChoices):
    DECIDED = "decided", "Decided"
    ABANDONED = "abandoned", "Abandoned"
    COMPLETED = "completed", "Completed: the child moved"


class Outcome(models.TextChoices):
    # CPR regs 15–19; SSDA903 placement code P1
    STAYS_LOOKED_AFTER_WITH_PARENTS = (
        "stays_looked_after_with_parents",
        "Placed with parents under a care order: the child stays looked after",
    )
    # CPR reg 24: temporary approval of a connected person
    KINSHIP_FOSTER = (
        "kinship_foster",
        "With a family network member as kinship foster carer: the child stays looked after",
    )
    LEFT_CARE = "left_care", "The child left care"


class LeavingCareBasis(models.TextChoices):
    SPECIAL_GUARDIANSHIP = "sgo", "Special guardianship order"
    CHILD_ARRANGEMENTS = "cao", "Child arrangements order"
    DISCHARGE = "discharge", "Discharge of the care order"
    NO_ORDER = "no_order", "The court made no order"
    SECTION_20_ENDED = "section_20_ended", "Accommodation under section 20 ended"


class EpisodeCeased(models.TextChoices):
    """SSDA903 reason episode ceased (REC) codes for a child who goes home."""

    E4A = (
        "E4A",
        (
            "E4A: returned home to live with parents, relatives or others with parental "
            "responsibility as part of the care planning process"
        ),
    )
    E4B = (
        "E4B",
        (
            "E4B: returned home to live with parents, relatives or others with parental "
            "responsibility, not as part of the care planning process"
        ),
    )
    E13 = (
        "E13",
        (
            "E13: left care to live with parents, relatives or others with no parental "
            "responsibility"
        ),
    )
    E41 = "E41", "E41: child arrangements order granted"
    E43 = "E43", "E43: special guardianship order made to former foster carers"
    E44 = "E44", "E44: special guardianship order made to carers other than former foster carers"
    E8 = "E8", "E8: period of being looked after ceased for any other reason"


# the 903 end codes each way of leaving care may carry
LEAVING_CODES = {
    LeavingCareBasis.SPECIAL_GUARDIANSHIP: {EpisodeCeased.E43, EpisodeCeased.E44},
    LeavingCareBasis.CHILD_ARRANGEMENTS: {EpisodeCeased.E41},
    LeavingCareBasis.DISCHARGE: {
        EpisodeCeased.E4A,
        EpisodeCeased.E4B,
        EpisodeCeased.E13,
        EpisodeCeased.E8,
    },
    LeavingCareBasis.NO_ORDER: {
        EpisodeCeased.E4A,
        EpisodeCeased.E4B,
        EpisodeCeased.E13,
        EpisodeCeased.E8,
    },
    LeavingCareBasis.SECTION_20_ENDED: {
        EpisodeCeased.E4A,
        EpisodeCeased.E4B,
        EpisodeCeased.E13,
        EpisodeCeased.E8,
    },
}


class ReunificationDecision(TimeStampedModel):
    child = models.ForeignKey(
        "children.Child", on_delete=models.PROTECT, related_name="reunification_decisions"
    )
    decided_by_kind = models.CharField("who decided", max_length=20, choices=DecidedBy.choices)
    decided_on = models.DateField("date of the decision")
    route = models.CharField(max_length=30, choices=ReunificationRoute.choices)
    family_member = models.ForeignKey(
        "children.FamilyMember",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="reunification_decisions",
        help_text="The member of the family network the child goes to.",
    )
    order = models.ForeignKey(
        "children.CourtOrder",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="reunification_decisions",
        help_text="The order the court made.",
    )
    after_authority_basis = models.CharField(
        "after authority to place",
        max_length=30,
        choices=AfterAuthorityBasis.choices,
        blank=True,
        default="",
    )
    consent_withdrawn_on = models.DateField("date consent was withdrawn", null=True, blank=True)
    placed_for_adoption = models.BooleanField(
        "placed for adoption when consent was withdrawn",
        default=False,
        help_text="The child must then be returned within 14 days, not 7 (ACA 2002 s.32).",
    )
    notes = models.TextField(blank=True)
    status = models.CharField(
        max_length=20, choices=DecisionStatus.choices, default=DecisionStatus.DECIDED
    )
    abandoned_on = models.DateField("date abandoned", null=True, blank=True)
    abandoned_reason = models.TextField("why the reunification was abandoned", blank=True)
    # --- completion --------------------------------------------------------------------------
    moved_on = models.DateField("date the child moved", null=True, blank=True)
    outcome = models.CharField(max_length=40, choices=Outcome.choices, blank=True)
    care_order = models.ForeignKey(
        "children.CourtOrder",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="placements_with_parents",
        help_text="The interim or full care order the child is placed with parents under.",
    )
    # CPR regs 17–18: assessment, placement plan and Nominated Officer approval before the move
    assessment_completed_on = models.DateField(
        "date the assessment was completed", null=True, blank=True
    )
    placement_plan_on = models.DateField("date of the placement plan", null=True, blank=True)
    nominated_officer_approved_on = models.DateField(
        "date the Nominated Officer approved", null=True, blank=True
    )
    nominated_officer = models.ForeignKey(
        "accounts.User",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        help_text="The Nominated Officer who approved the placement with parents.",
    )
    # CPR reg 19: a move first where necessary; stored so that the due dates can be queried
    moved_before_assessment = models.BooleanField(
        "moved before the assessment was completed", default=False
    )
    move_first_reason = models.TextField("why the child had to move first", blank=True)
    assessment_due_on = models.DateField("assessment due by", null=True, blank=True, db_index=True)
    decision_due_on = models.DateField("decision due by", null=True, blank=True, db_index=True)
    # CPR reg 24: temporary approval of a connected person as foster carer
    temporary_approval_on = models.DateField("date of temporary approval", null=True, blank=True)
    # leaving care
    leaving_basis = models.CharField(
        "how the child left care", max_length=30, choices=LeavingCareBasis.choices, blank=True
    )
    leaving_order = models.ForeignKey(
        "children.CourtOrder",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="reunifications_left_care",
        help_text="The order under which the child left care.",
    )
    episode_ceased = models.CharField(
        "reason episode ceased", max_length=3, choices=EpisodeCeased.choices, blank=True
    )
    senior_approved_by = models.CharField(
        "senior manager who approved",
        max_length=200,
        blank=True,
        help_text="Ceasing to look after a child accommodated under section 20.",
    )
    senior_approved_on = models.DateField("date of the senior approval", null=True, blank=True)
    history = HistoricalRecords(excluded_fields=["updated_at"])

    class Meta:
        ordering = ["decided_on", "pk"]
        verbose_name = "reunification decision"
        constraints = [
            models.CheckConstraint(
                condition=models.Q(moved_on__isnull=True)
                | models.Q(moved_on__gte=models.F("decided_on")),
                name="reunification_moved_after_decision",
            ),
            models.CheckConstraint(
                condition=models.Q(abandoned_on__isnull=True)
                | models.Q(abandoned_on__gte=models.F("decided_on")),
                name="reunification_abandoned_after_decision",
            ),
            # one reunification under way at a time
            models.UniqueConstraint(
                fields=["child"],
                condition=models.Q(status="decided"),
                name="one_open_reunification",
            ),
        ]

    def __str__(self) -> str:
        return f"Reunification decided {self.decided_on:%d/%m/%Y}"

    @property
    def is_open(self) -> bool:
        return self.status == DecisionStatus.DECIDED

    @property
    def stays_looked_after(self) -> bool:
        return self.outcome in {Outcome.STAYS_LOOKED_AFTER_WITH_PARENTS, Outcome.KINSHIP_FOSTER}
