"""Standards evidence that cannot drift (issue 9 items 10 and 11): evidence from the record that
proves a Standard; manual ticks verified by a team manager or the IRO; which Standards apply
follows the facts; any item not applicable with a reason, so "X of Y" is fair."""

from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from accounts.models import Role
from children import selectors, services, standards_evidence
from children.models import (
    ChildStandardRecord,
    PaternityResult,
    PracticeStandardItem,
    Relationship,
    Route,
    ViabilityOutcome,
)
from children.services import birth
from children.services import standards as standard_services
from tests.children.factories import (
    ChildFactory,
    ChildStandardRecordFactory,
    FamilyMemberFactory,
    PaternityTestFactory,
    UnbornChildFactory,
    ViabilityAssessmentFactory,
)
from tests.helpers import TODAY, field_error

pytestmark = pytest.mark.usefixtures("_frozen_today")


@pytest.fixture
def child(own_team, social_worker):
    return ChildFactory(
        responsible_authority=own_team.organisation,
        team=own_team,
        social_worker=social_worker,
        date_of_birth=TODAY - timedelta(days=60),
        identified_on=TODAY - timedelta(days=30),
    )


def row(child, code):
    for each in selectors.standard_checklist(child=child):
        if each.item.code == code:
            return each
    return None


def item(code):
    return PracticeStandardItem.objects.get(code=code)


# --- 2.5 from the date information was given to each parent ----------------------------------


def test_2_5_is_met_when_each_parent_has_been_given_the_information(child):
    mother = FamilyMemberFactory(
        child=child,
        name="Amy Parent",
        relationship=Relationship.MOTHER,
        ep_information_given_on=TODAY - timedelta(days=9),
    )
    father = FamilyMemberFactory(child=child, name="Ben Parent", relationship=Relationship.FATHER)
    evidence = row(child, "2.5").evidence
    assert not evidence.met
    assert evidence.summary == "Not yet given to Ben Parent"
    father.ep_information_given_on = TODAY - timedelta(days=2)
    father.save()
    evidence = row(child, "2.5").evidence
    assert evidence.met_on == TODAY - timedelta(days=2)  # when the last parent had it
    assert "Amy Parent on 14 November 2026" in evidence.summary
    assert mother.pk


def test_2_5_leaves_out_a_parent_whose_whereabouts_are_not_known(child):
    FamilyMemberFactory(
        child=child, relationship=Relationship.MOTHER, ep_information_given_on=TODAY
    )
    FamilyMemberFactory(
        child=child, name="Ben Parent", relationship=Relationship.FATHER, whereabouts_unknown=True
    )
    evidence = row(child, "2.5").evidence
    assert evidence.met_on == TODAY
    assert "whereabouts not known: Ben Parent" in evidence.summary


def test_a_standard_the_record_proves_takes_no_tick(client_for, child, social_worker):
    with pytest.raises(ValidationError) as error:
        services.standard_mark_met(child=child, item=item("2.5"), met_on=TODAY, by=social_worker)
    assert error.value.message_dict["item"] == [
        "Standard 2.5 is shown from the record: record the date early permanence information "
        "was given on each parent instead"
    ]
    url = reverse("children:standard_mark", args=[child.pk, item("2.5").pk])
    assert client_for(social_worker).get(url).status_code == 404
    page = client_for(social_worker).get(reverse("children:record", args=[child.pk]))
    assert f'href="{url}"' not in page.content.decode()


# --- 2.2 from the viability and paternity records ---------------------------------------------


def test_2_2_is_met_when_every_viability_assessment_and_paternity_test_is_done(child):
    assert row(child, "2.2").evidence.summary == "No viability assessment recorded"
    aunt = FamilyMemberFactory(child=child, relationship=Relationship.AUNT_UNCLE)
    assessment = ViabilityAssessmentFactory(
        child=child,
        family_member=aunt,
        requested_on=TODAY - timedelta(days=20),
        due_on=TODAY,
    )
    father = FamilyMemberFactory(child=child, relationship=Relationship.ALLEGED_FATHER)
    test = PaternityTestFactory(
        child=child, alleged_father=father, requested_on=TODAY - timedelta(days=20)
    )
    assert not row(child, "2.2").evidence.met
    assessment.completed_on = TODAY - timedelta(days=5)
    assessment.outcome = ViabilityOutcome.NEGATIVE
    assessment.save()
    test.result, test.result_on = PaternityResult.CONFIRMED, TODAY - timedelta(days=3)
    test.save()
    evidence = row(child, "2.2").evidence
    assert evidence.met_on == TODAY - timedelta(days=3)
    assert evidence.summary == (
        "1 of 1 viability assessments completed; 1 of 1 paternity tests resulted"
    )


# --- 2.8 from the pre-birth conference; which Standards apply follows the facts --------------


def test_2_8_applies_to_a_child_identified_before_birth_whatever_the_route(
    own_team, social_worker
):
    identified_unborn = ChildFactory(
        responsible_authority=own_team.organisation,
        team=own_team,
        route=Route.PROCEEDINGS_ISSUED,
        identified_on=TODAY - timedelta(days=90),
        date_of_birth=TODAY - timedelta(days=20),
    )
    identified_after = ChildFactory(
        responsible_authority=own_team.organisation,
        team=own_team,
        route=Route.PRE_BIRTH,
        identified_on=TODAY - timedelta(days=10),
        date_of_birth=TODAY - timedelta(days=20),
    )
    assert row(identified_unborn, "2.8") is not None
    assert row(identified_after, "2.8") is None
    birth.birth_plan_record(
        child=identified_unborn, conference_on=TODAY - timedelta(days=40), by=social_worker
    )
    evidence = row(identified_unborn, "2.8").evidence
    assert evidence.met_on == TODAY - timedelta(days=40)
    assert evidence.section == "birth"


def test_a_relinquished_baby_does_not_get_the_return_home_items(own_team):
    relinquished = UnbornChildFactory(
        responsible_authority=own_team.organisation, team=own_team, route=Route.RELINQUISHED
    )
    in_proceedings = ChildFactory(responsible_authority=own_team.organisation, team=own_team)
    for code in ("2.7", "5.1"):
        assert row(relinquished, code) is None
        assert row(in_proceedings, code) is not None
    assert row(relinquished, "2.9") is not None


# --- not applicable, with a reason: "X of Y" is fair --------------------------------------------


def test_an_item_marked_not_applicable_leaves_the_count(client_for, child, social_worker):
    before = selectors.standard_checklist(child=child)
    url = reverse("children:standard_not_applicable", args=[child.pk, item("6.3").pk])
    response = client_for(social_worker).post(url, {"reason": ""})
    assert field_error(
        response.content.decode(), "reason", "Enter why the standard does not apply to this child"
    )
    assert not ChildStandardRecord.objects.exists()
    response = client_for(social_worker).post(
        url, {"reason": "No family time: the court has refused it"}
    )
    assert response.status_code == 302
    after = selectors.standard_checklist(child=child)
    assert after.total == before.total - 1
    assert row(child, "6.3").not_applicable
    page = client_for(social_worker).get(reverse("children:record", args=[child.pk]))
    html = page.content.decode()
    assert f"{after.recorded} of {after.total} recorded" in html
    assert "No family time: the court has refused it" in html


def test_a_derived_standard_may_also_be_not_applicable(child, social_worker):
    standard_services.standard_mark_not_applicable(
        child=child, item=item("2.5"), reason="Both parents have died", by=social_worker
    )
    assert row(child, "2.5").not_applicable
    assert not row(child, "2.5").met


# --- manual ticks: verified by a team manager or the IRO ---------------------------------------


def test_a_team_manager_or_the_iro_verifies_a_manual_tick(
    client_for, child, social_worker, make_user, own_team
):
    manager = make_user(Role.TEAM_MANAGER, team=own_team, first_name="Tara", last_name="Manager")
    iro = make_user(Role.IRO, team=own_team)
    ChildStandardRecordFactory(child=child, item=item("5.5"), created_by=social_worker)
    url = reverse("children:standard_verify", args=[child.pk, item("5.5").pk])
    assert client_for(social_worker).get(url).status_code == 403
    with pytest.raises(PermissionDenied):
        standard_services.standard_verify(child=child, item=item("5.5"), by=social_worker)
    assert client_for(iro).get(url).status_code == 200
    assert client_for(manager).post(url).status_code == 302
    record = ChildStandardRecord.objects.get(child=child, item=item("5.5"))
    assert (record.verified_by, record.verified_on) == (manager, TODAY)
    html = client_for(social_worker).get(reverse("children:record", args=[child.pk]))
    assert "Verified by Tara Manager, 23 November 2026" in html.content.decode()
    # changing the tick asks for it to be verified again
    services.standard_mark_met(
        child=child, item=item("5.5"), met_on=TODAY - timedelta(days=1), by=social_worker
    )
    record.refresh_from_db()
    assert record.verified_by is None


# --- adding a derived source is one registration -----------------------------------------------


def test_a_derived_source_is_one_registration(own_team):
    relinquished = ChildFactory(
        responsible_authority=own_team.organisation, team=own_team, route=Route.RELINQUISHED
    )
    # 2.9 has been derived since the consent records came (test_standard_2_9.py); register a
    # source for a manual item instead, and put things back as they were
    assert row(relinquished, "2.6").evidence is None

    def reflected(child):
        return standards_evidence.Evidence(TODAY, "Shown from a record", "court")

    standards_evidence.register("2.6", reflected, hint="record it")
    try:
        evidence = row(relinquished, "2.6").evidence
        assert evidence.met_on == TODAY
        assert row(relinquished, "2.6").met
    finally:
        standards_evidence.unregister("2.6")
