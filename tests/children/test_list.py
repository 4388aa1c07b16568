"""The children list: it opens on what the role works with, and says what each plan is."""

import pytest
from django.urls import reverse

from accounts.models import OrganisationKind, Role
from children.models import Track
from tests.accounts.factories import OrganisationFactory, TeamFactory
from tests.children.factories import ChildFactory, TwinTrackPlanFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def agency():
    return OrganisationFactory(
        name="Fenvale Adoption Partnership",
        code="RAA1",
        kind=OrganisationKind.REGIONAL_ADOPTION_AGENCY,
    )


@pytest.fixture
def children(own_team, make_user, agency):
    """Three children of the own council: one allocated to a worker, one reviewed by an IRO,
    one of another team of the council; only the first is referred to the agency."""
    org = own_team.organisation
    worker = make_user(Role.SOCIAL_WORKER, team=own_team, username="sw.caseload")
    iro = make_user(Role.IRO, team=own_team, username="iro.reviews")
    other_team = TeamFactory(organisation=org, name="Children in Care Team")
    return {
        "worker": worker,
        "iro": iro,
        "allocated": ChildFactory(
            responsible_authority=org,
            team=own_team,
            legal_name="Allocated Example",
            social_worker=worker,
            referred_to=agency,
        ),
        "reviewed": ChildFactory(
            responsible_authority=org, team=own_team, legal_name="Reviewed Example", iro=iro
        ),
        "elsewhere": ChildFactory(
            responsible_authority=org, team=other_team, legal_name="Elsewhere Example"
        ),
    }


def _names(client, **params) -> set[str]:
    response = client.get(reverse("children:list"), params)
    assert response.status_code == 200
    page = response.content.decode()
    return {
        name
        for name in ("Allocated Example", "Reviewed Example", "Elsewhere Example")
        if name in page
    }


def _selected_scope(client) -> str:
    page = client.get(reverse("children:list")).content.decode()
    select = page.split('name="scope"')[1].split("</select>")[0]
    return select.split(" selected>")[0].rsplit('value="', 1)[1].split('"')[0]


def test_a_team_managers_list_opens_on_their_teams_children(
    client_for, make_user, own_team, children
):
    manager = make_user(Role.TEAM_MANAGER, team=own_team)
    client = client_for(manager)
    assert _names(client) == {"Allocated Example", "Reviewed Example"}
    assert _selected_scope(client) == "team"


def test_an_agencys_list_opens_on_the_children_referred_to_it(
    client_for, make_user, agency, children
):
    agency_worker = make_user(Role.SOCIAL_WORKER, team=TeamFactory(organisation=agency))
    client = client_for(agency_worker)
    assert _names(client) == {"Allocated Example"}
    assert _selected_scope(client) == "all"


def test_a_social_workers_list_opens_on_their_caseload(client_for, children):
    client = client_for(children["worker"])
    assert _names(client) == {"Allocated Example"}
    assert _selected_scope(client) == "mine"
    # and the other scopes are one choice away
    assert _names(client, scope="team") == {"Allocated Example", "Reviewed Example"}
    assert _names(client, scope="all") == {
        "Allocated Example",
        "Reviewed Example",
        "Elsewhere Example",
    }


def test_an_iros_list_opens_on_the_children_they_review(client_for, children):
    client = client_for(children["iro"])
    assert _names(client) == {"Reviewed Example"}
    assert _selected_scope(client) == "mine"


def test_a_nominated_officers_list_opens_on_all_they_can_see(
    client_for, make_user, own_team, children
):
    officer = make_user(Role.NOMINATED_OFFICER, team=own_team)
    client = client_for(officer)
    assert _names(client) == {"Allocated Example", "Reviewed Example", "Elsewhere Example"}
    assert _selected_scope(client) == "all"


def test_the_list_shows_the_primary_plan_in_words(client_for, children):
    TwinTrackPlanFactory(
        child=children["allocated"], primary=Track.PARENTS, parents_who="Birth mother"
    )
    TwinTrackPlanFactory(child=children["reviewed"], primary=Track.ADOPTION)
    page = client_for(children["worker"]).get(reverse("children:list"), {"scope": "all"})
    text = page.content.decode()
    assert "Return to parents (Birth mother)" in text
    assert "Adoption through early permanence" in text
    assert ">Not set<" in text  # the child with no plan yet
