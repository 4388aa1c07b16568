"""The pages issue 15 added or changed, in the browser: the lockout page (with its configured
cool-off) and an admin's home page with the roles given in the organisation pass axe."""

import pytest
from django.conf import settings

from accounts import services
from accounts.models import Role
from tests.accounts.factories import TEST_PASSWORD, TeamFactory, UserFactory
from tests.accounts.second_factor import SignedInClient

pytestmark = pytest.mark.e2e


def test_the_lockout_page_says_the_cool_off_and_is_accessible(
    page, sign_in, axe_check, transactional_db, settings
):
    settings.AXES_COOLOFF_TIME = 0.25
    team = TeamFactory()
    UserFactory(
        username="locked.out",
        organisation=team.organisation,
        role=Role.SOCIAL_WORKER,
        role__team=team,
    )
    for _ in range(settings.AXES_FAILURE_LIMIT):
        sign_in("locked.out", "not-the-password")
    sign_in("locked.out", TEST_PASSWORD)
    assert page.get_by_role("heading", name="Your account is locked").is_visible()
    assert page.get_by_text("Try again in 15 minutes").is_visible()
    axe_check(page)


def test_an_admins_home_page_with_role_changes_is_accessible(
    page, axe_check, live_server, transactional_db
):
    team = TeamFactory()
    admin = UserFactory(organisation=team.organisation, role=Role.ADMIN, role__team=team)
    newcomer = UserFactory(organisation=team.organisation)
    services.membership_grant(user=newcomer, team=team, role=Role.IRO, by=admin)
    client = SignedInClient()  # an admin: password and second factor
    client.force_login(admin)
    cookie = client.cookies[settings.SESSION_COOKIE_NAME].value
    page.context.add_cookies(
        [{"name": settings.SESSION_COOKIE_NAME, "value": cookie, "url": live_server.url}]
    )
    page.goto("/")
    assert page.get_by_role(
        "heading", name="Roles given and taken away in the last 30 days"
    ).is_visible()
    axe_check(page)
