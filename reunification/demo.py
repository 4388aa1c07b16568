"""A demo child whose reunification is decided and under way, for a first run: fictional names,
dates relative to today, every record made through the services (the same rules, the same
events).

Sky Marlowe, born about five months ago, in care proceedings under an interim care order (C1)
from her second day and placed with early permanence carers. The parenting assessment of her
father, Reece Marlowe, was positive; the local authority decided she goes home to him (the
court to approve at the final hearing). The plan is agreed with him and the carers; the
introductions and daytime visits happened, the overnight stays and the move are planned; the
carers have a named worker and counselling; they gave a photo album for her life story. The
journey puts her at the ``reunification`` stage.
"""

from datetime import date, timedelta

from accounts.clock import today
from children import services as children
from children.models import (
    Child,
    HearingKind,
    HearingStatus,
    JudgeLevel,
    LegalStatus,
    OrderKind,
    ProceedingsKind,
    Relationship,
    Route,
    StatusBasis,
    YesNoUnknown,
)

from . import services
from .models import (
    DecidedBy,
    ReunificationDecision,
    ReunificationRoute,
    StepKind,
    SupportFor,
    SupportKind,
)

DEMO_CHILD = "Sky Marlowe"
DEMO_CHILD_ID = "NM-40152"


def _days(n: int) -> date:
    return today() + timedelta(days=n)


def load(context: dict) -> None:
    if (
        ReunificationDecision.objects.exists()
        or Child.objects.filter(la_child_id=DEMO_CHILD_ID).exists()
    ):
        return
    teams, users = context["teams"], context["users"]
    sw, iro = users["sw.northmoor"], users["iro.northmoor"]
    ep_team = teams[("northmoor", "Early Permanence Team")]
    child = children.child_create(
        by=sw,
        team=ep_team,
        social_worker=sw,
        iro=iro,
        legal_name=DEMO_CHILD,
        known_as="Sky",
        date_of_birth=_days(-150),
        sex="2",
        ethnicity="WBRI",
        first_language="English",
        la_child_id=DEMO_CHILD_ID,
        route=Route.PROCEEDINGS_ISSUED,
        identified_on=_days(-149),
        referred_to=context["organisations"]["fenvale"],
    )
    father = children.family_member_add(
        child=child,
        name="Reece Marlowe",
        relationship=Relationship.FATHER,
        parental_responsibility=YesNoUnknown.YES,
        ep_information_given_on=_days(-147),
        by=sw,
    )
    children.family_member_add(
        child=child,
        name="Dana Marlowe",
        relationship=Relationship.MOTHER,
        parental_responsibility=YesNoUnknown.YES,
        ep_information_given_on=_days(-147),
        by=sw,
    )
    proceedings = children.proceedings_issue(
        child=child,
        kind=ProceedingsKind.CARE,
        court="Family Court sitting at Northmoor",
        case_number="NM26C00377",
        issued_on=_days(-149),
        judge_level=JudgeLevel.CIRCUIT,
        childrens_guardian="Cafcass guardian (demo)",
        childs_solicitor="Quayside Solicitors (demo)",
        la_solicitor="Northmoor Legal Services (demo)",
        by=sw,
    )
    first = children.hearing_add(
        proceedings=proceedings,
        kind=HearingKind.FIRST_ICO,
        listed_on=_days(-148),
        status=HearingStatus.EFFECTIVE,
        outcome="Interim care order made; placement with early permanence carers approved; "
        "parenting assessment of the father directed.",
        by=sw,
    )
    children.care_period_start(child=child, started_on=_days(-148), by=sw)
    interim = children.order_record(
        child=child, kind=OrderKind.INTERIM_CARE, made_on=_days(-148), hearing=first, by=sw
    )
    children.legal_status_record(
        child=child,
        code=LegalStatus.C1,
        starts_on=_days(-148),
        basis=StatusBasis.ORDER,
        order=interim,
        by=sw,
    )
    # the local authority decides (a placement with a parent under the interim care order, CPR
    # regs 15-18); the court approves the plan at the final hearing
    decision = services.reunification_decide(
        child=child,
        decided_by_kind=DecidedBy.LOCAL_AUTHORITY,
        decided_on=_days(-21),
        route=ReunificationRoute.PARENTS,
        family_member=father,
        notes="Positive parenting assessment of the father; the mother supports the plan.",
        by=sw,
    )
    services.plan_save(
        decision=decision,
        by=sw,
        childs_needs="Sky's routine (feeds, naps, bath and bedtime) kept the same in both homes; "
        "her attachment to her carers respected by a gradual move over four weeks.",
        court_requirements="The court to approve the plan at the final hearing; the guardian "
        "to see Sky at home before it.",
        agreed_on=_days(-18),
        agreed_with_parents=True,
        agreed_with_carers=True,
        ongoing_assessment="The parenting assessor continues to observe Reece's care of Sky at "
        "each step until the final hearing (Standard 7.4).",
        final_hearing_on=_days(24),
    )
    for kind, planned, happened, who in (
        (StepKind.INTRODUCTION, -16, -16, "Reece, the carers, Sky's social worker"),
        (StepKind.DAYTIME_VISIT, -12, -12, "Reece and Sky, at the carers' home"),
        (StepKind.DAYTIME_VISIT, -7, -7, "Reece and Sky, at Reece's home"),
        (StepKind.OVERNIGHT_STAY, 3, None, "Sky at Reece's home"),
        (StepKind.MOVE, 10, None, "Reece, the carers"),
    ):
        services.step_save(
            decision=decision,
            by=sw,
            kind=kind,
            planned_on=_days(planned),
            happened_on=_days(happened) if happened is not None else None,
            participants=who,
        )
    services.support_save(
        decision=decision,
        by=sw,
        for_whom=SupportFor.EP_CARERS,
        kind=SupportKind.NAMED_WORKER,
        worker="Fenvale Adoption Partnership supervising social worker",
        offered_on=_days(-20),
        taken_up_on=_days(-20),
    )
    services.support_save(
        decision=decision,
        by=sw,
        for_whom=SupportFor.EP_CARERS,
        kind=SupportKind.COUNSELLING,
        worker="Fenvale post-placement counselling (demo)",
        offered_on=_days(-19),
        notes="Offered for after the move; the carers will decide then.",
    )
    services.support_save(
        decision=decision,
        by=sw,
        for_whom=SupportFor.PARENTS,
        kind=SupportKind.PARENTING,
        worker="Northmoor family support service (demo)",
        offered_on=_days(-20),
        taken_up_on=_days(-17),
    )
    services.life_story_save(
        decision=decision,
        by=sw,
        given_on=_days(-5),
        description="A photo album and a diary of Sky's first months with her carers",
    )
