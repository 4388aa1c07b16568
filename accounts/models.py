"""The ground floor: organisations, teams, users and the roles they hold."""

from django.conf import settings
from django.contrib.auth.models import AbstractUser
from django.core.exceptions import ValidationError
from django.db import models


class TimeStampedModel(models.Model):
    """Who created and last changed a record, and when. Every domain model builds on this."""

    created_at = models.DateTimeField(auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    updated_at = models.DateTimeField(auto_now=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )

    class Meta:
        abstract = True


class OrganisationKind(models.TextChoices):
    LOCAL_AUTHORITY = "la", "Local authority"
    REGIONAL_ADOPTION_AGENCY = "raa", "Regional adoption agency"
    VOLUNTARY_ADOPTION_AGENCY = "vaa", "Voluntary adoption agency"


class Organisation(models.Model):
    kind = models.CharField(max_length=3, choices=OrganisationKind.choices)
    name = models.CharField(max_length=200, unique=True)
    code = models.CharField(
        max_length=20,
        unique=True,
        help_text="Short code, e.g. the DfE LA code (three digits) or an agency reference.",
    )
    # Admins and system administrators always need a second factor; this asks it of everyone
    # (docs/sign-in.md). People who sign in through the organisation's own identity provider
    # use its multi-factor authentication instead.
    require_second_factor = models.BooleanField(
        "Ask everyone for a second factor",
        default=False,
        help_text="Everyone in the organisation signs in with a code from an authenticator app "
        "as well as their password. Admins always do.",
    )

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Team(models.Model):
    organisation = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="teams")
    name = models.CharField(max_length=200)

    class Meta:
        ordering = ["organisation__name", "name"]
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "name"], name="team_name_unique_in_organisation"
            )
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.organisation.name})"


class Role(models.TextChoices):
    SOCIAL_WORKER = "social_worker", "Social worker"
    TEAM_MANAGER = "team_manager", "Team manager"
    IRO = "iro", "Independent Reviewing Officer"
    NOMINATED_OFFICER = "nominated_officer", "Nominated Officer"
    AGENCY_DECISION_MAKER = "agency_decision_maker", "Agency Decision Maker"
    SUPERVISING_SOCIAL_WORKER = "supervising_social_worker", "Supervising social worker"
    FAMILY_TIME_WORKER = "family_time_worker", "Family time worker"
    ADMIN = "admin", "Admin"


class User(AbstractUser):
    """A person who signs in. They belong to one organisation and hold roles in its teams."""

    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="users",
        help_text="Empty only for system administrators (superusers).",
    )
    job_title = models.CharField(max_length=200, blank=True)

    class Meta:
        ordering = ["last_name", "first_name", "username"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(organisation__isnull=False) | models.Q(is_superuser=True),
                name="user_has_organisation_unless_superuser",
            )
        ]

    def __str__(self) -> str:
        return self.get_full_name() or self.username

    @property
    def roles(self) -> frozenset[str]:
        """The roles this user holds in any of their teams (cached per request object)."""
        cached = getattr(self, "_roles_cache", None)
        if cached is None:
            cached = frozenset(self.memberships.values_list("role", flat=True))
            self._roles_cache = cached
        return cached

    def has_role(self, *roles: str) -> bool:
        return bool(self.roles.intersection(roles))


class Membership(models.Model):
    """A user holds a role in a team of their own organisation."""

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="memberships")
    team = models.ForeignKey(Team, on_delete=models.PROTECT, related_name="memberships")
    role = models.CharField(max_length=40, choices=Role.choices)

    class Meta:
        ordering = ["team__name", "role"]
        constraints = [
            models.UniqueConstraint(fields=["user", "team", "role"], name="membership_unique")
        ]

    def __str__(self) -> str:
        return f"{self.user} — {self.get_role_display()}, {self.team.name}"

    def clean(self):
        if (
            self.user_id
            and self.team_id
            and self.team.organisation_id != self.user.organisation_id
        ):
            raise ValidationError(
                {"team": "Choose a team in the user's own organisation"}, code="other_organisation"
            )


class SecondFactorReset(models.Model):
    """A lost or replaced authenticator app, reset by another admin: who, whose, when and why.

    A person never resets their own second factor (docs/sign-in.md): whoever holds only their
    password could otherwise swap in a device of their own.
    """

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="second_factor_resets")
    reset_by = models.ForeignKey(User, on_delete=models.PROTECT, related_name="+")
    reset_at = models.DateTimeField(auto_now_add=True)
    reason = models.TextField()

    class Meta:
        ordering = ["-reset_at"]
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(user=models.F("reset_by")),
                name="second_factor_reset_by_someone_else",
            )
        ]

    def __str__(self) -> str:
        return f"Second factor of {self.user_id} reset by {self.reset_by_id}"

    @property
    def organisation_id(self) -> int | None:
        """The access rules scope a reset by the organisation of the person it was about."""
        return self.user.organisation_id
