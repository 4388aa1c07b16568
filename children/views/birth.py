"""The baby's birth pages (issue 9 items 6–8): the pre-birth and discharge plan, the baby's
health at birth, the assessments of the parents. Each follows ChildRecordFormView; a record of
another child named in the URL answers 404."""

from django.shortcuts import get_object_or_404

from ..forms.birth import BabyHealthForm, BirthPlanForm, FamilyFindingForm, ParentAssessmentForm
from ..models import BabyHealth, BirthPlan, FamilyFinding
from ..services import birth as services
from .base import ChildRecordFormView

SECTION = "birth"


class BirthPlanView(ChildRecordFormView):
    form_class = BirthPlanForm
    section = SECTION
    submit_label = "Save the plan"
    success_message = "The pre-birth and discharge plan has been saved"

    def get_instance(self):
        return BirthPlan.objects.filter(child=self.child).first()

    def get_form_kwargs(self):
        return {"child": self.child}

    def get_title(self) -> str:
        return "Pre-birth and discharge plan"

    def get_intro(self) -> list[str]:
        return [
            "The multiagency plan for before and after the birth, set out at the pre-birth "
            "conference (Standard 2.8)."
        ]

    def save(self, form):
        data = form.cleaned_data
        return services.birth_plan_record(
            child=self.child,
            by=self.request.user,
            conference_on=data["conference_on"],
            hospital=data["hospital"],
            hospital_visitors=data["hospital_visitors"],
            carers_collect=data["carers_collect"],
            discharge_plan=data["discharge_plan"],
        )


class BabyHealthView(ChildRecordFormView):
    form_class = BabyHealthForm
    section = SECTION
    submit_label = "Save health at birth"
    success_message = "The baby's health at birth has been saved"

    def get_instance(self):
        return BabyHealth.objects.filter(child=self.child).first()

    def get_form_kwargs(self):
        return {"child": self.child}

    def get_title(self) -> str:
        return "Health at birth"

    def get_intro(self) -> list[str]:
        intro = [
            "The baby's health at birth and their first health assessment, for the placement "
            "and for the carers (Standard 4.5). Health information is special category data: "
            "it is shown only to those who may see this record."
        ]
        if self.child.date_of_birth is None:
            intro.append("Record the baby's birth first: this page is for a baby who is born.")
        return intro

    def save(self, form):
        data = form.cleaned_data
        return services.baby_health_record(
            child=self.child,
            by=self.request.user,
            nhs_number=data["nhs_number"],
            gestation_weeks=data["gestation_weeks"],
            birth_weight_grams=data["birth_weight_grams"],
            neonatal_unit_days=data["neonatal_unit_days"],
            withdrawal_monitoring=data["withdrawal_monitoring"],
            prenatal_exposure=data["prenatal_exposure"],
            exposure_detail=data["exposure_detail"],
            discharged_on=data["discharged_on"],
            family_health_history=data["family_health_history"],
            initial_health_assessment_on=data["initial_health_assessment_on"],
        )


def _assessment_arguments(form) -> dict:
    data = form.cleaned_data
    return {
        name: data[name]
        for name in (
            "parent",
            "kind",
            "directed_by_court",
            "assessor",
            "requested_on",
            "due_on",
            "filed_on",
            "outcome",
            "summary",
        )
    }


class ParentAssessmentAddView(ChildRecordFormView):
    form_class = ParentAssessmentForm
    section = SECTION
    title = "Add an assessment of a parent"
    submit_label = "Add assessment"
    success_message = "The assessment has been added"

    def get_form_kwargs(self):
        return {"child": self.child}

    def save(self, form):
        return services.parent_assessment_add(
            child=self.child, by=self.request.user, **_assessment_arguments(form)
        )


class ParentAssessmentEditView(ParentAssessmentAddView):
    submit_label = "Save changes"
    success_message = "The assessment has been updated"

    def get_instance(self):
        assessment = get_object_or_404(
            self.child.parent_assessments.select_related("parent"),
            pk=self.kwargs["assessment_pk"],
        )
        self.subject = str(assessment)
        return assessment

    def get_title(self) -> str:
        return f"Change the {self.subject[0].lower()}{self.subject[1:]}"

    def save(self, form):
        return services.parent_assessment_update(
            assessment=self.instance, by=self.request.user, **_assessment_arguments(form)
        )


class FamilyFindingView(ChildRecordFormView):
    """The referral to the regional adoption agency and the child's brothers and sisters."""

    form_class = FamilyFindingForm
    section = SECTION
    submit_label = "Save"
    success_message = "The referral and the brothers and sisters have been saved"

    def get_instance(self):
        return FamilyFinding.objects.filter(child=self.child).first()

    def get_form_kwargs(self):
        return {"child": self.child}

    def get_title(self) -> str:
        return "Referral to the agency, and brothers and sisters"

    def get_intro(self) -> list[str]:
        return [
            "The date the child was referred to the regional adoption agency and the agency's "
            "social worker; the child's brothers and sisters, and how many are placed together "
            "with the child or apart (the adoption returns count them)."
        ]

    def save(self, form):
        data = form.cleaned_data
        return services.family_finding_record(
            child=self.child,
            by=self.request.user,
            referred_on=data["referred_on"],
            agency_social_worker=data["agency_social_worker"],
            siblings=data["siblings"],
            siblings_together=data["siblings_together"],
            siblings_apart=data["siblings_apart"],
            with_siblings_adopters=data["with_siblings_adopters"],
        )
