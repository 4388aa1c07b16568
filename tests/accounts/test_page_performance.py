"""The home page and the team pages keep a constant number of queries as an authority grows:
more teams, more staff, more children on the user's caseload with hearings and reviews due."""

from datetime import date, timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from accounts.models import Role
from tests.accounts.factories import MembershipFactory, TeamFactory, UserFactory
from tests.children import factories as cf


def count(client, url: str) -> tuple[int, str]:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries), response.content.decode()


def grow(organisation, worker, *, teams: int, staff: int, children: int) -> None:
    """Teams and staff of the organisation, and children on the worker's caseload, each with a
    hearing and a looked-after review due within four weeks (looked after a week ago: the first
    review is due within 20 working days, CPR reg 33)."""
    made = [TeamFactory(organisation=organisation) for _ in range(teams)]
    for n in range(staff):
        user = UserFactory(organisation=organisation)
        role = Role.IRO if n % 3 == 0 else Role.SOCIAL_WORKER
        MembershipFactory(user=user, team=made[n % len(made)], role=role)
    soon = date.today() + timedelta(days=7)
    for _ in range(children):
        child = cf.ChildFactory(
            responsible_authority=organisation,
            team=made[0],
            social_worker=worker,
            looked_after_on=date.today() - timedelta(days=7),
        )
        cf.HearingFactory(proceedings=cf.ProceedingsFactory(child=child), listed_on=soon)
        cf.LookedAfterReviewFactory(child=child, scheduled_on=soon)


@pytest.mark.parametrize("page", ["accounts:home", "accounts:team_list"])
def test_page_query_count_does_not_grow_with_teams_staff_or_caseload(
    client_for, social_worker, own_team, page
):
    client = client_for(social_worker)
    organisation = own_team.organisation
    url = reverse(page)
    grow(organisation, social_worker, teams=2, staff=5, children=1)
    small, _ = count(client, url)
    grow(organisation, social_worker, teams=28, staff=85, children=12)
    large, html = count(client, url)
    assert large == small
    if page == "accounts:team_list":
        assert html.count(reverse("accounts:team_detail", args=[own_team.pk])) == 1
        assert html.count('class="govuk-link" href="/teams/') == 31  # 1 + 2 + 28 teams


def test_team_detail_query_count_does_not_grow_with_its_members(
    client_for, social_worker, own_team
):
    client = client_for(social_worker)
    url = reverse("accounts:team_detail", args=[own_team.pk])
    for _ in range(3):
        MembershipFactory(user=UserFactory(organisation=own_team.organisation), team=own_team)
    small, _ = count(client, url)
    for _ in range(40):
        MembershipFactory(user=UserFactory(organisation=own_team.organisation), team=own_team)
    large, html = count(client, url)
    assert large == small
    assert html.count('<tr class="govuk-table__row">') == 1 + 1 + 43  # head, sw.own, members


def test_home_panel_shows_the_caseload_hearings_and_reviews(client_for, social_worker, own_team):
    client = client_for(social_worker)
    grow(own_team.organisation, social_worker, teams=1, staff=1, children=3)
    cf.ChildFactory(  # archived: not on the caseload
        responsible_authority=own_team.organisation,
        team=own_team,
        social_worker=social_worker,
        archived_at="2026-01-01T00:00:00Z",
    )
    _, html = count(client, reverse("accounts:home"))
    assert "3 children on your caseload" in html
    assert html.count("#court") == 3
    assert html.count("#reviews") == 3
