"""JSON for the child chooser (accounts/autocomplete.py): children the user may see."""

from django.core.exceptions import PermissionDenied
from django.http import JsonResponse
from django.views.decorators.http import require_GET

from accounts.autocomplete import LIMIT, search_text

from .. import selectors
from ..rules import works_with_children
from ..selectors.search import child_hint, child_label, child_search


@require_GET
def children_search(request):
    """Up to 10 open records matching ``?q=`` (name or child ID), scoped like the list.

    ``&sibling_of=<pk>`` narrows to who may join that child's sibling group (404 when the user
    may not see that child).
    """
    if not works_with_children.test(request.user):
        raise PermissionDenied
    sibling_of = None
    if request.GET.get("sibling_of", "").isdigit():
        sibling_of = selectors.child_for_user(
            user=request.user, pk=int(request.GET["sibling_of"][:18])
        )
    children = child_search(
        user=request.user,
        text=search_text(request.GET.get("q")),
        sibling_of=sibling_of,
        limit=LIMIT,
    )
    return JsonResponse(
        {
            "results": [
                {"id": child.pk, "name": child_label(child), "hint": child_hint(child)}
                for child in children
            ]
        }
    )
