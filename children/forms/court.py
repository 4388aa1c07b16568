"""Forms of the court record: PLO pre-proceedings, proceedings, extensions, hearings, directions,
orders and Section 19 consent.

They validate and present. The rules that compare one record with another (a hearing not before
its proceedings were issued, an order on the date of its hearing) are the services' own
``<entity>_<action>_errors`` functions (``children.services.court`` and ``consent``): each form's
``clean()`` calls the same function as the service, so every message shows on the first submit.
"""

from django import forms

from accounts.dates import format_date
from accounts.govuk import GovDateField, GovFormMixin, add_errors

from ..models import (
    PARENT_RELATIONSHIPS,
    Child,
    ConsentStatus,
    CourtOrder,
    Direction,
    Extension,
    FamilyMember,
    Hearing,
    HearingKind,
    HearingStatus,
    OrderKind,
    PreProceedings,
    Proceedings,
    ProceedingsKind,
    Section19Consent,
)
from ..services.consent import section19_errors
from ..services.court import (
    NOT_A_PARENT,
    WRONG_HEARING,
    WRONG_PROCEEDINGS_HEARING,
    direction_add_errors,
    direction_mark_complied_errors,
    extension_grant_errors,
    hearing_add_errors,
    hearing_update_errors,
    order_end_errors,
    order_record_errors,
    pre_proceedings_record_errors,
    proceedings_conclude_errors,
    proceedings_issue_errors,
    proceedings_update_errors,
)


class PreProceedingsForm(GovFormMixin, forms.ModelForm):
    """The Public Law Outline pre-proceedings stage: letter before proceedings and meeting."""

    plo_letter_on = GovDateField(
        noun="the PLO letter", label="Date of the PLO letter (optional)", required=False
    )
    plo_meeting_on = GovDateField(
        noun="the PLO meeting", label="Date of the PLO meeting (optional)", required=False
    )

    class Meta:
        model = PreProceedings
        fields = ["plo_letter_on", "plo_meeting_on", "notes"]
        labels = {"notes": "Notes (optional)"}

    def clean(self):
        cleaned = super().clean()
        add_errors(
            self,
            pre_proceedings_record_errors(
                plo_letter_on=cleaned.get("plo_letter_on"),
                plo_meeting_on=cleaned.get("plo_meeting_on"),
            ),
        )
        return cleaned


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
        self.fields["kind"].choices = HearingKind.choices
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


class Section19Form(GovFormMixin, forms.ModelForm):
    """Consent to placement for adoption (ACA 2002 s.19), sought from a parent."""

    considered_on = GovDateField(noun="the date Section 19 was considered")
    witnessed_on = GovDateField(
        noun="the date Cafcass witnessed consent",
        label="Date Cafcass witnessed consent (if given)",
        required=False,
    )
    withdrawn_on = GovDateField(
        noun="the date consent was withdrawn",
        label="Date consent was withdrawn (if withdrawn)",
        required=False,
    )

    class Meta:
        model = Section19Consent
        fields = ["parent", "status", "considered_on", "witnessed_on", "withdrawn_on", "notes"]
        labels = {
            "parent": "Parent",
            "status": "Where consent stands",
            "notes": "Notes (optional)",
        }
        error_messages = {
            "parent": {
                "required": "Select the parent whose consent is sought",
                "invalid_choice": NOT_A_PARENT,
            },
            "status": {"required": "Select where consent stands"},
        }
        widgets = {"parent": forms.RadioSelect, "status": forms.RadioSelect}

    def __init__(self, *args, child: Child, **kwargs):
        super().__init__(*args, **kwargs)
        parents = FamilyMember.objects.filter(
            child=child, relationship__in=PARENT_RELATIONSHIPS, archived_at__isnull=True
        )
        if self.instance.pk:  # keep the recorded parent even if since archived
            parents = parents | FamilyMember.objects.filter(pk=self.instance.parent_id)
        parent = self.fields["parent"]
        parent.queryset = parents.order_by("relationship", "name")
        parent.empty_label = None
        if not parents.exists():
            parent.help_text = "Add the child's mother or father to the birth family first"
        self.fields["status"].choices = ConsentStatus.choices
        self.child = child

    def clean(self):
        cleaned = super().clean()
        add_errors(
            self,
            section19_errors(
                child=self.child,
                parent=cleaned.get("parent"),
                status=cleaned.get("status"),
                considered_on=cleaned.get("considered_on"),
                witnessed_on=cleaned.get("witnessed_on"),
                withdrawn_on=cleaned.get("withdrawn_on"),
            ),
        )
        return cleaned
