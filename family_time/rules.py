"""Who may see and change a child's family time. Built on the predicates of ``children.rules``.

A child's family time is read by whoever may read the child's record; it is planned by the
social worker and the team manager of the responsible authority. A family time worker sees the
children of the sessions and plans they supervise (``children.extensions.visibility``, filled
in ``apps.py``) and records the sessions they supervise; they never see the carers' surnames or
postcodes (nothing on these pages reads a household).
"""

import rules

from accounts.rules import is_family_time_worker, is_social_worker, is_team_manager
from children.rules import can_view_child, edits_case, record_open, works_with_children


@rules.predicate
def supervises_session(user, session) -> bool:
    return session is not None and session.supervisor_id == user.pk


@rules.predicate
def session_child_open(user, session) -> bool:
    return session is not None and record_open(user, session.plan.child)


@rules.predicate
def edits_session_case(user, session) -> bool:
    return session is not None and edits_case(user, session.plan.child)


rules.add_perm("family_time.view_family_time", can_view_child)
rules.add_perm("family_time.plan_family_time", edits_case)
# a session: the child's social worker or manager, or the family time worker supervising it
rules.add_perm(
    "family_time.record_session",
    edits_session_case | (is_family_time_worker & supervises_session & session_child_open),
)
rules.add_perm(
    "family_time.view_schedule",
    works_with_children & (is_family_time_worker | is_social_worker | is_team_manager),
)
