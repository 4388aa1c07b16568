"""The journey in the Django admin: read-only and scoped like the child's records (the stage is
moved only by the transitions, never by hand: DESIGN.md "The EP journey")."""

from django.contrib import admin

from children.admin import ChildScopedAdminMixin

from .models import Journey, TransitionRecord


@admin.register(Journey)
class JourneyAdmin(ChildScopedAdminMixin, admin.ModelAdmin):
    list_display = ["child", "stage", "stage_entered_at", "close_reason"]
    list_filter = ["stage"]
    search_fields = ["child__la_child_id", "child__legal_name"]
    readonly_fields = [
        "child",
        "stage",
        "stage_entered_at",
        "stage_before_reunification",
        "close_reason",
        "close_detail",
        "closed_from",
    ]


@admin.register(TransitionRecord)
class TransitionRecordAdmin(ChildScopedAdminMixin, admin.ModelAdmin):
    child_path = "journey__child"
    list_display = ["journey", "transition", "source", "target", "on", "by"]
    list_filter = ["transition"]
    raw_id_fields = ["journey", "log", "by"]
