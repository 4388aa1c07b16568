"""The demo children (children/demo.py) are made through the services: they emit like real use."""

import io
from collections import Counter

import pytest
from django.core.management import call_command

from children.events import ChildEvent, child_event

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
            E.HEARING_LISTED: 2,
            E.HEARING_HEARD: 1,
            E.ORDER_MADE: 1,
            E.REVIEW_HELD: 1,
        }
    )
    assert by_child["NM-40050"] == Counter(
        {
            E.BECAME_LOOKED_AFTER: 1,
            E.BIRTH_RECORDED: 1,
            E.PROCEEDINGS_ISSUED: 1,
            E.EXTENSION_GRANTED: 1,
        }
    )
    assert "NM-40112" not in by_child  # the unborn baby: nothing has happened yet
    review = next(e for e in events if e.kind == E.REVIEW_HELD)
    assert review.by.username == "iro.northmoor"

    events.clear()
    call_command("load_demo", stdout=io.StringIO())
    assert events == []
