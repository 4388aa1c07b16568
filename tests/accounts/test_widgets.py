"""accounts.widgets.Select renders in Python exactly what Django's select templates render."""

import pytest
from django import forms

from accounts.models import Organisation
from accounts.widgets import Select
from tests.accounts.factories import OrganisationFactory

CHOICES = [("", "Choose"), ("a", "Apple & <pear>"), ("b", "Banana"), ("b", "Banana again")]
GROUPED = [("", "None"), ("Fruit", [("a", "Apple"), ("b", "Banana")]), ("c", "Cherry")]


class _Multiple(Select):
    allow_multiple_selected = True


@pytest.mark.parametrize(
    ("choices", "value", "attrs"),
    [
        (CHOICES, None, None),
        (CHOICES, "b", {"id": "id_fruit", "class": "govuk-select"}),  # the first "b" only
        (CHOICES, "z", {"aria-describedby": "x_hint", "required": True, "disabled": False}),
        (GROUPED, "b", None),
        ([(None, "Nothing"), (1, "One"), (2, "Two")], 2, {"id": "n"}),
    ],
)
def test_select_renders_as_django(choices, value, attrs):
    django_html = forms.Select(choices=choices).render("fruit", value, attrs)
    assert Select(choices=choices).render("fruit", value, attrs) == django_html


def test_a_multiple_select_renders_as_django():
    django_html = forms.SelectMultiple(choices=CHOICES).render("fruit", ["a", "b"], None)
    assert _Multiple(choices=CHOICES).render("fruit", ["a", "b"], None) == django_html


@pytest.mark.django_db
def test_a_model_choice_select_renders_as_django():
    chosen = OrganisationFactory(name="Northmoor Council", code="901")
    OrganisationFactory(name="Eastbridge Borough Council", code="902")
    field = forms.ModelChoiceField(queryset=Organisation.objects.order_by("name"))
    ours = forms.ModelChoiceField(queryset=Organisation.objects.order_by("name"), widget=Select)
    assert ours.widget.render("org", chosen.pk, {"id": "id_org"}) == field.widget.render(
        "org", chosen.pk, {"id": "id_org"}
    )
