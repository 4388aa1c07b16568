"""The demo children (children/demo.py) are made through the services: they emit like real use."""

import io
from collections import Counter

import pytest
from django.core.management import call_command

from children.consistency import child_record_problems
from children.events import ChildEvent, child_event
from children.models import (
    CarePeriod,
    Child,
    Extension,
    Hearing,
    LegalStatusPeriod,
    Proceedings,
)

E = ChildEvent


@pytest.fixture
def events():
    sent = []

    def receiver(sender, event, **kwargs):
        sent.append(event)

    child_event.connect(receiver, weak=False, dispatch_uid="test_demo")
    yield sent
    child_event.disconnect(dispatch_uid="test_demo")


def test_loading_the_demo_emits_each_childs_events_once(db, events):
    call_command("load_demo", stdout=io.StringIO())
    by_child = {}
    for event in events:
        assert not event.corrected
        by_child.setdefault(event.subject.la_child_id, Counter())[event.kind] += 1
    assert by_child["NM-40087"] == Counter(
        {
            E.BECAME_LOOKED_AFTER: 1,
            E.BIRTH_RECORDED: 1,
            E.PROCEEDINGS_ISSUED: 1,
            E.HEARING_LISTED: 3,
            E.HEARING_HEARD: 2,
            E.ORDER_MADE: 1,
            E.REVIEW_HELD: 1,
            E.SECTION20_ACCOMMODATION_STARTED: 1,
            E.SECTION20_ACCOMMODATION_ENDED: 1,
        }
    )
    assert by_child["NM-40050"] == Counter(
        {
            E.BECAME_LOOKED_AFTER: 1,
            E.BIRTH_RECORDED: 1,
            E.PROCEEDINGS_ISSUED: 1,
            E.HEARING_LISTED: 2,
            E.HEARING_HEARD: 2,
            E.ORDER_MADE: 1,
            E.EXTENSION_GRANTED: 1,
        }
    )
    # the relinquished baby: section 20, the written agreement, the Part 19 application
    relinquished = by_child["NM-40130"]
    assert relinquished[E.SECTION20_ACCOMMODATION_STARTED] == 1
    assert relinquished[E.WRITTEN_AGREEMENT_SIGNED] == 1
    assert relinquished[E.PART19_APPLICATION_MADE] == 1
    assert relinquished[E.CONSENT_TO_PLACEMENT_GIVEN] == 0  # Cafcass asked, not yet witnessed
    assert "NM-40112" not in by_child  # the unborn baby: nothing has happened yet
    review = next(e for e in events if e.kind == E.REVIEW_HELD)
    assert review.by.username == "iro.northmoor"

    events.clear()
    call_command("load_demo", stdout=io.StringIO())
    assert events == []


def test_every_demo_child_agrees_with_itself(db):
    """The demo tells the truth: each child's dates, orders and legal status pass the same rule
    functions the services enforce (children.consistency.CHILD_CHECKS)."""
    call_command("load_demo", stdout=io.StringIO())
    problems = {
        child.la_child_id: child_record_problems(child)
        for child in Child.objects.order_by("la_child_id")
    }
    assert problems == {la_child_id: [] for la_child_id in problems}
    rowan = Child.objects.get(la_child_id="NM-40087")
    assert rowan.current_legal_status.code == "C1"
    assert rowan.current_legal_status.order.kind == "interim_care"
    assert not Hearing.objects.filter(outcome__icontains="renewed").exists()


def test_the_demo_shows_every_new_court_record(db):
    call_command("load_demo", stdout=io.StringIO())
    assert CarePeriod.objects.exists()
    assert LegalStatusPeriod.objects.filter(basis="order").exists()
    assert LegalStatusPeriod.objects.filter(code="V2", basis="s20").exists()
    assert Extension.objects.filter(hearing__isnull=False).exists()
    assert Proceedings.objects.exclude(childrens_guardian="").exists()
