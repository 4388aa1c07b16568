"""Every write to a child's record, split by area. Each area module follows ``core``'s shape."""

from .core import (
    can,
    child_access_log_record,
    child_archive,
    child_create,
    child_record_birth,
    child_update,
    require_perm,
    save_record,
)

__all__ = [
    "can",
    "child_access_log_record",
    "child_archive",
    "child_create",
    "child_record_birth",
    "child_update",
    "require_perm",
    "save_record",
]
