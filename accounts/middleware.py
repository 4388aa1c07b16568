"""Session lifetime and caching rules for pages that carry personal data."""

import time

from django.conf import settings
from django.contrib.auth import logout
from django.contrib.auth.views import redirect_to_login

SESSION_STARTED_KEY = "_ep_session_started"


class AbsoluteSessionLifetimeMiddleware:
    """End a session a fixed time after sign-in, however active it has been.

    Django renews the session cookie on each request (the idle timeout) but has no absolute
    lifetime; a case worker's session must not outlive a working day.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.user.is_authenticated:
            started = request.session.get(SESSION_STARTED_KEY)
            now = time.time()
            if started is None:
                request.session[SESSION_STARTED_KEY] = now
            elif now - started > settings.SESSION_ABSOLUTE_LIFETIME_SECONDS:
                logout(request)
                return redirect_to_login(request.get_full_path())
        return self.get_response(request)


class NoStoreMiddleware:
    """Pages may carry special category data: browsers and proxies must not keep a copy.

    Static files are served by WhiteNoise before this runs and keep their long cache lifetimes.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response["Cache-Control"] = "no-store"
        response.setdefault("Pragma", "no-cache")
        return response


class SecurityHeadersMiddleware:
    """Headers Django's SecurityMiddleware does not set, on every response (static files too).

    ``Permissions-Policy`` turns off the browser features the service never uses, so a script
    injected into a page could not switch them on; ``Cross-Origin-Resource-Policy: same-origin``
    stops another site loading our responses (a chronology CSV, an image) as its own resources.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.setdefault("Permissions-Policy", settings.EP_PERMISSIONS_POLICY)
        response.setdefault(
            "Cross-Origin-Resource-Policy", settings.EP_CROSS_ORIGIN_RESOURCE_POLICY
        )
        return response
