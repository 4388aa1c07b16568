"""Django admin for every record of the child. Case records are archived, never deleted here.

Case records follow the same access rules as the pages: each list holds only the records of the
children the user may see (``children_visible_to``: their local authority's children and their
agency's referrals, for a user holding a case role), and opening one record (its change or
history view) writes the child's access log, as the record page does. A system superuser with no
organisation, or a user who only administers the service (the admin role), therefore sees no
case record in the admin, just as the pages show them none: the admin is for managing people and
reference data (the practice standards checklist), not for browsing every council's children
unlogged.
"""

from django.contrib import admin
from django.db.models import Manager
from simple_history.admin import SimpleHistoryAdmin

from accounts.admin_mixins import CaseRecordAdminMixin, ReadOnlyAdminMixin
from accounts.models import FetchSite

from . import models
from .selectors import children_visible_to
from .services import child_access_log_record


class ChildScopedAdminMixin(CaseRecordAdminMixin):
    """A record of a child is visible iff its child is; opening it logs a view of the child.

    ``child_path`` is the lookup from the record to its child ("" for the child itself).
    """

    child_path = "child"

    def scope_queryset(self, request, queryset):
        visible = children_visible_to(user=request.user)
        if not self.child_path:
            return queryset.filter(pk__in=visible.values("pk"))
        # a subquery, not a join, so a record with several children (a sibling group) is
        # listed once
        records = self.model._default_manager.filter(**{f"{self.child_path}__in": visible})
        return queryset.filter(pk__in=records.values("pk"))

    def children_of(self, obj) -> list[models.Child]:
        if not self.child_path:
            return [obj]
        objects = [obj]
        for step in self.child_path.split("__"):
            values = [getattr(item, step) for item in objects]
            objects = [
                related
                for value in values
                for related in (value.all() if isinstance(value, Manager) else [value])
            ]
        return objects

    def log_view(self, request, obj):
        visible = set(children_visible_to(user=request.user).values_list("pk", flat=True))
        for child in self.children_of(obj):
            if child.pk in visible:
                child_access_log_record(
                    child=child,
                    user=request.user,
                    path=request.path,
                    fetch_site=FetchSite.of(request),
                )


class CaseRecordAdmin(ChildScopedAdminMixin, SimpleHistoryAdmin):
    """Case records in the admin are for looking up, never for changing.

    The pages' services are the only code that changes a case (they check the access rules and
    the rules of the law and the Standards, and log who did what), and records are kept until the
    75th birthday: so no add, change or delete here. Reference data (the practice standards
    checklist) is edited in the admin; case records are not.
    """


@admin.register(models.Child)
class ChildAdmin(CaseRecordAdmin):
    child_path = ""
    list_display = [
        "legal_name",
        "la_child_id",
        "responsible_authority",
        "route",
        "team",
        "social_worker",
        "archived_at",
    ]
    # only the authorities and teams of the children listed, not every council's
    list_filter = [
        ("responsible_authority", admin.RelatedOnlyFieldListFilter),
        "route",
        "ethnicity",
        ("team", admin.RelatedOnlyFieldListFilter),
    ]
    search_fields = ["legal_name", "known_as", "la_child_id"]
    list_select_related = ["responsible_authority", "team", "social_worker"]
    raw_id_fields = ["social_worker", "iro", "sibling_group", "team"]


@admin.register(models.SiblingGroup)
class SiblingGroupAdmin(CaseRecordAdmin):
    child_path = "children"
    list_display = ["name", "responsible_authority", "placement"]
    list_filter = ["placement", ("responsible_authority", admin.RelatedOnlyFieldListFilter)]
    search_fields = ["name"]


@admin.register(models.ChildAccessLog)
class ChildAccessLogAdmin(ChildScopedAdminMixin, admin.ModelAdmin):
    """Who looked at which child: names children, so scoped like the records themselves."""

    list_display = ["viewed_at", "user", "child", "path", "fetch_site"]
    list_filter = ["viewed_at", "fetch_site"]
    search_fields = ["user__username", "child__la_child_id"]
    list_select_related = ["user", "child"]

    def log_view(self, request, obj):
        pass  # a line of the log is not the child's record


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


@admin.register(models.IROEscalation)
class IROEscalationAdmin(CaseRecordAdmin):
    child_path = "concern__child"
    list_display = ["concern", "stage", "escalated_on"]
    list_filter = ["stage"]
    search_fields = ["concern__child__la_child_id", "concern__child__legal_name"]
    raw_id_fields = ["concern"]


@admin.register(models.IROConcernResponse)
class IROConcernResponseAdmin(CaseRecordAdmin):
    child_path = "concern__child"
    list_display = ["concern", "responded_on"]
    list_filter = ["responded_on"]
    search_fields = ["concern__child__la_child_id", "concern__child__legal_name"]
    raw_id_fields = ["concern"]


@admin.register(models.RetentionReview)
class RetentionReviewAdmin(CaseRecordAdmin):
    list_display = ["child", "reviewed_on", "decision", "keep_until"]
    list_filter = ["decision"]
    search_fields = ["child__la_child_id", "child__legal_name"]
    raw_id_fields = ["child"]


@admin.register(models.PreProceedings)
class PreProceedingsAdmin(CaseRecordAdmin):
    list_display = ["child", "letter_before_proceedings_on", "meeting_on", "outcome"]
    search_fields = ["child__la_child_id", "child__legal_name"]
    raw_id_fields = ["child"]


class ReadOnlyInline(ReadOnlyAdminMixin, admin.TabularInline):
    """The records shown inside a parent that is already scoped to the user's children."""

    extra = 0


class ExtensionInline(ReadOnlyInline):
    model = models.Extension


@admin.register(models.Proceedings)
class ProceedingsAdmin(CaseRecordAdmin):
    list_display = ["case_number", "kind", "court", "child", "issued_on", "concluded_on"]
    list_filter = ["kind"]
    search_fields = ["case_number", "court"]
    raw_id_fields = ["child"]
    inlines = [ExtensionInline]


class DirectionInline(ReadOnlyInline):
    model = models.Direction


@admin.register(models.Hearing)
class HearingAdmin(CaseRecordAdmin):
    child_path = "proceedings__child"
    list_display = ["proceedings", "kind", "listed_on", "status"]
    list_filter = ["kind", "status"]
    search_fields = ["proceedings__case_number", "proceedings__child__la_child_id"]
    raw_id_fields = ["proceedings"]
    inlines = [DirectionInline]


@admin.register(models.CourtOrder)
class CourtOrderAdmin(CaseRecordAdmin):
    list_display = ["child", "kind", "made_on", "hearing", "ended_on"]
    list_filter = ["kind"]
    search_fields = ["child__la_child_id", "child__legal_name"]
    raw_id_fields = ["child", "hearing", "ended_by"]


@admin.register(models.CarePeriod)
class CarePeriodAdmin(CaseRecordAdmin):
    list_display = ["child", "started_on", "ended_on"]
    search_fields = ["child__la_child_id", "child__legal_name"]
    raw_id_fields = ["child"]


@admin.register(models.LegalStatusPeriod)
class LegalStatusPeriodAdmin(CaseRecordAdmin):
    list_display = ["child", "code", "starts_on", "ends_on", "basis"]
    list_filter = ["code", "basis"]
    search_fields = ["child__la_child_id", "child__legal_name"]
    raw_id_fields = ["child", "order"]


@admin.register(models.ConsentToPlacement)
class ConsentToPlacementAdmin(CaseRecordAdmin):
    list_display = ["child", "parent", "status", "considered_on", "witnessed_on"]
    list_filter = ["status"]
    search_fields = ["child__la_child_id", "child__legal_name"]
    raw_id_fields = ["child", "parent"]


@admin.register(models.PreProceedingsReview)
class PreProceedingsReviewAdmin(CaseRecordAdmin):
    child_path = "pre_proceedings__child"
    list_display = ["pre_proceedings", "held_on"]
    search_fields = ["pre_proceedings__child__la_child_id"]
    raw_id_fields = ["pre_proceedings"]


@admin.register(models.WrittenAgreement)
class WrittenAgreementAdmin(CaseRecordAdmin):
    list_display = ["child", "parent", "agreed_on"]
    search_fields = ["child__la_child_id", "child__legal_name"]
    raw_id_fields = ["child", "parent"]


@admin.register(models.FatherWithoutPR)
class FatherWithoutPRAdmin(CaseRecordAdmin):
    list_display = ["child", "father", "identity_known", "informed"]
    search_fields = ["child__la_child_id", "child__legal_name"]
    raw_id_fields = ["child", "father"]


@admin.register(models.Part19Application)
class Part19ApplicationAdmin(CaseRecordAdmin):
    list_display = ["child", "applied_on", "outcome", "decided_on"]
    list_filter = ["outcome"]
    search_fields = ["child__la_child_id", "child__legal_name"]
    raw_id_fields = ["child"]


@admin.register(models.Section20Accommodation)
class Section20AccommodationAdmin(CaseRecordAdmin):
    list_display = ["child", "agreed_by", "agreed_on", "ended_on"]
    search_fields = ["child__la_child_id", "child__legal_name"]
    raw_id_fields = ["child", "agreed_by"]


@admin.register(models.Section20Threshold)
class Section20ThresholdAdmin(admin.ModelAdmin):
    """Local practice an admin sets: after how many days a baby accommodated under section 20
    is flagged on the record."""

    list_display = ["organisation", "days"]
    search_fields = ["organisation__name"]


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
    child_path = "proceedings__child"
    list_display = ["proceedings", "granted_on", "ends_on"]
    search_fields = ["proceedings__case_number"]
    raw_id_fields = ["proceedings", "hearing"]


@admin.register(models.Direction)
class DirectionAdmin(CaseRecordAdmin):
    child_path = "hearing__proceedings__child"
    list_display = ["hearing", "due_on", "complied_on"]
    list_filter = ["due_on", "complied_on"]
    search_fields = ["hearing__proceedings__case_number", "text"]


# --- issue 9: the birth, the baby's health, the assessments of the parents, family finding ----


@admin.register(models.BirthPlan)
class BirthPlanAdmin(CaseRecordAdmin):
    list_display = ["child", "conference_on", "carers_collect"]
    list_filter = ["carers_collect"]
    search_fields = ["child__la_child_id", "child__legal_name"]
    raw_id_fields = ["child"]


@admin.register(models.BabyHealth)
class BabyHealthAdmin(CaseRecordAdmin):
    # special category data: the list names the child and dates only
    list_display = ["child", "discharged_on", "initial_health_assessment_on"]
    list_filter = ["withdrawal_monitoring"]
    search_fields = ["child__la_child_id", "child__legal_name"]
    raw_id_fields = ["child"]


@admin.register(models.ParentAssessment)
class ParentAssessmentAdmin(CaseRecordAdmin):
    list_display = ["parent", "child", "kind", "requested_on", "due_on", "filed_on", "outcome"]
    list_filter = ["kind", "outcome", "directed_by_court"]
    search_fields = ["child__la_child_id", "child__legal_name"]
    raw_id_fields = ["child", "parent"]


@admin.register(models.FamilyFinding)
class FamilyFindingAdmin(CaseRecordAdmin):
    list_display = ["child", "referred_on", "siblings", "siblings_together", "siblings_apart"]
    list_filter = ["with_siblings_adopters"]
    search_fields = ["child__la_child_id", "child__legal_name"]
    raw_id_fields = ["child"]
