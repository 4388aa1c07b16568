"""Every page reachable so far passes axe-core's WCAG 2.2 AA rules (no serious or critical)."""

import pytest

from accounts.models import Role
from tests.accounts.factories import TEST_PASSWORD, TeamFactory, UserFactory


@pytest.fixture
def people(transactional_db):
    team = TeamFactory(name="Early Permanence Team")
    UserFactory(
        username="tm.axe", role=Role.TEAM_MANAGER, role__team=team, organisation=team.organisation
    )
    return {"team": team}


def test_sign_in_page_and_its_errors_are_accessible(page, sign_in, axe_check, transactional_db):
    page.goto("/sign-in/")
    axe_check(page)
    sign_in("nobody", "")
    assert page.locator(".govuk-error-summary").is_visible()
    axe_check(page)


def test_signed_in_pages_are_accessible(page, sign_in, axe_check, people):
    sign_in("tm.axe", TEST_PASSWORD)
    for path in ["/", "/teams/", f"/teams/{people['team'].pk}/", "/no-such-page/"]:
        page.goto(path)
        axe_check(page)
