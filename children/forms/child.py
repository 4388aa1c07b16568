import copy

from django import forms
from django.core.exceptions import ValidationError
from django.db.models import Exists, OuterRef
from django.utils.html import format_html_join

from accounts.autocomplete import person_chooser
from accounts.govuk import GovDateField, GovFormMixin, add_errors, attach_model_errors
from accounts.models import Membership, Role, Team
from accounts.selectors import people_of
from accounts.widgets import Select

from ..models import Child, Route, Sex
from ..services.core import child_update_errors


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
    # No default: today would make the early identification measure the day the record was
    # typed, not the day early permanence was first considered (Standards 1.2 and 2.4).
    identified_on = GovDateField(
        noun="identification for early permanence",
        label="Date identified for early permanence",
        help_text="The date early permanence was first considered for this child, for example at "
        "a legal gateway meeting, a permanence planning meeting or a pre-birth conference. "
        "For example, 27 3 2026",
    )

    social_worker = person_chooser(
        role=Role.SOCIAL_WORKER,
        noun="social worker",
        label="Social worker",
        required=False,
        empty_label="Not allocated",
    )
    iro = person_chooser(
        role=Role.IRO,
        noun="IRO",
        label="IRO",
        required=False,
        empty_label="Not allocated",
        error_messages={"invalid_choice": "Select an IRO of your authority"},
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
        # the selects' options rendered in Python: a template per option made the page grow
        # with the authority's teams (100 teams, ~20 ms; accounts.widgets.Select)
        widgets = {
            "route": forms.RadioSelect,
            **{
                name: Select
                for name in (
                    "sex",
                    "ethnicity",
                    "disability",
                    "team",
                    "referred_to",
                )
            },
        }

    def __init__(self, *args, organisation_id: int, **kwargs):
        super().__init__(*args, **kwargs)
        self.organisation_id = organisation_id
        if self.instance._state.adding and "identified_on" not in (kwargs.get("initial") or {}):
            self.initial.pop("identified_on", None)  # not the model's default of today
        self.fields["team"].queryset = Team.objects.filter(organisation_id=organisation_id)
        self.fields["team"].label_from_instance = lambda team: team.name
        # the people who hold the role now, and whoever is allocated already (a worker who has
        # left stays shown until someone else is chosen: saving must not clear it silently);
        # chosen by typing a name, never from a list of the whole authority's staff
        for name, role in (("social_worker", Role.SOCIAL_WORKER), ("iro", Role.IRO)):
            self.fields[name].queryset = people_of(
                organisation_id=organisation_id,
                role=role,
                also=getattr(self.instance, f"{name}_id", None),
            )
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

    def clean(self):
        cleaned = super().clean()
        if self.instance.pk is not None:
            # the changed dates against the child's proceedings, orders and reviews: the
            # service's own rule, shown on the same submit as the form's
            changed = copy.copy(self.instance)
            for name in ("date_of_birth",):
                if name in cleaned:
                    setattr(changed, name, cleaned[name])
            add_errors(self, child_update_errors(child=changed))
        return cleaned

    def validate_unique(self):
        """Also check the child ID against the authority's other children (a database
        constraint, ``child_id_unique_case_insensitive``): the authority is not a field of the
        form, so Django's own check would leave that constraint out."""
        super().validate_unique()
        if "la_child_id" in self.errors:
            return
        if self.instance.responsible_authority_id is None:
            self.instance.responsible_authority_id = self.organisation_id
        others = {field.name for field in Child._meta.fields}
        try:
            self.instance.validate_constraints(
                exclude=others - {"la_child_id", "responsible_authority"}
            )
        except ValidationError as error:
            attach_model_errors(self, error)


class ChildEditForm(ChildForm):
    """Change a child's details: also the date of death, which a new record never has (it
    keeps the record 15 years after a death before 18: LAW.md "Records and words", CPR reg 50)."""

    date_of_death = GovDateField(
        noun="death",
        label="Date of death (only if the child has died)",
        required=False,
    )

    class Meta(ChildForm.Meta):
        # after the date of birth on the page
        fields = [*ChildForm.Meta.fields[:4], "date_of_death", *ChildForm.Meta.fields[4:]]


class BirthForm(GovFormMixin, forms.Form):
    date_of_birth = GovDateField(noun="birth")
    sex = forms.ChoiceField(
        choices=[("", "Not known yet"), *Sex.choices], required=False, widget=forms.RadioSelect
    )
    legal_name = forms.CharField(
        label="Legal name, if it has been registered", required=False, max_length=200
    )


class TeamChoiceField(forms.ModelChoiceField):
    """A team of the user's own organisation, labelled by its name alone.

    ``Team.__str__`` names the organisation too, which cost a query per team of a large
    authority (100 teams, 100 queries); every team offered here is the user's organisation's.
    """

    def label_from_instance(self, obj: Team) -> str:
        return obj.name


def teams_mine_first(*, organisation_id: int | None, user=None):
    """The organisation's teams in one query, the user's own teams first, then by name."""
    teams = Team.objects.filter(organisation_id=organisation_id)
    if user is None or not user.is_authenticated:
        return teams.order_by("name")
    mine = Exists(Membership.objects.filter(team=OuterRef("pk"), user=user))
    return teams.annotate(mine=mine).order_by("-mine", "name")


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
    team = TeamChoiceField(
        label="Team", queryset=Team.objects.none(), required=False, empty_label="Any team"
    )
    worker = person_chooser(
        role=Role.SOCIAL_WORKER,
        noun="social worker",
        label="Social worker",
        required=False,
        empty_label="Any social worker",
    )

    def __init__(self, *args, organisation_id: int | None, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["team"].queryset = teams_mine_first(organisation_id=organisation_id, user=user)
        self.fields["worker"].queryset = people_of(
            organisation_id=organisation_id, role=Role.SOCIAL_WORKER
        )

    def selects(self, *, scope: str) -> list[dict]:
        """The drop-down filters and their <option>s (the current one selected), for the list.

        A large authority offers ~100 teams: comparing each option with ``field.value`` in the
        template, and reading the teams through ``ModelChoiceIterator`` (a server-side cursor,
        a model per team), cost more than the table of children. The teams are read as (pk,
        name) in one plain query and the options joined here, escaped, in one call.
        """
        selects = []
        for name in ("scope", "route", "team"):
            bound = self[name]
            if name == "team":
                choices = [("", bound.field.empty_label)] + [
                    (str(pk), team) for pk, team in bound.field.queryset.values_list("pk", "name")
                ]
            else:
                choices = bound.field.choices
            current = str(bound.value() or (scope if name == "scope" else ""))
            options = format_html_join(
                "",
                '<option value="{}"{}>{}</option>',
                (
                    (value, " selected" if str(value) == current else "", label)
                    for value, label in choices
                ),
            )
            selects.append({"field": bound, "options": options})
        return selects


class ArchiveForm(GovFormMixin, forms.Form):
    reason = forms.CharField(
        label="Why is this record being archived?",
        max_length=300,
        error_messages={"required": "Enter why the record is being archived"},
        help_text="For example, the child's case was transferred to another authority. The "
        "record is kept until the child's 75th birthday and can still be read.",
    )
