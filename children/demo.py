"""Demo children for a first run: fictional names, dates relative to today so the screens are live.

Northmoor Council holds five children at different points of the journey; Eastbridge holds one,
so that signing in as an Eastbridge user shows the separation between authorities.

Every record is made through the services, by the demo user whose role it is (the IRO records the
review's outcome), so the demo is checked by the same rules as the pages and sends the same domain
events (children/events.py) as real use.
"""

from datetime import date, timedelta

from accounts.clock import today

from . import services
from .models import (
    Child,
    ConsentStatus,
    FamilyMeetingKind,
    GatewayDecision,
    HearingKind,
    Informed,
    LegalStatus,
    NoteKind,
    OrderKind,
    PlanningMeeting,
    PracticeStandardItem,
    PRBasis,
    PreProceedingsOutcome,
    PrimaryPlan,
    Relationship,
    Representation,
    Route,
    Section20End,
    Section20Threshold,
    SiblingPlacement,
    YesNoUnknown,
)


def _days(n: int) -> date:
    return today() + timedelta(days=n)


def _plan(child, by, *, primary, who, conditions, meeting, on, reason=""):
    return services.plan_set(
        child=child,
        primary=primary,
        plan_a_who=who,
        plan_a_conditions=conditions,
        plan_a_interventions="Parenting programme; substance misuse service; family group "
        "conference.",
        plan_b_summary="Fostering for adoption with dually approved early permanence carers.",
        meeting=meeting,
        meeting_on=on,
        reason=reason,
        by=by,
    )


def _standard(child, code, on, by, note=""):
    item = PracticeStandardItem.objects.get(code=code)
    return services.standard_mark_met(child=child, item=item, met_on=on, note=note, by=by)


def load(context: dict) -> None:
    if Child.objects.exists():
        return
    teams, users = context["teams"], context["users"]
    raa = context["organisations"]["fenvale"]
    # tm and iro record what is theirs (plan decisions, reviews) below
    sw, tm, iro = users["sw.northmoor"], users["tm.northmoor"], users["iro.northmoor"]
    ep_team = teams[("northmoor", "Early Permanence Team")]

    def child(**fields):
        return services.child_create(by=sw, team=ep_team, social_worker=sw, iro=iro, **fields)

    # 1. An unborn baby in pre-birth planning.
    unborn = child(
        legal_name="Unborn baby of Jay Marsh",
        expected_delivery_date=_days(75),
        ethnicity="WBRI",
        first_language="English",
        la_child_id="NM-40112",
        route=Route.PRE_BIRTH,
        identified_on=_days(-40),
        referred_to=raa,
    )
    services.family_member_add(
        child=unborn,
        name="Jay Marsh",
        relationship=Relationship.MOTHER,
        # CA 1989 s.2: the mother has parental responsibility from the birth, not before
        parental_responsibility=YesNoUnknown.UNKNOWN,
        legal_representative="Harbour Family Law (demo)",
        address="1 Example Row, Northmoor",
        phone="01632 960001",
        ep_information_given_on=_days(-30),
        by=sw,
    )
    alleged = services.family_member_add(
        child=unborn,
        name="Sam Fletcher",
        relationship=Relationship.ALLEGED_FATHER,
        parental_responsibility=YesNoUnknown.UNKNOWN,
        by=sw,
    )
    grandmother = services.family_member_add(
        child=unborn,
        name="Pat Marsh",
        relationship=Relationship.GRANDPARENT,
        relationship_detail="Maternal grandmother",
        parental_responsibility=YesNoUnknown.NO,
        by=sw,
    )
    services.viability_assessment_add(
        child=unborn,
        family_member=grandmother,
        requested_on=_days(-28),
        due_on=_days(-7),
        assessor="Kinship assessment team",
        by=sw,
    )
    services.paternity_test_add(
        child=unborn, alleged_father=alleged, requested_on=_days(-20), by=sw
    )
    unborn_pre_proceedings = services.pre_proceedings_record(
        child=unborn,
        gateway_meeting_on=_days(-38),
        gateway_decision=GatewayDecision.PRE_PROCEEDINGS,
        letter_before_proceedings_on=_days(-35),
        meeting_on=_days(-25),
        parents_represented=Representation.ALL,
        family_meeting_kind=FamilyMeetingKind.FGC,
        family_meeting_on=_days(-22),
        pre_birth_assessment_started_on=_days(-30),
        outcome=PreProceedingsOutcome.CONTINUE,
        outcome_on=_days(-5),
        by=sw,
    )
    services.pre_proceedings_review_add(
        pre_proceedings=unborn_pre_proceedings,
        held_on=_days(-12),
        agreed="Mother attending the residential assessment; continue pre-proceedings.",
        by=sw,
    )
    # AAR reg 14: the alleged father has no parental responsibility; he is told and counselled
    services.father_without_pr_record(
        child=unborn,
        father=alleged,
        identity_known=YesNoUnknown.YES,
        informed=Informed.INFORMED,
        informed_on=_days(-24),
        counselled_on=_days(-20),
        wishes="Wants a paternity test before deciding whether to put himself forward.",
        by=sw,
    )
    _plan(
        unborn,
        tm,
        primary=PrimaryPlan.A,
        who="Jay Marsh (mother)",
        conditions="Engage with the residential parenting assessment and stay abstinent.",
        meeting=PlanningMeeting.PRE_BIRTH_CONFERENCE,
        on=_days(-21),
    )
    _standard(
        unborn, "2.5", _days(-30), sw, "Leaflet and easy-read guide given at the PLO meeting"
    )
    _standard(unborn, "2.8", _days(-21), sw)
    services.case_note_add(
        child=unborn,
        kind=NoteKind.VISIT,
        happened_on=_days(-10),
        summary="Antenatal home visit",
        text="Mother engaged; discussed the birth plan.",
        by=sw,
    )

    # 2. A baby in care proceedings, placed in early permanence, week 9 of 26.
    baby = child(
        legal_name="Rowan Ellery",
        known_as="Rowan",
        date_of_birth=_days(-80),
        sex="1",
        ethnicity="MWBC",
        first_language="English",
        la_child_id="NM-40087",
        route=Route.PROCEEDINGS_ISSUED,
        identified_on=_days(-78),
        looked_after_on=_days(-63),
        legal_status=LegalStatus.C1,
        referred_to=raa,
    )
    baby_mother = services.family_member_add(
        child=baby,
        name="Alex Ellery",
        relationship=Relationship.MOTHER,
        parental_responsibility=YesNoUnknown.YES,
        ep_information_given_on=_days(-70),
        by=sw,
    )
    proceedings = services.proceedings_issue(
        child=baby,
        court="Family Court sitting at Northmoor",
        case_number="NM26C00412",
        issued_on=_days(-58),
        by=sw,
    )
    cmh = services.hearing_add(
        proceedings=proceedings,
        kind=HearingKind.CMH,
        listed_on=_days(-42),
        outcome="Interim care order renewed; parenting assessment directed.",
        by=sw,
    )
    services.direction_add(
        hearing=cmh,
        text="Local authority to file the parenting assessment",
        due_on=_days(14),
        by=sw,
    )
    services.order_record(
        child=baby, kind=OrderKind.INTERIM_CARE, made_on=_days(-42), hearing=cmh, by=sw
    )
    services.hearing_add(proceedings=proceedings, kind=HearingKind.IRH, listed_on=_days(40), by=sw)
    # looked after from the day the mother agreed to section 20 until the interim care order
    services.section20_record(
        child=baby,
        agreed_by=baby_mother,
        agreed_on=_days(-63),
        capacity_checked=True,
        told_of_right_to_remove=True,
        ended_on=_days(-42),
        end_reason=Section20End.ORDER,
        by=sw,
    )
    _plan(
        baby,
        tm,
        primary=PrimaryPlan.A,
        who="Alex Ellery (mother)",
        conditions="Complete the parenting assessment.",
        meeting=PlanningMeeting.LEGAL_GATEWAY,
        on=_days(-75),
    )
    _plan(
        baby,
        tm,
        primary=PrimaryPlan.B,
        who="Alex Ellery (mother)",
        conditions="Complete the parenting assessment.",
        meeting=PlanningMeeting.PERMANENCE_PLANNING,
        on=_days(-20),
        reason="Parenting assessment negative; adoption becomes the primary plan.",
    )
    first_review = services.review_schedule(child=baby, scheduled_on=_days(-40), by=iro)
    services.review_record_held(
        review=first_review,
        held_on=_days(-40),
        chair=iro,
        recommendations="Twin-track plan to continue; family time three times a week.",
        plan_endorsed=True,
        by=iro,
    )
    services.review_schedule(child=baby, scheduled_on=_days(50), by=sw)
    services.iro_concern_raise(
        child=baby,
        raised_on=_days(-12),
        concern="Viability assessment of the paternal aunt not yet started.",
        by=iro,
    )
    for code, on in (("1.2", -78), ("2.5", -70), ("2.6", -60), ("5.3", -60)):
        _standard(baby, code, _days(on), sw)
    services.case_note_add(
        child=baby,
        kind=NoteKind.MEETING,
        happened_on=_days(-20),
        summary="Permanence planning meeting",
        text="Plan B made primary.",
        by=tm,
    )

    # 3. A relinquished baby under six weeks: accommodated under section 20, placed under the
    # mother's written agreement (AAR reg 35(4)), consent to placement sought at six weeks, and a
    # Part 19 application asking the court whether the father must be told (Standard 2.9).
    relinquished = child(
        legal_name="Morgan Tate",
        date_of_birth=_days(-20),
        sex="2",
        ethnicity="WOTH",
        la_child_id="NM-40130",
        route=Route.RELINQUISHED,
        identified_on=_days(-19),
        looked_after_on=_days(-18),
        legal_status=LegalStatus.V2,
    )
    birth_mother = services.family_member_add(
        child=relinquished,
        name="Robin Tate",
        relationship=Relationship.MOTHER,
        parental_responsibility=YesNoUnknown.YES,
        by=sw,
    )
    services.section20_record(
        child=relinquished,
        agreed_by=birth_mother,
        agreed_on=_days(-18),
        capacity_checked=True,
        told_of_right_to_remove=True,
        by=sw,
    )
    services.written_agreement_record(
        child=relinquished, parent=birth_mother, agreed_on=_days(-18), by=sw
    )
    services.consent_record(
        child=relinquished,
        parent=birth_mother,
        status=ConsentStatus.APPLIED,
        considered_on=_days(-15),
        notes="Cafcass asked to witness consent once the baby is six weeks old.",
        by=sw,
    )
    relinquished_father = services.family_member_add(
        child=relinquished,
        name="Drew Hollis",
        relationship=Relationship.ALLEGED_FATHER,
        parental_responsibility=YesNoUnknown.NO,
        by=sw,
    )
    services.parental_responsibility_record(member=relinquished_father, basis=PRBasis.NONE, by=sw)
    services.father_without_pr_record(
        child=relinquished,
        father=relinquished_father,
        identity_known=YesNoUnknown.YES,
        informed=Informed.NOT_YET,
        notes="Not told while the court's guidance is sought.",
        by=sw,
    )
    services.part19_record(
        child=relinquished,
        question="Whether the father must be told of the baby's birth and the plan for adoption.",
        applied_on=_days(-12),
        issued_on=_days(-10),
        directions="Cafcass to report on the mother's reasons by the next hearing.",
        by=sw,
    )
    Section20Threshold.objects.get_or_create(
        organisation=context["organisations"]["northmoor"], defaults={"days": 28}
    )
    _standard(relinquished, "2.9", _days(-15), sw)

    # 4. Two siblings placed together.
    ash, bay = (
        child(
            legal_name=name,
            date_of_birth=_days(dob),
            sex="1",
            ethnicity="WBRI",
            la_child_id=ref,
            route=Route.PROCEEDINGS_ISSUED,
            identified_on=_days(-110),
            looked_after_on=_days(-100),
            legal_status=LegalStatus.C1,
        )
        for name, dob, ref in (("Ash Wren", -400, "NM-40050"), ("Bay Wren", -120, "NM-40051"))
    )
    services.sibling_group_set(
        child=ash,
        name="Wren family",
        placement=SiblingPlacement.TOGETHER,
        reason="Close bond; carers approved for two children.",
        by=sw,
    )
    services.sibling_link(child=ash, sibling=bay, by=sw)
    wren_proceedings = services.proceedings_issue(
        child=ash,
        court="Family Court sitting at Northmoor",
        case_number="NM26C00301",
        issued_on=_days(-190),
        by=sw,
    )
    services.extension_grant(
        proceedings=wren_proceedings,
        weeks=8,
        granted_on=_days(-20),
        reason="Further expert assessment of the father directed.",
        by=sw,
    )

    # Eastbridge: one child that Northmoor users never see.
    east_sw = users["sw.eastbridge"]
    services.child_create(
        by=east_sw,
        legal_name="Kai Brennan",
        date_of_birth=_days(-200),
        sex="1",
        ethnicity="BAFR",
        la_child_id="EB-2001",
        route=Route.PLO_PRE_PROCEEDINGS,
        identified_on=_days(-150),
        team=teams[("eastbridge", "Children in Care Team")],
        social_worker=east_sw,
    )
