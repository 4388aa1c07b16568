"""Permission checks every app uses: the access rules (``rules``), asked directly."""

import rules
from django.core.exceptions import PermissionDenied

from .models import User


def can(user: User, perm: str, obj=None) -> bool:
    """Ask the access rules directly: Django's has_perm lets a superuser do anything, but a
    system administrator has no organisation and no place in a child's case."""
    return rules.has_perm(perm, user, obj)


def require_perm(user: User, perm: str, obj=None) -> None:
    """Refuse the action unless the access rules allow it (403 for a record the user can see)."""
    if not can(user, perm, obj):
        raise PermissionDenied(f"{user.pk} may not {perm}")
