"""The matching pages' forms: each calls the rule function its service calls, so every problem
shows at once on submit (CONVENTIONS: rule functions shared by ``clean()`` and the service)."""

from django import forms

from accounts.govuk import GovDateField, GovFormMixin, add_errors
from children.models import Child
from children.models.plan import EPType

from .models import (
    WITH_HOUSEHOLD,
    AgencyDecisionKind,
    FormalMatch,
    InitialMatch,
    NoLongerReason,
    PanelRecommendation,
    Placement,
    PlacementCode,
    PlacementKind,
    ProviderCode,
    ReasonForChange,
)
from .services import decisions, matches, placements


def _choices(choices, blank: str = "Select"):
    return [("", blank), *choices]


class _PlacementCodes(GovFormMixin, forms.Form):
    placement_code = forms.ChoiceField(
        label="Placement type (903 PLACE)",
        choices=_choices(PlacementCode.choices),
        required=False,
        help_text="U5 for foster carers who are approved adopters; U2 when they are relatives "
        "or friends.",
    )
    provider_code = forms.ChoiceField(
        label="Placement provider (optional)",
        choices=_choices(ProviderCode.choices),
        required=False,
    )
    postcode_district = forms.CharField(
        label="Postcode district of the placement (optional)",
        max_length=4,
        required=False,
        help_text="The first part of the postcode only, e.g. NM3.",
    )
    reason_for_change = forms.ChoiceField(
        label="Reason for the change of placement",
        choices=_choices(ReasonForChange.choices),
        required=False,
        help_text="Needed for every placement after the first.",
    )
    outside_terms_reason = forms.CharField(
        label="Why the child is placed outside the carers' terms of approval (optional)",
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=2000,
        required=False,
        help_text="An emergency placement outside the foster carers' terms (CPR reg 23).",
    )


class PlacementForm(_PlacementCodes):
    kind = forms.ChoiceField(
        label="Kind of placement",
        choices=PlacementKind.choices,
        widget=forms.RadioSelect,
        error_messages={"required": placements.KIND_MISSING},
    )
    starts_on = GovDateField(noun="the date the placement started", required=False)
    field_order = ["kind", "starts_on", "placement_code"]

    def __init__(self, *args, child: Child, household=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.child = child
        self.household = household

    def clean(self):
        cleaned = super().clean()
        kind = cleaned.get("kind")
        if "starts_on" in self.errors:
            return cleaned
        add_errors(
            self,
            placements.placement_record_errors(
                child=self.child,
                kind=kind,
                starts_on=cleaned.get("starts_on"),
                placement_code=cleaned.get("placement_code"),
                household=self.household if kind in WITH_HOUSEHOLD else None,
                reason_for_change=cleaned.get("reason_for_change") or "",
            ),
        )
        return cleaned


class PlacementEndForm(GovFormMixin, forms.Form):
    ends_on = GovDateField(noun="the date the placement ended", required=False)
    reason = forms.CharField(
        label="Why the placement ended",
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=2000,
        required=False,
        help_text="CPR reg 14: after a review of the child's case, unless there is an "
        "immediate risk of significant harm.",
    )

    def __init__(self, *args, placement: Placement, **kwargs):
        super().__init__(*args, **kwargs)
        self.placement = placement

    def clean(self):
        cleaned = super().clean()
        if "ends_on" not in self.errors:
            add_errors(
                self,
                placements.placement_end_errors(
                    placement=self.placement,
                    ends_on=cleaned.get("ends_on"),
                    reason=cleaned.get("reason") or "",
                ),
            )
        return cleaned


class PlacementCorrectForm(_PlacementCodes):
    starts_on = GovDateField(noun="the date the placement started", required=False)
    ends_on = GovDateField(noun="the date the placement ended", required=False)
    field_order = ["starts_on", "ends_on", "placement_code"]

    def __init__(self, *args, placement: Placement, **kwargs):
        super().__init__(*args, **kwargs)
        self.placement = placement

    def clean(self):
        cleaned = super().clean()
        if "starts_on" in self.errors or "ends_on" in self.errors:
            return cleaned
        previous, following = placements.neighbours(self.placement)
        add_errors(
            self,
            placements.placement_correct_errors(
                placement=self.placement,
                starts_on=cleaned.get("starts_on"),
                ends_on=cleaned.get("ends_on"),
                placement_code=cleaned.get("placement_code"),
                previous=previous,
                following=following,
            ),
        )
        return cleaned


class MatchProposeForm(GovFormMixin, forms.Form):
    proposed_on = GovDateField(noun="the date the match was proposed", required=False)
    ep_type = forms.ChoiceField(
        label="Early permanence type",
        choices=_choices(EPType.choices, "From the child's plan"),
        required=False,
    )
    training_warning_reason = forms.CharField(
        label="Why the match goes ahead before early permanence preparation is completed "
        "(only if it is not completed)",
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=2000,
        required=False,
    )

    def __init__(self, *args, child: Child, household, **kwargs):
        super().__init__(*args, **kwargs)
        self.child = child
        self.household = household

    def clean(self):
        cleaned = super().clean()
        if "proposed_on" in self.errors:
            return cleaned
        add_errors(
            self,
            matches.match_propose_record_errors(
                child=self.child,
                household=self.household,
                proposed_on=cleaned.get("proposed_on"),
                training_warning_reason=cleaned.get("training_warning_reason") or "",
            ),
        )
        return cleaned


class MatchWithdrawForm(GovFormMixin, forms.Form):
    withdrawn_on = GovDateField(noun="the date the match was withdrawn", required=False)
    reason = forms.CharField(
        label="Why the match was withdrawn",
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=2000,
        required=False,
    )

    def __init__(self, *args, match: InitialMatch, **kwargs):
        super().__init__(*args, **kwargs)
        self.match = match

    def clean(self):
        cleaned = super().clean()
        if "withdrawn_on" not in self.errors:
            add_errors(
                self,
                matches.match_withdraw_errors(
                    match=self.match,
                    withdrawn_on=cleaned.get("withdrawn_on"),
                    reason=cleaned.get("reason") or "",
                ),
            )
        return cleaned


class AuthorisationForm(GovFormMixin, forms.Form):
    authorised_on = GovDateField(
        noun="the date of the Nominated Officer's authorisation", required=False
    )
    information_given = forms.CharField(
        label="What the Nominated Officer was told",
        widget=forms.Textarea(attrs={"rows": 6}),
        max_length=5000,
        required=False,
        help_text="Standard 4.2: the information on which the placement is authorised.",
    )

    def __init__(self, *args, match: InitialMatch, by, **kwargs):
        super().__init__(*args, **kwargs)
        self.match = match
        self.by = by

    def clean(self):
        cleaned = super().clean()
        if "authorised_on" not in self.errors:
            add_errors(
                self,
                matches.authorisation_errors(
                    match=self.match,
                    by=self.by,
                    authorised_on=cleaned.get("authorised_on"),
                    information_given=cleaned.get("information_given") or "",
                    already=matches.authorised(self.match),
                ),
            )
        return cleaned


class Reg25AForm(GovFormMixin, forms.Form):
    approved_on = GovDateField(noun="the date of the temporary approval", required=False)
    suitability_assessment = forms.CharField(
        label="The assessment of the carers' suitability to care for this child",
        widget=forms.Textarea(attrs={"rows": 6}),
        max_length=5000,
        required=False,
    )

    def __init__(self, *args, match: InitialMatch, by, **kwargs):
        super().__init__(*args, **kwargs)
        self.match = match
        self.by = by

    def clean(self):
        cleaned = super().clean()
        if "approved_on" not in self.errors:
            add_errors(
                self,
                matches.reg25a_record_errors(
                    match=self.match,
                    by=self.by,
                    approved_on=cleaned.get("approved_on"),
                    suitability_assessment=cleaned.get("suitability_assessment") or "",
                ),
            )
        return cleaned


class AgencyDecisionForm(GovFormMixin, forms.Form):
    kind = forms.ChoiceField(
        label="The decision",
        choices=AgencyDecisionKind.choices,
        widget=forms.RadioSelect,
        error_messages={"required": decisions.KIND_MISSING},
    )
    decided_on = GovDateField(noun="the decision", required=False)
    panel_recommended_on = GovDateField(
        noun="the adoption panel's recommendation",
        label="Date of the adoption panel's recommendation (consent and relinquished cases)",
        required=False,
    )
    reason_code = forms.ChoiceField(
        label="Reason the child should no longer be placed for adoption",
        choices=_choices(NoLongerReason.choices),
        required=False,
    )
    reason = forms.CharField(
        label="The decision's reasons (optional)",
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=5000,
        required=False,
    )

    def __init__(self, *args, child: Child, by, **kwargs):
        super().__init__(*args, **kwargs)
        self.child = child
        self.by = by

    def clean(self):
        cleaned = super().clean()
        if "decided_on" in self.errors or "panel_recommended_on" in self.errors:
            return cleaned
        add_errors(
            self,
            decisions.agency_decision_record_errors(
                child=self.child,
                by=self.by,
                kind=cleaned.get("kind"),
                decided_on=cleaned.get("decided_on"),
                panel_recommended_on=cleaned.get("panel_recommended_on"),
                reason_code=cleaned.get("reason_code") or "",
            ),
        )
        return cleaned


class FormalMatchForm(GovFormMixin, forms.Form):
    permanence_report_given_on = GovDateField(
        noun="the date the carers were given the child's permanence report",
        label="Date the carers were given the child's permanence report (Reg 31) (optional)",
        required=False,
    )
    carers_met_agency_on = GovDateField(
        noun="the date the carers met the agency",
        label="Date the carers met the agency about the match (Reg 31) (optional)",
        required=False,
    )
    adoption_placement_report_on = GovDateField(
        noun="the adoption placement report",
        label="Date of the adoption placement report (optional)",
        required=False,
    )
    adoption_support_plan_on = GovDateField(
        noun="the adoption support plan",
        label="Date of the adoption support plan (optional)",
        required=False,
    )
    life_story_plan_on = GovDateField(
        noun="the life story plan",
        label="Date of the life story plan (Standard 4.10) (optional)",
        required=False,
    )
    panel_on = GovDateField(
        noun="the adoption panel", label="Date of the adoption panel (optional)", required=False
    )
    panel_recommendation = forms.ChoiceField(
        label="The panel's recommendation",
        choices=_choices(PanelRecommendation.choices, "Not yet"),
        required=False,
    )

    STEPS = (*decisions.STEP_FIELDS, "panel_recommendation")

    def __init__(self, *args, household, decided: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        self.household = household
        self.decided = decided

    def clean(self):
        cleaned = super().clean()
        if any(name in self.errors for name in decisions.STEP_FIELDS):
            return cleaned
        add_errors(
            self,
            decisions.formal_match_errors(
                household=self.household,
                decided=self.decided,
                **{name: cleaned.get(name) for name in decisions.STEP_FIELDS},
                panel_recommendation=cleaned.get("panel_recommendation") or "",
            ),
        )
        return cleaned

    @classmethod
    def initial_of(cls, formal_match: FormalMatch | None) -> dict:
        if formal_match is None:
            return {}
        return {name: getattr(formal_match, name) for name in cls.STEPS}


class CandidateSearchForm(GovFormMixin, forms.Form):
    family_district = forms.CharField(
        label="The birth family's postcode district (optional)",
        max_length=4,
        required=False,
        help_text="Used only to explain distance both ways, e.g. NM3. Not stored.",
    )
