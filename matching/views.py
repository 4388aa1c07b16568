"""The matching pages on the child's record: placements (add, correct, end), the candidate
search, the initial match (propose, withdraw), the Nominated Officer's authorisation, the Reg 25A
temporary approval, the agency decision maker's decisions and the formal match's steps.

Each follows ``children.views.base.ChildRecordFormView``: the child found for the user (404 for
another organisation's), the rule checked (403), the form's rule function the service's, what
was typed kept. The journey's transitions (propose, place, decide the match, place for
adoption) call the same services from the journey's own pages.
"""

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, render

from accounts import clock
from accounts.permissions import can
from carers.models import Household
from children.selectors import child_for_form
from children.views.base import ChildRecordFormView, child_viewed

from . import forms, services
from .candidates import candidates_for
from .models import WITH_HOUSEHOLD, FormalMatch, InitialMatch, Placement
from .selectors import journey_records


class _MatchingFormView(ChildRecordFormView):
    section = "matching"

    def records(self):
        if not hasattr(self, "_records"):
            self._records = journey_records(child=self.child)
        return self._records


# --- placements ----------------------------------------------------------------------------------


class PlacementAddView(_MatchingFormView):
    form_class = forms.PlacementForm
    perm = "matching.record_placement"
    title = "Record a placement"
    submit_label = "Record placement"
    success_message = "The placement has been recorded"

    def household(self):
        match = self.records().current_match
        return match.household if match else None

    def get_intro(self):
        household = self.household()
        lines = [
            "Every placement of the child, not only the early permanence placement: the moves "
            "before it are counted. Recording a placement ends the current one on its start "
            "date."
        ]
        if household is not None:
            lines.append(
                "An early permanence placement or a placement for adoption is with the matched "
                f"household ({household.reference})."
            )
        return lines

    def get_form_kwargs(self):
        return {"child": self.child, "household": self.household()}

    def save(self, form):
        data = form.cleaned_data
        return services.placement_record(
            child=self.child,
            kind=data["kind"],
            starts_on=data["starts_on"],
            placement_code=data["placement_code"],
            household=self.household() if data["kind"] in WITH_HOUSEHOLD else None,
            provider_code=data["provider_code"],
            postcode_district=data["postcode_district"],
            reason_for_change=data["reason_for_change"],
            outside_terms_reason=data["outside_terms_reason"],
            by=self.request.user,
        )


class _PlacementView(_MatchingFormView):
    perm = "matching.record_placement"

    def get_instance(self):
        return get_object_or_404(
            Placement.objects.filter(child=self.child), pk=self.kwargs["placement_pk"]
        )

    def get_form_kwargs(self):
        return {"placement": self.instance}


class PlacementEndView(_PlacementView):
    form_class = forms.PlacementEndForm
    title = "End the placement"
    submit_label = "End placement"
    success_message = "The placement has been ended"

    def get_intro(self):
        return [f"{self.instance}."]

    def save(self, form):
        return services.placement_end(
            placement=self.instance,
            ends_on=form.cleaned_data["ends_on"],
            reason=form.cleaned_data["reason"],
            by=self.request.user,
        )


class PlacementCorrectView(_PlacementView):
    form_class = forms.PlacementCorrectForm
    title = "Correct the placement"
    submit_label = "Save changes"
    success_message = "The placement has been corrected"

    def get_intro(self):
        return [f"{self.instance}."]

    def get_initial(self):
        p = self.instance
        return {
            "starts_on": p.starts_on,
            "ends_on": p.ends_on,
            "placement_code": p.placement_code,
            "provider_code": p.provider_code,
            "postcode_district": p.postcode_district,
            "reason_for_change": p.reason_for_change,
            "outside_terms_reason": p.outside_terms_reason,
        }

    def save(self, form):
        data = form.cleaned_data
        return services.placement_correct(
            placement=self.instance,
            by=self.request.user,
            starts_on=data["starts_on"],
            ends_on=data["ends_on"],
            placement_code=data["placement_code"],
            provider_code=data["provider_code"],
            postcode_district=data["postcode_district"],
            reason_for_change=data["reason_for_change"],
            outside_terms_reason=data["outside_terms_reason"],
        )


# --- the candidate search and the initial match ------------------------------------------------


def candidates(request, pk):
    """The available households ranked by fit for the child, each with its reasons: anonymised
    profiles (no name, no postcode) before a match."""
    child = child_for_form(user=request.user, pk=pk)
    if not can(request.user, "matching.search_candidates", child):
        raise PermissionDenied
    child_viewed(request, child)
    form = forms.CandidateSearchForm(data=request.GET or None)
    district = form.cleaned_data["family_district"] if form.is_valid() else ""
    found = candidates_for(child=child, today=clock.today(), family_district=district)
    return render(
        request,
        "matching/candidates.html",
        {
            "child": child,
            "form": form,
            "candidates": found,
            "current_match": journey_records(child=child).current_match,
        },
    )


class MatchProposeView(_MatchingFormView):
    form_class = forms.MatchProposeForm
    perm = "matching.propose_match"
    submit_label = "Propose the match"
    success_message = "The match has been proposed"

    def dispatch(self, request, *args, **kwargs):
        self.household = get_object_or_404(Household, pk=kwargs["household_pk"])
        return super().dispatch(request, *args, **kwargs)

    def get_title(self):
        return f"Propose household {self.household.reference}"

    def get_intro(self):
        return [
            "The proposed early permanence household. The Nominated Officer then authorises "
            "the placement (Standard 4.2)."
        ]

    def get_form_kwargs(self):
        return {"child": self.child, "household": self.household}

    def save(self, form):
        data = form.cleaned_data
        return services.match_propose(
            child=self.child,
            household=self.household,
            proposed_on=data["proposed_on"],
            training_warning_reason=data["training_warning_reason"],
            ep_type=data["ep_type"],
            by=self.request.user,
        )


class _MatchView(_MatchingFormView):
    def get_instance(self):
        return get_object_or_404(
            InitialMatch.objects.filter(child=self.child).select_related("household"),
            pk=self.kwargs["match_pk"],
        )

    def get_intro(self):
        return [f"The match with household {self.instance.household.reference}."]


class MatchWithdrawView(_MatchView):
    form_class = forms.MatchWithdrawForm
    perm = "matching.propose_match"
    title = "Withdraw the match"
    submit_label = "Withdraw match"
    success_message = "The match has been withdrawn"

    def get_form_kwargs(self):
        return {"match": self.instance}

    def save(self, form):
        return services.match_withdraw(
            match=self.instance,
            withdrawn_on=form.cleaned_data["withdrawn_on"],
            reason=form.cleaned_data["reason"],
            by=self.request.user,
        )


class AuthoriseView(_MatchView):
    form_class = forms.AuthorisationForm
    perm = "matching.authorise_placement"
    title = "Nominated Officer's authorisation"
    submit_label = "Authorise the placement"
    success_message = "The Nominated Officer's authorisation has been recorded"

    def get_form_kwargs(self):
        return {"match": self.instance, "by": self.request.user}

    def save(self, form):
        return services.match_authorise(
            match=self.instance,
            authorised_on=form.cleaned_data["authorised_on"],
            information_given=form.cleaned_data["information_given"],
            by=self.request.user,
        )


class Reg25AView(_MatchView):
    form_class = forms.Reg25AForm
    perm = "matching.authorise_placement"
    title = "Reg 25A temporary approval"
    submit_label = "Give the temporary approval"
    success_message = "The Reg 25A temporary approval has been recorded"

    def get_intro(self):
        return [
            *super().get_intro(),
            "Care Planning, Placement and Case Review (England) Regulations 2010, regulation "
            "25A: for prospective adopters already approved as suitable to adopt who are not "
            "approved foster carers, for this child only. It ends when they are approved as "
            "foster carers, the placement ends, or the child is placed for adoption with them.",
        ]

    def get_form_kwargs(self):
        return {"match": self.instance, "by": self.request.user}

    def save(self, form):
        return services.reg25a_approve(
            match=self.instance,
            approved_on=form.cleaned_data["approved_on"],
            suitability_assessment=form.cleaned_data["suitability_assessment"],
            by=self.request.user,
        )


# --- the agency's decisions and the formal match ---------------------------------------------


class AgencyDecisionView(_MatchingFormView):
    form_class = forms.AgencyDecisionForm
    perm = "matching.record_agency_decision"
    title = "Record the agency decision maker's decision"
    submit_label = "Record decision"
    success_message = "The decision has been recorded"

    def get_intro(self):
        return [
            "Should the child be placed for adoption (Adoption and Children Act 2002 s.22; "
            "Adoption Agencies Regulations 2005 regs 17–19)? In a consent or relinquished case "
            "the adoption panel advises first; placement order cases go straight to the "
            "agency decision maker."
        ]

    def get_form_kwargs(self):
        return {"child": self.child, "by": self.request.user}

    def save(self, form):
        data = form.cleaned_data
        return services.agency_decision_record(
            child=self.child,
            kind=data["kind"],
            decided_on=data["decided_on"],
            panel_recommended_on=data["panel_recommended_on"],
            reason_code=data["reason_code"],
            reason=data["reason"],
            by=self.request.user,
        )


class FormalMatchView(_MatchingFormView):
    form_class = forms.FormalMatchForm
    perm = "matching.record_formal_match"
    title = "The formal adoption match"
    submit_label = "Save"
    success_message = "The formal match has been saved"

    def get_instance(self):
        latest = (
            FormalMatch.objects.filter(child=self.child, decision="")
            .select_related("household")
            .order_by("-created_at", "-pk")
            .first()
        )
        return latest

    def household(self):
        if self.instance is not None:
            return self.instance.household
        match = self.records().current_match
        return match.household if match else None

    def get_intro(self):
        household = self.household()
        if household is None:
            return ["Propose a match first: the formal match is with the matched household."]
        return [
            f"The match with household {household.reference} (Standards 4.7–4.11): the Reg 31 "
            "steps, the reports and the panel. The agency decision maker's decision follows "
            "the panel."
        ]

    def get_initial(self):
        return forms.FormalMatchForm.initial_of(self.instance)

    def get_form_kwargs(self):
        return {"household": self.household()}

    def save(self, form):
        data = form.cleaned_data
        return services.formal_match_save(
            child=self.child,
            household=self.household(),
            formal_match=self.instance,
            by=self.request.user,
            **{name: data[name] for name in forms.FormalMatchForm.STEPS},
        )
