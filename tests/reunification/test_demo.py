"""The reunification demo: one child whose reunification is decided and under way, true to the
children's own checks, and every reunification page opens for the demo social worker."""

import io

import pytest
from django.core.management import call_command
from django.urls import reverse

from accounts.models import User
from children.consistency import CHILD_CHECKS
from reunification.demo import DEMO_CHILD
from reunification.models import DecisionStatus, ReunificationDecision
from reunification.selectors import current_decision


@pytest.fixture
def demo(db):
    call_command("load_demo", stdout=io.StringIO())


def test_the_demo_child_has_a_reunification_under_way(demo):
    decision = ReunificationDecision.objects.select_related("child").get()
    assert decision.child.legal_name == DEMO_CHILD
    assert current_decision(child=decision.child) == decision
    assert decision.status == DecisionStatus.DECIDED
    assert decision.plan.agreed_on is not None
    assert decision.steps.filter(happened_on__isnull=False).count() == 3
    assert decision.steps.filter(happened_on__isnull=True).count() == 2
    assert decision.support.count() == 3
    assert decision.life_story.count() == 1


def test_the_demo_child_agrees_with_itself(demo):
    child = ReunificationDecision.objects.get().child
    problems = [problem for check in CHILD_CHECKS for problem in check(child)]
    assert problems == []


def test_loading_the_demo_again_adds_nothing(demo):
    call_command("load_demo", stdout=io.StringIO())
    assert ReunificationDecision.objects.count() == 1


def test_the_demo_social_worker_opens_every_reunification_page(demo, client):
    decision = ReunificationDecision.objects.get()
    client.force_login(User.objects.get(username="sw.northmoor"))
    record = client.get(reverse("children:record", args=[decision.child_id]))
    assert "Reunification plan" in record.content.decode()
    args = {"pk": decision.child_id, "decision_pk": decision.pk}
    for name in ("plan", "step_add", "support_add", "life_story_add"):
        assert client.get(reverse(f"reunification:{name}", kwargs=args)).status_code == 200
    step = decision.steps.first()
    url = reverse("reunification:step_edit", kwargs={**args, "step_pk": step.pk})
    assert client.get(url).status_code == 200
