"""Writes to organisations, teams, users and memberships."""

from django.core.exceptions import ValidationError
from django.db import transaction

from .models import Membership, Organisation, OrganisationKind, Role, Team, User


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


@transaction.atomic
def membership_grant(*, user: User, team: Team, role: Role) -> Membership:
    """Give a user a role in a team of their own organisation."""
    if team.organisation_id != user.organisation_id:
        raise ValidationError(
            {"team": "Choose a team in the user's own organisation"}, code="other_organisation"
        )
    membership, _ = Membership.objects.get_or_create(user=user, team=team, role=role)
    if role == Role.ADMIN and not user.is_staff:
        # Admins configure the service in the Django admin, which asks for staff status.
        user.is_staff = True
        user.save(update_fields=["is_staff"])
    user.__dict__.pop("_roles_cache", None)
    return membership
