from django.urls import reverse

from accounts.models import Role
from children.models import SiblingGroup, SiblingPlacement
from tests.children.factories import ChildFactory


def test_social_worker_records_siblings_placed_together_and_links_a_brother(
    client_for, social_worker, own_team
):
    org = own_team.organisation
    child = ChildFactory(responsible_authority=org, team=own_team, legal_name="Ash Wren")
    brother = ChildFactory(responsible_authority=org, team=own_team, legal_name="Bay Wren")
    client = client_for(social_worker)
    response = client.post(
        reverse("children:siblings", args=[child.pk]),
        {
            "name": "Wren family",
            "placement": SiblingPlacement.TOGETHER,
            "reason": "",
            "other_siblings": "An older sister, 15, lives with her father",
        },
    )
    assert response.status_code == 302
    child.refresh_from_db()
    assert child.sibling_group.name == "Wren family"
    response = client.post(
        reverse("children:sibling_link", args=[child.pk]), {"sibling": brother.pk}
    )
    assert response.status_code == 302
    brother.refresh_from_db()
    assert brother.sibling_group_id == child.sibling_group_id
    page = client.get(reverse("children:record", args=[brother.pk])).content.decode()
    assert "Ash Wren" in page
    assert "Placed together" in page


def test_siblings_placed_apart_need_a_reason(client_for, social_worker, own_team):
    child = ChildFactory(responsible_authority=own_team.organisation, team=own_team)
    response = client_for(social_worker).post(
        reverse("children:siblings", args=[child.pk]),
        {"name": "Typed name kept", "placement": SiblingPlacement.APART, "reason": ""},
    )
    page = response.content.decode()
    assert "Enter why the brothers and sisters are placed apart" in page
    assert 'value="Typed name kept"' in page
    child.refresh_from_db()
    assert child.sibling_group is None


def test_another_authoritys_child_cannot_be_linked_as_a_sibling(
    client_for, social_worker, own_team, other_team
):
    child = ChildFactory(responsible_authority=own_team.organisation, team=own_team)
    client = client_for(social_worker)
    client.post(
        reverse("children:siblings", args=[child.pk]),
        {"name": "Group", "placement": SiblingPlacement.NOT_DECIDED},
    )
    stranger = ChildFactory(responsible_authority=other_team.organisation, team=other_team)
    response = client.post(
        reverse("children:sibling_link", args=[child.pk]), {"sibling": stranger.pk}
    )
    assert (
        "Choose a brother or sister from your authority&#x27;s children"
        in response.content.decode()
    )
    stranger.refresh_from_db()
    assert stranger.sibling_group_id is None


def test_iro_cannot_record_siblings(client_for, make_user, own_team):
    child = ChildFactory(responsible_authority=own_team.organisation, team=own_team)
    iro = make_user(Role.IRO, team=own_team)
    response = client_for(iro).get(reverse("children:siblings", args=[child.pk]))
    assert response.status_code == 403


def test_siblings_the_viewer_cannot_open_are_not_named(
    client_for, social_worker, own_team, raa_worker
):
    org = own_team.organisation
    group = SiblingGroup.objects.create(responsible_authority=org, name="Group")
    referred = ChildFactory(
        responsible_authority=org,
        team=own_team,
        sibling_group=group,
        referred_to=raa_worker.organisation,
    )
    ChildFactory(
        responsible_authority=org,
        team=own_team,
        sibling_group=group,
        legal_name="Unreferred Sibling",
    )
    page = client_for(raa_worker).get(reverse("children:record", args=[referred.pk]))
    assert "Unreferred Sibling" not in page.content.decode()
    page = client_for(social_worker).get(reverse("children:record", args=[referred.pk]))
    assert "Unreferred Sibling" in page.content.decode()
