"""Forms of the family time pages. They validate and present; the rules they show before saving
are the services' own ``*_errors`` functions, so every error shows on the first submit."""

from datetime import datetime, timedelta

from django import forms

from accounts.autocomplete import person_chooser
from accounts.govuk import GovDateField, GovFormMixin, add_errors
from accounts.models import Role
from accounts.selectors import people_of

from . import services
from .models import (
    CANCELLATIONS,
    WEEKDAYS,
    FamilyTimePlan,
    LaterFamilyTime,
    Outcome,
    Session,
)
from .services import LONDON

TIME_FORMATS = ["%H:%M", "%H.%M", "%H:%M:%S"]


def _time_field(label: str, what: str, required: bool = True) -> forms.TimeField:
    return forms.TimeField(
        label=label,
        help_text="For example, 10:30",
        required=required,
        input_formats=TIME_FORMATS,
        error_messages={
            "required": f"Enter the {what}",
            "invalid": f"Enter the {what} as hours and minutes, like 10:30",
        },
        widget=forms.TimeInput(
            format="%H:%M", attrs={"class": "govuk-input govuk-input--width-5"}
        ),
    )


def _supervisor(label: str):
    return person_chooser(
        role=Role.FAMILY_TIME_WORKER,
        noun="family time worker",
        label=label,
        required=False,
        empty_label="Not chosen yet",
    )


def _members_of(child):
    return child.family_members.filter(archived_at__isnull=True).order_by("name")


class FamilyMembersField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, member):
        return f"{member.name} ({member.get_relationship_display().lower()})"


class PlanForm(GovFormMixin, forms.ModelForm):
    family_members = FamilyMembersField(
        queryset=None,
        label="Who is the family time with?",
        help_text="Select everyone in the family network who comes to family time",
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": "Select who the family time is with"},
    )
    days = forms.MultipleChoiceField(
        choices=WEEKDAYS,
        label="Which days?",
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": "Select the days of the week family time takes place"},
    )
    start_time = _time_field("Start time", "start time")
    supervisor = _supervisor("Who supervises family time? (optional)")
    icebreaker_on = GovDateField(noun="the icebreaker meeting", required=False)
    starts_on = GovDateField(noun="the start", label="Start date")
    review_on = GovDateField(noun="the review", label="Review date (optional)", required=False)
    ends_on = GovDateField(noun="the end", label="End date (optional)", required=False)
    goodbye_on = GovDateField(noun="goodbye family time", required=False)

    class Meta:
        model = FamilyTimePlan
        fields = ["family_members", *services.PLAN_FIELDS]
        labels = {
            "every_weeks": "Every how many weeks?",
            "duration_minutes": "Length of each session, in minutes",
            "frequency_reasons": "Why this frequency and length?",
            "assessing": "What is family time assessing? (optional)",
            "supervision_level": "Level of supervision",
            "supervisor_ep_trained": "The supervisor is trained in early permanence",
            "venue": "Venue (optional if virtual)",
            "virtual_platform": "Virtual platform (optional)",
            "transport": "Who takes the baby to family time? (optional)",
            "handover": "Who hands the baby over, and how? (optional)",
            "icebreaker_notes": "How the icebreaker meeting went (optional)",
            "agreed_presents": "Presents (optional)",
            "agreed_photos": "Photographs (optional)",
            "agreed_confidentiality": "Confidentiality (optional)",
            "agreed_basic_care": "Basic care during family time (optional)",
            "agreed_breast_milk": "Expressed breast milk (optional)",
            "agreed_when_unwell": "What happens when the baby is unwell (optional)",
            "parents_confirm": "The parents confirm they are coming before the baby travels",
            "confirm_by": "How and by when do they confirm? (optional)",
            "legal_frame": "Legal frame",
            "goodbye_notes": "Goodbye family time: what is planned (optional)",
        }
        help_texts = {
            "every_weeks": "1 for every week, 2 for every other week",
            "frequency_reasons": "The baby's feeds, sleep and travel, and what the family time "
            "is assessing: there is no standard frequency",
            "supervisor_ep_trained": "Standards 5.4 and 6.4: family time is supervised by "
            "professionals who understand early permanence",
            "virtual_platform": "Standard 6.5: take into account the evidence on virtual "
            "family time",
            "handover": "Standard 6.2: carers meet the parents at handovers when safe and "
            "possible",
            "goodbye_notes": "Before the child is placed for adoption",
        }
        error_messages = {
            "every_weeks": {"required": "Enter every how many weeks family time takes place"},
            "duration_minutes": {"required": "Enter the length of each session, in minutes"},
            "frequency_reasons": {"required": "Enter why this frequency and length"},
            "supervision_level": {"required": "Select the level of supervision"},
            "legal_frame": {"required": "Select the legal frame of family time"},
        }
        widgets = {
            "supervision_level": forms.RadioSelect,
            "legal_frame": forms.RadioSelect,
        }

    def __init__(self, *args, child, **kwargs):
        super().__init__(*args, **kwargs)
        self.child = child
        self.fields["family_members"].queryset = _members_of(child)
        self.fields["supervisor"].queryset = people_of(
            organisation_id=child.responsible_authority_id,
            role=Role.FAMILY_TIME_WORKER,
            also=getattr(self.instance, "supervisor_id", None),
        )
        if self.instance.pk:
            self.initial["days"] = [str(day) for day in self.instance.weekdays]
        self.fields["every_weeks"].min_value = 1
        self.fields["every_weeks"].error_messages["min_value"] = (
            "Every how many weeks must be 1 or more"
        )
        self.fields["duration_minutes"].error_messages["min_value"] = (
            "Length must be at least 1 minute"
        )

    def clean_days(self):
        return ",".join(sorted(self.cleaned_data["days"]))

    def clean_every_weeks(self):
        value = self.cleaned_data["every_weeks"]
        if value is not None and value < 1:
            raise forms.ValidationError("Every how many weeks must be 1 or more")
        return value

    def clean_duration_minutes(self):
        value = self.cleaned_data["duration_minutes"]
        if value is not None and value < 1:
            raise forms.ValidationError("Length must be at least 1 minute")
        return value

    def clean(self):
        cleaned = super().clean()
        add_errors(
            self,
            services.plan_errors(
                child=self.child,
                family_members=cleaned.get("family_members") or [],
                starts_on=cleaned.get("starts_on"),
                review_on=cleaned.get("review_on"),
                ends_on=cleaned.get("ends_on"),
                goodbye_on=cleaned.get("goodbye_on"),
                legal_frame=cleaned.get("legal_frame"),
                virtual_platform=cleaned.get("virtual_platform") or "",
                venue=cleaned.get("venue") or "",
                parents_confirm=bool(cleaned.get("parents_confirm")),
                confirm_by=cleaned.get("confirm_by") or "",
            ),
        )
        return cleaned

    def _post_clean(self):
        # the model's own checks run in the service (the plan's rules are there)
        pass


class GenerateForm(GovFormMixin, forms.Form):
    from_on = GovDateField(noun="the first day", label="From")
    to_on = GovDateField(noun="the last day", label="To")

    def __init__(self, *args, plan, **kwargs):
        super().__init__(*args, **kwargs)
        self.plan = plan

    def clean(self):
        cleaned = super().clean()
        add_errors(
            self,
            services.generate_errors(
                plan=self.plan, from_on=cleaned.get("from_on"), to_on=cleaned.get("to_on")
            ),
        )
        return cleaned


class SessionTimeForm(GovFormMixin, forms.Form):
    """The date, time, length and supervisor of a session (adding one, or moving one)."""

    on = GovDateField(noun="the session", label="Date")
    at = _time_field("Start time", "start time")
    duration_minutes = forms.IntegerField(
        label="Length, in minutes",
        min_value=1,
        max_value=24 * 60,
        error_messages={
            "required": "Enter the length of the session, in minutes",
            "invalid": "Length must be a number of minutes, like 90",
            "min_value": "Length must be at least 1 minute",
            "max_value": "Length must be 1440 minutes or fewer",
        },
        widget=forms.NumberInput(attrs={"class": "govuk-input govuk-input--width-4"}),
    )
    supervisor = _supervisor("Supervisor (optional)")
    moved_because = forms.CharField(
        label="Why was it moved? (optional)", max_length=300, required=False
    )

    def __init__(self, *args, plan, session: Session | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.plan, self.session = plan, session
        self.fields["supervisor"].queryset = people_of(
            organisation_id=plan.child.responsible_authority_id,
            role=Role.FAMILY_TIME_WORKER,
            also=session.supervisor_id if session else plan.supervisor_id,
        )
        if session is None:
            del self.fields["moved_because"]
            self.initial.setdefault("duration_minutes", plan.duration_minutes)
            self.initial.setdefault("at", plan.start_time)
            self.initial.setdefault("supervisor", plan.supervisor_id)
        else:
            start = session.starts_at.astimezone(LONDON)
            self.initial.setdefault("on", start.date())
            self.initial.setdefault("at", start.time())
            self.initial.setdefault(
                "duration_minutes",
                int((session.ends_at - session.starts_at).total_seconds() // 60),
            )
            self.initial.setdefault("supervisor", session.supervisor_id)

    def starts_at(self):
        cleaned = self.cleaned_data
        if cleaned.get("on") and cleaned.get("at"):
            return datetime.combine(cleaned["on"], cleaned["at"], tzinfo=LONDON)
        return None

    def clean(self):
        cleaned = super().clean()
        starts_at = self.starts_at()
        if starts_at and cleaned.get("duration_minutes"):
            add_errors(
                self,
                services.session_errors(
                    plan=self.plan,
                    starts_at=starts_at,
                    ends_at=starts_at + timedelta(minutes=cleaned["duration_minutes"]),
                    supervisor=cleaned.get("supervisor"),
                    exclude_pk=self.session.pk if self.session else None,
                ),
            )
        return cleaned


OUTCOME_CHOICES = [("", "Select what happened"), *Outcome.choices]


class SessionRecordForm(GovFormMixin, forms.Form):
    """What happened at a session: one choice per family member of the plan, then the notes."""

    handover_notes = forms.CharField(
        label="Handover notes (optional)",
        required=False,
        widget=forms.Textarea,
        help_text="How the handover between the carers and the family went",
    )
    observations = forms.CharField(
        label="Observations for court (optional)", required=False, widget=forms.Textarea
    )
    concerns = forms.CharField(label="Concerns (optional)", required=False, widget=forms.Textarea)
    follow_up = forms.CharField(
        label="Follow-up actions (optional)", required=False, widget=forms.Textarea
    )

    def __init__(self, *args, session: Session, **kwargs):
        super().__init__(*args, **kwargs)
        self.session = session
        self.members = list(session.plan.family_members.all())
        recorded = {row.family_member_id: row for row in session.attendance.all()}
        member_fields = {}
        for member in self.members:
            name = f"member_{member.pk}"
            member_fields[name] = forms.ChoiceField(
                label=f"{member.name} ({member.get_relationship_display().lower()})",
                choices=OUTCOME_CHOICES,
                error_messages={"required": f"Select what happened for {member.name}"},
            )
            if member.pk in recorded:
                self.initial.setdefault(name, recorded[member.pk].outcome)
        # the people first, then the notes
        self.fields = {**member_fields, **self.fields}
        for name in ("handover_notes", "observations", "concerns", "follow_up"):
            self.initial.setdefault(name, getattr(session, name))
        self.posted_members = [
            key.removeprefix("member_")
            for key in (self.data or {})
            if key.startswith("member_") and key.removeprefix("member_").isdigit()
        ]

    def attendance(self) -> dict[int, str]:
        found = {
            member.pk: self.cleaned_data.get(f"member_{member.pk}") for member in self.members
        }
        # anyone posted who is not in the plan is refused by the rule, not dropped
        for pk in self.posted_members:
            if int(pk) not in found:
                found[int(pk)] = self.data.get(f"member_{pk}")
        return {pk: outcome for pk, outcome in found.items() if outcome}

    def clean(self):
        cleaned = super().clean()
        add_errors(
            self,
            services.attendance_errors(
                session=self.session,
                attendance=self.attendance(),
                plan_member_ids={member.pk for member in self.members},
            ),
        )
        return cleaned


class CancelForm(GovFormMixin, forms.Form):
    because = forms.ChoiceField(
        label="Why was the session cancelled?",
        choices=[(value, Outcome(value).label) for value in CANCELLATIONS],
        widget=forms.RadioSelect,
        error_messages={"required": "Select why the session was cancelled"},
    )

    def __init__(self, *args, session: Session, **kwargs):
        super().__init__(*args, **kwargs)
        self.session = session

    def clean(self):
        cleaned = super().clean()
        add_errors(
            self, services.cancel_errors(session=self.session, because=cleaned.get("because"))
        )
        return cleaned


class LaterFamilyTimeForm(GovFormMixin, forms.ModelForm):
    family_member = forms.ModelChoiceField(
        queryset=None,
        label="With whom (optional if with the early permanence carers)",
        required=False,
        empty_label="Not with a family member",
    )
    s51a_order_on = GovDateField(noun="the section 51A order", required=False)
    starts_on = GovDateField(noun="the start", label="Start date (optional)", required=False)
    review_on = GovDateField(noun="the review", label="Review date (optional)", required=False)
    ends_on = GovDateField(noun="the end", label="End date (optional)", required=False)

    class Meta:
        model = LaterFamilyTime
        fields = list(services.LATER_FIELDS)
        labels = {
            "setting": "When is this family time?",
            "kind": "How?",
            "with_ep_carers": "With the early permanence carers",
            "how_often": "How often?",
            "s51a_order": "Order under section 51A of the Adoption and Children Act 2002",
            "notes": "Notes (optional)",
        }
        help_texts = {
            "with_ep_carers": "Standard 7.6: a child who went home keeps in touch with the "
            "carers, where that is right for them",
            "how_often": "For example, a letter twice a year",
        }
        error_messages = {
            "setting": {"required": "Select when this family time is"},
            "kind": {"required": "Select how the family time takes place"},
            "how_often": {"required": "Enter how often"},
        }
        widgets = {"setting": forms.RadioSelect, "kind": forms.RadioSelect}

    def __init__(self, *args, child, **kwargs):
        super().__init__(*args, **kwargs)
        self.child = child
        field = self.fields["family_member"]
        field.queryset = _members_of(child)
        field.label_from_instance = lambda member: (
            f"{member.name} ({member.get_relationship_display().lower()})"
        )

    def clean(self):
        cleaned = super().clean()
        add_errors(
            self,
            services.later_errors(
                child=self.child,
                family_member=cleaned.get("family_member"),
                with_ep_carers=bool(cleaned.get("with_ep_carers")),
                s51a_order=cleaned.get("s51a_order") or "",
                s51a_order_on=cleaned.get("s51a_order_on"),
                starts_on=cleaned.get("starts_on"),
                review_on=cleaned.get("review_on"),
                ends_on=cleaned.get("ends_on"),
            ),
        )
        return cleaned

    def _post_clean(self):
        pass
