"""The open items of issue 8 on consent and parental responsibility: withdrawal only until an
adoption application is made (ACA 2002 s.52(4)), the 7/14-day return after a withdrawal
(ss.31–32), no parental responsibility for an unborn baby (CA 1989 s.2; LAW.md "mother: always,
from birth (not before)"), the leave to oppose hearing (ACA s.47(3), (5)) and the domain events
of the consent, section 20 and PR records.

LAW.md gives no worked example for s.52(4) or ss.31–32; the dates below follow its other consent
examples (born Mon 5 Oct 2026, six weeks old Mon 16 Nov 2026, today Mon 23 Nov 2026)."""

from datetime import date, timedelta

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from accounts.events import DomainEvent
from children import services
from children.events import ChildEvent, child_event
from children.legal_truth import legal_truth_errors
from children.models import (
    ConsentStatus,
    ConsentToPlacement,
    FamilyMember,
    HearingKind,
    OrderKind,
    PRBasis,
    ProceedingsKind,
    Relationship,
    Section20End,
)
from children.selectors import consent_authority
from children.selectors.legal import withdrawal_return
from tests.children import factories as f
from tests.helpers import TODAY, date_fields, field_error

pytestmark = pytest.mark.usefixtures("_frozen_today")

BORN = date(2026, 10, 5)
SIX_WEEKS = date(2026, 11, 16)
ADOPTION_APPLIED = date(2026, 11, 20)  # Friday


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


@pytest.fixture
def events():
    sent: list[DomainEvent] = []

    def receiver(sender, event, **kwargs):
        sent.append(event)

    child_event.connect(receiver, weak=False, dispatch_uid="test_consent_withdrawal")
    yield sent
    child_event.disconnect(dispatch_uid="test_consent_withdrawal")


def seen(events) -> list[tuple]:
    return [(e.kind, e.on, e.corrected) for e in events]


def url(name: str, child, **kwargs) -> str:
    return reverse(f"children:{name}", kwargs={"pk": child.pk, **kwargs})


def adoption_application(child, issued_on=ADOPTION_APPLIED):
    return f.ProceedingsFactory(
        child=child, kind=ProceedingsKind.ADOPTION, issued_on=issued_on, case_number="NM26Z1"
    )


def consent_data(parent, **overrides) -> dict:
    data = {
        "parent": str(parent.pk),
        "status": ConsentStatus.GIVEN,
        "kind": "any",
        "notes": "Kept as typed",
        **date_fields("considered_on", SIX_WEEKS - timedelta(days=3)),
        **date_fields("witnessed_on", SIX_WEEKS),
        **date_fields("withdrawn_on", None),
        **date_fields("advance_consent_on", None),
        **date_fields("no_notice_statement_on", None),
    }
    data.update(overrides)
    return data


# --- ACA s.52(4): withdrawal only until an adoption application is made ----------------------


def test_withdrawal_on_or_after_the_adoption_application_is_refused(sw, child, mother):
    adoption_application(child)
    consent = services.consent_record(
        child=child,
        parent=mother,
        status=ConsentStatus.GIVEN,
        kind="any",
        considered_on=SIX_WEEKS - timedelta(days=3),
        witnessed_on=SIX_WEEKS,
        by=child.social_worker,
    )
    message = (
        "Date consent was withdrawn must be before the adoption application was made "
        "(20 November 2026): consent cannot be withdrawn after that (ACA s.52(4))"
    )
    for day in (ADOPTION_APPLIED, TODAY):
        page = sw.post(
            url("consent_edit", child, record_pk=consent.pk),
            consent_data(
                mother, status=ConsentStatus.WITHDRAWN, **date_fields("withdrawn_on", day)
            ),
        ).content.decode()
        assert field_error(page, "withdrawn_on", message)
        assert "Kept as typed" in page
    consent.refresh_from_db()
    assert (consent.status, consent.withdrawn_on) == (ConsentStatus.GIVEN, None)
    with pytest.raises(ValidationError) as refused:
        services.consent_update(
            consent=consent,
            parent=mother,
            status=ConsentStatus.WITHDRAWN,
            kind="any",
            considered_on=consent.considered_on,
            witnessed_on=SIX_WEEKS,
            withdrawn_on=ADOPTION_APPLIED,
            by=child.social_worker,
        )
    assert refused.value.message_dict["withdrawn_on"] == [message]
    # the day before the application, withdrawal is still possible
    services.consent_update(
        consent=consent,
        parent=mother,
        status=ConsentStatus.WITHDRAWN,
        kind="any",
        considered_on=consent.considered_on,
        witnessed_on=SIX_WEEKS,
        withdrawn_on=ADOPTION_APPLIED - timedelta(days=1),
        by=child.social_worker,
    )
    assert not consent_authority(child=child, on=TODAY).authorised


def test_a_late_withdrawal_already_on_the_record_does_not_end_the_authority(child, mother):
    # recorded before this rule existed (a factory writes past the service)
    f.ConsentToPlacementFactory(
        child=child,
        parent=mother,
        status=ConsentStatus.WITHDRAWN,
        kind="any",
        considered_on=SIX_WEEKS - timedelta(days=3),
        witnessed_on=SIX_WEEKS,
        withdrawn_on=ADOPTION_APPLIED + timedelta(days=1),
    )
    adoption_application(child)
    answer = consent_authority(child=child, on=TODAY)
    assert answer.authorised
    assert answer.since == SIX_WEEKS
    consent = ConsentToPlacement.objects.get()
    assert withdrawal_return(consent, child).words == (
        "Withdrawal on 21 November 2026 is ineffective: an adoption application was made on "
        "20 November 2026 (ACA s.52(4))"
    )
    # and the truth check (the demo's) finds the same rule broken
    assert any("ACA s.52(4)" in problem for problem in legal_truth_errors(child))


def test_adoption_proceedings_are_not_care_proceedings_pending_under_s19_3_a(child, mother):
    # ACA s.19(3)(a) is about an application on which a care order might be made
    adoption_application(child, issued_on=SIX_WEEKS - timedelta(days=1))
    f.ConsentToPlacementFactory(
        child=child,
        parent=mother,
        status=ConsentStatus.GIVEN,
        kind="any",
        considered_on=SIX_WEEKS - timedelta(days=3),
        witnessed_on=SIX_WEEKS,
    )
    assert consent_authority(child=child, on=TODAY).authorised


# --- ACA ss.31–32: the return after a withdrawal ----------------------------------------------


def withdrawn(child, mother, on=TODAY):
    return services.consent_record(
        child=child,
        parent=mother,
        status=ConsentStatus.WITHDRAWN,
        kind="any",
        considered_on=SIX_WEEKS - timedelta(days=3),
        witnessed_on=SIX_WEEKS,
        withdrawn_on=on,
        by=child.social_worker,
    )


def test_the_return_by_dates_count_the_withdrawal_day_as_day_one(sw, child, mother):
    # s.31(2)(b) 7 days / s.32(2)(b) "the period of 14 days beginning with the day": withdrawn
    # Mon 23 Nov 2026 → not placed: Sun 29 Nov 2026; placed for adoption: Sun 6 Dec 2026
    consent = withdrawn(child, mother)
    back = withdrawal_return(consent, child)
    assert (back.not_placed_by, back.placed_by) == (date(2026, 11, 29), date(2026, 12, 6))
    words = (
        "Return the child by 29 November 2026 if not yet placed for adoption (7 days, ACA "
        "s.31); by 6 December 2026 if placed for adoption (14 days, s.32)"
    )
    assert back.words == words
    page = sw.get(url("record", child)).content.decode()
    assert words in page.split('id="court"', 1)[1]


def test_no_return_period_under_a_care_order_or_a_pending_placement_application(child, mother):
    consent = withdrawn(child, mother)
    f.ProceedingsFactory(
        child=child, kind=ProceedingsKind.PLACEMENT, issued_on=TODAY - timedelta(days=1)
    )
    assert withdrawal_return(consent, child).words == (
        "No return period while the placement order application is pending (ACA ss.31(1), 32(1))"
    )
    f.CourtOrderFactory(child=child, kind=OrderKind.INTERIM_CARE, made_on=TODAY - timedelta(2))
    assert withdrawal_return(consent, child).words == (
        "No return period: the child is subject to a care order (ACA s.30(4))"
    )


# --- CA 1989 s.2: no parental responsibility before the birth ---------------------------------


def test_the_family_member_form_refuses_pr_for_an_unborn_babys_mother(
    sw, own_org, own_team, social_worker
):
    unborn = f.UnbornChildFactory(
        responsible_authority=own_org, team=own_team, social_worker=social_worker
    )
    data = {
        "name": "Jo Parent",
        "relationship": Relationship.MOTHER,
        "relationship_detail": "",
        "parental_responsibility": "yes",
        "legal_representative": "",
        "address": "",
        "phone": "",
        "email": "",
        "notes": "Kept as typed",
        **date_fields("ep_information_given_on", None),
    }
    page = sw.post(url("family_member_add", unborn), data).content.decode()
    message = services.family.UNBORN_PR
    assert field_error(page, "parental_responsibility", message)
    assert "Kept as typed" in page
    assert not FamilyMember.objects.filter(child=unborn).exists()
    with pytest.raises(ValidationError) as refused:
        services.family_member_add(
            child=unborn,
            by=social_worker,
            name="Jo Parent",
            relationship=Relationship.MOTHER,
            parental_responsibility="yes",
        )
    assert refused.value.message_dict["parental_responsibility"] == [message]
    # "not known" is fine, and the truth check uses the very same rule
    member = services.family_member_add(
        child=unborn,
        by=social_worker,
        name="Jo Parent",
        relationship=Relationship.MOTHER,
        parental_responsibility="unknown",
    )
    FamilyMember.objects.filter(pk=member.pk).update(parental_responsibility="yes")
    assert legal_truth_errors(unborn) == [f"Parental responsibility of Jo Parent: {message}"]


# --- ACA s.47(3), (5): leave to oppose --------------------------------------------------------


def test_a_leave_to_oppose_hearing_is_offered_for_adoption_proceedings_only(sw, child):
    adoption = adoption_application(child)
    care = f.ProceedingsFactory(child=child, kind=ProceedingsKind.CARE, issued_on=BORN)
    assert (
        'value="leave_to_oppose"'
        in sw.get(url("hearing_add", child, proceedings_pk=adoption.pk)).content.decode()
    )
    assert (
        'value="leave_to_oppose"'
        not in sw.get(url("hearing_add", child, proceedings_pk=care.pk)).content.decode()
    )
    hearing = services.hearing_add(
        proceedings=adoption,
        kind=HearingKind.LEAVE_TO_OPPOSE,
        listed_on=TODAY + timedelta(days=14),
        by=child.social_worker,
    )
    assert hearing.get_kind_display() == "Leave to oppose hearing"
    with pytest.raises(ValidationError) as refused:
        services.hearing_add(
            proceedings=care,
            kind=HearingKind.LEAVE_TO_OPPOSE,
            listed_on=TODAY + timedelta(days=14),
            by=child.social_worker,
        )
    assert refused.value.message_dict["kind"] == [
        "A leave to oppose hearing is part of adoption proceedings: select another kind"
    ]


# --- domain events ----------------------------------------------------------------------------

E = ChildEvent


def test_consent_sends_given_and_withdrawn_and_a_corrected_date_sends_again(events, child, mother):
    consent = services.consent_record(
        child=child,
        parent=mother,
        status=ConsentStatus.GIVEN,
        kind="any",
        considered_on=SIX_WEEKS - timedelta(days=3),
        witnessed_on=SIX_WEEKS,
        advance_consent_on=SIX_WEEKS,
        by=child.social_worker,
    )
    assert seen(events) == [
        (E.CONSENT_TO_PLACEMENT_GIVEN, SIX_WEEKS, False),
        (E.ADVANCE_CONSENT_GIVEN, SIX_WEEKS, False),
    ]
    assert events[0].record == consent
    events.clear()

    def update(**changes):
        fields = {
            "consent": consent,
            "parent": mother,
            "status": ConsentStatus.GIVEN,
            "kind": "any",
            "considered_on": SIX_WEEKS - timedelta(days=3),
            "witnessed_on": SIX_WEEKS,
            "advance_consent_on": SIX_WEEKS,
            "by": child.social_worker,
            **changes,
        }
        services.consent_update(**fields)

    update(notes="Nothing about dates")
    assert events == []
    update(witnessed_on=SIX_WEEKS + timedelta(days=1), advance_consent_on=None)
    assert seen(events) == [
        (E.CONSENT_TO_PLACEMENT_GIVEN, SIX_WEEKS + timedelta(days=1), True),
        (E.ADVANCE_CONSENT_GIVEN, None, True),
    ]
    events.clear()
    update(
        witnessed_on=SIX_WEEKS + timedelta(days=1),
        advance_consent_on=None,
        status=ConsentStatus.WITHDRAWN,
        withdrawn_on=TODAY,
    )
    assert seen(events) == [(E.CONSENT_TO_PLACEMENT_WITHDRAWN, TODAY, False)]


def test_written_agreement_section_20_and_pr_send_their_events(events, child, mother):
    sw = child.social_worker
    services.parental_responsibility_record(member=mother, basis=PRBasis.MOTHER, by=sw)
    father = f.FamilyMemberFactory(
        child=child, name="Ben Parent", relationship=Relationship.FATHER
    )
    services.parental_responsibility_record(
        member=father, basis=PRBasis.REGISTRATION, acquired_on=BORN + timedelta(days=10), by=sw
    )
    services.parental_responsibility_record(
        member=father, basis=PRBasis.REGISTRATION, acquired_on=BORN + timedelta(days=11), by=sw
    )
    services.written_agreement_record(
        child=child, parent=mother, agreed_on=BORN + timedelta(days=2), by=sw
    )
    record = services.section20_record(
        child=child, agreed_by=mother, agreed_on=BORN + timedelta(days=1), by=sw
    )
    services.section20_record(
        child=child,
        agreed_by=mother,
        agreed_on=BORN + timedelta(days=1),
        ended_on=BORN + timedelta(days=20),
        end_reason=Section20End.OTHER,
        record=record,
        by=sw,
    )
    assert seen(events) == [
        (E.PARENTAL_RESPONSIBILITY_ACQUIRED, BORN, False),
        (E.PARENTAL_RESPONSIBILITY_ACQUIRED, BORN + timedelta(days=10), False),
        (E.PARENTAL_RESPONSIBILITY_ACQUIRED, BORN + timedelta(days=11), True),
        (E.WRITTEN_AGREEMENT_SIGNED, BORN + timedelta(days=2), False),
        (E.SECTION20_ACCOMMODATION_STARTED, BORN + timedelta(days=1), False),
        (E.SECTION20_ACCOMMODATION_ENDED, BORN + timedelta(days=20), False),
    ]
    assert {e.subject for e in events} == {child}


def test_a_part_19_application_sends_made_and_decided(events, child):
    record = services.part19_record(
        child=child,
        question="Whether the father must be told",
        applied_on=BORN + timedelta(days=3),
        by=child.social_worker,
    )
    services.part19_record(
        child=child,
        question="Whether the father must be told",
        applied_on=BORN + timedelta(days=3),
        outcome="need_not_tell",
        decided_on=BORN + timedelta(days=30),
        record=record,
        by=child.social_worker,
    )
    assert seen(events) == [
        (E.PART19_APPLICATION_MADE, BORN + timedelta(days=3), False),
        (E.PART19_APPLICATION_DECIDED, BORN + timedelta(days=30), False),
    ]


def test_a_refused_write_sends_nothing(events, child, mother):
    adoption_application(child)
    with pytest.raises(ValidationError):
        withdrawn(child, mother, on=TODAY)
    assert events == []
