"""The demo's placements and matches: coherent with the children's demo, through the services."""

import io

import pytest
from django.core.management import call_command
from django.urls import reverse

from accounts.models import User
from children.consistency import CHILD_CHECKS
from children.models import Child
from matching.selectors import journey_records


@pytest.fixture
def demo(db):
    call_command("load_demo", stdout=io.StringIO())


def test_rowan_is_placed_with_ep_carers_without_a_move_and_morgan_moved_once(demo):
    rowan = journey_records(child=Child.objects.get(legal_name="Rowan Ellery"))
    assert rowan.ep_placement.household.name == "The Hollins household"
    assert rowan.authorisation is not None
    assert rowan.moves_before_ep == 0
    morgan = journey_records(child=Child.objects.get(legal_name="Morgan Tate"))
    assert [p.placement_code for p in morgan.placements] == ["R2", "U6"]
    assert morgan.moves_before_ep is None


def test_the_demo_children_still_agree_with_themselves(demo):
    for child in Child.objects.all():
        for check in CHILD_CHECKS:
            assert check(child) == [], (child.legal_name, check.__name__)


def test_the_social_worker_opens_the_matching_pages(demo, client):
    client.force_login(User.objects.get(username="sw.northmoor"))
    rowan = Child.objects.get(legal_name="Rowan Ellery")
    response = client.get(reverse("children:record", args=[rowan.pk]))
    assert response.status_code == 200
    assert "The Hollins household" in response.content.decode()
    for name in ("matching:placement_add", "matching:candidates", "matching:formal_match"):
        assert client.get(reverse(name, args=[rowan.pk])).status_code == 200, name
