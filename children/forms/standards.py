"""Mark a practice standards checklist item met for a child, or take the mark back."""

from django import forms

from accounts.govuk import GovDateField, GovFormMixin, add_errors

from ..models import Child, PracticeStandardItem
from ..services.standards import standard_mark_met_errors, standard_not_applicable_errors


class StandardMetForm(GovFormMixin, forms.Form):
    met_on = GovDateField(noun="the date the standard was met", label="Date met")
    note = forms.CharField(
        label="Note (optional)",
        required=False,
        max_length=300,
        help_text="How it was met, for example 'Leaflet and interpreter at the PLO meeting'",
        error_messages={"max_length": "Note must be 300 characters or fewer"},
    )

    def __init__(self, *args, child: Child, item: PracticeStandardItem, **kwargs):
        super().__init__(*args, **kwargs)
        self.child = child
        self.item = item

    def clean(self):
        cleaned = super().clean()
        add_errors(
            self,
            standard_mark_met_errors(
                child=self.child, item=self.item, met_on=cleaned.get("met_on")
            ),
        )
        return cleaned


class StandardUnmarkForm(GovFormMixin, forms.Form):
    """A confirmation: nothing to fill in."""


class StandardNotApplicableForm(GovFormMixin, forms.Form):
    """Why a Standard does not apply to this child (issue 9 item 11)."""

    reason = forms.CharField(
        label="Why does this standard not apply to this child?",
        max_length=300,
        help_text="For example, 'The mother relinquished the baby: no return home is planned' "
        "(300 characters or fewer)",
        error_messages={
            "required": "Enter why the standard does not apply to this child",
            "max_length": "Reason must be 300 characters or fewer",
        },
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def __init__(self, *args, child: Child, item: PracticeStandardItem, **kwargs):
        super().__init__(*args, **kwargs)
        self.child = child
        self.item = item

    def clean(self):
        cleaned = super().clean()
        add_errors(
            self,
            standard_not_applicable_errors(
                child=self.child, item=self.item, reason=cleaned.get("reason", "")
            ),
        )
        return cleaned


class StandardVerifyForm(GovFormMixin, forms.Form):
    """A confirmation: the team manager or IRO verifies the mark."""
