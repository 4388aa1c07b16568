import pytest
from django.core.exceptions import ValidationError

from accounts import services
from accounts.models import Role


def test_membership_grant_refuses_a_team_of_another_organisation(make_user, other_team, own_org):
    user = make_user(organisation=own_org)
    with pytest.raises(ValidationError) as error:
        services.membership_grant(user=user, team=other_team, role=Role.SOCIAL_WORKER)
    assert "own organisation" in str(error.value)
    assert not user.memberships.exists()


def test_admin_role_gives_access_to_the_admin_site(make_user, own_team):
    user = make_user(team=own_team)
    services.membership_grant(user=user, team=own_team, role=Role.ADMIN)
    user.refresh_from_db()
    assert user.is_staff


def test_granting_a_role_twice_keeps_one_membership(make_user, own_team):
    user = make_user(Role.SOCIAL_WORKER, team=own_team)
    services.membership_grant(user=user, team=own_team, role=Role.SOCIAL_WORKER)
    assert user.memberships.count() == 1


def test_user_without_organisation_must_be_superuser(own_org, db):
    from django.db import IntegrityError

    from accounts.models import User

    with pytest.raises(IntegrityError):
        User.objects.create(username="orphan")


def test_team_list_holds_only_the_users_organisation(client_for, social_worker, other_team):
    from django.urls import reverse

    page = client_for(social_worker).get(reverse("accounts:team_list")).content.decode()
    assert social_worker.memberships.get().team.name in page
    assert other_team.name not in page
