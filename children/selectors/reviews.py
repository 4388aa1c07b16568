"""IRO concerns, open ones first."""

from dataclasses import dataclass

from ..models import Child, IROConcern


@dataclass(frozen=True)
class ConcernLists:
    open: list
    resolved: list


def iro_concerns_open_first(*, child: Child) -> ConcernLists:
    """The IRO's concerns: open ones (newest first), then resolved ones (newest first)."""

    if "iro_concerns" in getattr(child, "_prefetched_objects_cache", {}):
        concerns = list(child.iro_concerns.all())
    else:
        concerns = list(
            IROConcern.objects.filter(child=child).select_related("review", "created_by")
        )
    return ConcernLists(
        open=[c for c in concerns if c.resolved_on is None],
        resolved=[c for c in concerns if c.resolved_on is not None],
    )
