"""Django admin for the reunification records: read-only (the services are the only writers)
and scoped like the child's own records (``children.admin.CaseRecordAdmin``): a record is listed
iff its child is visible to the user, and opening one logs a view of the child."""

from django.contrib import admin

from children.admin import CaseRecordAdmin

from . import models


@admin.register(models.ReunificationDecision)
class ReunificationDecisionAdmin(CaseRecordAdmin):
    list_display = ["child", "decided_on", "decided_by_kind", "route", "status", "moved_on"]
    list_filter = ["status", "route", "outcome"]


class DecisionRecordAdmin(CaseRecordAdmin):
    child_path = "decision__child"


@admin.register(models.ReunificationPlan)
class ReunificationPlanAdmin(DecisionRecordAdmin):
    list_display = ["decision", "agreed_on"]


@admin.register(models.TransitionStep)
class TransitionStepAdmin(DecisionRecordAdmin):
    list_display = ["decision", "kind", "planned_on", "happened_on"]


@admin.register(models.ReunificationSupport)
class ReunificationSupportAdmin(DecisionRecordAdmin):
    list_display = ["decision", "for_whom", "kind", "offered_on", "taken_up_on"]


@admin.register(models.LifeStoryContribution)
class LifeStoryContributionAdmin(DecisionRecordAdmin):
    list_display = ["decision", "given_on", "description"]


@admin.register(models.AfterReturnRecord)
class AfterReturnRecordAdmin(DecisionRecordAdmin):
    list_display = ["decision", "kind", "held_on"]
