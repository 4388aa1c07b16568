"""The carers app's records: households, approvals, preparation, what they offer, support."""

from .approvals import (
    AdopterApproval,
    ApprovalKind,
    ApprovalReview,
    ApprovalStatus,
    ApprovalStatusChange,
    FosterApproval,
    ReviewOutcome,
)
from .household import (
    COUPLES,
    Applicant,
    Household,
    HouseholdAccessLog,
    HouseholdMember,
    HouseholdRelationship,
    MemberKind,
)
from .records import (
    UNCERTAINTIES,
    Offer,
    Openness,
    SexesOffered,
    Support,
    SupportKind,
    Training,
    TrainingKind,
)

__all__ = [
    "COUPLES",
    "UNCERTAINTIES",
    "AdopterApproval",
    "Applicant",
    "ApprovalKind",
    "ApprovalReview",
    "ApprovalStatus",
    "ApprovalStatusChange",
    "FosterApproval",
    "Household",
    "HouseholdAccessLog",
    "HouseholdMember",
    "HouseholdRelationship",
    "MemberKind",
    "Offer",
    "Openness",
    "ReviewOutcome",
    "SexesOffered",
    "Support",
    "SupportKind",
    "Training",
    "TrainingKind",
]
