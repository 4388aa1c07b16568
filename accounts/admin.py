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
from .govuk import add_errors
from .models import (
    Membership,
    Organisation,
    RefusedAccess,
    RoleChange,
    SecondFactorReset,
    Team,
    User,
)
from .services import membership_change_errors, role_change_record


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
    """The roles on a user's page: read-only on the admin's own page (separation of duties,
    ``accounts.rules``: the rule asks about the user whose page it is)."""

    model = Membership
    extra = 1
    autocomplete_fields = []

    def has_add_permission(self, request, obj=None):
        return request.user.has_perm("accounts.change_membership", obj)

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "team" and not request.user.is_superuser:
            kwargs["queryset"] = Team.objects.filter(organisation_id=request.user.organisation_id)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)


def _membership_values(membership: Membership) -> tuple:
    return membership.user_id, membership.team_id, membership.role


def _record_membership_changes(*, by, before: dict, saved, deleted) -> None:
    """Keep each role given, changed (taken away, then given) or taken away in the admin."""
    for membership in deleted:
        role_change_record(
            user=membership.user,
            team=membership.team,
            role=membership.role,
            action=RoleChange.Action.REMOVED,
            by=by,
        )
    for membership in saved:
        old = before.get(membership.pk)
        if old == _membership_values(membership):
            continue
        if old is not None:
            user_id, team_id, role = old
            role_change_record(
                user=User.objects.get(pk=user_id),
                team=Team.objects.get(pk=team_id),
                role=role,
                action=RoleChange.Action.REMOVED,
                by=by,
            )
        role_change_record(
            user=membership.user,
            team=membership.team,
            role=membership.role,
            action=RoleChange.Action.GRANTED,
            by=by,
        )


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

    def save_formset(self, request, form, formset, change):
        if formset.model is not Membership:
            return super().save_formset(request, form, formset, change)
        pks = [inline.instance.pk for inline in formset.forms if inline.instance.pk]
        before = {m.pk: _membership_values(m) for m in Membership.objects.filter(pk__in=pks)}
        super().save_formset(request, form, formset, change)
        _record_membership_changes(
            by=request.user,
            before=before,
            saved=[*formset.new_objects, *(obj for obj, _ in formset.changed_objects)],
            deleted=formset.deleted_objects,
        )


@admin.register(Membership)
class MembershipAdmin(OrganisationScopedAdminMixin, admin.ModelAdmin):
    organisation_path = "team__organisation"
    list_display = ["user", "role", "team"]
    list_filter = ["role", "team__organisation"]
    list_select_related = ["user", "team__organisation"]
    search_fields = ["user__username", "user__first_name", "user__last_name", "team__name"]

    def get_queryset(self, request):
        queryset = super().get_queryset(request)
        if request.user.is_superuser:
            return queryset
        # the rule follows membership.user: their organisation, and never a system superuser's
        return queryset.filter(
            user__organisation_id=request.user.organisation_id, user__is_superuser=False
        )

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "user" and not request.user.is_superuser:
            # the people the admin may give a role: their own organisation's, never a
            # superuser, never themselves (accounts.services.membership_change_errors)
            kwargs["queryset"] = User.objects.filter(
                organisation_id=request.user.organisation_id, is_superuser=False
            ).exclude(pk=request.user.pk)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def get_form(self, request, obj=None, **kwargs):
        form = super().get_form(request, obj, **kwargs)
        by = request.user

        class MembershipAdminForm(form):
            def clean(self):
                cleaned = super().clean()
                user = cleaned.get("user")
                if user is not None:
                    add_errors(self, membership_change_errors(by=by, user=user).as_dict())
                if self.instance.pk:  # the person it was about, when it is moved to another
                    before = Membership.objects.select_related("user").get(pk=self.instance.pk)
                    add_errors(self, membership_change_errors(by=by, user=before.user).as_dict())
                return cleaned

        return MembershipAdminForm

    def save_model(self, request, obj, form, change):
        before = {}
        if change:
            before = {obj.pk: _membership_values(Membership.objects.get(pk=obj.pk))}
        super().save_model(request, obj, form, change)
        _record_membership_changes(by=request.user, before=before, saved=[obj], deleted=[])

    def delete_model(self, request, obj):
        _record_membership_changes(by=request.user, before={}, saved=[], deleted=[obj])
        super().delete_model(request, obj)

    def delete_queryset(self, request, queryset):
        _record_membership_changes(by=request.user, before={}, saved=[], deleted=list(queryset))
        super().delete_queryset(request, queryset)


@admin.register(RoleChange)
class RoleChangeAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    """Who gave whom which role, and when: every admin of the organisation sees them all."""

    list_display = ["at", "action", "role", "user__username", "team", "by__username"]
    list_filter = ["action", "role", "at"]
    search_fields = ["user__username", "by__username", "team__name"]
    list_select_related = ["user", "team", "by"]

    def has_module_permission(self, request):
        return request.user.has_perm("accounts")

    def has_view_permission(self, request, obj=None):
        return request.user.has_perm("accounts.view_rolechange", obj)

    def get_queryset(self, request):
        queryset = super().get_queryset(request)
        if request.user.is_superuser:
            return queryset
        return queryset.filter(team__organisation_id=request.user.organisation_id)


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


@admin.register(SecondFactorReset)
class SecondFactorResetAdmin(ReadOnlyAdminMixin, OrganisationScopedAdminMixin, admin.ModelAdmin):
    """Who reset whose second factor, when and why: a record, never changed here."""

    organisation_path = "user__organisation"
    list_display = ["reset_at", "user", "reset_by", "reason"]
    list_select_related = ["user", "reset_by"]
