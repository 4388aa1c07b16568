"""Court: proceedings with the 26-week limit, hearings, directions and orders. Pre-proceedings are
in ``preproceedings``; consent, parental responsibility and section 20 in ``consent``."""

from datetime import date, timedelta

from django.db import models
from simple_history.models import HistoricalRecords

from accounts.models import TimeStampedModel

from .child import Child

STATUTORY_WEEKS = 26  # Children Act 1989 s.32(1)(a)


class ProceedingsKind(models.TextChoices):
    """What the application is for: the 26-week limit follows it (CA 1989 s.32(1)(a))."""

    CARE = "care", "Care order (Children Act 1989 s.31)"
    SUPERVISION = "supervision", "Supervision order (Children Act 1989 s.31)"
    CONTACT_S34 = "contact_s34", "Contact with a child in care (Children Act 1989 s.34)"
    DISCHARGE_S39 = "discharge_s39", "Discharge or variation (Children Act 1989 s.39)"
    PLACEMENT = "placement", "Placement order (Adoption and Children Act 2002 s.21, s.22)"
    ADOPTION = "adoption", "Adoption order (Adoption and Children Act 2002 s.46)"
    REVOCATION = "revocation", "Revocation of a placement order (Adoption and Children Act s.24)"
    SPECIAL_GUARDIANSHIP = "sgo", "Special guardianship order (Children Act 1989 s.14A)"
    CHILD_ARRANGEMENTS = "cao", "Child arrangements order (Children Act 1989 s.8)"


# CA 1989 s.32(1)(a), FPR 12.22: the 26-week limit is for applications under Part IV of the Act
# (care and supervision orders, and with them s.34 contact and s.39 discharge or variation);
# placement order and adoption applications have no statutory limit (LAW.md "Court")
TIME_LIMITED_KINDS = frozenset(
    {
        ProceedingsKind.CARE,
        ProceedingsKind.SUPERVISION,
        ProceedingsKind.CONTACT_S34,
        ProceedingsKind.DISCHARGE_S39,
    }
)
CARE_KINDS = frozenset({ProceedingsKind.CARE, ProceedingsKind.SUPERVISION})


class JudgeLevel(models.TextChoices):
    MAGISTRATES = "magistrates", "Lay justices (magistrates)"
    LEGAL_ADVISER = "legal_adviser", "Legal adviser"
    DISTRICT = "district", "District judge"
    CIRCUIT = "circuit", "Circuit judge"
    HIGH_COURT = "high_court", "High Court judge"


def last_day_of_26_weeks(issued_on: date) -> date:
    """CA 1989 s.32(1)(a)(ii): "26 weeks beginning with the day on which the application was
    issued" — the issue day is day 1, so the last day is issue + 181 days (2 Nov 2026 → 2 May
    2027)."""
    return issued_on + timedelta(days=STATUTORY_WEEKS * 7 - 1)


def extension_limit(*, end_in_force: date, granted_on: date) -> date:
    """CA 1989 s.32(5), (8): an extension ends no more than 8 weeks after the later of the end
    then in force and the day it is granted (ends 2 May 2027, granted 10 May → 5 July 2027)."""
    return max(end_in_force, granted_on) + timedelta(weeks=MAX_EXTENSION_WEEKS)


MAX_EXTENSION_WEEKS = 8  # CA 1989 s.32(8)


class Proceedings(TimeStampedModel):
    """An application before the court: care proceedings, a placement order application…"""

    child = models.ForeignKey(Child, on_delete=models.PROTECT, related_name="proceedings")
    kind = models.CharField(
        "kind of application",
        max_length=20,
        choices=ProceedingsKind.choices,
        default=ProceedingsKind.CARE,
    )
    court = models.CharField(max_length=200, help_text="e.g. Family Court sitting at …")
    case_number = models.CharField(max_length=50)
    issued_on = models.DateField("date proceedings were issued")
    concluded_on = models.DateField(null=True, blank=True)
    # the court's people (Std 1.6, 2.3: the IRO liaises with the children's guardian)
    judge_level = models.CharField(
        "level of judge", max_length=20, choices=JudgeLevel.choices, blank=True
    )
    childrens_guardian = models.CharField("children's guardian", max_length=200, blank=True)
    childs_solicitor = models.CharField("child's solicitor", max_length=200, blank=True)
    la_solicitor = models.CharField("local authority solicitor", max_length=200, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["-issued_on"]
        verbose_name_plural = "proceedings"
        constraints = [
            models.CheckConstraint(
                condition=models.Q(concluded_on__isnull=True)
                | models.Q(concluded_on__gte=models.F("issued_on")),
                name="proceedings_concluded_after_issue",
            )
        ]

    def __str__(self) -> str:
        return f"{self.case_number}, {self.court}"

    @property
    def has_time_limit(self) -> bool:
        """Whether the 26-week limit applies to this application (CA 1989 s.32(1)(a))."""
        return self.kind in TIME_LIMITED_KINDS

    @property
    def is_care(self) -> bool:
        return self.kind in CARE_KINDS

    def statutory_end(self) -> date:
        """The last day of the 26 weeks (issue + 181 days)."""
        return last_day_of_26_weeks(self.issued_on)

    def extensions_in_order(self) -> list:
        """The extensions in the order granted (uses the prefetched extensions)."""
        return sorted(self.extensions.all(), key=lambda e: (e.granted_on, e.ends_on, e.pk or 0))

    def end_in_force(self) -> date:
        """The last day of the time limit now: the 26 weeks, or the latest extension's end."""
        extensions = self.extensions_in_order()
        return extensions[-1].ends_on if extensions else self.statutory_end()

    def target_date(self) -> date:
        """The end in force (kept for callers that ask for "the" date)."""
        return self.end_in_force()

    def target_weeks(self) -> int:
        """The week the end in force falls in: 26, or more with extensions."""
        return self.week_on(self.end_in_force())

    def week_on(self, day: date) -> int:
        """The week of the proceedings a day falls in: the issue date is in week 1."""
        return (day - self.issued_on).days // 7 + 1

    def is_overdue_on(self, day: date) -> bool:
        """Past the end in force: from the day after its last day, while not concluded."""
        return self.has_time_limit and self.concluded_on is None and day > self.end_in_force()


class Extension(TimeStampedModel):
    """An extension of the 26-week time limit granted by the court (CA 1989 s.32(5)): the end
    date the court set, when and where it was granted."""

    proceedings = models.ForeignKey(
        Proceedings, on_delete=models.PROTECT, related_name="extensions"
    )
    granted_on = models.DateField("date the extension was granted")
    ends_on = models.DateField("date the extended time limit ends")
    hearing = models.ForeignKey(
        "Hearing",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="extensions",
        help_text="The hearing at which the court granted it.",
    )
    reason = models.TextField()

    history = HistoricalRecords()

    class Meta:
        ordering = ["granted_on", "ends_on"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ends_on__gte=models.F("granted_on")),
                name="extension_ends_on_or_after_grant",
            )
        ]

    def __str__(self) -> str:
        return f"Extension to {self.ends_on:%d/%m/%Y}"


class HearingKind(models.TextChoices):
    FIRST_ICO = "first_ico", "First hearing (interim care order)"
    URGENT_ICO = "urgent_ico", "Urgent interim care order hearing"
    CMH = "cmh", "Case management hearing"
    FURTHER_CMH = "further_cmh", "Further case management hearing"
    IRH = "irh", "Issues resolution hearing"
    FINAL = "final", "Final hearing"
    PLACEMENT_DIRECTIONS = "placement_directions", "Placement order directions hearing"
    PLACEMENT_FINAL = "placement_final", "Placement order final hearing"
    ADOPTION_DIRECTIONS = "adoption_directions", "Adoption directions hearing"
    ADOPTION_FINAL = "adoption_final", "Adoption final hearing"
    # ACA 2002 s.47(3), (5): a parent needs the court's leave to oppose the adoption order
    LEAVE_TO_OPPOSE = "leave_to_oppose", "Leave to oppose hearing"
    CELEBRATION = "celebration", "Adoption celebration hearing"
    OTHER = "other", "Other hearing"


# hearings that belong to adoption proceedings only (offered for, and allowed in, those alone)
ADOPTION_ONLY_HEARINGS = frozenset({HearingKind.LEAVE_TO_OPPOSE})


def hearing_kinds_for(proceedings_kind: str) -> list[tuple[str, str]]:
    """The kinds of hearing offered in proceedings of a kind."""
    return [
        (value, label)
        for value, label in HearingKind.choices
        if value not in ADOPTION_ONLY_HEARINGS or proceedings_kind == ProceedingsKind.ADOPTION
    ]


class HearingStatus(models.TextChoices):
    LISTED = "listed", "Listed"
    EFFECTIVE = "effective", "Effective (went ahead)"
    ADJOURNED = "adjourned", "Adjourned"
    VACATED = "vacated", "Vacated (taken out of the list)"


# only a hearing that has happened has an outcome (LAW.md "Court": hearing outcome)
HAPPENED = frozenset({HearingStatus.EFFECTIVE, HearingStatus.ADJOURNED})


class Hearing(TimeStampedModel):
    proceedings = models.ForeignKey(Proceedings, on_delete=models.PROTECT, related_name="hearings")
    kind = models.CharField(max_length=30, choices=HearingKind.choices)
    listed_on = models.DateField("date of the hearing")
    time = models.TimeField("time of the hearing", null=True, blank=True)
    court = models.CharField(
        max_length=200, blank=True, help_text="Where it is heard, if not the proceedings' court."
    )
    status = models.CharField(
        max_length=20, choices=HearingStatus.choices, default=HearingStatus.LISTED
    )
    outcome = models.TextField(blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["listed_on", "time"]
        indexes = [models.Index(fields=["proceedings", "listed_on"])]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(outcome="")
                | models.Q(status__in=sorted(s.value for s in HAPPENED)),
                name="hearing_outcome_only_once_happened",
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}, {self.listed_on:%d/%m/%Y}"

    @property
    def child_id(self) -> int:
        return self.proceedings.child_id

    @property
    def has_happened(self) -> bool:
        return self.status in HAPPENED


class Direction(TimeStampedModel):
    """A direction made at a hearing, with its due date."""

    hearing = models.ForeignKey(Hearing, on_delete=models.PROTECT, related_name="directions")
    text = models.TextField("direction")
    due_on = models.DateField()
    complied_on = models.DateField(null=True, blank=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["due_on"]

    def __str__(self) -> str:
        return f"Direction due {self.due_on:%d/%m/%Y}"


class OrderKind(models.TextChoices):
    EMERGENCY_PROTECTION = "epo", "Emergency protection order"
    INTERIM_CARE = "interim_care", "Interim care order"
    CARE = "care", "Care order"
    INTERIM_SUPERVISION = "interim_supervision", "Interim supervision order"
    SUPERVISION = "supervision", "Supervision order"
    PLACEMENT = "placement", "Placement order"
    SPECIAL_GUARDIANSHIP = "sgo", "Special guardianship order"
    INTERIM_CHILD_ARRANGEMENTS = "interim_cao", "Interim child arrangements order"
    CHILD_ARRANGEMENTS = "cao", "Child arrangements order"
    REFUSAL_OF_CONTACT = "s34_4", "Authority to refuse contact (Children Act 1989 s.34(4))"
    PLACEMENT_CONTACT = "s26_contact", "Contact order (Adoption and Children Act 2002 s.26)"
    REVOCATION = (
        "s24_revocation",
        "Revocation of a placement order (Adoption and Children Act s.24)",
    )
    DISCHARGE = "discharge", "Discharge of a care or supervision order (Children Act 1989 s.39)"
    ADOPTION = "adoption", "Adoption order"
    POST_ADOPTION_CONTACT = (
        "s51a_contact",
        "Post-adoption contact order (Adoption and Children Act s.51A)",
    )
    NO_ORDER = "no_order", "No order"


# what recording an order ends ("Orders end, and legal status follows them", LAW.md "Court")
_INTERIM = {
    OrderKind.EMERGENCY_PROTECTION,
    OrderKind.INTERIM_CARE,
    OrderKind.INTERIM_SUPERVISION,
    OrderKind.INTERIM_CHILD_ARRANGEMENTS,
}
_SECTION_8 = {OrderKind.CHILD_ARRANGEMENTS, OrderKind.INTERIM_CHILD_ARRANGEMENTS}
_FINAL_PART_IV = {
    OrderKind.CARE,
    OrderKind.SUPERVISION,
    OrderKind.SPECIAL_GUARDIANSHIP,
    OrderKind.CHILD_ARRANGEMENTS,
    OrderKind.NO_ORDER,
}
ENDS: dict[str, frozenset] = {
    # an interim order ends when the application is decided (CA 1989 s.38(4)); a care order
    # discharges a supervision order and section 8 orders (s.91(2), (3))
    **{kind: frozenset(_INTERIM) for kind in _FINAL_PART_IV},
    OrderKind.CARE: frozenset(_INTERIM | _SECTION_8 | {OrderKind.SUPERVISION}),
    OrderKind.SPECIAL_GUARDIANSHIP: frozenset(_INTERIM | {OrderKind.CARE}),  # s.91(5A)
    OrderKind.CHILD_ARRANGEMENTS: frozenset(_INTERIM | {OrderKind.CARE}),  # s.91(1)
    # ACA 2002 s.29(2), s.26(1): a placement order ends section 8 and supervision orders and
    # contact under the 1989 Act; the care order is suspended, not ended (s.29(1))
    OrderKind.PLACEMENT: frozenset(
        _INTERIM - {OrderKind.INTERIM_CARE}
        | _SECTION_8
        | {OrderKind.SUPERVISION, OrderKind.REFUSAL_OF_CONTACT}
    ),
    # revoked only by the court (ACA s.24); the care order revives
    OrderKind.REVOCATION: frozenset({OrderKind.PLACEMENT, OrderKind.PLACEMENT_CONTACT}),
    OrderKind.DISCHARGE: frozenset(
        {OrderKind.CARE, OrderKind.SUPERVISION, OrderKind.REFUSAL_OF_CONTACT}
    ),
    # an adoption order extinguishes the orders about the child (ACA 2002 s.46(2))
    OrderKind.ADOPTION: frozenset(
        set(OrderKind) - {OrderKind.ADOPTION, OrderKind.POST_ADOPTION_CONTACT}
    ),
}
# ACA 2002 s.29(1): while a placement order is in force a care order does not have effect
SUSPENDED_BY = {OrderKind.CARE: OrderKind.PLACEMENT, OrderKind.INTERIM_CARE: OrderKind.PLACEMENT}
# an order that is a decision, not a state the child is in
NOT_IN_FORCE = frozenset({OrderKind.NO_ORDER, OrderKind.REVOCATION, OrderKind.DISCHARGE})


class CourtOrder(TimeStampedModel):
    child = models.ForeignKey(Child, on_delete=models.PROTECT, related_name="orders")
    kind = models.CharField(max_length=30, choices=OrderKind.choices)
    made_on = models.DateField()
    hearing = models.ForeignKey(
        Hearing,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="orders",
        help_text="The hearing at which the order was made.",
    )
    expires_on = models.DateField(
        "date the order says it ends",
        null=True,
        blank=True,
        help_text="An interim order lasts for the period it specifies (CA 1989 s.38(4)).",
    )
    ended_on = models.DateField("date the order ended", null=True, blank=True)
    ended_by = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="ended_orders",
        help_text="The order that ended it.",
    )
    notes = models.TextField(blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["made_on", "pk"]
        indexes = [models.Index(fields=["child", "kind"])]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ended_on__isnull=True)
                | models.Q(ended_on__gte=models.F("made_on")),
                name="order_ends_after_made",
            ),
            models.CheckConstraint(
                condition=models.Q(expires_on__isnull=True)
                | models.Q(expires_on__gte=models.F("made_on")),
                name="order_expires_after_made",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}, {self.made_on:%d/%m/%Y}"

    def last_day(self) -> date | None:
        """The last day it is in force, if it ends: the day before it ended, or its expiry."""
        ended = self.ended_on - timedelta(days=1) if self.ended_on else None
        days = [day for day in (ended, self.expires_on) if day]
        return min(days) if days else None

    def in_force_on(self, day: date) -> bool:
        """Made by then, not ended nor expired (a care order under a placement order is in
        force but suspended: see ``orders_in_force``)."""
        if self.kind in NOT_IN_FORCE or self.made_on > day:
            return False
        last = self.last_day()
        return last is None or day <= last


def orders_in_force(orders, day: date) -> list[tuple["CourtOrder", "CourtOrder | None"]]:
    """The orders in force on a day, each with the placement order suspending it (a care order
    does not have effect while a placement order is in force, ACA 2002 s.29(1)), else None."""
    in_force = [order for order in orders if order.in_force_on(day)]
    result = []
    for order in in_force:
        suspending = SUSPENDED_BY.get(order.kind)
        by = next((other for other in in_force if other.kind == suspending), None)
        result.append((order, by))
    return sorted(result, key=lambda pair: (pair[0].made_on, pair[0].pk or 0))
