"""Every write to a child's record: create, update, archive, record the birth, log each view.

Each service checks the access rules, validates the whole record (``full_clean``, which runs the
model's own rules, so the admin and the pages refuse the same things), and runs in one
transaction. Area services (family, court, plan, reviews, notes, standards) follow the same shape
through ``save_record``.
"""

from datetime import date

import rules
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models, transaction
from django.db.models import Min
from django.utils import timezone

from accounts.models import User

from ..models import Child, ChildAccessLog
from ..selectors.record import format_date


def not_in_future(
    errors: dict, field: str, day: date | None, subject: str, today: date | None = None
) -> None:
    """Refuse a date after today (in England) with "<subject> must be today or in the past",
    keeping any problem already found for the field."""
    if day is not None and day > (today or timezone.localdate()):
        errors.setdefault(field, f"{subject} must be today or in the past")


def can(user: User, perm: str, obj=None) -> bool:
    """Ask the access rules directly: Django's has_perm lets a superuser do anything, but a
    system administrator has no organisation and no place in a child's case."""
    return rules.has_perm(perm, user, obj)


def require_perm(user: User, perm: str, obj=None) -> None:
    """Refuse the action unless the access rules allow it (403 for a child the user can see)."""
    if not can(user, perm, obj):
        raise PermissionDenied(f"{user.pk} may not {perm}")


def save_record(instance: models.Model, *, by: User, exclude: list[str] | None = None):
    """Validate and save any record of the child, stamping who created and changed it."""
    if instance._state.adding and hasattr(instance, "created_by_id"):
        instance.created_by = by
    if hasattr(instance, "updated_by_id"):
        instance.updated_by = by
    # who made the change, for the record's history even outside a web request (tasks, demo)
    instance._history_user = by
    instance.full_clean(exclude=exclude)
    instance.save()
    return instance


@transaction.atomic
def child_create(*, by: User, **fields) -> Child:
    """Create a child's record in the user's own local authority."""
    require_perm(by, "children.add_child")
    child = Child(responsible_authority_id=by.organisation_id, **fields)
    return save_record(child, by=by)


def _dates_against_records(child: Child) -> dict[str, str]:
    """A child's own dates must still fit what is recorded about them: a changed date of birth
    or date became looked after is checked against the proceedings, orders and reviews."""
    errors = {}
    first_issue = child.proceedings.aggregate(first=Min("issued_on"))["first"]
    first_order = child.orders.aggregate(first=Min("made_on"))["first"]
    first_review = child.reviews.filter(held_on__isnull=False).aggregate(first=Min("held_on"))[
        "first"
    ]
    if child.date_of_birth is None and (first_issue or first_order):
        errors["date_of_birth"] = (
            "Enter the date of birth: care proceedings are recorded for this child"
        )
    elif child.date_of_birth:
        limits = (
            (first_issue, "the date proceedings were issued"),
            (first_order, "the first order"),
        )
        for first, what in limits:
            if first and child.date_of_birth > first:
                errors["date_of_birth"] = (
                    f"Date of birth must be on or before {what} ({format_date(first)})"
                )
                break
    if first_review and (child.looked_after_on is None or child.looked_after_on > first_review):
        errors["looked_after_on"] = (
            "Date became looked after must be on or before the first looked-after review "
            f"({format_date(first_review)})"
        )
    return errors


@transaction.atomic
def child_update(*, child: Child, by: User, **fields) -> Child:
    """Change the child's details and allocation."""
    child = Child.objects.select_for_update().get(pk=child.pk)
    require_perm(by, "children.change_child", child)
    for name, value in fields.items():
        setattr(child, name, value)
    errors = _dates_against_records(child)
    if errors:
        raise ValidationError(errors)
    return save_record(child, by=by)


@transaction.atomic
def child_record_birth(
    *, child: Child, date_of_birth: date, by: User, sex: str = "", legal_name: str = ""
) -> Child:
    """Record that an unborn baby has been born: date of birth, sex and, once known, name."""
    child = Child.objects.select_for_update().get(pk=child.pk)
    require_perm(by, "children.change_child", child)
    if not child.is_unborn:
        raise ValidationError(
            {
                "date_of_birth": "The birth has already been recorded: change the date of birth "
                "in the child's details"
            }
        )
    child.date_of_birth = date_of_birth
    if sex:
        child.sex = sex
    if legal_name:
        child.legal_name = legal_name
    return save_record(child, by=by)


@transaction.atomic
def child_archive(*, child: Child, reason: str, by: User) -> Child:
    """Archive a record (kept until the 75th birthday, never deleted from the pages)."""
    child = Child.objects.select_for_update().get(pk=child.pk)
    require_perm(by, "children.archive_child", child)  # refuses a record already archived
    child.archived_at = timezone.now()
    child.archived_reason = reason
    return save_record(child, by=by)


def child_access_log_record(*, child: Child, user: User, path: str) -> ChildAccessLog:
    """Write that a user viewed a child's record (UK GDPR accountability)."""
    return ChildAccessLog.objects.create(child=child, user=user, path=path[:300])
