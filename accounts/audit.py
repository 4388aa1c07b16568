"""Refused access to a record's URL, written to ``RefusedAccess`` (issue 15 item 6).

A user probing for other organisations' children (or another child's hearing under their own
child's URL) sees 404 or 403 and nothing else; the service keeps a line for each attempt so that
an organisation can see it. Record URLs are those that name an object (a URL argument); the
admin has its own log (``django_admin_log``) and answers another organisation's object with a
redirect, so it is left out.
"""

from .models import FetchSite, RefusedAccess

RECORDED = {status.value for status in RefusedAccess.Outcome}


def is_record_url(request) -> bool:
    """The request resolved to one of the service's pages about an object (it has URL kwargs)."""
    match = getattr(request, "resolver_match", None)
    return bool(match and match.kwargs and "admin" not in match.namespaces)


def refused_access_record(
    *, user, method: str, path: str, outcome: int, fetch_site: str = ""
) -> RefusedAccess:
    """Write that a signed-in user was refused a record's URL (ids only, no query string)."""
    return RefusedAccess.objects.create(
        user=user, method=method[:10], path=path[:300], outcome=outcome, fetch_site=fetch_site
    )


class RefusedAccessMiddleware:
    """After the view: a 403 or 404 on a record URL for a signed-in user is written down."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if (
            response.status_code in RECORDED
            and request.user.is_authenticated
            and is_record_url(request)
        ):
            refused_access_record(
                user=request.user,
                method=request.method,
                path=request.path,
                outcome=response.status_code,
                fetch_site=FetchSite.of(request),
            )
        return response
