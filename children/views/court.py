"""The court section's pages: proceedings, extensions, hearings, directions and orders (consent,
parental responsibility, Part 19, section 20 and pre-proceedings are in ``consent``).

Each page follows ChildRecordFormView: the child is found for the user (404 otherwise), the rule
is checked (403), and any record named in the URL is looked up within this child's own records,
so another child's proceedings or hearing answers 404 even in the same organisation.
"""

from django.shortcuts import get_object_or_404

from .. import services
from ..forms import (
    DirectionCompliedForm,
    DirectionForm,
    ExtensionForm,
    HearingForm,
    OrderForm,
    ProceedingsConcludeForm,
    ProceedingsForm,
)
from ..models import Direction, Hearing, Proceedings
from .base import ChildRecordFormView


class CourtView(ChildRecordFormView):
    section = "court"

    def own_proceedings(self) -> Proceedings:
        return get_object_or_404(Proceedings, pk=self.kwargs["proceedings_pk"], child=self.child)

    def own_hearing(self) -> Hearing:
        return get_object_or_404(
            Hearing.objects.select_related("proceedings"),
            pk=self.kwargs["hearing_pk"],
            proceedings__child=self.child,
        )


class ProceedingsAddView(CourtView):
    form_class = ProceedingsForm
    title = "Record that proceedings were issued"
    submit_label = "Record proceedings"
    success_message = "The proceedings have been recorded"

    def get_form_kwargs(self):
        return {"child": self.child}

    def save(self, form):
        data = form.cleaned_data
        return services.proceedings_issue(
            child=self.child,
            by=self.request.user,
            court=data["court"],
            case_number=data["case_number"],
            issued_on=data["issued_on"],
        )


class ProceedingsEditView(CourtView):
    form_class = ProceedingsForm
    submit_label = "Save changes"
    success_message = "The proceedings have been updated"

    def get_instance(self):
        proceedings = self.own_proceedings()
        self.case_number = proceedings.case_number  # as saved, whatever the form changes
        return proceedings

    def get_title(self) -> str:
        return f"Change proceedings {self.case_number}"

    def get_form_kwargs(self):
        return {"child": self.child}

    def save(self, form):
        data = form.cleaned_data
        return services.proceedings_update(
            proceedings=self.instance,
            by=self.request.user,
            court=data["court"],
            case_number=data["case_number"],
            issued_on=data["issued_on"],
        )


class ProceedingsConcludeView(CourtView):
    form_class = ProceedingsConcludeForm
    submit_label = "Record the conclusion"
    success_message = "The conclusion of the proceedings has been recorded"

    def get_instance(self):
        proceedings = self.own_proceedings()
        self.case_number = proceedings.case_number
        return proceedings

    def get_title(self) -> str:
        return f"Record that proceedings {self.case_number} concluded"

    def save(self, form):
        return services.proceedings_conclude(
            proceedings=self.instance,
            by=self.request.user,
            concluded_on=form.cleaned_data["concluded_on"],
        )


class ExtensionAddView(CourtView):
    form_class = ExtensionForm
    submit_label = "Record the extension"
    success_message = "The extension has been recorded"

    def get_instance(self):
        self.proceedings = self.own_proceedings()
        return None

    def get_title(self) -> str:
        return f"Record an extension of proceedings {self.proceedings.case_number}"

    def get_form_kwargs(self):
        return {"proceedings": self.proceedings}

    def save(self, form):
        data = form.cleaned_data
        return services.extension_grant(
            proceedings=self.proceedings,
            by=self.request.user,
            weeks=data["weeks"],
            granted_on=data["granted_on"],
            reason=data["reason"],
        )


class HearingAddView(CourtView):
    form_class = HearingForm
    submit_label = "Add hearing"
    success_message = "The hearing has been added"

    def get_instance(self):
        self.proceedings = self.own_proceedings()
        return None

    def get_title(self) -> str:
        return f"Add a hearing in proceedings {self.proceedings.case_number}"

    def get_form_kwargs(self):
        return {"proceedings": self.proceedings}

    def save(self, form):
        data = form.cleaned_data
        return services.hearing_add(
            proceedings=self.proceedings,
            by=self.request.user,
            kind=data["kind"],
            listed_on=data["listed_on"],
            outcome=data["outcome"],
        )


class HearingEditView(CourtView):
    form_class = HearingForm
    title = "Change a hearing"
    submit_label = "Save changes"
    success_message = "The hearing has been updated"

    def get_instance(self):
        return self.own_hearing()

    def get_form_kwargs(self):
        return {"proceedings": self.instance.proceedings}

    def save(self, form):
        data = form.cleaned_data
        return services.hearing_update(
            hearing=self.instance,
            by=self.request.user,
            kind=data["kind"],
            listed_on=data["listed_on"],
            outcome=data["outcome"],
        )


class DirectionAddView(CourtView):
    form_class = DirectionForm
    title = "Add a direction"
    submit_label = "Add direction"
    success_message = "The direction has been added"

    def get_instance(self):
        self.hearing = self.own_hearing()
        return None

    def get_form_kwargs(self):
        return {"hearing": self.hearing}

    def save(self, form):
        data = form.cleaned_data
        return services.direction_add(
            hearing=self.hearing, by=self.request.user, text=data["text"], due_on=data["due_on"]
        )


class DirectionCompliedView(CourtView):
    form_class = DirectionCompliedForm
    title = "Record that a direction was complied with"
    submit_label = "Save"
    success_message = "The direction has been marked as complied with"

    def get_instance(self):
        return get_object_or_404(
            Direction, pk=self.kwargs["direction_pk"], hearing__proceedings__child=self.child
        )

    def save(self, form):
        return services.direction_mark_complied(
            direction=self.instance,
            by=self.request.user,
            complied_on=form.cleaned_data["complied_on"],
        )


class OrderAddView(CourtView):
    form_class = OrderForm
    title = "Record an order"
    submit_label = "Record order"
    success_message = "The order has been recorded"

    def get_form_kwargs(self):
        return {"child": self.child}

    def save(self, form):
        data = form.cleaned_data
        return services.order_record(
            child=self.child,
            by=self.request.user,
            kind=data["kind"],
            made_on=data["made_on"],
            hearing=data["hearing"],
            notes=data["notes"],
        )
