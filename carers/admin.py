"""Django admin for every record of a carer household, following the platform's admin rules
(accounts.admin_mixins): read-only (the services are the only writers), each list narrowed to
the households the user may see through the pages, and opening one record logged in the
household's access log, as the record page is."""

from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from accounts.admin_mixins import CaseRecordAdminMixin, ReadOnlyAdminMixin

from . import models
from .selectors import households_visible_to
from .services import household_access_log_record


class HouseholdScopedAdmin(CaseRecordAdminMixin, SimpleHistoryAdmin):
    """A record is visible iff its household is (``household_path`` leads to it)."""

    household_path = "household"

    def scope_queryset(self, request, queryset):
        visible = households_visible_to(user=request.user).values("pk")
        if not self.household_path:
            return queryset.filter(pk__in=visible)
        return queryset.filter(**{f"{self.household_path}__in": visible})

    def household_of(self, obj):
        if not self.household_path:
            return obj
        for step in self.household_path.split("__"):
            obj = getattr(obj, step)
        return obj

    def log_view(self, request, obj):
        household_access_log_record(
            household=self.household_of(obj), user=request.user, path=request.path
        )


@admin.register(models.Household)
class HouseholdAdmin(HouseholdScopedAdmin):
    household_path = ""
    list_display = ["name", "recruiting_agency", "supervising_social_worker", "opted_out_on"]
    list_filter = ["recruiting_agency", "relationship"]
    search_fields = ["name"]


@admin.register(models.Applicant)
class ApplicantAdmin(HouseholdScopedAdmin):
    list_display = ["__str__", "household"]
    search_fields = ["household__name", "last_name"]


@admin.register(models.HouseholdMember)
class HouseholdMemberAdmin(HouseholdScopedAdmin):
    list_display = ["name", "kind", "household"]
    search_fields = ["household__name"]


@admin.register(models.AdopterApproval)
class AdopterApprovalAdmin(HouseholdScopedAdmin):
    list_display = ["household", "agency", "status", "decision_on", "review_due_on"]
    list_filter = ["status"]
    search_fields = ["household__name"]


@admin.register(models.FosterApproval)
class FosterApprovalAdmin(HouseholdScopedAdmin):
    list_display = ["household", "agency", "status", "decision_on", "review_due_on"]
    list_filter = ["status"]
    search_fields = ["household__name"]


@admin.register(models.Training)
class TrainingAdmin(HouseholdScopedAdmin):
    list_display = ["household", "kind", "due_on", "completed_on"]
    list_filter = ["kind"]
    search_fields = ["household__name"]


@admin.register(models.Offer)
class OfferAdmin(HouseholdScopedAdmin):
    list_display = ["household", "age_from_months", "age_to_months", "sibling_group_size"]
    search_fields = ["household__name"]


@admin.register(models.Support)
class SupportAdmin(HouseholdScopedAdmin):
    list_display = ["household", "kind", "starts_on", "ends_on"]
    list_filter = ["kind"]
    search_fields = ["household__name"]


@admin.register(models.ApprovalStatusChange)
class ApprovalStatusChangeAdmin(CaseRecordAdminMixin, admin.ModelAdmin):
    list_display = ["status", "changed_on", "adopter_approval", "foster_approval"]
    list_filter = ["status"]

    def scope_queryset(self, request, queryset):
        visible = households_visible_to(user=request.user).values("pk")
        return queryset.filter(adopter_approval__household__in=visible) | queryset.filter(
            foster_approval__household__in=visible
        )

    def log_view(self, request, obj):
        approval = obj.adopter_approval or obj.foster_approval
        household_access_log_record(
            household=approval.household, user=request.user, path=request.path
        )


@admin.register(models.ApprovalReview)
class ApprovalReviewAdmin(ApprovalStatusChangeAdmin):
    list_display = ["reviewed_on", "outcome", "adopter_approval", "foster_approval"]
    list_filter = ["outcome"]


@admin.register(models.HouseholdAccessLog)
class HouseholdAccessLogAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    list_display = ["household", "user", "viewed_at", "path"]

    def get_queryset(self, request):
        visible = households_visible_to(user=request.user).values("pk")
        return super().get_queryset(request).filter(household__in=visible)
