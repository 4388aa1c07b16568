"""The reunification app's writes: one service per action, each atomic and permission-checked."""

from .decision import (
    reg19_due_dates,
    return_due_on,
    reunification_abandon,
    reunification_abandon_errors,
    reunification_complete,
    reunification_complete_errors,
    reunification_decide,
    reunification_decide_errors,
    reunification_reg19_errors,
    reunification_reg19_record,
    reunification_update,
)

__all__ = [
    "reg19_due_dates",
    "return_due_on",
    "reunification_abandon",
    "reunification_abandon_errors",
    "reunification_complete",
    "reunification_complete_errors",
    "reunification_decide",
    "reunification_decide_errors",
    "reunification_reg19_errors",
    "reunification_reg19_record",
    "reunification_update",
]
