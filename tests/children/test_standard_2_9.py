"""Standard 2.9 from the consent and Part 19 records (issue 9 item 10): "Consent from all holding
parental responsibility is sought in line with legal provisions and use of Section 19 [an
application under FPR Part 19] is considered as early as possible if clarity is needed"; in care
proceedings the route is a placement order, not consent (LAW.md "Who may consent, and when")."""

from datetime import date, timedelta

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from children import selectors, services
from children.models import (
    ConsentStatus,
    Informed,
    PracticeStandardItem,
    PRBasis,
    ProceedingsKind,
    Relationship,
    Route,
)
from tests.children import factories as f
from tests.helpers import TODAY

pytestmark = pytest.mark.usefixtures("_frozen_today")

BORN = date(2026, 10, 5)  # six weeks old on 16 November 2026 (LAW.md's six weeks)


@pytest.fixture
def baby(own_team, social_worker):
    return f.ChildFactory(
        responsible_authority=own_team.organisation,
        team=own_team,
        social_worker=social_worker,
        route=Route.RELINQUISHED,
        date_of_birth=BORN,
    )


@pytest.fixture
def mother(baby):
    return f.FamilyMemberFactory(child=baby, name="Amy Parent", relationship=Relationship.MOTHER)


def evidence(child):
    for row in selectors.standard_checklist(child=child):
        if row.item.code == "2.9":
            return row.evidence
    raise AssertionError("2.9 does not apply")


def test_2_9_needs_consent_sought_from_each_pr_holder_and_the_father_considered(baby, mother):
    assert evidence(baby).summary == "Consent not yet sought from Amy Parent"
    # only discussed is not "sought in line with legal provisions"
    f.ConsentToPlacementFactory(
        child=baby,
        parent=mother,
        status=ConsentStatus.CONSIDERED,
        considered_on=BORN + timedelta(days=7),
    )
    assert not evidence(baby).met
    f.ConsentToPlacementFactory(
        child=baby,
        parent=mother,
        status=ConsentStatus.APPLIED,
        considered_on=BORN + timedelta(days=30),
    )
    assert evidence(baby).summary.startswith("Consent sought; record what is known of the father")
    record = f.FatherWithoutPRFactory(child=baby, identity_known="no", informed=Informed.NOT_YET)
    assert evidence(baby).summary == (
        "Consent sought; decide whether the father is told, or apply to the court for guidance "
        "under Part 19"
    )
    f.Part19ApplicationFactory(
        child=baby, question="Must the father be told?", applied_on=BORN + timedelta(days=35)
    )
    found = evidence(baby)
    assert found.met_on == BORN + timedelta(days=35)
    assert found.summary == (
        "Consent sought — Amy Parent: cafcass asked to witness consent; Part 19 application "
        "made 9 November 2026"
    )
    assert record.pk


def test_2_9_met_by_a_recorded_decision_not_to_tell_the_father(baby, mother):
    f.WrittenAgreementFactory(child=baby, parent=mother, agreed_on=BORN + timedelta(days=3))
    f.FatherWithoutPRFactory(
        child=baby,
        identity_known="no",
        informed=Informed.NOT_INFORMED,
        decided_by="Agency decision maker",
        decision_reason="The mother's account of the conception",
    )
    found = evidence(baby)
    assert found.met_on == BORN + timedelta(days=3)
    assert "decided not to inform the father (Agency decision maker)" in found.summary


def test_2_9_asks_a_father_with_pr_for_consent_too(baby, mother, social_worker):
    father = f.FamilyMemberFactory(child=baby, name="Ben Parent", relationship=Relationship.FATHER)
    services.parental_responsibility_record(
        member=father,
        basis=PRBasis.REGISTRATION,
        acquired_on=BORN + timedelta(2),
        by=social_worker,
    )
    f.ConsentToPlacementFactory(
        child=baby, parent=mother, status=ConsentStatus.REFUSED, considered_on=BORN
    )
    assert evidence(baby).summary == "Consent not yet sought from Ben Parent"
    f.ConsentToPlacementFactory(
        child=baby, parent=father, status=ConsentStatus.APPLIED, considered_on=TODAY
    )
    assert evidence(baby).met_on == TODAY


def test_2_9_is_not_met_by_consent_in_care_proceedings(baby, mother):
    f.ProceedingsFactory(
        child=baby,
        kind=ProceedingsKind.CARE,
        issued_on=BORN + timedelta(days=10),
        case_number="C1",
    )
    found = evidence(baby)
    assert not found.met
    assert "the route to adoption is a placement order, not consent (ACA s.19(3), s.22(2))" in (
        found.summary
    )


def test_2_9_is_shown_from_the_record_with_its_rule_and_takes_no_tick(
    baby, mother, client_for, social_worker
):
    page = client_for(social_worker).get(reverse("children:record", args=[baby.pk]))
    html = page.content.decode()
    assert "Met when consent has been sought from each parent with parental" in html
    with pytest.raises(ValidationError) as refused:
        services.standard_mark_met(
            child=baby,
            item=PracticeStandardItem.objects.get(code="2.9"),
            met_on=TODAY,
            by=social_worker,
        )
    assert "Standard 2.9 is shown from the record" in str(refused.value)
