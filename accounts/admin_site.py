"""The Django admin asks for the verified second factor of those who need one.

SecondFactorRequiredMiddleware already sends such a person to the code page before any admin
view runs; the site checks again, so that the admin stays closed if the middleware is ever
left out of a settings file.
"""

from django.contrib import admin
from django.contrib.admin.apps import AdminConfig


class SecondFactorAdminSite(admin.AdminSite):
    def has_permission(self, request):
        from . import second_factor

        if not super().has_permission(request):
            return False
        return not second_factor.needed(request) or second_factor.satisfied(request)


class EPAdminConfig(AdminConfig):
    """django.contrib.admin, on the site above (INSTALLED_APPS names this in its place)."""

    default_site = "accounts.admin_site.SecondFactorAdminSite"
