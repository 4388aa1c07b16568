"""The EP journey: one ``Journey`` per child, its stage moved only by the transitions of
DESIGN.md "The EP journey", each logged by django-fsm-log (who, when, from, to) with the reason
and the warnings' reasons in a ``TransitionRecord`` beside the log.

Why a model of our own beside django-fsm-log's ``StateLog``: the log has one free-text
``description``; a transition carries a reason, a close reason from a list, and one reason per
warning it was taken over (EP preparation not completed, inside the 21-day appeal window…), which
the chronology, the "EP considered" register and the returns read as fields, not parsed text.
"""

from django.conf import settings
from django.db import models
from django_fsm import GET_STATE, ConcurrentTransitionMixin, FSMField, transition
from django_fsm_log.decorators import fsm_log_by, fsm_log_description
from django_fsm_log.models import StateLog

from children.models import Child

from . import rules as journey_rules


class Stage(models.TextChoices):
    IDENTIFIED = "identified", "Identified"
    FAMILY_FINDING = "family_finding", "Family finding"
    MATCH_PROPOSED = "match_proposed", "Match proposed"
    FOSTERING_PHASE = "fostering_phase", "Fostering phase"
    AUTHORISED_TO_PLACE = "authorised_to_place", "Authorised to place for adoption"
    MATCHED = "matched", "Matched"
    PLACED_FOR_ADOPTION = "placed_for_adoption", "Placed for adoption"
    ADOPTED = "adopted", "Adopted"
    REUNIFICATION = "reunification", "Reunification"
    REUNIFIED = "reunified", "Reunified"
    CLOSED = "closed", "Closed"


FINAL_STAGES = frozenset({Stage.ADOPTED, Stage.REUNIFIED, Stage.CLOSED})
OPEN_STAGES = [s for s in Stage.values if s not in FINAL_STAGES]
# decide_reunification: only after an EP placement (DESIGN.md's table)
REUNIFICATION_FROM = [
    Stage.FOSTERING_PHASE,
    Stage.AUTHORISED_TO_PLACE,
    Stage.MATCHED,
    Stage.PLACED_FOR_ADOPTION,
]


class CloseReason(models.TextChoices):
    """Why a case closed (DESIGN.md ``close``); "EP considered, not pursued" from ``identified``
    keeps the register of every child for whom EP was considered (Std 1.2, 8.1)."""

    EP_NOT_PURSUED = "ep_not_pursued", "EP considered, not pursued"
    WITH_FAMILY = (
        "with_family",
        "The child stayed with or returned to family before an EP placement",
    )
    NO_CARERS = "no_carers", "No EP carers found in time"
    OTHER_PLAN = "other_plan", "Another permanence plan"
    MOVED_AUTHORITY = "moved_authority", "Moved to another authority"
    DIED = "died", "The child died"
    OTHER = "other", "Other"


def _is_case_worker(instance, user) -> bool:
    return journey_rules.may_move(user, instance.child)


def _is_team_manager(instance, user) -> bool:
    return journey_rules.may_manage(user, instance.child)


def _is_agency_decision_maker(instance, user) -> bool:
    return journey_rules.may_decide_formal_match(user, instance.child)


class Journey(ConcurrentTransitionMixin, models.Model):
    """Where the child is on the EP journey. The stage changes only through a transition (the
    services in ``journey.services``), never by hand (``protected=True``; read-only admin)."""

    child = models.OneToOneField(Child, on_delete=models.PROTECT, related_name="journey")
    stage = FSMField(
        default=Stage.IDENTIFIED, choices=Stage.choices, protected=True, db_index=True
    )
    stage_entered_at = models.DateTimeField()
    # the stage the child left for reunification, so that an abandoned reunification goes back
    stage_before_reunification = models.CharField(max_length=30, choices=Stage.choices, blank=True)
    close_reason = models.CharField(max_length=30, choices=CloseReason.choices, blank=True)
    close_detail = models.TextField("about the close reason", blank=True)
    # the stage the case closed from ("EP considered" register: closed from identified)
    closed_from = models.CharField(max_length=30, choices=Stage.choices, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(stage="closed") | ~models.Q(close_reason=""),
                name="journey_closed_has_reason",
            ),
        ]

    def __str__(self) -> str:
        return f"Journey: {self.get_stage_display()}"

    # --- the transitions (DESIGN.md "The EP journey"); conditions live in guards.py and are
    # checked by the services with the facts loaded once (guards need records, not this row)

    @fsm_log_by
    @fsm_log_description
    @transition(
        stage, source=Stage.IDENTIFIED, target=Stage.FAMILY_FINDING, permission=_is_team_manager
    )
    def agree_ep_plan(self, *, by=None, description=None):
        """The team manager agrees the early permanence plan."""

    @fsm_log_by
    @fsm_log_description
    @transition(
        stage,
        source=Stage.FAMILY_FINDING,
        target=Stage.MATCH_PROPOSED,
        permission=_is_case_worker,
    )
    def propose_match(self, *, by=None, description=None):
        """The social worker proposes the EP household."""

    @fsm_log_by
    @fsm_log_description
    @transition(
        stage,
        source=Stage.MATCH_PROPOSED,
        target=Stage.FAMILY_FINDING,
        permission=_is_case_worker,
    )
    def withdraw_match(self, *, by=None, description=None):
        """The proposed match is withdrawn; family finding resumes."""

    @fsm_log_by
    @fsm_log_description
    @transition(
        stage,
        source=Stage.MATCH_PROPOSED,
        target=Stage.FOSTERING_PHASE,
        permission=_is_case_worker,
    )
    def place_with_carers(self, *, by=None, description=None):
        """The child is placed with the EP carers as foster carers."""

    @fsm_log_by
    @fsm_log_description
    @transition(
        stage,
        source=Stage.FOSTERING_PHASE,
        target=Stage.FAMILY_FINDING,
        permission=_is_case_worker,
    )
    def placement_disrupted(self, *, by=None, description=None):
        """The EP placement ended unplanned; family finding resumes."""

    @fsm_log_by
    @fsm_log_description
    @transition(
        stage,
        source=Stage.FOSTERING_PHASE,
        target=Stage.AUTHORISED_TO_PLACE,
        permission=_is_case_worker,
    )
    def authorise_placement(self, *, by=None, description=None):
        """The agency is authorised to place the child for adoption."""

    @fsm_log_by
    @fsm_log_description
    @transition(
        stage,
        source=Stage.AUTHORISED_TO_PLACE,
        target=Stage.MATCHED,
        permission=_is_agency_decision_maker,
    )
    def approve_formal_match(self, *, by=None, description=None):
        """The agency decision maker approves the adoption match with the EP carers."""

    @fsm_log_by
    @fsm_log_description
    @transition(
        stage,
        source=Stage.AUTHORISED_TO_PLACE,
        target=Stage.FAMILY_FINDING,
        permission=_is_agency_decision_maker,
    )
    def decline_formal_match(self, *, by=None, description=None):
        """The agency decision maker declines the adoption match with the EP carers."""

    @fsm_log_by
    @fsm_log_description
    @transition(
        stage, source=Stage.MATCHED, target=Stage.PLACED_FOR_ADOPTION, permission=_is_case_worker
    )
    def place_for_adoption(self, *, by=None, description=None):
        """The child is placed for adoption with the carers (the agency's notice)."""

    @fsm_log_by
    @fsm_log_description
    @transition(
        stage, source=Stage.PLACED_FOR_ADOPTION, target=Stage.ADOPTED, permission=_is_case_worker
    )
    def record_adoption_order(self, *, by=None, description=None):
        """The court made the adoption order."""

    @fsm_log_by
    @fsm_log_description
    @transition(
        stage, source=REUNIFICATION_FROM, target=Stage.REUNIFICATION, permission=_is_case_worker
    )
    def decide_reunification(self, *, by=None, description=None):
        """The court or the local authority decided the child goes home to family."""
        self.stage_before_reunification = self.stage

    @fsm_log_by
    @fsm_log_description
    @transition(
        stage,
        source=Stage.REUNIFICATION,
        target=GET_STATE(
            lambda self, **kwargs: self.stage_before_reunification, states=REUNIFICATION_FROM
        ),
        permission=_is_case_worker,
    )
    def reunification_abandoned(self, *, by=None, description=None):
        """The reunification will not go ahead: back to the stage the child left."""

    @fsm_log_by
    @fsm_log_description
    @transition(
        stage, source=Stage.REUNIFICATION, target=Stage.REUNIFIED, permission=_is_case_worker
    )
    def complete_reunification(self, *, by=None, description=None):
        """The child moved home: reunification is complete."""

    @fsm_log_by
    @fsm_log_description
    @transition(stage, source=OPEN_STAGES, target=Stage.CLOSED, permission=_is_team_manager)
    def close(self, *, reason: str = "", detail: str = "", by=None, description=None):
        """The team manager closes the case with a reason from the list."""
        self.closed_from = self.stage
        self.close_reason = reason
        self.close_detail = detail


class TransitionRecord(models.Model):
    """What a transition carried beside django-fsm-log's ``StateLog`` (who, when, from, to): the
    date it took effect, the reason, the close reason, and each warning it was taken over with
    the reason given for going ahead."""

    journey = models.ForeignKey(Journey, on_delete=models.PROTECT, related_name="transitions")
    log = models.OneToOneField(StateLog, on_delete=models.PROTECT, related_name="journey_record")
    transition = models.CharField(max_length=40)
    source = models.CharField(max_length=30, choices=Stage.choices)
    target = models.CharField(max_length=30, choices=Stage.choices)
    on = models.DateField("date it took effect")
    at = models.DateTimeField(auto_now_add=True)
    by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    reason = models.TextField(blank=True)
    close_reason = models.CharField(max_length=30, choices=CloseReason.choices, blank=True)
    # [{"code": "ep_preparation", "message": "…", "reason": "…"}]: each warning taken over
    warnings = models.JSONField(default=list, blank=True)

    class Meta:
        ordering = ["at", "pk"]
        indexes = [models.Index(fields=["journey", "at"])]

    def __str__(self) -> str:
        return f"{self.transition}: {self.source} → {self.target}"
