"""The child's domain events (children/events.py): what the services tell the apps above.

Nothing in the project listens yet (``deadlines`` will); these tests connect a receiver and assert
the exact events each write sends, through the services and through one page per kind, that a
corrected date sends again and an unchanged one does not, and what a receiver may rely on when
the write that sent the event rolls back.
"""

from datetime import date, timedelta

import pytest
import time_machine
from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse

from accounts.events import DomainEvent
from accounts.models import Role
from children import services
from children.events import ChildEvent, child_event
from children.models import (
    Child,
    ChildAccessLog,
    CourtOrder,
    Hearing,
    HearingKind,
    HearingStatus,
    LookedAfterReview,
    OrderKind,
    Proceedings,
    Route,
)
from tests.children.factories import (
    ChildFactory,
    HearingFactory,
    LookedAfterReviewFactory,
    ProceedingsFactory,
    UnbornChildFactory,
)
from tests.helpers import date_fields

TODAY = date(2026, 11, 23)
BORN = TODAY - timedelta(weeks=20)
LOOKED_AFTER = TODAY - timedelta(weeks=12)
ISSUED = TODAY - timedelta(weeks=8)
pytestmark = pytest.mark.usefixtures("_frozen_today")

E = ChildEvent


@pytest.fixture
def _frozen_today():
    with time_machine.travel(TODAY, tick=False):
        yield


@pytest.fixture
def events():
    """Every child event sent while the test runs, in order."""
    sent: list[DomainEvent] = []

    def receiver(sender, event, **kwargs):
        sent.append(event)

    child_event.connect(receiver, weak=False, dispatch_uid="test_events")
    yield sent
    child_event.disconnect(dispatch_uid="test_events")


def seen(events, *, record=False) -> list[tuple]:
    """(kind, date, corrected) of each event, with the record when asked."""
    return [(e.kind, e.on, e.corrected, *((e.record,) if record else ())) for e in events]


@pytest.fixture
def iro(make_user, own_team):
    return make_user(Role.IRO, team=own_team)


@pytest.fixture
def child(own_team, social_worker, iro):
    return ChildFactory(
        responsible_authority=own_team.organisation,
        team=own_team,
        social_worker=social_worker,
        iro=iro,
        date_of_birth=BORN,
        looked_after_on=LOOKED_AFTER,
    )


@pytest.fixture
def proceedings(child):
    return ProceedingsFactory(child=child, issued_on=ISSUED)


@pytest.fixture
def hearing(proceedings):
    return HearingFactory(proceedings=proceedings, listed_on=ISSUED + timedelta(days=14))


def _create(social_worker, own_team, **fields):
    values = {
        "legal_name": "Event Example",
        "ethnicity": "WBRI",
        "la_child_id": "NM-EV1",
        "route": Route.PROCEEDINGS_ISSUED,
        "identified_on": TODAY - timedelta(days=3),
        **fields,
    }
    return services.child_create(by=social_worker, team=own_team, **values)


# --- the event itself ----------------------------------------------------------------------


def test_an_event_names_the_child_the_kind_the_date_who_and_the_record(
    events, social_worker, child
):
    proceedings = services.proceedings_issue(
        child=child, court="Family Court", case_number="NM26C1", issued_on=ISSUED, by=social_worker
    )
    assert events == [
        DomainEvent(
            kind=E.PROCEEDINGS_ISSUED,
            subject=child,
            on=ISSUED,
            by=social_worker,
            record=proceedings,
            corrected=False,
        )
    ]


# --- per kind, through the services --------------------------------------------------------


def test_creating_a_born_looked_after_child_records_the_birth_and_becoming_looked_after(
    events, social_worker, own_team
):
    child = _create(social_worker, own_team, date_of_birth=BORN)
    services.care_period_start(child=child, started_on=LOOKED_AFTER, by=social_worker)
    assert seen(events) == [
        (E.BIRTH_RECORDED, BORN, False),
        (E.BECAME_LOOKED_AFTER, LOOKED_AFTER, False),
    ]
    assert {e.subject for e in events} == {child}
    assert {e.by for e in events} == {social_worker}


def test_creating_an_unborn_baby_sends_nothing(events, social_worker, own_team):
    _create(
        social_worker,
        own_team,
        route=Route.PRE_BIRTH,
        expected_delivery_date=TODAY + timedelta(days=60),
    )
    assert events == []


def test_recording_the_birth_sends_birth_recorded(events, social_worker, own_team):
    unborn = UnbornChildFactory(responsible_authority=own_team.organisation, team=own_team)
    services.child_record_birth(
        child=unborn, date_of_birth=TODAY - timedelta(days=1), sex="2", by=social_worker
    )
    assert seen(events) == [(E.BIRTH_RECORDED, TODAY - timedelta(days=1), False)]


def test_changing_the_childs_dates_sends_corrections_and_other_edits_send_nothing(
    events, social_worker, own_team
):
    child = ChildFactory(
        responsible_authority=own_team.organisation, team=own_team, date_of_birth=BORN
    )
    services.child_update(child=child, known_as="Evie", by=social_worker)
    assert events == []
    period = services.care_period_start(child=child, started_on=LOOKED_AFTER, by=social_worker)
    services.care_period_update(
        period=period, started_on=LOOKED_AFTER + timedelta(days=2), by=social_worker
    )
    services.care_period_update(
        period=period, started_on=LOOKED_AFTER + timedelta(days=2), by=social_worker
    )
    services.child_update(child=child, date_of_birth=BORN - timedelta(days=1), by=social_worker)
    assert seen(events) == [
        (E.BECAME_LOOKED_AFTER, LOOKED_AFTER, False),  # first recorded: not a correction
        (E.BECAME_LOOKED_AFTER, LOOKED_AFTER + timedelta(days=2), True),
        (E.BIRTH_RECORDED, BORN - timedelta(days=1), True),
    ]


def test_proceedings_issued_then_corrected_sends_again_only_when_the_date_changes(
    events, social_worker, proceedings
):
    services.proceedings_update(
        proceedings=proceedings,
        court="Family Court sitting elsewhere",
        case_number=proceedings.case_number,
        issued_on=ISSUED,
        by=social_worker,
    )
    assert events == []
    services.proceedings_update(
        proceedings=proceedings,
        court=proceedings.court,
        case_number=proceedings.case_number,
        issued_on=ISSUED - timedelta(days=1),
        by=social_worker,
    )
    assert seen(events, record=True) == [
        (E.PROCEEDINGS_ISSUED, ISSUED - timedelta(days=1), True, proceedings)
    ]


def test_an_extension_and_the_conclusion_of_proceedings_are_sent(
    events, social_worker, proceedings
):
    extension = services.extension_grant(
        proceedings=proceedings,
        ends_on=max(proceedings.statutory_end(), TODAY - timedelta(days=2)) + timedelta(weeks=8),
        granted_on=TODAY - timedelta(days=2),
        reason="Expert assessment",
        by=social_worker,
    )
    services.proceedings_conclude(
        proceedings=proceedings, concluded_on=TODAY - timedelta(days=1), by=social_worker
    )
    services.proceedings_conclude(
        proceedings=proceedings, concluded_on=TODAY - timedelta(days=1), by=social_worker
    )
    assert seen(events, record=True) == [
        (E.EXTENSION_GRANTED, TODAY - timedelta(days=2), False, extension),
        (E.PROCEEDINGS_CONCLUDED, TODAY - timedelta(days=1), False, proceedings),
    ]


def test_a_hearing_listed_is_heard_once_recorded_as_having_happened(
    events, social_worker, proceedings
):
    listed = TODAY + timedelta(days=10)
    hearing = services.hearing_add(
        proceedings=proceedings, kind=HearingKind.IRH, listed_on=listed, by=social_worker
    )
    services.hearing_update(
        hearing=hearing, kind=HearingKind.FINAL, listed_on=listed, by=social_worker
    )
    assert seen(events, record=True) == [(E.HEARING_LISTED, listed, False, hearing)]
    events.clear()
    heard = TODAY - timedelta(days=1)
    services.hearing_update(
        hearing=hearing, kind=HearingKind.IRH, listed_on=heard, outcome="", by=social_worker
    )
    services.hearing_update(
        hearing=hearing,
        kind=HearingKind.IRH,
        listed_on=heard,
        status=HearingStatus.ADJOURNED,
        outcome="Adjourned",
        by=social_worker,
    )
    services.hearing_update(
        hearing=hearing,
        kind=HearingKind.IRH,
        listed_on=heard,
        status=HearingStatus.ADJOURNED,
        outcome="Adjourned to January",
        by=social_worker,
    )
    assert seen(events) == [
        (E.HEARING_LISTED, heard, True),
        (E.HEARING_HEARD, heard, False),  # it happened; editing its outcome sends nothing
    ]


def test_a_hearing_added_with_its_outcome_is_listed_and_heard(events, social_worker, proceedings):
    day = ISSUED + timedelta(days=14)
    services.hearing_add(
        proceedings=proceedings,
        kind=HearingKind.CMH,
        listed_on=day,
        status=HearingStatus.EFFECTIVE,
        outcome="Interim care order made",
        by=social_worker,
    )
    assert seen(events) == [(E.HEARING_LISTED, day, False), (E.HEARING_HEARD, day, False)]


def test_an_order_made_is_sent_and_moving_its_hearing_corrects_it(
    events, social_worker, child, hearing
):
    hearing.status = HearingStatus.EFFECTIVE
    hearing.outcome = "Interim care order made"
    hearing.save()
    order = services.order_record(
        child=child,
        kind=OrderKind.INTERIM_CARE,
        made_on=hearing.listed_on,
        hearing=hearing,
        by=social_worker,
    )
    moved = hearing.listed_on + timedelta(days=1)
    services.hearing_update(
        hearing=hearing,
        kind=hearing.kind,
        listed_on=moved,
        outcome=hearing.outcome,
        by=social_worker,
    )
    assert seen(events, record=True) == [
        (E.ORDER_MADE, hearing.listed_on, False, order),
        (E.HEARING_LISTED, moved, True, hearing),
        (E.HEARING_HEARD, moved, True, hearing),
        (E.ORDER_MADE, moved, True, order),
    ]


def test_a_review_held_is_sent_and_a_corrected_date_sends_again(events, iro, child):
    review = LookedAfterReviewFactory(child=child, scheduled_on=TODAY - timedelta(days=3))
    for held_on in (TODAY - timedelta(days=3), TODAY - timedelta(days=3), TODAY - timedelta(2)):
        services.review_record_held(
            review=review,
            held_on=held_on,
            chair=iro,
            recommendations="Continue the twin-track plan",
            plan_endorsed=True,
            permanence_plan_confirmed=True,
            ep_considered=True,
            by=iro,
        )
    assert seen(events, record=True) == [
        (E.REVIEW_HELD, TODAY - timedelta(days=3), False, review),
        (E.REVIEW_HELD, TODAY - timedelta(days=2), True, review),
    ]
    assert {e.by for e in events} == {iro}


def test_a_refused_write_sends_nothing(events, social_worker, child):
    with pytest.raises(ValidationError):
        services.proceedings_issue(
            child=child,
            court="Family Court",
            case_number="NM26C2",
            issued_on=TODAY + timedelta(days=1),
            by=social_worker,
        )
    assert events == []


# --- what a receiver may rely on -----------------------------------------------------------


def test_a_receivers_writes_roll_back_with_the_write_that_sent_the_event(social_worker, child):
    """The guarantee: receivers run inside the service's transaction. What they write to the
    database commits or rolls back with the change; what they do outside it (here, appending to a
    list) has happened even so, which is why a receiver defers email and tasks to on_commit."""
    seen_in_memory = []

    def receiver(sender, event, **kwargs):
        seen_in_memory.append(event.kind)
        ChildAccessLog.objects.create(child=event.subject, user=event.by, path="/receiver")

    def issue_then_fail():
        with transaction.atomic():
            services.proceedings_issue(
                child=child,
                court="Family Court",
                case_number="NM26C3",
                issued_on=ISSUED,
                by=social_worker,
            )
            assert ChildAccessLog.objects.filter(path="/receiver").count() == 1
            raise RuntimeError("a later step of the same request fails")

    child_event.connect(receiver, weak=False, dispatch_uid="test_rollback")
    try:
        with pytest.raises(RuntimeError):
            issue_then_fail()
    finally:
        child_event.disconnect(dispatch_uid="test_rollback")
    assert seen_in_memory == [E.PROCEEDINGS_ISSUED]
    assert not Proceedings.objects.exists()
    assert not ChildAccessLog.objects.filter(path="/receiver").exists()


def test_a_receiver_that_fails_refuses_the_write(social_worker, child, proceedings):
    def receiver(sender, event, **kwargs):
        raise RuntimeError("a listener could not do its part")

    child_event.connect(receiver, weak=False, dispatch_uid="test_failing")
    try:
        with pytest.raises(RuntimeError):
            services.order_record(
                child=child,
                kind=OrderKind.INTERIM_CARE,
                made_on=TODAY - timedelta(days=1),
                by=social_worker,
            )
    finally:
        child_event.disconnect(dispatch_uid="test_failing")
    assert not CourtOrder.objects.exists()


# --- one page per kind ---------------------------------------------------------------------


def test_adding_a_child_on_the_page_sends_birth_and_looked_after(
    events, client_for, social_worker, own_team
):
    data = {
        "legal_name": "Page Example",
        "known_as": "",
        "sex": "1",
        "ethnicity": "WBRI",
        "religion": "",
        "first_language": "English",
        "disability": "unknown",
        "health_needs": "",
        "la_child_id": "NM-EV2",
        "route": Route.PROCEEDINGS_ISSUED,
        "team": str(own_team.pk),
        "social_worker": str(social_worker.pk),
        "iro": "",
        "referred_to": "",
        **date_fields("expected_delivery_date", None),
        **date_fields("date_of_birth", BORN),
        **date_fields("identified_on", TODAY - timedelta(days=3)),
    }
    response = client_for(social_worker).post(reverse("children:create"), data)
    assert response.status_code == 302
    assert seen(events) == [(E.BIRTH_RECORDED, BORN, False)]
    assert events[0].subject == Child.objects.get(la_child_id="NM-EV2")


def test_recording_the_birth_on_the_page_sends_birth_recorded(
    events, client_for, social_worker, own_team
):
    unborn = UnbornChildFactory(responsible_authority=own_team.organisation, team=own_team)
    response = client_for(social_worker).post(
        reverse("children:birth", args=[unborn.pk]),
        {**date_fields("date_of_birth", TODAY), "sex": "2", "legal_name": ""},
    )
    assert response.status_code == 302
    assert seen(events) == [(E.BIRTH_RECORDED, TODAY, False)]


def test_recording_proceedings_on_the_page_sends_proceedings_issued(
    events, client_for, social_worker, child
):
    response = client_for(social_worker).post(
        reverse("children:proceedings_add", args=[child.pk]),
        {
            "kind": "care",
            "court": "Family Court sitting at Northmoor",
            "case_number": "NM26C00077",
            **date_fields("issued_on", ISSUED),
        },
    )
    assert response.status_code == 302
    assert seen(events, record=True) == [
        (E.PROCEEDINGS_ISSUED, ISSUED, False, Proceedings.objects.get())
    ]


def test_listing_a_heard_hearing_on_the_page_sends_listed_and_heard(
    events, client_for, social_worker, proceedings
):
    day = ISSUED + timedelta(days=12)
    response = client_for(social_worker).post(
        reverse(
            "children:hearing_add",
            kwargs={"pk": proceedings.child_id, "proceedings_pk": proceedings.pk},
        ),
        {
            "kind": HearingKind.CMH,
            "status": "effective",
            "outcome": "Directions made",
            **date_fields("listed_on", day),
        },
    )
    assert response.status_code == 302
    hearing = Hearing.objects.get()
    assert seen(events, record=True) == [
        (E.HEARING_LISTED, day, False, hearing),
        (E.HEARING_HEARD, day, False, hearing),
    ]


def test_recording_an_order_on_the_page_sends_order_made(
    events, client_for, social_worker, child, hearing
):
    response = client_for(social_worker).post(
        reverse("children:order_add", args=[child.pk]),
        {
            "kind": OrderKind.INTERIM_CARE,
            "hearing": str(hearing.pk),
            "notes": "",
            **date_fields("made_on", hearing.listed_on),
        },
    )
    assert response.status_code == 302
    assert seen(events, record=True) == [
        (E.ORDER_MADE, hearing.listed_on, False, CourtOrder.objects.get())
    ]


def test_recording_a_review_held_on_the_page_sends_review_held(events, client_for, iro, child):
    review = LookedAfterReviewFactory(child=child, scheduled_on=TODAY - timedelta(days=1))
    response = client_for(iro).post(
        reverse("children:review_record", args=[child.pk, review.pk]),
        {
            "chair": str(iro.pk),
            "recommendations": "Continue the twin-track plan",
            "plan_endorsed": "yes",
            "permanence_plan_confirmed": "yes",
            "ep_considered": "yes",
            **date_fields("held_on", TODAY - timedelta(days=1)),
        },
    )
    assert response.status_code == 302
    assert seen(events, record=True) == [
        (E.REVIEW_HELD, TODAY - timedelta(days=1), False, LookedAfterReview.objects.get())
    ]
    assert events[0].by == iro
