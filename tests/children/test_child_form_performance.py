"""The child form's page does not grow with the authority's teams: its selects render their
options in Python (accounts.widgets.Select), with Django's markup byte for byte."""

import pytest
from django import forms

from accounts.widgets import Select
from children.forms import ChildForm
from tests.accounts.factories import TeamFactory


@pytest.mark.parametrize(
    ("choices", "value", "attrs"),
    [
        ([("", "Not known yet"), ("m", "Male"), ("f", 'Fe<male> & "x"')], "f", {}),
        ([(1, "One"), (2, "Two")], None, {"class": "govuk-select", "aria-describedby": "a b"}),
        ([("Group <1>", [("a", "A"), ("b", "B")]), ("c", "C")], ["a"], {"disabled": True}),
        ([], "", {"required": False, "id": "id_x"}),
    ],
)
def test_select_renders_as_django_does(choices, value, attrs):
    ours = Select(choices=choices).render("x", value, attrs=attrs)
    django = forms.Select(choices=choices).render("x", value, attrs=attrs)
    assert ours == django


def test_child_form_selects_render_as_django_does(own_org, own_team):
    for n in range(5):
        TeamFactory(organisation=own_org, name=f"Team <{n}> & co")
    form = ChildForm(
        organisation_id=own_org.pk, initial={"team": own_team.pk, "ethnicity": "WBRI"}
    )
    for name in ("sex", "ethnicity", "disability", "team", "referred_to"):
        field = form[name]
        assert isinstance(field.field.widget, Select)
        plain = forms.Select(choices=field.field.widget.choices)
        plain.is_required = field.field.widget.is_required
        assert field.as_widget() == field.as_widget(widget=plain)


def test_child_form_page_renders_no_template_per_team(own_org, social_worker, client_for):
    """Each team is one more option, rendered without a template include (the template per
    option was ~0.2 ms: 100 teams, ~20 ms); counted here, not timed."""
    from django.test.signals import template_rendered
    from django.urls import reverse

    client = client_for(social_worker)

    def rendered_templates() -> int:
        names = []

        def record(sender, template, context, **kwargs):
            names.append(template.name)

        template_rendered.connect(record)
        try:
            assert client.get(reverse("children:create")).status_code == 200
        finally:
            template_rendered.disconnect(record)
        return len(names)

    before = rendered_templates()
    for n in range(30):
        TeamFactory(organisation=own_org, name=f"More team {n}")
    assert rendered_templates() == before


def test_edit_page_reads_the_childs_row_once(own_team, social_worker, client_for):
    """The form's instance is a copy of the child the page already loaded, not a second read."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext
    from django.urls import reverse

    from tests.children.factories import ChildFactory

    child = ChildFactory(responsible_authority=own_team.organisation, team=own_team)
    client = client_for(social_worker)
    with CaptureQueriesContext(connection) as queries:
        page = client.get(reverse("children:edit", args=[child.pk]))
    assert page.status_code == 200
    reads = [q["sql"] for q in queries if q["sql"].startswith('SELECT "children_child"."id"')]
    assert len(reads) == 1, reads
