"""Family time records for tests, made through the services (as the pages make them)."""

from datetime import date, time, timedelta

from children.models import Relationship
from family_time import services
from family_time.models import LegalFrame, SupervisionLevel
from tests.children.factories import FamilyMemberFactory


def plan_fields(**overrides) -> dict:
    fields = {
        "days": "0,2,4",
        "every_weeks": 1,
        "start_time": time(10, 0),
        "duration_minutes": 90,
        "frequency_reasons": "Between the baby's morning feeds; 20 minutes' travel each way",
        "assessing": "The mother's response to the baby's cues",
        "supervision_level": SupervisionLevel.SUPERVISED,
        "supervisor": None,
        "supervisor_ep_trained": True,
        "venue": "Northmoor Family Centre",
        "virtual_platform": "",
        "transport": "The carers bring the baby",
        "handover": "The carers hand over to the supervisor in the family room",
        "icebreaker_on": None,
        "icebreaker_notes": "",
        "agreed_presents": "One small present a month",
        "agreed_photos": "Parents may take photographs; none shared online",
        "agreed_confidentiality": "The carers' surname and address are not shared",
        "agreed_basic_care": "The mother feeds and changes the baby",
        "agreed_breast_milk": "",
        "agreed_when_unwell": "The carers ring the supervisor by 8am",
        "parents_confirm": True,
        "confirm_by": "By phone to the supervisor by 9am on the day",
        "legal_frame": LegalFrame.S34,
        "starts_on": date.today() - timedelta(days=28),
        "review_on": None,
        "ends_on": None,
        "goodbye_on": None,
        "goodbye_notes": "",
    }
    fields.update(overrides)
    return fields


def make_plan(*, child, by, members=None, **overrides):
    """A plan with the child's mother (made if none is given)."""
    if members is None:
        members = [
            FamilyMemberFactory(child=child, name="Rosa Test", relationship=Relationship.MOTHER)
        ]
    return services.plan_create(
        child=child, by=by, family_members=members, **plan_fields(**overrides)
    )
