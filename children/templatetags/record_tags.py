"""Rendering the tabs that ``children.extensions`` registers on the child's record."""

from django import template

register = template.Library()


@register.simple_tag(takes_context=True)
def record_section(context, section):
    """``{% record_section section %}``: the section's template, with the page's context and
    the section's own (``Section.context``) on top of it."""
    section_template = context.template.engine.get_template(section.template)
    with context.push(section.context):
        return section_template.render(context)
