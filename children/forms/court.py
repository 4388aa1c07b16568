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
    HearingStatus,
    OrderKind,
    Proceedings,
    ProceedingsKind,
    hearing_kinds_for,
)
from ..services.court import (
    WRONG_HEARING,
    WRONG_PROCEEDINGS_HEARING,
    direction_add_errors,
    direction_mark_complied_errors,
    extension_grant_errors,
    hearing_add_errors,
    hearing_kind_errors,
    hearing_update_errors,
    order_end_errors,
    order_record_errors,
    proceedings_conclude_errors,
    proceedings_issue_errors,
    proceedings_update_errors,
)


class ProceedingsForm(GovFormMixin, forms.ModelForm):
    issued_on = GovDateField(noun="the date proceedings were issued")

    class Meta:
        model = Proceedings
        fields = [
            "kind",
            "court",
            "case_number",
            "issued_on",
            "judge_level",
            "childrens_guardian",
            "childs_solicitor",
            "la_solicitor",
        ]
        labels = {
            "kind": "What the application is for",
            "court": "Court",
            "case_number": "Case number",
            "judge_level": "Level of judge (optional)",
            "childrens_guardian": "Children's guardian (optional)",
            "childs_solicitor": "Child's solicitor (optional)",
            "la_solicitor": "Local authority solicitor (optional)",
        }
        help_texts = {
            "court": "For example, Family Court sitting at Northmoor",
            "kind": "The 26-week limit applies to care and supervision applications, with "
            "s.34 contact and s.39 discharge; not to placement order or adoption applications",
            "childrens_guardian": "The Cafcass officer appointed for the child; the IRO "
            "liaises with them",
        }
        error_messages = {
            "kind": {"required": "Select what the application is for"},
            "court": {"required": "Enter the court"},
            "case_number": {"required": "Enter the case number"},
        }
        widgets = {"kind": forms.RadioSelect}

    def __init__(self, *args, child: Child, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kind"].choices = ProceedingsKind.choices
        self.child = child

    def clean(self):
        cleaned = super().clean()
        issued_on = cleaned.get("issued_on")
        if self.instance.pk is None:
            errors = proceedings_issue_errors(child=self.child, issued_on=issued_on)
        else:
            errors = proceedings_update_errors(
                proceedings=self.instance, issued_on=issued_on, kind=cleaned.get("kind")
            )
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


def _hearing_label(hearing: Hearing) -> str:
    return f"{hearing.get_kind_display()}, {format_date(hearing.listed_on)}"


class ExtensionForm(GovFormMixin, forms.ModelForm):
    """An extension of the 26-week limit granted by the court (CA 1989 s.32(5), (8)): the end
    date it set, when and at which hearing."""

    ends_on = GovDateField(
        noun="the date the extended time limit ends",
        help_text="The date the court set. No more than 8 weeks after the later of the end "
        "then in force and the day the extension is granted. For example, 27 6 2027",
    )
    granted_on = GovDateField(noun="the date the extension was granted")
    hearing = forms.ModelChoiceField(
        label="Hearing at which it was granted",
        queryset=Hearing.objects.none(),
        required=False,
        blank=True,
        widget=forms.RadioSelect,
        empty_label="Not at a hearing recorded here",
        error_messages={"invalid_choice": WRONG_PROCEEDINGS_HEARING},
    )

    class Meta:
        model = Extension
        fields = ["ends_on", "granted_on", "hearing", "reason"]
        labels = {"reason": "Reason the court gave for the extension"}
        error_messages = {
            "reason": {"required": "Enter the reason the court gave for the extension"}
        }

    def __init__(self, *args, proceedings: Proceedings, **kwargs):
        super().__init__(*args, **kwargs)
        self.proceedings = proceedings
        hearing = self.fields["hearing"]
        hearing.queryset = Hearing.objects.filter(proceedings=proceedings).order_by(
            "listed_on", "pk"
        )
        hearing.label_from_instance = _hearing_label

    def clean(self):
        cleaned = super().clean()
        add_errors(
            self,
            extension_grant_errors(
                proceedings=self.proceedings,
                ends_on=cleaned.get("ends_on"),
                granted_on=cleaned.get("granted_on"),
                reason=cleaned.get("reason", ""),
                hearing=cleaned.get("hearing"),
            ),
        )
        return cleaned


class HearingForm(GovFormMixin, forms.ModelForm):
    listed_on = GovDateField(noun="the hearing")
    time = forms.TimeField(
        label="Time of the hearing (optional)",
        help_text="For example, 10:30",
        required=False,
        input_formats=["%H:%M", "%H.%M", "%H:%M:%S"],
        error_messages={
            "invalid": "Enter the time of the hearing as hours and minutes, like 10:30"
        },
        widget=forms.TimeInput(
            format="%H:%M", attrs={"class": "govuk-input govuk-input--width-5"}
        ),
    )

    class Meta:
        model = Hearing
        fields = ["kind", "listed_on", "time", "court", "status", "outcome"]
        labels = {
            "kind": "Kind of hearing",
            "court": "Court (if not the proceedings' court, optional)",
            "status": "Where the hearing stands",
            "outcome": "Outcome (once it has happened, optional)",
        }
        error_messages = {
            "kind": {"required": "Select the kind of hearing"},
            "status": {"required": "Select where the hearing stands"},
        }
        widgets = {"kind": forms.RadioSelect, "status": forms.RadioSelect}

    def __init__(self, *args, proceedings: Proceedings, **kwargs):
        super().__init__(*args, **kwargs)
        self.proceedings = proceedings
        self.fields["kind"].choices = hearing_kinds_for(proceedings.kind)
        self.fields["status"].choices = HearingStatus.choices

    def clean(self):
        cleaned = super().clean()
        listed_on = cleaned.get("listed_on")
        status = cleaned.get("status")
        outcome = cleaned.get("outcome", "")
        if self.instance.pk is None:
            errors = hearing_add_errors(
                proceedings=self.proceedings, listed_on=listed_on, status=status, outcome=outcome
            )
        else:
            errors = hearing_update_errors(
                hearing=self.instance, listed_on=listed_on, status=status, outcome=outcome
            )
        add_errors(self, errors)
        add_errors(
            self, hearing_kind_errors(proceedings=self.proceedings, kind=cleaned.get("kind"))
        )
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
    expires_on = GovDateField(
        noun="the date the order says it ends",
        label="Date the order ends (an interim or emergency order, optional)",
        help_text="An interim care order lasts for the period it specifies, and ends in any "
        "event when the application is decided. For example, 27 3 2026",
        required=False,
    )

    class Meta:
        model = CourtOrder
        fields = ["kind", "made_on", "hearing", "expires_on", "notes"]
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
                child=self.child,
                made_on=cleaned.get("made_on"),
                hearing=cleaned.get("hearing"),
                kind=cleaned.get("kind"),
                expires_on=cleaned.get("expires_on"),
            ),
        )
        return cleaned


class OrderEndForm(GovFormMixin, forms.ModelForm):
    """The date an order ended (a final order, the court's discharge or revocation…)."""

    ended_on = GovDateField(
        noun="the date the order ended",
        label="Date the order ended (leave blank if it is still in force)",
        required=False,
    )

    class Meta:
        model = CourtOrder
        fields = ["ended_on"]

    def clean(self):
        cleaned = super().clean()
        add_errors(self, order_end_errors(order=self.instance, ended_on=cleaned.get("ended_on")))
        return cleaned
