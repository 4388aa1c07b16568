"""Demo children for a first run: fictional names, dates relative to today so the screens are live.

Northmoor Council holds five children at different points of the journey; Eastbridge holds one,
so that signing in as an Eastbridge user shows the separation between authorities.

Every record is made through the services, by the demo user whose role it is (the IRO records the
review's outcome), so the demo is checked by the same rules as the pages and sends the same domain
events (children/events.py) as real use.
"""

from datetime import date, timedelta

from django.urls import reverse

from accounts.audit import refused_access_record
from accounts.clock import today
from accounts.models import FetchSite

from . import services
from .models import (
    Child,
    ConsentStatus,
    EPType,
    EscalationStage,
    FamilyMeetingKind,
    FfaBasis,
    GatewayDecision,
    HearingKind,
    HearingStatus,
    Informed,
    JudgeLevel,
    LegalStatus,
    NoteKind,
    OrderKind,
    PlanningMeeting,
    PracticeStandardItem,
    PRBasis,
    PreProceedingsOutcome,
    ProceedingsKind,
    Relationship,
    Representation,
    RetentionDecision,
    Route,
    Section20End,
    Section20Threshold,
    SiblingPlacement,
    StatusBasis,
    Track,
    YesNoUnknown,
)


def _days(n: int) -> date:
    return today() + timedelta(days=n)


def _plan(child, by, *, primary, who, conditions, meeting, on, reason="", family_first=None):
    return services.plan_set(
        child=child,
        primary=primary,
        family_first=family_first,
        # issue 9 item 4: fostering for adoption while the local authority considers adoption
        ep_type=EPType.FFA,
        ffa_basis=FfaBasis.CONSIDERING,
        parents_who=who,
        parents_conditions=conditions,
        parents_interventions="Parenting programme; substance misuse service; family group "
        "conference.",
        adoption_summary="Fostering for adoption with dually approved early permanence carers.",
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
        primary=Track.PARENTS,
        who="Jay Marsh (mother)",
        conditions="Engage with the residential parenting assessment and stay abstinent.",
        meeting=PlanningMeeting.PRE_BIRTH_CONFERENCE,
        on=_days(-21),
        family_first=grandmother,
    )
    # Standards 2.5 and 2.8 are shown from the record (the mother's information date above and
    # the pre-birth conference in children/demo_birth.py): issue 9 item 10
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
    services.family_member_add(
        child=baby,
        name="Jordan Ellery",
        relationship=Relationship.AUNT_UNCLE,
        relationship_detail="Paternal aunt",
        parental_responsibility=YesNoUnknown.NO,
        by=sw,
    )
    proceedings = services.proceedings_issue(
        child=baby,
        kind=ProceedingsKind.CARE,
        court="Family Court sitting at Northmoor",
        case_number="NM26C00412",
        issued_on=_days(-58),
        judge_level=JudgeLevel.CIRCUIT,
        childrens_guardian="Cafcass guardian (demo)",
        childs_solicitor="Quayside Solicitors (demo)",
        la_solicitor="Northmoor Legal Services (demo)",
        by=sw,
    )
    # the first hearing, where an EP baby's placement is usually decided: the interim care order
    # lasts until the application is decided (no renewals since 2014, CA 1989 s.38(4))
    first = services.hearing_add(
        proceedings=proceedings,
        kind=HearingKind.FIRST_ICO,
        listed_on=_days(-56),
        status=HearingStatus.EFFECTIVE,
        outcome="Interim care order made; placement with early permanence carers approved.",
        by=sw,
    )
    # looked after from the day the mother agreed to section 20 (V2), then on the interim care
    # order (C1), which ended the section 20 accommodation (ACA s.30 / CA s.20: the order)
    services.care_period_start(child=baby, started_on=_days(-63), by=sw)
    services.legal_status_record(
        child=baby,
        code=LegalStatus.V2,
        starts_on=_days(-63),
        basis=StatusBasis.SECTION_20,
        basis_detail="The mother agreed to her baby being accommodated",
        by=sw,
    )
    interim = services.order_record(
        child=baby, kind=OrderKind.INTERIM_CARE, made_on=_days(-56), hearing=first, by=sw
    )
    services.legal_status_record(
        child=baby,
        code=LegalStatus.C1,
        starts_on=_days(-56),
        basis=StatusBasis.ORDER,
        order=interim,
        by=sw,
    )
    cmh = services.hearing_add(
        proceedings=proceedings,
        kind=HearingKind.CMH,
        listed_on=_days(-46),
        status=HearingStatus.EFFECTIVE,
        outcome="Parenting assessment directed; timetable for the child set.",
        by=sw,
    )
    assessment = services.direction_add(
        hearing=cmh,
        text="Local authority to file the parenting assessment",
        due_on=_days(-25),
        by=sw,
    )
    services.direction_mark_complied(direction=assessment, complied_on=_days(-26), by=sw)
    services.hearing_add(proceedings=proceedings, kind=HearingKind.IRH, listed_on=_days(40), by=sw)
    # the section 20 agreement, ended by the interim care order
    services.section20_record(
        child=baby,
        agreed_by=baby_mother,
        agreed_on=_days(-63),
        capacity_checked=True,
        told_of_right_to_remove=True,
        ended_on=_days(-56),
        end_reason=Section20End.ORDER,
        by=sw,
    )
    _plan(
        baby,
        tm,
        primary=Track.PARENTS,
        who="Alex Ellery (mother)",
        conditions="Complete the parenting assessment.",
        meeting=PlanningMeeting.LEGAL_GATEWAY,
        on=_days(-75),
    )
    _plan(
        baby,
        tm,
        primary=Track.ADOPTION,
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
        permanence_plan_confirmed=False,
        ep_considered=True,
        attendees=["mother", "carers", "guardian", "social_worker"],
        by=iro,
    )
    services.review_schedule(child=baby, scheduled_on=_days(50), by=sw)
    concern = services.iro_concern_raise(
        child=baby,
        raised_on=_days(-12),
        concern="Viability assessment of the paternal aunt not yet started.",
        by=iro,
    )
    # escalated to the team manager, who responds; only the IRO may resolve it (CA s.25B)
    services.iro_concern_update(
        concern=concern, stage=EscalationStage.TEAM_MANAGER, escalated_on=_days(-8), by=iro
    )
    services.iro_concern_respond(
        concern=concern,
        responded_on=_days(-6),
        response="Assessment allocated; the assessor visits the aunt next week.",
        by=tm,
    )
    for code, on in (("1.2", -78), ("2.6", -60), ("5.3", -60)):  # 2.5: from the record
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
    )
    services.care_period_start(child=relinquished, started_on=_days(-18), by=sw)
    services.legal_status_record(
        child=relinquished,
        code=LegalStatus.V2,
        starts_on=_days(-18),
        basis=StatusBasis.SECTION_20,
        basis_detail="The mother agreed to the baby's accommodation.",
        by=sw,
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
    # Standard 2.9 is shown from these records (consent sought, the Part 19 application), no tick

    # 4. Two siblings placed together.
    ash, bay = (
        child(
            legal_name=name,
            date_of_birth=_days(dob),
            sex="1",
            ethnicity="WBRI",
            la_child_id=ref,
            route=Route.PROCEEDINGS_ISSUED,
            identified_on=_days(-200 if dob < -200 else -115),
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
    # each child in their own care proceedings: Bay was born while Ash's were running
    for sibling, case, issued in ((ash, "NM26C00301", -190), (bay, "NM26C00355", -110)):
        sibling_proceedings = services.proceedings_issue(
            child=sibling,
            court="Family Court sitting at Northmoor",
            case_number=case,
            issued_on=_days(issued),
            by=sw,
        )
        hearing = services.hearing_add(
            proceedings=sibling_proceedings,
            kind=HearingKind.URGENT_ICO,
            listed_on=_days(issued + 2),
            status=HearingStatus.EFFECTIVE,
            outcome="Interim care order made.",
            by=sw,
        )
        order = services.order_record(
            child=sibling,
            kind=OrderKind.INTERIM_CARE,
            made_on=_days(issued + 2),
            hearing=hearing,
            by=sw,
        )
        services.care_period_start(child=sibling, started_on=_days(issued + 2), by=sw)
        services.legal_status_record(
            child=sibling,
            code=LegalStatus.C1,
            starts_on=_days(issued + 2),
            basis=StatusBasis.ORDER,
            order=order,
            by=sw,
        )
        if sibling is ash:
            wren_proceedings = sibling_proceedings
    # CA 1989 s.32(5), (8): the 26 weeks end on day -9; an 8-week extension granted at the IRH
    irh = services.hearing_add(
        proceedings=wren_proceedings,
        kind=HearingKind.IRH,
        listed_on=_days(-20),
        status=HearingStatus.EFFECTIVE,
        outcome="An 8-week extension granted for a further expert assessment.",
        by=sw,
    )
    services.extension_grant(
        proceedings=wren_proceedings,
        ends_on=wren_proceedings.statutory_end() + timedelta(weeks=8),
        granted_on=_days(-20),
        hearing=irh,
        reason="Further expert assessment of the father directed.",
        by=sw,
    )

    # 5. A record kept past its retention period (migrated from the old case system): the 75th
    # birthday has passed (CPR reg 50), so a team manager reviewed it and decided to anonymise
    # it; the review is recorded and the record archived, never deleted from the pages.
    migrated = child(
        legal_name="Archived record NM-10007",
        date_of_birth=date(today().year - 76, 3, 14),
        sex="1",
        ethnicity="WBRI",
        la_child_id="NM-10007",
        route=Route.PROCEEDINGS_ISSUED,
        identified_on=date(today().year - 76, 4, 1),
    )
    # looked after from infancy until 18, as the old system recorded it (no legal status was
    # migrated, so the period is closed: the record is kept for its retention review only)
    period = services.care_period_start(
        child=migrated, started_on=date(today().year - 76, 4, 1), by=tm
    )
    services.care_period_update(
        period=period,
        started_on=period.started_on,
        ended_on=date(today().year - 58, 3, 14),
        reason_ended="Reached 18 (migrated record)",
        by=tm,
    )
    services.retention_review_record(
        child=migrated,
        reviewed_on=_days(-3),
        decision=RetentionDecision.ANONYMISE,
        reason="Retention period ended; no open request for access to the record.",
        by=tm,
    )
    services.child_archive(
        child=migrated, reason="Retention period ended: to be anonymised", by=tm
    )

    # Eastbridge: one child that Northmoor users never see.
    east_sw = users["sw.eastbridge"]
    kai = services.child_create(
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

    # The audit trail (docs/security.md): Eastbridge's worker opened Kai's record from a link on
    # another site (kept as cross-site), and a Northmoor worker who tried Kai's record (another
    # authority's child: 404) is written down for Northmoor's admins.
    services.child_access_log_record(
        child=kai,
        user=east_sw,
        path=reverse("children:record", args=[kai.pk]),
        fetch_site=FetchSite.CROSS_SITE,
    )
    refused_access_record(
        user=sw,
        method="GET",
        path=reverse("children:record", args=[kai.pk]),
        outcome=404,
        fetch_site=FetchSite.SAME_ORIGIN,
    )
    # issue 9: the records of the family, the baby and the assessments (children/demo_birth.py)
    from . import demo_birth

    demo_birth.load(context)
