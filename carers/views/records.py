"""The household's forms: details, applicants, members, approvals (details, status, review),
preparation and training, what they can offer, support, opting out."""

from django.http import Http404
from django.shortcuts import get_object_or_404

from .. import forms, services
from ..models import AdopterApproval, ApprovalKind, FosterApproval
from .base import HouseholdFormView


class HouseholdEditView(HouseholdFormView):
    form_class = forms.HouseholdForm
    title = "Change the household's details"
    submit_label = "Save changes"
    success_message = "The household's details have been updated"

    def get_instance(self):
        return self.household

    def get_form_kwargs(self):
        return {"organisation_id": self.household.recruiting_agency_id}

    def save(self, form):
        data = form.cleaned_data
        return services.household_update(
            household=self.household,
            by=self.request.user,
            **{name: data[name] for name in forms.HouseholdForm.Meta.fields},
        )


class ApplicantView(HouseholdFormView):
    form_class = forms.ApplicantForm
    section = "applicants"

    def get_instance(self):
        if "applicant_pk" not in self.kwargs:
            return None
        return get_object_or_404(self.household.applicants, pk=self.kwargs["applicant_pk"])

    def get_title(self):
        return "Change an applicant's details" if self.instance else "Add an applicant"

    @property
    def submit_label(self):
        return "Save changes" if self.instance else "Add applicant"

    def save(self, form):
        data = {name: form.cleaned_data[name] for name in forms.ApplicantForm.Meta.fields}
        if self.instance:
            return services.applicant_update(applicant=self.instance, by=self.request.user, **data)
        return services.applicant_add(household=self.household, by=self.request.user, **data)


class MemberView(HouseholdFormView):
    form_class = forms.MemberForm
    section = "applicants"

    def get_instance(self):
        if "member_pk" not in self.kwargs:
            return None
        return get_object_or_404(self.household.members, pk=self.kwargs["member_pk"])

    def get_title(self):
        return (
            "Change a household member's details"
            if self.instance
            else "Add another child or adult in the household"
        )

    def save(self, form):
        data = {name: form.cleaned_data[name] for name in forms.MemberForm.Meta.fields}
        return services.member_save(
            household=self.household, by=self.request.user, member=self.instance, **data
        )


APPROVALS = {ApprovalKind.ADOPTER: AdopterApproval, ApprovalKind.FOSTER: FosterApproval}
APPROVAL_FORMS = {
    ApprovalKind.ADOPTER: forms.AdopterApprovalForm,
    ApprovalKind.FOSTER: forms.FosterApprovalForm,
}
WORDS = {ApprovalKind.ADOPTER: "prospective adopters", ApprovalKind.FOSTER: "foster carers"}


class _ApprovalMixin:
    section = "approvals"

    def dispatch(self, request, *args, **kwargs):
        if kwargs["kind"] not in APPROVALS:
            raise Http404("No such approval")
        self.kind = ApprovalKind(kwargs["kind"])
        return super().dispatch(request, *args, **kwargs)

    def approval(self):
        return get_object_or_404(
            APPROVALS[self.kind].objects.filter(household=self.household),
            pk=self.kwargs["approval_pk"],
        )


class ApprovalView(_ApprovalMixin, HouseholdFormView):
    def get_instance(self):
        return self.approval() if "approval_pk" in self.kwargs else None

    @property
    def form_class(self):
        return APPROVAL_FORMS[self.kind]

    def get_title(self):
        verb = "Change the approval" if self.instance else "Start an assessment"
        return f"{verb} as {WORDS[self.kind]}"

    @property
    def submit_label(self):
        return "Save changes" if self.instance else "Start assessment"

    def save(self, form):
        data = dict(form.cleaned_data)
        if self.instance:
            agency = data.pop("agency")
            return services.approval_update(
                approval=self.instance, by=self.request.user, agency=agency, **data
            )
        return services.approval_add(
            household=self.household, kind=self.kind, by=self.request.user, **data
        )


class ApprovalStatusView(_ApprovalMixin, HouseholdFormView):
    form_class = forms.StatusForm
    submit_label = "Record the new status"

    def get_instance(self):
        return self.approval()

    def get_form_kwargs(self):
        return {"approval": self.instance}

    def make_form(self, data=None):
        return self.form_class(data=data, **self.get_form_kwargs())

    def get_title(self):
        return f"Change the status of the approval as {WORDS[self.kind]}"

    def get_intro(self):
        return [f"Now: {self.instance.get_status_display()}."]

    def save(self, form):
        data = form.cleaned_data
        return services.approval_status_change(
            approval=self.instance,
            by=self.request.user,
            status=data["status"],
            changed_on=data["changed_on"],
            reason=data["reason"],
        )


class ApprovalReviewView(ApprovalStatusView):
    form_class = forms.ReviewForm
    submit_label = "Record the review"

    def get_title(self):
        return f"Record a review of the approval as {WORDS[self.kind]}"

    def get_intro(self):
        rule = (
            "Fostering Services Regulations 2011, reg 28: at least every 12 months"
            if self.kind == ApprovalKind.FOSTER
            else "Adoption Agencies Regulations 2005, reg 29: every year while no child is "
            "placed for adoption with them"
        )
        return [rule + "."]

    def save(self, form):
        data = form.cleaned_data
        return services.approval_review_record(
            approval=self.instance, by=self.request.user, **data
        )


class TrainingView(HouseholdFormView):
    form_class = forms.TrainingForm
    section = "preparation"

    def get_instance(self):
        if "training_pk" not in self.kwargs:
            return None
        return get_object_or_404(self.household.training, pk=self.kwargs["training_pk"])

    def get_title(self):
        return "Change preparation or training" if self.instance else "Add preparation or training"

    def save(self, form):
        data = {name: form.cleaned_data[name] for name in forms.TrainingForm.Meta.fields}
        return services.training_save(
            household=self.household, by=self.request.user, training=self.instance, **data
        )


class SupportView(HouseholdFormView):
    form_class = forms.SupportForm
    section = "support"

    def get_instance(self):
        if "support_pk" not in self.kwargs:
            return None
        return get_object_or_404(self.household.support, pk=self.kwargs["support_pk"])

    def get_title(self):
        return "Change support" if self.instance else "Add support"

    def save(self, form):
        data = {name: form.cleaned_data[name] for name in forms.SupportForm.Meta.fields}
        return services.support_save(
            household=self.household, by=self.request.user, support=self.instance, **data
        )


class OfferView(HouseholdFormView):
    form_class = forms.OfferForm
    section = "offer"
    title = "What they can offer"
    success_message = "What the household can offer has been saved"

    def get_instance(self):
        return getattr(self.household, "offer", None)

    def save(self, form):
        data = {name: form.cleaned_data[name] for name in forms.OfferForm.Meta.fields}
        return services.offer_set(household=self.household, by=self.request.user, **data)


class OptOutView(HouseholdFormView):
    form_class = forms.OptOutForm
    title = "Record that they opted out of early permanence"
    submit_label = "Record opting out"
    success_message = "The household has opted out of early permanence"

    def get_intro(self):
        return [
            "Carers may opt out of early permanence at any time (Standard 3.2). They will no "
            "longer show as available."
        ]

    def save(self, form):
        data = form.cleaned_data
        return services.household_opt_out(
            household=self.household,
            by=self.request.user,
            opted_out_on=data["opted_out_on"],
            reason=data["reason"],
        )
