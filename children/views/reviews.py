"""Looked-after reviews and the IRO's concerns.

Reviews are scheduled under ``children.record_review`` (IRO, social worker, team manager) and
their outcome recorded by the IRO; the IRO raises and escalates concerns; a team manager records
a response; only the IRO records that a concern is resolved (CA 1989 s.25B). Reviews and
concerns are looked up within this child's own records, so another child's answers 404.
"""

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect

from accounts.dates import format_date

from .. import services
from ..forms import (
    ConcernRaiseForm,
    ConcernResolveForm,
    ConcernRespondForm,
    ConcernStageForm,
    ReviewHeldForm,
    ReviewScheduleForm,
)
from ..forms.reviews import review_held_initial
from .base import ChildRecordFormView


class ReviewSectionView(ChildRecordFormView):
    perm = "children.record_review"
    section = "reviews"


class ReviewScheduleView(ReviewSectionView):
    form_class = ReviewScheduleForm
    title = "Schedule a looked-after review"
    submit_label = "Schedule the review"
    success_message = "The review has been scheduled"

    def get_form_kwargs(self):
        return {"child": self.child}

    def save(self, form):
        return services.review_schedule(
            child=self.child, by=self.request.user, scheduled_on=form.cleaned_data["scheduled_on"]
        )


class ReviewRecordView(ReviewSectionView):
    perm = "children.record_review_outcome"
    form_class = ReviewHeldForm
    submit_label = "Save the outcome"
    success_message = "The outcome of the review has been recorded"

    def get_instance(self):
        return get_object_or_404(self.child.reviews, pk=self.kwargs["review_pk"])

    def get_form_kwargs(self):
        return {"child": self.child}

    def get_initial(self):
        return review_held_initial(self.instance, user=self.request.user)

    def get_title(self) -> str:
        if self.instance.held_on:
            return "Change the outcome of the review"
        return "Record the outcome of the review"

    def get_intro(self) -> list[str]:
        return [f"The review was scheduled for {format_date(self.instance.scheduled_on)}."]

    def save(self, form):
        data = form.cleaned_data
        return services.review_record_held(
            review=self.instance,
            by=self.request.user,
            held_on=data["held_on"],
            chair=data["chair"],
            recommendations=data["recommendations"],
            plan_endorsed=data["plan_endorsed"],
            permanence_plan_confirmed=data["permanence_plan_confirmed"],
            ep_considered=data["ep_considered"],
            attendees=data["attendees"],
            attendees_other=data["attendees_other"],
        )


class ConcernSectionView(ChildRecordFormView):
    section = "reviews"

    def get_instance(self):
        return get_object_or_404(self.child.iro_concerns, pk=self.kwargs["concern_pk"])

    def get_intro(self) -> list[str]:
        concern = self.instance
        return [f"Raised on {format_date(concern.raised_on)}: {concern.concern}"]

    def get(self, request, *args, **kwargs):
        if self.instance.resolved_on is not None:
            messages.info(request, "This concern has already been resolved")
            return redirect(self.get_success_url())
        return super().get(request, *args, **kwargs)


class ConcernRaiseView(ReviewSectionView):
    form_class = ConcernRaiseForm
    perm = "children.raise_iro_concern"
    title = "Raise a concern"
    submit_label = "Raise the concern"
    success_message = "The concern has been recorded"

    def get_form_kwargs(self):
        return {"child": self.child}

    def save(self, form):
        data = form.cleaned_data
        return services.iro_concern_raise(
            child=self.child,
            by=self.request.user,
            raised_on=data["raised_on"],
            concern=data["concern"],
            stage=data["stage"],
            review=data["review"],
        )


class ConcernUpdateView(ConcernSectionView):
    form_class = ConcernStageForm
    perm = "children.raise_iro_concern"
    title = "Change the escalation stage"
    submit_label = "Save the stage"
    success_message = "The escalation stage has been changed"

    def get_form_kwargs(self):
        return {"concern": self.instance}

    def get_initial(self):
        return {"stage": self.instance.stage}

    def save(self, form):
        return services.iro_concern_update(
            concern=self.instance,
            by=self.request.user,
            stage=form.cleaned_data["stage"],
            escalated_on=form.cleaned_data["escalated_on"],
        )


class ConcernRespondView(ConcernSectionView):
    form_class = ConcernRespondForm
    perm = "children.respond_to_iro_concern"
    title = "Respond to the concern"
    submit_label = "Save the response"
    success_message = "The response has been recorded: the IRO decides whether it is resolved"

    def get_form_kwargs(self):
        return {"concern": self.instance}

    def save(self, form):
        data = form.cleaned_data
        return services.iro_concern_respond(
            concern=self.instance,
            by=self.request.user,
            responded_on=data["responded_on"],
            response=data["response"],
        )


class ConcernResolveView(ConcernSectionView):
    form_class = ConcernResolveForm
    perm = "children.resolve_iro_concern"
    title = "Record that the concern is resolved"
    submit_label = "Save the resolution"
    success_message = "The concern has been recorded as resolved"

    def get_form_kwargs(self):
        return {"concern": self.instance}

    def save(self, form):
        data = form.cleaned_data
        return services.iro_concern_resolve(
            concern=self.instance,
            by=self.request.user,
            resolved_on=data["resolved_on"],
            resolution=data["resolution"],
        )
