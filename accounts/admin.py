"""Admin for the ground floor. An organisation's admin sees and manages only its own people.

Permissions come from ``accounts.rules`` (the rules backend), the same rules the pages use.
"""

from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from rules.contrib.admin import ObjectPermissionsModelAdminMixin, ObjectPermissionsTabularInline

from .admin_mixins import ReadOnlyAdminMixin
from .models import Membership, Organisation, RefusedAccess, Team, User


class OrganisationScopedAdminMixin(ObjectPermissionsModelAdminMixin):
    """Narrow lists and choices to the admin user's own organisation (superusers see all)."""

    organisation_path = "organisation"

    def has_module_permission(self, request):
        return request.user.has_perm(self.opts.app_label)

    def get_queryset(self, request):
        queryset = super().get_queryset(request)
        if request.user.is_superuser:
            return queryset
        return queryset.filter(**{self.organisation_path: request.user.organisation_id})

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if not request.user.is_superuser:
            model = db_field.remote_field.model
            if model is Organisation:
                kwargs["queryset"] = Organisation.objects.filter(pk=request.user.organisation_id)
            elif model is Team:
                kwargs["queryset"] = Team.objects.filter(
                    organisation_id=request.user.organisation_id
                )
        return super().formfield_for_foreignkey(db_field, request, **kwargs)


@admin.register(Organisation)
class OrganisationAdmin(OrganisationScopedAdminMixin, admin.ModelAdmin):
    organisation_path = "pk"
    list_display = ["name", "kind", "code"]
    list_filter = ["kind"]
    search_fields = ["name", "code"]


@admin.register(Team)
class TeamAdmin(OrganisationScopedAdminMixin, admin.ModelAdmin):
    list_display = ["name", "organisation"]
    list_filter = ["organisation"]
    search_fields = ["name", "organisation__name"]
    list_select_related = ["organisation"]


class MembershipInline(ObjectPermissionsTabularInline):
    model = Membership
    extra = 1
    autocomplete_fields = []

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "team" and not request.user.is_superuser:
            kwargs["queryset"] = Team.objects.filter(organisation_id=request.user.organisation_id)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)


@admin.register(User)
class UserAdmin(OrganisationScopedAdminMixin, DjangoUserAdmin):
    list_display = ["username", "first_name", "last_name", "organisation", "is_active"]
    list_filter = ["organisation", "is_active", "memberships__role"]
    list_select_related = ["organisation"]
    search_fields = ["username", "first_name", "last_name", "email"]
    inlines = [MembershipInline]
    fieldsets = (
        (None, {"fields": ("username", "password")}),
        ("Person", {"fields": ("first_name", "last_name", "email", "job_title", "organisation")}),
        ("Status", {"fields": ("is_active", "is_staff", "last_login", "date_joined")}),
    )
    superuser_fieldsets = (("System", {"fields": ("is_superuser",)}),)
    add_fieldsets = (
        (
            None,
            {
                "classes": ("wide",),
                "fields": (
                    "username",
                    "organisation",
                    "usable_password",
                    "password1",
                    "password2",
                ),
            },
        ),
    )
    readonly_fields = ["last_login", "date_joined"]

    def get_queryset(self, request):
        queryset = super().get_queryset(request)
        return queryset if request.user.is_superuser else queryset.filter(is_superuser=False)

    def get_fieldsets(self, request, obj=None):
        fieldsets = super().get_fieldsets(request, obj)
        if obj is not None and request.user.is_superuser:
            fieldsets = fieldsets + self.superuser_fieldsets
        return fieldsets


@admin.register(Membership)
class MembershipAdmin(OrganisationScopedAdminMixin, admin.ModelAdmin):
    organisation_path = "team__organisation"
    list_display = ["user", "role", "team"]
    list_filter = ["role", "team__organisation"]
    list_select_related = ["user", "team__organisation"]
    search_fields = ["user__username", "user__first_name", "user__last_name", "team__name"]

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "user" and not request.user.is_superuser:
            kwargs["queryset"] = User.objects.filter(organisation_id=request.user.organisation_id)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)


@admin.register(RefusedAccess)
class RefusedAccessAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    """Refused record URLs (accounts.audit): an organisation's admins see their own people's."""

    list_display = ["at", "user__username", "outcome", "method", "path", "fetch_site"]
    list_filter = ["outcome", "fetch_site", "at"]
    search_fields = ["user__username", "path"]
    list_select_related = ["user"]

    def has_module_permission(self, request):
        return request.user.has_perm("accounts")

    def has_view_permission(self, request, obj=None):
        return request.user.has_perm("accounts.view_refusedaccess", obj)

    def get_queryset(self, request):
        queryset = super().get_queryset(request)
        if request.user.is_superuser:
            return queryset
        return queryset.filter(user__organisation_id=request.user.organisation_id)
