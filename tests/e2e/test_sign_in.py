from accounts.models import Role
from tests.accounts.factories import TEST_PASSWORD, TeamFactory, UserFactory


def test_social_worker_signs_in_through_the_form_and_sees_their_home_page(
    page, sign_in, transactional_db
):
    team = TeamFactory(name="Early Permanence Team")
    UserFactory(
        username="sw.browser",
        first_name="Robin",
        role=Role.SOCIAL_WORKER,
        role__team=team,
        organisation=team.organisation,
    )
    page.goto("/")
    assert "/sign-in/" in page.url  # every page needs login
    sign_in("sw.browser", TEST_PASSWORD)
    assert page.get_by_role("heading", level=1).inner_text() == "Welcome, Robin"
    assert page.get_by_text("Social worker", exact=True).is_visible()
    # the compiled GOV.UK Frontend is served and applied (Arial, not GDS Transport)
    font = page.evaluate("getComputedStyle(document.querySelector('h1')).fontFamily")
    assert font.lower().startswith("arial")
    assert "govuk-frontend-supported" in page.evaluate("document.body.className")
    # navigation by role, and sign out
    assert page.get_by_role("link", name="Teams").is_visible()
    page.get_by_role("button", name="Sign out").click()
    page.wait_for_url("**/sign-in/")


def test_wrong_password_shows_the_error_summary(page, sign_in, transactional_db):
    UserFactory(username="sw.browser")
    sign_in("sw.browser", "wrong-password-here")
    summary = page.locator(".govuk-error-summary")
    assert summary.is_visible()
    assert "Enter a correct username and password" in summary.inner_text()
    assert page.get_by_label("Username").input_value() == "sw.browser"
