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

__all__ = [
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
