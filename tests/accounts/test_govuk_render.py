"""GOV.UK form markup rendered in Python (accounts.govuk_render) is crispy-forms-gds's markup.

Every form that a declared page shows (tests/<app>/access.py), empty and posted with the
errors its declaration gives, is rendered both ways and the HTML compared (Django's
``assertHTMLEqual``: the same elements, attributes and text, whitespace aside). A form written
later is compared as soon as its page is declared. A form of every kind of widget covers what
the pages may not (checkboxes, a single checkbox, hidden and e-mail inputs, a chosen radio).
"""

import re

import pytest
from crispy_forms.utils import render_crispy_form
from crispy_forms_gds.helper import FormHelper
from django import forms
from django.template import Context, Template
from django.test import SimpleTestCase
from django.urls import reverse

from accounts.govuk import GovDateField, GovFormMixin
from accounts.govuk_render import render_error_summary, render_form
from tests.access_matrix import all_pages, axe_role, build_world
from tests.accounts.second_factor import SignedInClient

pytestmark = pytest.mark.django_db


def _crispy(form: forms.BaseForm) -> str:
    """What ``{% crispy form %}`` gave before: crispy-forms-gds's templates, field by field."""
    helper = FormHelper(form)
    helper.form_tag = False
    html = render_crispy_form(form, helper)
    # crispy-forms-gds writes aria-describedby=" <id>_1_error" (a stray space) without a hint
    return re.sub(r'aria-describedby=" ', 'aria-describedby="', html)


def _crispy_summary(form: forms.BaseForm) -> str:
    return Template("{% load crispy_forms_gds %}{% error_summary form %}").render(
        Context({"form": form})
    )


def _assert_same(form: forms.BaseForm, where: str) -> None:
    # ours first: crispy-forms-gds writes its classes into the widgets' attributes
    ours, summary = render_form(form), render_error_summary(form)
    html = SimpleTestCase()
    html.assertHTMLEqual(ours, _crispy(form), f"{where}: the fields differ")
    html.assertHTMLEqual(summary, _crispy_summary(form), f"{where}: the error summary differs")


def _forms_in(response) -> list[forms.BaseForm]:
    found = []
    for context in response.context or []:
        values = context.flatten().values() if hasattr(context, "flatten") else [context]
        found += [v for v in values if isinstance(v, GovFormMixin) and v not in found]
    return found


def test_every_declared_form_renders_as_crispy_forms_gds_did():
    world = build_world()
    compared = set()
    for url_name, page in sorted(all_pages().items()):
        role = axe_role(page)
        has_form = page.errors is not None or page.no_errors
        if page.method != "get" or role in (None, "anonymous", "superuser") or not has_form:
            continue
        url = reverse(url_name, kwargs=page.kwargs(world) if page.kwargs else None)
        client = SignedInClient()  # an admin has shown their second factor too
        client.force_login(world.user(role))
        shown = [("shown", client.get(url))]
        if page.errors is not None:
            shown.append(("posted with errors", client.post(url, page.errors)))
        for how, response in shown:
            assert response.status_code == 200, f"{url_name} {how}: {response.status_code}"
            for form in _forms_in(response):
                _assert_same(form, f"{url_name} {how} ({type(form).__name__})")
                compared.add((type(form).__name__, how))
    # the walk found the forms (an empty walk cannot pass): radios, dates, choosers, errors
    names = {name for name, _ in compared}
    assert {"ChildForm", "FamilyMemberForm", "ReviewHeldForm", "ConsentForm"} <= names
    assert ("FamilyMemberForm", "posted with errors") in compared


class EveryWidgetForm(GovFormMixin, forms.Form):
    name = forms.CharField(label="Full name", help_text="As on the birth certificate")
    email = forms.EmailField(label="Email address", required=False)
    age = forms.IntegerField(label="Age", required=False)
    notes = forms.CharField(label="Notes", widget=forms.Textarea, required=False)
    kind = forms.ChoiceField(
        label="Kind", choices=[("a", "Apple & pear"), ("b", "Banana")], widget=forms.RadioSelect
    )
    colour = forms.ChoiceField(label="Colour", choices=[("", "Choose"), ("r", "Red")])
    tags = forms.MultipleChoiceField(
        label="Tags",
        help_text="Choose all that apply",
        choices=[("x", "Ex"), ("y", "Why")],
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    agreed = forms.BooleanField(label="I agree", help_text="Tick to agree")
    token = forms.CharField(widget=forms.HiddenInput, required=False)
    seen_on = GovDateField(noun="the visit", required=False)


@pytest.mark.parametrize(
    "data",
    [
        None,
        {},
        {"name": "<b>Ash</b>", "email": "nope", "age": "x", "notes": "a\nb", "kind": "b"},
        {"name": "Ash", "kind": "a", "colour": "r", "tags": ["y"], "agreed": "on"},
        {"name": "Ash", "kind": "z", "seen_on_0": "31", "seen_on_1": "2", "seen_on_2": "2020"},
        {"name": "Ash", "seen_on_0": "", "seen_on_1": "2", "seen_on_2": "2020", "token": "t"},
    ],
    ids=["unbound", "empty", "invalid", "valid", "bad date", "date without a day"],
)
def test_every_kind_of_widget_renders_as_crispy_forms_gds_did(data):
    form = EveryWidgetForm(data=data)
    if data is not None:
        form.is_valid()
    _assert_same(form, f"EveryWidgetForm {data}")


def test_errors_are_prefixed_and_described():
    form = EveryWidgetForm(data={"kind": "a"})
    form.is_valid()
    html = render_form(form)
    assert (
        '<span id="id_name_1_error" class="govuk-error-message">'
        '<span class="govuk-visually-hidden">Error:</span> This field is required.</span>'
    ) in html
    assert 'aria-describedby="id_name_hint id_name_1_error"' in html
    assert 'class="govuk-form-group govuk-form-group--error"' in html
    summary = render_error_summary(form)
    assert '<a href="#id_name">This field is required.</a>' in summary


def test_a_page_that_still_writes_crispy_gets_the_same_fields():
    """``{% crispy form %}`` of a GovFormMixin form renders each field through govuk_render
    (``helper.field_template``): the same markup as ``{% govuk_form form %}``."""
    form = EveryWidgetForm(data={"kind": "z", "seen_on_0": "31", "seen_on_1": "2"})
    form.is_valid()
    ours = render_form(form)
    crispy = Template("{% load crispy_forms_tags %}{% crispy form %}").render(
        Context({"form": form})
    )
    SimpleTestCase().assertHTMLEqual(crispy, ours)


def test_a_form_page_renders_no_template_per_field(client_for, social_worker, own_team):
    """The fields are built in Python: no crispy-forms-gds or Django widget template is
    rendered for them (each was ~0.2–0.5 ms, per field and per radio option)."""
    from django.test.signals import template_rendered

    from tests.children.factories import ChildFactory

    child = ChildFactory(responsible_authority=own_team.organisation, team=own_team)
    names = []

    def record(sender, template, context, **kwargs):
        names.append(template.name)

    template_rendered.connect(record)
    try:
        page = client_for(social_worker).post(
            reverse("children:family_member_add", args=[child.pk]), {}
        )
    finally:
        template_rendered.disconnect(record)
    assert page.status_code == 200
    assert "There is a problem" in page.content.decode()
    per_field = [n for n in names if n.startswith(("gds/", "django/forms/"))]
    assert per_field == []
