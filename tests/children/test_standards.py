"""The National Practice Standards checklist (children.services.standards): marking items met,
which apply to a child, and the cost of the record page that shows them."""

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from accounts.models import Role
from children import selectors, services
from children.models import ChildStandardRecord, Route, StandardItemAppliesTo
from tests.children.factories import (
    CaseNoteFactory,
    ChildFactory,
    ChildStandardRecordFactory,
    IROConcernFactory,
    PracticeStandardItemFactory,
    UnbornChildFactory,
)
from tests.helpers import TODAY, date_fields, error_summary, input_value

pytestmark = pytest.mark.usefixtures("_frozen_today")


@pytest.fixture
def child(own_team):
    return ChildFactory(responsible_authority=own_team.organisation, team=own_team)


@pytest.fixture
def item():
    # a manual item: 2.5 is now shown from the record (tests/children/test_standards_evidence.py)
    return PracticeStandardItemFactory(
        code="5.5", text="Family's right to legal representation explained"
    )


@pytest.fixture
def unborn_item():
    # a manual pre-birth item: 2.8 itself is shown from the pre-birth conference's record
    return PracticeStandardItemFactory(
        code="8.9",
        text="A pre-birth item",
        applies_to=StandardItemAppliesTo.UNBORN,
    )


@pytest.fixture
def consensual_item():
    return PracticeStandardItemFactory(
        code="2.9",
        text="Section 19 considered",
        applies_to=StandardItemAppliesTo.CONSENSUAL,
    )


# --- practice standards ------------------------------------------------------------------------


def test_a_social_worker_marks_a_standard_met(client_for, social_worker, child, item):
    client = client_for(social_worker)
    response = client.post(
        reverse("children:standard_mark", args=[child.pk, item.pk]),
        {"note": "Leaflet at the PLO meeting", **date_fields("met_on", TODAY - timedelta(days=4))},
    )
    assert response.status_code == 302
    assert response["Location"].endswith("#standards")
    record = ChildStandardRecord.objects.get(child=child, item=item)
    assert record.met_on == TODAY - timedelta(days=4)
    assert record.created_by == social_worker
    total = selectors.standard_items_for(child=child).count()
    page = client.get(reverse("children:record", args=[child.pk])).content.decode()
    assert f"1 of {total} recorded" in page
    assert "19 November 2026" in page
    assert "Leaflet at the PLO meeting" in page


def test_marking_again_changes_the_date_rather_than_adding_a_record(
    client_for, social_worker, child, item
):
    ChildStandardRecordFactory(child=child, item=item, met_on=TODAY - timedelta(days=9))
    client = client_for(social_worker)
    url = reverse("children:standard_mark", args=[child.pk, item.pk])
    assert input_value(client.get(url).content.decode(), "met_on_0") == "14"
    client.post(url, {"note": "", **date_fields("met_on", TODAY)})
    assert ChildStandardRecord.objects.get(child=child, item=item).met_on == TODAY


def test_a_standard_met_in_the_future_is_refused_and_the_input_kept(
    client_for, social_worker, child, item
):
    response = client_for(social_worker).post(
        reverse("children:standard_mark", args=[child.pk, item.pk]),
        {"note": "Kept note", **date_fields("met_on", TODAY + timedelta(days=1))},
    )
    html = response.content.decode()
    assert "Date the standard was met must be today or in the past" in error_summary(html)
    assert input_value(html, "note") == "Kept note"
    assert not ChildStandardRecord.objects.exists()


def test_unborn_items_apply_only_to_a_child_identified_before_birth(
    client_for, social_worker, own_team, unborn_item
):
    born = ChildFactory(responsible_authority=own_team.organisation, team=own_team)
    unborn = UnbornChildFactory(responsible_authority=own_team.organisation, team=own_team)
    client = client_for(social_worker)
    assert unborn_item not in selectors.standard_items_for(child=born)
    assert unborn_item in selectors.standard_items_for(child=unborn)
    url = reverse("children:standard_mark", args=[born.pk, unborn_item.pk])
    assert client.get(url).status_code == 404
    url = reverse("children:standard_mark", args=[unborn.pk, unborn_item.pk])
    assert client.get(url).status_code == 200
    with pytest.raises(ValidationError) as error:
        services.standard_mark_met(child=born, item=unborn_item, met_on=TODAY, by=social_worker)
    assert error.value.message_dict == {"item": ["Standard 8.9 does not apply to this child"]}


def test_consensual_items_apply_only_to_a_relinquished_baby(
    social_worker, own_team, consensual_item
):
    relinquished = ChildFactory(
        responsible_authority=own_team.organisation, team=own_team, route=Route.RELINQUISHED
    )
    in_proceedings = ChildFactory(responsible_authority=own_team.organisation, team=own_team)
    assert consensual_item in selectors.standard_items_for(child=relinquished)
    assert consensual_item not in selectors.standard_items_for(child=in_proceedings)
    # Standard 2.9 is derived from the consent and Part 19 records (issue 9 item 10): like the
    # other derived Standards, a manual tick is refused and says where to record it instead
    with pytest.raises(ValidationError, match="Standard 2.9 is shown from the record"):
        services.standard_mark_met(
            child=relinquished, item=consensual_item, met_on=TODAY, by=social_worker
        )


def test_an_inactive_item_is_neither_listed_nor_markable(client_for, social_worker, child, item):
    item.active = False
    item.save()
    client = client_for(social_worker)
    assert item not in [row[0] for row in selectors.standard_checklist(child=child)]
    assert (
        client.get(reverse("children:standard_mark", args=[child.pk, item.pk])).status_code == 404
    )
    with pytest.raises(ValidationError) as error:
        services.standard_mark_met(child=child, item=item, met_on=TODAY, by=social_worker)
    assert error.value.message_dict == {"item": ["Standard 5.5 is no longer in use"]}


def test_the_checklist_shows_every_applicable_item_and_who_recorded_it(
    client_for, social_worker, child, item, unborn_item, make_user, own_team
):
    manager = make_user(Role.TEAM_MANAGER, team=own_team, first_name="Tara", last_name="Manager")
    ChildStandardRecordFactory(child=child, item=item, created_by=manager)
    checklist = selectors.standard_checklist(child=child)
    rows = dict(checklist.rows)
    assert unborn_item not in rows
    assert rows[item].created_by == manager
    assert checklist.recorded == 1
    assert checklist.total == len(checklist) == selectors.standard_items_for(child=child).count()
    page = client_for(social_worker).get(reverse("children:record", args=[child.pk]))
    html = page.content.decode()
    assert "Tara Manager" in html
    assert checklist.total > 1  # the seeded checklist is there beside the test's item
    assert "Not yet recorded" in html


def test_unmarking_removes_the_record_and_its_history_names_who_removed_it(
    client_for, social_worker, child, item
):
    ChildStandardRecordFactory(child=child, item=item, created_by=social_worker)
    client = client_for(social_worker)
    url = reverse("children:standard_unmark", args=[child.pk, item.pk])
    assert "Remove the record that standard 5.5 was met" in client.get(url).content.decode()
    response = client.post(url)
    assert response.status_code == 302
    assert not ChildStandardRecord.objects.filter(child=child, item=item).exists()
    removal = ChildStandardRecord.history.filter(history_type="-").get()
    assert removal.history_user == social_worker
    assert client.get(url).status_code == 404  # nothing left to remove


def test_an_iro_cannot_mark_standards(client_for, make_user, own_team, child, item):
    iro = make_user(Role.IRO, team=own_team)
    client = client_for(iro)
    url = reverse("children:standard_mark", args=[child.pk, item.pk])
    assert client.get(url).status_code == 403
    page = client.get(reverse("children:record", args=[child.pk])).content.decode()
    assert url not in page


# --- the record page's cost --------------------------------------------------------------------


def _count_queries(client, url) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def test_record_page_query_count_does_not_grow_with_notes_concerns_or_standards(
    client_for, social_worker, child, item
):
    client = client_for(social_worker)
    url = reverse("children:record", args=[child.pk])
    CaseNoteFactory(child=child, created_by=social_worker)
    IROConcernFactory(child=child, created_by=social_worker)
    ChildStandardRecordFactory(child=child, item=item, created_by=social_worker)
    few = _count_queries(client, url)
    for n in range(8):
        CaseNoteFactory(child=child, created_by=social_worker)
        IROConcernFactory(child=child, created_by=social_worker)
        ChildStandardRecordFactory(
            child=child, item=PracticeStandardItemFactory(code=f"8.{n}"), created_by=social_worker
        )
    many = _count_queries(client, url)
    assert few == many
