"""The family time app's pages in the access matrix (see tests/access_matrix.py), and what it
adds to the shared world: a family time plan for the own child, supervised by the own family
time worker, with a past session and a family time arrangement after adoption.

The child's family time is read by whoever reads the child's record, and planned by its
social worker and team manager. The own family time worker supervises the plan's sessions, so
they see the child and record its sessions (not plan them); the family time workers of the
other organisation and of the referred agency supervise nothing of it and get 404, as
everyone of another organisation does.
"""

from tests.access_matrix import Page

NOT_CASE = {"admin": 404, "superuser": 404}
NOT_SUPERVISING = {"family_time_worker": 404}
PLANNERS = {"social_worker": 200, "team_manager": 200, **NOT_CASE}
RECORDERS = {"family_time_worker": 200, **PLANNERS}


def _own(**records):
    def kwargs(world) -> dict:
        return {
            "pk": world.own_child.pk,
            **{name: getattr(world, attr).pk for name, attr in records.items()},
        }

    return kwargs


def child_page(**records) -> Page:
    return Page(
        default=200,
        by_role=NOT_CASE,
        other=404,
        kwargs=_own(**records),
        referred=200,
        referred_by_role={"admin": 404, **NOT_SUPERVISING},
    )


def form_page(by_role=PLANNERS, errors=None, **records) -> Page:
    return Page(
        default=403,
        by_role=by_role,
        other=404,
        kwargs=_own(**records),
        referred=403,
        referred_by_role={"admin": 404, **NOT_SUPERVISING},
        errors={} if errors is None else errors,
    )


PAGES: dict[str, Page] = {
    "family_time:schedule": Page(
        default=403,
        by_role={"family_time_worker": 200, "social_worker": 200, "team_manager": 200},
    ),
    "family_time:attendance": child_page(),
    "family_time:plan_add": form_page(),
    "family_time:plan_edit": form_page(plan_pk="own_family_time_plan"),
    "family_time:generate": form_page(plan_pk="own_family_time_plan"),
    "family_time:session_add": form_page(plan_pk="own_family_time_plan"),
    "family_time:session_move": form_page(RECORDERS, session_pk="own_family_time_session"),
    "family_time:session_record": form_page(RECORDERS, session_pk="own_family_time_session"),
    "family_time:session_cancel": form_page(RECORDERS, session_pk="own_family_time_session"),
    "family_time:later_add": form_page(),
    "family_time:later_edit": form_page(later_pk="own_later_family_time"),
}


def build(world) -> None:
    from datetime import timedelta

    from accounts.clock import today
    from family_time import services
    from family_time.models import LaterKind, LaterSetting
    from tests.family_time.factories import make_plan

    sw = world.user("social_worker")
    worker = world.user("family_time_worker")
    mother = world.own_child.family_members.first()
    plan = make_plan(
        child=world.own_child,
        by=sw,
        members=[mother] if mother else None,
        supervisor=worker,
        starts_on=today() - timedelta(days=14),
    )
    world.own_family_time_plan = plan
    sessions = services.sessions_generate(
        plan=plan, by=sw, from_on=today() - timedelta(days=14), to_on=today() - timedelta(days=1)
    )
    world.own_family_time_session = sessions[0]
    world.own_later_family_time = services.later_family_time_save(
        child=world.own_child,
        by=sw,
        setting=LaterSetting.AFTER_ADOPTION,
        kind=LaterKind.LETTER,
        family_member=plan.family_members.first(),
        with_ep_carers=False,
        how_often="Twice a year",
        s51a_order="",
        s51a_order_on=None,
        starts_on=None,
        review_on=None,
        ends_on=None,
        notes="",
    )
