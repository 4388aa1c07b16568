"""Forms of the carers' pages. They validate and present; the rules they show before saving are
the services' own ``*_errors`` functions, so every error shows on the first submit."""

from crispy_forms_gds.helper import FormHelper
from django import forms

from accounts.autocomplete import person_chooser
from accounts.codes import Ethnicity, Sex
from accounts.govuk import GovDateField, GovFormMixin, add_errors
from accounts.models import Organisation, Role
from accounts.selectors import people_of
from accounts.widgets import Select

from . import services
from .availability import Availability
from .extensions import AGE_BANDS
from .models import (
    AdopterApproval,
    Applicant,
    ApprovalKind,
    ApprovalStatus,
    FosterApproval,
    Household,
    HouseholdMember,
    HouseholdRelationship,
    MemberKind,
    Offer,
    Openness,
    ReviewOutcome,
    SexesOffered,
    Support,
    SupportKind,
    Training,
    TrainingKind,
)

SCOPE = "of your agency"


def _worker(label: str, noun: str = "supervising social worker"):
    return person_chooser(
        role=Role.SUPERVISING_SOCIAL_WORKER,
        noun=noun,
        scope=SCOPE,
        label=label,
        required=False,
        empty_label="Not allocated",
    )


class HouseholdForm(GovFormMixin, forms.ModelForm):
    supervising_social_worker = _worker("Supervising social worker (optional)")
    fostering_worker = _worker("Fostering social worker (optional)", "fostering social worker")
    adoption_worker = _worker("Adoption social worker (optional)", "adoption social worker")

    class Meta:
        model = Household
        fields = [
            "name",
            "relationship",
            "postcode_district",
            "supervising_social_worker",
            "fostering_worker",
            "adoption_worker",
        ]
        labels = {
            "name": "Household name",
            "relationship": "Applicants",
            "postcode_district": "Postcode district (optional)",
        }
        help_texts = {
            "name": "How the team refers to the household, for example 'The Ashby-Cole household'",
            "postcode_district": "The first part of the postcode only, for example NM3: enough "
            "to check the distance to the child's family and to family time",
        }
        error_messages = {
            "name": {"required": "Enter the household's name"},
            "relationship": {"required": "Select who the applicants are"},
        }
        widgets = {"relationship": forms.RadioSelect}

    def __init__(self, *args, organisation_id: int, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["relationship"].choices = HouseholdRelationship.choices
        for name in ("supervising_social_worker", "fostering_worker", "adoption_worker"):
            self.fields[name].queryset = people_of(
                organisation_id=organisation_id,
                role=Role.SUPERVISING_SOCIAL_WORKER,
                also=getattr(self.instance, f"{name}_id", None),
            )
        self.fields["name"].widget.attrs["autocomplete"] = "off"

    def clean_postcode_district(self):
        value = self.cleaned_data["postcode_district"].strip().upper()
        if value and (" " in value or not value.isalnum() or not value[0].isalpha()):
            raise forms.ValidationError(
                "Enter the first part of the postcode only, like NM3", code="invalid"
            )
        return value

    def clean(self):
        cleaned = super().clean()
        if self.instance.pk:
            add_errors(
                self,
                services.household_errors(
                    relationship=cleaned.get("relationship"),
                    applicants=self.instance.applicants.count(),
                ),
            )
        return cleaned


class ApplicantForm(GovFormMixin, forms.ModelForm):
    date_of_birth = GovDateField(noun="birth", label="Date of birth")

    class Meta:
        model = Applicant
        fields = [
            "first_name",
            "last_name",
            "date_of_birth",
            "sex",
            "ethnicity",
            "religion",
            "languages",
        ]
        labels = {
            "religion": "Religion (optional)",
            "languages": "Languages spoken (optional)",
        }
        error_messages = {
            "first_name": {"required": "Enter the applicant's first name"},
            "last_name": {"required": "Enter the applicant's last name"},
            "sex": {"required": "Select the applicant's sex"},
            "ethnicity": {"required": "Select the applicant's ethnicity"},
        }
        widgets = {"sex": forms.RadioSelect, "ethnicity": Select}

    def __init__(self, *args, household: Household, **kwargs):
        super().__init__(*args, **kwargs)
        self.household = household
        self.fields["sex"].choices = Sex.choices
        self.fields["ethnicity"].choices = Ethnicity.choices
        for name in ("first_name", "last_name"):
            self.fields[name].widget.attrs["autocomplete"] = "off"

    def clean(self):
        cleaned = super().clean()
        add_errors(
            self,
            services.applicant_errors(
                household=self.household,
                first_name=cleaned.get("first_name"),
                last_name=cleaned.get("last_name"),
                date_of_birth=cleaned.get("date_of_birth"),
                applicant=self.instance if self.instance.pk else None,
            ),
        )
        return cleaned


class MemberForm(GovFormMixin, forms.ModelForm):
    date_of_birth = GovDateField(noun="birth", label="Date of birth (optional)", required=False)

    class Meta:
        model = HouseholdMember
        fields = ["name", "kind", "relationship", "date_of_birth", "notes"]
        labels = {
            "name": "First name",
            "kind": "Child or adult",
            "relationship": "Relationship to the applicants",
            "notes": "Notes (optional)",
        }
        error_messages = {
            "name": {"required": "Enter their first name"},
            "kind": {"required": "Select whether they are a child or an adult"},
            "relationship": {"required": "Enter their relationship to the applicants"},
        }
        widgets = {"kind": forms.RadioSelect}

    def __init__(self, *args, household: Household, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kind"].choices = MemberKind.choices

    def clean(self):
        cleaned = super().clean()
        add_errors(self, services.member_errors(date_of_birth=cleaned.get("date_of_birth")))
        return cleaned


def _agency_field():
    return forms.ModelChoiceField(
        queryset=Organisation.objects.order_by("name"),
        label="Approving agency",
        widget=Select,
        error_messages={
            "required": "Select the agency that assesses and approves",
            "invalid_choice": "Select the agency that assesses and approves",
        },
    )


def _started_on_field() -> GovDateField:
    return GovDateField(noun="the start of the assessment", label="Date the assessment started")


class _ApprovalRules:
    """What both approval forms share: the agency offered, the start date on a new approval
    only (an approval's first status; later ones are changed on their own page), and the rules
    of ``services.approval_errors``. A mixin, not a form: each form declares its own fields."""

    kind: ApprovalKind

    def __init__(self, *args, household: Household, **kwargs):
        super().__init__(*args, **kwargs)
        self.household = household
        if not self.instance.pk:
            # the assessment's start is the approval's first status: asked only when adding
            fields = list(self.fields.items())
            fields.insert(1, ("changed_on", _started_on_field()))
            self.fields = dict(fields)
            self.initial.setdefault("agency", household.recruiting_agency_id)
            # the layout is drawn from the fields: draw it again with the start date in it
            self.helper = FormHelper(self)
            self.helper.form_tag = False

    def clean(self):
        cleaned = super().clean()
        details = {name: cleaned.get(name) for name in services.approvals.RULE_ARGS}
        details = {name: value for name, value in details.items() if name in self.fields}
        placed = None
        if self.kind == ApprovalKind.FOSTER and self.instance.pk:
            from .availability import placed_children

            placed = placed_children(self.household)
        add_errors(
            self,
            services.approval_errors(
                kind=self.kind,
                status=self.instance.status if self.instance.pk else None,
                placed=placed,
                **details,
            ),
        )
        return cleaned


class AdopterApprovalForm(_ApprovalRules, GovFormMixin, forms.ModelForm):
    kind = ApprovalKind.ADOPTER
    agency = _agency_field()
    panel_on = GovDateField(noun="the panel", label="Date of the panel (optional)", required=False)
    stage_one_started_on = GovDateField(
        noun="the start of Stage 1", label="Stage 1 started (optional)", required=False
    )
    stage_two_started_on = GovDateField(
        noun="the start of Stage 2", label="Stage 2 started (optional)", required=False
    )
    decision_on = GovDateField(
        noun="the agency decision maker's decision",
        label="Date of the agency decision maker's decision (optional)",
        help_text="The decision that they are suitable to adopt: a CPR reg 25A temporary "
        "approval depends on it. For example, 27 3 2026",
        required=False,
    )

    class Meta:
        model = AdopterApproval
        fields = [
            "agency",
            "stage_one_started_on",
            "stage_two_started_on",
            "panel_on",
            "decision_on",
        ]


class FosterApprovalForm(_ApprovalRules, GovFormMixin, forms.ModelForm):
    kind = ApprovalKind.FOSTER
    agency = _agency_field()
    panel_on = GovDateField(noun="the panel", label="Date of the panel (optional)", required=False)
    decision_on = GovDateField(
        noun="the fostering decision",
        label="Date of the fostering decision (optional)",
        required=False,
    )

    class Meta:
        model = FosterApproval
        fields = [
            "agency",
            "panel_on",
            "decision_on",
            "terms_age_from_months",
            "terms_age_to_months",
            "terms_number",
            "terms_named_child",
        ]
        labels = {
            "terms_age_from_months": "Terms of approval: youngest age in months (optional)",
            "terms_age_to_months": "Terms of approval: oldest age in months (optional)",
            "terms_number": "Terms of approval: number of children (optional)",
            "terms_named_child": "Terms of approval: named child (optional)",
        }
        help_texts = {
            "terms_age_from_months": "0 for a newborn baby",
            "terms_named_child": "Only when approved for one named child: the child's "
            "reference, not their name",
        }
        error_messages = {
            name: {"invalid": "Enter a whole number, like 0 or 24"}
            for name in ("terms_age_from_months", "terms_age_to_months", "terms_number")
        }


class StatusForm(GovFormMixin, forms.Form):
    status = forms.ChoiceField(
        label="New status",
        widget=forms.RadioSelect,
        choices=ApprovalStatus.choices,
        error_messages={"required": "Select the new status"},
    )
    changed_on = GovDateField(noun="the change", label="Date of the change")
    reason = forms.CharField(
        label="Reason", widget=forms.Textarea, required=False, help_text="Required unless approved"
    )

    def __init__(self, *args, approval, **kwargs):
        super().__init__(*args, **kwargs)
        self.approval = approval

    def clean(self):
        cleaned = super().clean()
        add_errors(
            self,
            services.status_change_errors(
                approval=self.approval,
                status=cleaned.get("status"),
                changed_on=cleaned.get("changed_on"),
                reason=cleaned.get("reason", ""),
            ),
        )
        return cleaned


class ReviewForm(GovFormMixin, forms.Form):
    reviewed_on = GovDateField(noun="the review", label="Date of the review")
    outcome = forms.ChoiceField(
        label="Outcome",
        widget=forms.RadioSelect,
        choices=ReviewOutcome.choices,
        error_messages={"required": "Select the outcome of the review"},
    )
    to_panel = forms.BooleanField(label="The review was presented to panel", required=False)
    notes = forms.CharField(label="Notes (optional)", widget=forms.Textarea, required=False)

    def __init__(self, *args, approval, **kwargs):
        super().__init__(*args, **kwargs)
        self.approval = approval

    def clean(self):
        cleaned = super().clean()
        add_errors(
            self,
            services.review_errors(approval=self.approval, reviewed_on=cleaned.get("reviewed_on")),
        )
        return cleaned


class TrainingForm(GovFormMixin, forms.ModelForm):
    due_on = GovDateField(noun="the due date", label="Due by (optional)", required=False)
    completed_on = GovDateField(
        noun="completion", label="Date completed (optional)", required=False
    )

    class Meta:
        model = Training
        fields = ["kind", "title", "due_on", "completed_on"]
        labels = {"kind": "Preparation or training", "title": "Name of the course (optional)"}
        error_messages = {"kind": {"required": "Select the preparation or training"}}
        widgets = {"kind": forms.RadioSelect}

    def __init__(self, *args, household: Household, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kind"].choices = TrainingKind.choices

    def clean(self):
        cleaned = super().clean()
        add_errors(
            self,
            services.training_errors(
                kind=cleaned.get("kind"),
                completed_on=cleaned.get("completed_on"),
                title=cleaned.get("title", ""),
            ),
        )
        return cleaned


class SupportForm(GovFormMixin, forms.ModelForm):
    offered_on = GovDateField(noun="the offer", label="Date offered (optional)", required=False)
    taken_up_on = GovDateField(noun="taking up", label="Date taken up (optional)", required=False)
    starts_on = GovDateField(noun="the start", label="From (optional)", required=False)
    ends_on = GovDateField(noun="the end", label="To (optional)", required=False)

    class Meta:
        model = Support
        fields = ["kind", "offered_on", "taken_up_on", "starts_on", "ends_on", "provider", "notes"]
        labels = {
            "kind": "Support",
            "provider": "Provided by (optional)",
            "notes": "Notes (optional)",
        }
        help_texts = {
            "kind": "For support after a child went home, 'from' is the day the child went "
            "home and 'to' the end of the time on hold before they are available again",
        }
        error_messages = {"kind": {"required": "Select the support"}}
        widgets = {"kind": forms.RadioSelect}

    def __init__(self, *args, household: Household, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kind"].choices = SupportKind.choices

    def clean(self):
        cleaned = super().clean()
        add_errors(
            self,
            services.support_errors(
                kind=cleaned.get("kind"),
                offered_on=cleaned.get("offered_on"),
                taken_up_on=cleaned.get("taken_up_on"),
                starts_on=cleaned.get("starts_on"),
                ends_on=cleaned.get("ends_on"),
            ),
        )
        return cleaned


class OfferForm(GovFormMixin, forms.ModelForm):
    class Meta:
        model = Offer
        fields = list(services.household.OFFER_FIELDS)
        labels = {
            "pre_birth": "They can be linked with a baby before the birth",
            "age_from_months": "Youngest age in months",
            "age_to_months": "Oldest age in months",
            "sexes": "Boy or girl",
            "sibling_group_size": "Largest group of brothers and sisters",
            "identity": "How they would meet the child's ethnic, cultural, religious and "
            "language identity (optional)",
            "prenatal_alcohol": "Prenatal alcohol exposure",
            "prenatal_drugs": "Prenatal drug exposure",
            "withdrawal": "Withdrawal symptoms after birth",
            "unknown_father": "Father not known",
            "parental_mental_illness": "Parental mental illness",
            "parental_learning_disability": "Parental learning disability",
            "genetic_history": "A genetic or inherited health history",
            "child_going_home": "Are they open to the child going home to their family?",
            "meeting_parents": "Will they meet the child's parents?",
            "family_time_per_week": "Journeys to family time a week they can make (optional)",
            "family_time_miles": "Furthest distance to family time, in miles (optional)",
            "direct_contact_after_adoption": "Are they open to direct contact after adoption?",
        }
        help_texts = {
            "age_from_months": "0 for a newborn baby",
            "identity": "A description, never a filter: a match is never refused on "
            "ethnicity alone",
        }
        error_messages = {
            name: {
                "required": "Enter a whole number, like 0 or 24",
                "invalid": "Enter a whole number, like 0 or 24",
            }
            for name in (
                "age_from_months",
                "age_to_months",
                "sibling_group_size",
                "family_time_per_week",
                "family_time_miles",
            )
        }
        widgets = {
            "sexes": forms.RadioSelect,
            "child_going_home": forms.RadioSelect,
            "meeting_parents": forms.RadioSelect,
            "direct_contact_after_adoption": forms.RadioSelect,
        }

    def __init__(self, *args, household: Household, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["sexes"].choices = SexesOffered.choices
        for name in ("child_going_home", "meeting_parents", "direct_contact_after_adoption"):
            self.fields[name].choices = Openness.choices
        self.fields["sibling_group_size"].error_messages["min_value"] = (
            "Largest group of brothers and sisters must be 1 or more"
        )

    def clean(self):
        cleaned = super().clean()
        add_errors(
            self,
            services.offer_errors(
                age_from_months=cleaned.get("age_from_months"),
                age_to_months=cleaned.get("age_to_months"),
            ),
        )
        return cleaned


class OptOutForm(GovFormMixin, forms.Form):
    opted_out_on = GovDateField(noun="opting out", label="Date they opted out")
    reason = forms.CharField(label="Why they opted out", widget=forms.Textarea, required=False)

    def __init__(self, *args, household: Household, **kwargs):
        super().__init__(*args, **kwargs)
        self.household = household

    def clean(self):
        cleaned = super().clean()
        add_errors(
            self,
            services.opt_out_errors(
                opted_out_on=cleaned.get("opted_out_on"),
                reason=cleaned.get("reason", ""),
                already_on=self.household.opted_out_on,
            ),
        )
        return cleaned


class HouseholdFilterForm(forms.Form):
    """The carer list's filters (GET)."""

    availability = forms.ChoiceField(
        label="Availability",
        required=False,
        choices=[("", "Any"), *Availability.choices],
        widget=Select,
    )
    agency = forms.ModelChoiceField(
        label="Agency",
        required=False,
        queryset=Organisation.objects.order_by("name"),
        empty_label="Any",
        widget=Select,
    )
    age_band = forms.ChoiceField(
        label="Can care for a child aged",
        required=False,
        choices=[("", "Any age"), *AGE_BANDS.items()],
        widget=Select,
    )
    siblings = forms.TypedChoiceField(
        label="Brothers and sisters together",
        required=False,
        coerce=int,
        empty_value=None,
        choices=[("", "Any"), ("2", "2 or more"), ("3", "3 or more")],
        widget=Select,
    )
    dual_only = forms.BooleanField(label="Dual approved only", required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in ("availability", "agency", "age_band", "siblings"):
            self.fields[name].widget.attrs["class"] = "govuk-select"
