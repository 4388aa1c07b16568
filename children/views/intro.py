"""A form page that says, under its heading, which record it is about (the concern resolved,
the standard marked, the plan being changed)."""

from .base import ChildRecordFormView


class IntroFormView(ChildRecordFormView):
    template_name = "children/record_form_intro.html"

    def get_intro(self) -> list[str]:
        """Paragraphs shown under the heading."""
        return []

    def make_form(self, data=None):
        form = super().make_form(data)
        # carried on the form: the base page renders a fixed context
        form.intro = self.get_intro()
        return form
