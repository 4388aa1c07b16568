"""Who may consent, and when (LAW.md "Who may consent, and when"): consent to placement for
adoption (ACA 2002 s.19), the six-week rule (s.52(3)), s.19(3), written agreement (AAR reg
35(4)), a father without parental responsibility (AAR reg 14), who holds parental responsibility
(CA 1989 ss.2, 4, 33; ACA s.25), Part 19 applications (Standard 2.9), section 20 accommodation
and pre-proceedings."""

from datetime import date, timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils.html import escape

from accounts.models import Role
from children import services
from children.legal_truth import legal_truth_errors
from children.models import (
    ConsentStatus,
    ConsentToPlacement,
    FatherWithoutPR,
    OrderKind,
    Part19Application,
    PRBasis,
    PreProceedings,
    Relationship,
    Section20Accommodation,
    Section20End,
    Section20Threshold,
    WrittenAgreement,
)
from children.selectors import consent_authority, pr_holders
from tests.children import factories as f
from tests.helpers import TODAY, date_fields, field_error, input_value

pytestmark = pytest.mark.usefixtures("_frozen_today")

BORN = date(2026, 10, 5)  # a Monday; six weeks old on Monday 16 November 2026
SIX_WEEKS = date(2026, 11, 16)


@pytest.fixture
def child(own_org, own_team, social_worker):
    return f.ChildFactory(
        responsible_authority=own_org,
        team=own_team,
        social_worker=social_worker,
        date_of_birth=BORN,
    )


@pytest.fixture
def mother(child):
    return f.FamilyMemberFactory(child=child, name="Amy Parent", relationship=Relationship.MOTHER)


@pytest.fixture
def sw(client_for, social_worker):
    return client_for(social_worker)


def url(name: str, child, **kwargs) -> str:
    return reverse(f"children:{name}", kwargs={"pk": child.pk, **kwargs})


def given(child, parent, witnessed_on, **fields):
    fields = {
        "status": ConsentStatus.GIVEN,
        "kind": "any",
        "considered_on": witnessed_on - timedelta(days=3),
        **fields,
    }
    return f.ConsentToPlacementFactory(
        child=child, parent=parent, witnessed_on=witnessed_on, **fields
    )


def authority(child, on=TODAY):
    return consent_authority(child=child, on=on)


# --- is the agency authorised to place by consent? --------------------------------------------


def test_a_mothers_consent_witnessed_before_six_weeks_never_counts(child, mother):
    given(child, mother, SIX_WEEKS - timedelta(days=1))  # 15 November: five weeks and six days
    answer = authority(child)
    assert not answer.authorised
    assert answer.reasons == [
        "Amy Parent (mother): consent witnessed 15 November 2026: Witnessed before the "
        "baby was six weeks old: it does not count (ACA s.52(3))"
    ]


def test_a_mothers_consent_witnessed_when_the_baby_is_six_weeks_old_authorises(child, mother):
    given(child, mother, SIX_WEEKS)
    answer = authority(child)
    assert answer.authorised
    assert answer.since == SIX_WEEKS
    assert not authority(child, on=SIX_WEEKS - timedelta(days=1)).authorised


def test_each_parent_with_pr_consents_but_not_an_alleged_father_without_it(child, mother):
    father = f.FamilyMemberFactory(
        child=child,
        name="Ben Parent",
        relationship=Relationship.FATHER,
        pr_basis=PRBasis.REGISTRATION,
        pr_acquired_on=BORN + timedelta(days=10),
    )
    f.FamilyMemberFactory(
        child=child, relationship=Relationship.ALLEGED_FATHER, parental_responsibility="no"
    )
    given(child, mother, SIX_WEEKS)
    answer = authority(child)
    assert answer.reasons == ["Ben Parent (father) has not given consent witnessed by Cafcass"]
    given(child, father, TODAY - timedelta(days=1))
    assert authority(child).authorised


def test_a_special_guardian_consents_too(child, mother):
    f.FamilyMemberFactory(
        child=child,
        name="Gail Guardian",
        relationship=Relationship.SPECIAL_GUARDIAN,
        pr_basis=PRBasis.SPECIAL_GUARDIAN,
        pr_acquired_on=BORN + timedelta(days=20),
    )
    given(child, mother, SIX_WEEKS)
    assert authority(child).reasons == [
        "Gail Guardian (special guardian) has not given consent witnessed by Cafcass"
    ]


def test_consent_given_while_care_proceedings_were_pending_does_not_authorise(child, mother):
    # ACA s.19(3)(a): in an EP case in care proceedings the route is a placement order
    f.ProceedingsFactory(child=child, issued_on=BORN + timedelta(days=3), case_number="NM26C9")
    given(child, mother, SIX_WEEKS)
    assert authority(child).reasons == [
        "Amy Parent (mother): consent witnessed 16 November 2026: Given while care "
        "proceedings NM26C9 were pending: it does not authorise placement (ACA s.19(3)(a))"
    ]


def test_a_care_order_made_after_consent_ends_its_authority(child, mother):
    given(child, mother, SIX_WEEKS)
    f.CourtOrderFactory(child=child, kind=OrderKind.INTERIM_CARE, made_on=TODAY - timedelta(2))
    assert authority(child, on=TODAY - timedelta(days=3)).authorised
    answer = authority(child)
    assert not answer.authorised
    assert "Interim care order made 21 November 2026 after it" in answer.reasons[0]
    assert "(ACA s.19(3)(b))" in answer.reasons[0]


def test_withdrawn_consent_authorises_until_the_day_it_was_withdrawn(child, mother):
    given(
        child,
        mother,
        SIX_WEEKS,
        status=ConsentStatus.WITHDRAWN,
        withdrawn_on=TODAY - timedelta(days=2),
    )
    assert not authority(child).authorised
    assert authority(child).reasons[-1].endswith("Withdrawn")


def test_no_authority_for_an_unborn_baby(own_org, own_team):
    unborn = f.UnbornChildFactory(responsible_authority=own_org, team=own_team)
    assert authority(unborn).reasons == [
        "The baby is not born yet: consent is given after the birth"
    ]


# --- who holds parental responsibility now -----------------------------------------------------


def test_the_mother_holds_pr_from_the_birth_not_before(own_org, own_team):
    unborn = f.UnbornChildFactory(responsible_authority=own_org, team=own_team)
    f.FamilyMemberFactory(child=unborn, relationship=Relationship.MOTHER)
    assert pr_holders(child=unborn) == []


def test_the_la_shares_pr_under_an_interim_care_order_and_the_agency_under_a_placement_order(
    child, mother
):
    f.CourtOrderFactory(child=child, kind=OrderKind.INTERIM_CARE, made_on=BORN + timedelta(3))
    holders = [(h.who, h.since) for h in pr_holders(child=child)]
    assert holders == [("Mother", BORN), ("Local authority", BORN + timedelta(3))]
    f.CourtOrderFactory(child=child, kind=OrderKind.PLACEMENT, made_on=TODAY - timedelta(1))
    holders = [h.who for h in pr_holders(child=child)]
    assert holders == ["Mother", "Agency"]  # ACA s.29(1): the care order is suspended


def test_an_ended_order_gives_no_pr(child, mother):
    f.CourtOrderFactory(
        child=child,
        kind=OrderKind.INTERIM_CARE,
        made_on=BORN + timedelta(3),
        ended_on=TODAY - timedelta(1),
    )
    assert [h.who for h in pr_holders(child=child)] == ["Mother"]


def test_a_father_holds_pr_from_the_day_of_the_agreement(child, mother):
    father = f.FamilyMemberFactory(child=child, relationship=Relationship.FATHER)
    services.parental_responsibility_record(
        member=father,
        basis=PRBasis.AGREEMENT,
        acquired_on=TODAY - timedelta(days=5),
        by=mother.child.social_worker,
    )
    assert len(pr_holders(child=child, on=TODAY - timedelta(days=6))) == 1
    (holder,) = [h for h in pr_holders(child=child) if h.member == father]
    assert holder.basis == "Parental responsibility agreement"
    assert holder.since == TODAY - timedelta(days=5)


@pytest.mark.parametrize(
    ("relationship", "basis", "acquired_on", "field", "message"),
    [
        (
            Relationship.FATHER,
            PRBasis.MOTHER,
            None,
            "basis",
            "Only the mother has parental responsibility from the birth",
        ),
        (
            Relationship.FATHER,
            PRBasis.AGREEMENT,
            BORN - timedelta(days=1),
            "acquired_on",
            "Date parental responsibility began must be on or after the date of birth "
            "(5 October 2026)",
        ),
        (
            Relationship.GRANDPARENT,
            PRBasis.MARRIAGE,
            BORN,
            "basis",
            "Only a father (or a second female parent) has it on this basis",
        ),
        (
            Relationship.FATHER,
            PRBasis.ORDER,
            None,
            "acquired_on",
            "Enter the date parental responsibility began",
        ),
    ],
)
def test_parental_responsibility_needs_a_basis_that_fits_and_a_date(
    sw, child, relationship, basis, acquired_on, field, message
):
    member = f.FamilyMemberFactory(child=child, relationship=relationship)
    page = sw.post(
        url("parental_responsibility", child, member_pk=member.pk),
        {"basis": basis, **date_fields("acquired_on", acquired_on)},
    ).content.decode()
    assert field_error(page, field, message)
    member.refresh_from_db()
    assert member.pr_basis == ""


def test_an_unborn_babys_mother_has_no_pr_yet(own_org, own_team, social_worker):
    unborn = f.UnbornChildFactory(responsible_authority=own_org, team=own_team)
    mother = f.FamilyMemberFactory(child=unborn, relationship=Relationship.MOTHER)
    with pytest.raises(ValidationError) as refused:
        services.parental_responsibility_record(
            member=mother, basis=PRBasis.MOTHER, by=social_worker
        )
    assert refused.value.message_dict["basis"] == [
        "The mother has parental responsibility from the birth: record the birth first"
    ]
    # the family member form's own rule (services.family.family_member_pr_errors)
    assert legal_truth_errors(unborn) == [
        f"Parental responsibility of {mother.name}: {services.family.UNBORN_PR}"
    ]


# --- the consent pages ------------------------------------------------------------------------


def consent_data(parent, **overrides) -> dict:
    data = {
        "parent": str(parent.pk),
        "status": ConsentStatus.CONSIDERED,
        "kind": "",
        "notes": "Kept as typed",
        **date_fields("considered_on", TODAY - timedelta(days=10)),
        **date_fields("witnessed_on", None),
        **date_fields("withdrawn_on", None),
        **date_fields("advance_consent_on", None),
        **date_fields("no_notice_statement_on", None),
    }
    data.update(overrides)
    return data


def test_the_consent_form_offers_parents_with_pr_and_guardians_only(sw, child, mother):
    alleged = f.FamilyMemberFactory(
        child=child,
        name="Al Leged",
        relationship=Relationship.ALLEGED_FATHER,
        parental_responsibility="no",
    )
    guardian = f.FamilyMemberFactory(
        child=child, name="Gail Guardian", relationship=Relationship.GUARDIAN
    )
    page = sw.get(url("consent_add", child)).content.decode()
    assert f'value="{mother.pk}"' in page
    assert f'value="{guardian.pk}"' in page
    assert f'value="{alleged.pk}"' not in page
    page = sw.post(url("consent_add", child), consent_data(alleged)).content.decode()
    assert field_error(
        page, "parent", "Choose a parent with parental responsibility or a guardian of this child"
    )
    assert "Kept as typed" in page
    assert not ConsentToPlacement.objects.exists()


def test_social_worker_records_consent_then_its_withdrawal(sw, child, mother):
    assert sw.post(url("consent_add", child), consent_data(mother)).status_code == 302
    consent = ConsentToPlacement.objects.get()
    witnessed = {
        "status": ConsentStatus.GIVEN,
        "kind": "identified",
        **date_fields("witnessed_on", SIX_WEEKS),
        **date_fields("advance_consent_on", SIX_WEEKS),
        **date_fields("no_notice_statement_on", SIX_WEEKS),
    }
    response = sw.post(
        url("consent_edit", child, record_pk=consent.pk), consent_data(mother, **witnessed)
    )
    assert response.status_code == 302
    consent.refresh_from_db()
    assert (consent.kind, consent.advance_consent_on) == ("identified", SIX_WEEKS)
    assert authority(child).authorised
    response = sw.post(
        url("consent_edit", child, record_pk=consent.pk),
        consent_data(
            mother,
            **{
                **witnessed,
                "status": ConsentStatus.WITHDRAWN,
                **date_fields("withdrawn_on", TODAY),
            },
        ),
    )
    assert response.status_code == 302
    assert not authority(child).authorised


def test_consent_given_needs_the_witness_date_and_the_kind(sw, child, mother):
    page = sw.post(
        url("consent_add", child), consent_data(mother, status=ConsentStatus.GIVEN)
    ).content.decode()
    assert field_error(page, "witnessed_on", "Enter the date Cafcass witnessed consent")
    assert field_error(
        page, "kind", "Select the kind of consent: to identified adopters or to any"
    )
    assert input_value(page, "considered_on_0") == str((TODAY - timedelta(days=10)).day)


def test_a_statement_under_s20_4_a_needs_advance_consent(sw, child, mother):
    page = sw.post(
        url("consent_add", child),
        consent_data(
            mother,
            status=ConsentStatus.GIVEN,
            kind="any",
            **date_fields("witnessed_on", SIX_WEEKS),
            **date_fields("no_notice_statement_on", SIX_WEEKS),
        ),
    ).content.decode()
    assert field_error(
        page,
        "no_notice_statement_on",
        "A statement under s.20(4)(a) is made by a parent who gave advance consent: enter the "
        "date of advance consent",
    )


def test_a_consent_witnessed_before_six_weeks_is_recorded_and_flagged_on_the_court_tab(
    sw, child, mother
):
    response = sw.post(
        url("consent_add", child),
        consent_data(
            mother,
            status=ConsentStatus.GIVEN,
            kind="any",
            **date_fields("considered_on", SIX_WEEKS - timedelta(days=14)),
            **date_fields("witnessed_on", SIX_WEEKS - timedelta(days=7)),
        ),
    )
    assert response.status_code == 302
    court = sw.get(url("record", child)).content.decode().split('id="court"', 1)[1]
    assert "Witnessed before the baby was six weeks old: it does not count" in court
    assert "Not authorised to place by consent" in court


def test_a_written_agreement_is_for_a_baby_under_six_weeks(sw, child, mother):
    page = sw.post(
        url("written_agreement_add", child),
        {"parent": str(mother.pk), "notes": "Kept", **date_fields("agreed_on", SIX_WEEKS)},
    ).content.decode()
    assert field_error(
        page,
        "agreed_on",
        "Date of the written agreement must be before the baby is six weeks old "
        "(16 November 2026): from then, record consent to placement for adoption",
    )
    assert not WrittenAgreement.objects.exists()
    response = sw.post(
        url("written_agreement_add", child),
        {"parent": str(mother.pk), "notes": "", **date_fields("agreed_on", BORN + timedelta(3))},
    )
    assert response.status_code == 302
    court = sw.get(url("record", child)).content.decode().split('id="court"', 1)[1]
    assert "covers placement until the baby is six weeks old (16 November 2026)" in court


def father_data(father, **overrides):
    data = {
        "father": str(father.pk) if father else "",
        "identity_known": "yes",
        "informed": "not_informed",
        "decided_by": "",
        "decision_reason": "",
        "wishes": "",
        "notes": "Kept as typed",
        **date_fields("informed_on", None),
        **date_fields("counselled_on", None),
    }
    data.update(overrides)
    return data


def test_a_father_not_informed_needs_who_decided_and_why(sw, child):
    father = f.FamilyMemberFactory(
        child=child, relationship=Relationship.ALLEGED_FATHER, parental_responsibility="no"
    )
    page = sw.post(url("father_without_pr_add", child), father_data(father)).content.decode()
    assert field_error(page, "decided_by", "Enter who decided not to inform him")
    assert field_error(page, "decision_reason", "Enter why he is not informed")
    assert "Kept as typed" in page
    assert not FatherWithoutPR.objects.exists()
    response = sw.post(
        url("father_without_pr_add", child),
        father_data(
            father,
            decided_by="The court, on the Part 19 application",
            decision_reason="Risk to the mother",
        ),
    )
    assert response.status_code == 302
    record = FatherWithoutPR.objects.get()
    assert record.decided_by == "The court, on the Part 19 application"


def test_a_father_with_pr_is_not_recorded_as_one_without(sw, child):
    father = f.FamilyMemberFactory(
        child=child,
        relationship=Relationship.FATHER,
        pr_basis=PRBasis.MARRIAGE,
        pr_acquired_on=BORN,
    )
    page = sw.post(
        url("father_without_pr_add", child), father_data(father, informed="not_yet")
    ).content.decode()
    assert field_error(
        page,
        "father",
        "Choose a father or alleged father of this child without parental responsibility",
    )


def part19_data(**overrides):
    data = {
        "question": "Whether the father must be told",
        "directions": "",
        "outcome": "pending",
        "notes": "",
        **date_fields("applied_on", TODAY - timedelta(days=10)),
        **date_fields("issued_on", TODAY - timedelta(days=12)),
        **date_fields("decided_on", None),
    }
    data.update(overrides)
    return data


def test_a_part_19_application_is_issued_after_it_is_made_and_a_decision_has_a_date(sw, child):
    page = sw.post(url("part19_add", child), part19_data(outcome="need_not_tell")).content.decode()
    assert field_error(
        page,
        "issued_on",
        "Date the application was issued must be on or after the date it was made "
        "(13 November 2026)",
    )
    assert field_error(page, "decided_on", "Enter the date of the decision")
    assert "Whether the father must be told" in page
    assert not Part19Application.objects.exists()
    response = sw.post(
        url("part19_add", child), part19_data(**date_fields("issued_on", TODAY - timedelta(8)))
    )
    assert response.status_code == 302


def section20_data(agreed_by, **overrides):
    data = {
        "agreed_by": str(agreed_by.pk),
        "capacity_checked": "on",
        "told_of_right_to_remove": "on",
        "end_reason": "",
        "notes": "",
        **date_fields("agreed_on", BORN + timedelta(days=2)),
        **date_fields("withdrawn_on", None),
        **date_fields("ended_on", None),
    }
    data.update(overrides)
    return data


def test_section_20_is_agreed_by_a_person_with_pr_and_an_end_has_its_reason(sw, child, mother):
    grandmother = f.FamilyMemberFactory(child=child, relationship=Relationship.GRANDPARENT)
    page = sw.post(
        url("section20_add", child),
        section20_data(grandmother, **date_fields("ended_on", TODAY)),
    ).content.decode()
    assert field_error(
        page, "agreed_by", "Choose a person with parental responsibility for this child"
    )
    assert field_error(page, "end_reason", "Select why accommodation under section 20 ended")
    assert not Section20Accommodation.objects.exists()
    assert sw.post(url("section20_add", child), section20_data(mother)).status_code == 302


def test_section_20_ended_by_an_order_needs_the_order(sw, child, mother):
    ended = {"end_reason": Section20End.ORDER, **date_fields("ended_on", BORN + timedelta(9))}
    page = sw.post(url("section20_add", child), section20_data(mother, **ended)).content.decode()
    assert field_error(
        page,
        "end_reason",
        "No order made on 14 October 2026 is recorded: record the order first",
    )
    assert not Section20Accommodation.objects.exists()
    f.CourtOrderFactory(child=child, kind=OrderKind.INTERIM_CARE, made_on=BORN + timedelta(9))
    response = sw.post(url("section20_add", child), section20_data(mother, **ended))
    assert response.status_code == 302


def test_a_baby_accommodated_under_section_20_past_the_local_threshold_is_flagged(
    sw, child, mother
):
    f.Section20AccommodationFactory(child=child, agreed_by=mother, agreed_on=BORN + timedelta(2))
    court = sw.get(url("record", child)).content.decode().split('id="court"', 1)[1]
    assert "past the local threshold" not in court  # no threshold set: no flag
    Section20Threshold.objects.create(organisation=child.responsible_authority, days=28)
    court = sw.get(url("record", child)).content.decode().split('id="court"', 1)[1]
    assert (
        "Accommodated under section 20 for 47 days: past the local threshold of 28 days" in court
    )


def test_section_20_ended_by_consent_needs_consent_that_authorises(child, mother):
    record = f.Section20AccommodationFactory(
        child=child,
        agreed_by=mother,
        ended_on=TODAY - timedelta(days=1),
        end_reason=Section20End.CONSENT,
    )
    assert legal_truth_errors(child) == [
        "Section 20: Consent to placement for adoption did not authorise placement on "
        "22 November 2026: record the consent first"
    ]
    given(child, mother, SIX_WEEKS)
    record.refresh_from_db()
    assert legal_truth_errors(child) == []


# --- pre-proceedings: more than once -----------------------------------------------------------


def pre_data(**overrides):
    data = {
        "gateway_decision": "pre_proceedings",
        "parents_represented": "all",
        "family_meeting_kind": "fgc",
        "outcome": "",
        "notes": "",
        **date_fields("gateway_meeting_on", TODAY - timedelta(days=40)),
        **date_fields("letter_before_proceedings_on", TODAY - timedelta(days=35)),
        **date_fields("letter_of_issue_on", None),
        **date_fields("meeting_on", TODAY - timedelta(days=30)),
        **date_fields("family_meeting_on", TODAY - timedelta(days=25)),
        **date_fields("pre_birth_assessment_started_on", None),
        **date_fields("pre_birth_assessment_completed_on", None),
        **date_fields("outcome_on", None),
    }
    data.update(overrides)
    return data


def test_pre_proceedings_can_happen_twice_each_with_its_outcome(sw, child):
    first = pre_data(outcome="step_down", **date_fields("outcome_on", TODAY - timedelta(20)))
    assert sw.post(url("pre_proceedings_add", child), first).status_code == 302
    assert sw.post(url("pre_proceedings_add", child), pre_data()).status_code == 302
    assert PreProceedings.objects.filter(child=child).count() == 2
    court = sw.get(url("record", child)).content.decode().split('id="court"', 1)[1]
    assert court.count("Letter before proceedings (PLO letter)") == 2
    assert "Step down, 3 November 2026" in court


def test_a_pre_proceedings_outcome_needs_its_date(sw, child):
    page = sw.post(url("pre_proceedings_add", child), pre_data(outcome="issue")).content.decode()
    assert field_error(page, "outcome_on", "Enter the date of the outcome")
    assert not PreProceedings.objects.exists()


def test_pre_proceedings_meeting_before_the_letter_is_refused(sw, child):
    page = sw.post(
        url("pre_proceedings_add", child),
        pre_data(**date_fields("meeting_on", TODAY - timedelta(days=36))),
    ).content.decode()
    assert field_error(
        page,
        "meeting_on",
        "Date of the pre-proceedings meeting must be on or after the date of the letter before "
        "proceedings (19 October 2026)",
    )


# --- the court tab, chronology, access ---------------------------------------------------------


def test_the_court_tab_shows_who_holds_pr_consent_and_the_part_19_application(sw, child, mother):
    f.CourtOrderFactory(child=child, kind=OrderKind.INTERIM_CARE, made_on=BORN + timedelta(3))
    f.Part19ApplicationFactory(child=child, question="Must the father be told?")
    court = sw.get(url("record", child)).content.decode().split('id="court"', 1)[1]
    court = court.split('id="reviews"', 1)[0]
    assert "Mother: from the birth, since 5 October 2026" in court
    assert "Interim care order made 8 October 2026 (CA s.33(3))" in court
    assert "Not authorised to place by consent" in court
    assert escape("Must the father be told?") in court
    assert "Section 19" not in court


def test_the_chronology_shows_the_new_records(sw, child, mother):
    given(child, mother, SIX_WEEKS)
    f.Part19ApplicationFactory(child=child)
    f.Section20AccommodationFactory(child=child, agreed_by=mother)
    f.PreProceedingsFactory(child=child)
    page = sw.get(url("chronology", child)).content.decode()
    for title in (
        "Consent to placement for adoption witnessed by Cafcass",
        "Part 19 application made",
        "Accommodated under section 20",
        "Letter before proceedings (PLO letter)",
        "Pre-proceedings meeting",
    ):
        assert title in page, title


def test_another_childs_records_answer_404(sw, own_org, own_team, child, mother):
    other = f.ChildFactory(responsible_authority=own_org, team=own_team)
    records = {
        "consent_edit": given(child, mother, SIX_WEEKS),
        "father_without_pr_edit": f.FatherWithoutPRFactory(child=child),
        "part19_edit": f.Part19ApplicationFactory(child=child),
        "section20_edit": f.Section20AccommodationFactory(child=child, agreed_by=mother),
        "pre_proceedings_edit": f.PreProceedingsFactory(child=child),
    }
    for name, record in records.items():
        assert sw.get(url(name, other, record_pk=record.pk)).status_code == 404, name
    assert sw.get(url("parental_responsibility", other, member_pk=mother.pk)).status_code == 404


def test_the_services_refuse_an_iro(make_user, own_team, child, mother):
    iro = make_user(Role.IRO, team=own_team)
    with pytest.raises(PermissionDenied):
        services.part19_record(child=child, question="Q", applied_on=TODAY, by=iro)
    with pytest.raises(PermissionDenied):
        services.parental_responsibility_record(member=mother, basis=PRBasis.MOTHER, by=iro)


# --- the demo tells the truth -----------------------------------------------------------------


def test_every_demo_childs_consent_pr_and_section_20_facts_agree(db):
    import io

    from django.core.management import call_command

    from children.models import Child

    call_command("load_demo", stdout=io.StringIO())
    for child in Child.objects.all():
        assert legal_truth_errors(child) == [], child.la_child_id
    for model in (
        ConsentToPlacement,
        WrittenAgreement,
        FatherWithoutPR,
        Part19Application,
        Section20Accommodation,
        PreProceedings,
    ):
        assert model.objects.exists(), model.__name__
    unborn = Child.objects.get(la_child_id="NM-40112")
    assert pr_holders(child=unborn) == []
    relinquished = Child.objects.get(la_child_id="NM-40130")
    assert not consent_authority(child=relinquished).authorised  # under six weeks: not yet


def test_a_pre_proceedings_review_meeting_is_after_the_meeting_and_listed_on_the_court_tab(
    sw, child
):
    pre = f.PreProceedingsFactory(child=child, meeting_on=TODAY - timedelta(days=20))
    page = sw.post(
        url("pre_proceedings_review_add", child, record_pk=pre.pk),
        {"agreed": "Kept as typed", **date_fields("held_on", TODAY - timedelta(days=21))},
    ).content.decode()
    assert field_error(
        page,
        "held_on",
        "Date of the review meeting must be on or after the date of the pre-proceedings "
        "meeting (3 November 2026)",
    )
    assert "Kept as typed" in page
    response = sw.post(
        url("pre_proceedings_review_add", child, record_pk=pre.pk),
        {"agreed": "Continue for four weeks", **date_fields("held_on", TODAY - timedelta(3))},
    )
    assert response.status_code == 302
    court = sw.get(url("record", child)).content.decode().split('id="court"', 1)[1]
    assert "20 November 2026: Continue for four weeks" in court
    other = f.ChildFactory(responsible_authority=child.responsible_authority)
    assert sw.get(url("pre_proceedings_review_add", other, record_pk=pre.pk)).status_code == 404
