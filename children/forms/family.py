"""Forms of the birth family network: family members, viability assessments, paternity tests.

They validate and present; the rules they show before saving are the services' own
(``children.services.family``), so a page and any other caller refuse the same things.
"""

from django import forms

from accounts.govuk import GovDateField, GovFormMixin, add_errors

from ..models import (
    Child,
    FamilyMember,
    PaternityResult,
    PaternityTest,
    Relationship,
    ViabilityAssessment,
    ViabilityOutcome,
    YesNoUnknown,
)
from ..services.family import (
    FATHER_RELATIONSHIPS,
    NOT_A_FATHER,
    NOT_IN_NETWORK,
    family_member_errors,
    family_member_pr_errors,
    paternity_test_errors,
    viability_assessment_errors,
)

CONTACT_FIELDS = ("address", "phone", "email")


class FamilyMemberForm(GovFormMixin, forms.ModelForm):
    """A parent, relative or connected person. Contact details only for the child's team."""

    ep_information_given_on = GovDateField(
        noun="the date information about early permanence was given",
        label="Date information about early permanence was given (optional)",
        help_text="When the person was given information about early permanence in a format "
        "that suits them (Standard 2.5). For example, 27 3 2026",
        required=False,
    )
    # --- issue 9 item 5: who the person is and what they need
    date_of_birth = GovDateField(
        noun="the date of birth", label="Date of birth (optional)", required=False
    )
    counselling_offered_on = GovDateField(
        noun="the date counselling was offered",
        label="Date counselling was offered (optional)",
        help_text="When counselling and information about adoption were offered to the "
        "parent or guardian (Adoption Agencies Regulations 2005, reg 14). For example, 27 3 2026",
        required=False,
    )

    class Meta:
        model = FamilyMember
        fields = [
            "name",
            "relationship",
            "relationship_detail",
            "parental_responsibility",
            "legal_representative",
            "address",
            "phone",
            "email",
            "ep_information_given_on",
            "notes",
            # --- issue 9 item 5
            "date_of_birth",
            "ethnicity",
            "religion",
            "language",
            "interpreter_needed",
            "learning_disability",
            "advocacy_needed",
            "care_leaver",
            "whereabouts_unknown",
            "party_to_proceedings",
            "counselling_offered_on",
        ]
        labels = {
            "name": "Full name",
            "relationship": "Relationship to the child",
            "relationship_detail": "Relationship in more detail (optional)",
            "parental_responsibility": "Do they have parental responsibility?",
            "legal_representative": "Legal representative (optional)",
            "address": "Address (optional)",
            "phone": "Phone number (optional)",
            "email": "Email address (optional)",
            "notes": "Notes (optional)",
            # --- issue 9 item 5
            "ethnicity": "Ethnicity (optional)",
            "religion": "Religion or belief (optional)",
            "language": "First language (optional)",
            "interpreter_needed": "Do they need an interpreter?",
            "learning_disability": "Do they have a learning disability or difficulty?",
            "advocacy_needed": "Do they need an advocate?",
            "care_leaver": "Are they a care leaver?",
            "whereabouts_unknown": "Their whereabouts are not known",
            "party_to_proceedings": "They are a party to the proceedings",
        }
        help_texts = {
            "relationship_detail": "For example, maternal grandmother or family friend",
            "legal_representative": "Solicitor and firm, if they are represented",
            "language": "For example, Polish or British Sign Language",
        }
        error_messages = {
            "name": {"required": "Enter the family member's name"},
            "relationship": {"required": "Select their relationship to the child"},
            "parental_responsibility": {
                "required": "Select whether they have parental responsibility"
            },
            "email": {
                "invalid": "Enter an email address in the correct format, like name@example.com"
            },
        }
        widgets = {
            "relationship": forms.RadioSelect,
            "parental_responsibility": forms.RadioSelect,
            # --- issue 9 item 5
            "interpreter_needed": forms.RadioSelect,
            "learning_disability": forms.RadioSelect,
            "advocacy_needed": forms.RadioSelect,
            "care_leaver": forms.RadioSelect,
        }

    def __init__(self, *args, include_contacts: bool = True, child=None, **kwargs):
        super().__init__(*args, **kwargs)
        # the child whose network this is: its birth decides who may hold PR yet
        self.child = child or (self.instance.child if self.instance.child_id else None)
        if not include_contacts:
            # Contact details are for the child's own team: not shown, so not changed either.
            for name in CONTACT_FIELDS:
                del self.fields[name]
        self.fields["relationship"].choices = Relationship.choices
        self.fields["parental_responsibility"].choices = YesNoUnknown.choices
        # --- issue 9 item 5: radios without Django's blank choice; an ethnicity is optional
        for name, what in (
            ("interpreter_needed", "whether they need an interpreter"),
            ("learning_disability", "whether they have a learning disability or difficulty"),
            ("advocacy_needed", "whether they need an advocate"),
            ("care_leaver", "whether they are a care leaver"),
        ):
            self.fields[name].choices = YesNoUnknown.choices
            self.fields[name].error_messages["required"] = f"Select {what}"
            # "Not known" until someone finds out: an answer left out is not a mistake
            self.fields[name].required = False
            self.fields[name].initial = YesNoUnknown.UNKNOWN
        # the person's details, not the signed-in worker's: no autofill from the browser
        for name in ("name", *CONTACT_FIELDS):
            if name in self.fields:
                self.fields[name].widget.attrs["autocomplete"] = "off"

    def clean(self):
        cleaned = super().clean()
        for name in (
            "interpreter_needed",
            "learning_disability",
            "advocacy_needed",
            "care_leaver",
        ):
            if name in cleaned and not cleaned[name]:
                cleaned[name] = YesNoUnknown.UNKNOWN
        add_errors(
            self,
            family_member_errors(
                ep_information_given_on=cleaned.get("ep_information_given_on"),
                date_of_birth=cleaned.get("date_of_birth"),
                counselling_offered_on=cleaned.get("counselling_offered_on"),
            ),
        )
        add_errors(
            self,
            family_member_pr_errors(
                child=self.child,
                parental_responsibility=cleaned.get("parental_responsibility"),
            ),
        )
        return cleaned


class ArchiveFamilyMemberForm(GovFormMixin, forms.Form):
    """The confirmation of archiving: nothing to fill in, the button is the answer."""


class _ChildNetworkForm(GovFormMixin, forms.ModelForm):
    """A record naming a person of this child's network: only their people are offered."""

    person_field = ""

    def __init__(self, *args, child: Child, **kwargs):
        super().__init__(*args, **kwargs)
        self.child = child
        field = self.fields[self.person_field]
        people = self.people(child.family_members.filter(archived_at__isnull=True))
        current = getattr(self.instance, f"{self.person_field}_id", None)
        if current:
            # an existing record keeps its person even once they are archived or corrected
            people = people | child.family_members.filter(pk=current)
        field.queryset = people.distinct().order_by("name")
        field.label_from_instance = lambda member: (
            f"{member.name} ({member.get_relationship_display()})"
        )

    def people(self, members):
        return members


class ViabilityAssessmentForm(_ChildNetworkForm):
    person_field = "family_member"

    requested_on = GovDateField(noun="the request", label="Date requested")
    due_on = GovDateField(noun="the date the assessment is due", label="Due date")
    completed_on = GovDateField(
        noun="the date the assessment was completed",
        label="Date completed (leave blank if not yet completed)",
        required=False,
    )

    class Meta:
        model = ViabilityAssessment
        fields = [
            "family_member",
            "requested_on",
            "due_on",
            "completed_on",
            "outcome",
            "assessor",
            "summary",
        ]
        labels = {
            "family_member": "Who is being assessed?",
            "assessor": "Assessor (optional)",
            "summary": "Summary (optional)",
        }
        help_texts = {
            "family_member": "If the person is not listed, add them to the family network first",
        }
        error_messages = {
            "family_member": {
                "required": "Select the family member being assessed",
                "invalid_choice": NOT_IN_NETWORK,
            },
            "outcome": {"required": "Select the outcome of the assessment"},
        }
        widgets = {"family_member": forms.RadioSelect, "outcome": forms.RadioSelect}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["outcome"].choices = ViabilityOutcome.choices

    def clean(self):
        cleaned = super().clean()
        add_errors(
            self,
            viability_assessment_errors(
                requested_on=cleaned.get("requested_on"),
                due_on=cleaned.get("due_on"),
                completed_on=cleaned.get("completed_on"),
                outcome=cleaned.get("outcome"),
            ),
        )
        return cleaned


class PaternityTestForm(_ChildNetworkForm):
    person_field = "alleged_father"

    requested_on = GovDateField(noun="the request", label="Date requested")
    result_on = GovDateField(
        noun="the result",
        label="Date of the result (leave blank while awaiting it)",
        required=False,
    )

    class Meta:
        model = PaternityTest
        fields = ["alleged_father", "requested_on", "directed_by_court", "result", "result_on"]
        labels = {
            "alleged_father": "Who is the alleged or possible father?",
            "directed_by_court": "The court directed the test",
            "result": "Result",
        }
        help_texts = {
            "alleged_father": "Only birth fathers and alleged or possible fathers in the "
            "family network are listed",
        }
        error_messages = {
            "alleged_father": {"required": NOT_A_FATHER, "invalid_choice": NOT_A_FATHER},
            "result": {"required": "Select the result of the test"},
        }
        widgets = {"alleged_father": forms.RadioSelect, "result": forms.RadioSelect}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["result"].choices = PaternityResult.choices

    def people(self, members):
        return members.filter(relationship__in=FATHER_RELATIONSHIPS)

    def clean(self):
        cleaned = super().clean()
        add_errors(
            self,
            paternity_test_errors(
                requested_on=cleaned.get("requested_on"),
                result_on=cleaned.get("result_on"),
                result=cleaned.get("result"),
            ),
        )
        return cleaned
