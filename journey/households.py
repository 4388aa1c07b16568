"""The proposed EP carers' facts for the guards, from ``carers``' records (a fixed number of
queries)."""

from datetime import date

from carers.availability import placed_children, with_availability
from carers.models import Household, TrainingKind


def household_facts(household: Household, *, child, today: date):
    from .guards import HouseholdFacts

    annotated = with_availability(Household.objects.filter(pk=household.pk), today=today).get()
    others = [c for c in placed_children(annotated) if c.pk != child.pk]
    siblings = bool(
        child.sibling_group_id
        and others
        and all(c.sibling_group_id == child.sibling_group_id for c in others)
    )
    prepared = annotated.training.filter(
        kind=TrainingKind.EP_PREPARATION, completed_on__isnull=False
    ).exists()
    return HouseholdFacts(
        name=str(household),
        adopter_approved=annotated.adopter_approved,
        opted_out=annotated.opted_out_on is not None,
        caring_for_other_ep_child=bool(others),
        other_child_is_sibling=siblings,
        ep_preparation_completed=prepared,
        foster_approved=annotated.foster_approved,
        foster_terms_cover_child=_terms_cover(annotated, child, today),
    )


def _terms_cover(household: Household, child, today: date) -> bool:
    """Whether an approved foster approval's terms (age range, named child) cover the child."""
    from carers.models import ApprovalStatus

    for approval in household.foster_approvals.filter(status=ApprovalStatus.APPROVED):
        if approval.terms_named_child and approval.terms_named_child != child.legal_name:
            continue
        if child.date_of_birth is not None:
            months = (today.year - child.date_of_birth.year) * 12 + (
                today.month - child.date_of_birth.month
            )
            if approval.terms_age_from_months is not None and months < (
                approval.terms_age_from_months
            ):
                continue
            if approval.terms_age_to_months is not None and months > approval.terms_age_to_months:
                continue
        return True
    return False
