"""The child's record: adding a child, recording the birth, validation, the list and the record."""

from datetime import date, timedelta

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from accounts.models import Role
from children import selectors, services
from children.models import Child, ChildAccessLog, Route
from tests.children.factories import (
    ChildFactory,
    HearingFactory,
    LookedAfterReviewFactory,
    ProceedingsFactory,
    TwinTrackPlanFactory,
    UnbornChildFactory,
)
from tests.helpers import TODAY, date_fields


@pytest.fixture
def child_form_data(own_team, social_worker):
    def make(**overrides):
        data = {
            "legal_name": "Unborn baby of A. Parent",
            "known_as": "",
            "sex": "",
            "ethnicity": "WBRI",
            "religion": "",
            "first_language": "English",
            "disability": "unknown",
            "health_needs": "",
            "la_child_id": "NM-10001",
            "route": Route.PRE_BIRTH,
            "legal_status": "",
            "team": str(own_team.pk),
            "social_worker": str(social_worker.pk),
            "iro": "",
            "referred_to": "",
            **date_fields("expected_delivery_date", TODAY + timedelta(days=100)),
            **date_fields("date_of_birth", None),
            **date_fields("looked_after_on", None),
            **date_fields("identified_on", TODAY - timedelta(days=3)),
        }
        data.update(overrides)
        return data

    return make


@time_machine.travel(TODAY, tick=False)
def test_social_worker_adds_an_unborn_child(client_for, social_worker, child_form_data):
    response = client_for(social_worker).post(reverse("children:create"), child_form_data())
    child = Child.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("children:record", args=[child.pk])
    assert child.is_unborn
    assert child.responsible_authority == social_worker.organisation
    assert child.created_by == social_worker
    assert child.history.first().history_user == social_worker


@pytest.mark.parametrize(
    ("overrides", "field", "message"),
    [
        (
            date_fields("date_of_birth", TODAY + timedelta(days=1)),
            "date_of_birth",
            "Date of birth must be today or in the past",
        ),
        (
            date_fields("expected_delivery_date", TODAY + timedelta(days=320)),
            "expected_delivery_date",
            "Expected date of delivery must be within 10 months of today",
        ),
        (
            date_fields("expected_delivery_date", None),
            "expected_delivery_date",
            "Enter the expected date of delivery for an unborn baby, or the date of birth",
        ),
        ({"legal_name": ""}, "legal_name", "Enter the child&#x27;s legal name"),
        (
            {"expected_delivery_date_0": "31", "expected_delivery_date_1": "2"},
            "expected_delivery_date",
            "Expected date of delivery must be a real date",
        ),
    ],
)
@time_machine.travel(TODAY, tick=False)
def test_adding_a_child_refuses_bad_dates_with_a_specific_message_and_keeps_the_input(
    client_for, social_worker, child_form_data, overrides, field, message
):
    data = child_form_data(religion="Kept as typed", **overrides)
    response = client_for(social_worker).post(reverse("children:create"), data)
    page = response.content.decode()
    assert response.status_code == 200
    assert "There is a problem" in page
    assert message in page
    assert 'value="Kept as typed"' in page
    assert not Child.objects.exists()


@time_machine.travel(TODAY, tick=False)
def test_the_same_child_id_cannot_be_used_twice_in_an_authority(
    client_for, social_worker, child_form_data, own_team
):
    ChildFactory(responsible_authority=own_team.organisation, team=own_team, la_child_id="NM-1")
    response = client_for(social_worker).post(
        reverse("children:create"), child_form_data(la_child_id="nm-1")
    )
    assert "Another child already has this local authority child ID" in response.content.decode()


@time_machine.travel(TODAY, tick=False)
def test_looked_after_date_cannot_precede_birth(client_for, social_worker, own_team):
    child = ChildFactory(
        responsible_authority=own_team.organisation,
        team=own_team,
        date_of_birth=TODAY - timedelta(days=10),
    )
    page = (
        client_for(social_worker)
        .post(
            reverse("children:care_period_add", args=[child.pk]),
            date_fields("started_on", TODAY - timedelta(days=20)),
        )
        .content.decode()
    )
    assert "Date became looked after must be on or after the date of birth" in page


@time_machine.travel(TODAY, tick=False)
def test_recording_the_birth_turns_an_unborn_baby_into_a_child(
    client_for, social_worker, own_team
):
    child = UnbornChildFactory(responsible_authority=own_team.organisation, team=own_team)
    response = client_for(social_worker).post(
        reverse("children:birth", args=[child.pk]),
        {**date_fields("date_of_birth", TODAY - timedelta(days=2)), "sex": "2", "legal_name": ""},
    )
    assert response.status_code == 302
    child.refresh_from_db()
    assert child.date_of_birth == TODAY - timedelta(days=2)
    assert child.sex == "2"
    assert not child.is_unborn
    assert child.expected_delivery_date is not None  # kept: it is part of the history


@time_machine.travel(TODAY, tick=False)
def test_a_birth_in_the_future_is_refused(client_for, social_worker, own_team):
    child = UnbornChildFactory(responsible_authority=own_team.organisation, team=own_team)
    response = client_for(social_worker).post(
        reverse("children:birth", args=[child.pk]),
        {**date_fields("date_of_birth", TODAY + timedelta(days=1)), "sex": "", "legal_name": ""},
    )
    assert "Date of birth must be today or in the past" in response.content.decode()
    child.refresh_from_db()
    assert child.is_unborn


def test_record_birth_service_refuses_a_user_of_another_authority(make_user, other_team, own_team):
    from django.core.exceptions import PermissionDenied

    child = UnbornChildFactory(responsible_authority=own_team.organisation, team=own_team)
    stranger = make_user(Role.SOCIAL_WORKER, team=other_team)
    with pytest.raises(PermissionDenied):
        services.child_record_birth(child=child, date_of_birth=date.today(), by=stranger)


def test_viewing_a_record_is_written_to_the_access_log(client_for, social_worker, own_team):
    child = ChildFactory(responsible_authority=own_team.organisation, team=own_team)
    client_for(social_worker).get(reverse("children:record", args=[child.pk]))
    client_for(social_worker).get(reverse("children:chronology", args=[child.pk]))
    log = list(ChildAccessLog.objects.filter(child=child).order_by("viewed_at"))
    assert [entry.user for entry in log] == [social_worker, social_worker]
    assert log[0].path == reverse("children:record", args=[child.pk])


def test_another_authoritys_child_answers_404_and_writes_no_log(
    client_for, make_user, own_team, other_team
):
    child = ChildFactory(responsible_authority=own_team.organisation, team=own_team)
    stranger = make_user(Role.SOCIAL_WORKER, team=other_team)
    response = client_for(stranger).get(reverse("children:record", args=[child.pk]))
    assert response.status_code == 404
    assert child.legal_name not in response.content.decode()
    assert not ChildAccessLog.objects.exists()


def test_a_referred_agency_sees_the_child_but_cannot_change_it(client_for, make_user, own_team):
    from tests.accounts.factories import OrganisationFactory, TeamFactory

    raa = OrganisationFactory(kind="raa", name="Fenvale Adoption Partnership", code="RAA9")
    child = ChildFactory(
        responsible_authority=own_team.organisation, team=own_team, referred_to=raa
    )
    family_finder = make_user(Role.SOCIAL_WORKER, team=TeamFactory(organisation=raa))
    client = client_for(family_finder)
    assert client.get(reverse("children:record", args=[child.pk])).status_code == 200
    assert client.get(reverse("children:edit", args=[child.pk])).status_code == 403


def test_children_list_searches_by_name_and_id_and_filters_by_route(
    client_for, social_worker, own_team
):
    org = own_team.organisation
    ChildFactory(
        responsible_authority=org,
        team=own_team,
        legal_name="Ash Example",
        la_child_id="NM-7",
        social_worker=social_worker,
    )
    ChildFactory(
        responsible_authority=org,
        team=own_team,
        legal_name="Birch Example",
        route=Route.RELINQUISHED,
        social_worker=social_worker,
    )
    client = client_for(social_worker)
    assert "Ash Example" in client.get(reverse("children:list"), {"q": "ash"}).content.decode()
    page = client.get(reverse("children:list"), {"q": "nm-7"}).content.decode()
    assert "Ash Example" in page
    assert "Birch Example" not in page
    page = client.get(reverse("children:list"), {"route": Route.RELINQUISHED}).content.decode()
    assert "Birch Example" in page
    assert "Ash Example" not in page


def test_my_caseload_holds_my_children_and_team_scope_my_teams(
    client_for, social_worker, own_team, make_user
):
    org = own_team.organisation
    colleague = make_user(Role.SOCIAL_WORKER, team=own_team)
    ChildFactory(
        responsible_authority=org,
        team=own_team,
        legal_name="Mine Example",
        social_worker=social_worker,
    )
    ChildFactory(
        responsible_authority=org,
        team=own_team,
        legal_name="Colleague Example",
        social_worker=colleague,
    )
    client = client_for(social_worker)
    page = client.get(reverse("children:list")).content.decode()
    assert "Mine Example" in page
    assert "Colleague Example" not in page
    page = client.get(reverse("children:list"), {"scope": "team"}).content.decode()
    assert "Mine Example" in page
    assert "Colleague Example" in page


def _seed_children(n: int, team, worker):
    for _ in range(n):
        child = ChildFactory(
            responsible_authority=team.organisation, team=team, social_worker=worker
        )
        TwinTrackPlanFactory(child=child)
        HearingFactory(
            proceedings=ProceedingsFactory(child=child), listed_on=date.today() + timedelta(days=5)
        )
        LookedAfterReviewFactory(child=child)


def _count_queries(client, url, params=None) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url, params or {}).status_code == 200
    return len(queries)


def test_children_list_query_count_is_constant_with_3_or_30_children(
    client_for, social_worker, own_team
):
    client = client_for(social_worker)
    _seed_children(3, own_team, social_worker)
    few = _count_queries(client, reverse("children:list"))
    _seed_children(27, own_team, social_worker)
    many = _count_queries(client, reverse("children:list"))
    assert few == many


def test_record_page_query_count_is_constant_with_3_or_30_children(
    client_for, social_worker, own_team
):
    client = client_for(social_worker)
    _seed_children(3, own_team, social_worker)
    child = Child.objects.first()
    few = _count_queries(client, reverse("children:record", args=[child.pk]))
    _seed_children(27, own_team, social_worker)
    many = _count_queries(client, reverse("children:record", args=[child.pk]))
    assert few == many


def test_record_page_query_count_does_not_grow_with_the_childs_records(
    client_for, social_worker, own_team
):
    client = client_for(social_worker)
    child = ChildFactory(responsible_authority=own_team.organisation, team=own_team)
    proceedings = ProceedingsFactory(child=child)
    HearingFactory(proceedings=proceedings)
    TwinTrackPlanFactory(child=child)
    few = _count_queries(client, reverse("children:record", args=[child.pk]))
    for _ in range(10):
        HearingFactory(proceedings=proceedings)
        TwinTrackPlanFactory(child=child)
        LookedAfterReviewFactory(child=child)
    many = _count_queries(client, reverse("children:record", args=[child.pk]))
    assert few == many


@time_machine.travel(TODAY, tick=False)
def test_summary_shows_age_or_due_date():
    unborn = Child(expected_delivery_date=date(2027, 3, 14))
    assert selectors.format_age(unborn, TODAY) == "Unborn, due 14 March 2027"
    assert (
        selectors.format_age(Child(date_of_birth=TODAY - timedelta(days=3)), TODAY) == "3 days old"
    )
    assert (
        selectors.format_age(Child(date_of_birth=TODAY - timedelta(days=42)), TODAY)
        == "6 weeks old"
    )
    assert selectors.format_age(Child(date_of_birth=date(2026, 6, 1)), TODAY) == "5 months old"
    assert (
        selectors.format_age(Child(date_of_birth=date(2025, 8, 23)), TODAY)
        == "1 year, 3 months old"
    )


def test_chronology_lists_events_in_date_order_and_downloads_as_csv(
    client_for, social_worker, own_team
):
    child = ChildFactory(
        responsible_authority=own_team.organisation,
        team=own_team,
        date_of_birth=date(2026, 1, 5),
        identified_on=date(2026, 1, 10),
    )
    proceedings = ProceedingsFactory(child=child, issued_on=date(2026, 2, 1))
    HearingFactory(proceedings=proceedings, listed_on=date(2026, 2, 15))
    TwinTrackPlanFactory(child=child, meeting_on=date(2026, 1, 20))
    client = client_for(social_worker)
    page = client.get(reverse("children:chronology", args=[child.pk])).content.decode()
    order = [
        page.index(text)
        for text in (
            "5 January 2026",
            "Identified for early permanence",
            "Twin-track plan set",
            "Care proceedings issued",
            "Case management hearing",
        )
    ]
    assert order == sorted(order)
    response = client.get(reverse("children:chronology_csv", args=[child.pk]))
    rows = response.content.decode().splitlines()
    assert response["Content-Type"].startswith("text/csv")
    assert rows[0] == "Date,Category,Event,Detail,By,Upcoming"
    assert rows[1].startswith("05/01/2026,Child,Born")
    assert [r.split(",")[0] for r in rows[1:]] == sorted(
        (r.split(",")[0] for r in rows[1:]), key=lambda d: (d[6:], d[3:5], d[:2])
    )


@time_machine.travel(TODAY, tick=False)
def test_history_shows_who_changed_what(client_for, social_worker, own_team, make_user):
    manager = make_user(Role.TEAM_MANAGER, team=own_team)
    child = services.child_create(
        by=social_worker,
        legal_name="History Example",
        date_of_birth=TODAY - timedelta(days=9),
        la_child_id="NM-55",
        route=Route.PROCEEDINGS_ISSUED,
        team=own_team,
        identified_on=TODAY,
    )
    services.child_update(child=child, by=manager, religion="Quaker")
    page = client_for(social_worker).get(reverse("children:history", args=[child.pk]))
    text = page.content.decode()
    assert "Changed: Child&#x27;s details" in text
    assert "Religion" in text
    assert "Quaker" in text
    assert manager.get_full_name() in text
    assert text.index("Changed: Child") < text.index("Added: Child")  # newest first


def test_history_page_query_count_does_not_grow_with_changes(client_for, social_worker, own_team):
    child = ChildFactory(responsible_authority=own_team.organisation, team=own_team)
    client = client_for(social_worker)
    few = _count_queries(client, reverse("children:history", args=[child.pk]))
    for n in range(10):
        services.child_update(child=child, by=social_worker, religion=f"Religion {n}")
    many = _count_queries(client, reverse("children:history", args=[child.pk]))
    assert few == many


def test_team_manager_archives_a_record_which_leaves_the_list_but_stays_readable(
    client_for, social_worker, own_team, make_user
):
    manager = make_user(Role.TEAM_MANAGER, team=own_team)
    child = ChildFactory(
        responsible_authority=own_team.organisation,
        team=own_team,
        social_worker=social_worker,
        legal_name="Archive Example",
    )
    client = client_for(manager)
    page = client.post(reverse("children:archive", args=[child.pk]), {"reason": ""})
    assert "Enter why the record is being archived" in page.content.decode()
    response = client.post(
        reverse("children:archive", args=[child.pk]),
        {"reason": "Transferred to another authority"},
    )
    assert response.status_code == 302
    child.refresh_from_db()
    assert child.archived_at is not None
    sw_client = client_for(social_worker)
    assert "Archive Example" not in sw_client.get(reverse("children:list")).content.decode()
    record = sw_client.get(reverse("children:record", args=[child.pk]))
    assert record.status_code == 200
    assert "Transferred to another authority" in record.content.decode()
    assert Child.objects.filter(pk=child.pk).exists()  # archived, never deleted


def test_social_worker_cannot_archive(client_for, social_worker, own_team):
    child = ChildFactory(responsible_authority=own_team.organisation, team=own_team)
    response = client_for(social_worker).post(
        reverse("children:archive", args=[child.pk]), {"reason": "No"}
    )
    assert response.status_code == 403


@time_machine.travel(TODAY, tick=False)
def test_a_worker_of_another_authority_cannot_be_allocated(
    client_for, social_worker, child_form_data, make_user, other_team
):
    stranger = make_user(Role.SOCIAL_WORKER, team=other_team)
    data = child_form_data(social_worker=str(stranger.pk), team=str(other_team.pk))
    page = client_for(social_worker).post(reverse("children:create"), data).content.decode()
    assert "Select a social worker of your authority" in page
    assert "Select a team of your authority" in page
    assert not Child.objects.exists()


def test_an_agency_cannot_add_a_child(client_for, raa_worker):
    client = client_for(raa_worker)
    assert client.get(reverse("children:create")).status_code == 403
    assert "Add a child" not in client.get(reverse("children:list")).content.decode()


def test_an_archived_record_can_be_read_but_not_changed(
    client_for, social_worker, own_team, make_user
):
    manager = make_user(Role.TEAM_MANAGER, team=own_team)
    child = ChildFactory(responsible_authority=own_team.organisation, team=own_team)
    services.child_archive(child=child, reason="Moved away", by=manager)
    client = client_for(social_worker)
    assert client.get(reverse("children:record", args=[child.pk])).status_code == 200
    assert client.get(reverse("children:edit", args=[child.pk])).status_code == 403
    assert client.get(reverse("children:note_add", args=[child.pk])).status_code == 403
    assert (
        client_for(manager)
        .post(reverse("children:archive", args=[child.pk]), {"reason": "Again"})
        .status_code
        == 403
    )
    child.refresh_from_db()
    assert child.archived_reason == "Moved away"


def test_recording_the_birth_twice_is_refused(client_for, social_worker, own_team):
    child = ChildFactory(
        responsible_authority=own_team.organisation, team=own_team, legal_name="Kept Name"
    )
    born = child.date_of_birth
    day = date.today() - timedelta(days=1)
    response = client_for(social_worker).post(
        reverse("children:birth", args=[child.pk]),
        {
            "date_of_birth_0": day.day,
            "date_of_birth_1": day.month,
            "date_of_birth_2": day.year,
            "sex": "",
            "legal_name": "Overwritten Name",
        },
    )
    assert "The birth has already been recorded" in response.content.decode()
    child.refresh_from_db()
    assert child.legal_name == "Kept Name"
    assert child.date_of_birth == born


def test_date_of_birth_cannot_move_after_the_proceedings(social_worker, own_team):
    from django.core.exceptions import ValidationError

    child = ChildFactory(
        responsible_authority=own_team.organisation,
        team=own_team,
        date_of_birth=date.today() - timedelta(days=60),
    )
    ProceedingsFactory(child=child, issued_on=date.today() - timedelta(days=50))
    with pytest.raises(ValidationError) as error:
        services.child_update(
            child=child, by=social_worker, date_of_birth=date.today() - timedelta(days=40)
        )
    assert "Date of birth must be on or before the date proceedings were issued" in str(
        error.value
    )
    with pytest.raises(ValidationError):
        services.child_update(
            child=child,
            by=social_worker,
            date_of_birth=None,
            expected_delivery_date=date.today() + timedelta(days=30),
        )
    child.refresh_from_db()
    assert child.date_of_birth == date.today() - timedelta(days=60)


def test_a_departed_social_worker_stays_allocated_when_other_details_change(
    client_for, own_team, make_user
):
    manager = make_user(Role.TEAM_MANAGER, team=own_team)
    leaver = make_user(Role.SOCIAL_WORKER, team=own_team)
    child = ChildFactory(
        responsible_authority=own_team.organisation, team=own_team, social_worker=leaver
    )
    leaver.is_active = False
    leaver.save()
    page = client_for(manager).get(reverse("children:edit", args=[child.pk])).content.decode()
    assert f'value="{leaver.pk}" selected' in page
