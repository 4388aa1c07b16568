"""Looked-after reviews (schedule, record the outcome) and the IRO's concerns."""

from django import forms

from accounts.autocomplete import person_chooser
from accounts.govuk import GovDateField, GovFormMixin, add_errors
from accounts.models import Role, User
from accounts.selectors import people_of

from ..models import Attendee, Child, EscalationStage, IROConcern, LookedAfterReview
from ..services.reviews import (
    iro_concern_raise_errors,
    iro_concern_resolve_errors,
    iro_concern_respond_errors,
    iro_concern_update_errors,
    review_record_held_errors,
    review_schedule_errors,
)

YES_NO = [("yes", "Yes"), ("no", "No")]


def yes_no(label: str, required_message: str, **kwargs) -> forms.TypedChoiceField:
    """A required yes/no question as radios, answering True or False."""
    return forms.TypedChoiceField(
        label=label,
        choices=YES_NO,
        coerce=lambda value: value == "yes",
        empty_value=None,
        widget=forms.RadioSelect,
        error_messages={"required": required_message},
        **kwargs,
    )


def _yes_no_initial(value: bool | None) -> str | None:
    return {True: "yes", False: "no"}.get(value)


def iros_of(child: Child):
    """The active IROs of the child's local authority: who may chair the child's reviews."""
    return people_of(organisation_id=child.responsible_authority_id, role=Role.IRO).order_by(
        "last_name", "first_name", "username"
    )


class ReviewScheduleForm(GovFormMixin, forms.Form):
    scheduled_on = GovDateField(noun="the review")

    def __init__(self, *args, child: Child, **kwargs):
        super().__init__(*args, **kwargs)
        self.child = child

    def clean(self):
        cleaned = super().clean()
        add_errors(
            self,
            review_schedule_errors(child=self.child, scheduled_on=cleaned.get("scheduled_on")),
        )
        return cleaned


class ReviewHeldForm(GovFormMixin, forms.Form):
    held_on = GovDateField(noun="the date held")
    # typed or chosen, never a list of every IRO of the authority: the one who chairs (or the
    # child's IRO) is offered, anyone else is found by name
    chair = person_chooser(
        role=Role.IRO,
        noun="IRO",
        label="Which IRO chaired the review?",
        style="radios",
        error_messages={
            "required": "Select the IRO who chaired the review",
            "invalid_choice": "Select the IRO who chaired the review",
        },
    )
    attendees = forms.MultipleChoiceField(
        label="Who attended?",
        choices=Attendee.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text="Select all that apply",
        error_messages={"invalid_choice": "Select who attended from the list"},
    )
    attendees_other = forms.CharField(
        label="Anyone else who attended (optional)", max_length=200, required=False
    )
    recommendations = forms.CharField(
        label="Recommendations",
        widget=forms.Textarea,
        error_messages={"required": "Enter the recommendations of the review"},
    )
    plan_endorsed = yes_no(
        "Did the IRO endorse the twin-track plan?",
        "Select yes if the IRO endorsed the twin-track plan",
    )
    permanence_plan_confirmed = yes_no(
        "Did the review confirm the permanence plan?",
        "Select yes if the review confirmed the permanence plan",
        help_text="The permanence plan is expected to be confirmed by the second review",
    )
    # CA 1989 s.22C(9B)(c)
    ep_considered = yes_no(
        "Was early permanence considered?",
        "Select yes if early permanence was considered",
        help_text="Placement with foster carers approved as prospective adopters "
        "(Children Act 1989 section 22C(9B)(c))",
    )

    def __init__(self, *args, child: Child, **kwargs):
        super().__init__(*args, **kwargs)
        self.child = child
        self.fields["chair"].queryset = iros_of(child)
        if not self.fields["chair"].queryset.exists():
            self.fields[
                "chair"
            ].help_text = (
                "No IRO is set up in this local authority yet: ask an administrator to add one"
            )
        self.fields["recommendations"].widget.attrs["rows"] = 6

    def clean(self):
        cleaned = super().clean()
        errors = review_record_held_errors(
            child=self.child,
            held_on=cleaned.get("held_on"),
            chair=cleaned.get("chair"),
            recommendations=cleaned.get("recommendations", ""),
            plan_endorsed=cleaned.get("plan_endorsed"),
            permanence_plan_confirmed=cleaned.get("permanence_plan_confirmed"),
            ep_considered=cleaned.get("ep_considered"),
            attendees=cleaned.get("attendees"),
        )
        add_errors(self, errors)
        return cleaned


def review_held_initial(review: LookedAfterReview, *, user: User) -> dict:
    """The outcome as recorded, or a start: the child's IRO (or the IRO recording it) chairs."""
    if review.held_on:
        return {
            "held_on": review.held_on,
            "chair": review.chair_id,
            "recommendations": review.recommendations,
            "plan_endorsed": _yes_no_initial(review.plan_endorsed),
            "permanence_plan_confirmed": _yes_no_initial(review.permanence_plan_confirmed),
            "ep_considered": _yes_no_initial(review.ep_considered),
            "attendees": review.attendees,
            "attendees_other": review.attendees_other,
        }
    chair = review.child.iro_id
    if user.has_role(Role.IRO):
        chair = user.pk
    return {"chair": chair}


class ConcernRaiseForm(GovFormMixin, forms.Form):
    raised_on = GovDateField(noun="the date the concern was raised", label="Date raised")
    concern = forms.CharField(
        label="What is the concern?",
        widget=forms.Textarea,
        help_text="About the plan, its progress or the child's welfare",
        error_messages={"required": "Enter the concern"},
    )
    review = forms.ModelChoiceField(
        label="Raised at a review (optional)",
        queryset=LookedAfterReview.objects.none(),
        required=False,
        empty_label="Not at a review",
        error_messages={"invalid_choice": "Select a review of this child"},
    )
    stage = forms.ChoiceField(
        label="Escalation stage",
        choices=EscalationStage.choices,
        initial=EscalationStage.INFORMAL,
        widget=forms.RadioSelect,
        error_messages={"required": "Select the escalation stage"},
    )

    def __init__(self, *args, child: Child, **kwargs):
        super().__init__(*args, **kwargs)
        self.child = child
        reviews = LookedAfterReview.objects.filter(child=child).order_by("-scheduled_on")
        self.fields["review"].queryset = reviews
        self.fields["review"].label_from_instance = lambda review: (
            f"Review held {review.held_on:%d/%m/%Y}"
            if review.held_on
            else f"Review scheduled for {review.scheduled_on:%d/%m/%Y}"
        )

    def clean(self):
        cleaned = super().clean()
        errors = iro_concern_raise_errors(
            child=self.child,
            raised_on=cleaned.get("raised_on"),
            concern=cleaned.get("concern", ""),
            review=cleaned.get("review"),
        )
        add_errors(self, errors)
        return cleaned


class ConcernStageForm(GovFormMixin, forms.Form):
    stage = forms.ChoiceField(
        label="Escalation stage",
        choices=EscalationStage.choices,
        widget=forms.RadioSelect,
        help_text="The stage of the dispute resolution process the concern has reached",
        error_messages={"required": "Select the escalation stage"},
    )
    escalated_on = GovDateField(noun="the escalation")

    def __init__(self, *args, concern: IROConcern, **kwargs):
        super().__init__(*args, **kwargs)
        self.concern = concern

    def clean(self):
        cleaned = super().clean()
        errors = iro_concern_update_errors(
            concern=self.concern,
            stage=cleaned.get("stage"),
            escalated_on=cleaned.get("escalated_on"),
        )
        add_errors(self, errors)
        return cleaned


class ConcernRespondForm(GovFormMixin, forms.Form):
    responded_on = GovDateField(noun="the response")
    response = forms.CharField(
        label="What is the response to the concern?",
        widget=forms.Textarea,
        help_text="The IRO decides whether the concern is resolved",
        error_messages={"required": "Enter the response to the concern"},
    )

    def __init__(self, *args, concern: IROConcern, **kwargs):
        super().__init__(*args, **kwargs)
        self.concern = concern

    def clean(self):
        cleaned = super().clean()
        errors = iro_concern_respond_errors(
            concern=self.concern,
            responded_on=cleaned.get("responded_on"),
            response=cleaned.get("response", ""),
        )
        add_errors(self, errors)
        return cleaned


class ConcernResolveForm(GovFormMixin, forms.Form):
    resolved_on = GovDateField(noun="the date the concern was resolved", label="Date resolved")
    resolution = forms.CharField(
        label="How was the concern resolved?",
        widget=forms.Textarea,
        error_messages={"required": "Enter how the concern was resolved"},
    )

    def __init__(self, *args, concern: IROConcern, **kwargs):
        super().__init__(*args, **kwargs)
        self.concern = concern

    def clean(self):
        cleaned = super().clean()
        errors = iro_concern_resolve_errors(
            concern=self.concern,
            resolved_on=cleaned.get("resolved_on"),
            resolution=cleaned.get("resolution", ""),
        )
        add_errors(self, errors)
        return cleaned
