"""Demo family time (fictional): Rowan Ellery, a baby in care proceedings placed with early
permanence carers, has family time with the mother three mornings a week, supervised by the
demo family time worker ``ftw.northmoor`` — past sessions recorded (attended, late, one missed,
one cancelled because Rowan was unwell), the next weeks' sessions planned — so the worker's
schedule, the child's "Family time" tab and the attendance chart all show something on a first
run. Loaded by ``manage.py load_demo`` through the services; safe to run again."""

from datetime import time, timedelta

from accounts import clock
from children.models import Child, Relationship

from . import services
from .models import FamilyTimePlan, LaterKind, LaterSetting, LegalFrame, Outcome, SupervisionLevel

PAST_OUTCOMES = [
    Outcome.ATTENDED,
    Outcome.ATTENDED,
    Outcome.LATE,
    Outcome.ATTENDED,
    Outcome.NO_SHOW,
    Outcome.ATTENDED,
    Outcome.ENDED_EARLY,
    Outcome.ATTENDED,
]


def load(context: dict) -> None:
    users = context["users"]
    sw, ftw = users["sw.northmoor"], users["ftw.northmoor"]
    baby = Child.objects.filter(la_child_id="NM-40087").first()
    if baby is None or FamilyTimePlan.objects.filter(child=baby).exists():
        return
    mother = baby.family_members.filter(relationship=Relationship.MOTHER).first()
    if mother is None:
        return
    today = clock.today()
    starts_on = today - timedelta(days=45)
    plan = services.plan_create(
        child=baby,
        by=sw,
        family_members=[mother],
        days="0,2,4",
        every_weeks=1,
        start_time=time(10, 0),
        duration_minutes=90,
        frequency_reasons="Three mornings a week, between Rowan's 9am and 1pm feeds, so that "
        "Rowan is fed and settled for the 20-minute drive each way; Rowan sleeps after lunch.",
        assessing="Alex's response to Rowan's cues, feeding and settling, and consistency of "
        "attendance, for the parenting assessment due before the issues resolution hearing.",
        supervision_level=SupervisionLevel.OBSERVED,
        supervisor=ftw,
        supervisor_ep_trained=True,
        venue="Northmoor Family Centre, family room 2",
        virtual_platform="",
        transport="The early permanence carers drive Rowan to the centre and collect Rowan",
        handover="The carers hand Rowan to Alex in the family room with the supervisor; a "
        "few minutes together to share how Rowan has been",
        icebreaker_on=starts_on - timedelta(days=2),
        icebreaker_notes="Alex met the carers at the family centre with the social worker; "
        "they talked about Rowan's routine.",
        agreed_presents="One small present a month; clothes only in Rowan's size",
        agreed_photos="Alex may take photographs of Rowan; none of the carers; none online",
        agreed_confidentiality="The carers' surname, address and car are not shared",
        agreed_basic_care="Alex feeds and changes Rowan, with the supervisor's support",
        agreed_breast_milk="",
        agreed_when_unwell="The carers ring the supervisor by 8am; the session is rearranged",
        parents_confirm=True,
        confirm_by="Alex texts the supervisor by 8.30am on the day",
        legal_frame=LegalFrame.S34,
        starts_on=starts_on,
        review_on=today + timedelta(days=30),
        ends_on=None,
        goodbye_on=None,
        goodbye_notes="",
    )
    sessions = services.sessions_generate(
        plan=plan, by=sw, from_on=starts_on, to_on=today + timedelta(days=20)
    )
    now = clock.now()
    past = [session for session in sessions if session.ends_at < now]
    for index, session in enumerate(past):
        if index == len(past) - 3:
            services.session_cancel(session=session, by=ftw, because=Outcome.CHILD_UNWELL)
            continue
        outcome = PAST_OUTCOMES[index % len(PAST_OUTCOMES)]
        services.session_record(
            session=session,
            by=ftw,
            attendance={mother.pk: outcome},
            handover_notes="Calm handover; the carers told Alex about Rowan's night."
            if outcome in (Outcome.ATTENDED, Outcome.LATE)
            else "",
            observations="Alex fed Rowan and responded to Rowan's cues."
            if outcome == Outcome.ATTENDED
            else "",
            concerns="Alex did not come and did not send word."
            if outcome == Outcome.NO_SHOW
            else "",
            follow_up="Social worker to speak to Alex about attendance."
            if outcome == Outcome.NO_SHOW
            else "",
        )
    # Std 7.6: if Rowan goes home, letters with the carers have been discussed
    services.later_family_time_save(
        child=baby,
        by=sw,
        setting=LaterSetting.AFTER_RETURN,
        kind=LaterKind.LETTER,
        family_member=None,
        with_ep_carers=True,
        how_often="A card at birthdays and a letter once a year, if Rowan goes home",
        s51a_order="",
        s51a_order_on=None,
        starts_on=None,
        review_on=today + timedelta(days=30),
        ends_on=None,
        notes="Discussed with Alex and the carers at the icebreaker meeting.",
    )
