"""Saving a case record: validated in full, stamped with who, and named in its history."""

import enum
from typing import Literal

from django.db import models

from .models import User


def save_record(instance: models.Model, *, by: User, exclude: list[str] | None = None):
    """Validate and save any case record, stamping who created and changed it."""
    if instance._state.adding and hasattr(instance, "created_by_id"):
        instance.created_by = by
    if hasattr(instance, "updated_by_id"):
        instance.updated_by = by
    # who made the change, for the record's history even outside a web request (tasks, demo)
    instance._history_user = by
    instance.full_clean(exclude=exclude)
    instance.save()
    return instance


class _Keep(enum.Enum):
    KEEP = "keep"


#: The default of an update service's arguments: the field is left as it is.
KEEP = _Keep.KEEP
Keep = Literal[_Keep.KEEP]


def apply_changes(instance: models.Model, **values) -> None:
    """Set the fields an update service was given (those not ``KEEP``) on the record."""
    for name, value in values.items():
        if value is not KEEP:
            setattr(instance, name, value)
