"""The chronology (children.chronology) and its CSV download."""

from datetime import date

from django.urls import reverse

from children import services
from tests.children.factories import ChildFactory


def test_chronology_csv_keeps_formulas_as_text(client_for, social_worker, own_team):
    child = ChildFactory(responsible_authority=own_team.organisation, team=own_team)
    services.case_note_add(
        child=child,
        by=social_worker,
        kind="other",
        happened_on=date.today(),
        summary='=HYPERLINK("http://x","Open")',
        text="",
    )
    csv = client_for(social_worker).get(reverse("children:chronology_csv", args=[child.pk]))
    assert "'=HYPERLINK" in csv.content.decode()


# --- what happened, what is upcoming, and who (issue 9, item 12) -----------------------------

import re  # noqa: E402

import pytest  # noqa: E402

from accounts.models import Role  # noqa: E402
from children.models import EscalationStage  # noqa: E402
from tests.children import factories as f  # noqa: E402
from tests.helpers import TODAY  # noqa: E402


@pytest.mark.usefixtures("_frozen_today")
def test_upcoming_hearings_and_directions_are_listed_apart_from_what_happened(
    client_for, social_worker, own_team
):
    child = ChildFactory(responsible_authority=own_team.organisation, team=own_team)
    proceedings = f.ProceedingsFactory(child=child, created_by=social_worker)
    past = f.HearingFactory(
        proceedings=proceedings, listed_on=date(2026, 11, 2), created_by=social_worker
    )
    f.HearingFactory(proceedings=proceedings, listed_on=date(2026, 12, 14))
    f.DirectionFactory(hearing=past, due_on=date(2026, 12, 1), text="File the parenting report")
    page = client_for(social_worker).get(reverse("children:chronology", args=[child.pk]))
    html = page.content.decode()
    upcoming = html[html.index('id="upcoming"') : html.index('id="happened"')]
    happened = html[html.index('id="happened"') :]
    assert "14 December 2026" in upcoming
    assert "File the parenting report" in upcoming
    assert "2 November 2026" in happened
    assert "14 December 2026" not in happened
    assert TODAY.year == 2026


def test_the_by_column_names_the_author_of_every_authored_event(
    client_for, social_worker, own_team
):
    child = ChildFactory(
        responsible_authority=own_team.organisation,
        team=own_team,
        date_of_birth=date(2026, 1, 5),
        identified_on=date(2026, 1, 10),
        created_by=social_worker,
    )
    proceedings = f.ProceedingsFactory(
        child=child, issued_on=date(2026, 2, 1), created_by=social_worker
    )
    f.HearingFactory(
        proceedings=proceedings, listed_on=date(2026, 2, 15), created_by=social_worker
    )
    f.CourtOrderFactory(child=child, made_on=date(2026, 2, 15), created_by=social_worker)
    f.FamilyMemberFactory(
        child=child, ep_information_given_on=date(2026, 1, 12), created_by=social_worker
    )
    rows = (
        client_for(social_worker)
        .get(reverse("children:chronology_csv", args=[child.pk]))
        .content.decode()
        .splitlines()[1:]
    )
    # the birth is a fact about the child, not an act of someone: every other row has its author
    authored = [row for row in rows if ",Child," not in row]
    assert any("Identified for early permanence" in row for row in authored)
    assert len(authored) == 5
    for row in authored:
        assert row.split(",")[-2] == social_worker.get_full_name() or social_worker.username in row


def test_escalations_and_managers_responses_appear_in_the_chronology(
    client_for, make_user, own_team
):
    iro = make_user(Role.IRO, team=own_team, first_name="Ivy", last_name="Reviewer")
    manager = make_user(Role.TEAM_MANAGER, team=own_team, first_name="Tam", last_name="Manager")
    child = ChildFactory(responsible_authority=own_team.organisation, team=own_team)
    concern = f.IROConcernFactory(child=child, created_by=iro)
    services.iro_concern_update(
        concern=concern, stage=EscalationStage.SERVICE_MANAGER, escalated_on=date.today(), by=iro
    )
    services.iro_concern_respond(
        concern=concern, responded_on=date.today(), response="Assessor allocated", by=manager
    )
    html = client_for(iro).get(reverse("children:chronology", args=[child.pk])).content.decode()
    assert "IRO concern escalated: Formal: service manager" in html
    assert "Response to an IRO concern" in html
    assert re.search(r"Assessor allocated.*?Tam Manager", html, re.S)
