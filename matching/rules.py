"""Who may record placements, matches and the agency's decisions. Built on the predicates of
``accounts.rules`` and ``children.rules``.

- placements, matches and the formal match's steps: the child's social worker or team manager in
  the responsible authority, or in the adoption agency the child is referred to (family finding
  and matching are often the RAA's work);
- the Nominated Officer's authorisation and the Reg 25A temporary approval: a Nominated Officer
  of the child's responsible authority (Std 4.2; CPR reg 25A names the authority);
- the should-be-placed and no-longer decisions and the formal match decision: an agency decision
  maker of the responsible authority or of the RAA the child is referred to (AAR regs 19, 33);
- the candidate search (anonymised profiles): anyone who may change the child's case.
"""

import rules

from accounts.rules import is_agency_decision_maker, is_nominated_officer
from children.rules import (
    case_worker,
    in_referred_agency,
    in_responsible_authority,
    record_open,
)

in_child_agency = in_responsible_authority | in_referred_agency

rules.add_perm("matching.record_placement", record_open & in_child_agency & case_worker)
rules.add_perm("matching.propose_match", record_open & in_child_agency & case_worker)
rules.add_perm("matching.search_candidates", record_open & in_child_agency & case_worker)
rules.add_perm("matching.record_formal_match", record_open & in_child_agency & case_worker)
rules.add_perm(
    "matching.authorise_placement", record_open & in_responsible_authority & is_nominated_officer
)
rules.add_perm(
    "matching.record_agency_decision", record_open & in_child_agency & is_agency_decision_maker
)
