"""Reads of organisations, teams and people, scoped to what the user may see."""

from dataclasses import dataclass
from datetime import timedelta

from django.db.models import (
    Case,
    CharField,
    Exists,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
    Value,
    When,
)
from django.db.models.functions import Concat
from django.urls import reverse

from .clock import now
from .models import Membership, Role, RoleChange, Team, User


def team_list_for_user(*, user: User) -> QuerySet[Team]:
    """The teams of the user's own organisation, with their member counts."""
    if user.is_superuser and user.organisation_id is None:
        return Team.objects.select_related("organisation")
    return Team.objects.filter(organisation_id=user.organisation_id).select_related("organisation")


@dataclass(frozen=True)
class TeamLink:
    name: str
    href: str
    organisation: str  # shown to a system administrator, who sees every organisation's teams


def team_links_for_user(*, user: User) -> list[TeamLink]:
    """The team list's rows: each team's name and address, in one query of plain values.

    A large authority has ~100 teams: building a model instance and its organisation for each,
    and reversing the URL in the template for each, was most of the page's time.
    """
    rows = team_list_for_user(user=user).values_list("pk", "name", "organisation__name")
    return [
        TeamLink(name=name, href=reverse("accounts:team_detail", args=[pk]), organisation=org)
        for pk, name, org in rows
    ]


def team_detail_for_user(*, user: User) -> QuerySet[Team]:
    """Teams the user may open, each with its memberships and their users loaded."""
    return team_list_for_user(user=user).prefetch_related(
        Prefetch(
            "memberships",
            queryset=Membership.objects.select_related("user").order_by(
                "role", "user__last_name", "user__first_name"
            ),
        )
    )


def memberships_for_user(*, user: User) -> QuerySet[Membership]:
    """The roles the user holds, with their teams and organisations."""
    return user.memberships.select_related("team__organisation").order_by("role", "team__name")


# --- choosing a person (accounts/autocomplete.py and the people search endpoint) ------------
def person_label(user: User) -> str:
    return user.get_full_name() or user.username


def person_hint(user: User) -> str:
    """The person's teams, to tell two people of the same name apart (memberships prefetched)."""
    return ", ".join(sorted({m.team.name for m in user.memberships.all()}))


def people_matching(people: QuerySet[User], text: str) -> QuerySet[User]:
    """People whose names hold every word typed, the exact full name first."""
    words = text.split()[:5]
    if not words:
        return people.none()
    for word in words:
        people = people.filter(
            Q(first_name__icontains=word) | Q(last_name__icontains=word) | Q(username__iexact=word)
        )
    full_name = Concat("first_name", Value(" "), "last_name", output_field=CharField())
    return (
        people.annotate(_full_name=full_name)
        .annotate(
            _exact=Case(
                When(Q(username__iexact=text) | Q(_full_name__iexact=text), then=Value(0)),
                default=Value(1),
            )
        )
        .order_by("_exact", "last_name", "first_name", "pk")
    )


def people_of(
    *, organisation_id: int | None, role: str = "", also: int | None = None
) -> QuerySet[User]:
    """The active people of an organisation (holding ``role``, if given), teams loaded.

    ``also`` keeps one more person whatever their state: whoever is allocated already (a worker
    who has left stays until someone else is chosen: saving must not clear it silently).
    """
    people = Q(organisation_id=organisation_id, is_active=True)
    if role:
        people &= Q(
            pk__in=Membership.objects.filter(
                role=role, team__organisation_id=organisation_id
            ).values("user_id")
        )
    if also:
        people |= Q(pk=also)
    return User.objects.filter(people).prefetch_related(
        Prefetch("memberships", queryset=Membership.objects.select_related("team"))
    )


def people_search(*, user: User, text: str, role: str = "", limit: int = 10) -> list[User]:
    """Up to ``limit`` people of the user's organisation matching the text; own teams first."""
    if not text.strip() or user.organisation_id is None:
        return []
    own_teams = Membership.objects.filter(user=user).values("team_id")
    in_own_team = Exists(Membership.objects.filter(user_id=OuterRef("pk"), team_id__in=own_teams))
    people = people_matching(people_of(organisation_id=user.organisation_id, role=role), text)
    return list(
        people.annotate(_own_team=in_own_team).order_by(
            "_exact", "-_own_team", "last_name", "first_name", "pk"
        )[:limit]
    )


ROLE_CHANGES_SHOWN = 10
ROLE_CHANGES_DAYS = 30


def recent_role_changes(*, user: User) -> list[RoleChange] | None:
    """For an organisation's admins: the roles given and taken away in their organisation in
    the last 30 days (newest first), so that each grant is seen by the other admins. None for
    anyone else."""
    if user.organisation_id is None or not user.has_role(Role.ADMIN):
        return None
    since = now() - timedelta(days=ROLE_CHANGES_DAYS)
    return list(
        RoleChange.objects.filter(team__organisation_id=user.organisation_id, at__gte=since)
        .select_related("user", "team", "by")
        .order_by("-at", "-pk")[:ROLE_CHANGES_SHOWN]
    )


def users_for_admin(*, user: User) -> QuerySet[User]:
    """People whose account this user may look at as an admin: their own organisation's
    (a system administrator: everyone). Anyone else's answers 404."""
    if user.is_superuser:
        return User.objects.select_related("organisation")
    if user.organisation_id is None:
        return User.objects.none()
    return User.objects.filter(organisation_id=user.organisation_id, is_superuser=False)
