"""How long a child's record is kept: a pure function of the outcome's dates (no database).

LAW.md "Records and words": a looked-after child's case record until the 75th birthday, or 15
years after death if the child dies before 18 (CPR reg 50); an adopted child's adoption case
record at least 100 years from the adoption order (Disclosure of Adoption Information
(Post-Commencement Adoptions) Regulations 2005 reg 6). When the period ends the record is
reviewed, then deleted or anonymised, and the review is recorded; nothing is deleted
automatically.
"""

from dataclasses import dataclass
from datetime import date

from accounts.dates import add_months

LOOKED_AFTER_UNTIL_AGE = 75  # CPR reg 50(2)(a)
AFTER_DEATH_YEARS = 15  # CPR reg 50(2)(b): the child dies before 18
DEATH_BEFORE_AGE = 18
ADOPTION_RECORD_YEARS = 100  # Disclosure of Adoption Information Regs 2005 reg 6


@dataclass(frozen=True)
class Retention:
    """Until when the record must be kept, and why (the rule in words, with its source)."""

    until: date | None
    basis: str

    def ended(self, today: date) -> bool:
        return self.until is not None and today >= self.until


def _years_after(day: date, years: int) -> date:
    return add_months(day, 12 * years)  # 29 February → 28 February when the year is not leap


def retention_until(
    *,
    date_of_birth: date | None,
    died_on: date | None = None,
    adoption_order_on: date | None = None,
) -> Retention:
    """The end of the retention period, following the outcome (LAW.md "Records and words")."""
    if adoption_order_on is not None:
        return Retention(
            _years_after(adoption_order_on, ADOPTION_RECORD_YEARS),
            "100 years from the adoption order (Disclosure of Adoption Information "
            "(Post-Commencement Adoptions) Regulations 2005 reg 6)",
        )
    if date_of_birth is None:
        return Retention(None, "Set once the baby is born: until the 75th birthday (CPR reg 50)")
    if died_on is not None and died_on < _years_after(date_of_birth, DEATH_BEFORE_AGE):
        return Retention(
            _years_after(died_on, AFTER_DEATH_YEARS),
            "15 years after the child's death before the age of 18 (CPR reg 50)",
        )
    return Retention(
        _years_after(date_of_birth, LOOKED_AFTER_UNTIL_AGE),
        "Until the 75th birthday (CPR reg 50)",
    )
