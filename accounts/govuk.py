"""GOV.UK Frontend form helpers shared by every app: date inputs and GOV.UK error wording."""

import functools
import re
from datetime import date

from crispy_forms_gds.fields import DateInputField
from crispy_forms_gds.helper import FormHelper
from django import forms
from django.core.exceptions import ValidationError
from django.forms.utils import pretty_name


class GovDateField(DateInputField):
    """A day/month/year date input whose errors name the date ("Enter the date of the hearing").

    ``noun`` completes "the date of …" / "… must be a real date", e.g. ``noun="the hearing"``.
    """

    def __init__(self, *, noun: str, label: str | None = None, **kwargs):
        self.noun = noun
        # "the hearing" → "the date of the hearing"; "the expected date of delivery" stays
        what = noun if "date" in noun else f"the date of {noun}"
        subject = what.removeprefix("the ")
        subject = subject[0].upper() + subject[1:]
        kwargs.setdefault("label", label or subject)
        kwargs.setdefault("help_text", "For example, 27 3 2026")
        kwargs.setdefault("require_all_fields", False)
        super().__init__(**kwargs)
        self.error_messages["required"] = f"Enter {what}"
        self.error_messages["incomplete"] = f"Enter {what}"
        day, month, year = self.fields
        for part, field in (("day", day), ("month", month), ("year", year)):
            field.error_messages["incomplete"] = f"{subject} must include a {part}"
            field.validators[0].message = f"{subject} must be a real date"
        self._real_date = f"{subject} must be a real date"
        self._subject = subject

    def compress(self, data_list):
        try:
            return super().compress(data_list)
        # a 20-digit day, month or year overflows ``date()`` (OverflowError, not ValueError)
        except (ValidationError, OverflowError) as error:
            raise ValidationError(self._real_date, code="invalid") from error

    def clean(self, value):
        result = super().clean(value)
        if isinstance(result, date) and not (1900 <= result.year <= 2200):
            raise ValidationError(f"{self._subject} must be a real date", code="invalid")
        return result


def field_subject(name: str, field: forms.Field) -> str:
    """What a field is called in a message: its label without a bracketed hint ("(optional)"),
    or its name when the label is a question ("Name", "Legal name")."""
    label = str(field.label or "")
    label = re.sub(r"\s*\([^)]*\)\s*$", "", label).strip()
    if not label or label.endswith("?"):
        label = pretty_name(name)
    return label


def state_max_length(name: str, field: forms.Field) -> None:
    """A text field's limit, said in its hint and refused in GOV.UK words.

    "Name must be 200 characters or fewer" instead of Django's "Ensure this value has at most
    200 characters"; and no ``maxlength`` attribute, which makes the browser cut a long paste
    silently: the server refuses it and keeps what was typed, so nothing is lost unseen.
    """
    max_length = getattr(field, "max_length", None)
    if not isinstance(field, forms.CharField) or not max_length:
        return
    limit = f"{max_length} characters or fewer"
    field.error_messages["max_length"] = f"{field_subject(name, field)} must be {limit}"
    field.widget.attrs.pop("maxlength", None)
    hint = f"Must be {limit}"
    help_text = str(field.help_text or "").strip()
    if hint not in help_text:
        field.help_text = f"{help_text.rstrip('.')}. {hint}" if help_text else hint


class GovFormMixin:
    """A GOV.UK form: ``{% govuk_form form %}`` renders its fields in Python
    (accounts.govuk_render) as crispy-forms-gds did; the page template draws the <form> tag
    and the buttons.

    Every text field with a maximum length states it in its hint and refuses more in GOV.UK
    words (``state_max_length``): once, here, for every form of the project.
    """

    # no HTML5 "required": the browser's own messages would pre-empt the GOV.UK error summary
    # (crispy-forms-gds's FormHelper.render_layout sets the same)
    use_required_attribute = False

    def __init_subclass__(cls, **kwargs):
        # a form's own __init__ runs after this one and may set a field's hint: the limit is
        # stated once the whole form is built, whichever class's __init__ finishes last
        super().__init_subclass__(**kwargs)
        init = cls.__dict__.get("__init__")
        if init is not None:

            @functools.wraps(init)
            def built(self, *args, **kwargs):
                init(self, *args, **kwargs)
                self.state_limits()

            cls.__init__ = built

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # no crispy Layout (FormHelper(self) would build one): every field, in order
        self.helper = FormHelper()
        self.helper.form_tag = False
        # a page that still writes {% crispy form %} renders each field the same Python way
        self.helper.field_template = "accounts/govuk/field.html"
        for field in self.fields.values():
            if isinstance(field.widget, forms.Textarea):
                field.widget.attrs.setdefault("rows", 4)
        self.state_limits()

    def state_limits(self) -> None:
        """Each text field's maximum length in its hint and its GOV.UK error (idempotent)."""
        for name, field in self.fields.items():
            state_max_length(name, field)


def attach_model_errors(form: forms.BaseForm, error: ValidationError) -> None:
    """Put a model's ValidationError on the form fields it names (or the form as a whole)."""
    if hasattr(error, "error_dict"):
        for field, messages in error.message_dict.items():
            form.add_error(field if field in form.fields else None, messages)
    else:
        form.add_error(None, error.messages)


def add_errors(form: forms.BaseForm, errors: dict[str, str]) -> None:
    """Show rule messages ({field: message}) on a form, where the field has no message yet.

    Forms call the same rule functions as the services, so every error shows at once on submit.
    """
    for field, message in errors.items():
        name = field if field in form.fields else None
        if name is None or name not in form.errors:
            form.add_error(name, message)
