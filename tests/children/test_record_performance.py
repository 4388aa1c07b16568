"""The child's record, history and chronology: their cost, and what each viewer reads there."""

from datetime import date, timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from children import selectors, services
from children.models import NoteKind
from tests.children import factories as f
from tests.children.test_query_counts import add_one_of_everything


@pytest.fixture
def referred_child(own_team, social_worker, raa_worker):
    child = f.ChildFactory(
        responsible_authority=own_team.organisation,
        team=own_team,
        social_worker=social_worker,
        referred_to=raa_worker.organisation,
        looked_after_on=date.today() - timedelta(days=50),
    )
    services.case_note_add(
        child=child,
        kind=NoteKind.VISIT,
        happened_on=date.today() - timedelta(days=3),
        summary="Visited the foster home",
        text="Confidential observation of the family",
        by=social_worker,
    )
    return child


PAGES = ("children:record", "children:chronology", "children:chronology_csv", "children:history")


@pytest.mark.parametrize("page", PAGES)
def test_an_agency_the_child_is_referred_to_reads_no_case_note(
    client_for, raa_worker, referred_child, page
):
    response = client_for(raa_worker).get(reverse(page, args=[referred_child.pk]))
    assert response.status_code == 200
    content = response.content.decode()
    assert "Visited the foster home" not in content
    assert "Confidential observation" not in content
    assert "Case note" not in content


@pytest.mark.parametrize("page", PAGES)
def test_the_childs_social_worker_still_reads_the_case_notes(
    client_for, social_worker, referred_child, page
):
    response = client_for(social_worker).get(reverse(page, args=[referred_child.pk]))
    assert response.status_code == 200
    assert "Visited the foster home" in response.content.decode()


def test_the_case_notes_tab_is_hidden_from_the_referred_agency_only(
    client_for, social_worker, raa_worker, referred_child
):
    url = reverse("children:record", args=[referred_child.pk])
    assert 'href="#notes"' not in client_for(raa_worker).get(url).content.decode()
    assert 'href="#notes"' in client_for(social_worker).get(url).content.decode()


def test_the_records_header_reads_what_the_page_loaded(social_worker, own_team):
    child = f.ChildFactory(
        responsible_authority=own_team.organisation,
        team=own_team,
        looked_after_on=date.today() - timedelta(days=50),
    )
    for n in range(1, 4):
        add_one_of_everything(child, n)
    bare = selectors.child_summary(child=child, user=social_worker)
    loaded = selectors.child_with_records(user=social_worker, pk=child.pk)
    with CaptureQueriesContext(connection) as queries:
        summary = selectors.child_summary(child=loaded, user=social_worker)
    assert len(queries) == 0  # no sibling group: nothing to ask the database
    assert summary == bare


def test_the_record_page_runs_no_more_queries_than_its_lists_need(
    client_for, social_worker, own_team
):
    child = f.ChildFactory(
        responsible_authority=own_team.organisation,
        team=own_team,
        looked_after_on=date.today() - timedelta(days=50),
    )
    add_one_of_everything(child, 1)
    client = client_for(social_worker)
    url = reverse("children:record", args=[child.pk])
    client.get(url)
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    # 25, plus the two lists of issue 8 part A (periods of care, legal status history), the
    # three added with the statutory review timescales and the IRO's concerns (each concern's
    # escalations and managers' responses, the record's retention reviews), the assessments of
    # the parents (issue 9; the birth plan and the baby's health join the child's own query),
    # and the six of issue 8 part B: pre-proceedings (a series now, no longer joined) and their
    # review meetings, consents' written agreements, fathers without parental responsibility,
    # Part 19 applications and section 20 accommodation; one for reunification's tab (the
    # child's decisions: none here, so the tab is hidden and reads nothing more); the two of
    # the Family time tab for a child with no family time plan (plans, family time after adoption
    # or a return home; with a plan, its sessions and attendance add a fixed three:
    # tests/family_time); and the five of issue 11's "Placements and matching" tab
    # (matching.selectors.journey_records: placements, matches with their authorisation and
    # Reg 25A, agency decisions, formal matches, placement for adoption)
    assert len(queries) <= 45, "\n".join(q["sql"][:120] for q in queries.captured_queries)


def test_the_history_reads_every_kind_of_record_in_one_query(client_for, social_worker, own_team):
    child = f.ChildFactory(responsible_authority=own_team.organisation, team=own_team)
    add_one_of_everything(child, 1)
    client = client_for(social_worker)
    url = reverse("children:history", args=[child.pk])
    client.get(url)
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    history_tables = [q for q in queries.captured_queries if "children_historical" in q["sql"]]
    assert len(history_tables) == 1
