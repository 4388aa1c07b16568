"""The court section's pages: proceedings, extensions, hearings, directions and orders (consent,
parental responsibility, Part 19, section 20 and pre-proceedings are in ``consent``).

Each page follows ChildRecordFormView: the child is found for the user (404 otherwise), the rule
is checked (403), and any record named in the URL is looked up within this child's own records,
so another child's proceedings or hearing answers 404 even in the same organisation.
"""

from django.shortcuts import get_object_or_404
from django.urls import reverse

from accounts.dates import format_date

from .. import services
from ..forms import (
    CarePeriodForm,
    CarePeriodStartForm,
    DirectionCompliedForm,
    DirectionForm,
    ExtensionForm,
    HearingForm,
    LegalStatusForm,
    OrderEndForm,
    OrderForm,
    ProceedingsConcludeForm,
    ProceedingsForm,
)
from ..models import (
    PROPOSED_STATUS,
    CarePeriod,
    CourtOrder,
    Direction,
    Hearing,
    Proceedings,
    StatusBasis,
)
from .base import ChildRecordFormView


def _proceedings_arguments(data) -> dict:
    """The proceedings form's answers, named as both of its services take them."""
    names = (
        "kind",
        "court",
        "case_number",
        "issued_on",
        "judge_level",
        "childrens_guardian",
        "childs_solicitor",
        "la_solicitor",
    )
    return {name: data[name] for name in names}


def _hearing_arguments(data) -> dict:
    names = ("kind", "listed_on", "status", "time", "court", "outcome")
    return {name: data[name] for name in names}


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
            child=self.child, by=self.request.user, **_proceedings_arguments(data)
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
            proceedings=self.instance, by=self.request.user, **_proceedings_arguments(data)
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
            ends_on=data["ends_on"],
            granted_on=data["granted_on"],
            hearing=data["hearing"],
            reason=data["reason"],
        )

    def get_intro(self) -> list[str]:
        proceedings = self.proceedings
        return [
            f"The time limit now ends on {format_date(proceedings.end_in_force())}. The court "
            "may extend it by up to 8 weeks at a time, counted from the later of that day and "
            "the day it grants the extension (Children Act 1989 s.32(5), (8))."
        ]


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
            proceedings=self.proceedings, by=self.request.user, **_hearing_arguments(data)
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
            hearing=self.instance, by=self.request.user, **_hearing_arguments(data)
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
        self.order = services.order_record(
            child=self.child,
            by=self.request.user,
            kind=data["kind"],
            made_on=data["made_on"],
            hearing=data["hearing"],
            expires_on=data["expires_on"],
            notes=data["notes"],
        )
        return self.order

    def get_success_url(self) -> str:
        order = getattr(self, "order", None)
        if order is not None and order.kind in PROPOSED_STATUS:
            # recording an order proposes the legal status that follows it
            url = reverse("children:legal_status_add", args=[self.child.pk])
            return f"{url}?order={order.pk}"
        return super().get_success_url()


class OrderEndView(CourtView):
    form_class = OrderEndForm
    submit_label = "Save"
    success_message = "The order's end has been saved"

    def get_instance(self):
        return get_object_or_404(CourtOrder, pk=self.kwargs["order_pk"], child=self.child)

    def get_title(self) -> str:
        return f"When did the {self.instance.get_kind_display().lower()} end?"

    def get_intro(self) -> list[str]:
        return [f"Made on {format_date(self.instance.made_on)}."]

    def save(self, form):
        return services.order_end(
            order=self.instance, by=self.request.user, ended_on=form.cleaned_data["ended_on"]
        )


class CarePeriodStartView(CourtView):
    form_class = CarePeriodStartForm
    title = "Record that the child became looked after"
    submit_label = "Save"
    success_message = "The period of care has been recorded"

    def get_form_kwargs(self):
        return {"child": self.child}

    def save(self, form):
        return services.care_period_start(
            child=self.child, by=self.request.user, started_on=form.cleaned_data["started_on"]
        )


class CarePeriodEditView(CourtView):
    form_class = CarePeriodForm
    title = "Change a period of care"
    submit_label = "Save changes"
    success_message = "The period of care has been updated"

    def get_instance(self):
        return get_object_or_404(CarePeriod, pk=self.kwargs["period_pk"], child=self.child)

    def get_form_kwargs(self):
        return {"child": self.child}

    def save(self, form):
        data = form.cleaned_data
        return services.care_period_update(
            period=self.instance,
            by=self.request.user,
            started_on=data["started_on"],
            ended_on=data["ended_on"],
            reason_ended=data["reason_ended"],
        )


class LegalStatusAddView(CourtView):
    form_class = LegalStatusForm
    title = "Record the child's legal status"
    submit_label = "Save"
    success_message = "The legal status has been recorded"

    def get_form_kwargs(self):
        return {"child": self.child}

    def proposing(self) -> CourtOrder | None:
        """The order just recorded, whose legal status this page proposes (``?order=``)."""
        pk = self.request.GET.get("order", "")
        if not pk.isdigit():
            return None
        return CourtOrder.objects.filter(pk=pk, child=self.child).first()

    def get_initial(self) -> dict:
        order = self.proposing()
        if order is None or order.kind not in PROPOSED_STATUS:
            return {}
        return {
            "code": PROPOSED_STATUS[order.kind],
            "starts_on": order.made_on,
            "basis": StatusBasis.ORDER,
            "order": order.pk,
        }

    def get_intro(self) -> list[str]:
        order = self.proposing()
        if order is None or order.kind not in PROPOSED_STATUS:
            return ["The legal status before it ends on the day this one begins."]
        code = PROPOSED_STATUS[order.kind]
        return [
            f"The {order.get_kind_display().lower()} made on {format_date(order.made_on)} "
            f"proposes legal status {code} from that day. Check it and save, or cancel if the "
            "child's legal status does not change."
        ]

    def save(self, form):
        data = form.cleaned_data
        return services.legal_status_record(
            child=self.child,
            by=self.request.user,
            code=data["code"],
            starts_on=data["starts_on"],
            basis=data["basis"],
            order=data["order"],
            basis_detail=data["basis_detail"],
        )
