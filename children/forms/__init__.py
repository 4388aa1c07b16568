from .child import ArchiveForm, BirthForm, ChildEditForm, ChildFilterForm, ChildForm
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
    OrderEndForm,
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
from .legal import CarePeriodForm, CarePeriodStartForm, LegalStatusForm
from .notes import CaseNoteForm
from .plan import PlanForm
from .preproceedings import PreProceedingsForm, PreProceedingsReviewForm
from .retention import RetentionReviewForm
from .reviews import (
    ConcernRaiseForm,
    ConcernResolveForm,
    ConcernRespondForm,
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
    "ChildEditForm",
    "ChildForm",
    # court
    "DirectionCompliedForm",
    "DirectionForm",
    "ExtensionForm",
    "HearingForm",
    "OrderEndForm",
    "OrderForm",
    "CarePeriodForm",
    "CarePeriodStartForm",
    "LegalStatusForm",
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
    "ConcernRespondForm",
    "RetentionReviewForm",
    "PlanForm",
    "ReviewHeldForm",
    "ReviewScheduleForm",
    "StandardMetForm",
    "StandardUnmarkForm",
]
