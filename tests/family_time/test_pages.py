"""The family time pages: a plan set up through its form (errors kept), sessions generated,
the family time worker's schedule (only their sessions) and what they may see, recording a
session, the attendance chart, and never a carer's surname or postcode."""

from datetime import timedelta

import pytest
from django.urls import reverse

from accounts.models import Role
from family_time import services
from family_time.models import FamilyTimePlan, Session, SessionStatus
from tests.carers.factories import build_household
from tests.children.factories import ChildFactory
from tests.family_time.factories import make_plan
from tests.helpers import TODAY, checked_value, date_fields, error_summary, field_error

pytestmark = pytest.mark.usefixtures("_frozen_today")


def plan_post(members, supervisor=None, **overrides) -> dict:
    data = {
        "family_members": [m.pk for m in members],
        "days": ["0", "3"],
        "every_weeks": "1",
        "start_time": "10:30",
        "duration_minutes": "90",
        "frequency_reasons": "Between feeds; the baby sleeps after lunch",
        "assessing": "Attunement",
        "supervision_level": "observed",
        "supervisor": supervisor.pk if supervisor else "",
        "supervisor_ep_trained": "on",
        "venue": "Northmoor Family Centre",
        "virtual_platform": "",
        "transport": "The carers",
        "handover": "At the centre",
        "icebreaker_notes": "",
        "agreed_presents": "",
        "agreed_photos": "",
        "agreed_confidentiality": "",
        "agreed_basic_care": "",
        "agreed_breast_milk": "Rosa expresses milk; the carers bring it",
        "agreed_when_unwell": "",
        "confirm_by": "",
        "legal_frame": "s34",
        "goodbye_notes": "",
        **date_fields("icebreaker_on", None),
        **date_fields("starts_on", TODAY),
        **date_fields("review_on", None),
        **date_fields("ends_on", None),
        **date_fields("goodbye_on", None),
    }
    data.update(overrides)
    return data


def test_a_social_worker_sets_up_a_plan(client_for, social_worker, child, mother, ftw):
    client = client_for(social_worker)
    url = reverse("family_time:plan_add", args=[child.pk])
    response = client.post(url, plan_post([mother], ftw))
    assert response.status_code == 302, error_summary(response.content.decode())
    plan = FamilyTimePlan.objects.get()
    assert plan.weekdays == [0, 3]
    assert plan.supervisor == ftw
    assert list(plan.family_members.all()) == [mother]


def test_the_plan_form_refuses_with_the_rules_and_keeps_the_input(
    client_for, social_worker, child, mother
):
    client = client_for(social_worker)
    url = reverse("family_time:plan_add", args=[child.pk])
    response = client.post(
        url,
        plan_post(
            [mother],
            days=[],
            frequency_reasons="",
            venue="",
            parents_confirm="on",
            **date_fields("review_on", TODAY - timedelta(days=1)),
        ),
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert field_error(html, "days", "Select the days of the week family time takes place")
    assert field_error(html, "frequency_reasons", "Enter why this frequency and length")
    assert field_error(
        html, "venue", "Enter where family time takes place, or the virtual platform"
    )
    assert field_error(
        html, "confirm_by", "Enter how and by when the parents confirm they are coming"
    )
    assert field_error(html, "review_on", "Review date must be on or after the start date")
    assert checked_value(html, "supervision_level") == "observed"
    assert "Rosa expresses milk; the carers bring it" in html
    assert not FamilyTimePlan.objects.exists()


def test_generating_from_the_page_twice_adds_nothing_the_second_time(
    client_for, social_worker, child, mother, ftw
):
    plan = make_plan(
        child=child, by=social_worker, members=[mother], supervisor=ftw, starts_on=TODAY
    )
    client = client_for(social_worker)
    url = reverse("family_time:generate", args=[child.pk, plan.pk])
    data = {**date_fields("from_on", TODAY), **date_fields("to_on", TODAY + timedelta(days=6))}
    assert client.post(url, data).status_code == 302
    assert Session.objects.count() == 3
    response = client.post(url, data, follow=True)
    assert "0 sessions added to the schedule" in response.content.decode()
    assert Session.objects.count() == 3
    response = client.post(url, {**data, **date_fields("from_on", TODAY - timedelta(days=1))})
    assert field_error(
        response.content.decode(),
        "from_on",
        "The first date must be on or after the plan's start date, 23 November 2026",
    )


@pytest.fixture
def schedule_world(social_worker, child, mother, ftw, other_ftw, own_team):
    mine = make_plan(child=child, by=social_worker, members=[mother], supervisor=ftw)
    services.sessions_generate(
        plan=mine, by=social_worker, from_on=TODAY, to_on=TODAY + timedelta(days=6)
    )
    other_child = ChildFactory(
        responsible_authority=own_team.organisation, team=own_team, legal_name="Otto Elsewhere"
    )
    theirs = make_plan(child=other_child, by=social_worker, supervisor=other_ftw)
    services.sessions_generate(
        plan=theirs, by=social_worker, from_on=TODAY, to_on=TODAY + timedelta(days=6)
    )
    return mine, other_child


def test_a_family_time_worker_sees_only_their_sessions_and_children(
    client_for, ftw, child, schedule_world
):
    _mine, other_child = schedule_world
    client = client_for(ftw)
    html = client.get(reverse("family_time:schedule")).content.decode()
    assert "Ivy Testbaby" in html
    assert "Otto Elsewhere" not in html
    # the children of their sessions, and no other child of the authority
    assert client.get(reverse("children:record", args=[child.pk])).status_code == 200
    assert client.get(reverse("children:record", args=[other_child.pk])).status_code == 404
    listed = client.get(reverse("children:list") + "?scope=all").content.decode()
    assert "Ivy Testbaby" in listed
    assert "Otto Elsewhere" not in listed
    # the header links to the schedule
    assert reverse("family_time:schedule") in client.get(reverse("accounts:home")).content.decode()


def test_a_family_time_worker_of_no_session_sees_no_child(client_for, make_user, own_team, child):
    worker = make_user(Role.FAMILY_TIME_WORKER, team=own_team)
    client = client_for(worker)
    assert client.get(reverse("children:record", args=[child.pk])).status_code == 404


def test_the_family_time_worker_records_attendance_and_a_handover(
    client_for, social_worker, child, mother, father, ftw
):
    plan = make_plan(
        child=child,
        by=social_worker,
        members=[mother, father],
        supervisor=ftw,
        starts_on=TODAY - timedelta(days=7),
    )
    (session,) = services.sessions_generate(
        plan=plan,
        by=social_worker,
        from_on=TODAY - timedelta(days=7),
        to_on=TODAY - timedelta(days=7),
    )
    client = client_for(ftw)
    url = reverse("family_time:session_record", args=[child.pk, session.pk])
    response = client.post(
        url,
        {
            f"member_{mother.pk}": "attended",
            f"member_{father.pk}": "no_show",
            "handover_notes": "Warm handover with the carers",
        },
    )
    assert response.status_code == 302
    assert response.url == reverse("family_time:schedule")
    session.refresh_from_db()
    assert session.status == SessionStatus.HELD
    assert session.handover_notes == "Warm handover with the carers"
    html = client.get(reverse("family_time:attendance", args=[child.pk])).content.decode()
    assert "<svg" in html
    assert "100%" in html
    assert "0%" in html


def test_attendance_for_someone_not_in_the_plan_is_refused_on_the_page(
    client_for, social_worker, child, mother, ftw
):
    plan = make_plan(
        child=child,
        by=social_worker,
        members=[mother],
        supervisor=ftw,
        starts_on=TODAY - timedelta(days=7),
    )
    (session,) = services.sessions_generate(
        plan=plan,
        by=social_worker,
        from_on=TODAY - timedelta(days=7),
        to_on=TODAY - timedelta(days=7),
    )
    intruder = ChildFactory().pk
    response = client_for(ftw).post(
        reverse("family_time:session_record", args=[child.pk, session.pk]),
        {f"member_{mother.pk}": "attended", f"member_{intruder}": "attended", "concerns": "kept"},
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "Record attendance only for the people in the family time plan" in error_summary(html)
    assert "kept" in html
    session.refresh_from_db()
    assert session.status == SessionStatus.PLANNED


def test_carers_surnames_and_postcodes_never_appear_on_family_time_pages(
    client_for, make_user, social_worker, child, mother, ftw
):

    carers_ssw = make_user(Role.SUPERVISING_SOCIAL_WORKER, username="ssw.carers")
    household = build_household(by=carers_ssw, name="The Ashby-Cole household")
    plan = make_plan(
        child=child,
        by=social_worker,
        members=[mother],
        supervisor=ftw,
        starts_on=TODAY - timedelta(days=7),
    )
    sessions = services.sessions_generate(
        plan=plan,
        by=social_worker,
        from_on=TODAY - timedelta(days=7),
        to_on=TODAY + timedelta(days=7),
    )
    pages = [
        reverse("family_time:schedule"),
        reverse("family_time:attendance", args=[child.pk]),
        reverse("family_time:session_record", args=[child.pk, sessions[0].pk]),
        reverse("family_time:session_move", args=[child.pk, sessions[0].pk]),
        reverse("children:record", args=[child.pk]),
    ]
    surname = household.applicants.first().last_name
    for user in (ftw, social_worker):
        client = client_for(user)
        for url in pages:
            html = client.get(url).content.decode()
            assert surname not in html, url
            assert "Ashby-Cole" not in html, url
            assert household.postcode_district not in html, url
