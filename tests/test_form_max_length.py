"""Every form of the project states a text field's limit in its hint and refuses more in GOV.UK
words ("Name must be 200 characters or fewer"), and never lets the browser cut it silently:
``accounts.govuk.GovFormMixin``, walked over every ModelForm's CharFields."""

import importlib
import inspect
import pkgutil

import pytest
from django import forms
from django.urls import reverse

import children.forms
from accounts.govuk import GovFormMixin, field_subject
from children.models import FamilyMember
from tests.children import factories as f
from tests.helpers import error_summary, input_value


def _form_classes() -> list[type[forms.BaseForm]]:
    """Every form class defined in the apps' forms modules."""
    found = {}
    for package in (children.forms,):
        for module_info in pkgutil.iter_modules(package.__path__):
            module = importlib.import_module(f"{package.__name__}.{module_info.name}")
            for _name, cls in inspect.getmembers(module, inspect.isclass):
                if (
                    issubclass(cls, forms.BaseForm)
                    and cls.__module__ == module.__name__
                    and not cls.__name__.startswith("_")
                ):
                    found[cls.__qualname__] = cls
    import accounts.forms

    for _name, cls in inspect.getmembers(accounts.forms, inspect.isclass):
        if issubclass(cls, forms.BaseForm) and cls.__module__ == "accounts.forms":
            found[cls.__qualname__] = cls
    return sorted(found.values(), key=lambda cls: cls.__qualname__)


MODEL_FORMS = [cls for cls in _form_classes() if issubclass(cls, forms.BaseModelForm)]


def test_every_model_form_is_a_gov_form():
    assert MODEL_FORMS  # the walk found them
    assert [cls.__name__ for cls in MODEL_FORMS if not issubclass(cls, GovFormMixin)] == []


@pytest.fixture
def records(own_team, social_worker):
    child = f.ChildFactory(responsible_authority=own_team.organisation, team=own_team)
    proceedings = f.ProceedingsFactory(child=child)
    return {
        "child": child,
        "organisation_id": own_team.organisation_id,
        "user": social_worker,
        "proceedings": proceedings,
        "hearing": f.HearingFactory(proceedings=proceedings),
        "concern": f.IROConcernFactory(child=child),
        "current": None,
        "item": f.PracticeStandardItemFactory(),
        "pre_proceedings": f.PreProceedingsFactory(child=child),
    }


def _make(cls, records, data=None):
    wanted = {
        name
        for klass in cls.__mro__
        if "__init__" in klass.__dict__
        for name in inspect.signature(inspect.unwrap(klass.__dict__["__init__"])).parameters
    }
    kwargs = {name: value for name, value in records.items() if name in wanted}
    return cls(data=data, **kwargs)


@pytest.mark.parametrize("cls", MODEL_FORMS, ids=lambda cls: cls.__name__)
def test_every_model_forms_text_fields_state_and_refuse_their_limit(cls, records):
    form = _make(cls, records)
    limited = {
        name: field
        for name, field in form.fields.items()
        if isinstance(field, forms.CharField) and field.max_length
    }
    for name, field in limited.items():
        limit = f"{field.max_length} characters or fewer"
        assert f"Must be {limit}" in str(field.help_text), (cls.__name__, name)
        assert "maxlength" not in field.widget.attrs, (cls.__name__, name)
        bound = _make(cls, records, data={name: "x" * (field.max_length + 1)})
        bound.is_valid()
        message = f"{field_subject(name, field)} must be {limit}"
        assert message in bound.errors.get(name, []), (cls.__name__, name, bound.errors.get(name))


def test_a_10000_character_name_is_refused_in_govuk_words_and_kept(
    client_for, social_worker, own_team
):
    child = f.ChildFactory(responsible_authority=own_team.organisation, team=own_team)
    long_name = "A" * 10_000
    url = reverse("children:family_member_add", args=[child.pk])
    page = client_for(social_worker).get(url).content.decode()
    assert "Must be 200 characters or fewer" in page
    assert 'maxlength="200"' not in page
    response = client_for(social_worker).post(
        url, {"name": long_name, "relationship": "mother", "parental_responsibility": "yes"}
    )
    html = response.content.decode()
    # the field is labelled "Full name"
    assert "Full name must be 200 characters or fewer" in error_summary(html)
    assert "Ensure this value" not in html
    assert input_value(html, "name") == long_name
    assert not FamilyMember.objects.filter(child=child).exists()


def test_the_field_subject_drops_hints_and_questions():
    assert field_subject("known_as", forms.CharField(label="Known as (optional)")) == "Known as"
    assert field_subject("name", forms.CharField(label="What is their name?")) == "Name"
