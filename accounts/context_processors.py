"""Navigation by role: each user sees the links for the work they do."""

from django.urls import NoReverseMatch, reverse

from .navigation import navigation_for


def navigation(request):
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {"nav_items": []}
    items = []
    for item in navigation_for(user):
        try:
            href = reverse(item.url_name)
        except NoReverseMatch:  # an app that is not mounted
            continue
        items.append(
            {
                "label": item.label,
                "href": href,
                "active": request.path == href or (href != "/" and request.path.startswith(href)),
            }
        )
    return {"nav_items": items}
