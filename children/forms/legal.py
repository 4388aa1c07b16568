"""Forms of the child's periods of care and legal status history. The rules are the services'
(``children.services.legal``): each form's ``clean()`` calls the same function."""

from django import forms

from accounts.dates import format_date
from accounts.govuk import GovDateField, GovFormMixin, add_errors

from ..models import CarePeriod, Child, CourtOrder, LegalStatus, LegalStatusPeriod, StatusBasis
from ..services.legal import WRONG_ORDER, care_period_errors, legal_status_record_errors


class CarePeriodStartForm(GovFormMixin, forms.ModelForm):
    """The child became looked after: a new period of care."""

    started_on = GovDateField(noun="the date the child became looked after")

    class Meta:
        model = CarePeriod
        fields = ["started_on"]

    def __init__(self, *args, child: Child, **kwargs):
        super().__init__(*args, **kwargs)
        self.child = child

    def clean(self):
        cleaned = super().clean()
        add_errors(
            self,
            care_period_errors(
                child=self.child,
                started_on=cleaned.get("started_on"),
                ended_on=None,
                reason_ended="",
            ),
        )
        return cleaned


class CarePeriodForm(GovFormMixin, forms.ModelForm):
    """Correct a period of care, or record that the child ceased to be looked after."""

    started_on = GovDateField(noun="the date the child became looked after")
    ended_on = GovDateField(
        noun="the date the child ceased to be looked after",
        label="Date ceased to be looked after (leave blank while looked after)",
        required=False,
    )

    class Meta:
        model = CarePeriod
        fields = ["started_on", "ended_on", "reason_ended"]
        labels = {"reason_ended": "Why the child ceased to be looked after (if they have)"}

    def __init__(self, *args, child: Child, **kwargs):
        super().__init__(*args, **kwargs)
        self.child = child
        # the period as saved (the form edits a copy); None for a form not yet bound to one
        self.period = CarePeriod.objects.get(pk=self.instance.pk) if self.instance.pk else None

    def clean(self):
        cleaned = super().clean()
        add_errors(
            self,
            care_period_errors(
                child=self.child,
                started_on=cleaned.get("started_on"),
                ended_on=cleaned.get("ended_on"),
                reason_ended=cleaned.get("reason_ended", ""),
                period=self.period,
            ),
        )
        return cleaned


class LegalStatusForm(GovFormMixin, forms.ModelForm):
    """The child's legal status from a date, on its basis (an order, a section 20 agreement)."""

    starts_on = GovDateField(noun="the date the legal status began")
    order = forms.ModelChoiceField(
        label="The order it rests on (if an order)",
        queryset=CourtOrder.objects.none(),
        required=False,
        blank=True,
        widget=forms.RadioSelect,
        empty_label="Not an order",
        error_messages={"invalid_choice": WRONG_ORDER},
    )

    class Meta:
        model = LegalStatusPeriod
        fields = ["code", "starts_on", "basis", "order", "basis_detail"]
        labels = {
            "code": "Legal status",
            "basis": "What the legal status rests on",
            "basis_detail": "About the basis (optional)",
        }
        help_texts = {
            "code": "The codes a child in early permanence can have come first",
            "basis_detail": "For a section 20 agreement: who agreed and when",
        }
        error_messages = {
            "code": {"required": "Select the legal status"},
            "basis": {"required": "Select what the legal status rests on"},
        }
        widgets = {"code": forms.RadioSelect, "basis": forms.RadioSelect}

    def __init__(self, *args, child: Child, **kwargs):
        super().__init__(*args, **kwargs)
        self.child = child
        self.fields["code"].choices = LegalStatus.choices  # C1, C2, E1, V2, L1–L3 first
        self.fields["basis"].choices = StatusBasis.choices
        order = self.fields["order"]
        order.queryset = CourtOrder.objects.filter(child=child).order_by("made_on", "pk")
        order.label_from_instance = lambda o: f"{o.get_kind_display()}, {format_date(o.made_on)}"

    def clean(self):
        cleaned = super().clean()
        basis = cleaned.get("basis")
        add_errors(
            self,
            legal_status_record_errors(
                child=self.child,
                code=cleaned.get("code"),
                starts_on=cleaned.get("starts_on"),
                basis=basis,
                order=cleaned.get("order") if basis == StatusBasis.ORDER else None,
            ),
        )
        return cleaned
