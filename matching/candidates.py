"""The candidate search for a child in family finding (issue 11 item 2; Std 4.4, 4.5).

Hard filters are ONLY the legal and capacity facts: approved as prospective adopters (every EP
carer is; CPR reg 25A covers those not yet approved as foster carers), not opted out (Std 3.2),
not on hold (Std 7.7), foster carers' terms of approval that include the child (CPR reg 23 allows
an emergency outside them only for days), not linked with or caring for another child unless a
brother or sister (Std 7.8), and a sibling group no larger than they offer. Everything about
identity (ethnicity, culture, religion, language), health uncertainties, family time travel and
distance is a soft factor: explained, ranked, never a filter (the child's identity may not be a
hard condition of a match). Before a match the local authority sees the anonymised profile
(``carers:profile``): no name, no postcode.

A fixed number of queries whatever the number of households.
"""

from dataclasses import dataclass, field
from datetime import date

from django.db.models import Exists, OuterRef, Q

from carers.availability import Availability, with_availability
from carers.models import FosterApproval, Household, Training, TrainingKind
from children.models import Child, SiblingPlacement

from .models import InitialMatch, MatchStatus, Placement

GOOD, CONCERN, CHECK = "good", "concern", "check"
WEIGHTS = {GOOD: 2, CONCERN: -2, CHECK: 0}
# a newborn's family time is often several times a week (seeds 004)
FREQUENT_FAMILY_TIME = 3


@dataclass(frozen=True)
class Reason:
    """One explained factor: ``effect`` is good, concern or check (to discuss)."""

    text: str
    effect: str = CHECK
    weight: int | None = None

    @property
    def score(self) -> int:
        return WEIGHTS[self.effect] if self.weight is None else self.weight


@dataclass
class Candidate:
    household: Household
    reasons: list[Reason] = field(default_factory=list)

    @property
    def score(self) -> int:
        return sum(reason.score for reason in self.reasons)

    @property
    def reference(self) -> str:
        return self.household.reference


def months_old(born: date | None, on: date) -> int | None:
    if born is None:
        return None
    months = (on.year - born.year) * 12 + on.month - born.month
    return months - (1 if on.day < born.day else 0)


def sibling_group_size(child: Child) -> int:
    """The brothers and sisters to be placed together (one query when the child has a group)."""
    group = child.sibling_group
    if group is None or group.placement != SiblingPlacement.TOGETHER:
        return 1
    return group.children.count() or 1


def _households(child: Child, today: date, size: int):
    """The households that pass the hard filters, with what the ranking reads."""
    siblings_with = Q()
    if child.sibling_group_id:
        sibling = Q(child__sibling_group_id=child.sibling_group_id) & ~Q(child=child)
        siblings_with = Q(
            Exists(
                Placement.objects.filter(sibling, household=OuterRef("pk"), ends_on__isnull=True)
            )
        ) | Q(
            Exists(
                InitialMatch.objects.filter(
                    sibling,
                    household=OuterRef("pk"),
                    status__in=[MatchStatus.PROPOSED, MatchStatus.PLACED],
                )
            )
        )
    age = months_old(child.date_of_birth, today)
    terms = FosterApproval.objects.filter(household=OuterRef("pk"), status="approved")
    if age is not None:
        outside = terms.filter(Q(terms_age_from_months__gt=age) | Q(terms_age_to_months__lt=age))
    else:
        outside = terms.none()
    households = (
        with_availability(Household.objects.all(), today=today)
        .filter(adopter_approved=True, opted_out_on__isnull=True, on_hold=False)
        .annotate(
            outside_terms=Exists(outside),
            ep_prepared=Exists(
                Training.objects.filter(
                    household=OuterRef("pk"),
                    kind=TrainingKind.EP_PREPARATION,
                    completed_on__isnull=False,
                )
            ),
        )
        .filter(outside_terms=False)
        .select_related("offer", "recruiting_agency")
        .prefetch_related("applicants")
        .order_by("pk")
    )
    if child.sibling_group_id:
        households = households.annotate(with_sibling=siblings_with).filter(
            Q(availability=Availability.AVAILABLE) | Q(with_sibling=True)
        )
    else:
        households = households.filter(availability=Availability.AVAILABLE)
    if size > 1:
        households = households.filter(offer__sibling_group_size__gte=size)
    return households


def _health(child: Child):
    try:
        return child.health
    except Child.health.RelatedObjectDoesNotExist:
        return None


def reasons_for(
    household: Household,
    *,
    child: Child,
    today: date,
    health=None,
    family_district: str = "",
    size: int = 1,
) -> list[Reason]:
    """Why the household fits the child, or what to discuss: each a sentence."""
    reasons: list[Reason] = []
    applicants = list(household.applicants.all())
    offer = getattr(household, "offer", None)
    if getattr(household, "with_sibling", False):
        reasons.append(
            Reason("Already caring for or linked with the child's brother or sister", GOOD, 5)
        )
    if household.dual_approved:
        reasons.append(
            Reason("Approved as foster carers too: no Reg 25A temporary approval needed", GOOD)
        )
    else:
        reasons.append(
            Reason(
                "Approved as prospective adopters only: placing needs a Reg 25A temporary "
                "approval for this child",
                CHECK,
            )
        )
    if not household.ep_prepared:
        reasons.append(Reason("Early permanence preparation not completed (Std 3.4)", CONCERN, -1))
    # identity: explained, never a filter
    if child.ethnicity and any(a.ethnicity == child.ethnicity for a in applicants):
        reasons.append(
            Reason(
                f"An applicant shares the child's ethnicity ({child.get_ethnicity_display()})",
                GOOD,
            )
        )
    else:
        identity = (offer.identity if offer else "") or "not described yet"
        reasons.append(
            Reason(
                "No applicant shares the child's recorded ethnicity: how they would meet the "
                f"child's identity: {identity}",
                CHECK,
            )
        )
    if child.religion:
        shared = any(
            a.religion.strip().lower() == child.religion.strip().lower() for a in applicants
        )
        reasons.append(
            Reason(f"Shares the child's religion ({child.religion})", GOOD)
            if shared
            else Reason(f"Does not share the child's religion ({child.religion}): discuss", CHECK)
        )
    if child.first_language:
        language = child.first_language.strip().lower()
        speaks = any(language in a.languages.lower() for a in applicants)
        reasons.append(
            Reason(f"Speaks the child's first language ({child.first_language})", GOOD)
            if speaks
            else Reason(
                f"Does not speak the child's first language ({child.first_language})", CHECK
            )
        )
    if offer is None:
        reasons.append(Reason("What they can offer is not recorded yet", CONCERN, -1))
        return reasons
    age = months_old(child.date_of_birth, today)
    if age is None:
        reasons.append(
            Reason("Can be linked before the birth", GOOD)
            if offer.pre_birth
            else Reason("Has not said they can be linked before the birth", CONCERN)
        )
    elif offer.age_from_months <= age <= offer.age_to_months:
        reasons.append(Reason(f"Offers a child of the child's age ({age} months)", GOOD))
    else:
        reasons.append(
            Reason(
                f"Offers children aged {offer.age_from_months} to {offer.age_to_months} "
                f"months; the child is {age} months",
                CONCERN,
            )
        )
    if size > 1:
        reasons.append(Reason(f"Can take a sibling group of {size}", GOOD))
    # health uncertainties (Std 4.5): what they said they can consider
    if health is not None:
        exposure = health.prenatal_exposure
        for name, words, applies in (
            ("prenatal_alcohol", "prenatal alcohol exposure", exposure in ("alcohol", "both")),
            ("prenatal_drugs", "prenatal drug exposure", exposure in ("drugs", "both")),
            ("withdrawal", "withdrawal symptoms", health.withdrawal_monitoring == "yes"),
        ):
            if applies:
                reasons.append(
                    Reason(f"Can consider {words}", GOOD)
                    if getattr(offer, name)
                    else Reason(f"Has not said they can consider {words}", CONCERN)
                )
        if exposure == "unknown":
            reasons.append(Reason("The baby's exposure before birth is not known: discuss", CHECK))
    # the uncertainty of the outcome (Std 3.4): the child may go home
    if offer.child_going_home == "no":
        reasons.append(Reason("Not open to the child going home", CONCERN, -3))
    elif offer.child_going_home == "with_support":
        reasons.append(Reason("Open to the child going home, with support", CHECK))
    else:
        reasons.append(Reason("Open to the child going home", GOOD))
    # family time: travel and distance, both ways
    if offer.family_time_per_week:
        miles = f" up to {offer.family_time_miles} miles" if offer.family_time_miles else ""
        reasons.append(
            Reason(
                "Can take the baby to family time "
                f"{offer.family_time_per_week} times a week{miles}",
                GOOD if offer.family_time_per_week >= FREQUENT_FAMILY_TIME else CHECK,
            )
        )
    else:
        reasons.append(Reason("Family time journeys they can make are not recorded", CHECK))
    district = family_district.strip().upper()
    if district and household.postcode_district:
        mine = household.postcode_district.upper()
        if mine == district:
            reasons.append(
                Reason(
                    "Lives in the birth family's postcode district: they may meet by chance",
                    CONCERN,
                )
            )
        elif mine.rstrip("0123456789") != district.rstrip("0123456789"):
            reasons.append(
                Reason(
                    "Lives in another postcode area from the birth family: check the family "
                    "time journeys",
                    CHECK,
                )
            )
        else:
            reasons.append(
                Reason(
                    "Lives near the birth family, in another district: family time is close", GOOD
                )
            )
    return reasons


def candidates_for(*, child: Child, today: date, family_district: str = "") -> list[Candidate]:
    """The available households ranked by fit, best first, each with its reasons."""
    child = (
        Child.objects.select_related("sibling_group", "health").filter(pk=child.pk).first()
        or child
    )
    size = sibling_group_size(child)
    health = _health(child)
    found = [
        Candidate(
            household=household,
            reasons=reasons_for(
                household,
                child=child,
                today=today,
                health=health,
                family_district=family_district,
                size=size,
            ),
        )
        for household in _households(child, today, size)
    ]
    return sorted(found, key=lambda c: (-c.score, c.household.pk))
