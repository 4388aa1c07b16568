"""The reunification app's pages in the access matrix (see tests/access_matrix.py), and what it
adds to the shared world: a child of the own organisation (referred to the agency) placed with
the parents under an interim care order after a reunification decided by the local authority,
with its plan, a transition step, support, a life story contribution and a visit after the
return.

Like the child's own forms: social workers and team managers of the responsible authority
change them; the other case roles get 403, and so does the referred agency (it reads the child's
record but never changes it); another organisation, admins and superusers get 404.
"""

from datetime import timedelta

from accounts.clock import today
from tests.children.access import EDITORS, child_page

PAGES_ARGS = {"pk": "own_reunification_child", "decision_pk": "own_reunification"}


def _own(**records):
    def kwargs(world) -> dict:
        names = {**PAGES_ARGS, **records}
        return {name: getattr(world, attr).pk for name, attr in names.items()}

    return kwargs


def form_page(**records):
    # the family time worker sees a child only through family time they supervise (none here)
    by_role = {**EDITORS, "family_time_worker": 404}
    return child_page(default=403, by_role=by_role, kwargs=_own(**records), errors={})


PAGES: dict = {
    "reunification:plan": form_page(),
    "reunification:step_add": form_page(),
    "reunification:step_edit": form_page(step_pk="own_reunification_step"),
    "reunification:support_add": form_page(),
    "reunification:support_edit": form_page(support_pk="own_reunification_support"),
    "reunification:life_story_add": form_page(),
    "reunification:life_story_edit": form_page(contribution_pk="own_life_story"),
    "reunification:after_return_add": form_page(),
    "reunification:after_return_edit": form_page(record_pk="own_after_return"),
}


def build(world) -> None:
    from children.models import LegalStatus, OrderKind, StatusBasis
    from reunification import services
    from reunification.models import (
        AfterReturnKind,
        DecidedBy,
        Outcome,
        ReunificationRoute,
        StepKind,
        SupportFor,
        SupportKind,
    )
    from tests.children import factories as f

    day = today()
    sw = world.user("social_worker")
    child = f.ChildFactory(
        legal_name="Robin Access-Home",
        responsible_authority=world.own_org,
        team=world.own_team,
        referred_to=world.agency,
        social_worker=sw,
        looked_after_on=day - timedelta(days=60),
    )
    order = f.CourtOrderFactory(
        child=child, kind=OrderKind.INTERIM_CARE, made_on=day - timedelta(days=60)
    )
    f.LegalStatusPeriodFactory(
        child=child,
        code=LegalStatus.C1,
        basis=StatusBasis.ORDER,
        order=order,
        starts_on=day - timedelta(days=60),
    )
    decision = services.reunification_decide(
        child=child,
        decided_by_kind=DecidedBy.LOCAL_AUTHORITY,
        decided_on=day - timedelta(days=20),
        route=ReunificationRoute.PARENTS,
        by=sw,
    )
    services.plan_save(
        decision=decision,
        by=sw,
        childs_needs="Feeds every three hours; a settled routine",
        agreed_on=day - timedelta(days=18),
        agreed_with_parents=True,
        agreed_with_carers=True,
    )
    world.own_reunification_step = services.step_save(
        decision=decision,
        by=sw,
        kind=StepKind.OVERNIGHT_STAY,
        planned_on=day - timedelta(days=10),
        happened_on=day - timedelta(days=10),
        participants="Mother, the carers",
    )
    world.own_reunification_support = services.support_save(
        decision=decision,
        by=sw,
        for_whom=SupportFor.PARENTS,
        kind=SupportKind.PARENTING,
        offered_on=day - timedelta(days=15),
    )
    world.own_life_story = services.life_story_save(
        decision=decision, by=sw, given_on=day - timedelta(days=5), description="Photo album"
    )
    decision = services.reunification_complete(
        decision=decision,
        moved_on=day - timedelta(days=4),
        outcome=Outcome.STAYS_LOOKED_AFTER_WITH_PARENTS,
        care_order=order,
        assessment_completed_on=day - timedelta(days=8),
        placement_plan_on=day - timedelta(days=7),
        nominated_officer_approved_on=day - timedelta(days=6),
        nominated_officer=world.user("nominated_officer"),
        by=sw,
    )
    world.own_after_return = services.after_return_save(
        decision=decision, by=sw, kind=AfterReturnKind.VISIT, held_on=day - timedelta(days=1)
    )
    world.own_reunification_child = child
    world.own_reunification = decision
