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


class FetchSite(models.TextChoices):
    """The browser's ``Sec-Fetch-Site`` header: where the request that opened a page came from.

    A link on another site opens a page as ``cross-site`` (the session cookie is sent on a top-
    level GET), so an access log row with it may be a view planted in the user's name.
    """

    SAME_ORIGIN = "same-origin", "This service"
    SAME_SITE = "same-site", "Another service on the same site"
    CROSS_SITE = "cross-site", "Another site"
    NONE = "none", "Typed or bookmarked"
    UNKNOWN = "", "Not sent"

    @classmethod
    def of(cls, request) -> str:
        """The request's header, kept only when it is one a browser sends."""
        value = request.META.get("HTTP_SEC_FETCH_SITE", "").strip().lower()
        return value if value in cls.values else cls.UNKNOWN


class RefusedAccess(models.Model):
    """A signed-in user was refused a record's URL: 403 (not theirs to open) or 404 (not in
    their organisation, or no such record). Ids only: the path names records by number, the
    query string (which may hold a search for a name) is never kept."""

    class Outcome(models.IntegerChoices):
        FORBIDDEN = 403, "Refused (403)"
        NOT_FOUND = 404, "Not found (404)"

    user = models.ForeignKey(User, on_delete=models.PROTECT, related_name="+")
    at = models.DateTimeField(auto_now_add=True)
    method = models.CharField(max_length=10)
    path = models.CharField(max_length=300)
    outcome = models.PositiveSmallIntegerField(choices=Outcome.choices)
    fetch_site = models.CharField(max_length=11, choices=FetchSite.choices, blank=True)

    class Meta:
        ordering = ["-at"]
        indexes = [models.Index(fields=["user", "-at"])]
        verbose_name_plural = "refused accesses"

    def __str__(self) -> str:
        return f"user {self.user_id} refused {self.outcome} at {self.at:%Y-%m-%d %H:%M}"


class RoleChange(models.Model):
    """A role given to or taken from a user (separation of duties, issue 15 item 4).

    An organisation's admin gives case roles, which open every child's record; so every grant
    is kept, with who made it, and shown to the organisation's admins (their home page and the
    admin), where a grant to an admin's second account or a colleague's friend is seen.
    """

    class Action(models.TextChoices):
        GRANTED = "granted", "Given"
        REMOVED = "removed", "Taken away"

    at = models.DateTimeField(auto_now_add=True)
    # empty: set up by a script (the demo data, a data load), not by a person in the admin
    by = models.ForeignKey(User, on_delete=models.PROTECT, null=True, blank=True, related_name="+")
    user = models.ForeignKey(User, on_delete=models.PROTECT, related_name="role_changes")
    team = models.ForeignKey(Team, on_delete=models.PROTECT, related_name="+")
    role = models.CharField(max_length=40, choices=Role.choices)
    action = models.CharField(max_length=10, choices=Action.choices)

    class Meta:
        ordering = ["-at", "-pk"]
        indexes = [models.Index(fields=["team", "-at"])]

    def __str__(self) -> str:
        return (
            f"{self.get_role_display()} {self.get_action_display().lower()} at {self.at:%Y-%m-%d}"
        )

    @property
    def is_case_role(self) -> bool:
        return self.role != Role.ADMIN


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
