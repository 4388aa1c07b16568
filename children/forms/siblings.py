from django import forms

from accounts.govuk import GovFormMixin

from ..models import Child, SiblingGroup, SiblingPlacement


class SiblingGroupForm(GovFormMixin, forms.ModelForm):
    class Meta:
        model = SiblingGroup
        fields = ["name", "placement", "reason", "other_siblings"]
        labels = {
            "name": "Name for the sibling group",
            "placement": "Are the brothers and sisters placed together?",
            "reason": "Why are they placed together or apart?",
            "other_siblings": "Brothers and sisters who are not children in this service "
            "(optional)",
        }
        help_texts = {"name": "For example, the family's surname or case reference"}
        error_messages = {
            "name": {"required": "Enter a name for the sibling group"},
            "placement": {"required": "Select whether the siblings are placed together"},
        }
        widgets = {"placement": forms.RadioSelect}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["placement"].choices = SiblingPlacement.choices

    def clean(self):
        cleaned = super().clean()
        placement = cleaned.get("placement")
        if (
            placement in (SiblingPlacement.APART, SiblingPlacement.PARTLY)
            and not cleaned.get("reason", "").strip()
        ):
            self.add_error("reason", "Enter why the brothers and sisters are placed apart")
        return cleaned


class SiblingLinkForm(GovFormMixin, forms.Form):
    sibling = forms.ModelChoiceField(
        label="Which child is their brother or sister?",
        queryset=Child.objects.none(),
        empty_label="Choose a child",
        error_messages={
            "required": "Choose the brother or sister",
            "invalid_choice": "Choose a brother or sister from your authority's children",
        },
    )

    def __init__(self, *args, child: Child, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["sibling"].queryset = (
            Child.objects.active()
            .filter(responsible_authority_id=child.responsible_authority_id)
            .exclude(pk=child.pk)
            .exclude(sibling_group_id=child.sibling_group_id)
            .order_by("legal_name")
        )
        self.fields["sibling"].label_from_instance = lambda c: (
            f"{c.display_name} ({c.la_child_id})"
        )
