"""Django admin for family time records, following the platform's admin rules
(accounts.admin_mixins): read-only (the services are the only writers), each list narrowed to
the children the user may see through the pages, and opening one record logged in the child's
access log, as the record page is."""

from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from accounts.admin_mixins import CaseRecordAdminMixin
from children.selectors import children_visible_to
from children.services import child_access_log_record

from . import models


class ChildScopedAdmin(CaseRecordAdminMixin, SimpleHistoryAdmin):
    """A record is visible iff its child is (``child_path`` leads to it)."""

    child_path = "child"

    def scope_queryset(self, request, queryset):
        visible = children_visible_to(user=request.user).values("pk")
        return queryset.filter(**{f"{self.child_path}__in": visible})

    def child_of(self, obj):
        for step in self.child_path.split("__"):
            obj = getattr(obj, step)
        return obj

    def log_view(self, request, obj):
        child_access_log_record(child=self.child_of(obj), user=request.user, path=request.path)


@admin.register(models.FamilyTimePlan)
class FamilyTimePlanAdmin(ChildScopedAdmin):
    list_display = ["child", "starts_on", "supervision_level", "legal_frame", "review_on"]
    list_filter = ["supervision_level", "legal_frame"]


@admin.register(models.Session)
class SessionAdmin(ChildScopedAdmin):
    child_path = "plan__child"
    list_display = ["__str__", "status", "supervisor"]
    list_filter = ["status"]


@admin.register(models.Attendance)
class AttendanceAdmin(ChildScopedAdmin):
    child_path = "session__plan__child"
    list_display = ["session", "family_member", "outcome"]
    list_filter = ["outcome"]


@admin.register(models.LaterFamilyTime)
class LaterFamilyTimeAdmin(ChildScopedAdmin):
    list_display = ["child", "setting", "kind", "how_often", "review_on"]
    list_filter = ["setting", "kind"]
