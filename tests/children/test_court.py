"""The court record: proceedings and the 26-week limit (Children Act 1989 s.32), extensions,
hearings, directions and orders. Consent, parental responsibility, Part 19, section 20 and
pre-proceedings are tested in test_consent.py."""

import re
from datetime import date, timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils.html import escape

from accounts.models import Role
from children import services
from children.models import (
    CourtOrder,
    Direction,
    Extension,
    Hearing,
    HearingKind,
    OrderKind,
    Proceedings,
    Relationship,
)
from tests.children.factories import (
    ChildFactory,
    ConsentToPlacementFactory,
    CourtOrderFactory,
    DirectionFactory,
    ExtensionFactory,
    FamilyMemberFactory,
    HearingFactory,
    PreProceedingsFactory,
    ProceedingsFactory,
)
from tests.helpers import TODAY, checked_value, date_fields, field_error, input_value

ISSUED = TODAY - timedelta(weeks=8)  # 28 September 2026: today is in week 9
pytestmark = pytest.mark.usefixtures("_frozen_today")


@pytest.fixture
def child(own_org, own_team, social_worker):
    return ChildFactory(
        responsible_authority=own_org,
        team=own_team,
        social_worker=social_worker,
        legal_name="Rowan Example",
        date_of_birth=TODAY - timedelta(weeks=20),
    )


@pytest.fixture
def proceedings(child):
    return ProceedingsFactory(child=child, issued_on=ISSUED, case_number="NM26C00042")


@pytest.fixture
def hearing(proceedings):
    return HearingFactory(
        proceedings=proceedings, kind=HearingKind.CMH, listed_on=ISSUED + timedelta(days=14)
    )


@pytest.fixture
def sw(client_for, social_worker):
    return client_for(social_worker)


def url(name: str, child, **kwargs) -> str:
    return reverse(f"children:{name}", kwargs={"pk": child.pk, **kwargs})


# --- the 26-week limit -------------------------------------------------------------------------


def test_the_26_weeks_end_on_issue_plus_181_days(proceedings):
    # CA 1989 s.32(1)(a)(ii): the issue day is day 1 of the 26 weeks
    assert proceedings.target_weeks() == 26
    assert proceedings.statutory_end() == ISSUED + timedelta(days=181)
    assert proceedings.end_in_force() == date(2027, 3, 28)


def test_two_extensions_end_where_the_court_set_the_last(proceedings):
    ExtensionFactory(proceedings=proceedings, granted_on=TODAY, ends_on=date(2027, 5, 23))
    ExtensionFactory(proceedings=proceedings, granted_on=TODAY, ends_on=date(2027, 6, 20))
    proceedings = Proceedings.objects.prefetch_related("extensions").get(pk=proceedings.pk)
    assert proceedings.end_in_force() == date(2027, 6, 20)
    assert proceedings.target_weeks() == 38


@pytest.mark.parametrize(
    ("days_after_issue", "week"),
    [(0, 1), (6, 1), (7, 2), (13, 2), (14, 3), (55, 8), (56, 9), (181, 26), (182, 27)],
)
def test_week_number_counts_the_issue_day_as_week_1(proceedings, days_after_issue, week):
    assert proceedings.week_on(ISSUED + timedelta(days=days_after_issue)) == week


def test_record_header_shows_week_9_of_26_for_proceedings_issued_8_weeks_ago(sw, proceedings):
    page = sw.get(reverse("children:record", args=[proceedings.child_id])).content.decode()
    header = page.split('class="govuk-tabs"', 1)[0]
    assert "Week 9 of 26" in header
    assert "26 weeks end 28 March 2027" in header
    assert "Overdue" not in header


def test_court_section_shows_the_26_week_end_and_the_extension_apart(sw, proceedings):
    ExtensionFactory(
        proceedings=proceedings,
        ends_on=date(2027, 4, 25),
        granted_on=TODAY - timedelta(days=1),
        reason="Awaiting a sibling's assessment",
    )
    page = sw.get(reverse("children:record", args=[proceedings.child_id])).content.decode()
    court = page.split('id="court"', 1)[1]
    assert (
        "26 weeks end 28 March 2027; extended to 25 April 2027 (4 weeks, granted 22 November "
        "2026)" in court
    )
    assert "26-week date" not in page
    assert "Week 9 of 30" in court
    assert escape("Awaiting a sibling's assessment") in court


def test_court_section_lists_hearings_directions_orders_and_consent(sw, child, hearing):
    DirectionFactory(hearing=hearing, text="File the viability report", due_on=TODAY)
    DirectionFactory(
        hearing=hearing, text="Parents to file statements", due_on=TODAY - timedelta(days=1)
    )
    DirectionFactory(
        hearing=hearing,
        text="Guardian to file analysis",
        due_on=TODAY - timedelta(days=3),
        complied_on=TODAY - timedelta(days=4),
    )
    CourtOrderFactory(child=child, hearing=hearing, made_on=hearing.listed_on)
    ConsentToPlacementFactory(child=child, parent__name="Amy Parent")
    PreProceedingsFactory(child=child, letter_before_proceedings_on=date(2026, 7, 1))
    court = sw.get(url("record", child)).content.decode().split('id="court"', 1)[1]
    court = court.split('id="reviews"', 1)[0]
    assert "1 July 2026" in court
    assert "Case management hearing, 12 October 2026" in court
    overdue = court.split("Parents to file statements", 1)[1].split("</li>", 1)[0]
    assert "govuk-tag--red" in overdue
    assert "Overdue" in overdue
    due_today = court.split("File the viability report", 1)[1].split("</li>", 1)[0]
    assert "Overdue" not in due_today
    assert "Complied with 19 November 2026" in court
    assert "Interim care order" in court
    assert "Amy Parent" in court
    assert (
        'Change<span class="govuk-visually-hidden"> case management hearing on 12 October 2026'
        in court
    )
    assert "style=" not in court
    assert "<script" not in court


def test_an_iro_reads_the_court_record_without_change_links(
    client_for, make_user, own_team, hearing
):
    iro = make_user(Role.IRO, team=own_team)
    page = client_for(iro).get(url("record", hearing.proceedings.child)).content.decode()
    court = page.split('id="court"', 1)[1]
    assert "Case management hearing" in court
    assert (
        reverse("children:hearing_edit", args=[hearing.proceedings.child_id, hearing.pk])
        not in court
    )
    assert "Add a hearing" not in court


def test_record_page_query_count_does_not_grow_with_the_court_record(sw, child):
    def count() -> int:
        with CaptureQueriesContext(connection) as queries:
            assert sw.get(url("record", child)).status_code == 200
        return len(queries)

    def add_proceedings():
        proceedings = ProceedingsFactory(child=child, issued_on=ISSUED)
        ExtensionFactory(proceedings=proceedings, granted_on=TODAY)
        hearing = HearingFactory(proceedings=proceedings)
        DirectionFactory(hearing=hearing)
        CourtOrderFactory(child=child, hearing=hearing, made_on=hearing.listed_on)
        ConsentToPlacementFactory(child=child)

    add_proceedings()
    one = count()
    add_proceedings()
    add_proceedings()
    assert count() == one


# --- adding and changing through the pages -----------------------------------------------------


def test_social_worker_records_proceedings_issued(sw, child, social_worker):
    response = sw.post(
        url("proceedings_add", child),
        {
            "kind": "care",
            "court": "Family Court sitting at Northmoor",
            "case_number": "NM26C00077",
            **date_fields("issued_on", ISSUED),
        },
    )
    assert response.status_code == 302
    assert response["Location"] == url("record", child) + "#court"
    proceedings = Proceedings.objects.get(child=child)
    assert proceedings.issued_on == ISSUED
    assert proceedings.created_by == social_worker


def test_proceedings_issued_in_the_future_are_refused_and_the_input_kept(sw, child):
    response = sw.post(
        url("proceedings_add", child),
        {
            "kind": "care",
            "court": "Family Court sitting at Kept",
            "case_number": "NM26C00078",
            **date_fields("issued_on", TODAY + timedelta(days=1)),
        },
    )
    page = response.content.decode()
    assert response.status_code == 200
    assert field_error(
        page, "issued_on", "Date proceedings were issued must be today or in the past"
    )
    assert input_value(page, "court") == "Family Court sitting at Kept"
    assert input_value(page, "issued_on_0") == str((TODAY + timedelta(days=1)).day)
    assert not Proceedings.objects.exists()


def test_empty_proceedings_form_says_what_to_enter(sw, child):
    page = sw.post(
        url("proceedings_add", child),
        {"court": "", "case_number": "", **date_fields("issued_on", None)},
    ).content.decode()
    assert field_error(page, "court", "Enter the court")
    assert field_error(page, "case_number", "Enter the case number")
    assert field_error(page, "issued_on", "Enter the date proceedings were issued")


def test_a_hearing_before_the_proceedings_were_issued_is_refused(sw, proceedings):
    day = ISSUED - timedelta(days=3)
    response = sw.post(
        url("hearing_add", proceedings.child, proceedings_pk=proceedings.pk),
        {"kind": HearingKind.CMH, "outcome": "Kept as typed", **date_fields("listed_on", day)},
    )
    page = response.content.decode()
    message = (
        "Date of the hearing must be on or after the date proceedings were issued "
        "(28 September 2026)"
    )
    assert field_error(page, "listed_on", message)
    assert "Kept as typed" in page
    assert input_value(page, "listed_on_0") == str(day.day)
    assert checked_value(page, "kind") == HearingKind.CMH
    assert not Hearing.objects.exists()


def test_social_worker_adds_and_changes_a_hearing(sw, proceedings):
    child = proceedings.child
    response = sw.post(
        url("hearing_add", child, proceedings_pk=proceedings.pk),
        {
            "kind": HearingKind.IRH,
            "status": "listed",
            "time": "10:30",
            "outcome": "",
            **date_fields("listed_on", TODAY + timedelta(30)),
        },
    )
    assert response.status_code == 302
    hearing = Hearing.objects.get()
    assert str(hearing.time) == "10:30:00"
    response = sw.post(
        url("hearing_edit", child, hearing_pk=hearing.pk),
        {
            "kind": HearingKind.FINAL,
            "status": "vacated",
            "court": "Family Court sitting at Eastbridge",
            "outcome": "",
            **date_fields("listed_on", TODAY + timedelta(31)),
        },
    )
    assert response.status_code == 302
    hearing.refresh_from_db()
    assert (hearing.kind, hearing.status) == (HearingKind.FINAL, "vacated")


def test_a_future_final_hearing_cannot_have_an_outcome(sw, proceedings):
    # LAW.md "Court": only a hearing that has happened has an outcome
    page = sw.post(
        url("hearing_add", proceedings.child, proceedings_pk=proceedings.pk),
        {
            "kind": HearingKind.FINAL,
            "status": "effective",
            "outcome": "Final care and placement orders made",
            **date_fields("listed_on", TODAY + timedelta(30)),
        },
    ).content.decode()
    assert field_error(
        page,
        "status",
        "A hearing in the future has not happened yet: select listed or vacated",
    )
    assert "Final care and placement orders made" in page
    assert not Hearing.objects.exists()


def test_a_listed_hearing_cannot_have_an_outcome(social_worker, proceedings):
    with pytest.raises(ValidationError) as refused:
        services.hearing_add(
            proceedings=proceedings,
            kind=HearingKind.FINAL,
            listed_on=TODAY + timedelta(30),
            outcome="Final care and placement orders made",
            by=social_worker,
        )
    assert refused.value.message_dict["outcome"] == [
        "Record an outcome only for a hearing that has happened: select effective or adjourned"
    ]
    assert not Hearing.objects.exists()


def test_a_hearing_that_went_ahead_records_its_outcome(social_worker, proceedings):
    hearing = services.hearing_add(
        proceedings=proceedings,
        kind=HearingKind.FIRST_ICO,
        listed_on=ISSUED + timedelta(days=1),
        status="effective",
        outcome="Interim care order made",
        by=social_worker,
    )
    assert hearing.has_happened
    assert hearing.outcome == "Interim care order made"


def test_changing_a_hearing_date_moves_the_orders_made_at_it(social_worker, hearing):
    order = CourtOrderFactory(
        child=hearing.proceedings.child, hearing=hearing, made_on=hearing.listed_on
    )
    new_day = hearing.listed_on + timedelta(days=1)
    services.hearing_update(
        hearing=hearing, kind=hearing.kind, listed_on=new_day, outcome="", by=social_worker
    )
    order.refresh_from_db()
    assert order.made_on == new_day


def test_a_hearing_cannot_move_after_its_directions_are_due(social_worker, hearing):
    DirectionFactory(hearing=hearing, due_on=hearing.listed_on + timedelta(days=7))
    with pytest.raises(ValidationError) as refused:
        services.hearing_update(
            hearing=hearing,
            kind=hearing.kind,
            listed_on=hearing.listed_on + timedelta(days=8),
            by=social_worker,
        )
    assert refused.value.message_dict["listed_on"] == [
        "Date of the hearing must be on or before the date its first direction is due "
        "(19 October 2026)"
    ]


def test_an_order_at_another_childs_hearing_is_refused_on_the_page(sw, child, own_org, own_team):
    other_child = ChildFactory(responsible_authority=own_org, team=own_team)
    other_hearing = HearingFactory(proceedings=ProceedingsFactory(child=other_child))
    response = sw.post(
        url("order_add", child),
        {
            "kind": OrderKind.INTERIM_CARE,
            "hearing": str(other_hearing.pk),
            "notes": "Kept as typed",
            **date_fields("made_on", other_hearing.listed_on),
        },
    )
    page = response.content.decode()
    assert field_error(page, "hearing", "Choose a hearing in this child's proceedings")
    assert "Kept as typed" in page
    assert not CourtOrder.objects.exists()


def test_an_order_at_another_childs_hearing_is_refused_by_the_service(
    social_worker, child, own_org, own_team
):
    other_hearing = HearingFactory(
        proceedings=ProceedingsFactory(
            child=ChildFactory(responsible_authority=own_org, team=own_team)
        )
    )
    with pytest.raises(ValidationError) as refused:
        services.order_record(
            child=child,
            kind=OrderKind.INTERIM_CARE,
            made_on=other_hearing.listed_on,
            hearing=other_hearing,
            by=social_worker,
        )
    assert refused.value.message_dict == {
        "hearing": ["Choose a hearing in this child's proceedings"]
    }
    assert not CourtOrder.objects.exists()


def test_an_order_dated_differently_from_its_hearing_is_refused(sw, child, hearing):
    response = sw.post(
        url("order_add", child),
        {
            "kind": OrderKind.INTERIM_CARE,
            "hearing": str(hearing.pk),
            "notes": "Kept as typed",
            **date_fields("made_on", hearing.listed_on + timedelta(days=1)),
        },
    )
    page = response.content.decode()
    assert field_error(
        page,
        "made_on",
        "Date the order was made must be the date of the hearing (12 October 2026)",
    )
    assert "Kept as typed" in page
    assert input_value(page, "made_on_0") == "13"


def test_an_order_made_in_the_future_is_refused(sw, child):
    page = sw.post(
        url("order_add", child),
        {
            "kind": OrderKind.PLACEMENT,
            "hearing": "",
            "notes": "",
            **date_fields("made_on", TODAY + timedelta(days=1)),
        },
    ).content.decode()
    assert field_error(page, "made_on", "Date the order was made must be today or in the past")
    assert input_value(page, "made_on_0") == "24"


def test_social_worker_records_an_order_at_a_hearing(sw, child, hearing, social_worker):
    response = sw.post(
        url("order_add", child),
        {
            "kind": OrderKind.INTERIM_CARE,
            "hearing": str(hearing.pk),
            "notes": "",
            **date_fields("made_on", hearing.listed_on),
        },
    )
    assert response.status_code == 302
    order = CourtOrder.objects.get()
    assert (order.child, order.hearing, order.created_by) == (child, hearing, social_worker)


def test_order_form_offers_only_this_childs_hearings(sw, child, hearing, own_org, own_team):
    other = HearingFactory(
        proceedings=ProceedingsFactory(
            child=ChildFactory(responsible_authority=own_org, team=own_team)
        )
    )
    page = sw.get(url("order_add", child)).content.decode()
    assert re.search(rf'name="hearing"[^>]*value="{hearing.pk}"', page)
    assert not re.search(rf'name="hearing"[^>]*value="{other.pk}"', page)


def test_an_extension_beyond_8_weeks_is_refused_with_what_was_typed_kept(sw, proceedings):
    # ends 28 March 2027, granted today (before it): at most 8 weeks later, 23 May 2027
    response = sw.post(
        url("extension_add", proceedings.child, proceedings_pk=proceedings.pk),
        {
            "reason": "Kept as typed",
            **date_fields("granted_on", TODAY),
            **date_fields("ends_on", date(2027, 5, 24)),
        },
    )
    page = response.content.decode()
    assert field_error(
        page,
        "ends_on",
        "Date the extended time limit ends must be on or before 23 May 2027: an extension "
        "ends no more than 8 weeks after the later of the end then in force and the day it "
        "is granted",
    )
    assert input_value(page, "ends_on_0") == "24"
    assert "Kept as typed" in page
    assert not Extension.objects.exists()


def test_the_extension_service_refuses_an_end_beyond_8_weeks(social_worker, proceedings):
    with pytest.raises(ValidationError) as refused:
        services.extension_grant(
            proceedings=proceedings,
            ends_on=date(2027, 5, 24),
            granted_on=TODAY,
            reason="x",
            by=social_worker,
        )
    assert "on or before 23 May 2027" in refused.value.message_dict["ends_on"][0]


def test_an_extension_ending_before_the_end_in_force_is_refused(social_worker, proceedings):
    with pytest.raises(ValidationError) as refused:
        services.extension_grant(
            proceedings=proceedings,
            ends_on=date(2027, 3, 28),
            granted_on=TODAY,
            reason="x",
            by=social_worker,
        )
    assert refused.value.message_dict["ends_on"] == [
        "Date the extended time limit ends must be after the end now in force (28 March 2027)"
    ]


def test_an_extension_before_the_proceedings_were_issued_is_refused(sw, proceedings):
    page = sw.post(
        url("extension_add", proceedings.child, proceedings_pk=proceedings.pk),
        {
            "reason": "Kept as typed",
            **date_fields("granted_on", ISSUED - timedelta(1)),
            **date_fields("ends_on", date(2027, 4, 1)),
        },
    ).content.decode()
    assert field_error(
        page,
        "granted_on",
        "Date the extension was granted must be on or after the date proceedings were issued "
        "(28 September 2026)",
    )
    assert "Kept as typed" in page


def test_social_worker_grants_an_extension_at_a_hearing(sw, proceedings):
    irh = HearingFactory(proceedings=proceedings, kind=HearingKind.IRH, listed_on=TODAY)
    response = sw.post(
        url("extension_add", proceedings.child, proceedings_pk=proceedings.pk),
        {
            "reason": "Expert report late",
            "hearing": str(irh.pk),
            **date_fields("granted_on", TODAY),
            **date_fields("ends_on", date(2027, 5, 23)),
        },
    )
    assert response.status_code == 302
    extension = Extension.objects.get()
    assert (extension.ends_on, extension.hearing) == (date(2027, 5, 23), irh)
    page = sw.get(url("record", proceedings.child)).content.decode()
    assert (
        "26 weeks end 28 March 2027; extended to 23 May 2027 (8 weeks, at the IRH on 23 "
        "November 2026)" in page
    )


def test_a_direction_due_before_its_hearing_is_refused(sw, hearing):
    page = sw.post(
        url("direction_add", hearing.proceedings.child, hearing_pk=hearing.pk),
        {"text": "Kept as typed", **date_fields("due_on", hearing.listed_on - timedelta(days=1))},
    ).content.decode()
    assert field_error(
        page,
        "due_on",
        "Date the direction is due must be on or after the date of the hearing (12 October 2026)",
    )
    assert "Kept as typed" in page
    assert input_value(page, "due_on_0") == "11"
    assert not Direction.objects.exists()


def test_social_worker_adds_a_direction_and_marks_it_complied(sw, hearing):
    child = hearing.proceedings.child
    response = sw.post(
        url("direction_add", child, hearing_pk=hearing.pk),
        {"text": "File statements", **date_fields("due_on", TODAY - timedelta(days=2))},
    )
    assert response.status_code == 302
    direction = Direction.objects.get()
    assert "Overdue" in sw.get(url("record", child)).content.decode()
    response = sw.post(
        url("direction_complied", child, direction_pk=direction.pk),
        date_fields("complied_on", TODAY),
    )
    assert response.status_code == 302
    direction.refresh_from_db()
    assert direction.complied_on == TODAY


def test_a_direction_complied_with_in_the_future_is_refused(sw, hearing):
    direction = DirectionFactory(hearing=hearing)
    page = sw.post(
        url("direction_complied", hearing.proceedings.child, direction_pk=direction.pk),
        date_fields("complied_on", TODAY + timedelta(days=1)),
    ).content.decode()
    assert field_error(
        page, "complied_on", "Date the direction was complied with must be today or in the past"
    )


def test_proceedings_concluded_before_issue_are_refused(sw, proceedings):
    page = sw.post(
        url("proceedings_conclude", proceedings.child, proceedings_pk=proceedings.pk),
        date_fields("concluded_on", ISSUED - timedelta(days=1)),
    ).content.decode()
    assert field_error(
        page,
        "concluded_on",
        "Date proceedings concluded must be on or after the date proceedings were issued "
        "(28 September 2026)",
    )
    assert input_value(page, "concluded_on_0") == "27"
    proceedings.refresh_from_db()
    assert proceedings.concluded_on is None


def test_concluded_proceedings_stop_the_week_count(sw, proceedings):
    response = sw.post(
        url("proceedings_conclude", proceedings.child, proceedings_pk=proceedings.pk),
        date_fields("concluded_on", TODAY),
    )
    assert response.status_code == 302
    page = sw.get(url("record", proceedings.child)).content.decode()
    assert "No open proceedings" in page
    assert "Concluded 23 November 2026" in page


def test_issue_date_cannot_move_after_the_first_hearing(social_worker, hearing):
    proceedings = hearing.proceedings
    with pytest.raises(ValidationError) as refused:
        services.proceedings_update(
            proceedings=proceedings,
            court=proceedings.court,
            case_number=proceedings.case_number,
            issued_on=hearing.listed_on + timedelta(days=1),
            by=social_worker,
        )
    assert refused.value.message_dict["issued_on"] == [
        "Date proceedings were issued must be on or before the first hearing (12 October 2026)"
    ]


def test_social_worker_changes_proceedings(sw, proceedings):
    response = sw.post(
        url("proceedings_edit", proceedings.child, proceedings_pk=proceedings.pk),
        {
            "kind": "care",
            "court": "Family Court sitting at Eastbridge",
            "case_number": proceedings.case_number,
            **date_fields("issued_on", ISSUED),
        },
    )
    assert response.status_code == 302
    proceedings.refresh_from_db()
    assert proceedings.court == "Family Court sitting at Eastbridge"


# --- a parent of the child --------------------------------------------------------------------


@pytest.fixture
def mother(child):
    return FamilyMemberFactory(child=child, name="Amy Parent", relationship=Relationship.MOTHER)


# --- who may use the court forms ---------------------------------------------------------------


@pytest.fixture
def court_record(child, hearing, mother):
    return {
        "proceedings": hearing.proceedings,
        "hearing": hearing,
        "direction": DirectionFactory(hearing=hearing),
        "consent": ConsentToPlacementFactory(child=child, parent=mother),
    }


def record_urls(child, records) -> list[str]:
    """The court forms that name a record of the child in their URL."""
    proceedings = {"proceedings_pk": records["proceedings"].pk}
    hearing = {"hearing_pk": records["hearing"].pk}
    return [
        url("proceedings_edit", child, **proceedings),
        url("proceedings_conclude", child, **proceedings),
        url("extension_add", child, **proceedings),
        url("hearing_add", child, **proceedings),
        url("hearing_edit", child, **hearing),
        url("direction_add", child, **hearing),
        url("direction_complied", child, direction_pk=records["direction"].pk),
        url("consent_edit", child, record_pk=records["consent"].pk),
    ]


def court_urls(child, records) -> list[str]:
    """Every court form of the child."""
    return [
        url("pre_proceedings_add", child),
        url("proceedings_add", child),
        url("order_add", child),
        url("consent_add", child),
        *record_urls(child, records),
    ]


def test_another_organisations_social_worker_gets_404_on_every_court_form(
    client_for, make_user, other_team, child, court_record
):
    stranger = client_for(make_user(Role.SOCIAL_WORKER, team=other_team))
    for address in court_urls(child, court_record):
        assert stranger.get(address).status_code == 404, address
        assert stranger.post(address, {}).status_code == 404, address
    assert Proceedings.objects.count() == 1


def test_an_iro_gets_403_on_every_court_form(client_for, make_user, own_team, child, court_record):
    iro = client_for(make_user(Role.IRO, team=own_team))
    for address in court_urls(child, court_record):
        assert iro.get(address).status_code == 403, address
        assert iro.post(address, {}).status_code == 403, address


def test_another_childs_court_records_answer_404(sw, own_org, own_team, court_record):
    other_child = ChildFactory(responsible_authority=own_org, team=own_team)
    for address in record_urls(other_child, court_record):
        assert sw.get(address).status_code == 404, address
        assert sw.post(address, {}).status_code == 404, address


def test_the_court_services_refuse_an_iro(make_user, own_team, child, hearing):
    iro = make_user(Role.IRO, team=own_team)
    with pytest.raises(PermissionDenied):
        services.hearing_add(
            proceedings=hearing.proceedings, kind=HearingKind.IRH, listed_on=TODAY, by=iro
        )
    with pytest.raises(PermissionDenied):
        services.order_record(child=child, kind=OrderKind.CARE, made_on=TODAY, by=iro)


def test_proceedings_cannot_conclude_before_their_last_hearing(social_worker, own_team):
    from django.core.exceptions import ValidationError

    child = ChildFactory(
        responsible_authority=own_team.organisation,
        team=own_team,
        date_of_birth=date.today() - timedelta(days=90),
    )
    proceedings = ProceedingsFactory(child=child, issued_on=date.today() - timedelta(days=60))
    HearingFactory(proceedings=proceedings, listed_on=date.today() - timedelta(days=10))
    with pytest.raises(ValidationError) as error:
        services.proceedings_conclude(
            proceedings=proceedings,
            by=social_worker,
            concluded_on=date.today() - timedelta(days=20),
        )
    assert "must be on or after the last hearing" in str(error.value)
