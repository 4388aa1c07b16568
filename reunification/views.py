"""The reunification pages (issue 12; Std 7.3–7.8): the plan, its transition steps, support,
the carers' life story contributions and the records after the return. Each follows the child's
``ChildRecordFormView``: another organisation's child answers 404, a record of another decision
named in the URL answers 404, and the page returns to the child's Reunification tab.

The decision itself is made, abandoned and completed by the journey's transitions."""

from django.shortcuts import get_object_or_404

from children.views.base import ChildRecordFormView

from . import services
from .forms import AfterReturnForm, LifeStoryForm, PlanForm, StepForm, SupportForm
from .models import (
    AfterReturnRecord,
    LifeStoryContribution,
    ReunificationDecision,
    ReunificationPlan,
    ReunificationSupport,
    TransitionStep,
)

SECTION = "reunification"


class _DecisionView(ChildRecordFormView):
    section = SECTION
    model = None
    record_kwarg = ""
    add_title = ""
    edit_title = ""

    def get_decision(self) -> ReunificationDecision:
        if not hasattr(self, "_decision"):
            self._decision = get_object_or_404(
                ReunificationDecision.objects.filter(child=self.child),
                pk=self.kwargs["decision_pk"],
            )
        return self._decision

    def get_instance(self):
        decision = self.get_decision()
        if not self.record_kwarg or self.record_kwarg not in self.kwargs:
            return None
        return get_object_or_404(
            self.model.objects.filter(decision=decision), pk=self.kwargs[self.record_kwarg]
        )

    def get_form_kwargs(self):
        return {"decision": self.get_decision()}

    def get_title(self) -> str:
        return self.edit_title if self.instance is not None else self.add_title

    def arguments(self, form) -> dict:
        return {name: form.cleaned_data[name] for name in form.Meta.fields}


class PlanView(_DecisionView):
    form_class = PlanForm
    submit_label = "Save the plan"
    success_message = "The reunification plan has been saved"
    add_title = "Reunification plan"
    edit_title = "Change the reunification plan"

    def get_instance(self):
        return ReunificationPlan.objects.filter(decision=self.get_decision()).first()

    def get_intro(self) -> list[str]:
        return [
            "The plan for the child's move home, agreed with the parents and the carers, "
            "meeting the court's requirements, with the child's needs put first (Standard 7.3). "
            "Parenting continues to be assessed until the final hearing (Standard 7.4)."
        ]

    def save(self, form):
        return services.plan_save(
            decision=self.get_decision(), by=self.request.user, **self.arguments(form)
        )


class StepView(_DecisionView):
    form_class = StepForm
    model = TransitionStep
    record_kwarg = "step_pk"
    submit_label = "Save the step"
    success_message = "The transition step has been saved"
    add_title = "Add a transition step"
    edit_title = "Change a transition step"

    def get_intro(self) -> list[str]:
        return [
            "Introductions, daytime visits and overnight stays before the move, with the dates "
            "planned and the dates they happened, and who takes part."
        ]

    def save(self, form):
        return services.step_save(
            decision=self.get_decision(),
            by=self.request.user,
            step=self.instance,
            **self.arguments(form),
        )


class SupportView(_DecisionView):
    form_class = SupportForm
    model = ReunificationSupport
    record_kwarg = "support_pk"
    submit_label = "Save the support"
    success_message = "The support has been saved"
    add_title = "Add support"
    edit_title = "Change support"

    def get_intro(self) -> list[str]:
        return [
            "Support for the early permanence carers when the child goes home: a named worker, "
            "counselling and support with their loss, and time before they are available again "
            "(Standard 7.7); for other children in either family (Standard 7.8); and for the "
            "parents.",
            "The carers' household is put on hold on the household's own record by their "
            "supervising social worker.",
        ]

    def save(self, form):
        return services.support_save(
            decision=self.get_decision(),
            by=self.request.user,
            support=self.instance,
            **self.arguments(form),
        )


class LifeStoryView(_DecisionView):
    form_class = LifeStoryForm
    model = LifeStoryContribution
    record_kwarg = "contribution_pk"
    submit_label = "Save"
    success_message = "The life story contribution has been saved"
    add_title = "Add a contribution to the child's life story"
    edit_title = "Change a contribution to the child's life story"

    def get_intro(self) -> list[str]:
        return [
            "What the early permanence carers give for the child's life story: photos, a diary "
            "of the child's time with them, a letter (Standard 7.6)."
        ]

    def save(self, form):
        return services.life_story_save(
            decision=self.get_decision(),
            by=self.request.user,
            contribution=self.instance,
            **self.arguments(form),
        )


class AfterReturnView(_DecisionView):
    form_class = AfterReturnForm
    model = AfterReturnRecord
    record_kwarg = "record_pk"
    submit_label = "Save"
    success_message = "The record has been saved"
    add_title = "Add a visit or review after the return"
    edit_title = "Change a visit or review after the return"

    def save(self, form):
        return services.after_return_save(
            decision=self.get_decision(),
            by=self.request.user,
            record=self.instance,
            **self.arguments(form),
        )
