"""Case notes: add one (notes are not changed after saving; a correction is a new note)."""

from .. import services
from ..forms import CaseNoteForm
from .base import ChildRecordFormView


class CaseNoteAddView(ChildRecordFormView):
    form_class = CaseNoteForm
    perm = "children.add_case_note"
    section = "notes"
    title = "Add a case note"
    submit_label = "Add the note"
    success_message = "The case note has been added"

    def get_form_kwargs(self):
        return {"child": self.child}

    def get_intro(self) -> list[str]:
        return ["A note cannot be changed once it is saved. To correct a note, add a new one."]

    def save(self, form):
        data = form.cleaned_data
        return services.case_note_add(
            child=self.child,
            by=self.request.user,
            kind=data["kind"],
            happened_on=data["happened_on"],
            summary=data["summary"],
            text=data["text"],
        )
