"""The carer list, the record, the profiles and the sufficiency page keep a constant number of
queries as households, their approvals, staff and teams grow."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from accounts.models import Role
from carers import services
from children.models import SiblingGroup
from tests.accounts.factories import TeamFactory
from tests.carers.factories import build_household, days
from tests.children.factories import ChildFactory, UnbornChildFactory


def count(client, url) -> int:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


def grow(ssw, make_user, agency, n: int) -> None:
    """More of everything: households (with approvals, reviews, training, support), staff and
    teams."""
    team = TeamFactory(organisation=agency)
    worker = make_user(Role.SUPERVISING_SOCIAL_WORKER, team=team)
    household = build_household(by=worker, name=f"The Grown household {n}", extras=True)
    services.household_update(household=household, by=worker, supervising_social_worker=worker)
    services.approval_review_record(
        approval=household.adopter_approvals.get(),
        by=worker,
        reviewed_on=days(-1),
        outcome="continue",
    )
    build_household(by=ssw, name=f"The Assessing household {n}", adopters=False)
    # the children's side of sufficiency grows too: children referred to the agency, born and
    # unborn, in a sibling group and in pre-proceedings
    la_team = TeamFactory()
    group = SiblingGroup.objects.create(
        name=f"Group {n}", responsible_authority=la_team.organisation
    )
    for child in (
        ChildFactory(responsible_authority=la_team.organisation, team=la_team, referred_to=agency),
        ChildFactory(responsible_authority=la_team.organisation, team=la_team, referred_to=agency),
    ):
        child.sibling_group = group
        child.save()
    UnbornChildFactory(
        responsible_authority=la_team.organisation, team=la_team, referred_to=agency
    )


@pytest.mark.parametrize("page", ["carers:list", "carers:sufficiency", "carers:profiles"])
def test_pages_query_count_does_not_grow(client_for, ssw, make_user, agency, page):
    client = client_for(ssw)
    grow(ssw, make_user, agency, 1)
    once = count(client, reverse(page))
    for n in range(2, 5):
        grow(ssw, make_user, agency, n)
    assert count(client, reverse(page)) == once


def test_record_query_count_does_not_grow_with_the_record(client_for, ssw):
    household = build_household(by=ssw, extras=True)
    client = client_for(ssw)
    url = reverse("carers:record", args=[household.pk])
    once = count(client, url)
    for n in range(3):
        services.training_save(household=household, by=ssw, kind="other", title=f"Course {n}")
        services.support_save(household=household, by=ssw, kind="counselling")
        services.member_save(
            household=household, by=ssw, name=f"M{n}", kind="adult", relationship="Lodger"
        )
        services.approval_review_record(
            approval=household.foster_approvals.get(),
            by=ssw,
            reviewed_on=days(-n),
            outcome="continue",
        )
    assert count(client, url) == once
