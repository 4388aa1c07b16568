import pytest

from accounts.models import Role
from children.models import Relationship
from tests.children.factories import ChildFactory, FamilyMemberFactory


@pytest.fixture
def child(own_team, social_worker):
    return ChildFactory(
        responsible_authority=own_team.organisation,
        team=own_team,
        social_worker=social_worker,
        legal_name="Ivy Testbaby",
    )


@pytest.fixture
def mother(child):
    return FamilyMemberFactory(child=child, name="Rosa Mother", relationship=Relationship.MOTHER)


@pytest.fixture
def father(child):
    return FamilyMemberFactory(child=child, name="Tom Father", relationship=Relationship.FATHER)


@pytest.fixture
def ftw(make_user, own_team):
    return make_user(Role.FAMILY_TIME_WORKER, team=own_team, username="ftw.own")


@pytest.fixture
def other_ftw(make_user, own_team):
    return make_user(Role.FAMILY_TIME_WORKER, team=own_team, username="ftw.two")
