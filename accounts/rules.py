"""The access rules, in one place (DESIGN.md "Access").

Views, the Django admin and the journey state machine all ask these rules, through Django's
permission API (``user.has_perm("accounts.view_team", team)``) or by calling the predicates.
Higher apps add their own permissions in their ``rules.py`` built from the predicates here, so that
the rules about roles and organisations are written once.

``rules.apps.AutodiscoverRulesConfig`` imports every app's ``rules.py`` at start-up.
"""

import rules

from .models import Role


def _role_predicate(*roles: str):
    name = "has_role:" + "|".join(roles)

    @rules.predicate(name=name)
    def predicate(user) -> bool:
        return bool(user and user.is_authenticated and user.is_active and user.has_role(*roles))

    return predicate


is_social_worker = _role_predicate(Role.SOCIAL_WORKER)
is_team_manager = _role_predicate(Role.TEAM_MANAGER)
is_iro = _role_predicate(Role.IRO)
is_nominated_officer = _role_predicate(Role.NOMINATED_OFFICER)
is_agency_decision_maker = _role_predicate(Role.AGENCY_DECISION_MAKER)
is_supervising_social_worker = _role_predicate(Role.SUPERVISING_SOCIAL_WORKER)
is_family_time_worker = _role_predicate(Role.FAMILY_TIME_WORKER)
is_org_admin = _role_predicate(Role.ADMIN)


@rules.predicate
def is_superuser(user) -> bool:
    return bool(user and user.is_active and user.is_superuser)


def organisation_id_of(obj) -> int | None:
    """The organisation that an organisation, team, user or membership belongs to."""
    from .models import Membership, Organisation

    if isinstance(obj, Organisation):
        return obj.pk
    if isinstance(obj, Membership):
        return obj.team.organisation_id
    return getattr(obj, "organisation_id", None)


@rules.predicate
def in_same_organisation(user, obj) -> bool:
    """The object belongs to the user's own organisation."""
    if obj is None or not user.is_authenticated or user.organisation_id is None:
        return False
    return organisation_id_of(obj) == user.organisation_id


@rules.predicate
def own_organisation_or_list(user, obj) -> bool:
    """Admin screens: the list (narrowed by the queryset) or a record of the own organisation."""
    return obj is None or in_same_organisation(user, obj)


@rules.predicate
def target_is_superuser(user, obj) -> bool:
    return bool(getattr(obj, "is_superuser", False))


can_administer = is_superuser | is_org_admin
# a system administrator is managed only by another (an organisation's admin could otherwise
# reset their password and take over the whole service)
administers = is_superuser | (is_org_admin & own_organisation_or_list & ~target_is_superuser)

# Teams: anyone in the organisation sees its teams; admins of the organisation manage them.
rules.add_perm("accounts.view_team", administers | in_same_organisation)
rules.add_perm("accounts.add_team", can_administer)
rules.add_perm("accounts.change_team", administers)
rules.add_perm("accounts.delete_team", is_superuser)

# Users: an organisation's admin manages its own people; only a superuser touches
# organisations themselves.
rules.add_perm("accounts.view_user", administers)
rules.add_perm("accounts.add_user", can_administer)
rules.add_perm("accounts.change_user", administers)
rules.add_perm("accounts.delete_user", is_superuser)  # people are deactivated, not deleted


def _membership_user(obj):
    """The person a membership is about: the membership's user, or the user itself (the
    admin's inline of memberships asks about the user whose page it is on)."""
    from .models import Membership

    return obj.user if isinstance(obj, Membership) else obj


@rules.predicate
def membership_user_administered(user, obj) -> bool:
    """The rule follows ``membership.user`` (not the team): a person of the admin's own
    organisation, never a system superuser, never the admin themselves (separation of duties:
    an admin who gave themselves a case role would open every child's record)."""
    if obj is None:
        return True
    target = _membership_user(obj)
    return (
        target.organisation_id == user.organisation_id
        and not target.is_superuser
        and target.pk != user.pk
    )


@rules.predicate
def membership_user_visible(user, obj) -> bool:
    """An admin sees the memberships of their own organisation's people, their own included."""
    if obj is None:
        return True
    target = _membership_user(obj)
    return target.organisation_id == user.organisation_id and not target.is_superuser


# Memberships: an admin gives and takes away roles of their own people, never their own.
rules.add_perm("accounts.view_membership", is_superuser | (is_org_admin & membership_user_visible))
rules.add_perm("accounts.add_membership", can_administer)  # whose: the form's rule (services)
rules.add_perm(
    "accounts.change_membership", is_superuser | (is_org_admin & membership_user_administered)
)
rules.add_perm(
    "accounts.delete_membership", is_superuser | (is_org_admin & membership_user_administered)
)
rules.add_perm("accounts.view_organisation", administers)
rules.add_perm("accounts.add_organisation", is_superuser)
# an organisation's admin changes one thing of their own organisation: whether everyone needs a
# second factor (the admin shows the rest read-only to them)
rules.add_perm("accounts.change_organisation", administers)
rules.add_perm("accounts.delete_organisation", is_superuser)
# resets of a second factor: a record the organisation's admins read (accounts.second_factor)
rules.add_perm("accounts.view_secondfactorreset", administers)
# The admin site's app index asks for this.
rules.add_perm("accounts", can_administer)


@rules.predicate
def refusal_of_own_organisation_or_list(user, obj) -> bool:
    """A refused access by a user of the admin's own organisation (or the narrowed list)."""
    return obj is None or obj.user.organisation_id == user.organisation_id


# Refused accesses (accounts.audit): an organisation's admins see their own people's; read-only.
rules.add_perm(
    "accounts.view_refusedaccess",
    is_superuser | (is_org_admin & refusal_of_own_organisation_or_list),
)


@rules.predicate
def role_change_of_own_organisation_or_list(user, obj) -> bool:
    return obj is None or obj.team.organisation_id == user.organisation_id


# Role changes (who gave whom which role): every admin of the organisation sees them all.
rules.add_perm(
    "accounts.view_rolechange",
    is_superuser | (is_org_admin & role_change_of_own_organisation_or_list),
)
