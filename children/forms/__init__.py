from .child import ArchiveForm, BirthForm, ChildFilterForm, ChildForm
from .consent import (
    ConsentForm,
    FatherWithoutPRForm,
    ParentalResponsibilityForm,
    Part19Form,
    Section20Form,
    WrittenAgreementForm,
)
from .court import (
    DirectionCompliedForm,
    DirectionForm,
    ExtensionForm,
    HearingForm,
    OrderForm,
    ProceedingsConcludeForm,
    ProceedingsForm,
)
from .family import (
    ArchiveFamilyMemberForm,
    FamilyMemberForm,
    PaternityTestForm,
    ViabilityAssessmentForm,
)
from .notes import CaseNoteForm
from .plan import PlanForm
from .preproceedings import PreProceedingsForm, PreProceedingsReviewForm
from .reviews import (
    ConcernRaiseForm,
    ConcernResolveForm,
    ConcernStageForm,
    ReviewHeldForm,
    ReviewScheduleForm,
)
from .standards import StandardMetForm, StandardUnmarkForm

__all__ = [
    "ArchiveForm",
    "ArchiveFamilyMemberForm",
    "BirthForm",
    "ChildFilterForm",
    "ChildForm",
    # court
    "DirectionCompliedForm",
    "DirectionForm",
    "ExtensionForm",
    "HearingForm",
    "OrderForm",
    "PreProceedingsForm",
    "PreProceedingsReviewForm",
    "ProceedingsConcludeForm",
    "ProceedingsForm",
    "ConsentForm",
    "FatherWithoutPRForm",
    "ParentalResponsibilityForm",
    "Part19Form",
    "Section20Form",
    "WrittenAgreementForm",
    "FamilyMemberForm",
    "PaternityTestForm",
    "ViabilityAssessmentForm",
    # plan, reviews, notes, standards
    "CaseNoteForm",
    "ConcernRaiseForm",
    "ConcernResolveForm",
    "ConcernStageForm",
    "PlanForm",
    "ReviewHeldForm",
    "ReviewScheduleForm",
    "StandardMetForm",
    "StandardUnmarkForm",
]
