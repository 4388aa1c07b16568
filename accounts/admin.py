"""Admin for the ground floor. An organisation's admin sees and manages only its own people.

Permissions come from ``accounts.rules`` (the rules backend), the same rules the pages use.
"""

from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.urls import reverse
from django.utils.html import format_html
from rules.contrib.admin import ObjectPermissionsModelAdminMixin, ObjectPermissionsTabularInline

from . import second_factor
from .admin_mixins import ReadOnlyAdminMixin
from .models import Membership, Organisation, SecondFactorReset, Team, User


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
    list_display = ["name", "kind", "code", "require_second_factor"]
    list_filter = ["kind"]
    search_fields = ["name", "code"]
    fields = ["name", "kind", "code", "require_second_factor"]

    def get_readonly_fields(self, request, obj=None):
        # an organisation's admin changes only whether everyone needs a second factor
        if request.user.is_superuser:
            return []
        return ["name", "kind", "code"]


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
        ("Sign-in", {"fields": ("second_factor",)}),
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
    readonly_fields = ["last_login", "date_joined", "second_factor"]

    @admin.display(description="Second factor")
    def second_factor(self, obj):
        if obj is None or obj.pk is None:
            return "–"
        state = "Authenticator app set up" if second_factor.has_app(obj) else "Not set up"
        url = reverse("accounts:second_factor_reset", args=[obj.pk])
        return format_html('{} – <a href="{}">reset it (lost phone)</a>', state, url)

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


@admin.register(SecondFactorReset)
class SecondFactorResetAdmin(ReadOnlyAdminMixin, OrganisationScopedAdminMixin, admin.ModelAdmin):
    """Who reset whose second factor, when and why: a record, never changed here."""

    organisation_path = "user__organisation"
    list_display = ["reset_at", "user", "reset_by", "reason"]
    list_select_related = ["user", "reset_by"]
