"""The family time rules through the services: the exact GOV.UK message, nothing half-saved,
idempotent generation, the history kept and the domain events."""

from datetime import date, datetime, time, timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction

from children.models import OrderKind
from family_time import services
from family_time.events import FamilyTimeEvent, family_time_event
from family_time.models import (
    Attendance,
    FamilyTimePlan,
    LaterKind,
    LaterSetting,
    LegalFrame,
    Outcome,
    Session,
    SessionStatus,
)
from family_time.selectors import attendance_report
from family_time.services import LONDON
from tests.children.factories import ChildFactory, CourtOrderFactory, FamilyMemberFactory
from tests.family_time.factories import make_plan, plan_fields
from tests.helpers import TODAY

pytestmark = pytest.mark.usefixtures("_frozen_today")


def messages(error: ValidationError) -> dict:
    return {field: list(msgs) for field, msgs in error.message_dict.items()}


@pytest.fixture
def events():
    received = []

    def receiver(sender, event, **kwargs):
        received.append(event)

    family_time_event.connect(receiver)
    yield received
    family_time_event.disconnect(receiver)


@pytest.fixture
def plan(child, social_worker, mother, father, ftw):
    # Monday, Wednesday and Friday at 10:00 for 90 minutes, from four weeks ago
    return make_plan(
        child=child,
        by=social_worker,
        members=[mother, father],
        supervisor=ftw,
        starts_on=TODAY - timedelta(days=28),
    )


def at(day: date, hour: int = 10, minute: int = 0) -> datetime:
    return datetime.combine(day, time(hour, minute), tzinfo=LONDON)


def test_plan_started_emits_and_keeps_every_change(plan, social_worker, events, child):
    assert [event.kind for event in events] == []  # the plan fixture ran before connecting
    services.plan_update(
        plan=plan,
        by=social_worker,
        days="1",
        frequency_reasons="Reduced after the placement order: once a week",
    )
    plan.refresh_from_db()
    assert plan.weekdays == [1]
    # every version is kept, with who changed it
    versions = plan.history.order_by("history_id")
    assert versions.first().days == "0,2,4"
    assert versions.last().days == "1"
    assert versions.last().history_user == social_worker


def test_plan_create_emits_plan_started(child, social_worker, mother, events):
    plan = make_plan(child=child, by=social_worker, members=[mother])
    assert [(e.kind, e.on, e.record) for e in events] == [
        (FamilyTimeEvent.PLAN_STARTED, plan.starts_on, plan)
    ]


def test_plan_with_someone_outside_the_network_is_refused(child, social_worker):
    stranger = FamilyMemberFactory(child=ChildFactory())
    with pytest.raises(ValidationError) as error:
        make_plan(child=child, by=social_worker, members=[stranger])
    assert messages(error.value) == {
        "family_members": ["Select people from this child's family network"]
    }
    assert not FamilyTimePlan.objects.exists()


def test_plan_needs_a_venue_or_platform_and_how_parents_confirm(child, social_worker, mother):
    with pytest.raises(ValidationError) as error:
        make_plan(child=child, by=social_worker, members=[mother], venue="", confirm_by="  ")
    assert messages(error.value) == {
        "venue": ["Enter where family time takes place, or the virtual platform"],
        "confirm_by": ["Enter how and by when the parents confirm they are coming"],
    }


def test_after_a_placement_order_family_time_is_under_section_26(child, social_worker, mother):
    # ACA 2002 s.26(1): the placement order ends contact under CA 1989 s.34
    CourtOrderFactory(child=child, kind=OrderKind.PLACEMENT, made_on=TODAY - timedelta(days=10))
    with pytest.raises(ValidationError) as error:
        make_plan(child=child, by=social_worker, members=[mother], starts_on=TODAY)
    assert messages(error.value) == {
        "legal_frame": [
            "A placement order is in force on the start date: family time is then under "
            "section 26 of the Adoption and Children Act 2002"
        ]
    }
    plan = make_plan(
        child=child, by=social_worker, members=[mother], starts_on=TODAY, legal_frame="s26"
    )
    assert plan.legal_frame == LegalFrame.S26


def test_only_the_childs_planners_plan(child, ftw, mother):
    with pytest.raises(PermissionDenied):
        make_plan(child=child, by=ftw, members=[mother])


def test_generating_twice_never_duplicates(plan, social_worker):
    first = services.sessions_generate(
        plan=plan, by=social_worker, from_on=TODAY, to_on=TODAY + timedelta(days=13)
    )
    # Monday, Wednesday, Friday for two weeks
    assert [s.starts_at.astimezone(LONDON).date().weekday() for s in first] == [0, 2, 4] * 2
    assert first[0].starts_at == at(TODAY)
    assert first[0].ends_at == at(TODAY, 11, 30)
    again = services.sessions_generate(
        plan=plan, by=social_worker, from_on=TODAY, to_on=TODAY + timedelta(days=13)
    )
    assert again == []
    assert Session.objects.count() == 6


def test_a_moved_session_is_not_generated_again(plan, social_worker, ftw):
    (session, *_rest) = services.sessions_generate(
        plan=plan, by=social_worker, from_on=TODAY, to_on=TODAY
    )
    services.session_move(
        session=session,
        by=ftw,
        starts_at=at(TODAY + timedelta(days=1), 14),
        duration_minutes=60,
        supervisor=ftw,
        moved_because="The mother's hospital appointment",
    )
    assert (
        services.sessions_generate(plan=plan, by=social_worker, from_on=TODAY, to_on=TODAY) == []
    )
    session.refresh_from_db()
    assert session.starts_at == at(TODAY + timedelta(days=1), 14)
    # the history keeps where it was
    assert [h.starts_at for h in session.history.order_by("history_id")] == [
        at(TODAY),
        at(TODAY + timedelta(days=1), 14),
    ]


def test_the_database_refuses_a_second_session_for_a_slot(plan, social_worker):
    (session,) = services.sessions_generate(
        plan=plan, by=social_worker, from_on=TODAY, to_on=TODAY
    )
    with pytest.raises(IntegrityError), transaction.atomic():
        Session.objects.create(
            plan=plan, slot=session.slot, starts_at=session.starts_at, ends_at=session.ends_at
        )


def test_every_other_week_counts_from_the_week_the_plan_started(child, social_worker, mother):
    plan = make_plan(
        child=child, by=social_worker, members=[mother], days="0", every_weeks=2, starts_on=TODAY
    )
    made = services.sessions_generate(
        plan=plan, by=social_worker, from_on=TODAY, to_on=TODAY + timedelta(days=27)
    )
    assert [s.starts_at.date() for s in made] == [TODAY, TODAY + timedelta(days=14)]


def test_generating_outside_the_plans_dates_is_refused(plan, social_worker):
    services.plan_update(plan=plan, by=social_worker, ends_on=TODAY + timedelta(days=7))
    with pytest.raises(ValidationError) as error:
        services.sessions_generate(
            plan=plan,
            by=social_worker,
            from_on=plan.starts_on - timedelta(days=1),
            to_on=TODAY + timedelta(days=8),
        )
    assert messages(error.value) == {
        "from_on": ["The first date must be on or after the plan's start date, 26 October 2026"],
        "to_on": ["The last date must be on or before the plan's end date, 30 November 2026"],
    }
    assert not Session.objects.exists()


def test_a_session_outside_the_plans_dates_is_refused(plan, social_worker, ftw):
    with pytest.raises(ValidationError) as error:
        services.session_add(
            plan=plan,
            by=social_worker,
            starts_at=at(plan.starts_on - timedelta(days=1)),
            duration_minutes=60,
            supervisor=ftw,
        )
    assert messages(error.value) == {
        "on": ["The date must be within the plan's dates, from 26 October 2026"]
    }


def test_overlapping_sessions_for_one_supervisor_are_refused_and_nothing_is_saved(
    plan, child, social_worker, ftw, mother
):
    services.sessions_generate(plan=plan, by=social_worker, from_on=TODAY, to_on=TODAY)
    sibling_plan = make_plan(
        child=child,
        by=social_worker,
        members=[mother],
        supervisor=ftw,
        start_time=time(11, 0),
        starts_on=TODAY,
    )
    with pytest.raises(ValidationError) as error:
        services.sessions_generate(
            plan=sibling_plan, by=social_worker, from_on=TODAY, to_on=TODAY + timedelta(days=6)
        )
    assert messages(error.value) == {
        "from_on": [
            "The supervisor already has a family time session at 10:00 on 23 November 2026: "
            "choose another time or supervisor"
        ]
    }
    # nothing half-saved: not even the sessions of the days without a clash
    assert not sibling_plan.sessions.exists()
    with pytest.raises(ValidationError) as error:
        services.session_add(
            plan=sibling_plan,
            by=social_worker,
            starts_at=at(TODAY, 11),
            duration_minutes=30,
            supervisor=ftw,
        )
    assert "supervisor" in messages(error.value)
    # back to back is not an overlap
    services.session_add(
        plan=sibling_plan,
        by=social_worker,
        starts_at=at(TODAY, 11, 30),
        duration_minutes=30,
        supervisor=ftw,
    )


def test_recording_attendance_holds_the_session_and_emits(
    plan, social_worker, ftw, mother, father, events
):
    (session,) = services.sessions_generate(
        plan=plan,
        by=social_worker,
        from_on=TODAY - timedelta(days=3),
        to_on=TODAY - timedelta(days=3),
    )
    services.session_record(
        session=session,
        by=ftw,
        attendance={mother.pk: Outcome.ATTENDED, father.pk: Outcome.NO_SHOW},
        handover_notes="Calm handover; the carers and Rosa talked about the baby's sleep",
    )
    session.refresh_from_db()
    assert session.status == SessionStatus.HELD
    assert dict(session.attendance.values_list("family_member_id", "outcome")) == {
        mother.pk: "attended",
        father.pk: "no_show",
    }
    assert [(e.kind, e.on, e.corrected) for e in events] == [
        (FamilyTimeEvent.SESSION_HELD, TODAY - timedelta(days=3), False)
    ]
    # recorded again: corrected, one row a person
    services.session_record(session=session, by=ftw, attendance={father.pk: Outcome.LATE})
    assert Attendance.objects.count() == 2
    assert events[-1].corrected is True


def test_attendance_for_someone_not_in_the_plan_is_refused(plan, social_worker, ftw, child):
    (session,) = services.sessions_generate(
        plan=plan,
        by=social_worker,
        from_on=TODAY - timedelta(days=3),
        to_on=TODAY - timedelta(days=3),
    )
    aunt = FamilyMemberFactory(child=child, name="Aunt Not In Plan", relationship="aunt_uncle")
    with pytest.raises(ValidationError) as error:
        services.session_record(
            session=session, by=ftw, attendance={aunt.pk: Outcome.ATTENDED}, handover_notes="x"
        )
    assert messages(error.value) == {
        "__all__": ["Record attendance only for the people in the family time plan"]
    }
    session.refresh_from_db()
    assert session.status == SessionStatus.PLANNED
    assert session.handover_notes == ""
    assert not Attendance.objects.exists()


def test_a_session_is_recorded_only_once_it_has_started(plan, social_worker, ftw, mother):
    (session,) = services.sessions_generate(
        plan=plan,
        by=social_worker,
        from_on=TODAY + timedelta(days=2),
        to_on=TODAY + timedelta(days=2),
    )
    with pytest.raises(ValidationError) as error:
        services.session_record(session=session, by=ftw, attendance={mother.pk: "attended"})
    assert messages(error.value) == {
        "__all__": ["You can record a session only once it has started"]
    }


def test_only_the_supervising_family_time_worker_records(plan, social_worker, other_ftw, mother):
    (session,) = services.sessions_generate(
        plan=plan,
        by=social_worker,
        from_on=TODAY - timedelta(days=3),
        to_on=TODAY - timedelta(days=3),
    )
    with pytest.raises(PermissionDenied):
        services.session_record(session=session, by=other_ftw, attendance={mother.pk: "attended"})


def test_cancelling_keeps_the_session_and_counts_for_everyone(
    plan, social_worker, ftw, mother, father, events
):
    (session,) = services.sessions_generate(
        plan=plan, by=social_worker, from_on=TODAY, to_on=TODAY
    )
    services.session_cancel(session=session, by=ftw, because=Outcome.CHILD_UNWELL)
    session.refresh_from_db()
    assert session.status == SessionStatus.CANCELLED
    assert set(session.attendance.values_list("outcome", flat=True)) == {"child_unwell"}
    assert events[-1].kind == FamilyTimeEvent.SESSION_CANCELLED
    assert [h.status for h in session.history.order_by("history_id")] == [
        "planned",
        "cancelled",
    ]
    with pytest.raises(ValidationError) as error:
        services.session_cancel(session=session, by=ftw, because="attended")
    assert messages(error.value) == {"because": ["Select why the session was cancelled"]}


def test_attendance_rates_leave_out_what_is_not_the_familys(
    plan, social_worker, ftw, mother, father
):
    sessions = services.sessions_generate(
        plan=plan,
        by=social_worker,
        from_on=TODAY - timedelta(days=14),
        to_on=TODAY - timedelta(days=1),
    )
    assert len(sessions) == 6
    outcomes = ["attended", "late", "no_show", "family_notice", "attended", "ended_early"]
    for session, outcome in zip(sessions, outcomes, strict=True):
        services.session_record(
            session=session, by=ftw, attendance={mother.pk: outcome, father.pk: "no_show"}
        )
    services.session_cancel(
        session=services.session_add(
            plan=plan,
            by=social_worker,
            starts_at=at(TODAY - timedelta(days=2), 15),
            duration_minutes=60,
            supervisor=ftw,
        ),
        by=social_worker,
        because=Outcome.CANCELLED_LA,
    )
    report = attendance_report(child=plan.child)
    mum = report.totals[mother.pk]
    # 4 of the 6 the family could attend; the authority's cancellation is not counted
    assert (mum.attended, mum.counted, mum.not_counted, mum.rate) == (4, 6, 1, 67)
    assert report.totals[father.pk].rate == 0
    assert [line.month for line in report.months] == [date(2026, 11, 1)]


def test_later_family_time_needs_someone_and_the_order_date(child, social_worker, mother):
    fields = dict(
        setting=LaterSetting.AFTER_ADOPTION,
        kind=LaterKind.LETTER,
        family_member=None,
        with_ep_carers=False,
        how_often="Once a year",
        s51a_order="requires",
        s51a_order_on=None,
    )
    with pytest.raises(ValidationError) as error:
        services.later_family_time_save(child=child, by=social_worker, **fields)
    assert messages(error.value) == {
        "family_member": ["Select who the family time is with"],
        "s51a_order_on": ["Enter the date of the section 51A order"],
    }
    # Std 7.6: a child who went home keeps in touch with the carers
    record = services.later_family_time_save(
        child=child,
        by=social_worker,
        **{
            **fields,
            "setting": LaterSetting.AFTER_RETURN,
            "with_ep_carers": True,
            "s51a_order": "",
            "kind": LaterKind.DIRECT,
        },
    )
    assert record.with_ep_carers


def test_plan_fields_has_no_default_frequency():
    # the form and the services take the frequency from the user: nothing in the model
    for name in ("days", "every_weeks", "duration_minutes", "frequency_reasons"):
        assert not FamilyTimePlan._meta.get_field(name).has_default()
    assert set(plan_fields()) == set(services.PLAN_FIELDS)
