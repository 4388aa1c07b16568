"""The twin-track plan (Standard 2.6): each change is a new version, kept as history.

A plan of tracks, not letters (issue 9 item 4; LAW.md "Records and words"): a return to parents;
the family network (who, in which order); adoption through early permanence (fostering for
adoption, on its basis s.22C(9A)(a) or (b), or concurrent planning). One track is preferred.
The plan is the local authority's, decided at a meeting; the court scrutinises it, and what the
court said is recorded as that, not as the body that decided the plan.
"""

from django.db import models
from simple_history.models import HistoricalRecords

from accounts.models import TimeStampedModel

from .child import Child
from .family import FamilyMember


class Track(models.TextChoices):
    PARENTS = "parents", "Return to parents"
    FAMILY = "family", "The family network"
    ADOPTION = "adoption", "Adoption through early permanence"


class EPType(models.TextChoices):
    """The two early permanence types (CA 1989 s.22C(9A)-(9B); seeds 004)."""

    FFA = "ffa", "Fostering for adoption"
    CONCURRENT = "concurrent", "Concurrent planning"


class FfaBasis(models.TextChoices):
    """The basis of a fostering for adoption placement (CA 1989 s.22C(9A))."""

    CONSIDERING = "9A_a", "s.22C(9A)(a): the local authority is considering adoption"
    SHOULD_BE_PLACED = (
        "9A_b",
        "s.22C(9A)(b): the local authority is satisfied the child ought to be placed for "
        "adoption, but is not yet authorised to place",
    )


class PlanningMeeting(models.TextChoices):
    LEGAL_GATEWAY = "legal_gateway", "Legal gateway meeting"
    PERMANENCE_PLANNING = "permanence_planning", "Permanence planning meeting"
    PRE_BIRTH_CONFERENCE = "pre_birth", "Pre-birth conference"
    LOOKED_AFTER_REVIEW = "review", "Looked-after review"
    OTHER = "other", "Other meeting"


class TwinTrackPlan(TimeStampedModel):
    """One version of the child's twin-track plan, set by a meeting on a date."""

    child = models.ForeignKey(Child, on_delete=models.PROTECT, related_name="plans")
    primary = models.CharField("preferred track", max_length=20, choices=Track.choices)
    # --- a return to parents
    parents_who = models.CharField(
        "return to parents: which parent or parents",
        max_length=300,
        blank=True,
        help_text="Leave blank when a return to parents is not a track of this plan.",
    )
    parents_conditions = models.TextField(
        "return to parents: what needs to change",
        blank=True,
        help_text="The changes and conditions for a safe return, with timeframes (Standard 5.1).",
    )
    parents_interventions = models.TextField(
        "return to parents: support and interventions",
        blank=True,
        help_text="Tailored support to make reunification possible (Standard 2.7).",
    )
    # --- the family network, in the order the local authority would turn to them
    family_first = models.ForeignKey(
        FamilyMember,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="family network: first choice",
    )
    family_second = models.ForeignKey(
        FamilyMember,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="family network: second choice",
    )
    family_third = models.ForeignKey(
        FamilyMember,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="family network: third choice",
    )
    family_summary = models.TextField("family network: what the track needs", blank=True)
    # --- adoption through early permanence
    ep_type = models.CharField(
        "early permanence type", max_length=20, choices=EPType.choices, blank=True
    )
    ffa_basis = models.CharField(
        "basis for fostering for adoption", max_length=10, choices=FfaBasis.choices, blank=True
    )
    adoption_summary = models.TextField(
        "adoption through early permanence: the plan",
        blank=True,
        help_text="The carers if known, and what happens next.",
    )
    # --- who decided, and what the court said
    meeting = models.CharField("decided at", max_length=30, choices=PlanningMeeting.choices)
    meeting_on = models.DateField("date of the meeting")
    reason = models.TextField(
        "reason for this plan or change",
        blank=True,
    )
    court_scrutiny = models.TextField(
        "what the court said about the plan",
        blank=True,
        help_text="The court scrutinises the local authority's plan; it does not set it.",
    )

    history = HistoricalRecords()

    class Meta:
        ordering = ["-meeting_on", "-created_at"]
        get_latest_by = ["meeting_on", "created_at"]
        indexes = [models.Index(fields=["child", "-meeting_on"])]
        constraints = [
            # a fostering for adoption basis belongs to fostering for adoption only
            models.CheckConstraint(
                condition=models.Q(ffa_basis="") | models.Q(ep_type="ffa"),
                name="plan_ffa_basis_only_for_ffa",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_primary_display()} ({self.meeting_on:%d/%m/%Y})"

    @property
    def family_choices(self) -> list:
        """The family network members of the plan, in order."""
        return [m for m in (self.family_first, self.family_second, self.family_third) if m]

    @property
    def tracks(self) -> list[str]:
        """The tracks this plan has: a return to parents, the family network, adoption."""
        tracks = []
        if self.parents_who:
            tracks.append(Track.PARENTS)
        if self.family_first_id:
            tracks.append(Track.FAMILY)
        if self.ep_type or self.adoption_summary:
            tracks.append(Track.ADOPTION)
        return tracks
