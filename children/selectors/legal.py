"""Who holds parental responsibility, and whether the agency is authorised to place the child for
adoption by consent (LAW.md "Who may consent, and when").

Both read the child's relations through ``.all()``: on the record page they use what
``child_with_records`` prefetched (no query); elsewhere a fixed number of queries per child. The
journey's ``authorise_placement`` guard calls ``consent_authority``.
"""

from dataclasses import dataclass, field
from datetime import date, timedelta

from accounts import clock
from accounts.dates import format_date

from ..models import (
    GUARDIAN_RELATIONSHIPS,
    PARENT_RELATIONSHIPS,
    Child,
    ConsentStatus,
    ConsentToPlacement,
    FamilyMember,
    OrderKind,
    PRBasis,
    ProceedingsKind,
    Relationship,
)

# ACA 2002 s.52(3): a mother's consent given less than six weeks after the birth is ineffective;
# s.47(4)(b)(i): the adoption-order route needs her placement consent at six weeks or more
SIX_WEEKS = timedelta(weeks=6)
# CA 1989 s.31(11): "care order" includes an interim care order; ACA s.19(3)(b)
CARE_OR_PLACEMENT_ORDERS = {OrderKind.INTERIM_CARE, OrderKind.CARE, OrderKind.PLACEMENT}
# CA 1989 s.33(3): the local authority shares PR while a care order (interim included) is in force
LA_PR_ORDERS = {OrderKind.INTERIM_CARE, OrderKind.CARE}


# ACA 2002 s.19(3)(a): "an application on which a care order might be made" — a care or a
# supervision application (on which the court may make a care order instead, CA 1989 s.31(5))
CARE_ORDER_APPLICATIONS = {ProceedingsKind.CARE, ProceedingsKind.SUPERVISION}
# ACA 2002 s.31(2)(b): a child not yet placed for adoption is returned within 7 days; s.32(2)(b):
# a child placed for adoption is returned within 14 days — each "beginning with" the day (day 1)
RETURN_NOT_PLACED_DAYS = 7
RETURN_PLACED_DAYS = 14


def adoption_application_made_on(child: Child) -> date | None:
    """The day the first adoption application about the child was made (its issue date), from
    the proceedings the record page prefetched; None if there is none."""
    days = [p.issued_on for p in child.proceedings.all() if p.kind == ProceedingsKind.ADOPTION]
    return min(days) if days else None


def six_weeks_old_on(child: Child) -> date | None:
    """The day the baby is six weeks old: the first day a mother's consent can count."""
    return child.date_of_birth + SIX_WEEKS if child.date_of_birth else None


@dataclass(frozen=True)
class PRHolder:
    """Someone who holds parental responsibility on a day, how and since when."""

    name: str
    who: str  # "Mother", "Father", "The local authority", …
    basis: str
    since: date | None
    member: FamilyMember | None = None


def _orders_in_force(child: Child, day: date) -> list:
    return [
        order
        for order in child.orders.all()
        if order.made_on <= day and (order.ended_on is None or order.ended_on > day)
    ]


def member_holds_pr(member: FamilyMember, child: Child, day: date) -> bool:
    """Whether a family member holds parental responsibility on ``day``."""
    if child.date_of_birth is None or day < child.date_of_birth:
        return False  # CA 1989 s.2: PR is for a child, from the birth; never before
    if member.relationship == Relationship.MOTHER:
        return True  # CA 1989 s.2(1)-(2): the mother always has PR, from the birth
    if member.pr_basis and member.pr_basis != PRBasis.NONE:
        return member.pr_acquired_on is None or member.pr_acquired_on <= day
    return not member.pr_basis and member.parental_responsibility == "yes"


def pr_holders(*, child: Child, on: date | None = None) -> list[PRHolder]:
    """Who holds parental responsibility for the child on a day (today by default): the mother
    from the birth, fathers and others on their recorded basis, the local authority under an
    interim or full care order (CA s.33(3)), the adoption agency under a placement order or while
    authorised to place by consent (ACA s.25)."""
    day = on or clock.today()
    holders = []
    for member in child.family_members.all():
        if member.archived_at is not None or not member_holds_pr(member, child, day):
            continue
        if member.relationship == Relationship.MOTHER:
            basis, since = PRBasis.MOTHER.label, child.date_of_birth
        elif member.pr_basis:
            basis = member.get_pr_basis_display()
            since = max(member.pr_acquired_on or child.date_of_birth, child.date_of_birth)
        else:
            basis, since = "Basis not recorded", None
        holders.append(
            PRHolder(member.name, member.get_relationship_display(), basis, since, member)
        )
    orders = _orders_in_force(child, day)
    placement = next((o for o in orders if o.kind == OrderKind.PLACEMENT), None)
    if placement is not None:
        # ACA s.25(2): PR is given to the agency; s.29(1): the care order does not have effect
        holders.append(
            PRHolder(
                "The adoption agency",
                "Agency",
                f"Placement order made {format_date(placement.made_on)} (ACA s.25)",
                placement.made_on,
            )
        )
    else:
        care = next((o for o in reversed(orders) if o.kind in LA_PR_ORDERS), None)
        if care is not None:
            holders.append(
                PRHolder(
                    "The local authority",
                    "Local authority",
                    f"{care.get_kind_display()} made {format_date(care.made_on)} (CA s.33(3))",
                    care.made_on,
                )
            )
        authority = consent_authority(child=child, on=day)
        if authority.authorised:
            holders.append(
                PRHolder(
                    "The adoption agency",
                    "Agency",
                    "Authorised to place by consent (ACA s.25)",
                    authority.since,
                )
            )
    return holders


# --- consent ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class ConsentFlags:
    """Why a consent that was given does not (or no longer does) authorise placement."""

    before_six_weeks: bool = False
    proceedings_pending: str = ""  # the case number of proceedings pending when it was given
    order_after: str = ""  # "Interim care order made 3 February 2027"
    withdrawn: bool = False
    # ACA s.52(4): a withdrawal after an adoption application was made is ineffective; the
    # consent stands (shown as a note, never a reason it does not count)
    late_withdrawal: str = ""

    @property
    def notes(self) -> list[str]:
        """Facts to show beside the consent that do not stop it counting."""
        return [self.late_withdrawal] if self.late_withdrawal else []

    @property
    def messages(self) -> list[str]:
        found = []
        if self.before_six_weeks:
            found.append(
                "Witnessed before the baby was six weeks old: it does not count (ACA s.52(3))"
            )
        if self.proceedings_pending:
            found.append(
                f"Given while care proceedings {self.proceedings_pending} were pending: it does "
                "not authorise placement (ACA s.19(3)(a))"
            )
        if self.order_after:
            found.append(
                f"{self.order_after} after it: it does not authorise placement (ACA s.19(3)(b))"
            )
        if self.withdrawn:
            found.append("Withdrawn")
        return found


def consent_flags(
    consent: ConsentToPlacement, child: Child, on: date | None = None
) -> ConsentFlags:
    """What stops a given consent counting as authority to place, on a day (today by default)."""
    day = on or clock.today()
    witnessed = consent.witnessed_on
    if consent.status not in (ConsentStatus.GIVEN, ConsentStatus.WITHDRAWN) or witnessed is None:
        return ConsentFlags()
    six_weeks = six_weeks_old_on(child)
    before_six_weeks = (
        consent.parent.relationship == Relationship.MOTHER
        and six_weeks is not None
        and witnessed < six_weeks
    )
    # ACA s.19(3)(a): an application on which a care order might be made was pending when the
    # consent was given. Every proceedings recorded here are care proceedings until the
    # proceedings' kind is recorded (then: only care and supervision applications count).
    pending = next(
        (
            p
            for p in child.proceedings.all()
            if p.kind in CARE_ORDER_APPLICATIONS
            and p.issued_on <= witnessed
            and (p.concluded_on is None or p.concluded_on > witnessed)
        ),
        None,
    )
    # ACA s.19(3)(b): a care order (interim included, CA s.31(11)) or placement order made after
    # it; made the same day, the order is taken to come after (the record cannot tell the hour)
    later = next(
        (
            o
            for o in child.orders.all()
            if o.kind in CARE_OR_PLACEMENT_ORDERS and witnessed <= o.made_on <= day
        ),
        None,
    )
    # ACA s.52(4): consent may be withdrawn only until an adoption application is made
    made = adoption_application_made_on(child)
    late = consent.withdrawn_on is not None and made is not None and consent.withdrawn_on >= made
    withdrawn = (
        consent.withdrawn_on is not None and consent.withdrawn_on <= day
    ) or consent.status == ConsentStatus.WITHDRAWN
    return ConsentFlags(
        before_six_weeks=before_six_weeks,
        proceedings_pending=pending.case_number if pending else "",
        order_after=(
            f"{later.get_kind_display()} made {format_date(later.made_on)}" if later else ""
        ),
        withdrawn=withdrawn and not late,
        late_withdrawal=(
            f"Withdrawal on {format_date(consent.withdrawn_on)} is ineffective: an adoption "
            f"application was made on {format_date(made)} (ACA s.52(4))"
            if late
            else ""
        ),
    )


@dataclass(frozen=True)
class WithdrawalReturn:
    """When a child must be returned after consent to placement is withdrawn (ACA ss.31–32), or
    why the return periods do not apply."""

    not_placed_by: date | None = None  # s.31(2)(b): not yet placed for adoption, 7 days
    placed_by: date | None = None  # s.32(2)(b): placed for adoption, 14 days
    why_not: str = ""

    @property
    def words(self) -> str:
        if self.why_not:
            return self.why_not
        if self.not_placed_by is None:
            return ""
        return (
            f"Return the child by {format_date(self.not_placed_by)} if not yet placed for "
            f"adoption (7 days, ACA s.31); by {format_date(self.placed_by)} if placed for "
            "adoption (14 days, s.32)"
        )


def withdrawal_return(consent: ConsentToPlacement, child: Child) -> WithdrawalReturn:
    """The return-by dates after a withdrawal, counted from the withdrawal (taken as the parent's
    request for the child's return), the day itself day 1."""
    start = consent.withdrawn_on
    if start is None:
        return WithdrawalReturn()
    flags = consent_flags(consent, child, start)
    if flags.late_withdrawal:
        return WithdrawalReturn(why_not=flags.late_withdrawal)
    # ACA s.30(4): ss.31–33 do not apply if the child is subject to a care order (interim
    # included, CA s.31(11))
    if any(o.kind in LA_PR_ORDERS for o in _orders_in_force(child, start)):
        return WithdrawalReturn(
            why_not="No return period: the child is subject to a care order (ACA s.30(4))"
        )
    # ACA ss.31(1), 32(1): not while a placement order application is pending
    if any(
        p.kind == ProceedingsKind.PLACEMENT
        and p.issued_on <= start
        and (p.concluded_on is None or p.concluded_on > start)
        for p in child.proceedings.all()
    ):
        return WithdrawalReturn(
            why_not="No return period while the placement order application is pending "
            "(ACA ss.31(1), 32(1))"
        )
    return WithdrawalReturn(
        not_placed_by=start + timedelta(days=RETURN_NOT_PLACED_DAYS - 1),
        placed_by=start + timedelta(days=RETURN_PLACED_DAYS - 1),
    )


@dataclass(frozen=True)
class ConsentAuthority:
    """Whether the agency is authorised to place the child for adoption by consent (ACA s.19),
    and if not, why; ``since`` is the day the last needed consent was witnessed."""

    authorised: bool
    reasons: list[str] = field(default_factory=list)
    since: date | None = None


def consent_authority(*, child: Child, on: date | None = None) -> ConsentAuthority:
    """Is the agency authorised to place the child for adoption by consent on a day (today by
    default), and if not, why: consent witnessed from each parent with parental responsibility
    and each guardian (ACA s.19(1), s.52(6)), not withdrawn (s.52(4)), a mother's at six weeks or
    more (s.52(3)), given while no care proceedings were pending and with no care or placement
    order since (s.19(3))."""
    day = on or clock.today()
    if child.date_of_birth is None or child.date_of_birth > day:
        return ConsentAuthority(
            False, ["The baby is not born yet: consent is given after the birth"]
        )
    needed = [
        m
        for m in child.family_members.all()
        if m.archived_at is None
        and (m.relationship in PARENT_RELATIONSHIPS or m.relationship in GUARDIAN_RELATIONSHIPS)
        and member_holds_pr(m, child, day)
    ]
    if not needed:
        return ConsentAuthority(
            False, ["No parent with parental responsibility or guardian is recorded"]
        )
    reasons: list[str] = []
    since = None
    consents = list(child.placement_consents.all())
    for member in needed:
        own = [
            c
            for c in consents
            if c.parent_id == member.pk and c.witnessed_on and c.witnessed_on <= day
        ]
        # a "withdrawal" made after an adoption application is ineffective (ACA s.52(4)): the
        # consent still counts, whatever status was recorded
        valid = [
            c
            for c in own
            if c.status in (ConsentStatus.GIVEN, ConsentStatus.WITHDRAWN)
            and not consent_flags(c, child, day).messages
        ]
        if valid:
            witnessed = max(c.witnessed_on for c in valid)
            since = witnessed if since is None else max(since, witnessed)
            continue
        who = f"{member.name} ({member.get_relationship_display().lower()})"
        if not own:
            reasons.append(f"{who} has not given consent witnessed by Cafcass")
        for consent in own:
            for message in consent_flags(consent, child, day).messages:
                reasons.append(
                    f"{who}: consent witnessed {format_date(consent.witnessed_on)}: {message}"
                )
    return ConsentAuthority(not reasons, reasons, since if not reasons else None)


# --- section 20 ------------------------------------------------------------------------------


def section20_threshold_days(*, child: Child) -> int | None:
    """The responsible authority's section 20 threshold in days, or None when none is set."""
    from ..models import Section20Threshold

    try:  # joined by child_with_records; one query elsewhere
        return child.responsible_authority.section20_threshold.days
    except Section20Threshold.DoesNotExist:
        return None


def section20_flag(record, threshold_days: int | None, on: date | None = None) -> str:
    """ "Accommodated under section 20 for 45 days: past the local threshold of 28 days", or ""."""
    day = on or clock.today()
    if threshold_days is None or record.ended_on is not None or record.withdrawn_on is not None:
        return ""
    days = (day - record.agreed_on).days
    if days <= threshold_days:
        return ""
    return (
        f"Accommodated under section 20 for {days} days: past the local threshold of "
        f"{threshold_days} days"
    )


# --- the court tab ----------------------------------------------------------------------------


@dataclass(frozen=True)
class ConsentRow:
    consent: ConsentToPlacement
    flags: list[str]
    return_by: str = ""  # ACA ss.31–32, once consent is withdrawn


def court_legal_context(child: Child, viewer) -> dict:
    """The court tab's facts about who may consent, and when, from what the record page
    prefetched (one query more: the local section 20 threshold)."""
    day = clock.today()
    threshold = section20_threshold_days(child=child)
    section20 = [
        (record, section20_flag(record, threshold, day))
        for record in child.section20_accommodations.all()
    ]
    return {
        "pr_holders": pr_holders(child=child, on=day),
        "consent_authority": consent_authority(child=child, on=day),
        "consent_rows": [
            ConsentRow(
                c,
                consent_flags(c, child, day).messages + consent_flags(c, child, day).notes,
                withdrawal_return(c, child).words,
            )
            for c in child.placement_consents.all()
        ],
        "six_weeks_on": six_weeks_old_on(child),
        "section20_rows": section20,
        "section20_threshold": threshold,
        "pr_members": [
            m
            for m in child.family_members.all()
            if m.archived_at is None and m.relationship != Relationship.MOTHER
        ],
    }
