"""Django admin for placements, matches and the agency's decisions: read-only (the services are
the only writers), each list narrowed to the records of the children the user may see, and
opening one logged in the child's access log — exactly as ``children.admin``'s case records."""

from django.contrib import admin

from children.admin import CaseRecordAdmin

from . import models


@admin.register(models.Placement)
class PlacementAdmin(CaseRecordAdmin):
    list_display = ["__str__", "child", "placement_code", "starts_on", "ends_on"]
    list_filter = ["kind", "placement_code"]


@admin.register(models.InitialMatch)
class InitialMatchAdmin(CaseRecordAdmin):
    list_display = ["__str__", "child", "proposed_on", "status"]
    list_filter = ["status"]


@admin.register(models.NominatedOfficerAuthorisation)
class AuthorisationAdmin(CaseRecordAdmin):
    child_path = "match__child"
    list_display = ["__str__", "authorised_by"]


@admin.register(models.Reg25AApproval)
class Reg25AAdmin(CaseRecordAdmin):
    child_path = "match__child"
    list_display = ["__str__", "approved_on", "ended_on", "ended_reason"]


@admin.register(models.AgencyDecision)
class AgencyDecisionAdmin(CaseRecordAdmin):
    list_display = ["__str__", "child", "kind", "decided_on"]
    list_filter = ["kind"]


@admin.register(models.FormalMatch)
class FormalMatchAdmin(CaseRecordAdmin):
    list_display = ["__str__", "child", "panel_on", "decision", "decided_on"]


@admin.register(models.AdoptionPlacement)
class AdoptionPlacementAdmin(CaseRecordAdmin):
    list_display = ["__str__", "child", "notice_on"]
