"""The history of changes (children.history) shows names and the forms' own labels."""

import re
from datetime import date, timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from accounts.models import Role
from children import extensions, history, services
from children import models as m
from tests.children import factories as f
from tests.children.factories import ChildFactory


def history_page(client, child) -> str:
    response = client.get(reverse("children:history", args=[child.pk]))
    assert response.status_code == 200
    return response.content.decode()


def test_history_names_the_records_a_change_refers_to_not_their_numbers(
    client_for, social_worker, own_team, make_user
):
    iro = make_user(Role.IRO, team=own_team, first_name="Ada", last_name="Reviewer")
    child = f.ChildFactory(
        responsible_authority=own_team.organisation,
        team=own_team,
        social_worker=social_worker,
        iro=iro,
    )
    review = f.LookedAfterReviewFactory(child=child)
    review.chair = iro
    review.held_on = date(2026, 3, 12)
    review.save()
    item = f.PracticeStandardItemFactory(code="9.1", text="Example standard met")
    f.ChildStandardRecordFactory(child=child, item=item)
    page = history_page(client_for(social_worker), child)

    assert "<strong>Team</strong>: Early Permanence Team" in page
    assert "<strong>IRO</strong>: Ada Reviewer" in page
    assert f"<strong>Social worker</strong>: {social_worker.get_full_name()}" in page
    assert "<strong>Responsible authority</strong>: Northmoor Council" in page
    assert "<strong>Chaired by</strong>: Ada Reviewer" in page
    assert "<strong>Standard</strong>: 9.1 Example standard met" in page
    assert "<strong>Date held</strong>: 12 March 2026" in page
    assert not re.search(r"#\d", page), "an internal number is shown"
    # every record here is the child's: the child is not named on each row
    assert "<strong>Child</strong>" not in page


def test_history_uses_the_forms_labels_with_their_capitals(client_for, social_worker, own_team):
    child = f.ChildFactory(responsible_authority=own_team.organisation, team=own_team)
    f.TwinTrackPlanFactory(child=child, primary=m.Track.PARENTS)
    m.PreProceedings.objects.create(child=child, letter_before_proceedings_on=date(2026, 3, 2))
    proceedings = f.ProceedingsFactory(child=child)
    f.HearingFactory(proceedings=proceedings, outcome="Adjourned")
    page = history_page(client_for(social_worker), child)

    assert "<strong>Preferred track</strong>: Return to parents" in page
    assert "<strong>Return to parents: which parent or parents</strong>: Birth mother" in page
    assert (
        "<strong>Date of the letter before proceedings (PLO letter)</strong>: 2 March 2026" in page
    )
    assert "<strong>Kind of hearing</strong>:" in page
    assert "<strong>Outcome</strong>: Adjourned" in page  # "(once heard, optional)" is a hint
    assert "<strong>Date of birth</strong>:" in page
    assert "<strong>Date identified for early permanence</strong>:" in page
    assert "Plan a" not in page
    assert "(plo letter)" not in page  # its capitals kept


def test_history_shows_old_and_new_names_when_a_reference_changes(
    client_for, social_worker, own_team, make_user
):
    from tests.accounts.factories import TeamFactory

    child = f.ChildFactory(responsible_authority=own_team.organisation, team=own_team)
    other = TeamFactory(organisation=own_team.organisation, name="Fostering Team")
    child.team = other
    child.save()
    page = history_page(client_for(social_worker), child)
    assert "<strong>Team</strong>: Early Permanence Team → Fostering Team" in page


@pytest.mark.parametrize(
    ("model", "field", "label"),
    [
        (m.Child, "date_of_birth", "Date of birth"),
        (m.Child, "iro", "IRO"),
        (
            m.PreProceedings,
            "letter_before_proceedings_on",
            "Date of the letter before proceedings (PLO letter)",
        ),
        (m.TwinTrackPlan, "primary", "Preferred track"),
        (m.TwinTrackPlan, "parents_who", "Return to parents: which parent or parents"),
        (m.FamilyMember, "phone", "Phone number"),
        (m.FamilyMember, "parental_responsibility", "Parental responsibility"),
        (m.Hearing, "outcome", "Outcome"),
        (m.CaseNote, "kind", "Kind of note"),
        (m.ChildStandardRecord, "met_on", "Date met"),
    ],
)
def test_field_labels_come_from_the_forms_without_their_hints(model, field, label):
    source = next(s for s in extensions.history_sources if s.model is model)
    assert history.field_label(source, field) == label


def _count(client, url) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def test_naming_the_references_costs_the_same_however_many_records_and_people(
    client_for, social_worker, own_team, make_user
):
    from tests.accounts.factories import TeamFactory

    child = f.ChildFactory(responsible_authority=own_team.organisation, team=own_team)
    client = client_for(social_worker)
    url = reverse("children:history", args=[child.pk])

    def grow(n):
        iro = make_user(Role.IRO, team=own_team)
        review = f.LookedAfterReviewFactory(child=child, chair=iro)
        f.IROConcernFactory(child=child, review=review)
        f.ChildStandardRecordFactory(child=child, item=f.PracticeStandardItemFactory())
        child.team = TeamFactory(organisation=own_team.organisation, name=f"Team {n}")
        child.iro = iro
        child.save()

    grow(0)
    once = _count(client, url)
    for n in range(1, 6):
        grow(n)
    assert _count(client, url) == once


def test_describing_changes_names_their_references_in_one_query_per_kind(
    social_worker, own_team, make_user
):
    child = f.ChildFactory(responsible_authority=own_team.organisation, team=own_team)
    for n in range(3):
        f.CaseNoteFactory(
            child=child, summary=f"Note {n}", happened_on=date.today() - timedelta(n)
        )
    changes = history.changes_for(child, viewer=social_worker)
    with CaptureQueriesContext(connection) as queries:
        described = history.describe(changes[:2])
    assert len(described) == 2
    assert len(queries) == 0  # case notes refer to no other record

    for _ in range(3):
        f.LookedAfterReviewFactory(child=child, chair=make_user(Role.IRO, team=own_team))
    changes = history.changes_for(child, viewer=social_worker)
    with CaptureQueriesContext(connection) as queries:
        described = history.describe(changes[:2], among=changes)
    assert len(queries) == 3  # the IROs, the team and the organisation: one query each
    assert len(described) == 2


def test_history_hides_family_contact_details_from_people_outside_the_childs_team(
    client_for, social_worker, own_team, raa_worker
):
    child = ChildFactory(
        responsible_authority=own_team.organisation,
        team=own_team,
        referred_to=raa_worker.organisation,
    )
    services.family_member_add(
        child=child,
        by=social_worker,
        name="Example Mother",
        relationship="mother",
        address="1 Secret Lane",
        phone="01632 960999",
    )
    url = reverse("children:history", args=[child.pk])
    outsider = client_for(raa_worker).get(url).content.decode()
    assert "Example Mother" in outsider
    assert "1 Secret Lane" not in outsider
    assert "01632 960999" not in outsider
    assert "1 Secret Lane" in client_for(social_worker).get(url).content.decode()
