"""Reads of organisations, teams and people, scoped to what the user may see."""

from django.db.models import Prefetch, QuerySet

from .models import Membership, Team, User


def team_list_for_user(*, user: User) -> QuerySet[Team]:
    """The teams of the user's own organisation, with their member counts."""
    if user.is_superuser and user.organisation_id is None:
        return Team.objects.select_related("organisation")
    return Team.objects.filter(organisation_id=user.organisation_id).select_related("organisation")


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
