"""Demo children for a first run: fictional names, dates relative to today so the screens are live.

Northmoor Council holds five children at different points of the journey; Eastbridge holds one,
so that signing in as an Eastbridge user shows the separation between authorities.
"""

from datetime import date, timedelta

from . import services
from .models import (
    CaseNote,
    Child,
    ChildStandardRecord,
    ConsentStatus,
    CourtOrder,
    Direction,
    Extension,
    FamilyMember,
    Hearing,
    HearingKind,
    IROConcern,
    LegalStatus,
    LookedAfterReview,
    NoteKind,
    OrderKind,
    PaternityTest,
    PlanningMeeting,
    PracticeStandardItem,
    PreProceedings,
    PrimaryPlan,
    Proceedings,
    Relationship,
    Route,
    Section19Consent,
    SiblingGroup,
    SiblingPlacement,
    TwinTrackPlan,
    ViabilityAssessment,
)


def _days(n: int) -> date:
    return date.today() + timedelta(days=n)


def _save(instance, by):
    return services.save_record(instance, by=by)


def _plan(child, by, *, primary, who, conditions, meeting, on, reason=""):
    return _save(
        TwinTrackPlan(
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
        ),
        by,
    )


def _standard(child, code, on, by, note=""):
    item = PracticeStandardItem.objects.get(code=code)
    return _save(ChildStandardRecord(child=child, item=item, met_on=on, note=note), by)


def load(context: dict) -> None:
    if Child.objects.exists():
        return
    orgs, teams, users = context["organisations"], context["teams"], context["users"]
    # tm and iro record what is theirs (plan decisions, reviews) below
    sw, tm, iro = users["sw.northmoor"], users["tm.northmoor"], users["iro.northmoor"]
    northmoor, raa = orgs["northmoor"], orgs["fenvale"]
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
    _save(
        FamilyMember(
            child=unborn,
            name="Jay Marsh",
            relationship=Relationship.MOTHER,
            parental_responsibility="yes",
            legal_representative="Harbour Family Law (demo)",
            address="1 Example Row, Northmoor",
            phone="01632 960001",
            ep_information_given_on=_days(-30),
        ),
        sw,
    )
    alleged = _save(
        FamilyMember(
            child=unborn,
            name="Sam Fletcher",
            relationship=Relationship.ALLEGED_FATHER,
            parental_responsibility="unknown",
        ),
        sw,
    )
    grandmother = _save(
        FamilyMember(
            child=unborn,
            name="Pat Marsh",
            relationship=Relationship.GRANDPARENT,
            relationship_detail="Maternal grandmother",
            parental_responsibility="no",
        ),
        sw,
    )
    _save(
        ViabilityAssessment(
            child=unborn,
            family_member=grandmother,
            requested_on=_days(-28),
            due_on=_days(-7),
            assessor="Kinship assessment team",
        ),
        sw,
    )
    _save(PaternityTest(child=unborn, alleged_father=alleged, requested_on=_days(-20)), sw)
    _save(PreProceedings(child=unborn, plo_letter_on=_days(-35), plo_meeting_on=_days(-25)), sw)
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
    _save(
        CaseNote(
            child=unborn,
            kind=NoteKind.VISIT,
            happened_on=_days(-10),
            summary="Antenatal home visit",
            text="Mother engaged; discussed the birth plan.",
        ),
        sw,
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
    _save(
        FamilyMember(
            child=baby,
            name="Alex Ellery",
            relationship=Relationship.MOTHER,
            parental_responsibility="yes",
            ep_information_given_on=_days(-70),
        ),
        sw,
    )
    proceedings = _save(
        Proceedings(
            child=baby,
            court="Family Court sitting at Northmoor",
            case_number="NM26C00412",
            issued_on=_days(-58),
        ),
        sw,
    )
    cmh = _save(
        Hearing(
            proceedings=proceedings,
            kind=HearingKind.CMH,
            listed_on=_days(-42),
            outcome="Interim care order renewed; parenting assessment directed.",
        ),
        sw,
    )
    _save(
        Direction(
            hearing=cmh, text="Local authority to file the parenting assessment", due_on=_days(14)
        ),
        sw,
    )
    _save(CourtOrder(child=baby, kind=OrderKind.INTERIM_CARE, made_on=_days(-42), hearing=cmh), sw)
    _save(Hearing(proceedings=proceedings, kind=HearingKind.IRH, listed_on=_days(40)), sw)
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
    _save(
        LookedAfterReview(
            child=baby,
            scheduled_on=_days(-40),
            held_on=_days(-40),
            chair=iro,
            recommendations="Twin-track plan to continue; family time three times a week.",
            plan_endorsed=True,
        ),
        iro,
    )
    _save(LookedAfterReview(child=baby, scheduled_on=_days(50)), sw)
    _save(
        IROConcern(
            child=baby,
            raised_on=_days(-12),
            concern="Viability assessment of the paternal aunt not yet started.",
        ),
        iro,
    )
    for code, on in (("1.2", -78), ("2.5", -70), ("2.6", -60), ("5.3", -60)):
        _standard(baby, code, _days(on), sw)
    _save(
        CaseNote(
            child=baby,
            kind=NoteKind.MEETING,
            happened_on=_days(-20),
            summary="Permanence planning meeting",
            text="Plan B made primary.",
        ),
        tm,
    )

    # 3. A relinquished baby: consensual adoption with Section 19 consent.
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
    birth_mother = _save(
        FamilyMember(
            child=relinquished,
            name="Robin Tate",
            relationship=Relationship.MOTHER,
            parental_responsibility="yes",
        ),
        sw,
    )
    _save(
        Section19Consent(
            child=relinquished,
            parent=birth_mother,
            status=ConsentStatus.APPLIED,
            considered_on=_days(-15),
            notes="Cafcass asked to witness consent.",
        ),
        sw,
    )
    _standard(relinquished, "2.9", _days(-15), sw)

    # 4. Two siblings placed together.
    group = _save(
        SiblingGroup(
            responsible_authority=northmoor,
            name="Wren family",
            placement=SiblingPlacement.TOGETHER,
            reason="Close bond; carers approved for two children.",
        ),
        sw,
    )
    for name, dob, ref in (("Ash Wren", -400, "NM-40050"), ("Bay Wren", -120, "NM-40051")):
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
            sibling_group=group,
        )
    wren = Child.objects.get(la_child_id="NM-40050")
    wren_proceedings = _save(
        Proceedings(
            child=wren,
            court="Family Court sitting at Northmoor",
            case_number="NM26C00301",
            issued_on=_days(-190),
        ),
        sw,
    )
    _save(
        Extension(
            proceedings=wren_proceedings,
            granted_on=_days(-20),
            weeks=8,
            reason="Further expert assessment of the father directed.",
        ),
        sw,
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
