"""The retention review of a child's record."""

from django import forms

from accounts.govuk import GovDateField, GovFormMixin, add_errors

from ..models import Child, RetentionDecision
from ..services.retention import retention_review_record_errors


class RetentionReviewForm(GovFormMixin, forms.Form):
    reviewed_on = GovDateField(noun="the review")
    decision = forms.ChoiceField(
        label="What was decided?",
        choices=RetentionDecision.choices,
        widget=forms.RadioSelect,
        help_text="Deleting or anonymising is done by your records process after this decision",
        error_messages={"required": "Select what was decided"},
    )
    keep_until = GovDateField(
        noun="the date to keep the record until",
        label="If kept, keep until",
        required=False,
    )
    reason = forms.CharField(
        label="Reason for the decision",
        widget=forms.Textarea,
        error_messages={"required": "Enter the reason for the decision"},
    )

    def __init__(self, *args, child: Child, **kwargs):
        super().__init__(*args, **kwargs)
        self.child = child

    def clean(self):
        cleaned = super().clean()
        errors = retention_review_record_errors(
            child=self.child,
            reviewed_on=cleaned.get("reviewed_on"),
            decision=cleaned.get("decision"),
            keep_until=cleaned.get("keep_until"),
            reason=cleaned.get("reason", ""),
        )
        add_errors(self, errors)
        return cleaned
