"""Demo records of issue 9 (the family's identity and needs, the baby's health, the pre-birth
and discharge plan, the assessments of the parents), added to the demo children of
``children.demo`` through the services, as real use adds them.

Kept apart from ``children.demo`` so that each branch adds its demo in a module of its own.
"""

from datetime import date, timedelta

from accounts.clock import today

from . import services
from .models import Child, FamilyMember, Relationship, YesNoUnknown


def _days(n: int) -> date:
    return today() + timedelta(days=n)


def load(context: dict) -> None:
    users = context["users"]
    sw = users["sw.northmoor"]
    unborn = Child.objects.filter(la_child_id="NM-40112").first()
    if unborn is None:
        return
    # issue 9 item 5: the mother's identity and needs (a newborn's identity comes from her)
    mother = FamilyMember.objects.get(child=unborn, relationship=Relationship.MOTHER)
    if mother.language:
        return  # loaded already
    services.family_member_update(
        member=mother,
        date_of_birth=_days(-365 * 19 - 40),
        ethnicity="WBRI",
        religion="No religion",
        language="English",
        interpreter_needed=YesNoUnknown.NO,
        learning_disability=YesNoUnknown.YES,
        advocacy_needed=YesNoUnknown.YES,
        care_leaver=YesNoUnknown.YES,
        party_to_proceedings=True,
        counselling_offered_on=_days(-28),
        by=sw,
    )
    father = FamilyMember.objects.get(child=unborn, relationship=Relationship.ALLEGED_FATHER)
    services.family_member_update(member=father, whereabouts_unknown=True, by=sw)
