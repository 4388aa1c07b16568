"""Every change to a child's record: who, when, and what changed (from django-simple-history).

The kinds of record shown are the history sources of ``children.extensions``: the child's own,
registered in ``register_own_sources``, and those of the apps above. One query per kind of
record, whatever the number of changes: the differences between versions are worked out here
from the rows already loaded, not by asking the database for each previous version. The records
a change refers to (a team, an IRO, a hearing) are named in one query per kind of record
(``describe``), not one per row, and only the page shown is put into words.
"""

from collections import defaultdict
from dataclasses import dataclass
from datetime import date, datetime
from functools import cache

from django.db import models
from django.db.models import F, IntegerField, JSONField, Q, Value
from django.db.models.functions import JSONObject
from django.utils import formats, timezone
from django.utils.text import capfirst

from accounts.dates import format_date
from accounts.models import Team
from accounts.permissions import can

from . import forms
from . import models as m
from .extensions import HistorySource, history_sources
from .forms.siblings import SiblingGroupForm

KINDS = {"+": "Added", "~": "Changed", "-": "Removed"}
SKIP = {
    "id",
    "created_at",
    "updated_at",
    "created_by",
    "updated_by",
    "history_id",
    "history_date",
    "history_user",
    "history_type",
    "history_change_reason",
    "history_relation",
}
EMPTY = "–"


@dataclass(frozen=True)
class Change:
    when: datetime
    by: str
    record: str
    action: str
    fields: list  # [(label, old, new)]: text, once described; (label, field, old, new) before
    sequence: int = 0  # tie-break for changes in the same instant


# How a record that a change refers to is named, where its ``str`` would not do (a team's
# ``str`` adds its organisation: another query per team).
NAMES = {Team: lambda team: team.name}


def _bracketed_hint(label: str) -> str:
    """'Date of birth (leave blank for an unborn baby)' -> 'Date of birth'."""
    if label.endswith(")") and " (" in label:
        return label[: label.rindex(" (")]
    return label


@cache
def field_label(source: HistorySource, name: str) -> str:
    """The name of a field as the forms give it (see ``HistorySource``)."""
    if name in source.labels:
        return source.labels[name]
    for form in source.forms:
        form_field = form.base_fields.get(name)
        label = str(form_field.label or "") if form_field is not None else ""
        if label and not label.endswith("?"):
            return _bracketed_hint(label)
    try:
        return capfirst(str(source.model._meta.get_field(name).verbose_name))
    except Exception:  # noqa: BLE001 - a field removed since the row was written
        return name


def _shown_fields(source: HistorySource, hidden: set[str]) -> list[models.Field]:
    return [
        f
        for f in source.model._meta.concrete_fields
        if f.name not in SKIP | hidden
        # the child itself: every record here is the child's
        and not (f.is_relation and f.related_model is m.Child)
    ]


@cache
def history_of(model: type[models.Model]) -> models.Manager:
    """The manager of a model's history table, looked up once: ``Model.history`` builds a new
    manager class on every access (django-simple-history's descriptor), ~0.3 ms each, and the
    history page reads every kind of record."""
    return model.history.model._default_manager


def _versions(source: HistorySource, tag: int, child, fields: list[models.Field]):
    """The versions of one kind of record of the child, as a ``values`` query that a UNION ALL
    can join: the shown fields in one JSON object (each table has its own columns)."""
    rows = source.rows(child)
    history = history_of(source.model)
    history = history.filter(rows) if isinstance(rows, Q) else history.filter(**rows)
    data = (
        JSONObject(**{field.attname: F(field.attname) for field in fields})
        if fields
        else (Value({}, output_field=JSONField()))
    )
    return history.order_by().values(
        "history_date",
        "history_id",
        "history_type",
        "id",
        tag=Value(tag, output_field=IntegerField()),
        data=data,
        by_first_name=F("history_user__first_name"),
        by_last_name=F("history_user__last_name"),
        by_username=F("history_user__username"),
    )


def changes_for(child, *, viewer) -> list[Change]:
    """Every version of every record of the child, newest first, each with what it changed.

    One query, whatever the number of kinds of record and of changes: a UNION ALL of every
    history table, each row's shown fields in a JSON object (turned back into their Python
    values by their fields). Kinds of record this viewer may not see (a source's ``view_perm``)
    and fields hidden from them (its ``private_fields``) are left out. The values are raw until
    ``describe`` names them: describe only the changes of the page shown.
    """
    allowed: dict[str, bool] = {}

    def may(perm: str) -> bool:
        if perm not in allowed:
            allowed[perm] = can(viewer, perm, child)
        return allowed[perm]

    shown: list[tuple[HistorySource, list[models.Field]]] = []
    for source in history_sources:
        if source.view_perm and not may(source.view_perm):
            continue
        hidden = (
            set(source.private_fields)
            if source.private_fields and not may(source.private_perm)
            else set()
        )
        shown.append((source, _shown_fields(source, hidden)))
    if not shown:
        return []
    queries = [_versions(source, tag, child, fields) for tag, (source, fields) in enumerate(shown)]
    union = queries[0].union(*queries[1:], all=True) if len(queries) > 1 else queries[0]
    rows = sorted(union, key=lambda r: (r["tag"], r["id"], r["history_date"], r["history_id"]))

    changes = []
    previous: dict[tuple[int, int], dict] = {}
    for row in rows:
        source, fields = shown[row["tag"]]
        data = row["data"] or {}
        values = {field.attname: _from_json(field, data.get(field.attname)) for field in fields}
        key = (row["tag"], row["id"])
        before = previous.get(key)
        diffs = []
        for field in fields:
            new = values[field.attname]
            if before is None:
                if new not in (None, "") and row["history_type"] == "+":
                    diffs.append((field_label(source, field.name), field, None, new))
                continue
            old = before[field.attname]
            if old != new:
                diffs.append((field_label(source, field.name), field, old, new))
        previous[key] = values
        if before is not None and not diffs and row["history_type"] == "~":
            continue  # a save that changed nothing
        if row["by_username"] is not None:
            full_name = f"{row['by_first_name']} {row['by_last_name']}".strip()
            by = full_name or row["by_username"]
        else:
            by = "System"
        changes.append(
            Change(
                when=row["history_date"],
                by=by,
                record=source.label,
                action=KINDS.get(row["history_type"], row["history_type"]),
                fields=diffs,
                sequence=row["history_id"],
            )
        )
    return sorted(changes, key=lambda c: (c.when, c.sequence), reverse=True)


def _from_json(field: models.Field, value):
    """A field's value as JSON gave it back to its Python value (a date from its ISO text)."""
    if value is None:
        return None
    if isinstance(field, models.ForeignKey):
        return field.target_field.to_python(value)
    if isinstance(field, models.JSONField):
        return value
    return field.to_python(value)


def _names(changes) -> dict:
    """The names of the records these changes refer to: one query per kind of record."""
    wanted = defaultdict(set)
    for change in changes:
        for _label, field, old, new in change.fields:
            if isinstance(field, models.ForeignKey):
                wanted[field.related_model].update(v for v in (old, new) if v is not None)
    names = {}
    for model, pks in wanted.items():
        name = NAMES.get(model, str)
        for record in model._base_manager.filter(pk__in=pks):
            names[model, record.pk] = name(record)
    return names


def _text(field: models.Field, value, names: dict) -> str:
    if value is None or value == "":
        return EMPTY
    if field.choices:
        return str(dict(field.flatchoices).get(value, value))
    if isinstance(field, models.ForeignKey):
        return names.get((field.related_model, value), "a record since removed")
    if isinstance(value, bool):
        return "Yes" if value else "No"
    if isinstance(value, datetime):
        return formats.date_format(timezone.localtime(value), "j F Y, H:i")
    if isinstance(value, date):
        return format_date(value)
    return str(value)


def describe(changes, *, among=None) -> list[Change]:
    """The changes with their values as the page shows them: names, not internal numbers.

    The names are loaded in one query per kind of record referred to ``among`` all the changes
    of the history (by default, those given): so a page's query count does not depend on which
    kinds of record its own rows happen to refer to.
    """
    names = _names(changes if among is None else among)
    return [
        Change(
            when=change.when,
            by=change.by,
            record=change.record,
            action=change.action,
            fields=[
                (label, "" if old is None else _text(field, old, names), _text(field, new, names))
                for label, field, old, new in change.fields
            ],
            sequence=change.sequence,
        )
        for change in changes
    ]


# --- the child's own records -----------------------------------------------------------------


def _by_child(child) -> dict:
    return {"child_id": child.pk}


def _proceedings_ids(child):
    # from the history table, so that the hearings of removed proceedings are still shown
    return history_of(m.Proceedings).filter(child_id=child.pk).values("id")


OWN_SOURCES = (
    HistorySource(
        m.Child, "Child's details", lambda child: {"id": child.pk}, forms=(forms.ChildForm,)
    ),
    HistorySource(
        m.SiblingGroup,
        "Sibling group",
        lambda child: {"id": child.sibling_group_id or 0},
        labels={"placement": "Placed together or apart"},
        forms=(SiblingGroupForm,),
    ),
    HistorySource(
        m.FamilyMember,
        "Family member",
        _by_child,
        forms=(forms.FamilyMemberForm,),
        # shown only to the child's own team, here as on the record
        private_fields=frozenset({"address", "phone", "email"}),
        private_perm="children.view_family_contact_details",
    ),
    HistorySource(
        m.ViabilityAssessment,
        "Viability assessment",
        _by_child,
        labels={"family_member": "Family member assessed"},
        forms=(forms.ViabilityAssessmentForm,),
    ),
    HistorySource(
        m.PaternityTest,
        "Paternity test",
        _by_child,
        labels={"alleged_father": "Alleged or possible father"},
        forms=(forms.PaternityTestForm,),
    ),
    HistorySource(m.TwinTrackPlan, "Twin-track plan", _by_child, forms=(forms.PlanForm,)),
    HistorySource(
        m.LookedAfterReview,
        "Looked-after review",
        _by_child,
        labels={"chair": "Chaired by"},
        forms=(forms.ReviewScheduleForm, forms.ReviewHeldForm),
    ),
    HistorySource(
        m.IROConcern,
        "IRO concern",
        _by_child,
        labels={"concern": "Concern", "resolution": "How the concern was resolved"},
        forms=(forms.ConcernRaiseForm, forms.ConcernStageForm, forms.ConcernResolveForm),
    ),
    HistorySource(
        m.PreProceedings, "Pre-proceedings", _by_child, forms=(forms.PreProceedingsForm,)
    ),
    HistorySource(
        m.Proceedings,
        "Proceedings",
        _by_child,
        forms=(forms.ProceedingsForm, forms.ProceedingsConcludeForm),
    ),
    HistorySource(
        m.Extension,
        "Extension",
        lambda child: {"proceedings_id__in": _proceedings_ids(child)},
        labels={"weeks": "Length of the extension, in weeks"},
        forms=(forms.ExtensionForm,),
    ),
    HistorySource(
        m.Hearing,
        "Hearing",
        lambda child: {"proceedings_id__in": _proceedings_ids(child)},
        forms=(forms.HearingForm,),
    ),
    HistorySource(
        m.Direction,
        "Direction",
        lambda child: {
            "hearing_id__in": history_of(m.Hearing)
            .filter(proceedings_id__in=_proceedings_ids(child))
            .values("id")
        },
        forms=(forms.DirectionForm, forms.DirectionCompliedForm),
    ),
    HistorySource(m.CourtOrder, "Court order", _by_child, forms=(forms.OrderForm,)),
    HistorySource(
        m.Section19Consent, "Section 19 consent", _by_child, forms=(forms.Section19Form,)
    ),
    HistorySource(
        m.CaseNote,
        "Case note",
        _by_child,
        labels={"kind": "Kind of note"},
        forms=(forms.CaseNoteForm,),
        # DESIGN.md "Access": not for an agency the child is only referred to
        view_perm="children.view_case_notes",
    ),
    HistorySource(
        m.ChildStandardRecord,
        "Practice standard",
        _by_child,
        labels={"item": "Standard"},
        forms=(forms.StandardMetForm,),
    ),
)


def register_own_sources() -> None:
    """The child's own records, registered as a higher app registers its sources."""
    for source in OWN_SOURCES:
        history_sources.register(source)
