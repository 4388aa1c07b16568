"""In a real browser: an admin sets up an authenticator app from the page (the key read off
the page, the code computed here as the app would), signs in again with a code, and every page
of it passes axe; a person signs in through a real OpenID provider on loopback."""

import base64

import pytest
from django_otp.oath import totp

from accounts.models import Role
from tests.accounts.factories import TEST_PASSWORD, OrganisationFactory, TeamFactory, UserFactory
from tests.oidc.provider import running_provider


def code_for(secret_text: str, *, ahead: int = 0) -> str:
    """What an authenticator app shows for the key (RFC 6238: 30-second steps, 6 digits)."""
    secret = secret_text.replace(" ", "")
    key = base64.b32decode(secret + "=" * (-len(secret) % 8))
    return f"{totp(key, step=30, t0=-30 * ahead, digits=6):06d}"


def test_an_admin_sets_up_an_app_then_signs_in_with_a_code(
    page, sign_in, axe_check, transactional_db
):
    team = TeamFactory(name="Early Permanence Team")
    UserFactory(
        username="admin.browser",
        first_name="Jo",
        role=Role.ADMIN,
        role__team=team,
        organisation=team.organisation,
    )
    sign_in("admin.browser", TEST_PASSWORD)
    assert "/account/second-factor/set-up/" in page.url
    assert page.get_by_role("heading", level=1).inner_text() == "Set up your authenticator app"
    assert page.get_by_role("img", name="QR code").is_visible()
    axe_check(page)
    # a wrong code: the error summary, the code kept
    page.get_by_label("Code from your authenticator app").fill("000000")
    page.get_by_role("button", name="Continue").click()
    assert "The code is not right" in page.locator(".govuk-error-summary").inner_text()
    axe_check(page)
    # the key as text, for manual entry: the test is the authenticator app
    page.get_by_text("I cannot scan the QR code").click()
    secret = page.locator("#secret-key").inner_text()
    page.get_by_label("Code from your authenticator app").fill(code_for(secret))
    page.get_by_role("button", name="Continue").click()
    assert page.get_by_role("heading", level=1).inner_text() == "Your recovery codes"
    assert page.locator("#recovery-codes li").count() == 10
    axe_check(page)
    page.get_by_role("button", name="Sign out").first.click()
    page.wait_for_url("**/sign-in/")

    # the next sign-in asks for a code after the password (the next step's code: a code is
    # accepted once, and the app's clock may be a step ahead)
    sign_in("admin.browser", TEST_PASSWORD)
    assert "/sign-in/second-factor/" in page.url
    axe_check(page)
    page.get_by_label("Code from your authenticator app").fill("999999")
    page.get_by_role("button", name="Continue").click()
    assert page.locator(".govuk-error-summary").is_visible()
    axe_check(page)
    page.get_by_label("Code from your authenticator app").fill(code_for(secret, ahead=1))
    page.get_by_role("button", name="Continue").click()
    assert page.get_by_role("heading", level=1).inner_text() == "Welcome, Jo"
    page.goto("/admin/")
    assert "/admin/" in page.url
    assert page.get_by_text("Early Permanence Tracker administration").first.is_visible()


@pytest.fixture
def provider(live_server):
    accounts = {
        "robin": {"email": "robin@northmoor.example", "email_verified": True},
        "nobody": {"email": "nobody@northmoor.example", "email_verified": True},
    }
    callback = f"{live_server.url}/sign-in/sso/901/callback/"
    with running_provider(redirect_uris=[callback], accounts=accounts) as running:
        yield running


def test_a_person_signs_in_through_the_organisations_provider(
    page, provider, settings, axe_check, transactional_db
):
    org = OrganisationFactory(name="Northmoor Council", code="901")
    team = TeamFactory(organisation=org, name="Early Permanence Team")
    UserFactory(
        username="sw.sso",
        first_name="Robin",
        email="robin@northmoor.example",
        role=Role.SOCIAL_WORKER,
        role__team=team,
        organisation=org,
    )
    settings.EP_OIDC_PROVIDERS = provider.settings_for("901")
    page.goto("/sign-in/")
    axe_check(page)
    page.get_by_role("link", name="Sign in with Northmoor Council account").click()
    # the provider's own pages (oidc-provider's development login and consent forms)
    page.locator("input[name=login]").fill("robin")
    page.locator("input[name=password]").fill("any")
    page.locator("button[type=submit]").click()
    page.locator("button[type=submit]", has_text="Continue").click()
    page.wait_for_url("**/")
    assert page.get_by_role("heading", level=1).inner_text() == "Welcome, Robin"

    # someone the provider knows but the service does not: a clear page, no account made
    page.context.clear_cookies()
    page.goto("/sign-in/")
    page.get_by_role("link", name="Sign in with Northmoor Council account").click()
    page.locator("input[name=login]").fill("nobody")
    page.locator("input[name=password]").fill("any")
    page.locator("button[type=submit]").click()
    page.locator("button[type=submit]", has_text="Continue").click()
    page.wait_for_url("**/sign-in/sso/901/callback/**")
    heading = page.get_by_role("heading", level=1).inner_text()
    assert heading == "There is no account for you in Early Permanence Tracker"
    axe_check(page)
