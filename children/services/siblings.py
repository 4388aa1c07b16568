"""Sibling groups: brothers and sisters known to the authority, placed together or apart."""

from django.core.exceptions import ValidationError
from django.db import transaction

from accounts.models import User
from accounts.permissions import require_perm
from accounts.records import save_record

from ..models import Child, SiblingGroup, SiblingPlacement


@transaction.atomic
def sibling_group_set(
    *,
    child: Child,
    by: User,
    name: str,
    placement: SiblingPlacement,
    reason: str = "",
    other_siblings: str = "",
) -> SiblingGroup:
    """Create the child's sibling group, or change the one they are in.

    A group placed apart (or partly apart) needs the reason: ``SiblingGroup.clean``."""
    child = Child.objects.select_for_update().get(pk=child.pk)
    require_perm(by, "children.change_child", child)
    group = child.sibling_group or SiblingGroup(responsible_authority_id=child.organisation_id)
    group.name, group.placement = name, placement
    group.reason, group.other_siblings = reason, other_siblings
    save_record(group, by=by)
    if child.sibling_group_id != group.pk:
        child.sibling_group = group
        save_record(child, by=by)
    return group


@transaction.atomic
def sibling_link(*, child: Child, sibling: Child, by: User) -> SiblingGroup:
    """Add a brother or sister who is also a child of this authority to the child's group."""
    locked = {
        c.pk: c
        for c in Child.objects.select_for_update()
        .filter(pk__in=[child.pk, sibling.pk])
        .order_by("pk")
    }
    child, sibling = locked[child.pk], locked[sibling.pk]
    require_perm(by, "children.change_child", child)
    require_perm(by, "children.change_child", sibling)
    if child.sibling_group_id is None:
        raise ValidationError({"sibling": "Record the sibling group first"})
    if sibling.pk == child.pk:
        raise ValidationError({"sibling": "Choose a brother or sister, not the child themselves"})
    if sibling.sibling_group_id not in (None, child.sibling_group_id):
        raise ValidationError(
            {"sibling": f"{sibling.legal_name} is already in another sibling group"}
        )
    sibling.sibling_group_id = child.sibling_group_id
    save_record(sibling, by=by)
    return child.sibling_group
