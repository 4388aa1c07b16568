"""The form of a pre-proceedings episode (the Public Law Outline)."""

from django import forms

from accounts.govuk import GovDateField, GovFormMixin, add_errors

from ..models import (
    FamilyMeetingKind,
    GatewayDecision,
    PreProceedings,
    PreProceedingsOutcome,
    PreProceedingsReview,
    Representation,
)
from ..services.preproceedings import pre_proceedings_errors, pre_proceedings_review_errors


def _optional(noun: str, label: str) -> GovDateField:
    return GovDateField(noun=noun, label=f"{label} (optional)", required=False)


class PreProceedingsForm(GovFormMixin, forms.ModelForm):
    """One pre-proceedings episode: every step is optional, recorded when it happens."""

    gateway_meeting_on = _optional(
        "the legal gateway meeting", "Date of the legal gateway meeting"
    )
    letter_before_proceedings_on = _optional(
        "the letter before proceedings", "Date of the letter before proceedings (PLO letter)"
    )
    letter_of_issue_on = _optional("the letter of issue", "Date of the letter of issue")
    meeting_on = _optional("the pre-proceedings meeting", "Date of the pre-proceedings meeting")
    family_meeting_on = _optional("the family meeting", "Date of the family meeting")
    pre_birth_assessment_started_on = _optional(
        "the date the pre-birth assessment started", "Date the pre-birth assessment started"
    )
    pre_birth_assessment_completed_on = _optional(
        "the date the pre-birth assessment was completed",
        "Date the pre-birth assessment was completed",
    )
    outcome_on = _optional("the outcome", "Date of the outcome")

    class Meta:
        model = PreProceedings
        fields = [
            "gateway_meeting_on",
            "gateway_decision",
            "letter_before_proceedings_on",
            "letter_of_issue_on",
            "meeting_on",
            "parents_represented",
            "family_meeting_kind",
            "family_meeting_on",
            "pre_birth_assessment_started_on",
            "pre_birth_assessment_completed_on",
            "outcome",
            "outcome_on",
            "notes",
        ]
        labels = {
            "gateway_decision": "Decision of the legal gateway meeting (optional)",
            "parents_represented": "Parents' legal representation",
            "family_meeting_kind": "Family group conference or family network meeting (optional)",
            "outcome": "Outcome of pre-proceedings (optional)",
            "notes": "Notes (optional)",
        }
        widgets = {
            "gateway_decision": forms.RadioSelect,
            "parents_represented": forms.RadioSelect,
            "family_meeting_kind": forms.RadioSelect,
            "outcome": forms.RadioSelect,
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["gateway_decision"].choices = [("", "Not held yet"), *GatewayDecision.choices]
        self.fields["family_meeting_kind"].choices = [
            ("", "Not recorded"),
            *FamilyMeetingKind.choices,
        ]
        self.fields["outcome"].choices = [("", "Not decided yet"), *PreProceedingsOutcome.choices]
        # every step is optional: not answered is "Not known"
        self.fields["parents_represented"].required = False

    def clean(self):
        cleaned = super().clean()
        cleaned["parents_represented"] = (
            cleaned.get("parents_represented") or Representation.UNKNOWN
        )
        names = [
            "gateway_meeting_on",
            "gateway_decision",
            "letter_before_proceedings_on",
            "letter_of_issue_on",
            "meeting_on",
            "family_meeting_kind",
            "family_meeting_on",
            "pre_birth_assessment_started_on",
            "pre_birth_assessment_completed_on",
            "outcome",
            "outcome_on",
        ]
        add_errors(self, pre_proceedings_errors(**{n: cleaned.get(n) or None for n in names}))
        return cleaned


class PreProceedingsReviewForm(GovFormMixin, forms.ModelForm):
    """A review meeting of a pre-proceedings episode."""

    held_on = GovDateField(noun="the review meeting")

    class Meta:
        model = PreProceedingsReview
        fields = ["held_on", "agreed"]
        labels = {"agreed": "What was agreed (optional)"}

    def __init__(self, *args, pre_proceedings: PreProceedings, **kwargs):
        super().__init__(*args, **kwargs)
        self.pre_proceedings = pre_proceedings

    def clean(self):
        cleaned = super().clean()
        add_errors(
            self,
            pre_proceedings_review_errors(
                pre_proceedings=self.pre_proceedings, held_on=cleaned.get("held_on")
            ),
        )
        return cleaned
