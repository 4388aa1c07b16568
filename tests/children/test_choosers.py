"""Choosing a person or a child (accounts/autocomplete.py) on the children's forms.

No page lists every member of staff or child: its queries and its size stay the same as teams,
staff and children grow; without JavaScript a typed name is resolved on submit (one match is
chosen; several are offered back; none is an error); the child search endpoint is scoped like
the list.
"""

import re
from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from accounts.clock import today
from accounts.models import OrganisationKind, Role
from children.models import Child, LookedAfterReview, Route, SiblingGroup
from tests.accounts.factories import OrganisationFactory, TeamFactory, UserFactory
from tests.children.factories import ChildFactory, LookedAfterReviewFactory
from tests.helpers import checked_value, date_fields, field_error, input_value


def grow(org, n: int, *, start: int = 0) -> None:
    """``n`` more teams, each with a social worker, an IRO and a child of the authority."""
    for i in range(start, start + n):
        team = TeamFactory(organisation=org, name=f"Grown team {i}")
        worker = UserFactory(
            organisation=org,
            first_name=f"Grown{i}",
            last_name="Worker",
            role=Role.SOCIAL_WORKER,
            role__team=team,
        )
        UserFactory(
            organisation=org,
            first_name=f"Grown{i}",
            last_name="Reviewer",
            role=Role.IRO,
            role__team=team,
        )
        ChildFactory(
            responsible_authority=org, team=team, social_worker=worker, legal_name=f"Grown {i}"
        )


def queries(client, method: str, url: str, data=None) -> tuple[int, int]:
    with CaptureQueriesContext(connection) as captured:
        response = getattr(client, method)(url, data or {})
    assert response.status_code in (200, 302), response.status_code
    # teams are few (about 100 in the largest authority): their select may grow, nothing else
    page = re.sub(
        r'<select[^>]*name="team".*?</select>', "", response.content.decode(), flags=re.S
    )
    return len(captured), len(page)


def select_of(page: str, name: str) -> str:
    return re.search(rf'<select[^>]*name="{name}".*?</select>', page, re.S).group(0)


@pytest.fixture
def iro(make_user, own_team):
    return make_user(
        Role.IRO, team=own_team, username="iro.own", first_name="Ira", last_name="Reed"
    )


@pytest.fixture
def child(own_team, social_worker, iro):
    return ChildFactory(
        responsible_authority=own_team.organisation,
        team=own_team,
        social_worker=social_worker,
        iro=iro,
        legal_name="Ash Wren",
        looked_after_on=today() - timedelta(days=40),
        sibling_group=SiblingGroup.objects.create(
            name="Wren family", responsible_authority=own_team.organisation
        ),
    )


def child_data(team, worker, **overrides) -> dict:
    data = {
        "legal_name": "Rowan Finch",
        "known_as": "",
        "sex": "",
        "ethnicity": "WBRI",
        "religion": "",
        "first_language": "English",
        "disability": "unknown",
        "health_needs": "",
        "la_child_id": "NM-20001",
        "route": Route.PROCEEDINGS_ISSUED,
        "team": str(team.pk),
        "social_worker": str(worker.pk),
        "iro": "",
        "referred_to": "",
        **date_fields("expected_delivery_date", None),
        **date_fields("date_of_birth", today() - timedelta(days=20)),
        **date_fields("identified_on", today() - timedelta(days=3)),
    }
    data.update(overrides)
    return data


# --- the query count and size of every form that chooses a person or child ----------------------
def _pages(child, own_team, social_worker, iro):
    review = LookedAfterReviewFactory(child=child, scheduled_on=today() - timedelta(days=1))
    held = {
        "chair": str(iro.pk),
        "recommendations": "Carry on",
        "plan_endorsed": "yes",
        "permanence_plan_confirmed": "yes",
        "ep_considered": "yes",
        **date_fields("held_on", today() - timedelta(days=1)),
    }
    return [
        (social_worker, reverse("children:create"), child_data(own_team, social_worker)),
        (
            social_worker,
            reverse("children:edit", args=[child.pk]),
            child_data(
                own_team,
                social_worker,
                la_child_id=child.la_child_id,
                legal_name="Ash Wren",
                iro=str(iro.pk),
            ),
        ),
        (iro, reverse("children:review_record", args=[child.pk, review.pk]), held),
        (social_worker, reverse("children:sibling_link", args=[child.pk]), None),
        (
            social_worker,
            reverse("children:list") + "?scope=all&worker=" + str(social_worker.pk),
            None,
        ),
    ]


def test_forms_that_choose_a_person_or_child_do_not_grow_with_teams_staff_and_children(
    client_for, own_team, social_worker, iro, child
):
    org = own_team.organisation
    pages = _pages(child, own_team, social_worker, iro)
    grow(org, 3)
    small = [queries(client_for(user), "get", url)[0] for user, url, _ in pages]
    small_size = [queries(client_for(user), "get", url)[1] for user, url, _ in pages]
    grow(org, 27, start=3)
    large = [queries(client_for(user), "get", url)[0] for user, url, _ in pages]
    large_size = [queries(client_for(user), "get", url)[1] for user, url, _ in pages]
    assert large == small
    # nothing on the page grows with the authority's staff or children (30 of each here)
    for before, after in zip(small_size, large_size, strict=True):
        assert after - before < 300
    assert Child.objects.filter(responsible_authority=org).count() > 30


def test_valid_posts_that_choose_a_person_or_child_do_not_grow(
    client_for, own_team, social_worker, iro, child
):
    org = own_team.organisation

    def post_all(n: int) -> list[int]:
        counts = []
        sibling = ChildFactory(responsible_authority=org, team=own_team, legal_name=f"Sib {n}")
        review = LookedAfterReviewFactory(child=child, scheduled_on=today() - timedelta(days=n))
        posts = [
            (
                social_worker,
                reverse("children:create"),
                child_data(own_team, social_worker, la_child_id=f"NM-3{n:04d}", iro=str(iro.pk)),
            ),
            (
                social_worker,
                reverse("children:edit", args=[child.pk]),
                child_data(
                    own_team,
                    social_worker,
                    la_child_id=child.la_child_id,
                    legal_name="Ash Wren",
                    iro=str(iro.pk),
                    **date_fields("date_of_birth", child.date_of_birth),
                ),
            ),
            (
                iro,
                reverse("children:review_record", args=[child.pk, review.pk]),
                {
                    "chair": str(iro.pk),
                    "chair_search": "Ira Reed",
                    "recommendations": "Carry on",
                    "plan_endorsed": "yes",
                    "permanence_plan_confirmed": "yes",
                    "ep_considered": "yes",
                    **date_fields("held_on", review.scheduled_on),
                },
            ),
            (
                social_worker,
                reverse("children:sibling_link", args=[child.pk]),
                {"sibling": "", "sibling_search": sibling.la_child_id},
            ),
        ]
        for user, url, data in posts:
            with CaptureQueriesContext(connection) as captured:
                response = client_for(user).post(url, data)
            assert response.status_code == 302, (url, response.content.decode()[:3000])
            counts.append(len(captured))
        return counts

    grow(org, 3)
    small = post_all(1)
    grow(org, 27, start=3)
    assert post_all(2) == small


# --- without JavaScript: the search step ------------------------------------------------------
def test_a_typed_name_that_matches_one_social_worker_chooses_them(
    client_for, own_team, social_worker, make_user
):
    sam = make_user(Role.SOCIAL_WORKER, team=own_team, first_name="Sam", last_name="Quill")
    response = client_for(social_worker).post(
        reverse("children:create"),
        child_data(own_team, social_worker, social_worker="", social_worker_search="quil"),
    )
    assert response.status_code == 302
    assert Child.objects.get(la_child_id="NM-20001").social_worker == sam


def test_a_typed_name_that_matches_several_offers_them_and_keeps_the_text(
    client_for, own_team, social_worker, make_user
):
    grow(own_team.organisation, 12)
    response = client_for(social_worker).post(
        reverse("children:create"),
        child_data(own_team, social_worker, social_worker="", social_worker_search="grown wor"),
    )
    page = response.content.decode()
    assert field_error(
        page,
        "social_worker",
        'More than one social worker matches "grown wor": type more of the name',
    )
    assert input_value(page, "social_worker_search") == "grown wor"
    # the first 10 matches and "Choose a social worker", nothing else
    assert select_of(page, "social_worker").count("<option ") == 11
    assert "Grown team 0" in page  # each with their team, to tell them apart
    assert not Child.objects.filter(la_child_id="NM-20001").exists()

    response = client_for(social_worker).post(
        reverse("children:create"),
        child_data(own_team, social_worker, social_worker="", social_worker_search="grown1 wor"),
    )
    assert field_error(
        response.content.decode(),
        "social_worker",
        'More than one social worker matches "grown1 wor": choose one',
    )


def test_choosing_one_of_the_matches_saves_it(client_for, own_team, social_worker):
    grow(own_team.organisation, 3)
    chosen = own_team.organisation.users.get(first_name="Grown2", last_name="Worker")
    response = client_for(social_worker).post(
        reverse("children:create"),
        child_data(
            own_team, social_worker, social_worker=str(chosen.pk), social_worker_search="grown wor"
        ),
    )
    assert response.status_code == 302
    assert Child.objects.get(la_child_id="NM-20001").social_worker == chosen


def test_a_typed_name_that_matches_no_one_says_so(client_for, own_team, social_worker):
    response = client_for(social_worker).post(
        reverse("children:create"),
        child_data(own_team, social_worker, social_worker="", social_worker_search="Nobody"),
    )
    page = response.content.decode()
    assert field_error(
        page, "social_worker", 'No social worker of your authority matches "Nobody"'
    )
    assert input_value(page, "social_worker_search") == "Nobody"


def test_another_authoritys_worker_is_never_found_nor_accepted(
    client_for, own_team, other_team, social_worker, make_user
):
    stranger = make_user(
        Role.SOCIAL_WORKER, team=other_team, first_name="Stella", last_name="Outsider"
    )
    client = client_for(social_worker)
    for data in (
        {"social_worker_search": "Outsider", "social_worker": ""},
        {"social_worker": str(stranger.pk)},
    ):
        response = client.post(
            reverse("children:create"), child_data(own_team, social_worker, **data)
        )
        assert response.status_code == 200
        assert "Stella" not in response.content.decode().split("<form", 1)[1]
    assert not Child.objects.filter(la_child_id="NM-20001").exists()


def test_emptying_the_search_box_without_a_choice_clears_the_allocation(
    client_for, own_team, social_worker, child
):
    response = client_for(social_worker).post(
        reverse("children:edit", args=[child.pk]),
        child_data(
            own_team,
            social_worker,
            la_child_id=child.la_child_id,
            legal_name="Ash Wren",
            social_worker="",
            social_worker_search="",
            **date_fields("date_of_birth", child.date_of_birth),
        ),
    )
    assert response.status_code == 302
    child.refresh_from_db()
    assert child.social_worker is None


def test_a_stale_choice_does_not_win_over_a_new_name(
    client_for, own_team, social_worker, make_user, child
):
    """JavaScript sent the earlier choice's id, but the box says someone else: search that."""
    sam = make_user(Role.SOCIAL_WORKER, team=own_team, first_name="Sam", last_name="Quill")
    client_for(social_worker).post(
        reverse("children:edit", args=[child.pk]),
        child_data(
            own_team,
            social_worker,
            la_child_id=child.la_child_id,
            legal_name="Ash Wren",
            social_worker=str(social_worker.pk),
            social_worker_search="Sam Quill",
            **date_fields("date_of_birth", child.date_of_birth),
        ),
    )
    child.refresh_from_db()
    assert child.social_worker == sam


def test_the_review_form_offers_the_iro_and_finds_another_by_name(
    client_for, own_team, iro, child, make_user
):
    other = make_user(Role.IRO, team=own_team, first_name="Opal", last_name="Reviewer")
    review = LookedAfterReviewFactory(child=child, scheduled_on=today() - timedelta(days=1))
    url = reverse("children:review_record", args=[child.pk, review.pk])
    client = client_for(iro)
    page = client.get(url).content.decode()
    assert checked_value(page, "chair") == str(iro.pk)
    assert "Opal" not in page
    response = client.post(
        url,
        {
            "chair": str(iro.pk),
            "chair_search": "opal",
            "recommendations": "Carry on",
            "plan_endorsed": "yes",
            "permanence_plan_confirmed": "yes",
            "ep_considered": "yes",
            **date_fields("held_on", review.scheduled_on),
        },
    )
    assert response.status_code == 302
    assert LookedAfterReview.objects.get(pk=review.pk).chair == other


def test_a_sibling_is_found_by_child_id_within_the_authority_only(
    client_for, own_team, other_team, social_worker, child
):
    brother = ChildFactory(
        responsible_authority=own_team.organisation, team=own_team, legal_name="Bay Wren"
    )
    stranger = ChildFactory(
        responsible_authority=other_team.organisation, team=other_team, legal_name="Bay Wren"
    )
    url = reverse("children:sibling_link", args=[child.pk])
    client = client_for(social_worker)
    page = client.get(url).content.decode()
    assert "Bay Wren" not in page  # no list of the authority's children
    response = client.post(url, {"sibling": "", "sibling_search": stranger.la_child_id})
    assert field_error(
        response.content.decode(),
        "sibling",
        f'No child of your authority matches "{stranger.la_child_id}"',
    )
    response = client.post(url, {"sibling": "", "sibling_search": "bay wren"})
    assert response.status_code == 302
    brother.refresh_from_db()
    assert brother.sibling_group_id == child.sibling_group_id


def test_the_list_filters_by_a_typed_worker_name(client_for, own_team, social_worker, child):
    grow(own_team.organisation, 2)
    client = client_for(social_worker)
    page = client.get(reverse("children:list"), {"scope": "all", "worker_search": "grown1"})
    text = page.content.decode()
    assert "Grown 1" in text
    assert "Grown 0" not in text
    assert "Ash Wren" not in text
    page = client.get(reverse("children:list"), {"scope": "all", "worker_search": "grown"})
    text = page.content.decode()
    assert 'More than one social worker matches "grown": choose one' in text.replace("&quot;", '"')
    assert "Ash Wren" in text  # the other filters still apply


# --- the child search endpoint ------------------------------------------------------------
def test_child_search_is_scoped_and_its_queries_do_not_grow(
    client_for, own_team, other_team, social_worker, child
):
    ChildFactory(
        responsible_authority=other_team.organisation, team=other_team, legal_name="Ash Other"
    )
    client = client_for(social_worker)
    url = reverse("children:search")
    results = client.get(url, {"q": "ash"}).json()["results"]
    assert [r["name"] for r in results] == [f"Ash Wren ({child.la_child_id})"]
    assert results[0]["id"] == child.pk
    grow(own_team.organisation, 3)
    small = queries(client, "get", url + "?q=grown")[0]
    grow(own_team.organisation, 27, start=3)
    assert queries(client, "get", url + "?q=grown")[0] == small
    assert len(client.get(url, {"q": "grown"}).json()["results"]) == 10


def test_an_agencys_child_search_finds_only_the_children_referred_to_it(
    client_for, own_team, make_user
):
    agency = OrganisationFactory(kind=OrganisationKind.REGIONAL_ADOPTION_AGENCY)
    agency_worker = make_user(Role.SOCIAL_WORKER, organisation=agency)
    referred = ChildFactory(
        responsible_authority=own_team.organisation,
        team=own_team,
        legal_name="Kit Referred",
        referred_to=agency,
    )
    ChildFactory(responsible_authority=own_team.organisation, team=own_team, legal_name="Kit Kept")
    results = client_for(agency_worker).get(reverse("children:search"), {"q": "kit"}).json()
    assert [r["id"] for r in results["results"]] == [referred.pk]


def test_sibling_search_leaves_out_the_group_and_answers_404_for_an_unseen_child(
    client_for, own_team, other_team, social_worker, child
):
    in_group = ChildFactory(
        responsible_authority=own_team.organisation,
        team=own_team,
        legal_name="Ash Group",
        sibling_group=child.sibling_group,
    )
    free = ChildFactory(
        responsible_authority=own_team.organisation, team=own_team, legal_name="Ash Free"
    )
    client = client_for(social_worker)
    url = reverse("children:search")
    ids = [
        r["id"] for r in client.get(url, {"q": "ash", "sibling_of": child.pk}).json()["results"]
    ]
    assert ids == [free.pk]
    assert in_group.pk not in ids
    stranger = ChildFactory(responsible_authority=other_team.organisation, team=other_team)
    assert client.get(url, {"q": "ash", "sibling_of": stranger.pk}).status_code == 404


def test_a_name_found_is_shown_chosen_when_another_field_sends_the_form_back(
    client_for, own_team, social_worker, make_user
):
    sam = make_user(Role.SOCIAL_WORKER, team=own_team, first_name="Sam", last_name="Quill")
    response = client_for(social_worker).post(
        reverse("children:create"),
        child_data(
            own_team, social_worker, legal_name="", social_worker="", social_worker_search="quil"
        ),
    )
    page = response.content.decode()
    assert field_error(page, "legal_name", "Enter the child's legal name")
    assert f'<option value="{sam.pk}" selected>Sam Quill</option>' in select_of(
        page, "social_worker"
    )
