"""'Add a child': the user's one team is chosen for them; the date identified has no default."""

import re

import pytest
from django.urls import reverse

from accounts.models import Role
from tests.accounts.factories import TeamFactory
from tests.helpers import input_value

pytestmark = pytest.mark.django_db


def _selected_team(page: str) -> str | None:
    select = re.search(r'<select[^>]*name="team".*?</select>', page, re.S).group(0)
    chosen = re.search(r'<option value="([^"]*)"[^>]*selected', select)
    return chosen.group(1) or None if chosen else None  # "" is the "---------" choice


def test_the_team_is_chosen_when_the_user_belongs_to_one_team(client_for, social_worker, own_team):
    TeamFactory(organisation=own_team.organisation, name="Another Team")
    page = client_for(social_worker).get(reverse("children:create")).content.decode()
    assert _selected_team(page) == str(own_team.pk)


def test_no_team_is_chosen_when_the_user_belongs_to_several(client_for, make_user, own_team):
    manager = make_user(Role.TEAM_MANAGER, team=own_team)
    second = TeamFactory(organisation=own_team.organisation, name="Second Team")
    from accounts.services import membership_grant

    membership_grant(user=manager, team=second, role=Role.TEAM_MANAGER)
    page = client_for(manager).get(reverse("children:create")).content.decode()
    assert _selected_team(page) is None


def test_the_date_identified_is_not_filled_in_and_its_hint_says_what_it_is(
    client_for, social_worker
):
    page = client_for(social_worker).get(reverse("children:create")).content.decode()
    for part in ("identified_on_0", "identified_on_1", "identified_on_2"):
        assert input_value(page, part) == "", part
    assert "The date early permanence was first considered for this child" in page
    assert "a legal gateway meeting, a permanence planning meeting or a pre-birth conference" in (
        page
    )
