from .later import LaterFamilyTime, LaterKind, LaterSetting, S51AOrder
from .plan import (
    WEEKDAYS,
    FamilyTimePlan,
    LegalFrame,
    SupervisionLevel,
)
from .session import (
    ATTENDED,
    CANCELLATIONS,
    NOT_COUNTED,
    Attendance,
    Outcome,
    Session,
    SessionStatus,
)

__all__ = [
    "ATTENDED",
    "CANCELLATIONS",
    "NOT_COUNTED",
    "WEEKDAYS",
    "Attendance",
    "FamilyTimePlan",
    "LaterFamilyTime",
    "LaterKind",
    "LaterSetting",
    "LegalFrame",
    "Outcome",
    "S51AOrder",
    "Session",
    "SessionStatus",
    "SupervisionLevel",
]
