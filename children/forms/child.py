from django import forms
from django.db.models import Q

from accounts.govuk import GovDateField, GovFormMixin
from accounts.models import Role, Team, User

from ..models import Child, Route, Sex


def _people(organisation_id: int, role: str):
    return User.objects.filter(
        organisation_id=organisation_id, memberships__role=role, is_active=True
    ).distinct()


class ChildForm(GovFormMixin, forms.ModelForm):
    """Identify a child for early permanence, or change their details and allocation."""

    expected_delivery_date = GovDateField(
        noun="the expected date of delivery",
        label="Expected date of delivery (for an unborn baby)",
        required=False,
    )
    date_of_birth = GovDateField(
        noun="birth", label="Date of birth (leave blank for an unborn baby)", required=False
    )
    looked_after_on = GovDateField(
        noun="becoming looked after", label="Date became looked after", required=False
    )
    identified_on = GovDateField(
        noun="identification for early permanence", label="Date identified for early permanence"
    )

    class Meta:
        model = Child
        fields = [
            "legal_name",
            "known_as",
            "expected_delivery_date",
            "date_of_birth",
            "sex",
            "ethnicity",
            "religion",
            "first_language",
            "disability",
            "health_needs",
            "la_child_id",
            "route",
            "identified_on",
            "looked_after_on",
            "legal_status",
            "team",
            "social_worker",
            "iro",
            "referred_to",
        ]
        error_messages = {
            "legal_name": {"required": "Enter the child's legal name"},
            "la_child_id": {"required": "Enter the local authority child ID"},
            "route": {"required": "Select the route into early permanence"},
            "team": {
                "required": "Select the team responsible for the child",
                "invalid_choice": "Select a team of your authority",
            },
            "social_worker": {"invalid_choice": "Select a social worker of your authority"},
            "iro": {"invalid_choice": "Select an IRO of your authority"},
            "referred_to": {"invalid_choice": "Select a regional or voluntary adoption agency"},
        }
        widgets = {"route": forms.RadioSelect}

    def __init__(self, *args, organisation_id: int, **kwargs):
        super().__init__(*args, **kwargs)
        self.organisation_id = organisation_id
        self.fields["team"].queryset = Team.objects.filter(organisation_id=organisation_id)
        self.fields["team"].label_from_instance = lambda team: team.name
        # the people who hold the role now, and whoever is allocated already (a worker who has
        # left stays shown until someone else is chosen: saving must not clear it silently)
        for name, role in (("social_worker", Role.SOCIAL_WORKER), ("iro", Role.IRO)):
            current = getattr(self.instance, f"{name}_id", None)
            people = _people(organisation_id, role)
            if current:
                people = User.objects.filter(Q(pk__in=people.values("pk")) | Q(pk=current))
            self.fields[name].queryset = people
        self.fields["referred_to"].queryset = self.fields["referred_to"].queryset.exclude(
            kind="la"
        )
        self.fields["route"].choices = Route.choices
        self.fields["sex"].choices = [("", "Not known yet"), *Sex.choices]
        self.fields[
            "legal_name"
        ].help_text = (
            "For an unborn baby, how the family is referred to, e.g. 'Unborn baby of A. Parent'"
        )

    def clean_la_child_id(self):
        value = self.cleaned_data["la_child_id"].strip()
        clash = Child.objects.filter(
            responsible_authority_id=self.organisation_id, la_child_id__iexact=value
        ).exclude(pk=self.instance.pk)
        if clash.exists():
            raise forms.ValidationError("Another child already has this local authority child ID")
        return value


class BirthForm(GovFormMixin, forms.Form):
    date_of_birth = GovDateField(noun="birth")
    sex = forms.ChoiceField(
        choices=[("", "Not known yet"), *Sex.choices], required=False, widget=forms.RadioSelect
    )
    legal_name = forms.CharField(
        label="Legal name, if it has been registered", required=False, max_length=200
    )


class ChildFilterForm(forms.Form):
    """The children list's search and filters (GET; every field optional)."""

    q = forms.CharField(label="Search by name or child ID", required=False)
    scope = forms.ChoiceField(
        label="Show",
        choices=[
            ("mine", "My caseload"),
            ("team", "My teams' children"),
            ("all", "All I can see"),
        ],
        required=False,
    )
    route = forms.ChoiceField(
        label="Route", choices=[("", "Any route"), *Route.choices], required=False
    )
    team = forms.ModelChoiceField(
        label="Team", queryset=Team.objects.none(), required=False, empty_label="Any team"
    )
    worker = forms.ModelChoiceField(
        label="Social worker",
        queryset=User.objects.none(),
        required=False,
        empty_label="Any social worker",
    )

    def __init__(self, *args, organisation_id: int | None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["team"].queryset = Team.objects.filter(organisation_id=organisation_id)
        self.fields["worker"].queryset = _people(organisation_id, Role.SOCIAL_WORKER)


class ArchiveForm(GovFormMixin, forms.Form):
    reason = forms.CharField(
        label="Why is this record being archived?",
        max_length=300,
        error_messages={"required": "Enter why the record is being archived"},
        help_text="For example, the child's case was transferred to another authority. The "
        "record is kept until the child's 75th birthday and can still be read.",
    )
