"""Django admin for every record of the child. Case records are archived, never deleted here."""

from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from . import models


class CaseRecordAdmin(SimpleHistoryAdmin):
    """Case records in the admin are for looking up, never for changing.

    The pages' services are the only code that changes a case (they check the access rules and
    the rules of the law and the Standards, and log who did what), and records are kept until the
    75th birthday: so no add, change or delete here. Reference data (the practice standards
    checklist) is edited in the admin; case records are not.
    """

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(models.Child)
class ChildAdmin(CaseRecordAdmin):
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
class SiblingGroupAdmin(CaseRecordAdmin):
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
class FamilyMemberAdmin(CaseRecordAdmin):
    list_display = ["name", "relationship", "child", "parental_responsibility"]
    list_filter = ["relationship", "parental_responsibility"]
    search_fields = ["name", "child__la_child_id"]
    raw_id_fields = ["child"]


@admin.register(models.ViabilityAssessment)
class ViabilityAssessmentAdmin(CaseRecordAdmin):
    list_display = ["family_member", "child", "requested_on", "due_on", "completed_on", "outcome"]
    list_filter = ["outcome"]
    search_fields = ["child__la_child_id", "child__legal_name"]
    raw_id_fields = ["child", "family_member"]


@admin.register(models.PaternityTest)
class PaternityTestAdmin(CaseRecordAdmin):
    list_display = ["alleged_father", "child", "requested_on", "result"]
    list_filter = ["result", "directed_by_court"]
    search_fields = ["child__la_child_id", "child__legal_name"]
    raw_id_fields = ["child", "alleged_father"]


@admin.register(models.TwinTrackPlan)
class TwinTrackPlanAdmin(CaseRecordAdmin):
    list_display = ["child", "primary", "meeting", "meeting_on"]
    list_filter = ["primary", "meeting"]
    search_fields = ["child__la_child_id", "child__legal_name"]
    raw_id_fields = ["child"]


@admin.register(models.LookedAfterReview)
class LookedAfterReviewAdmin(CaseRecordAdmin):
    list_display = ["child", "scheduled_on", "held_on", "chair"]
    list_filter = ["held_on"]
    search_fields = ["child__la_child_id", "child__legal_name"]
    raw_id_fields = ["child", "chair"]


@admin.register(models.IROConcern)
class IROConcernAdmin(CaseRecordAdmin):
    list_display = ["child", "raised_on", "stage", "resolved_on"]
    list_filter = ["stage"]
    search_fields = ["child__la_child_id", "child__legal_name"]
    raw_id_fields = ["child", "review"]


@admin.register(models.PreProceedings)
class PreProceedingsAdmin(CaseRecordAdmin):
    list_display = ["child", "plo_letter_on", "plo_meeting_on"]
    search_fields = ["child__la_child_id", "child__legal_name"]
    raw_id_fields = ["child"]


class ReadOnlyInline(admin.TabularInline):
    extra = 0

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


class ExtensionInline(ReadOnlyInline):
    model = models.Extension


@admin.register(models.Proceedings)
class ProceedingsAdmin(CaseRecordAdmin):
    list_display = ["case_number", "court", "child", "issued_on", "concluded_on"]
    search_fields = ["case_number", "court"]
    raw_id_fields = ["child"]
    inlines = [ExtensionInline]


class DirectionInline(ReadOnlyInline):
    model = models.Direction


@admin.register(models.Hearing)
class HearingAdmin(CaseRecordAdmin):
    list_display = ["proceedings", "kind", "listed_on"]
    list_filter = ["kind"]
    search_fields = ["proceedings__case_number", "proceedings__child__la_child_id"]
    raw_id_fields = ["proceedings"]
    inlines = [DirectionInline]


@admin.register(models.CourtOrder)
class CourtOrderAdmin(CaseRecordAdmin):
    list_display = ["child", "kind", "made_on", "hearing"]
    list_filter = ["kind"]
    search_fields = ["child__la_child_id", "child__legal_name"]
    raw_id_fields = ["child", "hearing"]


@admin.register(models.Section19Consent)
class Section19ConsentAdmin(CaseRecordAdmin):
    list_display = ["child", "parent", "status", "considered_on"]
    list_filter = ["status"]
    search_fields = ["child__la_child_id", "child__legal_name"]
    raw_id_fields = ["child", "parent"]


@admin.register(models.CaseNote)
class CaseNoteAdmin(CaseRecordAdmin):
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
class ChildStandardRecordAdmin(CaseRecordAdmin):
    list_display = ["child", "item", "met_on", "created_by"]
    list_filter = ["item"]
    search_fields = ["child__la_child_id", "child__legal_name"]
    raw_id_fields = ["child"]


@admin.register(models.Extension)
class ExtensionAdmin(CaseRecordAdmin):
    list_display = ["proceedings", "granted_on", "weeks"]
    list_filter = ["weeks"]
    search_fields = ["proceedings__case_number"]


@admin.register(models.Direction)
class DirectionAdmin(CaseRecordAdmin):
    list_display = ["hearing", "due_on", "complied_on"]
    list_filter = ["due_on", "complied_on"]
    search_fields = ["hearing__proceedings__case_number", "text"]
