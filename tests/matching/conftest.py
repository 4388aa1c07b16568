import pytest

from accounts.models import OrganisationKind, Role
from tests.accounts.factories import OrganisationFactory, TeamFactory
from tests.carers.factories import build_household
from tests.children.factories import ChildFactory


@pytest.fixture
def agency(db):
    return OrganisationFactory(
        name="Fenvale Adoption Partnership",
        code="RAA1",
        kind=OrganisationKind.REGIONAL_ADOPTION_AGENCY,
    )


@pytest.fixture
def agency_team(agency):
    return TeamFactory(organisation=agency, name="Recruitment and Assessment Team")


@pytest.fixture
def ssw(make_user, agency_team):
    return make_user(Role.SUPERVISING_SOCIAL_WORKER, team=agency_team, username="ssw.raa")


@pytest.fixture
def team_manager(make_user, own_team):
    return make_user(Role.TEAM_MANAGER, team=own_team, username="tm.own")


@pytest.fixture
def nominated_officer(make_user, own_team):
    return make_user(Role.NOMINATED_OFFICER, team=own_team, username="no.own")


@pytest.fixture
def adm(make_user, own_team):
    return make_user(Role.AGENCY_DECISION_MAKER, team=own_team, username="adm.own")


@pytest.fixture
def raa_adm(make_user, agency_team):
    return make_user(Role.AGENCY_DECISION_MAKER, team=agency_team, username="adm.raa")


@pytest.fixture
def child(own_team, agency):
    return ChildFactory(
        responsible_authority=own_team.organisation, team=own_team, referred_to=agency
    )


@pytest.fixture
def household(ssw):
    """Dual approved, with EP preparation completed."""
    return build_household(by=ssw, name="The Ashby-Cole household", extras=True)


@pytest.fixture
def adopters_only(ssw):
    """Approved as prospective adopters only: a placement needs a CPR reg 25A approval."""
    return build_household(by=ssw, name="The Okafor household", foster=False, extras=True)
