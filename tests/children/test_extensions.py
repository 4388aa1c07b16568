"""The extension points of the child's page (children.extensions), used as a higher app would.

Each test registers what an app above ``children`` (family time, the journey…) would register in
its ``AppConfig.ready()``, with an existing model of ``children`` standing in for the higher app's,
and unregisters it when it ends.
"""

import copy
from datetime import date, timedelta

import pytest
import rules
from django.urls import reverse

from accounts.models import Role
from accounts.permissions import can
from children import extensions, history
from children import models as m
from children.selectors import children_visible_to
from tests.children import factories as f


@pytest.fixture
def raa_worker(make_user):
    from tests.accounts.factories import OrganisationFactory

    agency = OrganisationFactory(name="Example Regional Adoption Agency", code="R01", kind="raa")
    return make_user(Role.SOCIAL_WORKER, organisation=agency, username="raa.worker")


@pytest.fixture
def child(own_team, raa_worker):
    return f.ChildFactory(
        responsible_authority=own_team.organisation,
        team=own_team,
        legal_name="Extension Example",
        referred_to=raa_worker.organisation,
    )


@pytest.fixture
def higher_app_templates(settings, tmp_path):
    """A template directory standing in for a higher app's templates (its own name: the real
    apps above children register tabs of their own)."""
    (tmp_path / "higher_app").mkdir()
    (tmp_path / "higher_app" / "_tab.html").write_text(
        '<h2 class="govuk-heading-m">Family time</h2>'
        '<p class="govuk-body">{{ sessions }} sessions planned for {{ child.display_name }}</p>'
    )
    templates = copy.deepcopy(settings.TEMPLATES)
    templates[0]["DIRS"] = [*templates[0]["DIRS"], tmp_path]
    settings.TEMPLATES = templates
    return tmp_path


def record(client, child) -> str:
    response = client.get(reverse("children:record", args=[child.pk]))
    assert response.status_code == 200
    return response.content.decode()


# --- sections ----------------------------------------------------------------------------------


def test_a_higher_apps_section_is_a_tab_of_the_record_with_its_own_context(
    client_for, social_worker, raa_worker, child, higher_app_templates
):
    def family_time(child, viewer):
        if not can(viewer, "children.view_family_contact_details", child):
            return None  # hidden from the referred agency
        return {"sessions": 3}

    tab = extensions.Section(
        "higher-app", "Higher app", "higher_app/_tab.html", family_time, order=65
    )
    with extensions.registered(extensions.sections, tab):
        page = record(client_for(social_worker), child)
        assert '<a class="govuk-tabs__tab" href="#higher-app">Higher app</a>' in page
        assert 'id="higher-app"' in page
        assert "3 sessions planned for Extension Example" in page
        # after case notes (60), before practice standards (70)
        assert page.index('href="#notes"') < page.index('href="#higher-app"')
        assert page.index('href="#higher-app"') < page.index('href="#standards"')

        agency_page = record(client_for(raa_worker), child)
        assert "#higher-app" not in agency_page
        assert "sessions planned" not in agency_page
        # the child's own tabs are still there, each with its own context
        assert 'href="#reviews"' in agency_page

    assert "#higher-app" not in record(client_for(social_worker), child)


def test_the_childs_own_tabs_are_registered_on_the_extension_point():
    # the higher apps (matching, family time, reunification) register their own tabs beside these
    keys = [s.key for s in extensions.sections if s.template.startswith("children/")]
    assert keys == ["details", "family", "birth", "plan", "court", "reviews", "notes", "standards"]


# --- header facts -------------------------------------------------------------------------------


def test_a_higher_apps_header_fact_shows_in_the_records_summary(
    client_for, social_worker, raa_worker, child
):
    stage = extensions.HeaderFact(
        "Stage", lambda child, viewer, summary: "Family finding", order=5, column=3
    )
    deadline = extensions.HeaderFact(
        "Next deadline",
        lambda child, viewer, summary: (
            None if viewer.organisation_id != child.responsible_authority_id else "None due"
        ),
        order=50,
        column=3,
    )
    with extensions.registered(extensions.header_facts, stage, deadline):
        page = record(client_for(social_worker), child)
        stage_row = (
            '<dt class="govuk-summary-list__key">Stage</dt>'
            '<dd class="govuk-summary-list__value">Family finding</dd>'
        )
        assert stage_row in page
        # first in its column, before the child's own primary plan
        assert page.index(stage_row) < page.index(">Primary plan</dt>")
        assert ">Next deadline</dt>" in page
        assert ">Next deadline</dt>" not in record(client_for(raa_worker), child)
    assert ">Stage</dt>" not in record(client_for(social_worker), child)


def test_the_childs_own_header_facts_keep_their_values(client_for, social_worker, own_team):
    child = f.ChildFactory(responsible_authority=own_team.organisation, team=own_team)
    proceedings = f.ProceedingsFactory(child=child, issued_on=date.today() - timedelta(days=20))
    f.HearingFactory(proceedings=proceedings, listed_on=date.today() + timedelta(days=5))
    f.TwinTrackPlanFactory(child=child)
    page = record(client_for(social_worker), child)
    assert ">Primary plan</dt>" in page
    assert "Return to parents" in page
    assert "Week 3 of 26" in page
    target = proceedings.statutory_end()
    assert f"(26 weeks end {target.day} {target:%B %Y})</span>" in page
    assert f"{date.today() + timedelta(days=5):%B}" in page
    assert ">Social worker</dt>" in page
    assert "Not allocated" in page


# --- chronology sources --------------------------------------------------------------------------


def test_a_higher_apps_chronology_source_can_leave_out_what_a_viewer_may_not_see(
    client_for, social_worker, raa_worker, child
):
    def family_time_events(child, viewer):
        yield extensions.ChronologyEvent(
            date.today() - timedelta(days=3), "Family time", "Family time session held"
        )
        if can(viewer, "children.view_family_contact_details", child):
            yield extensions.ChronologyEvent(
                date.today() - timedelta(days=2), "Family time", "Venue changed to Example Hall"
            )

    with extensions.registered(extensions.chronology_sources, family_time_events):
        url = reverse("children:chronology", args=[child.pk])
        own = client_for(social_worker).get(url).content.decode()
        assert "Family time session held" in own
        assert "Venue changed to Example Hall" in own
        assert own.index("Family time session held") < own.index("Venue changed")

        agency = client_for(raa_worker).get(url).content.decode()
        assert "Family time session held" in agency
        assert "Venue changed to Example Hall" not in agency

        csv_url = reverse("children:chronology_csv", args=[child.pk])
        agency_csv = client_for(raa_worker).get(csv_url).content.decode()
        assert "Family time session held" in agency_csv
        assert "Example Hall" not in agency_csv

    url = reverse("children:chronology", args=[child.pk])
    assert "Family time session held" not in client_for(social_worker).get(url).content.decode()


# --- history sources ----------------------------------------------------------------------------


@pytest.fixture
def case_notes_as_a_higher_apps_record():
    """Case notes stand in for a higher app's record: the child's own source steps aside."""
    own = next(s for s in extensions.history_sources if s.model is m.CaseNote)
    extensions.history_sources.unregister(own)
    source = extensions.HistorySource(
        m.CaseNote,
        "Family time session",
        lambda child: {"child_id": child.pk},
        labels={"summary": "What happened", "happened_on": "Date of the session"},
        private_fields=frozenset({"text"}),
        private_perm="children.view_family_contact_details",
    )
    with extensions.registered(extensions.history_sources, source):
        yield source
    extensions.history_sources.register(own)


def test_a_higher_apps_history_source_shows_its_changes_with_its_labels_and_hidden_fields(
    client_for, social_worker, raa_worker, child, case_notes_as_a_higher_apps_record
):
    f.CaseNoteFactory(
        child=child,
        summary="Session at the contact centre",
        text="Venue: Example Hall",
        happened_on=date(2026, 3, 12),
    )
    url = reverse("children:history", args=[child.pk])
    own = client_for(social_worker).get(url).content.decode()
    assert "Added: Family time session" in own
    assert "<strong>What happened</strong>: Session at the contact centre" in own
    assert "<strong>Date of the session</strong>: 12 March 2026" in own
    assert "Venue: Example Hall" in own

    agency = client_for(raa_worker).get(url).content.decode()
    assert "<strong>What happened</strong>: Session at the contact centre" in agency
    assert "Example Hall" not in agency


# --- visibility --------------------------------------------------------------------------------


def reviews_chaired(user):
    """A relationship standing in for a higher app's: the IRO chairing a child's review."""
    if not user.has_role(Role.IRO):
        return None
    return m.LookedAfterReview.objects.filter(chair=user).values("child_id")


@pytest.fixture
def outside_iro(make_user, other_team):
    return make_user(Role.IRO, team=other_team, username="iro.outside")


def test_a_relationship_registered_by_a_higher_app_lets_its_user_see_the_child(
    client_for, child, outside_iro, other_team, make_user
):
    f.LookedAfterReviewFactory(child=child, chair=outside_iro)
    other_worker = make_user(Role.SOCIAL_WORKER, team=other_team)
    url = reverse("children:record", args=[child.pk])
    assert client_for(outside_iro).get(url).status_code == 404

    with extensions.registered(extensions.visibility, reviews_chaired):
        assert client_for(outside_iro).get(url).status_code == 200
        assert child in children_visible_to(user=outside_iro)
        assert rules.has_perm("children.view_child", outside_iro, child)
        # the relationship is the IRO's own, not their organisation's
        assert client_for(other_worker).get(url).status_code == 404
        assert not rules.has_perm("children.view_child", other_worker, child)
        unrelated = f.ChildFactory(responsible_authority=child.responsible_authority)
        assert unrelated not in children_visible_to(user=outside_iro)
        chronology = reverse("children:chronology", args=[unrelated.pk])
        assert client_for(outside_iro).get(chronology).status_code == 404

    assert client_for(outside_iro).get(url).status_code == 404
    assert not rules.has_perm("children.view_child", outside_iro, child)


def test_a_user_no_relationship_concerns_runs_the_same_query_as_before(social_worker, child):
    before = str(children_visible_to(user=social_worker).query)
    with extensions.registered(extensions.visibility, reviews_chaired):
        assert str(children_visible_to(user=social_worker).query) == before
    assert " OR " in before  # the organisation's children or its referrals, nothing more
    assert before.count(" OR ") == 1


# --- the registries ----------------------------------------------------------------------------


def test_registering_twice_keeps_one_and_unregistering_removes_it():
    fact = extensions.HeaderFact("Stage", lambda child, viewer, summary: "Identified")
    before = len(extensions.header_facts)
    extensions.header_facts.register(fact)
    extensions.header_facts.register(fact)
    assert len(extensions.header_facts) == before + 1
    extensions.header_facts.unregister(fact)
    assert len(extensions.header_facts) == before
    assert fact not in list(extensions.header_facts)


def test_the_childs_own_history_sources_are_registered_on_the_extension_point():
    models = {source.model for source in extensions.history_sources}
    assert {m.Child, m.FamilyMember, m.TwinTrackPlan, m.Hearing, m.CaseNote} <= models
    assert history.OWN_SOURCES[0].label == "Child's details"
