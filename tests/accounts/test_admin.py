"""The admin uses the same rules as the pages: an organisation's admin sees only its own people."""

from django.urls import reverse

from accounts.models import Role


def test_org_admin_lists_only_their_own_organisations_users(
    client_for, make_user, own_team, other_team
):
    admin_user = make_user(Role.ADMIN, team=own_team, username="admin.own")
    make_user(Role.SOCIAL_WORKER, team=own_team, username="colleague.own")
    make_user(Role.SOCIAL_WORKER, team=other_team, username="stranger.other")
    page = client_for(admin_user).get(reverse("admin:accounts_user_changelist")).content.decode()
    assert "colleague.own" in page
    assert "stranger.other" not in page


def test_org_admin_cannot_open_another_organisations_user(
    client_for, make_user, own_team, other_team
):
    admin_user = make_user(Role.ADMIN, team=own_team)
    stranger = make_user(Role.SOCIAL_WORKER, team=other_team, username="stranger.other")
    response = client_for(admin_user).get(
        reverse("admin:accounts_user_change", args=[stranger.pk]), follow=True
    )
    assert "stranger.other" not in response.content.decode().split("<h1")[-1]
    assert response.redirect_chain[-1][0] == reverse("admin:index")


def test_org_admin_cannot_change_organisations(client_for, make_user, own_team):
    """Only whether everyone needs a second factor (docs/sign-in.md) is theirs to change: the
    organisation's name, kind and code are shown read-only (and a post of them changes nothing,
    tests/accounts/test_second_factor.py)."""
    admin_user = make_user(Role.ADMIN, team=own_team)
    response = client_for(admin_user).get(
        reverse("admin:accounts_organisation_change", args=[own_team.organisation_id])
    )
    page = response.content.decode()
    assert response.status_code == 200
    for field in ("name", "kind", "code"):
        assert f'name="{field}"' not in page, field
    assert 'name="require_second_factor"' in page


def test_membership_in_another_organisations_team_is_refused_in_the_admin(
    client_for, make_user, own_team, other_team, db
):
    from django.contrib.auth import get_user_model

    superuser = get_user_model().objects.create_superuser("root", password="x" * 16)
    user = make_user(team=own_team)
    response = client_for(superuser).post(
        reverse("admin:accounts_membership_add"),
        {"user": user.pk, "team": other_team.pk, "role": Role.SOCIAL_WORKER},
    )
    assert response.status_code == 200
    assert "Choose a team in the user&#x27;s own organisation" in response.content.decode()
    assert not user.memberships.exists()


def test_org_admin_cannot_see_or_change_a_superuser_of_their_organisation(
    client_for, make_user, own_team
):
    from django.contrib.auth import get_user_model

    admin_user = make_user(Role.ADMIN, team=own_team)
    root = get_user_model().objects.create_superuser(
        "root.own", password="x" * 16, organisation=own_team.organisation
    )
    client = client_for(admin_user)
    listing = client.get(reverse("admin:accounts_user_changelist")).content.decode()
    assert "root.own" not in listing
    response = client.post(
        reverse("admin:auth_user_password_change", args=[root.pk]),
        {"password1": "taken-over-password", "password2": "taken-over-password"},
    )
    assert response.status_code in {302, 403, 404}
    root.refresh_from_db()
    assert not root.check_password("taken-over-password")
