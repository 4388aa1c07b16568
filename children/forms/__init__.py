from .child import ArchiveForm, BirthForm, ChildFilterForm, ChildForm
from .court import (
    DirectionCompliedForm,
    DirectionForm,
    ExtensionForm,
    HearingForm,
    OrderEndForm,
    OrderForm,
    PreProceedingsForm,
    ProceedingsConcludeForm,
    ProceedingsForm,
    Section19Form,
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
    "ProceedingsConcludeForm",
    "ProceedingsForm",
    "Section19Form",
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
