"""Every change to a child's record: who, when, and what changed (from django-simple-history).

The kinds of record shown are the history sources of ``children.extensions``: the child's own,
registered in ``register_own_sources``, and those of the apps above. One query per kind of
record, whatever the number of changes: the differences between versions are worked out here
from the rows already loaded, not by asking the database for each previous version. The records
a change refers to (a team, an IRO, a hearing) are named in one query per kind of record
(``describe``), not one per row, and only the page shown is put into words.
"""

import json
from collections import defaultdict
from dataclasses import dataclass, replace
from datetime import date, datetime
from functools import cache

from django.contrib.auth import get_user_model
from django.db import connections, models
from django.db.models import F, IntegerField, JSONField, Q, Value
from django.db.models.functions import JSONObject
from django.utils import formats, timezone
from django.utils.text import Truncator, capfirst

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
        "history_user_id",
        tag=Value(tag, output_field=IntegerField()),
        data=data,
    )


def _union(shown, child):
    queries = [_versions(source, tag, child, fields) for tag, (source, fields) in enumerate(shown)]
    return queries[0].union(*queries[1:], all=True) if len(queries) > 1 else queries[0]


# The UNION's SQL, compiled once per set of kinds of record and fields shown (it depends on the
# viewer's permissions) and per pattern of the child's empty fields: building and compiling it
# with the ORM was a third of the page's time. It is compiled for a stand-in child whose pk and
# sibling group are these numbers, which stay parameters, replaced by the child's own. A kind of
# record whose rows depend on anything else of the child fails the check when first compiled
# (the stand-in's SQL and parameters must give the child's own) and is compiled every time.
_STAND_IN_PK = -7_000_000_001
_STAND_IN_GROUP = -7_000_000_002
_compiled: dict = {}


def _sql(union) -> tuple[str, list]:
    """The UNION's SQL, with who made each change joined once, not once per history table."""
    sql, params = union.query.get_compiler(using=union.db).as_sql()
    users = connections[union.db].ops.quote_name(get_user_model()._meta.db_table)
    sql = (
        "SELECT versions.*, users.first_name AS by_first_name, users.last_name AS by_last_name,"
        f" users.username AS by_username FROM ({sql}) versions"
        f" LEFT OUTER JOIN {users} users ON users.id = versions.history_user_id"
    )
    return sql, list(params)


def _stand_in(child, names: list[str]):
    values = dict.fromkeys(names)
    values[m.Child._meta.pk.attname] = _STAND_IN_PK
    if child.sibling_group_id is not None:
        values["sibling_group_id"] = _STAND_IN_GROUP
    return m.Child.from_db(child._state.db, names, [values[name] for name in names])


def _swapped(params: list, swap: dict) -> list:
    return [swap.get(p, p) if type(p) is int else p for p in params]


def _union_rows(shown, child) -> list[dict]:
    names = [f.attname for f in m.Child._meta.concrete_fields]
    key = (
        tuple((source, tuple(f.attname for f in fields)) for source, fields in shown),
        tuple(getattr(child, name) is None for name in names),
    )
    swap = {_STAND_IN_PK: child.pk, _STAND_IN_GROUP: child.sibling_group_id}
    cached = _compiled.get(key)
    if cached is None:
        sql, params = _sql(_union(shown, child))
        try:
            cached = _sql(_union(shown, _stand_in(child, names)))
        except Exception:  # noqa: BLE001 - a kind of record that needs more of the child
            cached = False
        else:
            if cached[0] != sql or _swapped(cached[1], swap) != params:
                cached = False
        _compiled[key] = cached
    sql, params = _sql(_union(shown, child)) if cached is False else cached
    with connections[child._state.db or "default"].cursor() as cursor:
        cursor.execute(sql, _swapped(params, swap))
        columns = [column[0] for column in cursor.description]
        rows = [dict(zip(columns, row, strict=True)) for row in cursor.fetchall()]
    for row in rows:
        if isinstance(row["data"], str):
            row["data"] = json.loads(row["data"])
    return rows


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
    rows = sorted(
        _union_rows(shown, child),
        key=lambda r: (r["tag"], r["id"], r["history_date"], r["history_id"]),
    )

    changes = []
    previous: dict[tuple[int, int], dict] = {}
    for row in rows:
        source, fields = shown[row["tag"]]
        data = row["data"] or {}
        key = (row["tag"], row["id"])
        before = previous.get(key)
        diffs = []
        # the values as JSON gave them are compared first: only those that differ are turned
        # into their Python values (two texts may still be one value)
        if before is None:
            if row["history_type"] == "+":
                for field in fields:
                    new = _from_json(field, data.get(field.attname))
                    if new not in (None, ""):
                        diffs.append((field_label(source, field.name), field, None, new))
        else:
            for field in fields:
                raw_old, raw_new = before.get(field.attname), data.get(field.attname)
                if raw_old == raw_new:
                    continue
                old, new = _from_json(field, raw_old), _from_json(field, raw_new)
                if old != new:
                    diffs.append((field_label(source, field.name), field, old, new))
        previous[key] = data
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


def _shortened(text: str) -> str:
    """The text as the ``truncatechars:80`` filter gives it (an ASCII text that fits is as it
    is: no need to normalise and count it)."""
    if len(text) <= 80 and text.isascii():
        return text
    return Truncator(text).chars(80)


def shortened(changes) -> list[Change]:
    """Described changes with their values cut to 80 characters, as the page shows them: done
    here, not by a template filter per value."""
    return [
        replace(
            change,
            fields=[
                (label, _shortened(old), _shortened(new)) for label, old, new in change.fields
            ],
        )
        for change in changes
    ]


# --- the child's own records -----------------------------------------------------------------


def _by_child(child) -> dict:
    return {"child_id": child.pk}


def _proceedings_ids(child):
    # from the history table, so that the hearings of removed proceedings are still shown
    return history_of(m.Proceedings).filter(child_id=child.pk).values("id")


def _concern_ids(child):
    return history_of(m.IROConcern).filter(child_id=child.pk).values("id")


OWN_SOURCES = (
    HistorySource(
        m.Child, "Child's details", lambda child: {"id": child.pk}, forms=(forms.ChildEditForm,)
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
        labels={"hearing": "Hearing at which it was granted"},
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
    HistorySource(
        m.CourtOrder, "Court order", _by_child, forms=(forms.OrderForm, forms.OrderEndForm)
    ),
    HistorySource(
        m.CarePeriod,
        "Period of care",
        _by_child,
        forms=(forms.CarePeriodStartForm, forms.CarePeriodForm),
    ),
    HistorySource(
        m.LegalStatusPeriod,
        "Legal status",
        _by_child,
        labels={"ends_on": "Date the legal status ended"},
        forms=(forms.LegalStatusForm,),
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
    HistorySource(
        m.IROEscalation,
        "IRO escalation",
        lambda child: {"concern_id__in": _concern_ids(child)},
        forms=(forms.ConcernStageForm,),
    ),
    HistorySource(
        m.IROConcernResponse,
        "Response to an IRO concern",
        lambda child: {"concern_id__in": _concern_ids(child)},
        forms=(forms.ConcernRespondForm,),
    ),
    HistorySource(
        m.RetentionReview,
        "Retention review",
        _by_child,
        forms=(forms.RetentionReviewForm,),
    ),
)


def register_own_sources() -> None:
    """The child's own records, registered as a higher app registers its sources."""
    for source in OWN_SOURCES:
        history_sources.register(source)
