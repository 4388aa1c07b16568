"""Pages about one child keep a constant number of queries however much is recorded about them."""

from datetime import date, timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.children import factories as f


def add_one_of_everything(child, n: int) -> None:
    """One more record of every kind the child's pages show."""
    mother = f.FamilyMemberFactory(child=child, ep_information_given_on=date.today())
    f.ViabilityAssessmentFactory(family_member=f.FamilyMemberFactory(child=child))
    f.PaternityTestFactory(
        alleged_father=f.FamilyMemberFactory(child=child, relationship="alleged_father")
    )
    proceedings = f.ProceedingsFactory(child=child)
    hearing = f.HearingFactory(proceedings=proceedings)
    f.DirectionFactory(hearing=hearing)
    f.ExtensionFactory(proceedings=proceedings)
    order = f.CourtOrderFactory(child=child, hearing=hearing, made_on=hearing.listed_on)
    f.CourtOrderFactory(child=child, kind="care", ended_by=order, ended_on=date.today())
    start = date.today() - timedelta(days=400 - 10 * n)  # an earlier period of care, ended
    f.CarePeriodFactory(
        child=child, started_on=start, ended_on=start + timedelta(days=5), reason_ended="Home"
    )
    f.LegalStatusPeriodFactory(
        child=child,
        code="C1",
        basis="order",
        order=order,
        starts_on=start,
        ends_on=start + timedelta(days=5),
    )
    f.ConsentToPlacementFactory(
        child=child,
        parent=mother,
        status="given",
        kind="any",
        witnessed_on=date.today() - timedelta(days=1),
        advance_consent_on=date.today(),
    )
    f.WrittenAgreementFactory(child=child, parent=mother)
    father = f.FamilyMemberFactory(
        child=child, relationship="father", pr_basis="agreement", pr_acquired_on=date.today()
    )
    f.FatherWithoutPRFactory(child=child, informed="informed", informed_on=date.today())
    f.Part19ApplicationFactory(child=child, issued_on=date.today(), decided_on=date.today())
    f.Section20AccommodationFactory(child=child, agreed_by=father, ended_on=date.today())
    pre = f.PreProceedingsFactory(
        child=child, gateway_meeting_on=date.today() - timedelta(days=40)
    )
    f.PreProceedingsReviewFactory(pre_proceedings=pre)
    f.TwinTrackPlanFactory(child=child, meeting_on=date.today() - timedelta(days=n))
    review = f.LookedAfterReviewFactory(child=child)
    f.LookedAfterReviewFactory(  # held: its statutory timescale is shown
        child=child,
        scheduled_on=date.today() - timedelta(days=n),
        held_on=date.today() - timedelta(days=n),
        chair=None,
    )
    concern = f.IROConcernFactory(child=child, review=review)
    f.IROEscalationFactory(concern=concern)
    f.IROConcernResponseFactory(concern=concern)
    f.RetentionReviewFactory(child=child)
    f.CaseNoteFactory(child=child)
    f.ChildStandardRecordFactory(child=child, item=f.PracticeStandardItemFactory())


def count(client, url) -> int:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


@pytest.mark.parametrize(
    "page",
    ["children:record", "children:chronology", "children:chronology_csv", "children:history"],
)
def test_child_pages_query_count_does_not_grow_with_the_record(
    client_for, social_worker, own_team, page
):
    child = f.ChildFactory(
        responsible_authority=own_team.organisation,
        team=own_team,
        looked_after_on=date.today() - timedelta(days=50),
    )
    client = client_for(social_worker)
    add_one_of_everything(child, 1)
    url = reverse(page, args=[child.pk])
    once = count(client, url)
    for n in range(2, 6):
        add_one_of_everything(child, n)
    assert count(client, url) == once
