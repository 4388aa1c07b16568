"""The court record right in law (issue 8, part A), each rule with LAW.md's worked example: the
26 weeks and extensions (CA 1989 s.32), the kind of proceedings, orders that end and suspend
others, the legal status history and periods of care, hearings that have happened."""

import re
from datetime import date, timedelta

import pytest
import time_machine
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from children import chronology, services
from children.consistency import child_record_problems
from children.models import (
    CarePeriod,
    CourtOrder,
    HearingKind,
    LegalStatus,
    LegalStatusPeriod,
    OrderKind,
    Proceedings,
    ProceedingsKind,
    StatusBasis,
    extension_limit,
    last_day_of_26_weeks,
)
from tests.children.factories import (
    CarePeriodFactory,
    ChildFactory,
    CourtOrderFactory,
    ExtensionFactory,
    HearingFactory,
    ProceedingsFactory,
)
from tests.helpers import TODAY, checked_value, date_fields, field_error, input_value

pytestmark = pytest.mark.usefixtures("_frozen_today")

ISSUED = date(2026, 11, 2)  # LAW.md: issued Mon 2 Nov 2026
LAST_DAY = date(2027, 5, 2)  # → the 26 weeks end Sun 2 May 2027


@pytest.fixture
def child(own_org, own_team, social_worker):
    return ChildFactory(
        responsible_authority=own_org,
        team=own_team,
        social_worker=social_worker,
        date_of_birth=date(2026, 10, 20),
    )


@pytest.fixture
def proceedings(child):
    return ProceedingsFactory(child=child, issued_on=ISSUED, case_number="NM26C00500")


@pytest.fixture
def sw(client_for, social_worker):
    return client_for(social_worker)


def url(name: str, child, **kwargs) -> str:
    return reverse(f"children:{name}", kwargs={"pk": child.pk, **kwargs})


def record(client, child) -> str:
    response = client.get(url("record", child))
    assert response.status_code == 200
    return response.content.decode()


# --- 1. the 26 weeks: issue + 181 days -----------------------------------------------------------


def test_the_26_weeks_issued_2_november_2026_end_on_2_may_2027(proceedings):
    # CA 1989 s.32(1)(a)(ii): "26 weeks beginning with the day on which the application was
    # issued"
    assert last_day_of_26_weeks(ISSUED) == LAST_DAY
    assert proceedings.statutory_end() == LAST_DAY
    assert proceedings.week_on(LAST_DAY) == 26
    assert proceedings.week_on(ISSUED + timedelta(days=6)) == 1


@pytest.mark.parametrize(
    ("days_ago", "week", "overdue"),
    [(181, "Week 26 of 26", False), (182, "Week 27 of 26", True)],
)
def test_overdue_shows_from_the_day_after_the_last_day(sw, child, days_ago, week, overdue):
    # today is the last day (issued 181 days ago), then the day after it (182 days ago)
    child.date_of_birth = TODAY - timedelta(days=200)
    child.save()
    proceedings = ProceedingsFactory(child=child, issued_on=TODAY - timedelta(days=days_ago))
    assert proceedings.is_overdue_on(TODAY) is overdue
    page = record(sw, child)
    header = page.split('class="govuk-tabs"', 1)[0]
    court = page.split('id="court"', 1)[1]
    assert week in header
    assert week in court
    assert ("Overdue" in header) is overdue
    assert ("Overdue" in court.split("Extensions", 1)[0]) is overdue


# --- 2. extensions: no more than 8 weeks after the later of the end in force and the grant ---


@pytest.mark.parametrize(
    ("granted_on", "limit"),
    [
        (date(2027, 4, 20), date(2027, 6, 27)),
        (LAST_DAY, date(2027, 6, 27)),
        (date(2027, 5, 10), date(2027, 7, 5)),
    ],
)
def test_the_extension_limit_follows_law_md(granted_on, limit):
    # CA 1989 s.32(5), (8)
    assert extension_limit(end_in_force=LAST_DAY, granted_on=granted_on) == limit


def test_an_extension_granted_after_the_end_counts_from_the_grant(social_worker, proceedings):
    with time_machine.travel(date(2027, 5, 10), tick=False):
        with pytest.raises(ValidationError) as refused:
            services.extension_grant(
                proceedings=proceedings,
                ends_on=date(2027, 7, 6),
                granted_on=date(2027, 5, 10),
                reason="Late expert report",
                by=social_worker,
            )
        assert "on or before 5 July 2027" in refused.value.message_dict["ends_on"][0]
        extension = services.extension_grant(
            proceedings=proceedings,
            ends_on=date(2027, 7, 5),
            granted_on=date(2027, 5, 10),
            reason="Late expert report",
            by=social_worker,
        )
    assert extension.ends_on == date(2027, 7, 5)


def test_the_page_shows_the_26_weeks_and_the_extension_with_its_hearing(sw, proceedings):
    irh = HearingFactory(
        proceedings=proceedings, kind=HearingKind.IRH, listed_on=date(2027, 4, 20)
    )
    ExtensionFactory(
        proceedings=proceedings,
        granted_on=date(2027, 4, 20),
        hearing=irh,
        ends_on=date(2027, 6, 27),
    )
    page = record(sw, proceedings.child)
    assert (
        "26 weeks end 2 May 2027; extended to 27 June 2027 (8 weeks, at the IRH on 20 April "
        "2027)" in page
    )
    header = page.split('class="govuk-tabs"', 1)[0]
    assert "Week 4 of 34" in header
    assert "extended to 27 June 2027" in header
    assert "26-week date" not in page
    assert "Overdue" not in header


# --- 3. the kind of proceedings: the clock only for Part IV applications -------------------------


def test_placement_order_proceedings_have_no_26_week_clock(sw, child):
    proceedings = ProceedingsFactory(
        child=child, kind=ProceedingsKind.PLACEMENT, issued_on=date(2026, 11, 9)
    )
    assert not proceedings.has_time_limit
    assert not proceedings.is_overdue_on(date(2028, 1, 1))
    page = record(sw, child)
    header = page.split('class="govuk-tabs"', 1)[0]
    assert "Placement order (Adoption and Children Act 2002 s.21, s.22)" in header
    assert "no 26-week limit" in header
    assert "Week " not in header
    court = page.split('id="court"', 1)[1]
    assert "No 26-week limit" in court
    assert "Record an extension" not in court


def test_an_extension_of_adoption_proceedings_is_refused(social_worker, child):
    proceedings = ProceedingsFactory(child=child, kind=ProceedingsKind.ADOPTION, issued_on=ISSUED)
    with pytest.raises(ValidationError) as refused:
        services.extension_grant(
            proceedings=proceedings,
            ends_on=LAST_DAY + timedelta(days=7),
            granted_on=ISSUED,
            reason="x",
            by=social_worker,
        )
    assert "have no 26-week limit to extend" in refused.value.messages[0]


def test_the_court_people_are_recorded_with_the_proceedings(sw, child):
    response = sw.post(
        url("proceedings_add", child),
        {
            "kind": ProceedingsKind.CARE,
            "court": "Family Court sitting at Northmoor",
            "case_number": "NM26C00600",
            "judge_level": "circuit",
            "childrens_guardian": "A. Guardian",
            "childs_solicitor": "Quay Law",
            "la_solicitor": "Legal Services",
            **date_fields("issued_on", ISSUED),
        },
    )
    assert response.status_code == 302
    proceedings = Proceedings.objects.get()
    assert proceedings.childrens_guardian == "A. Guardian"
    court = record(sw, child).split('id="court"', 1)[1]
    assert "Children's guardian: A. Guardian" in court
    assert "Judge: Circuit judge" in court


# --- 4. orders end, and legal status follows them ------------------------------------------------


@pytest.fixture
def looked_after(child):
    return CarePeriodFactory(child=child, started_on=ISSUED + timedelta(days=1))


@pytest.fixture
def first_hearing(proceedings):
    return HearingFactory(
        proceedings=proceedings, kind=HearingKind.FIRST_ICO, listed_on=ISSUED + timedelta(days=1)
    )


def test_an_interim_care_order_stores_its_end_and_a_care_order_ends_it(
    social_worker, child, proceedings, first_hearing
):
    interim = services.order_record(
        child=child,
        kind=OrderKind.INTERIM_CARE,
        made_on=first_hearing.listed_on,
        hearing=first_hearing,
        expires_on=date(2026, 12, 31),
        by=social_worker,
    )
    assert interim.expires_on == date(2026, 12, 31)
    assert interim.in_force_on(date(2026, 12, 31))
    assert not interim.in_force_on(date(2027, 1, 1))
    final = services.order_record(
        child=child, kind=OrderKind.CARE, made_on=date(2026, 11, 20), by=social_worker
    )
    interim.refresh_from_db()
    assert (interim.ended_on, interim.ended_by) == (date(2026, 11, 20), final)


def test_concluding_care_proceedings_ends_the_interim_care_order(
    social_worker, child, proceedings, first_hearing
):
    # CA 1989 s.38(4): it ends in any event when the application is disposed of
    interim = services.order_record(
        child=child,
        kind=OrderKind.INTERIM_CARE,
        made_on=first_hearing.listed_on,
        hearing=first_hearing,
        by=social_worker,
    )
    services.proceedings_conclude(
        proceedings=proceedings, concluded_on=date(2026, 11, 20), by=social_worker
    )
    interim.refresh_from_db()
    assert interim.ended_on == date(2026, 11, 20)


def test_a_placement_order_suspends_the_care_order_and_ends_supervision_and_section_8(
    sw, social_worker, child, proceedings
):
    # ACA 2002 s.29(1), (2)
    care = CourtOrderFactory(child=child, kind=OrderKind.CARE, made_on=date(2026, 11, 5))
    supervision = CourtOrderFactory(
        child=child, kind=OrderKind.SUPERVISION, made_on=date(2026, 11, 5)
    )
    arrangements = CourtOrderFactory(
        child=child, kind=OrderKind.CHILD_ARRANGEMENTS, made_on=date(2026, 11, 5)
    )
    services.order_record(
        child=child, kind=OrderKind.PLACEMENT, made_on=date(2026, 11, 19), by=social_worker
    )
    care.refresh_from_db()
    supervision.refresh_from_db()
    arrangements.refresh_from_db()
    assert care.ended_on is None
    assert supervision.ended_on == arrangements.ended_on == date(2026, 11, 19)
    in_force = record(sw, child).split('id="orders-in-force"', 1)[1].split("</ul>", 1)[0]
    assert "Care order, made 5 November 2026" in in_force
    assert "Suspended" in in_force
    assert "Placement order, made 19 November 2026" in in_force
    assert "Supervision order" not in in_force


def test_revoking_the_placement_order_revives_the_care_order(social_worker, child):
    care = CourtOrderFactory(child=child, kind=OrderKind.CARE, made_on=date(2026, 11, 5))
    placement = services.order_record(
        child=child, kind=OrderKind.PLACEMENT, made_on=date(2026, 11, 10), by=social_worker
    )
    services.order_record(
        child=child, kind=OrderKind.REVOCATION, made_on=date(2026, 11, 20), by=social_worker
    )
    placement.refresh_from_db()
    assert placement.ended_on == date(2026, 11, 20)
    from children.models import orders_in_force

    in_force = orders_in_force(CourtOrder.objects.filter(child=child), TODAY)
    assert in_force == [(care, None)]


def test_an_interim_care_order_before_care_proceedings_is_refused(sw, child):
    page = sw.post(
        url("order_add", child),
        {"kind": OrderKind.INTERIM_CARE, "notes": "Kept", **date_fields("made_on", TODAY)},
    ).content.decode()
    assert field_error(
        page,
        "kind",
        "Record the care proceedings first: a care or supervision order, interim or final, is "
        "made on an application for one",
    )
    assert checked_value(page, "kind") == OrderKind.INTERIM_CARE
    assert "Kept" in page
    assert not CourtOrder.objects.exists()


def test_an_order_at_a_hearing_not_yet_held_is_refused(social_worker, child, proceedings):
    listed = HearingFactory(proceedings=proceedings, listed_on=TODAY + timedelta(days=3))
    errors = services.court.order_record_errors(
        child=child, made_on=TODAY, hearing=listed, kind=OrderKind.CARE
    )
    assert "hearing" in errors


def test_ended_on_is_settable_and_kept_when_refused(sw, child, proceedings):
    order = CourtOrderFactory(child=child, kind=OrderKind.CARE, made_on=date(2026, 11, 5))
    page = sw.post(
        url("order_end", child, order_pk=order.pk), date_fields("ended_on", date(2026, 11, 4))
    ).content.decode()
    assert field_error(
        page,
        "ended_on",
        "Date the order ended must be on or after the date it was made (5 November 2026)",
    )
    assert input_value(page, "ended_on_0") == "4"
    response = sw.post(
        url("order_end", child, order_pk=order.pk), date_fields("ended_on", date(2026, 11, 20))
    )
    assert response.status_code == 302
    order.refresh_from_db()
    assert order.ended_on == date(2026, 11, 20)


# --- 5. legal status history and periods of care -----------------------------------------------


def test_recording_an_interim_care_order_proposes_c1(
    sw, child, proceedings, first_hearing, looked_after
):
    response = sw.post(
        url("order_add", child),
        {
            "kind": OrderKind.INTERIM_CARE,
            "hearing": str(first_hearing.pk),
            "notes": "",
            **date_fields("made_on", first_hearing.listed_on),
        },
    )
    order = CourtOrder.objects.get()
    assert response.status_code == 302
    assert response["Location"] == url("legal_status_add", child) + f"?order={order.pk}"
    page = sw.get(response["Location"]).content.decode()
    assert checked_value(page, "code") == "C1"
    assert checked_value(page, "basis") == "order"
    assert checked_value(page, "order") == str(order.pk)
    assert input_value(page, "starts_on_0") == "3"
    response = sw.post(
        response["Location"],
        {
            "code": "C1",
            "basis": "order",
            "order": str(order.pk),
            "basis_detail": "",
            **date_fields("starts_on", first_hearing.listed_on),
        },
    )
    assert response.status_code == 302
    status = LegalStatusPeriod.objects.get()
    assert (status.code, status.order, status.ends_on) == ("C1", order, None)


@pytest.mark.parametrize(
    ("kind", "code"),
    [(OrderKind.INTERIM_CARE, "C1"), (OrderKind.CARE, "C2"), (OrderKind.PLACEMENT, "E1")],
)
def test_each_order_proposes_its_legal_status(kind, code):
    from children.models import PROPOSED_STATUS

    assert PROPOSED_STATUS[kind] == code


def test_c1_without_an_interim_care_order_is_refused(sw, child, looked_after):
    care = CourtOrderFactory(child=child, kind=OrderKind.PLACEMENT, made_on=TODAY)
    page = sw.post(
        url("legal_status_add", child),
        {
            "code": "C1",
            "basis": "order",
            "order": str(care.pk),
            "basis_detail": "Kept as typed",
            **date_fields("starts_on", TODAY),
        },
    ).content.decode()
    assert field_error(
        page, "order", "Legal status C1 rests on interim care order: choose that order"
    )
    assert "Kept as typed" in page
    assert not LegalStatusPeriod.objects.exists()


def test_a_legal_status_while_not_looked_after_is_refused(social_worker, child):
    with pytest.raises(ValidationError) as refused:
        services.legal_status_record(
            child=child,
            code=LegalStatus.V2,
            starts_on=TODAY,
            basis=StatusBasis.SECTION_20,
            by=social_worker,
        )
    assert refused.value.message_dict["starts_on"] == [
        "The child is not looked after on 23 November 2026: record the period of care first"
    ]


def test_a_new_legal_status_ends_the_one_before(social_worker, child, looked_after):
    first = services.legal_status_record(
        child=child,
        code=LegalStatus.V2,
        starts_on=looked_after.started_on,
        basis=StatusBasis.SECTION_20,
        by=social_worker,
    )
    proceedings = ProceedingsFactory(child=child, issued_on=date(2026, 11, 10))
    hearing = HearingFactory(proceedings=proceedings, listed_on=date(2026, 11, 12))
    interim = services.order_record(
        child=child,
        kind=OrderKind.INTERIM_CARE,
        made_on=hearing.listed_on,
        hearing=hearing,
        by=social_worker,
    )
    services.legal_status_record(
        child=child,
        code=LegalStatus.C1,
        starts_on=hearing.listed_on,
        basis=StatusBasis.ORDER,
        order=interim,
        by=social_worker,
    )
    first.refresh_from_db()
    assert first.ends_on == date(2026, 11, 12)
    assert child.current_legal_status.code == "C1"
    assert child.legal_status_on(date(2026, 11, 11)).code == "V2"


def test_the_legal_status_list_offers_the_ep_codes_first(sw, child):
    page = sw.get(url("legal_status_add", child)).content.decode()
    codes = re.findall(r'name="code"[^>]*value="([A-Z]\d)"', page)
    assert codes[:7] == ["C1", "C2", "E1", "V2", "L1", "L2", "L3"]


def test_periods_of_care_answer_looked_after_since(sw, social_worker, child):
    assert child.looked_after_since is None
    response = sw.post(url("care_period_add", child), date_fields("started_on", ISSUED))
    assert response.status_code == 302
    period = CarePeriod.objects.get()
    assert child.looked_after_since == ISSUED
    page = sw.post(url("care_period_add", child), date_fields("started_on", TODAY)).content
    assert field_error(
        page.decode(),
        "started_on",
        "The child is already looked after in another period of care (since 2 November 2026)",
    )
    response = sw.post(
        url("care_period_edit", child, period_pk=period.pk),
        {
            "reason_ended": "Returned to the mother under a child arrangements order",
            **date_fields("started_on", ISSUED),
            **date_fields("ended_on", TODAY),
        },
    )
    assert response.status_code == 302
    assert child.looked_after_since is None
    assert "Looked after from 2 November 2026 to 23 November 2026" in record(sw, child)


def test_ceasing_to_be_looked_after_ends_the_legal_status(social_worker, child, looked_after):
    status = services.legal_status_record(
        child=child,
        code=LegalStatus.V2,
        starts_on=looked_after.started_on,
        basis=StatusBasis.SECTION_20,
        by=social_worker,
    )
    services.care_period_update(
        period=looked_after,
        started_on=looked_after.started_on,
        ended_on=TODAY,
        reason_ended="Returned home",
        by=social_worker,
    )
    status.refresh_from_db()
    assert status.ends_on == TODAY


def test_a_period_of_care_for_an_unborn_baby_is_refused(social_worker, own_org, own_team):
    from tests.children.factories import UnbornChildFactory

    unborn = UnbornChildFactory(responsible_authority=own_org, team=own_team)
    with pytest.raises(ValidationError) as refused:
        services.care_period_start(child=unborn, started_on=TODAY, by=social_worker)
    assert "An unborn baby cannot be looked after yet" in refused.value.messages[0]


# --- the record, chronology and history show them; the record agrees with itself ---------------


def test_the_chronology_and_history_show_orders_ending_legal_status_and_care(
    sw, social_worker, child, proceedings, first_hearing, looked_after
):
    interim = services.order_record(
        child=child,
        kind=OrderKind.INTERIM_CARE,
        made_on=first_hearing.listed_on,
        hearing=first_hearing,
        by=social_worker,
    )
    services.legal_status_record(
        child=child,
        code=LegalStatus.C1,
        starts_on=first_hearing.listed_on,
        basis=StatusBasis.ORDER,
        order=interim,
        by=social_worker,
    )
    services.order_record(
        child=child, kind=OrderKind.CARE, made_on=date(2026, 11, 20), by=social_worker
    )
    titles = [event.title for event in chronology.events_for(child, social_worker)]
    assert "Became looked after" in titles
    assert "Legal status C1: interim care order" in titles
    assert "Interim care order ended" in titles
    assert "Care order made" in titles
    history = sw.get(url("history", child)).content.decode()
    assert "Legal status" in history
    assert "Period of care" in history
    assert "<strong>Date the order ended</strong>: 20 November 2026" in history


def test_a_record_made_through_the_services_agrees_with_itself(
    social_worker, child, proceedings, first_hearing, looked_after
):
    interim = services.order_record(
        child=child,
        kind=OrderKind.INTERIM_CARE,
        made_on=first_hearing.listed_on,
        hearing=first_hearing,
        by=social_worker,
    )
    assert child_record_problems(child) == ["Looked after with no legal status"]
    services.legal_status_record(
        child=child,
        code=LegalStatus.C1,
        starts_on=first_hearing.listed_on,
        basis=StatusBasis.ORDER,
        order=interim,
        by=social_worker,
    )
    assert child_record_problems(child) == []
    services.order_record(
        child=child, kind=OrderKind.CARE, made_on=date(2026, 11, 20), by=social_worker
    )
    # the care order proposes C2: until it is recorded the record disagrees, and says so
    assert child_record_problems(child) == [
        "Legal status C1 while the Care order, 20/11/2026 proposes C2"
    ]


def test_the_court_tab_query_count_is_constant_as_orders_and_statuses_grow(sw, child, proceedings):
    def count() -> int:
        with CaptureQueriesContext(connection) as queries:
            record(sw, child)
        return len(queries)

    def add(n: int):
        hearing = HearingFactory(proceedings=proceedings, listed_on=ISSUED + timedelta(days=n))
        order = CourtOrderFactory(child=child, hearing=hearing, made_on=hearing.listed_on)
        CourtOrderFactory(child=child, kind=OrderKind.CARE, ended_by=order, ended_on=TODAY)
        ExtensionFactory(proceedings=proceedings, granted_on=hearing.listed_on, hearing=hearing)
        start = date(2026, 10, 20) + timedelta(days=n)
        CarePeriodFactory(child=child, started_on=start, ended_on=start, reason_ended="x")
        LegalStatusPeriod.objects.create(
            child=child, code="C1", starts_on=start, ends_on=start, basis="order", order=order
        )

    add(1)
    one = count()
    add(2)
    add(3)
    assert count() == one
