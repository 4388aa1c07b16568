"""The twin-track plan form: a new version of the plan, starting from the current one.

Tracks, not letters (issue 9 item 4): a return to parents, the family network (who, in which
order), adoption through early permanence (FfA on its basis, or concurrent planning).
"""

from django import forms

from accounts.govuk import GovDateField, GovFormMixin, add_errors

from ..models import (
    PARENT_RELATIONSHIPS,
    Child,
    EPType,
    FfaBasis,
    PlanningMeeting,
    Track,
    TwinTrackPlan,
)
from ..services.plan import FAMILY_FIELDS, plan_set_errors


def _network_label(member) -> str:
    return f"{member.name} ({member.relationship_detail or member.get_relationship_display()})"


class PlanForm(GovFormMixin, forms.ModelForm):
    """Set or change the plan. A change needs a reason; the old version stays in the history."""

    meeting_on = GovDateField(noun="the meeting")

    class Meta:
        model = TwinTrackPlan
        fields = [
            "primary",
            "parents_who",
            "parents_conditions",
            "parents_interventions",
            "family_first",
            "family_second",
            "family_third",
            "family_summary",
            "ep_type",
            "ffa_basis",
            "adoption_summary",
            "meeting",
            "meeting_on",
            "reason",
            "court_scrutiny",
        ]
        labels = {
            "primary": "Which track is preferred?",
            "parents_who": "Return to parents: which parent or parents (optional)",
            "parents_conditions": "Return to parents: what needs to change for a safe return?",
            "parents_interventions": "Return to parents: support and interventions (optional)",
            "family_first": "Family network: first choice (optional)",
            "family_second": "Family network: second choice (optional)",
            "family_third": "Family network: third choice (optional)",
            "family_summary": "Family network: what the track needs (optional)",
            "ep_type": "Adoption through early permanence: which type?",
            "ffa_basis": "Fostering for adoption: on which basis?",
            "adoption_summary": "Adoption through early permanence: the plan (optional)",
            "meeting": "Which meeting decided the plan?",
            "court_scrutiny": "What the court said about the plan (optional)",
        }
        error_messages = {
            "primary": {"required": "Select the preferred track"},
            "meeting": {"required": "Select the meeting that decided the plan"},
            "parents_who": {
                "max_length": "Which parent or parents must be 300 characters or fewer"
            },
        }
        widgets = {
            "primary": forms.RadioSelect,
            "meeting": forms.RadioSelect,
            "ep_type": forms.RadioSelect,
            "ffa_basis": forms.RadioSelect,
        }

    def __init__(self, *args, current: TwinTrackPlan | None, child: Child | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.current = current
        self.child = child
        self.fields["primary"].choices = Track.choices
        self.fields["meeting"].choices = PlanningMeeting.choices
        self.fields["ep_type"].choices = [("", "Not decided yet"), *EPType.choices]
        self.fields["ffa_basis"].choices = FfaBasis.choices
        self.fields["ffa_basis"].required = False
        self.fields["parents_who"].help_text = (
            "Leave blank if a return to parents is not a track of this plan (300 characters "
            "or fewer)"
        )
        self.fields[
            "parents_conditions"
        ].help_text = (
            "The changes and conditions for a safe return, with timeframes (Standard 5.1)"
        )
        self.fields[
            "parents_interventions"
        ].help_text = "Tailored support to make a return home possible (Standard 2.7)"
        self.fields["adoption_summary"].help_text = "The carers if known, and what happens next"
        self.fields["court_scrutiny"].help_text = (
            "The plan is the local authority's; the court scrutinises it. Record what the court "
            "said, for example at the case management hearing"
        )
        # the family network, in order: this child's wider family and connected people
        network = (
            child.family_members.filter(archived_at__isnull=True)
            .exclude(relationship__in=PARENT_RELATIONSHIPS)
            .order_by("name")
            if child is not None
            else None
        )
        for name in FAMILY_FIELDS:
            field = self.fields[name]
            if network is None:
                field.queryset = field.queryset.none()
            else:
                current_pk = getattr(current, f"{name}_id", None) if current else None
                queryset = network
                if current_pk:
                    queryset = queryset | child.family_members.filter(pk=current_pk)
                field.queryset = queryset.distinct().order_by("name")
            field.empty_label = "No one"
            field.label_from_instance = _network_label
            field.error_messages["invalid_choice"] = (
                "Choose a member of this child's family network"
            )
        for name in (
            "parents_conditions",
            "parents_interventions",
            "family_summary",
            "adoption_summary",
            "reason",
            "court_scrutiny",
        ):
            self.fields[name].widget.attrs["rows"] = 3
        reason = self.fields["reason"]
        if current is None:
            reason.label = "Reason for this plan (optional)"
        else:
            reason.label = "Why is the plan changing?"
            reason.required = True
            reason.error_messages["required"] = "Enter why the plan is changing"

    def clean(self):
        cleaned = super().clean()
        add_errors(
            self,
            plan_set_errors(
                current=self.current,
                meeting_on=cleaned.get("meeting_on"),
                reason=cleaned.get("reason", ""),
                child=self.child,
                primary=cleaned.get("primary"),
                parents_who=cleaned.get("parents_who", ""),
                parents_conditions=cleaned.get("parents_conditions", ""),
                family_first=cleaned.get("family_first"),
                family_second=cleaned.get("family_second"),
                family_third=cleaned.get("family_third"),
                ep_type=cleaned.get("ep_type", ""),
                ffa_basis=cleaned.get("ffa_basis", ""),
            ),
        )
        return cleaned
