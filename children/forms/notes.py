"""The case note form. Notes are not changed after saving: a correction is a new note."""

from django import forms

from accounts.govuk import GovDateField, GovFormMixin, add_errors

from ..models import CaseNote, NoteKind
from ..services.notes import case_note_add_errors


class CaseNoteForm(GovFormMixin, forms.ModelForm):
    happened_on = GovDateField(noun="the note")

    class Meta:
        model = CaseNote
        fields = ["kind", "happened_on", "summary", "text"]
        labels = {
            "kind": "What kind of note is it?",
            "summary": "Summary",
            "text": "Note (optional)",
        }
        help_texts = {"summary": "One line, for example 'Home visit: baby settled with carers'"}
        error_messages = {
            "kind": {"required": "Select what kind of note it is"},
            "summary": {
                "required": "Enter a summary of the note",
                "max_length": "Summary must be 200 characters or fewer",
            },
        }
        widgets = {"kind": forms.RadioSelect}

    def __init__(self, *args, child=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.child = child
        self.fields["kind"].choices = NoteKind.choices
        self.fields["text"].widget.attrs["rows"] = 8

    def clean(self):
        cleaned = super().clean()
        add_errors(
            self,
            case_note_add_errors(
                child=self.child,
                happened_on=cleaned.get("happened_on"),
                summary=cleaned.get("summary", ""),
            ),
        )
        return cleaned
