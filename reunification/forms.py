"""The reunification pages' forms (issue 12; Std 7.3–7.8). The rules are the services' own,
called from ``clean()`` so that every problem shows at once."""

from django import forms

from accounts.govuk import GovDateField, GovFormMixin, add_errors

from .models import (
    AfterReturnKind,
    AfterReturnRecord,
    LifeStoryContribution,
    ReunificationDecision,
    ReunificationPlan,
    ReunificationSupport,
    StepKind,
    SupportFor,
    SupportKind,
    TransitionStep,
)
from .services import (
    after_return_errors,
    life_story_errors,
    plan_errors,
    step_errors,
    support_errors,
)


class _DecisionForm(GovFormMixin, forms.ModelForm):
    def __init__(self, *args, decision: ReunificationDecision, **kwargs):
        super().__init__(*args, **kwargs)
        self.decision = decision


class PlanForm(_DecisionForm):
    """Std 7.3: agreed with the parents and carers, the court's requirements, the child's needs
    first; Std 7.4: the ongoing assessment of parenting until the final hearing."""

    agreed_on = GovDateField(
        noun="the date the plan was agreed",
        label="Date the plan was agreed (leave blank until it is agreed)",
        required=False,
    )
    final_hearing_on = GovDateField(
        noun="the date of the final hearing",
        label="Date of the final hearing (optional)",
        required=False,
    )

    class Meta:
        model = ReunificationPlan
        fields = [
            "childs_needs",
            "court_requirements",
            "agreed_on",
            "agreed_with_parents",
            "agreed_with_carers",
            "ongoing_assessment",
            "final_hearing_on",
        ]
        labels = {
            "childs_needs": "The child's needs, put first",
            "court_requirements": "What the court requires (optional)",
            "agreed_with_parents": "The parents agreed the plan",
            "agreed_with_carers": "The early permanence carers agreed the plan",
            "ongoing_assessment": "The ongoing assessment of parenting until the final hearing "
            "(optional)",
        }

    def clean(self):
        cleaned = super().clean()
        add_errors(
            self,
            plan_errors(
                decision=self.decision,
                agreed_on=cleaned.get("agreed_on"),
                agreed_with_parents=bool(cleaned.get("agreed_with_parents")),
                agreed_with_carers=bool(cleaned.get("agreed_with_carers")),
                childs_needs=cleaned.get("childs_needs") or "",
                final_hearing_on=cleaned.get("final_hearing_on"),
            ),
        )
        return cleaned


class StepForm(_DecisionForm):
    planned_on = GovDateField(noun="the planned date", label="Planned date")
    happened_on = GovDateField(
        noun="the date it happened",
        label="Date it happened (leave blank until it has)",
        required=False,
    )

    class Meta:
        model = TransitionStep
        fields = ["kind", "planned_on", "happened_on", "participants", "notes"]
        labels = {
            "kind": "Step",
            "participants": "Who takes part (optional)",
            "notes": "Notes (optional)",
        }
        error_messages = {"kind": {"required": "Select the kind of step"}}
        widgets = {"kind": forms.RadioSelect}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kind"].choices = StepKind.choices

    def clean(self):
        cleaned = super().clean()
        add_errors(
            self,
            step_errors(
                decision=self.decision,
                kind=cleaned.get("kind"),
                planned_on=cleaned.get("planned_on"),
                happened_on=cleaned.get("happened_on"),
            ),
        )
        return cleaned


class SupportForm(_DecisionForm):
    offered_on = GovDateField(
        noun="the date offered", label="Date offered (optional)", required=False
    )
    taken_up_on = GovDateField(
        noun="the date taken up", label="Date taken up (optional)", required=False
    )
    on_hold_from = GovDateField(
        noun="the date the household is on hold from",
        label="The carers' household is on hold from (optional)",
        required=False,
    )
    on_hold_to = GovDateField(
        noun="the date the household is on hold until",
        label="On hold until (optional)",
        required=False,
    )

    class Meta:
        model = ReunificationSupport
        fields = [
            "for_whom",
            "kind",
            "worker",
            "offered_on",
            "taken_up_on",
            "declined",
            "on_hold_from",
            "on_hold_to",
            "notes",
        ]
        labels = {
            "for_whom": "Who is the support for?",
            "kind": "Kind of support",
            "worker": "Named worker or provider (optional)",
            "declined": "The offer was declined",
            "notes": "Notes (optional)",
        }
        help_texts = {
            "on_hold_from": "Standard 7.7: the time the carers need before they are available "
            "for another child."
        }
        error_messages = {
            "for_whom": {"required": "Select who the support is for"},
            "kind": {"required": "Select the kind of support"},
        }
        widgets = {"for_whom": forms.RadioSelect, "kind": forms.RadioSelect}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["for_whom"].choices = SupportFor.choices
        self.fields["kind"].choices = SupportKind.choices

    def clean(self):
        cleaned = super().clean()
        add_errors(
            self,
            support_errors(
                decision=self.decision,
                for_whom=cleaned.get("for_whom"),
                kind=cleaned.get("kind"),
                offered_on=cleaned.get("offered_on"),
                taken_up_on=cleaned.get("taken_up_on"),
                declined=bool(cleaned.get("declined")),
                on_hold_from=cleaned.get("on_hold_from"),
                on_hold_to=cleaned.get("on_hold_to"),
            ),
        )
        return cleaned


class LifeStoryForm(_DecisionForm):
    given_on = GovDateField(noun="the date it was given", label="Date given")

    class Meta:
        model = LifeStoryContribution
        fields = ["given_on", "description", "notes"]
        labels = {
            "description": "What the carers gave for the child's life story",
            "notes": "Notes (optional)",
        }
        help_texts = {"description": "For example photos, a diary of the baby's first months"}
        error_messages = {
            "description": {"required": "Enter what the carers gave for the child's life story"}
        }

    def clean(self):
        cleaned = super().clean()
        add_errors(
            self,
            life_story_errors(
                decision=self.decision,
                given_on=cleaned.get("given_on"),
                description=cleaned.get("description") or "",
            ),
        )
        return cleaned


class AfterReturnForm(_DecisionForm):
    held_on = GovDateField(noun="the date", label="Date")

    class Meta:
        model = AfterReturnRecord
        fields = ["kind", "held_on", "by_whom", "outcome"]
        labels = {
            "kind": "Visit or review",
            "by_whom": "Who visited or reviewed (optional)",
            "outcome": "What was found or decided (optional)",
        }
        error_messages = {"kind": {"required": "Select a visit or a review"}}
        widgets = {"kind": forms.RadioSelect}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kind"].choices = AfterReturnKind.choices

    def clean(self):
        cleaned = super().clean()
        add_errors(
            self,
            after_return_errors(
                decision=self.decision, kind=cleaned.get("kind"), held_on=cleaned.get("held_on")
            ),
        )
        return cleaned
