"""The schedule, the attendance page and the child's record (with its Family time tab) keep a
constant number of queries as sessions, children, family members and staff grow."""

from datetime import time, timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from accounts.models import Role
from family_time import services
from tests.accounts.factories import TeamFactory
from tests.children.factories import ChildFactory, FamilyMemberFactory
from tests.family_time.factories import make_plan
from tests.helpers import TODAY

pytestmark = pytest.mark.usefixtures("_frozen_today")


def count(client, url) -> int:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


def grow(*, social_worker, ftw, child, make_user, own_team, n: int) -> None:
    """More of everything: a child of the worker's with its own plan and sessions, a plan
    and more recorded sessions for the first child, family members, staff and teams."""
    team = TeamFactory(organisation=own_team.organisation)
    make_user(Role.FAMILY_TIME_WORKER, team=team)
    make_user(Role.SOCIAL_WORKER, team=team)
    second = ChildFactory(responsible_authority=own_team.organisation, team=own_team)
    for index, who in enumerate((child, second)):
        members = [FamilyMemberFactory(child=who), FamilyMemberFactory(child=who)]
        plan = make_plan(
            child=who,
            by=social_worker,
            members=members,
            supervisor=ftw,
            # a different half hour each: one worker's sessions must not overlap
            start_time=time(8 + n, 30 * index),
            duration_minutes=30,
            starts_on=TODAY - timedelta(days=35),
        )
        sessions = services.sessions_generate(
            plan=plan,
            by=social_worker,
            from_on=TODAY - timedelta(days=35),
            to_on=TODAY + timedelta(days=13),
        )
        for session in sessions:
            if session.starts_at.date() < TODAY:
                services.session_record(
                    session=session,
                    by=ftw,
                    attendance={members[0].pk: "attended", members[1].pk: "no_show"},
                )


@pytest.mark.parametrize("page", ["schedule", "attendance", "record"])
def test_family_time_pages_query_count_does_not_grow(
    client_for, social_worker, ftw, child, make_user, own_team, page
):
    viewer = ftw if page == "schedule" else social_worker
    url = {
        "schedule": reverse("family_time:schedule"),
        "attendance": reverse("family_time:attendance", args=[child.pk]),
        "record": reverse("children:record", args=[child.pk]),
    }[page]
    world = {
        "social_worker": social_worker,
        "ftw": ftw,
        "child": child,
        "make_user": make_user,
        "own_team": own_team,
    }
    grow(**world, n=1)
    client = client_for(viewer)
    client.get(url)
    once = count(client, url)
    for n in range(2, 5):
        grow(**world, n=n)
    assert count(client, url) == once


def test_a_family_time_workers_view_of_the_record_does_not_grow(
    client_for, social_worker, ftw, child, make_user, own_team
):
    world = {
        "social_worker": social_worker,
        "ftw": ftw,
        "child": child,
        "make_user": make_user,
        "own_team": own_team,
    }
    grow(**world, n=1)
    client = client_for(ftw)
    url = reverse("children:record", args=[child.pk])
    client.get(url)
    once = count(client, url)
    for n in range(2, 4):
        grow(**world, n=n)
    assert count(client, url) == once
