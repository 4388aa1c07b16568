"""The twin-track plan page: set the plan, or change it (a new version; the old one is kept)."""

from accounts.dates import format_date

from .. import services
from ..forms import PlanForm
from ..services.plan import FAMILY_FIELDS, current_plan
from .base import ChildRecordFormView

CARRIED_OVER = [
    "primary",
    "parents_who",
    "parents_conditions",
    "parents_interventions",
    "family_first",
    "family_second",
    "family_third",
    "family_summary",
    "ep_type",
    "ffa_basis",
    "adoption_summary",
]
FIELDS = [*CARRIED_OVER, "meeting", "meeting_on", "reason", "court_scrutiny"]


class PlanSetView(ChildRecordFormView):
    form_class = PlanForm
    perm = "children.change_child"
    section = "plan"

    def get_instance(self):
        # Never the form's instance: a change is a new version, the current one stays as it was.
        self.current = current_plan(self.child)
        return None

    def get_form_kwargs(self):
        return {"current": self.current, "child": self.child}

    def get_initial(self):
        # Start from the plan in force, so that a change only alters what the meeting changed.
        if self.current is None:
            return {}
        return {
            name: getattr(self.current, f"{name}_id" if name in FAMILY_FIELDS else name)
            for name in CARRIED_OVER
        }

    def get_title(self) -> str:
        return "Set the twin-track plan" if self.current is None else "Change the twin-track plan"

    def get_intro(self) -> list[str]:
        if self.current is None:
            return [
                "Record the local authority's plan agreed at the meeting: each track it has (a "
                "return to parents, the family network, adoption through early permanence) and "
                "which is preferred (Standard 2.6). The court scrutinises the plan; it does not "
                "set it."
            ]
        return [
            f"The current plan was set at the {self.current.get_meeting_display().lower()} "
            f"on {format_date(self.current.meeting_on)}. Change what the meeting changed: the "
            "current plan is kept in the plan's history."
        ]

    @property
    def success_message(self) -> str:
        if self.current is None:
            return "The twin-track plan has been set"
        return "The twin-track plan has been changed"

    @property
    def submit_label(self) -> str:
        return "Save the plan" if self.current is None else "Save the new plan"

    def save(self, form):
        data = form.cleaned_data
        return services.plan_set(
            child=self.child, by=self.request.user, **{name: data[name] for name in FIELDS}
        )
