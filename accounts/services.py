"""Writes to organisations, teams, users and memberships."""

from django.core.exceptions import ValidationError
from django.db import transaction

from .errors import Errors
from .models import Membership, Organisation, OrganisationKind, Role, RoleChange, Team, User

OWN_ROLES = "You cannot give yourself a role or change your own roles: ask another admin"
NOT_ADMINISTERED = "Choose a person in your own organisation"


@transaction.atomic
def organisation_create(*, kind: OrganisationKind, name: str, code: str) -> Organisation:
    """Create an organisation (LA, RAA or VAA)."""
    organisation = Organisation(kind=kind, name=name, code=code)
    organisation.full_clean()
    organisation.save()
    return organisation


@transaction.atomic
def team_create(*, organisation: Organisation, name: str) -> Team:
    """Create a team in an organisation."""
    team = Team(organisation=organisation, name=name)
    team.full_clean()
    team.save()
    return team


@transaction.atomic
def user_create(
    *,
    username: str,
    organisation: Organisation,
    first_name: str,
    last_name: str,
    email: str = "",
    password: str | None = None,
    job_title: str = "",
) -> User:
    """Create a user of an organisation; with no password they cannot sign in until one is set."""
    user = User(
        username=username,
        organisation=organisation,
        first_name=first_name,
        last_name=last_name,
        email=email,
        job_title=job_title,
    )
    if password:
        user.set_password(password)
    else:
        user.set_unusable_password()
    user.full_clean(exclude=["password"])
    user.save()
    return user


def membership_change_errors(*, by: User | None, user: User) -> Errors:
    """May ``by`` give ``user`` a role, change or take one away? Separation of duties: never
    their own (an admin would open every child's record), never a system superuser's, only
    their own organisation's people. ``by`` None is a script (the demo, a data load)."""
    errors = Errors()
    if by is None or by.is_superuser:
        return errors
    if user.pk == by.pk:
        errors.add("user", OWN_ROLES)
    elif user.is_superuser or user.organisation_id != by.organisation_id:
        errors.add("user", NOT_ADMINISTERED)
    return errors


def role_change_record(
    *, user: User, team: Team, role: str, action: RoleChange.Action, by: User | None
) -> RoleChange:
    """Keep a role given or taken away, with who did it (shown to the organisation's admins)."""
    return RoleChange.objects.create(by=by, user=user, team=team, role=role, action=action)


@transaction.atomic
def membership_grant(*, user: User, team: Team, role: Role, by: User | None = None) -> Membership:
    """Give a user a role in a team of their own organisation."""
    membership_change_errors(by=by, user=user).raise_any()
    if team.organisation_id != user.organisation_id:
        raise ValidationError(
            {"team": "Choose a team in the user's own organisation"}, code="other_organisation"
        )
    membership, created = Membership.objects.get_or_create(user=user, team=team, role=role)
    if created:
        role_change_record(
            user=user, team=team, role=role, action=RoleChange.Action.GRANTED, by=by
        )
    if role == Role.ADMIN and not user.is_staff:
        # Admins configure the service in the Django admin, which asks for staff status.
        user.is_staff = True
        user.save(update_fields=["is_staff"])
    user.__dict__.pop("_roles_cache", None)
    return membership


@transaction.atomic
def membership_revoke(*, membership: Membership, by: User | None = None) -> None:
    """Take a role away from a user (kept in the role changes)."""
    membership_change_errors(by=by, user=membership.user).raise_any()
    role_change_record(
        user=membership.user,
        team=membership.team,
        role=membership.role,
        action=RoleChange.Action.REMOVED,
        by=by,
    )
    membership.delete()
    membership.user.__dict__.pop("_roles_cache", None)
