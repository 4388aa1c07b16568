"""Case records in the Django admin are scoped by the pages' access rules; viewing is logged."""

import pytest
from django.contrib.auth.models import Permission
from django.urls import reverse

from accounts.models import Role
from children.models import ChildAccessLog, SiblingGroup
from tests.accounts.factories import UserFactory
from tests.children.factories import (
    ChildFactory,
    DirectionFactory,
    FamilyMemberFactory,
)

pytestmark = pytest.mark.django_db

CHANGELISTS = [
    "admin:children_child_changelist",
    "admin:children_familymember_changelist",
    "admin:children_direction_changelist",
    "admin:children_siblinggroup_changelist",
    "admin:children_childaccesslog_changelist",
]


@pytest.fixture
def records(own_team, other_team):
    """A child of each organisation, each with a family member, a direction and a group."""
    made = {}
    for scope, team in (("own", own_team), ("other", other_team)):
        child = ChildFactory(
            legal_name=f"Child of the {scope} council",
            la_child_id=f"{scope.upper()}-1",
            responsible_authority=team.organisation,
            team=team,
        )
        group = SiblingGroup.objects.create(
            name=f"Siblings of the {scope} council", responsible_authority=team.organisation
        )
        child.sibling_group = group
        child.save()
        made[scope] = {
            "child": child,
            "member": FamilyMemberFactory(child=child, name=f"Parent of the {scope} council"),
            "direction": DirectionFactory(
                hearing__proceedings__child=child, text=f"Direction to the {scope} council"
            ),
            "group": group,
        }
        ChildAccessLog.objects.create(
            child=child, user=UserFactory(organisation=team.organisation)
        )
    return made


def _staff_social_worker(team):
    """A social worker given staff access and every view permission of the children app."""
    user = UserFactory(organisation=team.organisation, role=Role.SOCIAL_WORKER, role__team=team)
    user.is_staff = True
    user.save()
    user.user_permissions.set(
        Permission.objects.filter(content_type__app_label="children", codename__startswith="view_")
    )
    return user


def _superuser(organisation=None):
    return UserFactory(organisation=organisation, is_superuser=True, is_staff=True)


def test_a_staff_social_worker_lists_only_their_councils_case_records(
    client_for, own_team, records
):
    client = client_for(_staff_social_worker(own_team))
    for name in CHANGELISTS:
        response = client.get(reverse(name))
        assert response.status_code == 200, name
        page = response.content.decode()
        assert response.context["cl"].result_count == 1, name  # the own council's record
        assert "other council" not in page, name
        assert "OTHER-1" not in page, name


def test_a_superuser_with_no_organisation_lists_no_case_record(client_for, records):
    client = client_for(_superuser())
    for name in CHANGELISTS:
        response = client.get(reverse(name))
        assert response.status_code == 200, name
        page = response.content.decode()
        assert response.context["cl"].result_count == 0, name
        assert "OWN-1" not in page, name
        assert "OTHER-1" not in page, name
    # reference data stays the superuser's to manage
    response = client.get(reverse("admin:children_practicestandarditem_changelist"))
    assert response.status_code == 200


def test_an_organisation_admin_given_view_permissions_sees_no_case_record(
    client_for, own_team, records
):
    admin_user = UserFactory(organisation=own_team.organisation, role=Role.ADMIN)
    admin_user.user_permissions.set(
        Permission.objects.filter(content_type__app_label="children", codename__startswith="view_")
    )
    page = client_for(admin_user).get(reverse("admin:children_child_changelist"))
    assert page.status_code == 200
    assert page.context["cl"].result_count == 0
    assert "OWN-1" not in page.content.decode()
    assert "OTHER-1" not in page.content.decode()


@pytest.mark.parametrize(
    ("url_name", "record"),
    [
        ("admin:children_child_change", "child"),
        ("admin:children_familymember_change", "member"),
        ("admin:children_direction_change", "direction"),
        ("admin:children_siblinggroup_change", "group"),
    ],
)
def test_another_councils_record_does_not_exist_in_the_admin(
    client_for, own_team, records, url_name, record
):
    client = client_for(_staff_social_worker(own_team))
    other = records["other"][record]
    before = ChildAccessLog.objects.count()
    response = client.get(reverse(url_name, args=[other.pk]), follow=True)
    assert response.redirect_chain[-1][0] == reverse("admin:index")
    assert "doesn’t exist" in response.content.decode()
    assert "other council" not in response.content.decode()
    assert ChildAccessLog.objects.count() == before


def test_a_superuser_of_a_council_holding_no_case_role_cannot_open_its_child(
    client_for, own_team, records
):
    client = client_for(_superuser(own_team.organisation))
    child = records["own"]["child"]
    response = client.get(reverse("admin:children_child_change", args=[child.pk]), follow=True)
    assert response.redirect_chain[-1][0] == reverse("admin:index")
    assert "own council" not in response.content.decode().split("<h1")[-1]


@pytest.mark.parametrize(
    ("url_name", "record"),
    [
        ("admin:children_child_change", "child"),
        ("admin:children_familymember_change", "member"),
        ("admin:children_direction_change", "direction"),
        ("admin:children_siblinggroup_change", "group"),
    ],
)
def test_opening_a_case_record_in_the_admin_writes_the_childs_access_log(
    client_for, own_team, records, url_name, record
):
    user = _staff_social_worker(own_team)
    obj = records["own"][record]
    url = reverse(url_name, args=[obj.pk])
    response = client_for(user).get(url)
    assert response.status_code == 200
    assert "own council" in response.content.decode()
    log = ChildAccessLog.objects.filter(user=user).get()
    assert log.child == records["own"]["child"]
    assert log.path == url


def test_a_records_admin_history_is_scoped_and_logged(client_for, own_team, records):
    user = _staff_social_worker(own_team)
    client = client_for(user)
    own, other = records["own"]["child"], records["other"]["child"]
    assert client.get(reverse("admin:children_child_history", args=[other.pk])).status_code == 404
    assert not ChildAccessLog.objects.filter(user=user).exists()
    response = client.get(reverse("admin:children_child_history", args=[own.pk]))
    assert response.status_code == 200
    assert ChildAccessLog.objects.filter(user=user, child=own).count() == 1
    version = own.history.latest()
    assert (
        client.get(
            reverse("admin:children_child_simple_history", args=[other.pk, version.pk])
        ).status_code
        == 404
    )
    response = client.get(
        reverse("admin:children_child_simple_history", args=[own.pk, version.pk])
    )
    assert response.status_code == 200
    assert ChildAccessLog.objects.filter(user=user, child=own).count() == 2
