"""The accessibility statement and privacy notice pass axe, signed out and signed in."""

from accounts.models import Role
from tests.accounts.factories import TEST_PASSWORD, TeamFactory, UserFactory

PAGES = ["/accessibility/", "/privacy/"]


def test_statements_are_accessible_signed_out_and_in(page, sign_in, axe_check, transactional_db):
    for path in PAGES:
        page.goto(path)
        assert page.get_by_role("heading", level=1).is_visible()
        axe_check(page)
    page.goto("/sign-in/")
    page.get_by_role("link", name="Accessibility statement").click()
    page.wait_for_load_state()
    assert page.url.endswith("/accessibility/")

    team = TeamFactory(name="Statements Team")
    UserFactory(
        username="sw.statements",
        role=Role.SOCIAL_WORKER,
        role__team=team,
        organisation=team.organisation,
    )
    sign_in("sw.statements", TEST_PASSWORD)
    for path in PAGES:
        page.goto(path)
        axe_check(page)
    page.get_by_role("link", name="Privacy notice").click()
    page.wait_for_load_state()
    assert page.url.endswith("/privacy/")
