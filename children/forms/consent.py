"""Forms about who may consent, and when: consent to placement for adoption, a written agreement
for a baby under six weeks, a father without parental responsibility, parental responsibility, a
Part 19 application and section 20 accommodation. Each ``clean()`` calls the service's own
``<entity>_errors`` function, so every message shows on the first submit."""

from django import forms
from django.db.models import Q

from accounts.govuk import GovDateField, GovFormMixin, add_errors

from ..models import (
    GUARDIAN_RELATIONSHIPS,
    Child,
    ConsentKind,
    ConsentStatus,
    ConsentToPlacement,
    FamilyMember,
    FatherWithoutPR,
    Informed,
    Part19Application,
    Part19Outcome,
    PRBasis,
    Relationship,
    Section20Accommodation,
    Section20End,
    WrittenAgreement,
    YesNoUnknown,
)
from ..services.consent import (
    NOT_A_CONSENTER,
    NOT_A_FATHER,
    consent_errors,
    father_without_pr_errors,
    parental_responsibility_errors,
    part19_errors,
    section20_errors,
    written_agreement_errors,
)

FATHERS = (Relationship.FATHER, Relationship.ALLEGED_FATHER)
# a father holds PR on a recorded basis, or (basis not yet recorded) by the family member form's
# answer; the rules check the dates (PR from the day it began)
_HOLDS_PR = (
    Q(relationship=Relationship.MOTHER)
    | Q(relationship__in=GUARDIAN_RELATIONSHIPS)
    | (
        Q(relationship__in=FATHERS)
        & (
            (~Q(pr_basis__in=["", PRBasis.NONE]))
            | Q(pr_basis="", parental_responsibility=YesNoUnknown.YES)
        )
    )
)


def _people(field, child: Child, condition: Q, kept_pk=None, empty: str = "") -> None:
    """Offer this child's (unarchived) family members that meet ``condition`` as radios."""
    people = FamilyMember.objects.filter(child=child, archived_at__isnull=True).filter(condition)
    if kept_pk:  # keep the recorded person even if since archived or changed
        people = people | FamilyMember.objects.filter(pk=kept_pk)
    field.queryset = people.order_by("relationship", "name")
    field.empty_label = None
    field.label_from_instance = lambda m: f"{m.name} ({m.get_relationship_display().lower()})"


class ConsentForm(GovFormMixin, forms.ModelForm):
    """Consent to placement for adoption (ACA 2002 s.19), from a parent with parental
    responsibility or a guardian, witnessed by Cafcass; with advance consent (s.20)."""

    considered_on = GovDateField(noun="the date consent was first discussed")
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
    advance_consent_on = GovDateField(
        noun="the date of advance consent",
        label="Date of advance consent to an adoption order, section 20 (optional)",
        required=False,
    )
    no_notice_statement_on = GovDateField(
        noun="the date of the statement",
        label="Date of the statement that they do not wish to be told of an adoption "
        "application, section 20(4)(a) (optional)",
        required=False,
    )

    class Meta:
        model = ConsentToPlacement
        fields = [
            "parent",
            "status",
            "kind",
            "considered_on",
            "witnessed_on",
            "withdrawn_on",
            "advance_consent_on",
            "no_notice_statement_on",
            "notes",
        ]
        labels = {
            "parent": "Parent or guardian",
            "status": "Where consent stands",
            "kind": "Kind of consent (once given)",
            "notes": "Notes (optional)",
        }
        help_texts = {
            "parent": "Each parent with parental responsibility and each guardian (special "
            "guardians included) consents. A father without parental responsibility is not asked: "
            "record him as a father without parental responsibility."
        }
        error_messages = {
            "parent": {
                "required": "Select the parent or guardian whose consent is sought",
                "invalid_choice": NOT_A_CONSENTER,
            },
            "status": {"required": "Select where consent stands"},
        }
        widgets = {
            "parent": forms.RadioSelect,
            "status": forms.RadioSelect,
            "kind": forms.RadioSelect,
        }

    def __init__(self, *args, child: Child, **kwargs):
        super().__init__(*args, **kwargs)
        _people(self.fields["parent"], child, _HOLDS_PR, self.instance.parent_id)
        self.fields["status"].choices = ConsentStatus.choices
        self.fields["kind"].choices = [("", "Not given yet"), *ConsentKind.choices]
        self.child = child

    def clean(self):
        cleaned = super().clean()
        add_errors(
            self,
            consent_errors(
                child=self.child,
                parent=cleaned.get("parent"),
                status=cleaned.get("status"),
                kind=cleaned.get("kind"),
                considered_on=cleaned.get("considered_on"),
                witnessed_on=cleaned.get("witnessed_on"),
                withdrawn_on=cleaned.get("withdrawn_on"),
                advance_consent_on=cleaned.get("advance_consent_on"),
                no_notice_statement_on=cleaned.get("no_notice_statement_on"),
            ),
        )
        return cleaned


class WrittenAgreementForm(GovFormMixin, forms.ModelForm):
    """A parent's written agreement to placing a baby under six weeks (AAR reg 35(4))."""

    agreed_on = GovDateField(noun="the written agreement")

    class Meta:
        model = WrittenAgreement
        fields = ["parent", "agreed_on", "notes"]
        labels = {"parent": "Parent or guardian", "notes": "Notes (optional)"}
        error_messages = {
            "parent": {
                "required": "Select the parent who agreed",
                "invalid_choice": NOT_A_CONSENTER,
            }
        }
        widgets = {"parent": forms.RadioSelect}

    def __init__(self, *args, child: Child, **kwargs):
        super().__init__(*args, **kwargs)
        _people(self.fields["parent"], child, _HOLDS_PR, self.instance.parent_id)
        self.child = child

    def clean(self):
        cleaned = super().clean()
        add_errors(
            self,
            written_agreement_errors(
                child=self.child, parent=cleaned.get("parent"), agreed_on=cleaned.get("agreed_on")
            ),
        )
        return cleaned


class FatherWithoutPRForm(GovFormMixin, forms.ModelForm):
    """A father without parental responsibility (AAR reg 14)."""

    informed_on = GovDateField(
        noun="the date he was informed", label="Date he was informed (if informed)", required=False
    )
    counselled_on = GovDateField(
        noun="the date he was counselled",
        label="Date he was counselled (optional)",
        required=False,
    )

    class Meta:
        model = FatherWithoutPR
        fields = [
            "father",
            "identity_known",
            "informed",
            "informed_on",
            "decided_by",
            "decision_reason",
            "counselled_on",
            "wishes",
            "notes",
        ]
        labels = {
            "father": "Father",
            "identity_known": "Is his identity known?",
            "informed": "Has he been told of the plan for adoption?",
            "decided_by": "Who decided not to inform him (if not informed)",
            "decision_reason": "Why he is not informed (if not informed)",
            "wishes": "His wishes and feelings (optional)",
            "notes": "Notes (optional)",
        }
        error_messages = {
            "father": {"invalid_choice": NOT_A_FATHER},
            "identity_known": {"required": "Select whether his identity is known"},
            "informed": {"required": "Select whether he has been informed"},
        }
        widgets = {
            "father": forms.RadioSelect,
            "identity_known": forms.RadioSelect,
            "informed": forms.RadioSelect,
        }

    def __init__(self, *args, child: Child, **kwargs):
        super().__init__(*args, **kwargs)
        father = self.fields["father"]
        _people(father, child, Q(relationship__in=FATHERS) & ~_HOLDS_PR, self.instance.father_id)
        father.required = False
        father.empty_label = "Not identified"
        self.fields["identity_known"].choices = YesNoUnknown.choices
        self.fields["informed"].choices = Informed.choices
        self.child = child

    def clean(self):
        cleaned = super().clean()
        add_errors(
            self,
            father_without_pr_errors(
                child=self.child,
                father=cleaned.get("father"),
                identity_known=cleaned.get("identity_known"),
                informed=cleaned.get("informed"),
                informed_on=cleaned.get("informed_on"),
                decided_by=cleaned.get("decided_by", ""),
                decision_reason=cleaned.get("decision_reason", ""),
                counselled_on=cleaned.get("counselled_on"),
            ),
        )
        return cleaned


class ParentalResponsibilityForm(GovFormMixin, forms.Form):
    """How and since when a family member holds parental responsibility (CA 1989 ss.2, 4)."""

    basis = forms.ChoiceField(
        label="How do they have parental responsibility?",
        choices=PRBasis.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Select how they have parental responsibility"},
    )
    acquired_on = GovDateField(
        noun="the date parental responsibility began",
        label="Date parental responsibility began",
        help_text="The date of birth for a mother, or a father married to the mother or on the "
        "birth register; otherwise the date of the agreement or order. For example, 27 3 2026",
        required=False,
    )

    def __init__(self, *args, member: FamilyMember, **kwargs):
        super().__init__(*args, **kwargs)
        self.member = member

    def clean(self):
        cleaned = super().clean()
        if "basis" in cleaned:
            add_errors(
                self,
                parental_responsibility_errors(
                    member=self.member,
                    basis=cleaned.get("basis"),
                    acquired_on=cleaned.get("acquired_on"),
                ),
            )
        return cleaned


class Part19Form(GovFormMixin, forms.ModelForm):
    """An application to the court for guidance under FPR Part 19 (Standard 2.9)."""

    applied_on = GovDateField(noun="the date the application was made")
    issued_on = GovDateField(
        noun="the date the application was issued",
        label="Date the application was issued (optional)",
        required=False,
    )
    decided_on = GovDateField(
        noun="the date of the decision",
        label="Date of the decision (once decided)",
        required=False,
    )

    class Meta:
        model = Part19Application
        fields = [
            "question",
            "applied_on",
            "issued_on",
            "directions",
            "outcome",
            "decided_on",
            "notes",
        ]
        labels = {
            "question": "What the court is asked",
            "directions": "Directions the court made (optional)",
            "outcome": "The court's decision",
            "notes": "Notes (optional)",
        }
        error_messages = {"question": {"required": "Enter what the court is asked"}}
        widgets = {"outcome": forms.RadioSelect}

    def __init__(self, *args, child: Child, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["outcome"].choices = Part19Outcome.choices
        self.child = child

    def clean(self):
        cleaned = super().clean()
        add_errors(
            self,
            part19_errors(
                applied_on=cleaned.get("applied_on"),
                issued_on=cleaned.get("issued_on"),
                outcome=cleaned.get("outcome"),
                decided_on=cleaned.get("decided_on"),
            ),
        )
        return cleaned


class Section20Form(GovFormMixin, forms.ModelForm):
    """Accommodation under section 20 of the Children Act 1989."""

    agreed_on = GovDateField(noun="the agreement")
    withdrawn_on = GovDateField(
        noun="the date the parent withdrew agreement",
        label="Date the parent withdrew agreement (if withdrawn)",
        required=False,
    )
    ended_on = GovDateField(
        noun="the date accommodation under section 20 ended",
        label="Date accommodation under section 20 ended (if ended)",
        required=False,
    )

    class Meta:
        model = Section20Accommodation
        fields = [
            "agreed_by",
            "agreed_on",
            "capacity_checked",
            "told_of_right_to_remove",
            "withdrawn_on",
            "ended_on",
            "end_reason",
            "notes",
        ]
        labels = {
            "agreed_by": "Who agreed",
            "capacity_checked": "Their capacity to agree was checked",
            "told_of_right_to_remove": "They were told they may remove the child at any time "
            "(section 20(8))",
            "end_reason": "Why it ended (if ended)",
            "notes": "Notes (optional)",
        }
        error_messages = {
            "agreed_by": {
                "required": "Select who agreed",
                "invalid_choice": "Choose a person with parental responsibility for this child",
            }
        }
        widgets = {"agreed_by": forms.RadioSelect, "end_reason": forms.RadioSelect}

    def __init__(self, *args, child: Child, **kwargs):
        super().__init__(*args, **kwargs)
        _people(self.fields["agreed_by"], child, _HOLDS_PR, self.instance.agreed_by_id)
        self.fields["end_reason"].choices = [("", "Not ended"), *Section20End.choices]
        self.child = child

    def clean(self):
        cleaned = super().clean()
        add_errors(
            self,
            section20_errors(
                child=self.child,
                agreed_by=cleaned.get("agreed_by"),
                agreed_on=cleaned.get("agreed_on"),
                withdrawn_on=cleaned.get("withdrawn_on"),
                ended_on=cleaned.get("ended_on"),
                end_reason=cleaned.get("end_reason"),
            ),
        )
        return cleaned
