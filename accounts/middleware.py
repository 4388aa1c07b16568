"""Session lifetime and caching rules for pages that carry personal data."""

import time

from django.conf import settings
from django.contrib.auth import logout
from django.contrib.auth.views import redirect_to_login
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import urlencode

from . import second_factor

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


def second_factor_exempt(view):
    """Mark a view that a signed-in person may open before showing their second factor (the
    pages that ask for it and sign-out). Pages open to visitors are exempt anyway."""
    view.second_factor_exempt = True
    return view


class SecondFactorRequiredMiddleware:
    """A person who needs a second factor sees nothing of the service, the Django admin
    included, until they have shown it: they are sent to set up their authenticator app, or to
    enter a code from it (docs/sign-in.md). Runs after LoginRequiredMiddleware."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if not request.user.is_authenticated:
            return None
        view_class = getattr(view_func, "view_class", None)
        if (
            getattr(view_func, "second_factor_exempt", False)
            or getattr(view_class, "second_factor_exempt", False)
            or not getattr(view_func, "login_required", True)
        ):
            return None
        if not second_factor.needed(request) or second_factor.satisfied(request):
            return None
        target = (
            "accounts:second_factor_verify"
            if second_factor.has_app(request.user)
            else "accounts:second_factor_setup"
        )
        return redirect(f"{reverse(target)}?{urlencode({'next': request.get_full_path()})}")
