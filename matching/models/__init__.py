"""The matching app's records: placements, matches, the agency's decisions, adoption."""

from .codes import NoLongerReason, PlacementCode, ProviderCode, ReasonForChange
from .matches import (
    AdoptionPlacement,
    AgencyDecision,
    AgencyDecisionKind,
    FormalMatch,
    FormalMatchDecision,
    InitialMatch,
    MatchStatus,
    NominatedOfficerAuthorisation,
    PanelRecommendation,
    Reg25AApproval,
    Reg25AEndReason,
)
from .placements import WITH_HOUSEHOLD, Placement, PlacementKind

__all__ = [
    "WITH_HOUSEHOLD",
    "AdoptionPlacement",
    "AgencyDecision",
    "AgencyDecisionKind",
    "FormalMatch",
    "FormalMatchDecision",
    "InitialMatch",
    "MatchStatus",
    "NoLongerReason",
    "NominatedOfficerAuthorisation",
    "PanelRecommendation",
    "Placement",
    "PlacementCode",
    "PlacementKind",
    "ProviderCode",
    "ReasonForChange",
    "Reg25AApproval",
    "Reg25AEndReason",
]
