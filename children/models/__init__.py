"""The child's record, split by concept (a module past ~400 lines becomes a package)."""

from .birth import (
    NHS_NUMBER_INVALID,
    AssessmentKind,
    AssessmentOutcome,
    BabyHealth,
    BirthPlan,
    Exposure,
    ParentAssessment,
    nhs_number_digits,
    nhs_number_is_valid,
)
from .child import CHILD_ID_TAKEN, Child, ChildAccessLog, SiblingGroup, SiblingPlacement
from .codes import Ethnicity, LegalStatus, Route, Sex, YesNoUnknown
from .court import (
    STATUTORY_WEEKS,
    ConsentStatus,
    CourtOrder,
    Direction,
    Extension,
    Hearing,
    HearingKind,
    OrderKind,
    PreProceedings,
    Proceedings,
    Section19Consent,
)
from .family import (
    PARENT_RELATIONSHIPS,
    FamilyMember,
    PaternityResult,
    PaternityTest,
    Relationship,
    ViabilityAssessment,
    ViabilityOutcome,
)
from .finding import FamilyFinding
from .notes import CaseNote, NoteKind
from .plan import EPType, FfaBasis, PlanningMeeting, Track, TwinTrackPlan
from .reviews import EscalationStage, IROConcern, LookedAfterReview
from .standards import ChildStandardRecord, PracticeStandardItem, StandardItemAppliesTo

__all__ = [
    # issue 9: the birth, the baby's health, the assessments of the parents
    "NHS_NUMBER_INVALID",
    "AssessmentKind",
    "AssessmentOutcome",
    "BabyHealth",
    "BirthPlan",
    "Exposure",
    "ParentAssessment",
    "FamilyFinding",
    "nhs_number_digits",
    "nhs_number_is_valid",
    "PARENT_RELATIONSHIPS",
    "STATUTORY_WEEKS",
    "CaseNote",
    "Child",
    "ChildAccessLog",
    "ChildStandardRecord",
    "ConsentStatus",
    "CourtOrder",
    "Direction",
    "EscalationStage",
    "Ethnicity",
    "Extension",
    "FamilyMember",
    "Hearing",
    "HearingKind",
    "IROConcern",
    "LegalStatus",
    "LookedAfterReview",
    "NoteKind",
    "OrderKind",
    "PaternityResult",
    "PaternityTest",
    "PlanningMeeting",
    "PracticeStandardItem",
    "PreProceedings",
    "Track",
    "EPType",
    "FfaBasis",
    "Proceedings",
    "Relationship",
    "Route",
    "Section19Consent",
    "Sex",
    "SiblingGroup",
    "SiblingPlacement",
    "CHILD_ID_TAKEN",
    "StandardItemAppliesTo",
    "TwinTrackPlan",
    "ViabilityAssessment",
    "ViabilityOutcome",
    "YesNoUnknown",
]
