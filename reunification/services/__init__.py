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
from .records import (
    after_return_errors,
    after_return_save,
    life_story_errors,
    life_story_save,
    plan_errors,
    plan_save,
    step_errors,
    step_save,
    support_errors,
    support_save,
)

__all__ += [
    "after_return_errors",
    "after_return_save",
    "life_story_errors",
    "life_story_save",
    "plan_errors",
    "plan_save",
    "step_errors",
    "step_save",
    "support_errors",
    "support_save",
]
