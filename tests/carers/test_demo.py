"""The carers' demo: fictional households across the statuses, and the demo supervising social
worker opens every page about each."""

import io

import pytest
from django.core.management import call_command
from django.urls import reverse

from accounts import clock
from accounts.models import User
from carers.availability import with_availability
from carers.models import Household


@pytest.fixture
def demo(db):
    call_command("load_demo", stdout=io.StringIO())


def test_demo_households_cover_the_statuses(demo):
    found = {h.name: h for h in with_availability(Household.objects.all(), today=clock.today())}
    assert found["The Oakridge-Penn household"].availability == "available"
    assert found["The Oakridge-Penn household"].dual_approved
    assert found["The Birchwood household"].availability == "on_hold"
    assert found["The Larchmont household"].availability == "unavailable"
    assert found["The Fernside household"].availability == "unavailable"
    assert found["The Fernside household"].opted_out_on is not None


def test_demo_supervising_social_worker_opens_every_page(demo, client):
    client.force_login(User.objects.get(username="ssw.raa"))
    for name in ("carers:list", "carers:profiles", "carers:sufficiency"):
        assert client.get(reverse(name)).status_code == 200, name
    for household in Household.objects.all():
        for name in ("carers:record", "carers:edit", "carers:offer", "carers:applicant_add"):
            response = client.get(reverse(name, args=[household.pk]))
            assert response.status_code == 200, (name, household.name)
    sufficiency = client.get(reverse("carers:sufficiency")).context["result"]
    assert sufficiency.available == 1
    assert sufficiency.opted_out == 1
