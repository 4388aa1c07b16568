"""The candidate search: hard filters only for legal and capacity facts; identity, health,
family time and distance explained and ranked, never filters (issue 11 item 2)."""

import pytest

from carers import services as carers_services
from carers.models import ApprovalKind
from matching import services
from matching.candidates import candidates_for
from matching.models import PlacementCode, PlacementKind
from tests.carers.factories import build_household, days
from tests.children.factories import ChildFactory


def refs(found):
    return [c.household.pk for c in found]


def test_hard_filters_leave_out_only_legal_and_capacity_facts(child, ssw, social_worker):
    fits = build_household(by=ssw, name="Fits", extras=True)
    not_adopters = build_household(by=ssw, name="Foster only", adopters=False, extras=True)
    opted_out = build_household(by=ssw, name="Opted out", extras=True)
    carers_services.household_opt_out(
        household=opted_out, by=ssw, opted_out_on=days(-1), reason="Changed their minds"
    )
    linked = build_household(by=ssw, name="Linked", extras=True)
    other = ChildFactory(responsible_authority=child.responsible_authority, team=child.team)
    services.match_propose(child=other, household=linked, proposed_on=days(-2), by=social_worker)
    found = candidates_for(child=child, today=days(0))
    assert refs(found) == [fits.pk]
    assert not_adopters.pk not in refs(found)


def test_identity_is_explained_never_a_filter(child, ssw):
    shares = build_household(by=ssw, name="Shares", extras=True)  # applicants WBRI
    differs = build_household(by=ssw, name="Differs", extras=True)
    differs.applicants.update(ethnicity="BAFR")
    carers_services.offer_set(
        household=differs,
        by=ssw,
        pre_birth=True,
        age_from_months=0,
        age_to_months=24,
        identity="Close links with a White British extended family and community",
    )
    found = candidates_for(child=child, today=days(0))
    assert refs(found) == [shares.pk, differs.pk]  # both shown, the shared identity first
    texts = [r.text for r in found[1].reasons]
    assert (
        "No applicant shares the child's recorded ethnicity: how they would meet the child's "
        "identity: Close links with a White British extended family and community" in texts
    )
    assert "An applicant shares the child's ethnicity (White British)" in [
        r.text for r in found[0].reasons
    ]


def test_adopters_only_are_candidates_with_the_reg25a_reason(child, ssw):
    adopters_only = build_household(by=ssw, name="Adopters only", foster=False, extras=True)
    dual = build_household(by=ssw, name="Dual", extras=True)
    found = candidates_for(child=child, today=days(0))
    assert refs(found) == [dual.pk, adopters_only.pk]
    assert (
        "Approved as prospective adopters only: placing needs a Reg 25A temporary approval "
        "for this child" in [r.text for r in found[1].reasons]
    )


def test_foster_terms_that_exclude_the_child_filter(child, ssw):
    household = build_household(by=ssw, name="Older children", foster=False, extras=True)
    from tests.carers.factories import approve

    approve(
        household, ApprovalKind.FOSTER, by=ssw, terms_age_from_months=36, terms_age_to_months=120
    )
    assert candidates_for(child=child, today=days(0)) == []


def test_distance_both_ways_and_family_time_are_reasons(child, ssw):
    household = build_household(by=ssw, name="Near", extras=True)  # NM3
    same = candidates_for(child=child, today=days(0), family_district="nm3")
    assert "Lives in the birth family's postcode district: they may meet by chance" in [
        r.text for r in same[0].reasons
    ]
    far = candidates_for(child=child, today=days(0), family_district="ZZ1")
    assert far[0].score > same[0].score - 10
    assert refs(far) == [household.pk]


def test_a_sibling_household_stays_a_candidate(child, ssw, social_worker, own_team):
    from children.models import SiblingGroup

    household = build_household(by=ssw, name="Caring for the brother", extras=True)
    brother = ChildFactory(responsible_authority=own_team.organisation, team=own_team)
    group = SiblingGroup.objects.create(
        responsible_authority=own_team.organisation, name="Brook", placement="apart"
    )
    type(child).objects.filter(pk__in=[child.pk, brother.pk]).update(sibling_group=group)
    services.match_propose(
        child=brother, household=household, proposed_on=days(-9), by=social_worker
    )
    services.placement_record(
        child=brother,
        kind=PlacementKind.EP_CARERS,
        starts_on=days(-8),
        placement_code=PlacementCode.U5,
        household=household,
        by=social_worker,
    )
    child.refresh_from_db()
    found = candidates_for(child=child, today=days(0))
    assert refs(found) == [household.pk]
    assert found[0].reasons[0].text == (
        "Already caring for or linked with the child's brother or sister"
    )


@pytest.mark.parametrize("n", [1, 4])
def test_constant_queries_as_households_grow(child, ssw, n, django_assert_max_num_queries):
    for i in range(n):
        build_household(by=ssw, name=f"H{i}", extras=True)
    with django_assert_max_num_queries(4):
        assert len(candidates_for(child=child, today=days(0))) == n
