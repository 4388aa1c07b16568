"""The family time pages: the plan, generating sessions, one session (moved, recorded or
cancelled), attendance with its chart, family time after adoption or a return home, and the
family time worker's schedule. Each form page follows ``children.views.base``: the child found
for the user (404), the rule checked (403), the view logged, input kept on error."""

from datetime import timedelta

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.views.decorators.http import require_safe

from accounts import clock
from accounts.permissions import can
from children.views.base import ChildRecordFormView, child_viewed

from . import forms, selectors, services
from .chart import attendance_chart
from .models import LaterFamilyTime, SessionStatus


class FamilyTimeFormView(ChildRecordFormView):
    perm = "family_time.plan_family_time"
    section = "family-time"

    def get_form_kwargs(self):
        return {"child": self.child}


class PlanView(FamilyTimeFormView):
    form_class = forms.PlanForm

    def get_instance(self):
        if "plan_pk" not in self.kwargs:
            return None
        return selectors.plan_for(child=self.child, pk=self.kwargs["plan_pk"])

    def get_title(self):
        return "Change the family time plan" if self.instance else "Set up a family time plan"

    @property
    def submit_label(self):
        return "Save changes" if self.instance else "Save plan"

    @property
    def success_message(self):
        return (
            "The family time plan has been updated"
            if self.instance
            else ("The family time plan has been set up")
        )

    def get_intro(self):
        return [
            "Family time is set by what the baby needs and what it is assessing, not by a "
            "standard frequency (Standards 5.4 and 6). Every change to the plan is kept."
        ]

    def save(self, form):
        data = dict(form.cleaned_data)
        members = data.pop("family_members")
        fields = {name: data[name] for name in services.PLAN_FIELDS}
        if self.instance:
            return services.plan_update(
                plan=self.instance, by=self.request.user, family_members=members, **fields
            )
        return services.plan_create(
            child=self.child, by=self.request.user, family_members=members, **fields
        )


class _PlanChildView(FamilyTimeFormView):
    def get_instance(self):
        self.plan = selectors.plan_for(child=self.child, pk=self.kwargs["plan_pk"])
        return None

    def get_form_kwargs(self):
        return {"plan": self.plan}


class GenerateView(_PlanChildView):
    form_class = forms.GenerateForm
    title = "Generate family time sessions"
    submit_label = "Generate sessions"

    def get_intro(self):
        return [
            f"Sessions are made from the plan: {self.plan.frequency_words()}. Sessions already "
            "made for these dates are kept as they are: generating again adds only the missing "
            "ones."
        ]

    def get_initial(self):
        start = max(clock.today(), self.plan.starts_on)
        end = start + timedelta(days=27)
        if self.plan.ends_on:
            end = min(end, self.plan.ends_on)
        return {"from_on": start, "to_on": end}

    def save(self, form):
        created = services.sessions_generate(
            plan=self.plan,
            by=self.request.user,
            from_on=form.cleaned_data["from_on"],
            to_on=form.cleaned_data["to_on"],
        )
        messages.success(
            self.request,
            f"{len(created)} session{'s' if len(created) != 1 else ''} added to the schedule",
        )
        return created


class SessionAddView(_PlanChildView):
    form_class = forms.SessionTimeForm
    title = "Add a family time session"
    submit_label = "Add session"
    success_message = "The session has been added"

    def save(self, form):
        return services.session_add(
            plan=self.plan,
            by=self.request.user,
            starts_at=form.starts_at(),
            duration_minutes=form.cleaned_data["duration_minutes"],
            supervisor=form.cleaned_data.get("supervisor"),
        )


class _SessionView(FamilyTimeFormView):
    """A page about one session: the planners of the child, or the family time worker who
    supervises it."""

    perm = "family_time.view_family_time"

    def get_instance(self):
        self.session = selectors.session_for(child=self.child, pk=self.kwargs["session_pk"])
        if not can(self.request.user, "family_time.record_session", self.session):
            raise PermissionDenied
        return None

    def get_form_kwargs(self):
        return {"session": self.session}

    def get_success_url(self):
        if self.request.user.has_role("family_time_worker") and not can(
            self.request.user, "family_time.plan_family_time", self.child
        ):
            return reverse("family_time:schedule")
        return super().get_success_url()


class SessionMoveView(_SessionView):
    form_class = forms.SessionTimeForm
    title = "Change the date, time or supervisor"
    submit_label = "Save changes"
    success_message = "The session has been changed"

    def get_form_kwargs(self):
        return {"session": self.session, "plan": self.session.plan}

    def save(self, form):
        return services.session_move(
            session=self.session,
            by=self.request.user,
            starts_at=form.starts_at(),
            duration_minutes=form.cleaned_data["duration_minutes"],
            supervisor=form.cleaned_data.get("supervisor"),
            moved_because=form.cleaned_data.get("moved_because", ""),
        )


class SessionRecordView(_SessionView):
    form_class = forms.SessionRecordForm
    title = "Record the session"
    submit_label = "Save the record"
    success_message = "The session has been recorded"

    def get_intro(self):
        start = self.session.starts_at.astimezone(services.LONDON)
        return [f"Family time on {start:%-d %B %Y} at {start:%H:%M}."]

    def save(self, form):
        data = form.cleaned_data
        return services.session_record(
            session=self.session,
            by=self.request.user,
            attendance=form.attendance(),
            handover_notes=data["handover_notes"],
            observations=data["observations"],
            concerns=data["concerns"],
            follow_up=data["follow_up"],
        )


class SessionCancelView(_SessionView):
    form_class = forms.CancelForm
    title = "Cancel the session"
    submit_label = "Cancel the session"
    success_message = "The session has been cancelled"

    def save(self, form):
        return services.session_cancel(
            session=self.session, by=self.request.user, because=form.cleaned_data["because"]
        )


class LaterFamilyTimeView(FamilyTimeFormView):
    form_class = forms.LaterFamilyTimeForm

    def get_instance(self):
        if "later_pk" not in self.kwargs:
            return None
        return get_object_or_404(
            LaterFamilyTime.objects.filter(child=self.child), pk=self.kwargs["later_pk"]
        )

    def get_title(self):
        return (
            "Change family time after adoption or a return home"
            if self.instance
            else "Add family time after adoption or a return home"
        )

    def get_intro(self):
        return [
            "Standard 6.6: where the carers adopt the child, they are supported to promote the "
            "child's significant relationships. Standard 7.6: a child who went home may keep in "
            "touch with the early permanence carers."
        ]

    success_message = "Family time after adoption or a return home has been saved"

    def save(self, form):
        data = {name: form.cleaned_data[name] for name in services.LATER_FIELDS}
        return services.later_family_time_save(
            child=self.child, by=self.request.user, record=self.instance, **data
        )


@require_safe
def attendance(request, pk: int):
    """A child's family time attendance, for court and reviews: a chart and its numbers."""
    child = selectors.child_for_attendance(user=request.user, pk=pk)
    if not can(request.user, "family_time.view_family_time", child):
        raise PermissionDenied
    child_viewed(request, child)
    report = selectors.attendance_report(child=child)
    return render(
        request,
        "family_time/attendance.html",
        {"child": child, "report": report, "chart": attendance_chart(report)},
    )


@require_safe
def schedule(request):
    """The sessions the user supervises: today, this week, the next two weeks."""
    if not can(request.user, "family_time.view_schedule"):
        raise PermissionDenied
    return render(
        request,
        "family_time/schedule.html",
        {
            "schedule": selectors.schedule_for(user=request.user),
            "today": clock.today(),
            "cancelled": SessionStatus.CANCELLED,
            "held": SessionStatus.HELD,
        },
    )
