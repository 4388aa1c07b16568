"""Form widgets that render in Python what Django renders through a template per option."""

from django import forms
from django.utils.html import conditional_escape
from django.utils.safestring import mark_safe


def _attrs(attrs: dict) -> str:
    """As django/forms/widgets/attrs.html: ``True`` alone, ``False`` left out."""
    return "".join(
        f" {conditional_escape(name)}"
        if value is True
        else f' {conditional_escape(name)}="{conditional_escape(value)}"'
        for name, value in attrs.items()
        if value is not False
    )


class Select(forms.Select):
    """``forms.Select`` with the same HTML, its options rendered in Python.

    Django's select.html includes select_option.html and attrs.html for every option: ~0.2 ms
    an option, so a select of an authority's 100 teams cost ~20 ms of a page (profiled on the
    child form); its ``create_option`` builds a dict per option too (1.5 ms of the add-a-child
    page's 19 fields). The markup is byte for byte Django's (tests/accounts/test_widgets.py).
    """

    def render(self, name, value, attrs=None, renderer=None):
        return render_select(select_context(self, name, value, attrs))


def select_context(widget: forms.Select, name: str, value, attrs: dict | None) -> dict:
    """``widget.get_context(…)["widget"]`` with what select.html reads, without building a
    dict of attributes, an id and a template name for each option (``create_option``): the
    options as Django's ``ChoiceWidget.optgroups`` orders and selects them."""
    values = widget.format_value(value)
    final_attrs = widget.build_attrs(widget.attrs, attrs)
    if widget.allow_multiple_selected:
        final_attrs["multiple"] = True
    groups = []
    has_selected = False
    for index, (option_value, option_label) in enumerate(widget.choices):
        if option_value is None:
            option_value = ""
        if isinstance(option_label, list | tuple):
            group_name, choices = option_value, option_label
        else:
            group_name, choices = None, [(option_value, option_label)]
        options = []
        for sub_value, sub_label in choices:
            selected = (not has_selected or widget.allow_multiple_selected) and str(
                sub_value
            ) in values
            has_selected |= selected
            options.append(
                {"value": sub_value, "label": sub_label, "attrs": _SELECTED if selected else {}}
            )
        groups.append((group_name, options, index))
    return {"name": name, "attrs": final_attrs, "optgroups": groups}


_SELECTED = {"selected": True}


def render_select(widget: dict) -> str:
    """django/forms/widgets/select.html for a select widget's context, in Python."""
    parts = [f'<select name="{conditional_escape(widget["name"])}"{_attrs(widget["attrs"])}>']
    for group_name, group_choices, _index in widget["optgroups"]:
        if group_name:
            parts.append(f'\n  <optgroup label="{conditional_escape(group_name)}">')
        parts.extend(
            f'\n  <option value="{conditional_escape(option["value"])}"'
            f"{_attrs(option['attrs'])}>{conditional_escape(option['label'])}</option>\n"
            for option in group_choices
        )
        if group_name:
            parts.append("\n  </optgroup>")
    parts.append("\n</select>")  # the renderer strips the template's last newline
    return mark_safe("".join(parts))  # noqa: S308 (every value escaped above)
