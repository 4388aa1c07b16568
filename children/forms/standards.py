"""Mark a practice standards checklist item met for a child, or take the mark back."""

from django import forms

from accounts.govuk import GovDateField, GovFormMixin, add_errors

from ..models import Child, PracticeStandardItem
from ..services.standards import standard_mark_met_errors


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
