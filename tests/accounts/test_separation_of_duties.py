"""Separation of duties in the admin (issue 15 items 4 and 5): an admin never gives themselves
a role nor changes their own; every role given is kept and shown to the organisation's admins;
a system superuser's memberships are out of an organisation admin's reach; the rule follows
``membership.user``."""

import re

import pytest
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.urls import reverse

from accounts import services
from accounts.models import Membership, Role, RoleChange
from accounts.services import NOT_ADMINISTERED, OWN_ROLES
from tests.accounts.factories import TeamFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_user(make_user, own_team):
    return make_user(Role.ADMIN, team=own_team, username="admin.own")


@pytest.fixture
def colleague(make_user, own_team):
    return make_user(Role.TEAM_MANAGER, team=own_team, username="colleague.own")


@pytest.fixture
def root(own_team):
    """A system superuser who happens to have an organisation (and a membership in it)."""
    root = get_user_model().objects.create_superuser(
        "root.own", password="x" * 16, organisation=own_team.organisation
    )
    services.membership_grant(user=root, team=own_team, role=Role.SOCIAL_WORKER)
    return root


def _inline(user_pk, team, role, *, existing=()):
    """The user change form with one membership row added (and the existing rows kept)."""
    data = {
        "memberships-TOTAL_FORMS": str(len(existing) + 1),
        "memberships-INITIAL_FORMS": str(len(existing)),
        "memberships-MIN_NUM_FORMS": "0",
        "memberships-MAX_NUM_FORMS": "1000",
    }
    for index, membership in enumerate(existing):
        data.update(
            {
                f"memberships-{index}-id": str(membership.pk),
                f"memberships-{index}-user": str(user_pk),
                f"memberships-{index}-team": str(membership.team_id),
                f"memberships-{index}-role": membership.role,
            }
        )
    new = len(existing)
    data.update(
        {
            f"memberships-{new}-user": str(user_pk),
            f"memberships-{new}-team": str(team.pk),
            f"memberships-{new}-role": role,
        }
    )
    return data


def _user_form(user) -> dict:
    return {
        "username": user.username,
        "first_name": user.first_name,
        "last_name": user.last_name,
        "email": user.email,
        "job_title": user.job_title,
        "organisation": str(user.organisation_id),
        "is_active": "on",
        "is_staff": "on" if user.is_staff else "",
    }


# --- item 4: never one's own roles ----------------------------------------------------------


def test_an_admin_cannot_give_themselves_a_case_role_on_the_membership_page(
    client_for, admin_user, own_team
):
    response = client_for(admin_user).post(
        reverse("admin:accounts_membership_add"),
        {"user": admin_user.pk, "team": own_team.pk, "role": Role.SOCIAL_WORKER},
    )
    assert response.status_code == 200  # the form again, with its error
    assert not admin_user.memberships.filter(role=Role.SOCIAL_WORKER).exists()
    assert not RoleChange.objects.filter(user=admin_user, role=Role.SOCIAL_WORKER).exists()


def test_the_admin_is_not_among_the_people_they_can_give_a_role(
    client_for, admin_user, colleague, root
):
    page = client_for(admin_user).get(reverse("admin:accounts_membership_add")).content.decode()
    people = re.search(r'<select name="user".*?</select>', page, re.S).group(0)
    assert f'<option value="{colleague.pk}"' in people
    assert f'<option value="{admin_user.pk}"' not in people
    assert f'<option value="{root.pk}"' not in people  # item 5


def test_an_admin_cannot_add_a_role_on_their_own_user_page(client_for, admin_user, own_team):
    client = client_for(admin_user)
    url = reverse("admin:accounts_user_change", args=[admin_user.pk])
    page = client.get(url).content.decode()
    assert 'name="memberships-0-role"' not in page  # the roles are shown, not editable
    data = {**_user_form(admin_user), **_inline(admin_user.pk, own_team, Role.SOCIAL_WORKER)}
    client.post(url, data)
    assert set(admin_user.memberships.values_list("role", flat=True)) == {Role.ADMIN}


def test_an_admin_cannot_change_or_remove_their_own_membership(client_for, admin_user, own_team):
    own = admin_user.memberships.get()
    client = client_for(admin_user)
    client.post(
        reverse("admin:accounts_membership_change", args=[own.pk]),
        {"user": admin_user.pk, "team": own_team.pk, "role": Role.SOCIAL_WORKER},
    )
    own.refresh_from_db()
    assert own.role == Role.ADMIN
    client.post(reverse("admin:accounts_membership_delete", args=[own.pk]), {"post": "yes"})
    assert Membership.objects.filter(pk=own.pk).exists()


def test_moving_a_colleagues_membership_to_the_admin_is_refused(
    client_for, admin_user, colleague, own_team
):
    membership = colleague.memberships.get()
    client_for(admin_user).post(
        reverse("admin:accounts_membership_change", args=[membership.pk]),
        {"user": admin_user.pk, "team": own_team.pk, "role": Role.TEAM_MANAGER},
    )
    membership.refresh_from_db()
    assert membership.user == colleague


def test_the_service_refuses_a_grant_to_oneself_with_the_rules_message(admin_user, own_team):
    with pytest.raises(ValidationError) as refused:
        services.membership_grant(
            user=admin_user, team=own_team, role=Role.SOCIAL_WORKER, by=admin_user
        )
    assert refused.value.message_dict == {"user": [OWN_ROLES]}
    assert not admin_user.memberships.filter(role=Role.SOCIAL_WORKER).exists()


def test_the_form_shows_the_rules_message(client_for, admin_user, own_team):
    errors = services.membership_change_errors(by=admin_user, user=admin_user)
    assert errors.as_dict() == {"user": OWN_ROLES}


# --- item 4: every grant is kept and shown to the organisation's admins ---------------------


def test_a_role_given_in_the_admin_is_kept_with_who_gave_it(
    client_for, admin_user, make_user, own_team
):
    newcomer = make_user(team=own_team, username="newcomer.own")
    client_for(admin_user).post(
        reverse("admin:accounts_membership_add"),
        {"user": newcomer.pk, "team": own_team.pk, "role": Role.SOCIAL_WORKER},
    )
    change = RoleChange.objects.get(user=newcomer)
    assert (change.by, change.team, change.role, change.action) == (
        admin_user,
        own_team,
        Role.SOCIAL_WORKER,
        RoleChange.Action.GRANTED,
    )


def test_roles_given_and_changed_on_a_user_page_are_kept(
    client_for, admin_user, make_user, own_team
):
    newcomer = make_user(team=own_team, username="newcomer.own")
    client = client_for(admin_user)
    url = reverse("admin:accounts_user_change", args=[newcomer.pk])
    data = {**_user_form(newcomer), **_inline(newcomer.pk, own_team, Role.IRO)}
    assert client.post(url, data).status_code == 302
    assert newcomer.memberships.get().role == Role.IRO
    membership = newcomer.memberships.get()
    membership.role = Role.SOCIAL_WORKER  # what the form will now say for the existing row
    data = {**_user_form(newcomer), **_inline(newcomer.pk, own_team, "", existing=[membership])}
    data["memberships-1-team"] = ""
    assert client.post(url, data).status_code == 302
    actions = list(
        RoleChange.objects.filter(user=newcomer, by=admin_user)
        .order_by("pk")
        .values_list("action", "role")
    )
    assert actions == [
        ("granted", Role.IRO),
        ("removed", Role.IRO),
        ("granted", Role.SOCIAL_WORKER),
    ]


def test_the_other_admins_see_each_grant_on_their_home_page(
    client_for, admin_user, make_user, own_team, other_team
):
    second_admin = make_user(Role.ADMIN, team=own_team, username="admin2.own")
    newcomer = make_user(team=own_team, username="newcomer.own", first_name="Avery")
    services.membership_grant(user=newcomer, team=own_team, role=Role.IRO, by=admin_user)
    page = client_for(second_admin).get(reverse("accounts:home")).content.decode()
    assert "Roles given and taken away in the last 30 days" in page
    assert f"Independent Reviewing Officer in {own_team.name} given to {newcomer}" in page
    assert f"by {admin_user}" in page
    # not shown to case roles, nor to another organisation's admins
    assert "Roles given" not in client_for(newcomer).get(reverse("accounts:home")).content.decode()
    stranger = make_user(Role.ADMIN, team=other_team)
    other_page = client_for(stranger).get(reverse("accounts:home")).content.decode()
    assert str(newcomer) not in other_page


def test_the_role_changes_list_is_scoped_to_the_organisation(
    client_for, admin_user, make_user, own_team, other_team
):
    make_user(Role.SOCIAL_WORKER, team=other_team, username="stranger.other")
    make_user(Role.SOCIAL_WORKER, team=own_team, username="worker.own")
    page = client_for(admin_user).get(reverse("admin:accounts_rolechange_changelist"))
    assert page.status_code == 200
    text = page.content.decode()
    assert "worker.own" in text
    assert RoleChange.objects.filter(user__username="stranger.other").exists()
    assert "stranger.other" not in text


def test_home_page_query_count_does_not_grow_with_role_changes(
    client_for, admin_user, make_user, own_team, django_assert_max_num_queries
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client = client_for(admin_user)

    def count():
        with CaptureQueriesContext(connection) as queries:
            assert client.get(reverse("accounts:home")).status_code == 200
        return len(queries)

    make_user(Role.SOCIAL_WORKER, team=own_team)
    few = count()
    for index in range(12):
        team = TeamFactory(organisation=own_team.organisation)
        make_user(Role.IRO, team=team, username=f"iro{index}.own")
    assert count() == few


# --- item 5: superusers are out of an organisation admin's reach ----------------------------


def test_an_admin_does_not_see_or_change_a_superusers_memberships(client_for, admin_user, root):
    membership = root.memberships.get()
    client = client_for(admin_user)
    listing = client.get(reverse("admin:accounts_membership_changelist")).content.decode()
    assert "root.own" not in listing
    response = client.post(
        reverse("admin:accounts_membership_change", args=[membership.pk]),
        {"user": root.pk, "team": membership.team_id, "role": Role.ADMIN},
    )
    assert response.status_code == 302
    assert response["Location"] == reverse("admin:index")
    membership.refresh_from_db()
    assert membership.role == Role.SOCIAL_WORKER


def test_an_admin_cannot_give_a_superuser_a_role(client_for, admin_user, root, own_team):
    client_for(admin_user).post(
        reverse("admin:accounts_membership_add"),
        {"user": root.pk, "team": own_team.pk, "role": Role.ADMIN},
    )
    assert not root.memberships.filter(role=Role.ADMIN).exists()
    with pytest.raises(ValidationError) as refused:
        services.membership_grant(user=root, team=own_team, role=Role.ADMIN, by=admin_user)
    assert refused.value.message_dict == {"user": [NOT_ADMINISTERED]}


def test_the_rule_follows_the_memberships_user_not_its_team(admin_user, root, colleague):
    """A membership of the admin's own team is still out of reach when it is a superuser's
    or the admin's own; a colleague's is theirs to change."""
    assert not admin_user.has_perm("accounts.change_membership", root.memberships.get())
    assert not admin_user.has_perm("accounts.view_membership", root.memberships.get())
    assert not admin_user.has_perm("accounts.change_membership", admin_user.memberships.get())
    assert not admin_user.has_perm("accounts.delete_membership", admin_user.memberships.get())
    assert admin_user.has_perm("accounts.view_membership", admin_user.memberships.get())
    assert admin_user.has_perm("accounts.change_membership", colleague.memberships.get())


def test_a_superuser_may_give_an_admin_a_case_role(client, own_team, admin_user):
    superuser = get_user_model().objects.create_superuser("root", password="x" * 16)
    client.force_login(superuser)
    client.post(
        reverse("admin:accounts_membership_add"),
        {"user": admin_user.pk, "team": own_team.pk, "role": Role.SOCIAL_WORKER},
    )
    assert admin_user.memberships.filter(role=Role.SOCIAL_WORKER).exists()
    assert RoleChange.objects.get(user=admin_user, role=Role.SOCIAL_WORKER).by == superuser
