"""The matching pages: what they save, the errors they show, and a constant query count."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from matching import services
from matching.models import NominatedOfficerAuthorisation, Placement, PlacementCode, PlacementKind
from tests.carers.factories import build_household, days
from tests.helpers import date_fields


def test_recording_a_placement_from_the_childs_page(client_for, social_worker, child):
    url = reverse("matching:placement_add", args=[child.pk])
    client = client_for(social_worker)
    response = client.post(
        url,
        {
            "kind": "hospital",
            "placement_code": "U5",
            **date_fields("starts_on", child.date_of_birth),
        },
    )
    assert response.status_code == 200
    assert (
        "Placement type U5 does not fit a hospital placement: select R2"
        in response.content.decode()
    )
    assert not Placement.objects.exists()
    response = client.post(
        url,
        {
            "kind": "hospital",
            "placement_code": "R2",
            **date_fields("starts_on", child.date_of_birth),
        },
    )
    assert response.status_code == 302
    assert Placement.objects.get().placement_code == "R2"


def test_the_nominated_officer_authorises_on_the_page(
    client_for, social_worker, nominated_officer, child, household
):
    match = services.match_propose(
        child=child, household=household, proposed_on=days(-3), by=social_worker
    )
    url = reverse("matching:match_authorise", args=[child.pk, match.pk])
    assert client_for(social_worker).get(url).status_code == 403
    client = client_for(nominated_officer)
    response = client.post(url, date_fields("authorised_on", days(-1)))
    assert "Enter what the Nominated Officer was told" in response.content.decode()
    response = client.post(
        url, {**date_fields("authorised_on", days(-1)), "information_given": "The care plan."}
    )
    assert response.status_code == 302
    assert NominatedOfficerAuthorisation.objects.get().authorised_by == nominated_officer


def test_candidates_page_shows_anonymised_references_and_reasons(
    client_for, social_worker, child, ssw
):
    household = build_household(by=ssw, name="The Secret-Name household", extras=True)
    response = client_for(social_worker).get(reverse("matching:candidates", args=[child.pk]))
    content = response.content.decode()
    assert household.reference in content
    assert "Secret-Name" not in content
    assert "An applicant shares the child&#x27;s ethnicity (White British)" in content


def _add_records(child, by, household, n):
    services.placement_record(
        child=child,
        kind=PlacementKind.HOSPITAL,
        starts_on=child.date_of_birth,
        placement_code=PlacementCode.R2,
        by=by,
    )
    for i in range(n):
        services.placement_record(
            child=child,
            kind=PlacementKind.BRIDGING_FOSTER,
            starts_on=child.date_of_birth + timedelta(days=i + 1),
            placement_code=PlacementCode.U6,
            reason_for_change="CARPL",
            by=by,
        )


@pytest.mark.parametrize("page", ["children:record", "children:chronology", "children:history"])
def test_the_childs_pages_keep_a_constant_query_count(
    client_for, social_worker, child, household, own_team, page
):
    from tests.children.factories import ChildFactory

    small = ChildFactory(responsible_authority=own_team.organisation, team=own_team)
    _add_records(small, social_worker, household, 1)
    _add_records(child, social_worker, household, 6)
    client = client_for(social_worker)
    counts = []
    for each in (small, child):
        with CaptureQueriesContext(connection) as queries:
            assert client.get(reverse(page, args=[each.pk])).status_code == 200
        counts.append(len(queries))
    assert counts[0] == counts[1]
