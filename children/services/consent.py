"""Section 19 consent to placement for adoption (ACA 2002 s.19; Standard 2.9).

Sought where consent is unclear; the rules keep the dates in order and the parent in this child's
network. Same shape as ``court``: refusals keyed by field, records locked while they change.
"""

from datetime import date

from django.db import transaction

from accounts.dates import not_in_future
from accounts.errors import Errors
from accounts.models import User
from accounts.permissions import require_perm
from accounts.records import save_record

from ..models import (
    PARENT_RELATIONSHIPS,
    Child,
    ConsentStatus,
    FamilyMember,
    Section19Consent,
)
from .court import CHANGE, CONSIDERED, NOT_A_PARENT, WITHDRAWN, WITNESSED, on_or_after


def section19_errors(
    *,
    child: Child,
    parent: FamilyMember | None,
    status: ConsentStatus | str | None,
    considered_on: date | None,
    witnessed_on: date | None,
    withdrawn_on: date | None,
) -> dict[str | None, str]:
    """What is wrong with a Section 19 consent record, by field: the parent is one of this
    child's, and the dates are in order (considered, then witnessed after the birth, then
    withdrawn). Used when it is recorded and when it is changed, by the form and the services."""
    errors = Errors()
    if parent is not None and (
        parent.child_id != child.pk or parent.relationship not in PARENT_RELATIONSHIPS
    ):
        errors.add("parent", NOT_A_PARENT)
    not_in_future(errors, "considered_on", considered_on, CONSIDERED)
    not_in_future(errors, "witnessed_on", witnessed_on, WITNESSED)
    not_in_future(errors, "withdrawn_on", withdrawn_on, WITHDRAWN)
    on_or_after(
        errors,
        "witnessed_on",
        witnessed_on,
        WITNESSED,
        considered_on,
        "the date Section 19 was considered",
    )
    if witnessed_on is not None:
        if child.is_unborn:
            errors.add("witnessed_on", "Consent cannot be witnessed before the baby is born")
        else:
            on_or_after(
                errors,
                "witnessed_on",
                witnessed_on,
                WITNESSED,
                child.date_of_birth,
                "the date of birth",
            )
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
        "the date Section 19 was considered",
    )
    if status == ConsentStatus.GIVEN and witnessed_on is None:
        errors.add("witnessed_on", "Enter the date Cafcass witnessed consent")
    if status == ConsentStatus.WITHDRAWN and withdrawn_on is None:
        errors.add("withdrawn_on", "Enter the date consent was withdrawn")
    return errors.as_dict()


@transaction.atomic
def section19_record(
    *,
    child: Child,
    parent: FamilyMember,
    status: ConsentStatus,
    considered_on: date,
    by: User,
    witnessed_on: date | None = None,
    withdrawn_on: date | None = None,
    notes: str = "",
) -> Section19Consent:
    """Record that Section 19 consent was considered for a parent, and where it stands."""
    require_perm(by, CHANGE, child)
    Errors(
        section19_errors(
            child=child,
            parent=parent,
            status=status,
            considered_on=considered_on,
            witnessed_on=witnessed_on,
            withdrawn_on=withdrawn_on,
        )
    ).raise_any()
    consent = Section19Consent(
        child=child,
        parent=parent,
        status=status,
        considered_on=considered_on,
        witnessed_on=witnessed_on,
        withdrawn_on=withdrawn_on,
        notes=notes,
    )
    return save_record(consent, by=by)


@transaction.atomic
def section19_update(
    *,
    consent: Section19Consent,
    parent: FamilyMember,
    status: ConsentStatus,
    considered_on: date,
    by: User,
    witnessed_on: date | None = None,
    withdrawn_on: date | None = None,
    notes: str = "",
) -> Section19Consent:
    """Change a Section 19 consent record: its status, its dates or its notes."""
    consent = (
        Section19Consent.objects.select_for_update(of=("self",))
        .select_related("child")
        .get(pk=consent.pk)
    )
    require_perm(by, CHANGE, consent.child)
    Errors(
        section19_errors(
            child=consent.child,
            parent=parent,
            status=status,
            considered_on=considered_on,
            witnessed_on=witnessed_on,
            withdrawn_on=withdrawn_on,
        )
    ).raise_any()
    consent.parent = parent
    consent.status = status
    consent.considered_on = considered_on
    consent.witnessed_on = witnessed_on
    consent.withdrawn_on = withdrawn_on
    consent.notes = notes
    return save_record(consent, by=by)
