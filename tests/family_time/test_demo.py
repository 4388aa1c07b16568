"""The family time demo: the demo family time worker's schedule is not empty on a first run,
and the demo child's family time shows past sessions with attendance and future ones."""

import io

import pytest
from django.core.management import call_command
from django.urls import reverse

from accounts.models import User
from family_time.models import FamilyTimePlan, Session, SessionStatus


@pytest.fixture
def demo(db):
    call_command("load_demo", stdout=io.StringIO())


def test_demo_plan_has_past_and_future_sessions(demo):
    plan = FamilyTimePlan.objects.get(child__la_child_id="NM-40087")
    assert plan.supervisor.username == "ftw.northmoor"
    statuses = set(Session.objects.filter(plan=plan).values_list("status", flat=True))
    assert statuses == {SessionStatus.HELD, SessionStatus.CANCELLED, SessionStatus.PLANNED}
    # loading again adds nothing
    before = Session.objects.count()
    call_command("load_demo", stdout=io.StringIO())
    assert Session.objects.count() == before


def test_demo_family_time_worker_opens_their_schedule_and_the_child(demo, client):
    worker = User.objects.get(username="ftw.northmoor")
    client.force_login(worker)
    html = client.get(reverse("family_time:schedule")).content.decode()
    assert "Rowan Ellery" in html
    plan = FamilyTimePlan.objects.get(child__la_child_id="NM-40087")
    assert client.get(reverse("children:record", args=[plan.child_id])).status_code == 200
    page = client.get(reverse("family_time:attendance", args=[plan.child_id])).content.decode()
    assert "<svg" in page
    assert "Alex Ellery" in page


def test_demo_social_worker_opens_every_family_time_form(demo, client):
    client.force_login(User.objects.get(username="sw.northmoor"))
    plan = FamilyTimePlan.objects.get(child__la_child_id="NM-40087")
    session = plan.sessions.first()
    later = plan.child.later_family_time.first()
    for name, args in (
        ("family_time:plan_edit", [plan.child_id, plan.pk]),
        ("family_time:generate", [plan.child_id, plan.pk]),
        ("family_time:session_add", [plan.child_id, plan.pk]),
        ("family_time:session_record", [plan.child_id, session.pk]),
        ("family_time:session_move", [plan.child_id, session.pk]),
        ("family_time:later_edit", [plan.child_id, later.pk]),
    ):
        assert client.get(reverse(name, args=args)).status_code == 200, name
