"""When each statutory review of a child is due: a pure function of dates, no database.

The looked-after reviews (CPR reg 33): the first within 20 working days of becoming looked
after, the second within 3 months of the first, then every 6 months, each counted from the date
the last one was actually held. Once the agency is authorised to place, adoption reviews run
alongside them: the first not more than 3 months after authority to place, then 6-monthly (AAR
reg 36(1)). Once the child is placed for adoption, the looked-after reviews stop and the adoption
reviews replace them: within 4 weeks of placement, 3 months after the first, then 6-monthly
(AAR reg 36(3)). LAW.md "Reviews, visits, health" has the worked examples.

The dates of authority to place and of placement for adoption are optional inputs: the journey
supplies them once it records them (``children.selectors.reviews`` passes what exists today).
"""

from dataclasses import dataclass, field
from datetime import date, timedelta
from enum import StrEnum

from accounts.dates import add_months, format_date
from accounts.working_days import add_working_days

FIRST_REVIEW_WORKING_DAYS = 20  # CPR reg 33(1)
SECOND_REVIEW_MONTHS = 3  # CPR reg 33(2)(a)
LATER_REVIEW_MONTHS = 6  # CPR reg 33(2)(b)
ADOPTION_FIRST_AFTER_AUTHORITY_MONTHS = 3  # AAR reg 36(1)
ADOPTION_FIRST_AFTER_PLACEMENT_DAYS = 28  # AAR reg 36(3)(a): "within 4 weeks"

_ORDINALS = (
    "First Second Third Fourth Fifth Sixth Seventh Eighth Ninth Tenth Eleventh Twelfth".split()
)


def ordinal(number: int) -> str:
    """'First', 'Second' … 'Twelfth', then '13th', '21st'."""
    if 1 <= number <= len(_ORDINALS):
        return _ORDINALS[number - 1]
    suffix = (
        "th" if 10 <= number % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")
    )
    return f"{number}{suffix}"


class ReviewKind(StrEnum):
    LOOKED_AFTER = "looked_after"
    ADOPTION = "adoption"


@dataclass(frozen=True)
class DueReview:
    """A review of the chain: its number, when it was due by, and when it was held (if it was)."""

    kind: ReviewKind
    number: int
    due_by: date
    held_on: date | None = None

    @property
    def name(self) -> str:
        """'Second review', 'First adoption review'."""
        what = "adoption review" if self.kind == ReviewKind.ADOPTION else "review"
        return f"{ordinal(self.number)} {what}"

    @property
    def label(self) -> str:
        """'Second review due by 30 April 2027'."""
        return f"{self.name} due by {format_date(self.due_by)}"

    @property
    def in_timescale(self) -> bool | None:
        """Held on or before its due date (None: not held yet)."""
        return None if self.held_on is None else self.held_on <= self.due_by

    def overdue(self, today: date) -> bool:
        return self.held_on is None and today > self.due_by


@dataclass(frozen=True)
class ReviewTimescales:
    """The reviews held, each against its due date, and the reviews due next (one per chain)."""

    held: list[DueReview] = field(default_factory=list)
    next_due: list[DueReview] = field(default_factory=list)

    def for_held(self, held_on: date) -> DueReview | None:
        """The looked-after (or, after placement, adoption) review held on that day."""
        return next((review for review in self.held if review.held_on == held_on), None)


def _chain(
    kind: ReviewKind, first_due: date, second_months: int, held: list[date]
) -> tuple[list[DueReview], DueReview]:
    """Walk a chain of reviews: each held date sets the next due date (reg 33: "from the date
    actually held"); returns the held reviews with their due dates and the next one due."""
    reviews = []
    due = first_due
    for number, held_on in enumerate(held, start=1):
        reviews.append(DueReview(kind, number, due, held_on))
        months = second_months if number == 1 else LATER_REVIEW_MONTHS
        due = add_months(held_on, months)
    return reviews, DueReview(kind, len(held) + 1, due)


def review_timescales(
    *,
    looked_after_on: date | None,
    held: list[date],
    authorised_to_place_on: date | None = None,
    placed_for_adoption_on: date | None = None,
) -> ReviewTimescales:
    """The chain of statutory reviews for a child looked after since ``looked_after_on``, given
    the dates reviews were held (CPR reg 33; AAR reg 36). A child not looked after has none."""
    if looked_after_on is None:
        return ReviewTimescales()
    held = sorted(day for day in set(held) if day >= looked_after_on)
    placed = placed_for_adoption_on
    looked_after_held = [day for day in held if placed is None or day < placed]
    # CPR reg 33(1): the first review within 20 working days of becoming looked after
    first_due = add_working_days(looked_after_on, FIRST_REVIEW_WORKING_DAYS)
    lac_held, lac_next = _chain(
        ReviewKind.LOOKED_AFTER, first_due, SECOND_REVIEW_MONTHS, looked_after_held
    )
    if placed is not None:
        # AAR reg 36(3): at placement for adoption the adoption reviews replace the looked-after
        # reviews: within 4 weeks, then 3 months after the first, then every 6 months
        adoption_held, adoption_next = _chain(
            ReviewKind.ADOPTION,
            placed + timedelta(days=ADOPTION_FIRST_AFTER_PLACEMENT_DAYS),
            SECOND_REVIEW_MONTHS,
            [day for day in held if day >= placed],
        )
        return ReviewTimescales(held=lac_held + adoption_held, next_due=[adoption_next])
    next_due = [lac_next]
    if authorised_to_place_on is not None:
        # AAR reg 36(1): adoption reviews alongside, not more than 3 months after authority to
        # place, then 6-monthly; a review held since authority counts as the adoption review
        # too (practice holds them together)
        _held, adoption_next = _chain(
            ReviewKind.ADOPTION,
            add_months(authorised_to_place_on, ADOPTION_FIRST_AFTER_AUTHORITY_MONTHS),
            LATER_REVIEW_MONTHS,
            [day for day in held if day >= authorised_to_place_on],
        )
        next_due.append(adoption_next)
    return ReviewTimescales(held=lac_held, next_due=next_due)
