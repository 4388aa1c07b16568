from urllib.parse import urlencode

from django import forms
from django.urls import reverse

from accounts.autocomplete import ChooserField
from accounts.govuk import GovFormMixin

from ..models import Child, SiblingGroup, SiblingPlacement
from ..selectors.search import child_hint, child_label, children_matching, sibling_candidates


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

    # "placed apart needs a reason" is the model's own rule (SiblingGroup.clean), which the
    # ModelForm runs on the same submit as its field checks

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["placement"].choices = SiblingPlacement.choices


class SiblingLinkForm(GovFormMixin, forms.Form):
    # found by name or child ID: the authority may have tens of thousands of children
    sibling = ChooserField(
        label="Which child is their brother or sister?",
        search=children_matching,
        noun="child",
        scope="of your authority",
        label_from_instance=child_label,
        hint_from_instance=child_hint,
        empty_label="Choose a child",
        help_text="Type part of their name or their child ID",
        error_messages={
            "required": "Choose the brother or sister",
            "invalid_choice": "Choose a brother or sister from your authority's children",
        },
    )

    def __init__(self, *args, child: Child, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["sibling"].queryset = sibling_candidates(child)
        self.fields[
            "sibling"
        ].source = f"{reverse('children:search')}?{urlencode({'sibling_of': child.pk})}"
