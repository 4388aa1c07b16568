"""Django admin for every record of the child. Case records are archived, never deleted here."""

from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from . import models
from .forms.family import (
    FamilyMemberAdminForm,
    PaternityTestAdminForm,
    ViabilityAssessmentAdminForm,
)


class NoDeleteAdmin(SimpleHistoryAdmin):
    """Case records are kept (retention to the 75th birthday): no delete in the admin."""

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(models.Child)
class ChildAdmin(NoDeleteAdmin):
    list_display = [
        "legal_name",
        "la_child_id",
        "responsible_authority",
        "route",
        "team",
        "social_worker",
        "archived_at",
    ]
    list_filter = ["responsible_authority", "route", "legal_status", "ethnicity", "team"]
    search_fields = ["legal_name", "known_as", "la_child_id"]
    list_select_related = ["responsible_authority", "team", "social_worker"]
    raw_id_fields = ["social_worker", "iro", "sibling_group", "team"]


@admin.register(models.SiblingGroup)
class SiblingGroupAdmin(NoDeleteAdmin):
    list_display = ["name", "responsible_authority", "placement"]
    list_filter = ["placement", "responsible_authority"]
    search_fields = ["name"]


@admin.register(models.ChildAccessLog)
class ChildAccessLogAdmin(admin.ModelAdmin):
    list_display = ["viewed_at", "user", "child", "path"]
    list_filter = ["viewed_at"]
    search_fields = ["user__username", "child__la_child_id"]
    list_select_related = ["user", "child"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(models.FamilyMember)
class FamilyMemberAdmin(NoDeleteAdmin):
    form = FamilyMemberAdminForm  # the rules the pages apply (children.services.family)
    list_display = ["name", "relationship", "child", "parental_responsibility"]
    list_filter = ["relationship", "parental_responsibility"]
    search_fields = ["name", "child__la_child_id"]
    raw_id_fields = ["child"]


@admin.register(models.ViabilityAssessment)
class ViabilityAssessmentAdmin(NoDeleteAdmin):
    form = ViabilityAssessmentAdminForm
    list_display = ["family_member", "child", "requested_on", "due_on", "completed_on", "outcome"]
    list_filter = ["outcome"]
    raw_id_fields = ["child", "family_member"]


@admin.register(models.PaternityTest)
class PaternityTestAdmin(NoDeleteAdmin):
    form = PaternityTestAdminForm
    list_display = ["alleged_father", "child", "requested_on", "result"]
    list_filter = ["result", "directed_by_court"]
    raw_id_fields = ["child", "alleged_father"]


@admin.register(models.TwinTrackPlan)
class TwinTrackPlanAdmin(NoDeleteAdmin):
    list_display = ["child", "primary", "meeting", "meeting_on"]
    list_filter = ["primary", "meeting"]
    raw_id_fields = ["child"]


@admin.register(models.LookedAfterReview)
class LookedAfterReviewAdmin(NoDeleteAdmin):
    list_display = ["child", "scheduled_on", "held_on", "chair"]
    list_filter = ["held_on"]
    raw_id_fields = ["child", "chair"]


@admin.register(models.IROConcern)
class IROConcernAdmin(NoDeleteAdmin):
    list_display = ["child", "raised_on", "stage", "resolved_on"]
    list_filter = ["stage"]
    raw_id_fields = ["child", "review"]


@admin.register(models.PreProceedings)
class PreProceedingsAdmin(NoDeleteAdmin):
    list_display = ["child", "plo_letter_on", "plo_meeting_on"]
    raw_id_fields = ["child"]


class ExtensionInline(admin.TabularInline):
    model = models.Extension
    extra = 0


@admin.register(models.Proceedings)
class ProceedingsAdmin(NoDeleteAdmin):
    list_display = ["case_number", "court", "child", "issued_on", "concluded_on"]
    search_fields = ["case_number", "court"]
    raw_id_fields = ["child"]
    inlines = [ExtensionInline]


class DirectionInline(admin.TabularInline):
    model = models.Direction
    extra = 0


@admin.register(models.Hearing)
class HearingAdmin(NoDeleteAdmin):
    list_display = ["proceedings", "kind", "listed_on"]
    list_filter = ["kind"]
    raw_id_fields = ["proceedings"]
    inlines = [DirectionInline]


@admin.register(models.CourtOrder)
class CourtOrderAdmin(NoDeleteAdmin):
    list_display = ["child", "kind", "made_on", "hearing"]
    list_filter = ["kind"]
    raw_id_fields = ["child", "hearing"]


@admin.register(models.Section19Consent)
class Section19ConsentAdmin(NoDeleteAdmin):
    list_display = ["child", "parent", "status", "considered_on"]
    list_filter = ["status"]
    raw_id_fields = ["child", "parent"]


@admin.register(models.CaseNote)
class CaseNoteAdmin(NoDeleteAdmin):
    list_display = ["child", "kind", "happened_on", "summary", "created_by"]
    list_filter = ["kind"]
    search_fields = ["summary"]
    raw_id_fields = ["child"]


@admin.register(models.PracticeStandardItem)
class PracticeStandardItemAdmin(admin.ModelAdmin):
    """Reference data: the checklist drawn from the National Practice Standards."""

    list_display = ["code", "text", "applies_to", "order", "active"]
    list_filter = ["applies_to", "active"]
    list_editable = ["order", "active"]
    search_fields = ["code", "text"]


@admin.register(models.ChildStandardRecord)
class ChildStandardRecordAdmin(NoDeleteAdmin):
    list_display = ["child", "item", "met_on", "created_by"]
    list_filter = ["item"]
    raw_id_fields = ["child"]
