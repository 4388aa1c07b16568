"""The reunification app's records: the decision that the child goes home, and (later) the plan,
its steps, the support and what happened after the return."""

from .decision import (
    LEAVING_CODES,
    AfterAuthorityBasis,
    DecidedBy,
    DecisionStatus,
    EpisodeCeased,
    LeavingCareBasis,
    Outcome,
    ReunificationDecision,
    ReunificationRoute,
)
from .records import (
    AfterReturnKind,
    AfterReturnRecord,
    LifeStoryContribution,
    ReunificationPlan,
    ReunificationSupport,
    StepKind,
    SupportFor,
    SupportKind,
    TransitionStep,
)

__all__ = [
    "AfterReturnKind",
    "AfterReturnRecord",
    "LifeStoryContribution",
    "ReunificationPlan",
    "ReunificationSupport",
    "StepKind",
    "SupportFor",
    "SupportKind",
    "TransitionStep",
    "LEAVING_CODES",
    "AfterAuthorityBasis",
    "DecidedBy",
    "DecisionStatus",
    "EpisodeCeased",
    "LeavingCareBasis",
    "Outcome",
    "ReunificationDecision",
    "ReunificationRoute",
]
