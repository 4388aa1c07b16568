"""Writes about who may consent, and when (LAW.md "Who may consent, and when"): consent to
placement for adoption (ACA 2002 s.19) with advance consent (s.20), a parent's written agreement
for a baby under six weeks (AAR reg 35(4)), a father without parental responsibility (AAR reg 14),
parental responsibility, Part 19 applications (Standard 2.9) and section 20 accommodation.

Same shape as ``court``: each rule that compares records is one ``<entity>_<action>_errors``
that the form's ``clean()`` and the service both call; refusals keyed by field; one transaction.
"""

from datetime import date

from django.db import transaction

from accounts.dates import format_date, not_in_future
from accounts.errors import Errors
from accounts.models import User
from accounts.permissions import require_perm
from accounts.records import apply_changes, save_record

from ..events import ChildEvent, child_emit_change
from ..models import (
    GUARDIAN_RELATIONSHIPS,
    PARENT_RELATIONSHIPS,
    Child,
    ConsentKind,
    ConsentStatus,
    ConsentToPlacement,
    FamilyMember,
    FatherWithoutPR,
    Informed,
    Part19Application,
    Part19Outcome,
    PRBasis,
    Relationship,
    Section20Accommodation,
    Section20End,
    WrittenAgreement,
    YesNoUnknown,
)
from ..selectors.legal import (
    adoption_application_made_on,
    consent_authority,
    member_holds_pr,
    six_weeks_old_on,
)
from .court import CHANGE, on_or_after

CONSIDERED = "Date consent was first discussed"
WITNESSED = "Date Cafcass witnessed consent"
WITHDRAWN = "Date consent was withdrawn"
NOT_A_CONSENTER = "Choose a parent with parental responsibility or a guardian of this child"
NOT_A_FATHER = "Choose a father or alleged father of this child without parental responsibility"
NOT_THIS_CHILDS = "Choose a member of this child's family network"


def _birth_errors(errors: Errors, child: Child, field: str, day: date | None, subject: str):
    if day is None:
        return
    if child.date_of_birth is None:
        errors.add(field, f"{subject} must be after the birth: record the birth first")
    else:
        on_or_after(errors, field, day, subject, child.date_of_birth, "the date of birth")


def may_consent(member: FamilyMember, child: Child, day: date) -> bool:
    """A parent with parental responsibility or a guardian, special guardians included (ACA
    ss.19(1), 52(6), 144(1)); an alleged father without PR is not asked (AAR reg 14)."""
    if member.relationship in GUARDIAN_RELATIONSHIPS:
        return True
    return member.relationship in PARENT_RELATIONSHIPS and member_holds_pr(member, child, day)


# --- consent to placement for adoption ------------------------------------------------------


def consent_withdrawal_errors(*, child: Child, withdrawn_on: date | None) -> dict[str | None, str]:
    """ACA 2002 s.52(4): consent to placement may be withdrawn only until an adoption
    application is made; a withdrawal on or after that day is ineffective, so it is refused."""
    errors = Errors()
    made = adoption_application_made_on(child)
    if withdrawn_on is not None and made is not None and withdrawn_on >= made:
        errors.add(
            "withdrawn_on",
            f"{WITHDRAWN} must be before the adoption application was made "
            f"({format_date(made)}): consent cannot be withdrawn after that (ACA s.52(4))",
        )
    return errors.as_dict()


def consent_errors(
    *,
    child: Child,
    parent: FamilyMember | None,
    status: ConsentStatus | str | None,
    kind: ConsentKind | str | None,
    considered_on: date | None,
    witnessed_on: date | None,
    withdrawn_on: date | None,
    advance_consent_on: date | None = None,
    no_notice_statement_on: date | None = None,
) -> dict[str | None, str]:
    """What is wrong with a consent record, by field: the parent is one of this child's with
    parental responsibility (or a guardian) and the dates are in order (discussed, witnessed
    after the birth, then withdrawn). A consent witnessed before six weeks is recorded (and
    flagged), not refused: it happened."""
    errors = Errors()
    if parent is not None:
        day = witnessed_on or considered_on or child.date_of_birth
        if parent.child_id != child.pk or not (
            parent.relationship in GUARDIAN_RELATIONSHIPS
            or (
                parent.relationship in PARENT_RELATIONSHIPS
                and (day is None or child.date_of_birth is None or may_consent(parent, child, day))
            )
        ):
            errors.add("parent", NOT_A_CONSENTER)
    not_in_future(errors, "considered_on", considered_on, CONSIDERED)
    for name, day, subject in (
        ("witnessed_on", witnessed_on, WITNESSED),
        ("withdrawn_on", withdrawn_on, WITHDRAWN),
        ("advance_consent_on", advance_consent_on, "Date of advance consent"),
        ("no_notice_statement_on", no_notice_statement_on, "Date of the statement"),
    ):
        not_in_future(errors, name, day, subject)
    on_or_after(
        errors,
        "witnessed_on",
        witnessed_on,
        WITNESSED,
        considered_on,
        "the date consent was first discussed",
    )
    if witnessed_on is not None and child.is_unborn:
        errors.add("witnessed_on", "Consent cannot be witnessed before the baby is born")
    else:
        _birth_errors(errors, child, "witnessed_on", witnessed_on, WITNESSED)
    if witnessed_on is not None:
        on_or_after(
            errors,
            "withdrawn_on",
            withdrawn_on,
            WITHDRAWN,
            witnessed_on,
            "the date Cafcass witnessed consent",
        )
    on_or_after(
        errors,
        "withdrawn_on",
        withdrawn_on,
        WITHDRAWN,
        considered_on,
        "the date consent was first discussed",
    )
    if status in (ConsentStatus.GIVEN, ConsentStatus.WITHDRAWN):
        if witnessed_on is None:
            errors.add("witnessed_on", "Enter the date Cafcass witnessed consent")
        if not kind:
            errors.add("kind", "Select the kind of consent: to identified adopters or to any")
    elif witnessed_on is not None and status is not None:
        errors.add(
            "status", "Select ‘Consent given and witnessed by Cafcass’ for a witnessed consent"
        )
    errors.update(consent_withdrawal_errors(child=child, withdrawn_on=withdrawn_on))
    if status == ConsentStatus.WITHDRAWN and withdrawn_on is None:
        errors.add("withdrawn_on", "Enter the date consent was withdrawn")
    if withdrawn_on is not None and status != ConsentStatus.WITHDRAWN and status is not None:
        errors.add("status", "Select ‘Consent withdrawn’ when you enter the date it was withdrawn")
    # ACA s.20: advance consent is given with or after consent to placement
    for name, day in (
        ("advance_consent_on", advance_consent_on),
        ("no_notice_statement_on", no_notice_statement_on),
    ):
        if day is not None and witnessed_on is None:
            errors.add(name, "Record the date Cafcass witnessed consent to placement first")
        elif day is not None:
            on_or_after(
                errors, name, day, "The date", witnessed_on, "the date Cafcass witnessed consent"
            )
    if no_notice_statement_on is not None and advance_consent_on is None:
        errors.add(
            "no_notice_statement_on",
            "A statement under s.20(4)(a) is made by a parent who gave advance consent: enter "
            "the date of advance consent",
        )
    return errors.as_dict()


def _consent_fields(
    *,
    parent,
    status,
    kind,
    considered_on,
    witnessed_on,
    withdrawn_on,
    advance_consent_on,
    no_notice_statement_on,
    notes,
) -> dict:
    return {
        "parent": parent,
        "status": status,
        "kind": kind or "",
        "considered_on": considered_on,
        "witnessed_on": witnessed_on,
        "withdrawn_on": withdrawn_on,
        "advance_consent_on": advance_consent_on,
        "no_notice_statement_on": no_notice_statement_on,
        "notes": notes,
    }


@transaction.atomic
def consent_record(
    *,
    child: Child,
    parent: FamilyMember,
    status: ConsentStatus,
    considered_on: date,
    by: User,
    kind: ConsentKind | str = "",
    witnessed_on: date | None = None,
    withdrawn_on: date | None = None,
    advance_consent_on: date | None = None,
    no_notice_statement_on: date | None = None,
    notes: str = "",
) -> ConsentToPlacement:
    """Record a parent's or guardian's consent to placement for adoption, and where it stands."""
    child = Child.objects.select_for_update().get(pk=child.pk)
    require_perm(by, CHANGE, child)
    fields = _consent_fields(
        parent=parent,
        status=status,
        kind=kind,
        considered_on=considered_on,
        witnessed_on=witnessed_on,
        withdrawn_on=withdrawn_on,
        advance_consent_on=advance_consent_on,
        no_notice_statement_on=no_notice_statement_on,
        notes=notes,
    )
    Errors(
        consent_errors(child=child, **{k: v for k, v in fields.items() if k != "notes"})
    ).raise_any()
    consent = save_record(ConsentToPlacement(child=child, **fields), by=by)
    _consent_emit(consent, before={}, by=by)
    return consent


# the consent record's dates and the event each sends when first recorded or corrected
CONSENT_EVENTS = (
    ("witnessed_on", ChildEvent.CONSENT_TO_PLACEMENT_GIVEN),
    ("withdrawn_on", ChildEvent.CONSENT_TO_PLACEMENT_WITHDRAWN),
    ("advance_consent_on", ChildEvent.ADVANCE_CONSENT_GIVEN),
)


def _consent_emit(consent: ConsentToPlacement, *, before: dict, by: User) -> None:
    for name, kind in CONSENT_EVENTS:
        child_emit_change(
            kind,
            child=consent.child,
            before=before.get(name),
            after=getattr(consent, name),
            by=by,
            record=consent,
        )


@transaction.atomic
def consent_update(
    *,
    consent: ConsentToPlacement,
    parent: FamilyMember,
    status: ConsentStatus,
    considered_on: date,
    by: User,
    kind: ConsentKind | str = "",
    witnessed_on: date | None = None,
    withdrawn_on: date | None = None,
    advance_consent_on: date | None = None,
    no_notice_statement_on: date | None = None,
    notes: str = "",
) -> ConsentToPlacement:
    """Change a consent record: where it stands (withdrawn, with the date), its dates or notes."""
    consent = (
        ConsentToPlacement.objects.select_for_update(of=("self",))
        .select_related("child")
        .get(pk=consent.pk)
    )
    require_perm(by, CHANGE, consent.child)
    fields = _consent_fields(
        parent=parent,
        status=status,
        kind=kind,
        considered_on=considered_on,
        witnessed_on=witnessed_on,
        withdrawn_on=withdrawn_on,
        advance_consent_on=advance_consent_on,
        no_notice_statement_on=no_notice_statement_on,
        notes=notes,
    )
    Errors(
        consent_errors(child=consent.child, **{k: v for k, v in fields.items() if k != "notes"})
    ).raise_any()
    before = {name: getattr(consent, name) for name, _ in CONSENT_EVENTS}
    for name, value in fields.items():
        setattr(consent, name, value)
    save_record(consent, by=by)
    _consent_emit(consent, before=before, by=by)
    return consent


# --- written agreement (baby under six weeks) ------------------------------------------------


def written_agreement_errors(
    *, child: Child, parent: FamilyMember | None, agreed_on: date | None
) -> dict[str | None, str]:
    """A parent with PR of this child, after the birth and before the baby is six weeks old
    (ACA s.18(1); AAR reg 35(4))."""
    errors = Errors()
    subject = "Date of the written agreement"
    not_in_future(errors, "agreed_on", agreed_on, subject)
    if child.date_of_birth is None:
        if agreed_on is not None:
            errors.add("agreed_on", "Record the birth first: a written agreement is made after it")
    else:
        _birth_errors(errors, child, "agreed_on", agreed_on, subject)
        six_weeks = six_weeks_old_on(child)
        if agreed_on is not None and six_weeks is not None and agreed_on >= six_weeks:
            errors.add(
                "agreed_on",
                f"{subject} must be before the baby is six weeks old ({format_date(six_weeks)}): "
                "from then, record consent to placement for adoption",
            )
    if parent is not None and (
        parent.child_id != child.pk
        or not may_consent(parent, child, agreed_on or child.date_of_birth or date.max)
    ):
        errors.add("parent", NOT_A_CONSENTER)
    return errors.as_dict()


@transaction.atomic
def written_agreement_record(
    *, child: Child, parent: FamilyMember, agreed_on: date, by: User, notes: str = ""
) -> WrittenAgreement:
    """Record a parent's written agreement to placing a baby under six weeks for adoption."""
    require_perm(by, CHANGE, child)
    Errors(written_agreement_errors(child=child, parent=parent, agreed_on=agreed_on)).raise_any()
    agreement = save_record(
        WrittenAgreement(child=child, parent=parent, agreed_on=agreed_on, notes=notes), by=by
    )
    # the deadline "s.19 consent or a placement order by six weeks old" starts from it
    child_emit_change(
        ChildEvent.WRITTEN_AGREEMENT_SIGNED,
        child=child,
        before=None,
        after=agreed_on,
        by=by,
        record=agreement,
    )
    return agreement


# --- father without parental responsibility -------------------------------------------------


def father_without_pr_errors(
    *,
    child: Child,
    father: FamilyMember | None,
    identity_known: str | None,
    informed: str | None,
    informed_on: date | None,
    decided_by: str,
    decision_reason: str,
    counselled_on: date | None,
) -> dict[str | None, str]:
    """AAR reg 14: who he is (if known), whether he was told and when, who decided not to tell
    him and why; he is a father of this child without parental responsibility."""
    errors = Errors()
    if father is not None:
        if (
            father.child_id != child.pk
            or father.relationship not in (Relationship.FATHER, Relationship.ALLEGED_FATHER)
            or member_holds_pr(father, child, informed_on or date.max)
        ):
            errors.add("father", NOT_A_FATHER)
    if identity_known == YesNoUnknown.YES and father is None:
        errors.add("father", "Choose the father: his identity is known")
    not_in_future(errors, "informed_on", informed_on, "Date he was informed")
    not_in_future(errors, "counselled_on", counselled_on, "Date he was counselled")
    if informed == Informed.INFORMED and informed_on is None:
        errors.add("informed_on", "Enter the date he was informed")
    if informed != Informed.INFORMED and informed_on is not None:
        errors.add("informed", "Select ‘Informed’ when you enter the date he was informed")
    if informed == Informed.NOT_INFORMED:
        if not (decided_by or "").strip():
            errors.add("decided_by", "Enter who decided not to inform him")
        if not (decision_reason or "").strip():
            errors.add("decision_reason", "Enter why he is not informed")
    return errors.as_dict()


@transaction.atomic
def father_without_pr_record(
    *,
    child: Child,
    by: User,
    identity_known: YesNoUnknown | str,
    father: FamilyMember | None = None,
    informed: Informed | str = Informed.NOT_YET,
    informed_on: date | None = None,
    decided_by: str = "",
    decision_reason: str = "",
    counselled_on: date | None = None,
    wishes: str = "",
    notes: str = "",
    record: FatherWithoutPR | None = None,
) -> FatherWithoutPR:
    """Record (or, given ``record``, change) what is known of a father without parental
    responsibility: told or not and who decided, counselling, his wishes (AAR reg 14)."""
    if record is not None:
        record = FatherWithoutPR.objects.select_for_update(of=("self",)).get(pk=record.pk)
        child = record.child
    require_perm(by, CHANGE, child)
    Errors(
        father_without_pr_errors(
            child=child,
            father=father,
            identity_known=identity_known,
            informed=informed,
            informed_on=informed_on,
            decided_by=decided_by,
            decision_reason=decision_reason,
            counselled_on=counselled_on,
        )
    ).raise_any()
    record = record or FatherWithoutPR(child=child)
    apply_changes(
        record,
        father=father,
        identity_known=identity_known,
        informed=informed,
        informed_on=informed_on,
        decided_by=decided_by,
        decision_reason=decision_reason,
        counselled_on=counselled_on,
        wishes=wishes,
        notes=notes,
    )
    return save_record(record, by=by)


# --- parental responsibility -----------------------------------------------------------------

FATHER_BASES = {PRBasis.MARRIAGE, PRBasis.REGISTRATION, PRBasis.AGREEMENT, PRBasis.ORDER}
REGISTRATION_FROM = date(2003, 12, 1)  # CA 1989 s.4(1)(a), in force 1 December 2003


def parental_responsibility_errors(
    *, member: FamilyMember, basis: PRBasis | str | None, acquired_on: date | None
) -> dict[str | None, str]:
    """CA 1989 ss.2, 4, 4ZA, 5, 12, 14C: the mother from the birth (not before); a father by
    marriage, registration, agreement or order; a guardian or special guardian; dated from the
    birth or later."""
    errors = Errors()
    child = member.child
    subject = "Date parental responsibility began"
    if not basis:
        errors.add("basis", "Select how they have parental responsibility")
        return errors.as_dict()
    if basis == PRBasis.MOTHER:
        if member.relationship != Relationship.MOTHER:
            errors.add("basis", "Only the mother has parental responsibility from the birth")
        elif child.date_of_birth is None:
            errors.add(
                "basis",
                "The mother has parental responsibility from the birth: record the birth first",
            )
        elif acquired_on is not None and acquired_on != child.date_of_birth:
            errors.add(
                "acquired_on",
                f"{subject} for the mother is the date of birth "
                f"({format_date(child.date_of_birth)})",
            )
        return errors.as_dict()
    if member.relationship == Relationship.MOTHER:
        errors.add("basis", "The mother has parental responsibility from the birth: select it")
        return errors.as_dict()
    if basis == PRBasis.NONE:
        if acquired_on is not None:
            errors.add(
                "acquired_on", "Leave the date empty: they do not have parental responsibility"
            )
        return errors.as_dict()
    if basis in FATHER_BASES and member.relationship not in (
        Relationship.FATHER,
        Relationship.ALLEGED_FATHER,
    ):
        errors.add("basis", "Only a father (or a second female parent) has it on this basis")
    if child.date_of_birth is None:
        errors.add("basis", "Parental responsibility begins at the birth: record the birth first")
        return errors.as_dict()
    if acquired_on is None:
        errors.add("acquired_on", "Enter the date parental responsibility began")
        return errors.as_dict()
    not_in_future(errors, "acquired_on", acquired_on, subject)
    on_or_after(
        errors, "acquired_on", acquired_on, subject, child.date_of_birth, "the date of birth"
    )
    if basis == PRBasis.REGISTRATION and acquired_on < REGISTRATION_FROM:
        errors.add(
            "acquired_on",
            "A father named on the birth register has parental responsibility only for a birth "
            "registered on or after 1 December 2003",
        )
    return errors.as_dict()


@transaction.atomic
def parental_responsibility_record(
    *, member: FamilyMember, basis: PRBasis | str, by: User, acquired_on: date | None = None
) -> FamilyMember:
    """Record how and since when a family member holds parental responsibility (or that they do
    not); the family member's yes/no answer follows."""
    member = (
        FamilyMember.objects.select_for_update(of=("self",))
        .select_related("child")
        .get(pk=member.pk)
    )
    require_perm(by, CHANGE, member.child)
    Errors(
        parental_responsibility_errors(member=member, basis=basis, acquired_on=acquired_on)
    ).raise_any()
    if basis == PRBasis.MOTHER:
        acquired_on = member.child.date_of_birth
    before = member.pr_acquired_on
    member.pr_basis = basis
    member.pr_acquired_on = acquired_on
    member.parental_responsibility = YesNoUnknown.NO if basis == PRBasis.NONE else YesNoUnknown.YES
    save_record(member, by=by)
    child_emit_change(
        ChildEvent.PARENTAL_RESPONSIBILITY_ACQUIRED,
        child=member.child,
        before=before,
        after=acquired_on,
        by=by,
        record=member,
    )
    return member


# --- Part 19 application (Standard 2.9) -------------------------------------------------------


def part19_errors(
    *,
    applied_on: date | None,
    issued_on: date | None,
    outcome: Part19Outcome | str | None,
    decided_on: date | None,
) -> dict[str | None, str]:
    """FPR Part 19: made, issued, then decided, in that order; a decision has its date."""
    errors = Errors()
    not_in_future(errors, "applied_on", applied_on, "Date the application was made")
    not_in_future(errors, "issued_on", issued_on, "Date the application was issued")
    not_in_future(errors, "decided_on", decided_on, "Date of the decision")
    on_or_after(
        errors,
        "issued_on",
        issued_on,
        "Date the application was issued",
        applied_on,
        "the date it was made",
    )
    on_or_after(
        errors,
        "decided_on",
        decided_on,
        "Date of the decision",
        issued_on or applied_on,
        "the date it was issued" if issued_on else "the date it was made",
    )
    if outcome and outcome != Part19Outcome.PENDING and decided_on is None:
        errors.add("decided_on", "Enter the date of the decision")
    if decided_on is not None and outcome == Part19Outcome.PENDING:
        errors.add("outcome", "Select the court's decision")
    return errors.as_dict()


@transaction.atomic
def part19_record(
    *,
    child: Child,
    question: str,
    applied_on: date,
    by: User,
    issued_on: date | None = None,
    directions: str = "",
    outcome: Part19Outcome | str = Part19Outcome.PENDING,
    decided_on: date | None = None,
    notes: str = "",
    record: Part19Application | None = None,
) -> Part19Application:
    """Record (or, given ``record``, change) an application to the court under FPR Part 19 for
    guidance: issued, directions, outcome and dates."""
    if record is not None:
        record = Part19Application.objects.select_for_update(of=("self",)).get(pk=record.pk)
        child = record.child
    require_perm(by, CHANGE, child)
    Errors(
        part19_errors(
            applied_on=applied_on, issued_on=issued_on, outcome=outcome, decided_on=decided_on
        )
    ).raise_any()
    before = (record.applied_on, record.decided_on) if record is not None else (None, None)
    record = record or Part19Application(child=child)
    apply_changes(
        record,
        question=question,
        applied_on=applied_on,
        issued_on=issued_on,
        directions=directions,
        outcome=outcome,
        decided_on=decided_on,
        notes=notes,
    )
    save_record(record, by=by)
    for kind, was, now in (
        (ChildEvent.PART19_APPLICATION_MADE, before[0], applied_on),
        (ChildEvent.PART19_APPLICATION_DECIDED, before[1], decided_on),
    ):
        child_emit_change(kind, child=child, before=was, after=now, by=by, record=record)
    return record


# --- section 20 accommodation ----------------------------------------------------------------


def section20_errors(
    *,
    child: Child,
    agreed_by: FamilyMember | None,
    agreed_on: date | None,
    withdrawn_on: date | None,
    ended_on: date | None,
    end_reason: Section20End | str | None,
) -> dict[str | None, str]:
    """CA 1989 s.20: agreed by a person with parental responsibility for a born child (s.20(7)),
    then withdrawn or ended, in order; an end has its reason."""
    errors = Errors()
    subject = "Date of the agreement"
    not_in_future(errors, "agreed_on", agreed_on, subject)
    if child.date_of_birth is None:
        if agreed_on is not None:
            errors.add("agreed_on", "Record the birth first: a baby is accommodated once born")
    else:
        _birth_errors(errors, child, "agreed_on", agreed_on, subject)
    if agreed_by is not None and (
        agreed_by.child_id != child.pk
        or (child.date_of_birth and not member_holds_pr(agreed_by, child, agreed_on or date.max))
    ):
        errors.add("agreed_by", "Choose a person with parental responsibility for this child")
    for name, day, what in (
        ("withdrawn_on", withdrawn_on, "Date the parent withdrew agreement"),
        ("ended_on", ended_on, "Date accommodation under section 20 ended"),
    ):
        not_in_future(errors, name, day, what)
        on_or_after(errors, name, day, what, agreed_on, "the date of the agreement")
    if ended_on is not None and not end_reason:
        errors.add("end_reason", "Select why accommodation under section 20 ended")
    if end_reason and ended_on is None:
        errors.add("ended_on", "Enter the date accommodation under section 20 ended")
    if ended_on is not None and end_reason == Section20End.ORDER:
        if not any(o.made_on == ended_on for o in child.orders.all()):
            errors.add(
                "end_reason",
                f"No order made on {format_date(ended_on)} is recorded: record the order first",
            )
    if ended_on is not None and end_reason == Section20End.CONSENT:
        # ACA s.30(3): once the agency is authorised to place by consent, the parent may no
        # longer remove the child, and section 20(8) no longer applies (s.30(6))
        if not consent_authority(child=child, on=ended_on).authorised:
            errors.add(
                "end_reason",
                f"Consent to placement for adoption did not authorise placement on "
                f"{format_date(ended_on)}: record the consent first",
            )
    return errors.as_dict()


@transaction.atomic
def section20_record(
    *,
    child: Child,
    agreed_by: FamilyMember,
    agreed_on: date,
    by: User,
    capacity_checked: bool = False,
    told_of_right_to_remove: bool = False,
    withdrawn_on: date | None = None,
    ended_on: date | None = None,
    end_reason: Section20End | str = "",
    notes: str = "",
    record: Section20Accommodation | None = None,
) -> Section20Accommodation:
    """Record (or, given ``record``, change) accommodation under section 20: who agreed, when,
    capacity, told of the right to remove (s.20(8)), withdrawn or ended and why."""
    if record is not None:
        record = Section20Accommodation.objects.select_for_update(of=("self",)).get(pk=record.pk)
        child = record.child
    require_perm(by, CHANGE, child)
    Errors(
        section20_errors(
            child=child,
            agreed_by=agreed_by,
            agreed_on=agreed_on,
            withdrawn_on=withdrawn_on,
            ended_on=ended_on,
            end_reason=end_reason,
        )
    ).raise_any()
    before = (
        (record.agreed_on, record.withdrawn_on, record.ended_on)
        if record is not None
        else (None, None, None)
    )
    record = record or Section20Accommodation(child=child)
    apply_changes(
        record,
        agreed_by=agreed_by,
        agreed_on=agreed_on,
        capacity_checked=capacity_checked,
        told_of_right_to_remove=told_of_right_to_remove,
        withdrawn_on=withdrawn_on,
        ended_on=ended_on,
        end_reason=end_reason,
        notes=notes,
    )
    save_record(record, by=by)
    for kind, was, now in (
        (ChildEvent.SECTION20_ACCOMMODATION_STARTED, before[0], agreed_on),
        (ChildEvent.SECTION20_AGREEMENT_WITHDRAWN, before[1], withdrawn_on),
        (ChildEvent.SECTION20_ACCOMMODATION_ENDED, before[2], ended_on),
    ):
        child_emit_change(kind, child=child, before=was, after=now, by=by, record=record)
    return record
