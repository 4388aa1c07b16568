"""Show the services' rule messages on a form before saving, so every error shows at once."""

from django import forms


def add_errors(form: forms.BaseForm, errors: dict[str, str]) -> None:
    """Show a service's rule messages on the form, where the field has no message yet."""
    for field, message in errors.items():
        name = field if field in form.fields else None
        if name is None or name not in form.errors:
            form.add_error(name, message)
