"""Choosing a person or a child: a search field, never a list of every member of staff or child.

The page holds only what is chosen now (a select with that one option, or radios), and a search
box. With JavaScript, ``static/js/autocomplete.js`` replaces both with alphagov's
accessible-autocomplete over a scoped JSON search endpoint, and the chosen record's id travels
in ``<name>``. Without JavaScript the typed text travels in ``<name>_search`` and is resolved on
submit: one match is chosen; several are offered back as choices ("More than one social worker
matches …: choose one"), the text kept; none is an error. Either way the server checks the chosen
record against the field's scoped queryset, so a forged id answers the field's error.
"""

from collections.abc import Callable

from django import forms
from django.core.exceptions import ValidationError
from django.db.models import Model, QuerySet
from django.template.loader import render_to_string
from django.urls import reverse_lazy
from django.utils.safestring import mark_safe
from django.utils.text import format_lazy

# how many matches the search step offers, and the endpoints return
LIMIT = 10
SEARCH_SUFFIX = "_search"


def search_text(value: str | None) -> str:
    """What a search endpoint searches for: at most 100 characters, without NUL characters
    (PostgreSQL refuses one in a string: a typed or forged NUL would answer 500)."""
    return (value or "").replace("\x00", "")[:100]


def words_in(text: str, label: str) -> bool:
    """Every word typed is part of the label (case-insensitive): the search's own rule."""
    label = label.casefold()
    return all(word in label for word in text.casefold().split())


class ChooserWidget(forms.Widget):
    """The current choice (select or radios), a search box, and the endpoint for JavaScript.

    ``value`` is what ``ChooserField.prepare_value`` gives: a dict of ``text`` (typed),
    ``pk`` (chosen) and ``choices`` ([(pk, label, hint)]: the current one, or the matches).
    """

    template_name = "accounts/widgets/chooser.html"

    def __init__(self, *, style: str = "select", attrs=None):
        super().__init__(attrs)
        self.style = style  # "select" or "radios": how the current choice is shown without JS
        self.source = ""  # the JSON search endpoint's URL (the field sets it)
        self.noun = ""
        self.empty_label = None
        self.matches = None  # set by the field's clean() when the text matches several
        self.resolved = None  # … and the record the text found, when it found one

    def value_from_datadict(self, data, files, name):
        search = name + SEARCH_SUFFIX
        return {
            "pk": data.get(name, ""),
            "text": search_text(data.get(search)) if search in data else None,
        }

    def value_omitted_from_data(self, data, files, name):
        return name not in data and name + SEARCH_SUFFIX not in data

    def id_for_label(self, id_):
        return id_

    def _render(self, template_name, context, renderer=None):
        # the project's templates (templates/accounts/widgets/), not only Django's form ones
        return mark_safe(render_to_string(template_name, context))  # noqa: S308

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        value = value or {}
        context["chooser"] = {
            "style": self.style,
            "source": str(self.source),
            "noun": self.noun,
            "empty_label": self.empty_label,
            "pk": str(value.get("pk") or ""),
            "text": value.get("text") or "",
            "label": value.get("label") or "",
            "choices": value.get("choices") or [],
            "searched": bool(value.get("searched")),
            "search_name": name + SEARCH_SUFFIX,
        }
        return context


class ChooserField(forms.Field):
    """Choose one record of ``queryset`` by typing part of its name.

    ``search(queryset, text)`` narrows the queryset to what the text matches, exact matches
    first; ``label`` and ``hint`` name a record; ``noun`` ("social worker") and ``scope``
    ("of your authority") word the messages; ``source`` is the JSON endpoint's URL.
    """

    widget = ChooserWidget

    def __init__(
        self,
        *,
        queryset: QuerySet | None = None,
        search: Callable[[QuerySet, str], QuerySet],
        noun: str,
        scope: str = "",
        label_from_instance: Callable[[Model], str] = str,
        hint_from_instance: Callable[[Model], str] | None = None,
        source: str = "",
        style: str = "select",
        empty_label: str | None = None,
        **kwargs,
    ):
        kwargs.setdefault("widget", ChooserWidget(style=style))
        given = kwargs.get("error_messages") or {}
        super().__init__(**kwargs)
        self.queryset = queryset
        self.search = search
        self.noun = noun
        self.scope = scope
        self.label_from_instance = label_from_instance
        self.hint_from_instance = hint_from_instance or (lambda obj: "")
        self.widget.source = source
        self.widget.noun = noun
        self.widget.empty_label = empty_label
        if "required" not in given:
            self.error_messages["required"] = f"Select a {noun}"
        if "invalid_choice" not in given:
            self.error_messages["invalid_choice"] = (
                f"Select a {noun}{' ' + scope if scope else ''}"
            )

    @property
    def source(self):
        return self.widget.source

    @source.setter
    def source(self, url):
        self.widget.source = url

    # --- resolving what was typed or chosen -----------------------------------------------
    def _get(self, pk) -> Model | None:
        try:
            return self.queryset.filter(pk=int(pk)).first()
        except (TypeError, ValueError, OverflowError):
            return None

    def to_python(self, value):
        if isinstance(value, Model):
            return value
        value = value or {}
        pk = str(value.get("pk") or "").strip()
        text = (value.get("text") or "").strip()[:200]
        chosen = self._get(pk) if pk else None
        if pk and chosen is None and not text:
            raise ValidationError(self.error_messages["invalid_choice"], code="invalid_choice")
        if not text or (chosen is not None and words_in(text, self.label_from_instance(chosen))):
            return chosen
        matches = list(self.search(self.queryset, text)[: LIMIT + 1])
        if len(matches) == 1 or (
            matches and self.label_from_instance(matches[0]).casefold() == text.casefold()
        ):
            self.widget.resolved = matches[0]  # shown as the choice if the form comes back
            return matches[0]
        where = f" {self.scope}" if self.scope else ""
        if not matches:
            raise ValidationError(f'No {self.noun}{where} matches "{text}"', code="no_match")
        self.widget.matches = matches[:LIMIT]
        more = ": type more of the name" if len(matches) > LIMIT else ": choose one"
        raise ValidationError(f'More than one {self.noun} matches "{text}"{more}', code="several")

    def validate(self, value):
        if value is None and self.required:
            raise ValidationError(self.error_messages["required"], code="required")

    def _choice(self, obj: Model) -> tuple[str, str, str]:
        return (str(obj.pk), self.label_from_instance(obj), self.hint_from_instance(obj))

    def prepare_value(self, value):
        """What the widget shows: the chosen record and its label, or the typed text."""
        if isinstance(value, dict):  # submitted: keep what was typed, offer the matches
            text = value.get("text") or ""
            matches = self.widget.matches
            if matches is not None:
                return {
                    "text": text,
                    "pk": "",
                    "choices": [self._choice(obj) for obj in matches],
                    "searched": True,
                }
            chosen = self.widget.resolved
            if chosen is None and value.get("pk"):
                chosen = self._get(value.get("pk"))
            return {
                "text": text,
                "pk": str(chosen.pk) if chosen else "",
                "label": self.label_from_instance(chosen) if chosen else "",
                "choices": [self._choice(chosen)] if chosen else [],
            }
        chosen = value if isinstance(value, Model) else (self._get(value) if value else None)
        if chosen is None:
            return {"text": "", "pk": "", "choices": []}
        return {
            "text": "",
            "pk": str(chosen.pk),
            "label": self.label_from_instance(chosen),
            "choices": [self._choice(chosen)],
        }

    def has_changed(self, initial, data):
        initial_pk = initial.pk if isinstance(initial, Model) else initial
        try:
            new = self.to_python(data)
        except ValidationError:
            return True
        return str(initial_pk or "") != str(new.pk if new else "")

    def __deepcopy__(self, memo):
        result = super().__deepcopy__(memo)
        if self.queryset is not None:
            result.queryset = self.queryset.all()
        return result


def person_chooser(*, role: str, noun: str, scope: str = "of your authority", **kwargs):
    """A ChooserField over people holding ``role`` (set its queryset with ``people_of``)."""
    from .selectors import people_matching, person_hint, person_label

    return ChooserField(
        search=people_matching,
        noun=noun,
        scope=scope,
        label_from_instance=person_label,
        hint_from_instance=person_hint,
        source=format_lazy("{}?role={}", reverse_lazy("accounts:people_search"), role),
        **kwargs,
    )
