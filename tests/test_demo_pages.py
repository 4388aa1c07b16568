"""A newcomer's first run: the demo users open the pages about the demo children without error."""

import io

import pytest
from django.core.management import call_command
from django.urls import get_resolver, reverse

from accounts.models import User
from children.extensions import extra_visibility
from children.models import Child


def _child_page_names() -> list[str]:
    """The children app's pages that take only the child's id."""
    namespace = get_resolver().namespace_dict["children"][1]
    return sorted(
        f"children:{name}"
        for name, entries in namespace.reverse_dict.items()
        if isinstance(name, str) and entries[0][0][1] == ["pk"]
    )


@pytest.fixture
def demo(db):
    call_command("load_demo", stdout=io.StringIO())


def test_every_demo_user_sees_home_and_every_demo_child_record_they_may(demo, client):
    seen_by_family_time_worker = 0
    for user in User.objects.all():
        client.force_login(user)
        assert client.get("/").status_code == 200, user.username
        for child in Child.objects.all():
            response = client.get(reverse("children:record", args=[child.pk]))
            if user.roles - {"admin"} == {"family_time_worker"}:
                # a family time worker sees only the children of the family time they supervise
                extra = extra_visibility(user)
                sees = extra is not None and Child.objects.filter(extra, pk=child.pk).exists()
                seen_by_family_time_worker += bool(sees)
            else:
                sees = user.roles - {"admin"} and user.organisation_id in (
                    child.responsible_authority_id,
                    child.referred_to_id,
                )
            assert response.status_code == (200 if sees else 404), (user.username, child.pk)
    # the demo's family time worker supervises family time, so their list is not empty
    assert seen_by_family_time_worker >= 1


@pytest.mark.parametrize("username", ["sw.northmoor", "tm.northmoor"])
def test_case_workers_open_every_page_about_every_demo_child(demo, client, username):
    names = _child_page_names()
    assert len(names) > 10
    client.force_login(User.objects.get(username=username))
    for child in Child.objects.filter(responsible_authority__code="901"):
        for name in names:
            response = client.get(reverse(name, args=[child.pk]))
            assert response.status_code in {200, 302, 403}, (name, child.pk, response.status_code)
