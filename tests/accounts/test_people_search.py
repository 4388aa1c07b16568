"""The person chooser's JSON search (accounts.views.people_search): the user's own organisation's
active staff holding a role, their own teams first, ten at most, in a constant number of queries.
"""

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from accounts.models import Role
from tests.accounts.factories import TeamFactory, UserFactory

URL = reverse("accounts:people_search")


def staff(org, n: int, *, start: int = 0, role=Role.SOCIAL_WORKER) -> None:
    for i in range(start, start + n):
        team = TeamFactory(organisation=org, name=f"Area team {i}")
        UserFactory(
            organisation=org, first_name=f"Dana{i}", last_name="Field", role=role, role__team=team
        )


def names(response) -> list[str]:
    assert response.status_code == 200
    return [result["name"] for result in response.json()["results"]]


def test_finds_own_staff_by_part_of_a_name_with_their_teams(client_for, social_worker, make_user):
    team = social_worker.memberships.get().team
    make_user(Role.SOCIAL_WORKER, team=team, first_name="Sam", last_name="Quill")
    response = client_for(social_worker).get(URL, {"role": "social_worker", "q": "qui"})
    assert response.json()["results"][0]["name"] == "Sam Quill"
    assert response.json()["results"][0]["hint"] == team.name
    assert names(client_for(social_worker).get(URL, {"role": "social_worker", "q": "sam q"})) == [
        "Sam Quill"
    ]


def test_never_finds_another_organisations_staff_nor_leavers_nor_other_roles(
    client_for, social_worker, own_team, other_team, make_user
):
    make_user(Role.SOCIAL_WORKER, team=other_team, first_name="Sam", last_name="Outsider")
    leaver = make_user(Role.SOCIAL_WORKER, team=own_team, first_name="Sam", last_name="Leaver")
    leaver.is_active = False
    leaver.save()
    make_user(Role.IRO, team=own_team, first_name="Sam", last_name="Reviewer")
    client = client_for(social_worker)
    assert names(client.get(URL, {"role": "social_worker", "q": "sam"})) == []
    assert names(client.get(URL, {"role": "iro", "q": "sam"})) == ["Sam Reviewer"]
    assert names(client.get(URL, {"q": "sam"})) == ["Sam Reviewer"]


def test_the_users_own_teams_come_first(client_for, social_worker, make_user, own_org):
    staff(own_org, 3)
    team = social_worker.memberships.get().team
    make_user(Role.SOCIAL_WORKER, team=team, first_name="Dana9", last_name="Field")
    found = names(client_for(social_worker).get(URL, {"role": "social_worker", "q": "dana"}))
    assert found == ["Dana9 Field", "Dana0 Field", "Dana1 Field", "Dana2 Field"]


def test_at_most_ten_in_a_constant_number_of_queries(client_for, social_worker, own_org):
    client = client_for(social_worker)
    staff(own_org, 3)

    def count() -> int:
        with CaptureQueriesContext(connection) as captured:
            response = client.get(URL, {"role": "social_worker", "q": "field"})
        assert response.status_code == 200
        return len(captured)

    small = count()
    staff(own_org, 40, start=3)
    assert count() == small
    assert len(names(client.get(URL, {"role": "social_worker", "q": "field"}))) == 10


def test_nothing_typed_finds_no_one_and_an_unknown_role_is_refused(client_for, social_worker):
    client = client_for(social_worker)
    assert names(client.get(URL, {"role": "social_worker", "q": " "})) == []
    assert client.get(URL, {"role": "wizard", "q": "sam"}).status_code == 400


def test_a_system_administrator_has_no_staff_to_choose_from(client_for, db):
    superuser = UserFactory(organisation=None, is_superuser=True, is_staff=True)
    assert client_for(superuser).get(URL, {"q": "sam"}).status_code == 403
