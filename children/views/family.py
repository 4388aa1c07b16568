"""The birth family network's pages: people, their viability assessments and paternity tests.

Each page follows ChildRecordFormView: the child is found for the user (404 otherwise), the
rule is checked (403), and the record being changed is looked up within this child's own
records, so another child's record answers 404 even in the same organisation.
"""

from django.shortcuts import get_object_or_404

from accounts.permissions import can
from accounts.records import KEEP

from .. import services
from ..forms import (
    ArchiveFamilyMemberForm,
    FamilyMemberForm,
    PaternityTestForm,
    ViabilityAssessmentForm,
)
from ..services.family import PERSON_FIELDS
from .base import ChildRecordFormView


def _assessment_arguments(form) -> dict:
    """The viability assessment form's answers, named as its add and update services take them."""
    data = form.cleaned_data
    return {
        "family_member": data["family_member"],
        "requested_on": data["requested_on"],
        "due_on": data["due_on"],
        "completed_on": data["completed_on"],
        "outcome": data["outcome"],
        "assessor": data["assessor"],
        "summary": data["summary"],
    }


def _paternity_arguments(form) -> dict:
    """The paternity test form's answers, named as its add and update services take them."""
    data = form.cleaned_data
    return {
        "alleged_father": data["alleged_father"],
        "requested_on": data["requested_on"],
        "directed_by_court": data["directed_by_court"],
        "result_on": data["result_on"],
        "result": data["result"],
    }


class FamilySectionView(ChildRecordFormView):
    section = "family"

    def save(self, form):
        self.saved = self.save_record(form)
        return self.saved

    def save_record(self, form):
        raise NotImplementedError

    def active_member(self, pk: int):
        return get_object_or_404(self.child.family_members.filter(archived_at__isnull=True), pk=pk)


class FamilyMemberAddView(FamilySectionView):
    form_class = FamilyMemberForm
    title = "Add a family member"
    submit_label = "Add family member"

    @property
    def success_message(self) -> str:
        return f"{self.saved.name} has been added to the family network"

    def get_form_kwargs(self):
        # Anyone who may change the record may write contact details down; only the child's
        # team may read them back (and so change them).
        return {"include_contacts": True, "child": self.child}

    def save_record(self, form):
        data = form.cleaned_data
        return services.family_member_add(
            child=self.child,
            by=self.request.user,
            name=data["name"],
            relationship=data["relationship"],
            relationship_detail=data["relationship_detail"],
            parental_responsibility=data["parental_responsibility"],
            legal_representative=data["legal_representative"],
            address=data["address"],
            phone=data["phone"],
            email=data["email"],
            notes=data["notes"],
            ep_information_given_on=data["ep_information_given_on"],
            **{name: data[name] for name in PERSON_FIELDS},  # issue 9 item 5
        )


class FamilyMemberEditView(FamilySectionView):
    form_class = FamilyMemberForm
    submit_label = "Save changes"

    def get_instance(self):
        member = self.active_member(self.kwargs["member_pk"])
        # named as saved: a form being corrected changes the instance's name in memory
        self.subject = member.name
        return member

    def get_title(self) -> str:
        return f"Change the details of {self.subject}"

    @property
    def success_message(self) -> str:
        return f"The details of {self.saved.name} have been updated"

    def get_form_kwargs(self):
        return {
            "include_contacts": can(
                self.request.user, "children.view_family_contact_details", self.child
            ),
            "child": self.child,
        }

    def save_record(self, form):
        data = form.cleaned_data
        return services.family_member_update(
            member=self.instance,
            by=self.request.user,
            name=data["name"],
            relationship=data["relationship"],
            relationship_detail=data["relationship_detail"],
            parental_responsibility=data["parental_responsibility"],
            legal_representative=data["legal_representative"],
            # not on the form for a user outside the child's team: left as they are
            address=data.get("address", KEEP),
            phone=data.get("phone", KEEP),
            email=data.get("email", KEEP),
            notes=data["notes"],
            ep_information_given_on=data["ep_information_given_on"],
            **{name: data[name] for name in PERSON_FIELDS},  # issue 9 item 5
        )


class FamilyMemberArchiveView(FamilySectionView):
    """A confirmation page; archiving keeps the record and its history (never deleted)."""

    form_class = ArchiveFamilyMemberForm
    template_name = "children/family/archive_member.html"

    def get_instance(self):
        return self.active_member(self.kwargs["member_pk"])

    def get_title(self) -> str:
        return f"Are you sure you want to archive {self.instance.name}?"

    @property
    def submit_label(self) -> str:
        return f"Archive {self.instance.name}"

    @property
    def success_message(self) -> str:
        return f"{self.saved.name} has been archived"

    def save_record(self, form):
        return services.family_member_archive(member=self.instance, by=self.request.user)


class ViabilityAssessmentAddView(FamilySectionView):
    form_class = ViabilityAssessmentForm
    title = "Add a viability assessment"
    submit_label = "Add viability assessment"
    success_message = "The viability assessment has been added"

    def get_form_kwargs(self):
        return {"child": self.child}

    def save_record(self, form):
        return services.viability_assessment_add(
            child=self.child, by=self.request.user, **_assessment_arguments(form)
        )


class ViabilityAssessmentEditView(ViabilityAssessmentAddView):
    submit_label = "Save changes"
    success_message = "The viability assessment has been updated"

    def get_instance(self):
        assessment = get_object_or_404(
            self.child.viability_assessments.select_related("family_member"),
            pk=self.kwargs["assessment_pk"],
        )
        self.subject = assessment.family_member.name
        return assessment

    def get_title(self) -> str:
        return f"Change the viability assessment of {self.subject}"

    def save_record(self, form):
        return services.viability_assessment_update(
            assessment=self.instance, by=self.request.user, **_assessment_arguments(form)
        )


class PaternityTestAddView(FamilySectionView):
    form_class = PaternityTestForm
    title = "Add a paternity test"
    submit_label = "Add paternity test"
    success_message = "The paternity test has been added"

    def get_form_kwargs(self):
        return {"child": self.child}

    def save_record(self, form):
        return services.paternity_test_add(
            child=self.child, by=self.request.user, **_paternity_arguments(form)
        )


class PaternityTestEditView(PaternityTestAddView):
    submit_label = "Save changes"
    success_message = "The paternity test has been updated"

    def get_instance(self):
        test = get_object_or_404(
            self.child.paternity_tests.select_related("alleged_father"),
            pk=self.kwargs["test_pk"],
        )
        self.subject = test.alleged_father.name
        return test

    def get_title(self) -> str:
        return f"Change the paternity test of {self.subject}"

    def save_record(self, form):
        return services.paternity_test_update(
            test=self.instance, by=self.request.user, **_paternity_arguments(form)
        )
