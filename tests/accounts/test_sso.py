"""Single sign-on through a real OpenID Connect provider (node's oidc-provider, started on
loopback by the fixture): a person is mapped to an EXISTING user by email and organisation,
never created, never matched across organisations; the provider's MFA stands in for the
service's second factor; password sign-in stays for organisations without a provider."""

from urllib.parse import urlsplit

import pytest
from django.contrib.auth import get_user_model
from django.test import Client
from django.urls import reverse

from accounts import second_factor, sso
from accounts.models import Role
from tests.accounts.factories import TEST_PASSWORD
from tests.oidc.provider import running_provider, sign_in_at_provider

CALLBACK = "http://testserver/sign-in/sso/901/callback/"
ACCOUNTS = {
    "robin": {"email": "Robin.Social@northmoor.example", "email_verified": True},
    "alex": {"email": "alex.admin@northmoor.example", "email_verified": True},
    "sam": {"email": "sam.elsewhere@eastbridge.example", "email_verified": True},
    "unknown": {"email": "nobody@northmoor.example", "email_verified": True},
}


@pytest.fixture(scope="module")
def provider():
    with running_provider(redirect_uris=[CALLBACK], accounts=ACCOUNTS) as running:
        yield running


@pytest.fixture
def sso_settings(settings, provider, own_org):
    assert own_org.code == "901"
    settings.EP_OIDC_PROVIDERS = provider.settings_for("901")
    return settings


def sign_in_through_provider(client: Client, login: str, code: str = "901"):
    """The whole journey: our start page, the provider's pages, back to our callback."""
    start = client.get(reverse("accounts:sso_start", args=[code]))
    assert start.status_code == 302
    back = sign_in_at_provider(start["Location"], login=login, back_to=CALLBACK)
    parts = urlsplit(back)
    return client.get(f"{parts.path}?{parts.query}")


def signed_in_user(client: Client):
    response = client.get(reverse("accounts:home"))
    return response.wsgi_request.user if response.status_code == 200 else None


def test_a_person_signs_in_through_the_provider_as_the_user_with_their_email(
    sso_settings, make_user, own_team
):
    user = make_user(Role.SOCIAL_WORKER, team=own_team, email="robin.social@northmoor.example")
    client = Client()
    response = sign_in_through_provider(client, "robin")
    assert response.status_code == 302
    assert response["Location"] == reverse("accounts:home")
    assert signed_in_user(client).pk == user.pk
    assert client.session[second_factor.SIGN_IN_METHOD_KEY] == second_factor.SSO


def test_an_admin_signed_in_through_the_provider_is_not_asked_for_a_code(
    sso_settings, make_user, own_team
):
    admin = make_user(Role.ADMIN, team=own_team, email="alex.admin@northmoor.example")
    client = Client()
    sign_in_through_provider(client, "alex")
    # the provider's multi-factor authentication stands in for the service's second factor
    assert signed_in_user(client).pk == admin.pk
    assert client.get(reverse("admin:index")).status_code == 200


def test_no_matching_user_is_refused_with_a_clear_page_and_none_is_created(
    sso_settings, make_user, own_team
):
    make_user(Role.SOCIAL_WORKER, team=own_team, email="robin.social@northmoor.example")
    users = get_user_model().objects.count()
    client = Client()
    response = sign_in_through_provider(client, "unknown")
    assert response.status_code == 403
    page = response.content.decode()
    assert "There is no account for you in Early Permanence Tracker" in page
    assert "nobody@northmoor.example" not in page
    assert get_user_model().objects.count() == users
    assert signed_in_user(client) is None


def test_a_user_of_another_organisation_with_the_email_is_not_mapped_across(
    sso_settings, make_user, own_team, other_team
):
    # Sam is a user of Eastbridge; Northmoor's provider vouches for the same email address
    make_user(Role.SOCIAL_WORKER, team=other_team, email="sam.elsewhere@eastbridge.example")
    client = Client()
    response = sign_in_through_provider(client, "sam")
    assert response.status_code == 403
    assert signed_in_user(client) is None


def test_a_forged_callback_is_refused(sso_settings, make_user, own_team):
    make_user(Role.SOCIAL_WORKER, team=own_team, email="robin.social@northmoor.example")
    client = Client()
    client.get(reverse("accounts:sso_start", args=["901"]))
    response = client.get(
        reverse("accounts:sso_callback", args=["901"]) + "?code=made-up&state=not-ours"
    )
    assert response.status_code == 400
    assert "Sorry, signing in did not work" in response.content.decode()
    assert signed_in_user(client) is None


def test_the_sign_in_page_offers_the_organisations_provider(sso_settings, client):
    page = client.get(reverse("accounts:login")).content.decode()
    assert "Sign in with Northmoor Council account" in page
    assert reverse("accounts:sso_start", args=["901"]) in page


def test_password_sign_in_is_refused_for_an_organisation_with_a_provider(
    sso_settings, make_user, own_team, other_team
):
    make_user(Role.SOCIAL_WORKER, team=own_team, username="sw.sso")
    make_user(Role.SOCIAL_WORKER, team=other_team, username="sw.password")
    client = Client()
    url = reverse("accounts:login")
    refused = client.post(url, {"username": "sw.sso", "password": TEST_PASSWORD})
    assert refused.status_code == 200
    assert "Your organisation signs in with Northmoor Council account" in refused.content.decode()
    # an organisation without one keeps password sign-in
    assert (
        client.post(url, {"username": "sw.password", "password": TEST_PASSWORD}).status_code == 302
    )


def test_an_organisation_without_a_provider_has_no_single_sign_on_pages(client, own_org):
    assert client.get(reverse("accounts:sso_start", args=[own_org.code])).status_code == 404


# --- the mapping rule itself ---------------------------------------------------------------
def test_mapping_is_by_email_within_the_organisation_only(make_user, own_team, other_team):
    mine = make_user(Role.SOCIAL_WORKER, team=own_team, email="pat@shared.example")
    make_user(Role.SOCIAL_WORKER, team=other_team, email="pat@shared.example")
    claims = {"email": "PAT@shared.example", "email_verified": True}
    assert sso.user_for_claims(organisation=own_team.organisation, claims=claims) == mine


def test_mapping_refuses_unverified_missing_inactive_or_ambiguous_emails(make_user, own_team):
    org = own_team.organisation
    make_user(Role.SOCIAL_WORKER, team=own_team, email="kim@northmoor.example")
    make_user(Role.SOCIAL_WORKER, team=own_team, email="left@northmoor.example", is_active=False)
    make_user(Role.SOCIAL_WORKER, team=own_team, email="twice@northmoor.example")
    make_user(Role.IRO, team=own_team, email="twice@northmoor.example")
    for claims in (
        {"email": "kim@northmoor.example", "email_verified": False},
        {"sub": "no-email"},
        {"email": "left@northmoor.example"},
        {"email": "twice@northmoor.example"},
    ):
        assert sso.user_for_claims(organisation=org, claims=claims) is None, claims
