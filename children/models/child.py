"""The child: identity, legal status, who is responsible and allocated, and sibling links."""

from datetime import date, timedelta

from django.conf import settings
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.core.validators import RegexValidator
from django.db import models
from django.db.models import F, Q
from django.db.models.functions import Lower
from simple_history.models import HistoricalRecords

from accounts.clock import today as england_today
from accounts.dates import add_months, not_before, not_in_future
from accounts.errors import Errors
from accounts.models import FetchSite, Organisation, Team, TimeStampedModel

from .codes import Ethnicity, Route, Sex, YesNoUnknown

MAX_MONTHS_TO_DELIVERY = 10
# a baby not yet recorded as born may be a little overdue (induction is usually offered by 42
# weeks); an expected date further back is a typing error or a birth not yet recorded
MAX_WEEKS_OVERDUE = 4
DEATH_BEFORE_BIRTH = "Date of death must be on or after the date of birth"
CHILD_ID_TAKEN = "Another child already has this local authority child ID"
CHILD_ID_CHARACTERS = (
    "Local authority child ID must only include letters a to z, numbers, forward slashes (/), "
    "underscores (_) and hyphens (-)"
)
# The ID names files and headers (the chronology download): no space, quote or line break can
# reach them. Case management systems' IDs are letters, digits and these separators.
child_id_validator = RegexValidator(
    r"\A[A-Za-z0-9/_-]+\Z", message=CHILD_ID_CHARACTERS, code="child_id_characters"
)


class SiblingPlacement(models.TextChoices):
    TOGETHER = "together", "Placed together"
    APART = "apart", "Placed apart"
    PARTLY = "partly", "Some together, some apart"
    NOT_DECIDED = "not_decided", "Not yet decided"


class SiblingGroup(TimeStampedModel):
    """Brothers and sisters known to the authority, and whether they are placed together."""

    responsible_authority = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, related_name="sibling_groups"
    )
    name = models.CharField(
        max_length=200, help_text="A label the team uses, e.g. the family's case reference."
    )
    placement = models.CharField(
        max_length=20, choices=SiblingPlacement.choices, default=SiblingPlacement.NOT_DECIDED
    )
    reason = models.TextField(
        blank=True, help_text="Why the siblings are placed together or apart."
    )
    other_siblings = models.TextField(
        blank=True,
        help_text="Brothers and sisters not in this service (their age, where they live).",
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    def clean(self):
        # a decision to separate brothers and sisters is recorded with its reason (LAW.md, ASGLB
        # permanence items: siblings placed together or apart)
        if (
            self.placement in (SiblingPlacement.APART, SiblingPlacement.PARTLY)
            and not (self.reason or "").strip()
        ):
            raise ValidationError(
                {"reason": "Enter why the brothers and sisters are placed apart"}
            )


class ChildQuerySet(models.QuerySet):
    def active(self):
        return self.filter(archived_at__isnull=True)


class Child(TimeStampedModel):
    """A child (or an unborn baby) considered for early permanence."""

    # identity
    legal_name = models.CharField(
        max_length=200,
        help_text="Full legal name. For an unborn baby, how the family is referred to "
        "(e.g. 'Unborn baby of A. Parent').",
    )
    known_as = models.CharField(max_length=100, blank=True)
    expected_delivery_date = models.DateField(null=True, blank=True)
    date_of_birth = models.DateField(null=True, blank=True)
    # what the record is kept for after a death before 18 (LAW.md "Records and words", CPR
    # reg 50(2)(b): 15 years after the death; children.retention)
    date_of_death = models.DateField("date of death", null=True, blank=True)
    sex = models.CharField(max_length=1, choices=Sex.choices, blank=True)
    ethnicity = models.CharField(max_length=4, choices=Ethnicity.choices, default=Ethnicity.NOBT)
    religion = models.CharField(max_length=100, blank=True)
    first_language = models.CharField(max_length=100, blank=True)
    disability = models.CharField(
        max_length=10, choices=YesNoUnknown.choices, default=YesNoUnknown.UNKNOWN
    )
    health_needs = models.TextField(
        blank=True, help_text="Disability, health and developmental needs, now and anticipated."
    )
    la_child_id = models.CharField(
        "local authority child ID",
        max_length=50,
        validators=[child_id_validator],
        help_text="The ID in the case management system.",
    )

    # responsibility and allocation
    responsible_authority = models.ForeignKey(
        Organisation,
        on_delete=models.PROTECT,
        related_name="children",
        limit_choices_to={"kind": "la"},
    )
    referred_to = models.ForeignKey(
        Organisation,
        on_delete=models.PROTECT,
        related_name="referred_children",
        null=True,
        blank=True,
        help_text="The regional or voluntary adoption agency the child is referred to.",
    )
    team = models.ForeignKey(Team, on_delete=models.PROTECT, related_name="children")
    social_worker = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="allocated_children",
        null=True,
        blank=True,
    )
    iro = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="IRO",
        on_delete=models.PROTECT,
        related_name="reviewed_children",
        null=True,
        blank=True,
    )
    route = models.CharField("route into early permanence", max_length=20, choices=Route.choices)
    identified_on = models.DateField(
        "date identified for early permanence",
        default=date.today,
        help_text="When the child was first identified as someone who could benefit from EP.",
    )

    # siblings
    sibling_group = models.ForeignKey(
        SiblingGroup, on_delete=models.SET_NULL, null=True, blank=True, related_name="children"
    )

    # records are archived, never deleted (retention until the 75th birthday)
    archived_at = models.DateTimeField(null=True, blank=True)
    archived_reason = models.CharField(max_length=300, blank=True)

    history = HistoricalRecords(excluded_fields=["updated_at"])
    objects = ChildQuerySet.as_manager()

    class Meta:
        ordering = ["legal_name"]
        verbose_name_plural = "children"
        constraints = [
            models.CheckConstraint(
                condition=Q(date_of_birth__isnull=False) | Q(expected_delivery_date__isnull=False),
                name="child_has_birth_or_expected_date",
            ),
            # a death is on or after the birth, and only a born child has one
            models.CheckConstraint(
                condition=Q(date_of_death__isnull=True)
                | Q(date_of_birth__isnull=False, date_of_death__gte=F("date_of_birth")),
                name="child_death_on_or_after_birth",
                violation_error_message=DEATH_BEFORE_BIRTH,
            ),
            # "nm-1" and "NM-1" are the same child ID in the case management system
            models.UniqueConstraint(
                Lower("la_child_id"),
                "responsible_authority",
                name="child_id_unique_case_insensitive",
                violation_error_code="child_id_taken",
                violation_error_message=CHILD_ID_TAKEN,
            ),
        ]
        indexes = [
            # the children list's order, per organisation: its keyset pages are index ranges
            # (children.selectors.child.child_list_page); name search has GIN trigram indexes,
            # PostgreSQL only, in migration 0004
            models.Index(
                fields=["responsible_authority", "legal_name", "id"], name="child_list_la_idx"
            ),
            models.Index(fields=["social_worker"]),
            # "my team's children" in the list's order (a team's children are a range of it;
            # the plain team index it replaces served only the filter, then sorted)
            models.Index(fields=["team", "legal_name", "id"], name="child_list_team_idx"),
            models.Index(fields=["referred_to", "legal_name", "id"], name="child_list_agency_idx"),
        ]

    def __str__(self) -> str:
        return self.display_name

    @property
    def display_name(self) -> str:
        if self.known_as and self.known_as not in self.legal_name:
            return f"{self.legal_name} ({self.known_as})"
        return self.legal_name

    @property
    def is_unborn(self) -> bool:
        return self.date_of_birth is None

    @property
    def organisation_id(self) -> int:
        """The organisation that owns the record, for the access rules."""
        return self.responsible_authority_id

    def validate_constraints(self, exclude=None):
        """The child ID's constraint is on an expression, so Django reports it for the whole
        record: put it on the child ID, where the page shows it beside what was typed."""
        try:
            super().validate_constraints(exclude=exclude)
        except ValidationError as error:
            errors = error.update_error_dict({})
            whole = errors.get(NON_FIELD_ERRORS, [])
            taken = [e for e in whole if getattr(e, "code", None) == "child_id_taken"]
            if taken:
                errors[NON_FIELD_ERRORS] = [e for e in whole if e not in taken]
                if not errors[NON_FIELD_ERRORS]:
                    del errors[NON_FIELD_ERRORS]
                errors.setdefault("la_child_id", []).extend(taken)
            raise ValidationError(errors) from error

    def clean(self):
        today = england_today()
        errors = Errors()
        not_in_future(errors, "date_of_birth", self.date_of_birth, "Date of birth", today)
        if self.date_of_birth is None and self.expected_delivery_date is None:
            errors.add(
                "expected_delivery_date",
                "Enter the expected date of delivery for an unborn baby, or the date of birth",
            )
        if (
            self.expected_delivery_date
            and self.date_of_birth is None
            and self.expected_delivery_date < today - timedelta(weeks=MAX_WEEKS_OVERDUE)
        ):
            errors.add(
                "expected_delivery_date",
                "Expected date of delivery must be in the future, or no more than "
                f"{MAX_WEEKS_OVERDUE} weeks ago: if the baby has been born, enter the date of "
                "birth",
            )
        if (
            self.expected_delivery_date
            and self.date_of_birth is None
            and self.expected_delivery_date > add_months(today, MAX_MONTHS_TO_DELIVERY)
        ):
            errors.add(
                "expected_delivery_date",
                f"Expected date of delivery must be within {MAX_MONTHS_TO_DELIVERY} months "
                "of today",
            )
        not_in_future(errors, "identified_on", self.identified_on, "Date identified", today)
        not_in_future(errors, "date_of_death", self.date_of_death, "Date of death", today)
        not_before(
            errors, "date_of_death", self.date_of_death, self.date_of_birth, DEATH_BEFORE_BIRTH
        )
        if self.date_of_death is not None and self.date_of_birth is None:
            errors.add("date_of_death", "Enter the date of birth before the date of death")
        errors.raise_any()

    def _records(self, name: str):
        """The child's ``name`` records: the prefetched ones when loaded, else a query."""
        cache = getattr(self, "_prefetched_objects_cache", {})
        return list(cache[name]) if name in cache else list(getattr(self, name).all())

    def current_care_period(self):
        """The open period of care (None when the child is not looked after)."""
        open_ = [period for period in self._records("care_periods") if period.ended_on is None]
        return max(open_, key=lambda period: period.started_on, default=None)

    @property
    def looked_after_since(self) -> date | None:
        """The day the child became looked after in the current period of care (None when not
        looked after): what the first looked-after review is counted from (CPR reg 33)."""
        period = self.current_care_period()
        return period.started_on if period else None

    @property
    def current_legal_status(self):
        """The legal status period not yet ended (None when there is none)."""
        open_ = [period for period in self._records("legal_statuses") if period.ends_on is None]
        return max(open_, key=lambda period: (period.starts_on, period.pk), default=None)

    def legal_status_on(self, day: date):
        """The legal status period in force on a day (None when there is none)."""
        periods = [
            period
            for period in self._records("legal_statuses")
            if period.starts_on <= day and (period.ends_on is None or day < period.ends_on)
        ]
        return max(periods, key=lambda period: (period.starts_on, period.pk), default=None)

    def age_on(self, day: date) -> tuple[int, int] | None:
        """(years, months) on a day, or None for an unborn child."""
        if self.date_of_birth is None:
            return None
        months = (day.year - self.date_of_birth.year) * 12 + day.month - self.date_of_birth.month
        if day.day < self.date_of_birth.day:
            months -= 1
        return divmod(max(months, 0), 12)


class ChildAccessLog(models.Model):
    """Every view of a child's record (special category data, UK GDPR accountability)."""

    child = models.ForeignKey(Child, on_delete=models.PROTECT, related_name="access_log")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    viewed_at = models.DateTimeField(auto_now_add=True)
    path = models.CharField(max_length=300)
    # where the view came from: "cross-site" marks a view a link on another site may have
    # planted in the user's name (their session cookie goes with a top-level GET)
    fetch_site = models.CharField(
        "Sec-Fetch-Site", max_length=11, choices=FetchSite.choices, blank=True
    )

    class Meta:
        ordering = ["-viewed_at"]
        indexes = [models.Index(fields=["child", "-viewed_at"])]

    def __str__(self) -> str:
        return f"{self.user} viewed child {self.child_id} at {self.viewed_at:%Y-%m-%d %H:%M}"
