"""accounts.clock: "today" is England's date. At 23:30 UTC on a summer evening it is already
tomorrow in England (00:30 BST), and a birth recorded "today" there is not in the future."""

from datetime import UTC, date, datetime, timedelta

import pytest
import time_machine
from django.urls import reverse

from accounts import clock
from children import services
from children.models import Child, NoteKind, Route
from tests.children.factories import ChildFactory, ProceedingsFactory
from tests.helpers import date_fields, error_summary

LATE_SUMMER_EVENING = datetime(2026, 7, 14, 23, 30, tzinfo=UTC)  # 00:30 on 15 July in London
ENGLAND_TODAY = date(2026, 7, 15)


@pytest.fixture
def _late_summer_evening():
    with time_machine.travel(LATE_SUMMER_EVENING, tick=False):
        yield


@pytest.fixture
def unborn(own_team, _late_summer_evening):
    return ChildFactory(
        responsible_authority=own_team.organisation,
        team=own_team,
        date_of_birth=None,
        expected_delivery_date=ENGLAND_TODAY + timedelta(days=3),
        identified_on=ENGLAND_TODAY - timedelta(days=60),
        route=Route.PRE_BIRTH,
    )


@pytest.fixture
def born(own_team, _late_summer_evening):
    return ChildFactory(
        responsible_authority=own_team.organisation,
        team=own_team,
        date_of_birth=ENGLAND_TODAY - timedelta(days=40),
        identified_on=ENGLAND_TODAY - timedelta(days=60),
    )


@pytest.mark.usefixtures("_late_summer_evening")
def test_today_is_englands_date_not_the_date_in_utc():
    assert clock.today() == ENGLAND_TODAY
    assert clock.now() == LATE_SUMMER_EVENING


def test_a_birth_recorded_today_in_england_is_accepted_by_the_service(unborn, social_worker):
    services.child_record_birth(child=unborn, date_of_birth=ENGLAND_TODAY, by=social_worker)
    unborn.refresh_from_db()
    assert unborn.date_of_birth == ENGLAND_TODAY


def test_a_birth_recorded_today_in_england_is_accepted_by_the_page(
    unborn, social_worker, client_for
):
    response = client_for(social_worker).post(
        reverse("children:birth", args=[unborn.pk]),
        {**date_fields("date_of_birth", ENGLAND_TODAY), "sex": "", "legal_name": ""},
    )
    assert response.status_code == 302, error_summary(response.content.decode())
    unborn.refresh_from_db()
    assert unborn.date_of_birth == ENGLAND_TODAY


def test_tomorrow_in_england_is_still_in_the_future(unborn, social_worker, client_for):
    response = client_for(social_worker).post(
        reverse("children:birth", args=[unborn.pk]),
        {**date_fields("date_of_birth", ENGLAND_TODAY + timedelta(days=1))},
    )
    assert "Date of birth must be today or in the past" in response.content.decode()


# Other "must be today or in the past" dates, entered as England's today on a page.
def _note(child):
    data = {"kind": NoteKind.choices[0][0], "summary": "Visit", "text": ""}
    return "children:note_add", [child.pk], {**data, **date_fields("happened_on", ENGLAND_TODAY)}


def _plo_letter(child):
    return (
        "children:pre_proceedings_add",
        [child.pk],
        {
            **date_fields("letter_before_proceedings_on", ENGLAND_TODAY),
            **date_fields("meeting_on", None),
            "notes": "",
        },
    )


def _proceedings_issued(child):
    data = {
        "kind": "care",
        "court": "Family Court sitting at Northmoor",
        "case_number": "NM26C00001",
    }
    return (
        "children:proceedings_add",
        [child.pk],
        {**data, **date_fields("issued_on", ENGLAND_TODAY)},
    )


def _proceedings_concluded(child):
    proceedings = ProceedingsFactory(child=child, issued_on=ENGLAND_TODAY - timedelta(days=30))
    return (
        "children:proceedings_conclude",
        [child.pk, proceedings.pk],
        date_fields("concluded_on", ENGLAND_TODAY),
    )


def _family_member_informed(child):
    data = {
        "name": "A. Parent",
        "relationship": "mother",
        "relationship_detail": "",
        "parental_responsibility": "yes",
        "legal_representative": "",
        "address": "",
        "phone": "",
        "email": "",
        "notes": "",
    }
    return (
        "children:family_member_add",
        [child.pk],
        {**data, **date_fields("ep_information_given_on", ENGLAND_TODAY)},
    )


@pytest.mark.parametrize(
    "page",
    [_note, _plo_letter, _proceedings_issued, _proceedings_concluded, _family_member_informed],
)
def test_a_date_of_today_in_england_is_accepted_on_every_page_that_refuses_the_future(
    page, born, social_worker, client_for
):
    url_name, args, data = page(born)
    response = client_for(social_worker).post(reverse(url_name, args=args), data)
    assert response.status_code == 302, error_summary(response.content.decode())


def test_a_child_looked_after_from_today_in_england_is_accepted(born, social_worker):
    services.care_period_start(child=born, by=social_worker, started_on=ENGLAND_TODAY)
    assert Child.objects.get(pk=born.pk).looked_after_since == ENGLAND_TODAY
