"""The twin-track plan form: a new version of the plan, starting from the current one."""

from django import forms

from accounts.govuk import GovDateField, GovFormMixin, add_errors

from ..models import PlanningMeeting, PrimaryPlan, TwinTrackPlan
from ..services.plan import plan_set_errors


class PlanForm(GovFormMixin, forms.ModelForm):
    """Set or change the plan. A change needs a reason; the old version stays in the history."""

    meeting_on = GovDateField(noun="the meeting")

    class Meta:
        model = TwinTrackPlan
        fields = [
            "primary",
            "plan_a_who",
            "plan_a_conditions",
            "plan_a_interventions",
            "plan_b_summary",
            "meeting",
            "meeting_on",
            "reason",
        ]
        labels = {
            "primary": "Which is the primary plan?",
            "plan_a_who": "Plan A: who would the child return to?",
            "plan_a_conditions": "Plan A: what needs to change for a safe return?",
            "plan_a_interventions": "Plan A: support and interventions (optional)",
            "plan_b_summary": "Plan B: adoption through early permanence",
            "meeting": "Which meeting decided the plan?",
        }
        error_messages = {
            "primary": {"required": "Select the primary plan"},
            "plan_a_who": {"required": "Enter who the child would return to under Plan A"},
            "plan_a_conditions": {"required": "Enter what needs to change under Plan A"},
            "plan_b_summary": {"required": "Enter Plan B"},
            "meeting": {"required": "Select the meeting that decided the plan"},
        }
        widgets = {"primary": forms.RadioSelect, "meeting": forms.RadioSelect}

    def __init__(self, *args, current: TwinTrackPlan | None, **kwargs):
        super().__init__(*args, **kwargs)
        self.current = current
        self.fields["primary"].choices = PrimaryPlan.choices
        self.fields["meeting"].choices = PlanningMeeting.choices
        self.fields[
            "plan_a_conditions"
        ].help_text = (
            "The changes and conditions for a safe return, with timeframes (Standard 5.1)"
        )
        self.fields[
            "plan_a_interventions"
        ].help_text = "Tailored support to make a return home possible (Standard 2.7)"
        self.fields[
            "plan_b_summary"
        ].help_text = "Fostering for adoption or concurrent planning, and the carers if known"
        for name in ("plan_a_conditions", "plan_a_interventions", "plan_b_summary", "reason"):
            self.fields[name].widget.attrs["rows"] = 4
        reason = self.fields["reason"]
        if current is None:
            reason.label = "Reason for this plan (optional)"
        else:
            reason.label = "Why is the plan changing?"
            reason.required = True
            reason.error_messages["required"] = "Enter why the plan is changing"

    def clean(self):
        cleaned = super().clean()
        add_errors(
            self,
            plan_set_errors(
                current=self.current,
                meeting_on=cleaned.get("meeting_on"),
                reason=cleaned.get("reason", ""),
            ),
        )
        return cleaned
