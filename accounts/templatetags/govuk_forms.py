"""``{% govuk_form form %}`` and ``{% govuk_error_summary form %}``: GOV.UK form markup built in
Python (accounts.govuk_render), what ``{% crispy form %}`` and crispy-forms-gds's
``{% error_summary form %}`` give, without a template per field and per option."""

from django import template

from ..govuk_render import render_error_summary, render_field, render_form

register = template.Library()


@register.simple_tag
def govuk_form(form):
    """Every field of the form (the page's template draws the <form> tag and the buttons)."""
    return render_form(form)


@register.simple_tag
def govuk_field(field):
    """One field: crispy's field template for GovFormMixin forms (``helper.field_template``)."""
    return render_field(field)


@register.simple_tag
def govuk_error_summary(form):
    """ "There is a problem", linking to each input in error."""
    return render_error_summary(form)
