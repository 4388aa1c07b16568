"""The twin-track plan's real shape (issue 9 item 4; LAW.md "Records and words"): tracks, not
letters; the family network in order; fostering for adoption on its s.22C(9A) basis or
concurrent planning; one track preferred; the local authority's plan, which the court
scrutinises; existing versions migrated without loss."""

from datetime import timedelta
from importlib import import_module

import pytest
from django.apps import apps
from django.core.exceptions import ValidationError
from django.urls import reverse

from children import services
from children.models import EPType, FfaBasis, PlanningMeeting, Relationship, Track, TwinTrackPlan
from tests.children.factories import ChildFactory, FamilyMemberFactory, TwinTrackPlanFactory
from tests.helpers import TODAY, checked_value, date_fields, field_error

pytestmark = pytest.mark.usefixtures("_frozen_today")

MIGRATION = import_module("children.migrations.0014_plan_tracks_not_letters")


@pytest.fixture
def child(own_team):
    return ChildFactory(responsible_authority=own_team.organisation, team=own_team)


@pytest.fixture
def grandmother(child):
    return FamilyMemberFactory(
        child=child,
        name="Pat Example",
        relationship=Relationship.GRANDPARENT,
        relationship_detail="Maternal grandmother",
    )


@pytest.fixture
def aunt(child):
    return FamilyMemberFactory(
        child=child, name="Jo Example", relationship=Relationship.AUNT_UNCLE
    )


def plan(child, by, **fields):
    arguments = {
        "primary": Track.ADOPTION,
        "ep_type": EPType.FFA,
        "ffa_basis": FfaBasis.CONSIDERING,
        "meeting": PlanningMeeting.LEGAL_GATEWAY,
        "meeting_on": TODAY,
        **fields,
    }
    return services.plan_set(child=child, by=by, **arguments)


def refused(child, by, **fields) -> dict:
    with pytest.raises(ValidationError) as error:
        plan(child, by, **fields)
    return error.value.message_dict


def test_a_plan_of_three_tracks_with_the_family_network_in_order(
    child, social_worker, grandmother, aunt
):
    saved = plan(
        child,
        social_worker,
        parents_who="Amy Parent (mother)",
        parents_conditions="Residential parenting assessment",
        family_first=aunt,
        family_second=grandmother,
        ep_type=EPType.FFA,
        ffa_basis=FfaBasis.SHOULD_BE_PLACED,
    )
    assert saved.tracks == [Track.PARENTS, Track.FAMILY, Track.ADOPTION]
    assert saved.family_choices == [aunt, grandmother]


def test_the_preferred_track_is_one_the_plan_has(child, social_worker):
    assert refused(child, social_worker, primary=Track.PARENTS) == {
        "parents_who": ["Enter which parent the child would return to"]
    }
    assert refused(child, social_worker, primary=Track.FAMILY) == {
        "family_first": ["Choose who in the family network the child would live with"]
    }
    assert refused(child, social_worker, primary=Track.ADOPTION, ep_type="", ffa_basis="") == {
        "ep_type": ["Select fostering for adoption or concurrent planning"]
    }


def test_fostering_for_adoption_is_on_its_s22c_9a_basis(child, social_worker):
    # CA 1989 s.22C(9A)(a) or (b)
    assert refused(child, social_worker, ffa_basis="") == {
        "ffa_basis": ["Select the basis for fostering for adoption"]
    }
    assert refused(child, social_worker, ep_type=EPType.CONCURRENT) == {
        "ffa_basis": ["A basis under s.22C(9A) is for fostering for adoption only"]
    }
    concurrent = plan(child, social_worker, ep_type=EPType.CONCURRENT, ffa_basis="")
    assert concurrent.get_ep_type_display() == "Concurrent planning"


def test_the_family_network_is_the_wider_family_in_order_once_each(
    child, social_worker, grandmother, own_team
):
    mother = FamilyMemberFactory(child=child, relationship=Relationship.MOTHER)
    stranger = FamilyMemberFactory(
        child=ChildFactory(responsible_authority=own_team.organisation, team=own_team)
    )
    assert refused(child, social_worker, family_second=grandmother) == {
        "family_first": ["Choose the first choice in the family network"]
    }
    assert refused(child, social_worker, family_first=mother) == {
        "family_first": ["Choose a member of the wider family: parents are the other track"]
    }
    assert refused(child, social_worker, family_first=stranger) == {
        "family_first": ["Choose a member of this child's family network"]
    }
    assert refused(child, social_worker, family_first=grandmother, family_second=grandmother) == {
        "family_second": ["Pat Example is already a choice in the family network"]
    }


def test_the_court_does_not_decide_the_plan(child, social_worker):
    assert "court" not in PlanningMeeting.values
    saved = plan(
        child,
        social_worker,
        court_scrutiny="The court endorsed twin-track planning at the CMH.",
    )
    assert saved.court_scrutiny.startswith("The court endorsed")


def test_the_form_offers_the_childs_wider_family_and_keeps_what_was_typed(
    client_for, social_worker, child, grandmother
):
    mother = FamilyMemberFactory(child=child, relationship=Relationship.MOTHER)
    url = reverse("children:plan_set", args=[child.pk])
    page = client_for(social_worker).get(url).content.decode()
    assert "Pat Example (Maternal grandmother)" in page
    assert f'<option value="{mother.pk}"' not in page
    response = client_for(social_worker).post(
        url,
        {
            "primary": Track.FAMILY,
            "parents_who": "",
            "parents_conditions": "",
            "parents_interventions": "",
            "family_first": "",
            "family_second": str(grandmother.pk),
            "family_third": "",
            "family_summary": "Kinship assessment of the grandmother",
            "ep_type": EPType.FFA,
            "ffa_basis": "",
            "adoption_summary": "",
            "meeting": PlanningMeeting.PERMANENCE_PLANNING,
            "reason": "",
            "court_scrutiny": "",
            **date_fields("meeting_on", TODAY - timedelta(days=1)),
        },
    )
    html = response.content.decode()
    assert field_error(html, "family_first", "Choose the first choice in the family network")
    assert field_error(html, "ffa_basis", "Select the basis for fostering for adoption")
    assert checked_value(html, "primary") == Track.FAMILY
    assert "Kinship assessment of the grandmother" in html
    assert not TwinTrackPlan.objects.exists()


def test_the_record_shows_each_track_and_the_preferred_one(
    client_for, social_worker, child, grandmother
):
    plan(
        child,
        social_worker,
        primary=Track.FAMILY,
        family_first=grandmother,
        parents_who="Amy Parent (mother)",
        parents_conditions="Abstinence",
    )
    html = client_for(social_worker).get(reverse("children:record", args=[child.pk]))
    html = html.content.decode()
    section = html[html.index('id="plan"') :]
    assert "<strong>The family network</strong>" in section
    assert "Pat Example (Maternal grandmother)" in section
    assert "s.22C(9A)(a): the local authority is considering adoption" in section
    assert "Plan A" not in section
    assert "Plan B" not in section


# --- existing versions migrated without loss ------------------------------------------------


def test_existing_plan_versions_are_migrated_without_loss(child):
    plan_a = TwinTrackPlanFactory(
        child=child,
        parents_who="Birth mother",
        parents_conditions="Residential assessment",
        adoption_summary="FFA with the Ash household",
        meeting_on=TODAY - timedelta(days=30),
    )
    plan_b = TwinTrackPlanFactory(child=child, meeting_on=TODAY - timedelta(days=10))
    # as the rows stood before the migration: letters, and the court as the deciding body
    TwinTrackPlan.objects.filter(pk=plan_a.pk).update(primary="A")
    TwinTrackPlan.objects.filter(pk=plan_b.pk).update(primary="B", meeting="court")
    TwinTrackPlan.history.model.objects.filter(id=plan_b.pk).update(primary="B", meeting="court")

    MIGRATION.tracks_not_letters(apps, None)

    plan_a.refresh_from_db()
    plan_b.refresh_from_db()
    assert plan_a.primary == Track.PARENTS
    assert (plan_a.parents_who, plan_a.parents_conditions) == (
        "Birth mother",
        "Residential assessment",
    )
    assert plan_a.adoption_summary == "FFA with the Ash household"
    assert plan_b.primary == Track.ADOPTION
    assert plan_b.meeting == PlanningMeeting.OTHER
    assert plan_b.court_scrutiny == MIGRATION.COURT_NOTE
    assert set(TwinTrackPlan.history.model.objects.values_list("primary", flat=True)) <= {
        "parents",
        "adoption",
    }
    # and back again, as they were
    MIGRATION.letters_again(apps, None)
    plan_b.refresh_from_db()
    assert (plan_b.primary, plan_b.meeting, plan_b.court_scrutiny) == ("B", "court", "")
