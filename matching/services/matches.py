"""The initial match, the Nominated Officer's authorisation (Std 4.2) and the CPR reg 25A
temporary approval (Std 4.3)."""

from datetime import date

from django.db import transaction

from accounts.clock import today as england_today
from accounts.dates import format_date, not_in_future
from accounts.errors import Errors
from accounts.models import Role, User
from accounts.permissions import require_perm
from accounts.records import save_record
from carers.models import AdopterApproval, ApprovalStatus, Household
from children.models import Child

from ..events import MatchingEvent, matching_emit
from ..models import (
    InitialMatch,
    MatchStatus,
    NominatedOfficerAuthorisation,
    Reg25AApproval,
    Reg25AEndReason,
)
from .common import (
    ep_preparation_completed,
    household_facts,
    lock_child,
    other_children_with,
)

PROPOSED_MISSING = "Enter the date the match was proposed"
ALREADY_MATCHED = "The child already has a proposed match: withdraw it first"
NOT_ADOPTERS = "The household must be approved as prospective adopters"
OPTED_OUT = "The household has opted out of early permanence"
OTHER_CHILD = (
    "The household is already linked with or caring for another child: only a brother or "
    "sister may join them"
)
TRAINING_REASON_MISSING = (
    "Enter why the match goes ahead before the carers have completed early permanence preparation"
)
NOT_PROPOSED = "Only a proposed match can be withdrawn"
WITHDRAWN_MISSING = "Enter the date the match was withdrawn"
WITHDRAWN_REASON_MISSING = "Enter why the match was withdrawn"
AUTHORISED_MISSING = "Enter the date of the Nominated Officer's authorisation"
INFORMATION_MISSING = "Enter what the Nominated Officer was told"
NOT_NOMINATED_OFFICER = (
    "Only a Nominated Officer of the child's responsible authority can authorise the placement"
)
ALREADY_AUTHORISED = "The Nominated Officer has already authorised this match"
MATCH_NOT_CURRENT = "The match is no longer current"
APPROVED_MISSING = "Enter the date of the temporary approval"
SUITABILITY_MISSING = "Enter the assessment of the carers' suitability to care for this child"
REG25A_NOT_ADOPTERS = (
    "A Reg 25A temporary approval is only for carers already approved as prospective adopters"
)
REG25A_FOSTER_APPROVED = (
    "The carers are approved as foster carers: they need no Reg 25A temporary approval"
)
ALREADY_REG25A = "This match already has a Reg 25A temporary approval"
NOT_REG25A_OFFICER = (
    "Only a Nominated Officer of the child's responsible authority can give a Reg 25A "
    "temporary approval"
)
REG25A_ENDED_MISSING = "Enter the date the temporary approval ended"
REG25A_END_REASON_MISSING = "Select why the temporary approval ended"
REG25A_ALREADY_ENDED = "The temporary approval has already ended"


def _current_match(child: Child) -> InitialMatch | None:
    return (
        InitialMatch.objects.filter(
            child=child, status__in=[MatchStatus.PROPOSED, MatchStatus.PLACED]
        )
        .order_by("-proposed_on", "-pk")
        .first()
    )


def match_propose_errors(
    *,
    child: Child,
    household: Household | None,
    proposed_on: date | None,
    training_warning_reason: str = "",
    current: InitialMatch | None = None,
    facts: Household | None = None,
    with_another_child: bool = False,
    preparation_completed: bool = True,
    today: date | None = None,
) -> dict[str | None, str]:
    """The hard facts of a match (legal and capacity, never identity: Std 4.4, 4.5):
    approved as adopters, not opted out (Std 3.2), not linked with or caring for another
    child unless a sibling (Std 7.8). EP preparation not completed is a warning with a reason
    (Std 3.4). ``facts`` is the household annotated by ``carers.availability``."""
    errors = Errors()
    if household is None:
        errors.add("household", "Choose the household")
    if proposed_on is None:
        errors.add("proposed_on", PROPOSED_MISSING)
    not_in_future(errors, "proposed_on", proposed_on, "Date the match was proposed", today)
    if current is not None:
        errors.add(None, ALREADY_MATCHED)
    if facts is not None:
        if facts.opted_out_on is not None:
            errors.add("household", OPTED_OUT)
        elif not facts.adopter_approved:
            errors.add("household", NOT_ADOPTERS)
        elif with_another_child:
            errors.add("household", OTHER_CHILD)
    if household is not None and not preparation_completed and not training_warning_reason.strip():
        errors.add("training_warning_reason", TRAINING_REASON_MISSING)
    return errors.as_dict()


@transaction.atomic
def match_propose(
    *,
    child: Child,
    household: Household,
    proposed_on: date,
    by: User,
    training_warning_reason: str = "",
    ep_type: str = "",
) -> InitialMatch:
    """Propose the household for the child (the journey's ``propose_match`` calls this)."""
    child = lock_child(child)
    require_perm(by, "matching.propose_match", child)
    today = england_today()
    facts = household_facts(household, today=today) if household is not None else None
    Errors(
        match_propose_errors(
            child=child,
            household=household,
            proposed_on=proposed_on,
            training_warning_reason=training_warning_reason,
            current=_current_match(child),
            facts=facts,
            with_another_child=household is not None and other_children_with(household, child),
            preparation_completed=household is None or ep_preparation_completed(household),
            today=today,
        )
    ).raise_any()
    if not ep_type:
        plan = child.plans.exclude(ep_type="").order_by("-pk").first()
        ep_type = plan.ep_type if plan else ""
    match = InitialMatch(
        child=child,
        household=household,
        proposed_on=proposed_on,
        training_warning_reason=training_warning_reason.strip(),
        ep_type=ep_type,
    )
    save_record(match, by=by)
    matching_emit(MatchingEvent.MATCH_PROPOSED, child=child, on=proposed_on, by=by, record=match)
    return match


def match_withdraw_errors(
    *, match: InitialMatch, withdrawn_on: date | None, reason: str, today: date | None = None
) -> dict[str | None, str]:
    errors = Errors()
    if match.status != MatchStatus.PROPOSED:
        errors.add(None, NOT_PROPOSED)
    if withdrawn_on is None:
        errors.add("withdrawn_on", WITHDRAWN_MISSING)
    not_in_future(errors, "withdrawn_on", withdrawn_on, "Date the match was withdrawn", today)
    if withdrawn_on and withdrawn_on < match.proposed_on:
        errors.add(
            "withdrawn_on",
            "The match must be withdrawn on or after it was proposed "
            f"({format_date(match.proposed_on)})",
        )
    if not (reason or "").strip():
        errors.add("reason", WITHDRAWN_REASON_MISSING)
    return errors.as_dict()


@transaction.atomic
def match_withdraw(
    *, match: InitialMatch, withdrawn_on: date, reason: str, by: User
) -> InitialMatch:
    """Withdraw a proposed match (its Reg 25A temporary approval ends with it)."""
    child = lock_child(match.child)
    require_perm(by, "matching.propose_match", child)
    match = InitialMatch.objects.get(pk=match.pk)
    Errors(
        match_withdraw_errors(match=match, withdrawn_on=withdrawn_on, reason=reason)
    ).raise_any()
    match.status = MatchStatus.WITHDRAWN
    match.withdrawn_on = withdrawn_on
    match.withdrawn_reason = reason.strip()
    save_record(match, by=by)
    approval = Reg25AApproval.objects.filter(match=match, ended_on__isnull=True).first()
    if approval is not None:
        _reg25a_close(
            approval, ended_on=withdrawn_on, reason=Reg25AEndReason.PLACEMENT_ENDED, by=by
        )
    matching_emit(MatchingEvent.MATCH_WITHDRAWN, child=child, on=withdrawn_on, by=by, record=match)
    return match


def _is_officer_of(by: User, child: Child) -> bool:
    return bool(
        by.is_active
        and by.organisation_id == child.responsible_authority_id
        and by.has_role(Role.NOMINATED_OFFICER)
    )


def authorisation_errors(
    *,
    match: InitialMatch,
    by: User,
    authorised_on: date | None,
    information_given: str,
    already: bool = False,
    today: date | None = None,
) -> dict[str | None, str]:
    """Std 4.2: the Nominated Officer of the responsible authority authorises, on a date,
    knowing what they were told."""
    errors = Errors()
    if not _is_officer_of(by, match.child):
        errors.add(None, NOT_NOMINATED_OFFICER)
    if match.status not in (MatchStatus.PROPOSED, MatchStatus.PLACED):
        errors.add(None, MATCH_NOT_CURRENT)
    if already:
        errors.add(None, ALREADY_AUTHORISED)
    if authorised_on is None:
        errors.add("authorised_on", AUTHORISED_MISSING)
    not_in_future(
        errors,
        "authorised_on",
        authorised_on,
        "Date of the Nominated Officer's authorisation",
        today,
    )
    if authorised_on and authorised_on < match.proposed_on:
        errors.add(
            "authorised_on",
            "The authorisation must be on or after the match was proposed "
            f"({format_date(match.proposed_on)})",
        )
    if not (information_given or "").strip():
        errors.add("information_given", INFORMATION_MISSING)
    return errors.as_dict()


@transaction.atomic
def match_authorise(
    *, match: InitialMatch, authorised_on: date, information_given: str, by: User
) -> NominatedOfficerAuthorisation:
    """The Nominated Officer's authorisation of the EP placement (Std 4.2): its date is the
    ASGLB "FfA/CP decision date"."""
    child = lock_child(match.child)
    require_perm(by, "matching.authorise_placement", child)
    match = InitialMatch.objects.select_related("child").get(pk=match.pk)
    Errors(
        authorisation_errors(
            match=match,
            by=by,
            authorised_on=authorised_on,
            information_given=information_given,
            already=NominatedOfficerAuthorisation.objects.filter(match=match).exists(),
        )
    ).raise_any()
    authorisation = NominatedOfficerAuthorisation(
        match=match,
        authorised_on=authorised_on,
        authorised_by=by,
        information_given=information_given.strip(),
    )
    save_record(authorisation, by=by)
    matching_emit(
        MatchingEvent.NO_AUTHORISED, child=child, on=authorised_on, by=by, record=authorisation
    )
    return authorisation


def reg25a_errors(
    *,
    match: InitialMatch,
    by: User,
    approved_on: date | None,
    suitability_assessment: str,
    facts: Household | None = None,
    adopters_approved_on: date | None = None,
    already: bool = False,
    today: date | None = None,
) -> dict[str | None, str]:
    """CPR reg 25A(1)–(2): only prospective adopters already approved as suitable to adopt,
    not approved as foster carers, after assessing their suitability for this child."""
    errors = Errors()
    if not _is_officer_of(by, match.child):
        errors.add(None, NOT_REG25A_OFFICER)
    if match.status not in (MatchStatus.PROPOSED, MatchStatus.PLACED):
        errors.add(None, MATCH_NOT_CURRENT)
    if already:
        errors.add(None, ALREADY_REG25A)
    if facts is not None:
        if not facts.adopter_approved:
            errors.add(None, REG25A_NOT_ADOPTERS)
        elif facts.foster_approved:
            errors.add(None, REG25A_FOSTER_APPROVED)
    if approved_on is None:
        errors.add("approved_on", APPROVED_MISSING)
    not_in_future(errors, "approved_on", approved_on, "Date of the temporary approval", today)
    if approved_on and adopters_approved_on and approved_on < adopters_approved_on:
        errors.add(
            "approved_on",
            "The temporary approval must be on or after the carers were approved as "
            f"prospective adopters ({format_date(adopters_approved_on)})",
        )
    if not (suitability_assessment or "").strip():
        errors.add("suitability_assessment", SUITABILITY_MISSING)
    return errors.as_dict()


def _adopters_approved_on(household: Household) -> date | None:
    return (
        AdopterApproval.objects.filter(household=household, status=ApprovalStatus.APPROVED)
        .order_by("-decision_on")
        .values_list("decision_on", flat=True)
        .first()
    )


@transaction.atomic
def reg25a_approve(
    *, match: InitialMatch, approved_on: date, suitability_assessment: str, by: User
) -> Reg25AApproval:
    """Temporarily approve the prospective adopters as foster parents for this child only
    (CPR reg 25A)."""
    child = lock_child(match.child)
    require_perm(by, "matching.authorise_placement", child)
    match = InitialMatch.objects.select_related("child", "household").get(pk=match.pk)
    Errors(
        reg25a_errors(
            match=match,
            by=by,
            approved_on=approved_on,
            suitability_assessment=suitability_assessment,
            facts=household_facts(match.household, today=england_today()),
            adopters_approved_on=_adopters_approved_on(match.household),
            already=Reg25AApproval.objects.filter(match=match).exists(),
        )
    ).raise_any()
    approval = Reg25AApproval(
        match=match,
        approved_on=approved_on,
        approved_by=by,
        suitability_assessment=suitability_assessment.strip(),
    )
    save_record(approval, by=by)
    matching_emit(MatchingEvent.REG25A_GIVEN, child=child, on=approved_on, by=by, record=approval)
    return approval


def reg25a_end_errors(
    *, approval: Reg25AApproval, ended_on: date | None, reason: str, today: date | None = None
) -> dict[str | None, str]:
    errors = Errors()
    if approval.ended_on is not None:
        errors.add(None, REG25A_ALREADY_ENDED)
    if ended_on is None:
        errors.add("ended_on", REG25A_ENDED_MISSING)
    not_in_future(errors, "ended_on", ended_on, "Date the temporary approval ended", today)
    if ended_on and ended_on < approval.approved_on:
        errors.add(
            "ended_on",
            "The temporary approval must end on or after it was given "
            f"({format_date(approval.approved_on)})",
        )
    if reason not in Reg25AEndReason.values:
        errors.add("reason", REG25A_END_REASON_MISSING)
    return errors.as_dict()


def _reg25a_close(approval: Reg25AApproval, *, ended_on: date, reason: str, by) -> Reg25AApproval:
    approval.ended_on = max(ended_on, approval.approved_on)
    approval.ended_reason = reason
    save_record(approval, by=by)
    matching_emit(
        MatchingEvent.REG25A_ENDED,
        child=approval.match.child,
        on=approval.ended_on,
        by=by,
        record=approval,
    )
    return approval


@transaction.atomic
def reg25a_end(
    *, approval: Reg25AApproval, ended_on: date, reason: str, by: User
) -> Reg25AApproval:
    """Record the end of a temporary approval (CPR reg 25A(3))."""
    child = lock_child(approval.match.child)
    require_perm(by, "matching.authorise_placement", child)
    approval = Reg25AApproval.objects.select_related("match__child").get(pk=approval.pk)
    Errors(reg25a_end_errors(approval=approval, ended_on=ended_on, reason=reason)).raise_any()
    return _reg25a_close(approval, ended_on=ended_on, reason=reason, by=by)


def reg25a_end_for_child(
    *, child: Child, household: Household | None, ended_on: date, reason: str, by
) -> None:
    """End the temporary approvals in force for this child with this household (inside the
    caller's transaction: a placement ended, the child placed for adoption)."""
    for approval in Reg25AApproval.objects.filter(
        match__child=child, match__household=household, ended_on__isnull=True
    ).select_related("match__child"):
        _reg25a_close(approval, ended_on=ended_on, reason=reason, by=by)


def reg25a_end_for_household(*, household: Household, ended_on: date, reason: str, by) -> None:
    """CPR reg 25A(3): approved as foster carers (or their adopter approval terminated) —
    every temporary approval of the household in force ends."""
    for approval in Reg25AApproval.objects.filter(
        match__household=household, ended_on__isnull=True
    ).select_related("match__child"):
        _reg25a_close(approval, ended_on=ended_on, reason=reason, by=by)
