"""Who may see and change a child's record. Built on the predicates of ``accounts.rules``.

A user sees a child through a relationship: their local authority is responsible for the child,
their agency has the child referred to it, or a relationship that a higher app registers in
``children.extensions.visibility`` (a family time session, an allocated review). Users who
only administer the service (the admin role) and system superusers do not read case records
through the pages.
"""

import rules

from accounts.models import Role
from accounts.rules import is_iro, is_social_worker, is_team_manager

CASE_ROLES = [r for r in Role.values if r != Role.ADMIN]
# issue 12 item 4: a family time worker sees a child only through a family time session or plan
# (``family_time`` registers it in ``children.extensions.visibility``), not every child of the
# authority; every other case role sees the children of its organisation
ORGANISATION_ROLES = [r for r in CASE_ROLES if r != Role.FAMILY_TIME_WORKER]


@rules.predicate
def works_with_children(user) -> bool:
    return bool(user.is_authenticated and user.organisation_id and user.has_role(*CASE_ROLES))


@rules.predicate
def sees_organisation_children(user) -> bool:
    """Holds a role that sees the children of its organisation (a family time worker alone
    sees only the children of their sessions)."""
    return bool(user.is_authenticated and user.has_role(*ORGANISATION_ROLES))


@rules.predicate
def in_responsible_authority(user, child) -> bool:
    return child is not None and user.organisation_id == child.responsible_authority_id


@rules.predicate
def in_referred_agency(user, child) -> bool:
    return (
        child is not None
        and child.referred_to_id is not None
        and user.organisation_id == child.referred_to_id
    )


@rules.predicate
def related_through_another_record(user, child) -> bool:
    """A relationship that a higher app registered (``children.extensions.visibility``): a
    family time session, an allocated review. One query, and only for a user it concerns."""
    from .extensions import extra_visibility
    from .models import Child

    if child is None:
        return False
    extra = extra_visibility(user)
    return extra is not None and Child.objects.filter(extra, pk=child.pk).exists()


@rules.predicate
def in_case_team(user, child) -> bool:
    """The child's own team, allocated social worker or IRO (for family contact details)."""
    if child is None:
        return False
    if user.pk in (child.social_worker_id, child.iro_id):
        return True
    return user.memberships.filter(team_id=child.team_id).exists()


@rules.predicate
def record_open(user, child) -> bool:
    """An archived record is kept to be read, not changed."""
    return child is not None and child.archived_at is None


@rules.predicate
def in_local_authority(user) -> bool:
    return bool(user.organisation_id) and user.organisation.kind == "la"


can_view_child = works_with_children & (
    (sees_organisation_children & (in_responsible_authority | in_referred_agency))
    | related_through_another_record
)
case_worker = is_social_worker | is_team_manager
edits_case = in_responsible_authority & record_open & case_worker

rules.add_perm("children.view_child", can_view_child)
rules.add_perm("children.add_child", works_with_children & in_local_authority & case_worker)
rules.add_perm("children.change_child", edits_case)
rules.add_perm("children.archive_child", in_responsible_authority & record_open & is_team_manager)
rules.add_perm("children.view_family_contact_details", can_view_child & in_case_team)
# looked-after reviews: the IRO records outcomes; the social worker and manager schedule
rules.add_perm(
    "children.record_review", in_responsible_authority & record_open & (is_iro | case_worker)
)
# the outcome of a review is the IRO's to record (DESIGN: IROs record review outcomes)
rules.add_perm("children.record_review_outcome", in_responsible_authority & record_open & is_iro)
rules.add_perm("children.raise_iro_concern", in_responsible_authority & record_open & is_iro)
# only the IRO decides an IRO concern is resolved (CA 1989 s.25B; the IRO Handbook); a team
# manager records the authority's response
rules.add_perm("children.resolve_iro_concern", in_responsible_authority & record_open & is_iro)
rules.add_perm(
    "children.respond_to_iro_concern", in_responsible_authority & record_open & is_team_manager
)
# DESIGN.md "Access": an agency the child is referred to reads what family finding needs, not
# the case notes: only the responsible authority's staff read them
rules.add_perm(
    "children.view_case_notes",
    works_with_children & sees_organisation_children & in_responsible_authority,
)
rules.add_perm(
    "children.add_case_note", in_responsible_authority & record_open & (is_iro | case_worker)
)

# The Django admin for children's records uses Django's model permissions (superusers, or staff
# given them explicitly): case data is not part of an organisation admin's job.

# the retention review when a record's retention period ends (LAW.md "Records and words"): a
# team manager of the responsible authority, archived records included (they are what it is for)
rules.add_perm("children.review_retention", in_responsible_authority & is_team_manager)
# issue 9 item 6: the baby's health is special category data (UK GDPR art. 9): shown only to
# those who may see the child's record (a rule of its own, so that a narrower rule is one line)
rules.add_perm("children.view_health", can_view_child)
# issue 9 item 10: a manual Standards mark is verified by a team manager or the IRO
rules.add_perm(
    "children.verify_standard",
    in_responsible_authority & record_open & (is_team_manager | is_iro),
)
