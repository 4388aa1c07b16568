"""Forms of the court record: proceedings, extensions, hearings, directions and orders (consent,
parental responsibility, Part 19 and section 20 are in ``consent``; pre-proceedings in
``preproceedings``).

They validate and present. The rules that compare one record with another (a hearing not before
its proceedings were issued, an order on the date of its hearing) are the services' own
``<entity>_<action>_errors`` functions (``children.services.court`` and ``consent``): each form's
``clean()`` calls the same function as the service, so every message shows on the first submit.
"""

from django import forms

from accounts.dates import format_date
from accounts.govuk import GovDateField, GovFormMixin, add_errors

from ..models import (
    Child,
    CourtOrder,
    Direction,
    Extension,
    Hearing,
    HearingKind,
    OrderKind,
    Proceedings,
)
from ..services.court import (
    MAX_EXTENSION_WEEKS,
    WRONG_HEARING,
    direction_add_errors,
    direction_mark_complied_errors,
    extension_grant_errors,
    hearing_add_errors,
    hearing_update_errors,
    order_record_errors,
    proceedings_conclude_errors,
    proceedings_issue_errors,
    proceedings_update_errors,
)


class ProceedingsForm(GovFormMixin, forms.ModelForm):
    issued_on = GovDateField(noun="the date proceedings were issued")

    class Meta:
        model = Proceedings
        fields = ["court", "case_number", "issued_on"]
        labels = {"court": "Court", "case_number": "Case number"}
        help_texts = {"court": "For example, Family Court sitting at Northmoor"}
        error_messages = {
            "court": {"required": "Enter the court"},
            "case_number": {"required": "Enter the case number"},
        }

    def __init__(self, *args, child: Child, **kwargs):
        super().__init__(*args, **kwargs)
        self.child = child

    def clean(self):
        cleaned = super().clean()
        issued_on = cleaned.get("issued_on")
        if self.instance.pk is None:
            errors = proceedings_issue_errors(child=self.child, issued_on=issued_on)
        else:
            errors = proceedings_update_errors(proceedings=self.instance, issued_on=issued_on)
        add_errors(self, errors)
        return cleaned


class ProceedingsConcludeForm(GovFormMixin, forms.ModelForm):
    concluded_on = GovDateField(noun="the date proceedings concluded")

    class Meta:
        model = Proceedings
        fields = ["concluded_on"]

    def clean(self):
        cleaned = super().clean()
        add_errors(
            self,
            proceedings_conclude_errors(
                proceedings=self.instance, concluded_on=cleaned.get("concluded_on")
            ),
        )
        return cleaned


WEEKS_MESSAGE = f"Extension must be between 1 and {MAX_EXTENSION_WEEKS} weeks"


class ExtensionForm(GovFormMixin, forms.ModelForm):
    """An extension of the 26-week limit (Children Act 1989 s.32(5)): 1 to 8 weeks each."""

    weeks = forms.IntegerField(
        label="Length of the extension, in weeks",
        help_text=f"The court may extend by up to {MAX_EXTENSION_WEEKS} weeks at a time",
        error_messages={
            "required": "Enter the length of the extension in weeks",
            "invalid": "Length of the extension must be a whole number of weeks",
            "min_value": WEEKS_MESSAGE,
            "max_value": WEEKS_MESSAGE,
        },
        min_value=1,
        max_value=MAX_EXTENSION_WEEKS,
        widget=forms.TextInput(
            attrs={"inputmode": "numeric", "class": "govuk-input govuk-input--width-2"}
        ),
    )
    granted_on = GovDateField(noun="the date the extension was granted")

    class Meta:
        model = Extension
        fields = ["weeks", "granted_on", "reason"]
        labels = {"reason": "Reason the court gave for the extension"}
        error_messages = {
            "reason": {"required": "Enter the reason the court gave for the extension"}
        }

    def __init__(self, *args, proceedings: Proceedings, **kwargs):
        super().__init__(*args, **kwargs)
        self.proceedings = proceedings

    def clean(self):
        cleaned = super().clean()
        add_errors(
            self,
            extension_grant_errors(
                proceedings=self.proceedings,
                weeks=cleaned.get("weeks"),
                granted_on=cleaned.get("granted_on"),
                reason=cleaned.get("reason", ""),
            ),
        )
        return cleaned


class HearingForm(GovFormMixin, forms.ModelForm):
    listed_on = GovDateField(noun="the hearing")

    class Meta:
        model = Hearing
        fields = ["kind", "listed_on", "outcome"]
        labels = {"kind": "Kind of hearing", "outcome": "Outcome (once heard, optional)"}
        error_messages = {"kind": {"required": "Select the kind of hearing"}}
        widgets = {"kind": forms.RadioSelect}

    def __init__(self, *args, proceedings: Proceedings, **kwargs):
        super().__init__(*args, **kwargs)
        self.proceedings = proceedings
        self.fields["kind"].choices = HearingKind.choices

    def clean(self):
        cleaned = super().clean()
        listed_on = cleaned.get("listed_on")
        if self.instance.pk is None:
            errors = hearing_add_errors(proceedings=self.proceedings, listed_on=listed_on)
        else:
            errors = hearing_update_errors(hearing=self.instance, listed_on=listed_on)
        add_errors(self, errors)
        return cleaned


class DirectionForm(GovFormMixin, forms.ModelForm):
    due_on = GovDateField(noun="the date the direction is due")

    class Meta:
        model = Direction
        fields = ["text", "due_on"]
        labels = {"text": "Direction"}
        help_texts = {"text": "What the court directed, and who must do it"}
        error_messages = {"text": {"required": "Enter the direction"}}

    def __init__(self, *args, hearing: Hearing, **kwargs):
        super().__init__(*args, **kwargs)
        self.hearing = hearing

    def clean(self):
        cleaned = super().clean()
        add_errors(
            self,
            direction_add_errors(
                hearing=self.hearing,
                text=cleaned.get("text", ""),
                due_on=cleaned.get("due_on"),
            ),
        )
        return cleaned


class DirectionCompliedForm(GovFormMixin, forms.ModelForm):
    complied_on = GovDateField(noun="the date the direction was complied with")

    class Meta:
        model = Direction
        fields = ["complied_on"]

    def clean(self):
        cleaned = super().clean()
        add_errors(
            self,
            direction_mark_complied_errors(
                direction=self.instance, complied_on=cleaned.get("complied_on")
            ),
        )
        return cleaned


class OrderForm(GovFormMixin, forms.ModelForm):
    """An order the court made; if at a hearing, one of this child's hearings only."""

    made_on = GovDateField(noun="the date the order was made")
    hearing = forms.ModelChoiceField(
        label="Hearing at which the order was made",
        queryset=Hearing.objects.none(),
        required=False,
        blank=True,  # keeps the empty choice among the radios, so a choice can be undone
        widget=forms.RadioSelect,
        empty_label="Not made at a hearing recorded here",
        error_messages={"invalid_choice": WRONG_HEARING},
    )

    class Meta:
        model = CourtOrder
        fields = ["kind", "made_on", "hearing", "notes"]
        labels = {"kind": "Kind of order", "notes": "Notes (optional)"}
        error_messages = {"kind": {"required": "Select the kind of order"}}
        widgets = {"kind": forms.RadioSelect}

    def __init__(self, *args, child: Child, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kind"].choices = OrderKind.choices
        hearing = self.fields["hearing"]
        hearing.queryset = (
            Hearing.objects.filter(proceedings__child=child)
            .select_related("proceedings")
            .order_by("listed_on", "pk")
        )
        hearing.label_from_instance = lambda h: (
            f"{h.get_kind_display()}, {format_date(h.listed_on)} "
            f"(case {h.proceedings.case_number})"
        )
        self.child = child

    def clean(self):
        cleaned = super().clean()
        add_errors(
            self,
            order_record_errors(
                child=self.child, made_on=cleaned.get("made_on"), hearing=cleaned.get("hearing")
            ),
        )
        return cleaned
