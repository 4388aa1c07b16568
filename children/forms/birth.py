"""Forms of the baby's birth (issue 9 items 6–8): the pre-birth and discharge plan, the baby's
health at birth, the assessments of the parents. The rules are the services' own."""

from django import forms

from accounts.govuk import GovDateField, GovFormMixin, add_errors

from ..models import (
    PARENT_RELATIONSHIPS,
    AssessmentKind,
    AssessmentOutcome,
    BabyHealth,
    BirthPlan,
    Child,
    Exposure,
    FamilyFinding,
    ParentAssessment,
    YesNoUnknown,
    nhs_number_digits,
)
from ..services.birth import (
    baby_health_errors,
    birth_plan_errors,
    family_finding_errors,
    parent_assessment_errors,
)
from .family import _ChildNetworkForm


def _limit(form, name: str, noun: str) -> None:
    """GOV.UK wording for a text that is too long, and the limit in the hint."""
    field = form.fields[name]
    limit = field.max_length
    field.error_messages["max_length"] = f"{noun} must be {limit} characters or fewer"
    hint = f"{limit} characters or fewer"
    field.help_text = f"{field.help_text} ({hint})" if field.help_text else hint.capitalize()


def _number(label: str, noun: str, low: int, high: int, example: str, hint: str = ""):
    message = f"{noun} must be between {low} and {high}"
    return forms.IntegerField(
        label=label,
        required=False,
        min_value=low,
        max_value=high,
        help_text=hint,
        error_messages={
            "invalid": f"{noun} must be a number, like {example}",
            "min_value": message,
            "max_value": message,
        },
        widget=forms.TextInput(attrs={"inputmode": "numeric", "class": "govuk-input--width-5"}),
    )


class BirthPlanForm(GovFormMixin, forms.ModelForm):
    """The pre-birth and discharge plan (Std 2.8)."""

    conference_on = GovDateField(
        noun="the pre-birth conference",
        label="Date of the pre-birth conference (optional until it is held)",
        required=False,
    )

    class Meta:
        model = BirthPlan
        fields = [
            "conference_on",
            "hospital",
            "hospital_visitors",
            "carers_collect",
            "discharge_plan",
        ]
        labels = {
            "hospital": "Hospital (optional)",
            "hospital_visitors": "Who may visit the baby in hospital? (optional)",
            "carers_collect": "Will the early permanence carers collect the baby from hospital?",
            "discharge_plan": "The plan for the day of discharge (optional)",
        }
        widgets = {"carers_collect": forms.RadioSelect}

    def __init__(self, *args, child: Child, **kwargs):
        super().__init__(*args, **kwargs)
        self.child = child
        self.fields["carers_collect"].choices = YesNoUnknown.choices
        self.fields["carers_collect"].error_messages["required"] = (
            "Select whether the early permanence carers will collect the baby"
        )
        _limit(self, "hospital", "Hospital")

    def clean(self):
        cleaned = super().clean()
        add_errors(
            self, birth_plan_errors(child=self.child, conference_on=cleaned.get("conference_on"))
        )
        return cleaned


class BabyHealthForm(GovFormMixin, forms.ModelForm):
    """The baby's health at birth and the initial health assessment (Std 4.5)."""

    nhs_number = forms.CharField(
        label="NHS number (optional)",
        required=False,
        max_length=13,  # ten digits, as typed with spaces: 943 476 5919
        help_text="10 digits, for example 943 476 5919",
        error_messages={"max_length": "Enter a valid NHS number, like 943 476 5919"},
        widget=forms.TextInput(
            attrs={"inputmode": "numeric", "spellcheck": "false", "autocomplete": "off"}
        ),
    )
    gestation_weeks = _number(
        "Gestation at birth in weeks (optional)", "Gestation in weeks", 20, 45, "38"
    )
    birth_weight_grams = _number(
        "Birth weight in grams (optional)", "Birth weight in grams", 200, 7000, "3200"
    )
    neonatal_unit_days = _number(
        "Days on a neonatal unit (optional)",
        "Days on a neonatal unit",
        0,
        365,
        "5",
        "Enter 0 if the baby was not admitted",
    )
    discharged_on = GovDateField(
        noun="the date discharged from hospital",
        label="Date discharged from hospital (optional)",
        help_text="Usually the day of the early permanence placement. For example, 27 3 2026",
        required=False,
    )
    initial_health_assessment_on = GovDateField(
        noun="the initial health assessment",
        label="Date of the initial health assessment (optional)",
        required=False,
    )

    class Meta:
        model = BabyHealth
        fields = [
            "nhs_number",
            "gestation_weeks",
            "birth_weight_grams",
            "neonatal_unit_days",
            "withdrawal_monitoring",
            "prenatal_exposure",
            "exposure_detail",
            "discharged_on",
            "family_health_history",
            "initial_health_assessment_on",
        ]
        labels = {
            "withdrawal_monitoring": "Was the baby monitored for withdrawal?",
            "prenatal_exposure": "Was the baby exposed to alcohol or drugs before birth?",
            "exposure_detail": "What is known about the exposure (optional)",
            "family_health_history": "Family health history (optional)",
        }
        help_texts = {
            "family_health_history": "Conditions in the family that may affect the baby's "
            "health, as the parents and records tell them",
        }
        widgets = {
            "withdrawal_monitoring": forms.RadioSelect,
            "prenatal_exposure": forms.RadioSelect,
        }

    def __init__(self, *args, child: Child, **kwargs):
        super().__init__(*args, **kwargs)
        self.child = child
        self.fields["withdrawal_monitoring"].choices = YesNoUnknown.choices
        self.fields["withdrawal_monitoring"].error_messages["required"] = (
            "Select whether the baby was monitored for withdrawal"
        )
        self.fields["prenatal_exposure"].choices = Exposure.choices
        self.fields["prenatal_exposure"].error_messages["required"] = (
            "Select whether the baby was exposed to alcohol or drugs before birth"
        )

    def clean(self):
        cleaned = super().clean()
        add_errors(
            self,
            baby_health_errors(
                child=self.child,
                nhs_number=cleaned.get("nhs_number") or "",
                discharged_on=cleaned.get("discharged_on"),
                initial_health_assessment_on=cleaned.get("initial_health_assessment_on"),
                prenatal_exposure=cleaned.get("prenatal_exposure") or "",
                exposure_detail=cleaned.get("exposure_detail") or "",
            ),
        )
        return cleaned

    def _post_clean(self):
        # the model field holds the ten digits; the form keeps what was typed until it is valid
        nhs = self.cleaned_data.get("nhs_number")
        if nhs and "nhs_number" not in self.errors:
            self.cleaned_data["nhs_number"] = nhs_number_digits(nhs)
        super()._post_clean()


class ParentAssessmentForm(_ChildNetworkForm):
    """An assessment of a parent: requested, due, filed, with its outcome."""

    person_field = "parent"

    requested_on = GovDateField(noun="the request", label="Date requested")
    due_on = GovDateField(noun="the date the assessment is due", label="Date due")
    filed_on = GovDateField(
        noun="the date the assessment was filed",
        label="Date filed (leave blank until it is filed)",
        required=False,
    )

    class Meta:
        model = ParentAssessment
        fields = [
            "parent",
            "kind",
            "directed_by_court",
            "assessor",
            "requested_on",
            "due_on",
            "filed_on",
            "outcome",
            "summary",
        ]
        labels = {
            "parent": "Which parent is assessed?",
            "kind": "Kind of assessment",
            "directed_by_court": "The court directed this assessment",
            "assessor": "Assessor (optional)",
            "outcome": "Outcome",
            "summary": "Outcome in brief (optional)",
        }
        error_messages = {
            "parent": {"required": "Select the parent who is assessed"},
            "kind": {"required": "Select the kind of assessment"},
            "outcome": {"required": "Select the outcome"},
        }
        widgets = {
            "parent": forms.RadioSelect,
            "kind": forms.RadioSelect,
            "outcome": forms.RadioSelect,
        }

    def people(self, members):
        return members.filter(relationship__in=PARENT_RELATIONSHIPS)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["parent"].empty_label = None
        self.fields["parent"].error_messages["invalid_choice"] = "Select a parent of this child"
        self.fields["kind"].choices = AssessmentKind.choices
        self.fields["outcome"].choices = AssessmentOutcome.choices
        _limit(self, "assessor", "Assessor")

    def clean(self):
        cleaned = super().clean()
        add_errors(
            self,
            parent_assessment_errors(
                kind=cleaned.get("kind"),
                directed_by_court=bool(cleaned.get("directed_by_court")),
                requested_on=cleaned.get("requested_on"),
                due_on=cleaned.get("due_on"),
                filed_on=cleaned.get("filed_on"),
                outcome=cleaned.get("outcome"),
            ),
        )
        return cleaned


class FamilyFindingForm(GovFormMixin, forms.ModelForm):
    """The referral to the regional adoption agency and the child's sibling counts."""

    referred_on = GovDateField(
        noun="the date referred to the agency",
        label="Date referred to the regional adoption agency (optional)",
        required=False,
    )
    siblings = _number(
        "How many brothers and sisters does the child have? (optional)",
        "Brothers and sisters",
        0,
        30,
        "2",
        "Including half-brothers and half-sisters",
    )
    siblings_together = _number(
        "How many are placed together with this child? (optional)",
        "Brothers and sisters placed together",
        0,
        30,
        "1",
    )
    siblings_apart = _number(
        "How many are placed apart? (optional)", "Brothers and sisters placed apart", 0, 30, "1"
    )

    class Meta:
        model = FamilyFinding
        fields = [
            "referred_on",
            "agency_social_worker",
            "siblings",
            "siblings_together",
            "siblings_apart",
            "with_siblings_adopters",
        ]
        labels = {
            "agency_social_worker": "The agency's social worker (optional)",
            "with_siblings_adopters": "The child is placed with the adopters of an older "
            "brother or sister",
        }

    def __init__(self, *args, child: Child, **kwargs):
        super().__init__(*args, **kwargs)
        self.child = child
        _limit(self, "agency_social_worker", "The agency's social worker")

    def clean(self):
        cleaned = super().clean()
        add_errors(
            self,
            family_finding_errors(
                child=self.child,
                referred_on=cleaned.get("referred_on"),
                siblings=cleaned.get("siblings"),
                siblings_together=cleaned.get("siblings_together"),
                siblings_apart=cleaned.get("siblings_apart"),
                with_siblings_adopters=bool(cleaned.get("with_siblings_adopters")),
            ),
        )
        return cleaned
