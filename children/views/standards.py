"""The practice standards checklist: mark an item met for the child, or remove the mark.

The item is looked up among the active items that apply to this child, so an item that does
not apply (a pre-birth item for a born child's route, a consensual item otherwise) answers 404.
"""

from django.http import Http404
from django.shortcuts import get_object_or_404

from accounts.dates import format_date

from .. import selectors, services
from ..forms import StandardMetForm, StandardUnmarkForm
from ..forms.standards import StandardNotApplicableForm, StandardVerifyForm
from ..models import ChildStandardRecord
from ..services import standards as standard_services
from ..standards_evidence import source_for
from .base import ChildRecordFormView


class StandardSectionView(ChildRecordFormView):
    perm = "children.change_child"
    section = "standards"

    def get_instance(self):
        self.item = get_object_or_404(
            selectors.standard_items_for(child=self.child), pk=self.kwargs["item_pk"]
        )
        return ChildStandardRecord.objects.filter(child=self.child, item=self.item).first()


class StandardMarkView(StandardSectionView):
    form_class = StandardMetForm
    submit_label = "Save"

    def get_instance(self):
        record = super().get_instance()
        # issue 9 item 10: a Standard that a record proves takes no tick (the record page says
        # what to record instead)
        if source_for(self.item.code) is not None:
            raise Http404("This standard is shown from the record")
        return record

    def get_form_kwargs(self):
        return {"child": self.child, "item": self.item}

    def get_initial(self):
        if self.instance is None:
            return {}
        return {"met_on": self.instance.met_on, "note": self.instance.note}

    def get_title(self) -> str:
        if self.instance is None:
            return f"Record that standard {self.item.code} is met"
        return f"Change when standard {self.item.code} was met"

    def get_intro(self) -> list[str]:
        return [f"{self.item.code}: {self.item.text}"]

    @property
    def success_message(self) -> str:
        return f"Standard {self.item.code} has been recorded as met"

    def save(self, form):
        data = form.cleaned_data
        return services.standard_mark_met(
            child=self.child,
            item=self.item,
            by=self.request.user,
            met_on=data["met_on"],
            note=data["note"],
        )


class StandardUnmarkView(StandardSectionView):
    form_class = StandardUnmarkForm
    submit_label = "Remove the record"

    def get_instance(self):
        record = super().get_instance()
        if record is None:
            raise Http404("This standard is not recorded as met")
        return record

    def get_title(self) -> str:
        return f"Remove the record that standard {self.item.code} was met"

    def get_intro(self) -> list[str]:
        return [
            f"{self.item.code}: {self.item.text}",
            (
                f"It was marked not applicable: {self.instance.reason}."
                if self.instance.not_applicable
                else f"It was recorded as met on {format_date(self.instance.met_on)}."
            )
            + " Remove the record only if it was made in error: the record's history keeps "
            "who made and removed it.",
        ]

    @property
    def success_message(self) -> str:
        return f"The record that standard {self.item.code} was met has been removed"

    def save(self, form):
        return services.standard_unmark(child=self.child, item=self.item, by=self.request.user)


class StandardNotApplicableView(StandardSectionView):
    """Mark a Standard not applicable to this child, with why (issue 9 item 11)."""

    form_class = StandardNotApplicableForm
    submit_label = "Save"

    def get_form_kwargs(self):
        return {"child": self.child, "item": self.item}

    def get_initial(self):
        if self.instance is None or not self.instance.not_applicable:
            return {}
        return {"reason": self.instance.reason}

    def get_title(self) -> str:
        return f"Standard {self.item.code} does not apply to this child"

    def get_intro(self) -> list[str]:
        return [
            f"{self.item.code}: {self.item.text}",
            "A standard marked not applicable is left out of the count, so that the checklist "
            "shows a fair picture of what applies to this child.",
        ]

    @property
    def success_message(self) -> str:
        return f"Standard {self.item.code} has been marked not applicable"

    def save(self, form):
        return standard_services.standard_mark_not_applicable(
            child=self.child,
            item=self.item,
            reason=form.cleaned_data["reason"],
            by=self.request.user,
        )


class StandardVerifyView(StandardSectionView):
    """A team manager or the IRO verifies a manual mark (issue 9 item 10)."""

    form_class = StandardVerifyForm
    perm = "children.verify_standard"
    submit_label = "Verify"

    def get_instance(self):
        record = super().get_instance()
        if record is None:
            raise Http404("This standard has no mark to verify")
        return record

    def get_title(self) -> str:
        return f"Verify standard {self.item.code}"

    def get_intro(self) -> list[str]:
        record = self.instance
        if record.not_applicable:
            what = f"It was marked not applicable: {record.reason}"
        else:
            what = f"It was recorded as met on {format_date(record.met_on)}."
        return [
            f"{self.item.code}: {self.item.text}",
            what,
            "Verify it only if you have checked it.",
        ]

    @property
    def success_message(self) -> str:
        return f"Standard {self.item.code} has been verified"

    def save(self, form):
        return standard_services.standard_verify(
            child=self.child, item=self.item, by=self.request.user
        )
