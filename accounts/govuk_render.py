"""GOV.UK form fields and the error summary rendered in Python, as crispy-forms-gds renders them.

crispy-forms-gds renders each field through ``gds/field.html``, which includes a template for the
label, the hint, the errors and each radio, then Django's widget templates: ~0.5 ms a field and
~0.2 ms a radio option, 11–14 ms of a 25-input form (profiled), more than the rest of its page.
Here the same markup is built with f-strings: the form group (``div_<id>``, error class), the
label or the fieldset and legend (radios, checkboxes, day/month/year dates), the hint
(``<id>_hint``), each error (``<id>_<n>_error`` with the visually hidden "Error:" prefix), the
input's classes and ``aria-describedby``, and the error summary linking to each input.

It is byte for byte what crispy-forms-gds gives once whitespace is set aside (the HTML is
compared, form by form, in tests/accounts/test_govuk_render.py), with one difference: the second
CSRF token crispy put inside a form whose template already has one is left out.

A form whose helper has a crispy ``Layout`` (e.g. field widths on the sign-in form) and a widget
with its own template (the person and child chooser) are still rendered the crispy or Django
way: they are few and cheap; ``render_form`` falls back for the first, ``_widget_html`` for the
second.
"""

from django import forms
from django.utils.html import conditional_escape
from django.utils.safestring import SafeString, mark_safe

from .widgets import _attrs, render_select, select_context

# crispy_forms_gds.templatetags.crispy_forms_gds.CrispyGDSFieldNode: the class each widget gets
_CLASSES = {
    "checkboxinput": "govuk-checkboxes__input",
    "select": "govuk-select",
    "textinput": "govuk-input",
    "emailinput": "govuk-input",
    "passwordinput": "govuk-input",
    "textarea": "govuk-textarea",
    "clearablefileinput": "govuk-file-upload",
}
# widgets whose error state crispy-forms-gds marks with govuk-input--error (by class name)
_ERROR_CLASS_WIDGETS = {"Select", "TextInput", "Textarea"}
_FILE_WIDGETS = {"FileInput", "ClearableFileInput"}

# Django's widget templates rendered here instead: <input …> and <textarea>, <select>
_INPUT_TEMPLATES = {
    f"django/forms/widgets/{name}.html"
    for name in ("text", "email", "password", "number", "url", "tel", "hidden", "date", "search")
}
_CHECKBOX_TEMPLATE = "django/forms/widgets/checkbox.html"
_TEXTAREA_TEMPLATE = "django/forms/widgets/textarea.html"
_SELECT_TEMPLATE = "django/forms/widgets/select.html"

_ERROR_PREFIX = '<span class="govuk-visually-hidden">Error:</span> '


def _e(value) -> str:
    return str(conditional_escape(value))


def _kind(field: forms.Field) -> str:
    widget = field.widget
    if isinstance(widget, forms.CheckboxSelectMultiple) and widget.input_type == "checkbox":
        return "checkboxes"
    if isinstance(widget, forms.RadioSelect) and widget.input_type == "radio":
        return "radios"
    if isinstance(widget, forms.MultiWidget):
        return "multivalue"
    if isinstance(widget, forms.CheckboxInput):
        return "checkbox"
    return "input"


def _widget_class(widget: forms.Widget) -> str:
    """crispy's class list: the pack's class for the widget, then the widget's own classes."""
    name = widget.__class__.__name__.lower()
    classes = _CLASSES.get(name, name).split()
    for css in widget.attrs.get("class", "").split():
        if css not in classes:
            classes.append(css)
    return " ".join(classes)


def _input_html(widget: dict) -> str:
    """django/forms/widgets/input.html."""
    value = widget["value"]
    value_attr = f' value="{_e(value)}"' if value is not None else ""
    return (
        f'<input type="{_e(widget["type"])}" name="{_e(widget["name"])}"{value_attr}'
        f"{_attrs(widget['attrs'])}>"
    )


def _textarea_html(widget: dict) -> str:
    """django/forms/widgets/textarea.html."""
    value = _e(widget["value"]) if widget["value"] else ""
    return f'<textarea name="{_e(widget["name"])}"{_attrs(widget["attrs"])}>\n{value}</textarea>'


def _render_widget(widget: forms.Widget, name: str, value, attrs: dict, renderer) -> str:
    """``widget.render()``: in Python for Django's own inputs, textareas and selects."""
    template = widget.template_name
    if template in _INPUT_TEMPLATES or template == _CHECKBOX_TEMPLATE:
        return _input_html(widget.get_context(name, value, attrs)["widget"])
    if template == _TEXTAREA_TEMPLATE:
        return _textarea_html(widget.get_context(name, value, attrs)["widget"])
    if template == _SELECT_TEMPLATE and isinstance(widget, forms.Select):
        return render_select(select_context(widget, name, value, attrs))
    return str(widget.render(name, value, attrs, renderer))  # a widget with its own template


def _widget_html(bound: forms.BoundField, extra: dict) -> str:
    """``str(bound)`` (BoundField.as_widget) with ``extra`` set on the widget's attributes, as
    crispy sets them on ``widget.attrs`` (left untouched here: a form can be rendered twice)."""
    field = bound.field
    widget = field.widget
    if field.show_hidden_initial:
        return str(bound)
    if field.localize:
        widget.is_localized = True
    # crispy's aria-describedby (extra) is kept: Django adds its own only where there is none
    attrs = bound.build_widget_attrs(extra, widget)
    if bound.auto_id and "id" not in widget.attrs:
        attrs.setdefault("id", bound.auto_id)
    return _render_widget(widget, bound.html_name, bound.value(), attrs, bound.form.renderer)


def _describedby(*ids: str) -> str:
    return " ".join(i for i in ids if i)


def _help_and_errors(bound: forms.BoundField, errors: list) -> str:
    """gds/layout/help_text_and_errors.html: the hint, then each error."""
    parts = []
    if bound.help_text:
        parts.append(f'<div id="{bound.auto_id}_hint" class="govuk-hint">{bound.help_text}</div>')
    parts.extend(
        f'<span id="{bound.auto_id}_{number}_error" class="govuk-error-message">'
        f"{_ERROR_PREFIX}{_e(error)}</span>"
        for number, error in enumerate(errors, start=1)
    )
    return "".join(parts)


def _fieldset(bound: forms.BoundField, errors: list, body: str) -> str:
    """gds/layout/radios.html, checkboxes.html and multifield.html around their inputs."""
    describedby = ""
    if bound.help_text or errors:
        ids = [f"{bound.auto_id}_hint" if bound.help_text else ""]
        ids += [f"{bound.auto_id}_{n}_error" for n in range(1, len(errors) + 1)]
        describedby = f' aria-describedby="{_describedby(*ids)}"'
    legend = (
        f'<legend class="govuk-fieldset__legend">{bound.label}</legend>' if bound.label else ""
    )
    return (
        f'<fieldset class="govuk-fieldset"{describedby}>{legend}'
        f"{_help_and_errors(bound, errors)}{body}</fieldset>"
    )


def _radios(bound: forms.BoundField) -> str:
    """gds/layout/radio_item.html for each choice: ids ``id_<name>_<n>`` from 1."""
    name = _e(bound.html_name)
    current = str(bound.value())
    items = []
    for position, (value, label) in enumerate(bound.field.choices, start=1):
        checked = ' checked="checked"' if str(value) == current else ""
        option_id = f"id_{name}_{position}"
        items.append(
            f'<div class="govuk-radios__item"><input type="radio" name="{name}" '
            f'class="govuk-radios__input" id="{option_id}" value="{_e(value)}"{checked}>'
            f'<label class="govuk-label govuk-radios__label" for="{option_id}">{_e(label)}'
            "</label></div>"
        )
    return f'<div class="govuk-radios">{"".join(items)}</div>'


def _checkboxes(bound: forms.BoundField) -> str:
    """gds/layout/checkboxes.html's items: ids ``id_<name>_<n>`` from 1."""
    name = _e(bound.html_name)
    values = bound.value() or []
    items = []
    for position, (value, label) in enumerate(bound.field.choices, start=1):
        checked = ' checked="checked"' if value in values or str(value) in values else ""
        option_id = f"id_{name}_{position}"
        items.append(
            f'<div class="govuk-checkboxes__item"><input type="checkbox" name="{name}" '
            f'class="govuk-checkboxes__input" id="{option_id}" value="{_e(value)}"{checked}>'
            f'<label class="govuk-label govuk-checkboxes__label" for="{option_id}">'
            f"{_e(label)}</label></div>"
        )
    return f'<div class="govuk-checkboxes">{"".join(items)}</div>'


def _multivalue(bound: forms.BoundField, errors: list) -> str:
    """A day/month/year date (crispy_forms_gds.widgets.DateInputWidget, gds/widgets/date.html):
    each box marked in error when it has an error of its own, or all when none has."""
    field = bound.field
    widget = field.widget
    sub_errors = [getattr(subfield.widget, "errors", []) for subfield in field.fields]
    any_sub_error = any(sub_errors)
    attrs = bound.build_widget_attrs({}, widget)  # sets each box's own "required"
    outer_id = widget.attrs.get("id") or attrs.get("id") or bound.auto_id
    attrs.setdefault("id", outer_id)
    value = bound.value()
    if not isinstance(value, list | tuple):
        value = widget.decompress(value)
    items = []
    for index, subwidget in enumerate(widget.widgets):
        own = dict(subwidget.attrs)
        label = own.pop("label", "")
        own["class"] = _widget_class(subwidget)
        if errors and subwidget.__class__.__name__ in _ERROR_CLASS_WIDGETS:
            if not any_sub_error or sub_errors[index]:
                own["class"] += " govuk-input--error"
        if errors:
            if not field.help_text:
                own["aria-describedby"] = ""
            mine = [
                f"{bound.auto_id}_{number}_error"
                for number, error in enumerate(errors, start=1)
                if sub_errors[index] and error in sub_errors[index]
            ]
            if mine:
                own["aria-describedby"] = _describedby(own.get("aria-describedby", ""), *mine)
        box_id = f"{outer_id}_{index}"
        box_attrs = {**own, **attrs, "id": box_id}
        box_value = value[index] if index < len(value) else None
        context = subwidget.get_context(f"{bound.html_name}_{index}", box_value, {})
        box = context["widget"]
        box["attrs"] = box_attrs
        items.append(
            '<div class="govuk-date-input__item"><div class="govuk-form-group">'
            f'<label class="govuk-label govuk-date-input__label" for="{_e(box_id)}">'
            f"{_e(label)}</label>{_input_html(box)}</div></div>"
        )
    return f'<div class="govuk-date-input" id="{_e(outer_id)}">{"".join(items)}</div>'


def render_field(bound: forms.BoundField) -> SafeString:
    """gds/field.html for one field (with the helper's defaults: labels and errors shown)."""
    field = bound.field
    if field.widget.is_hidden:
        return mark_safe(_widget_html(bound, {}))  # noqa: S308 (the widget escapes)
    errors = list(bound.errors)
    classes = "govuk-form-group"
    if errors:
        classes += " govuk-form-group--error"
    if extra := bound.css_classes():
        classes += f" {extra}"
    kind = _kind(field)
    if kind == "radios":
        body = _fieldset(bound, errors, _radios(bound))
    elif kind == "checkboxes":
        body = _fieldset(bound, errors, _checkboxes(bound))
    elif kind == "multivalue":
        body = _fieldset(bound, errors, _multivalue(bound, errors))
    else:
        widget = field.widget
        css = _widget_class(widget)
        extra_attrs = {}
        if bound.help_text:
            extra_attrs["aria-describedby"] = f"{bound.auto_id}_hint"
        if errors:
            name = widget.__class__.__name__
            if name in _ERROR_CLASS_WIDGETS:
                css += " govuk-input--error"
            elif name in _FILE_WIDGETS:
                css += " govuk-file-upload--error"
            extra_attrs["aria-describedby"] = _describedby(
                extra_attrs.get("aria-describedby", ""),
                *(f"{bound.auto_id}_{n}_error" for n in range(1, len(errors) + 1)),
            )
        elif "aria-describedby" in widget.attrs and "aria-describedby" not in extra_attrs:
            extra_attrs["aria-describedby"] = widget.attrs["aria-describedby"]
        extra_attrs["class"] = css
        # the widget's own attributes first, as crispy sets these on widget.attrs
        extra_attrs = {**widget.attrs, **extra_attrs}
        html = _widget_html(bound, extra_attrs)
        help_errors = _help_and_errors(bound, errors)
        if kind == "checkbox":
            body = (
                f'{help_errors}<div class="govuk-checkboxes"><div class="govuk-checkboxes__item">'
                f'{html}<label class="govuk-label govuk-checkboxes__label" '
                f'for="{bound.id_for_label}">{bound.label}</label></div></div>'
            )
        else:
            label = (
                f'<label for="{bound.id_for_label}" class="govuk-label">{bound.label}</label>'
                if bound.label
                else ""
            )
            body = f"{label}{help_errors}{html}"
    return mark_safe(f'<div id="div_{bound.auto_id}" class="{classes}">{body}</div>')  # noqa: S308


def render_form(form: forms.BaseForm) -> SafeString:
    """The form's fields, as ``{% crispy form %}`` renders them without a form tag."""
    helper = getattr(form, "helper", None)
    if helper is not None and helper.layout is not None:
        from crispy_forms.utils import render_crispy_form

        return render_crispy_form(form, helper)
    # non-field errors are in the error summary only (crispy-forms-gds: show_non_field_errors)
    html = "".join(render_field(bound) for bound in form)
    return mark_safe(html)  # noqa: S308 (every value escaped above; labels and hints are code's)


def field_errors(bound: forms.BoundField) -> list[tuple[str, list]]:
    """crispy_forms_gds's ``field_errors`` filter: each input's id and its errors (a date's own
    boxes first, so the summary links to the box in error)."""
    seen = []
    errors: dict[str, list] = {}
    for index, subfield in enumerate(getattr(bound.field, "fields", ())):
        sub = getattr(subfield.widget, "errors", [])
        errors[f"{bound.auto_id}_{index}"] = sub
        seen.extend(sub)
    for error in bound.errors:
        if error not in seen:
            errors.setdefault(bound.auto_id, []).append(error)
    return list(errors.items())


def render_error_summary(form: forms.BaseForm) -> SafeString:
    """gds/layout/error_summary.html: "There is a problem" and a link to each input in error."""
    helper = getattr(form, "helper", None)
    if not (helper is not None and helper.form_show_errors and form.errors):
        return mark_safe("")
    visible = form.visible_fields()
    first_id = visible[0].auto_id if visible else ""
    links = [
        f'<li><a href="#{first_id}">{_e(error)}</a></li>' for error in form.non_field_errors()
    ]
    for bound in visible:
        for field_id, errors in field_errors(bound):
            links.extend(f'<li><a href="#{field_id}">{_e(error)}</a></li>' for error in errors)
    return mark_safe(  # noqa: S308 (escaped above)
        '<div class="govuk-error-summary" aria-labelledby="error-summary-title" role="alert" '
        'tabindex="-1" data-module="govuk-error-summary">'
        '<h2 class="govuk-error-summary__title" id="error-summary-title">There is a problem</h2>'
        '<div class="govuk-error-summary__body"><ul class="govuk-list govuk-error-summary__list">'
        f"{''.join(links)}</ul></div></div>"
    )
