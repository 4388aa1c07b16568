"""Who may see and change a carer household. Built on the predicates of ``accounts.rules``.

DESIGN.md "Access" and issue 10: a household is seen by its recruiting agency; by a local
authority only once the household is matched with one of its children (a relationship that
``matching`` registers in ``carers.extensions.household_visibility``: until it exists no local
authority sees a household it did not recruit). Before a match, family finders see anonymised
profiles (no names, no postcode). Family time workers and IROs never see carers: their surnames
and postcodes must not reach anything a parent could read.
"""

import rules

from accounts.models import Role
from accounts.rules import is_supervising_social_worker, is_team_manager

CARER_ROLES = [
    Role.SUPERVISING_SOCIAL_WORKER,
    Role.TEAM_MANAGER,
    Role.SOCIAL_WORKER,
    Role.AGENCY_DECISION_MAKER,
    Role.NOMINATED_OFFICER,
]


@rules.predicate
def works_with_carers(user) -> bool:
    return bool(
        user.is_authenticated
        and user.is_active
        and user.organisation_id
        and user.has_role(*CARER_ROLES)
    )


@rules.predicate
def in_recruiting_agency(user, household) -> bool:
    return household is not None and household.recruiting_agency_id == user.organisation_id


@rules.predicate
def related_through_a_match(user, household) -> bool:
    """A local authority matched with the household (``carers.extensions``): one query, and
    only for a user whom a registered relationship concerns."""
    from .extensions import extra_household_visibility
    from .models import Household

    if household is None:
        return False
    extra = extra_household_visibility(user)
    return extra is not None and Household.objects.filter(extra, pk=household.pk).exists()


supervises = is_supervising_social_worker | is_team_manager

rules.add_perm(
    "carers.view_household",
    works_with_carers & (in_recruiting_agency | related_through_a_match),
)
rules.add_perm("carers.add_household", works_with_carers & supervises)
rules.add_perm("carers.change_household", works_with_carers & in_recruiting_agency & supervises)
# anonymised profiles (no names, no postcode) for family finders of any organisation
rules.add_perm("carers.view_profiles", works_with_carers)
rules.add_perm("carers.view_sufficiency", works_with_carers)
