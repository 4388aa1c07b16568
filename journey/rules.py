"""Who may move a child's EP journey (DESIGN.md "The EP journey", "Access").

The transitions' ``permission`` callables ask these rules directly (``rules.has_perm``), never a
string permission through Django's ``has_perm``, whose superuser shortcut would let a system
administrator with no role move a case. IROs, admins and superusers without a role never move a
case: IROs read and raise concerns; admins configure.
"""

import rules

from accounts.rules import is_agency_decision_maker, is_social_worker, is_team_manager
from children.rules import in_case_team, in_referred_agency, in_responsible_authority, record_open


@rules.predicate
def allocated_social_worker(user, child) -> bool:
    return child is not None and child.social_worker_id == user.pk


@rules.predicate
def has_organisation(user) -> bool:
    return bool(user and user.is_authenticated and user.is_active and user.organisation_id)


open_case = has_organisation & in_responsible_authority & record_open
# the allocated social worker, or the child's team's social workers and managers
moves_case = (
    open_case & (is_social_worker | is_team_manager) & (allocated_social_worker | in_case_team)
)
# agree the EP plan and close: the team manager (of the child's team or the authority)
manages_case = open_case & is_team_manager
# the formal adoption match: the agency decision maker (AAR reg 33; may belong to the RAA)
decides_match = (
    has_organisation
    & record_open
    & is_agency_decision_maker
    & (in_responsible_authority | in_referred_agency)
)

rules.add_perm("journey.move_case", moves_case)
rules.add_perm("journey.manage_case", manages_case)
rules.add_perm("journey.decide_formal_match", decides_match)


def may_move(user, child) -> bool:
    return rules.has_perm("journey.move_case", user, child)


def may_manage(user, child) -> bool:
    return rules.has_perm("journey.manage_case", user, child)


def may_decide_formal_match(user, child) -> bool:
    return rules.has_perm("journey.decide_formal_match", user, child)
