"""The pattern every page that adds or edits a record of a child follows.

A subclass names its form, the permission, the record-page section it belongs to, and how to
save (one service call). The base finds the child (404 for another organisation's), checks the
rule (403), shows the form with an error summary, keeps what was typed, and turns a service's
ValidationError into messages on the fields.
"""

import copy

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views import View

from accounts.govuk import attach_model_errors
from accounts.models import FetchSite
from accounts.permissions import can

from .. import selectors, services


def child_viewed(request, child) -> None:
    """Write the view to the child's access log: a GET only (a HEAD, a refused POST or a form
    posted back are not views), with the browser's Sec-Fetch-Site (issue 15 item 6)."""
    if request.method == "GET":
        services.child_access_log_record(
            child=child, user=request.user, path=request.path, fetch_site=FetchSite.of(request)
        )


class ChildRecordFormView(View):
    form_class = None
    perm = "children.change_child"
    title = ""
    section = "details"  # the record page's section to return to
    submit_label = "Save"
    success_message = ""
    template_name = "children/record_form.html"
    # relations of the child the page reads (joined in the same query); the rest are not loaded
    child_related: tuple[str, ...] = ()

    # --- hooks -------------------------------------------------------------------------------
    def get_instance(self):
        """The record being edited, or None to add one (look it up scoped to self.child)."""
        return None

    def get_form_kwargs(self) -> dict:
        return {}

    def get_initial(self) -> dict:
        return {}

    def save(self, form):
        """Call one service with the form's cleaned data; return the saved record."""
        raise NotImplementedError

    def get_title(self) -> str:
        return self.title

    def get_intro(self) -> list[str]:
        """Paragraphs under the heading: which record the page is about, what happens next."""
        return []

    def get_success_url(self) -> str:
        return reverse("children:record", args=[self.child.pk]) + f"#{self.section}"

    # --- the flow ----------------------------------------------------------------------------
    def dispatch(self, request, *args, **kwargs):
        self.child = selectors.child_for_form(
            user=request.user, pk=kwargs["pk"], related=self.child_related
        )
        if not can(request.user, self.perm, self.child):
            raise PermissionDenied
        self.instance = self.get_instance()
        child_viewed(request, self.child)
        return super().dispatch(request, *args, **kwargs)

    def make_form(self, data=None):
        kwargs = self.get_form_kwargs()
        if (
            self.instance is not None
            and "instance" not in kwargs
            and hasattr(self.form_class, "_meta")
        ):
            # a copy: a ModelForm writes what was typed onto its instance while validating, and
            # a refused edit must not change the record the page shows (its heading, its name)
            kwargs["instance"] = copy.copy(self.instance)
        return self.form_class(data=data, initial=self.get_initial(), **kwargs)

    def render_form(self, form, status=200):
        context = {
            "child": self.child,
            "form": form,
            "title": self.get_title(),
            "intro": self.get_intro(),
            "submit_label": self.submit_label,
            "cancel_url": self.get_success_url(),
        }
        return render(self.request, self.template_name, context, status=status)

    def get(self, request, *args, **kwargs):
        return self.render_form(self.make_form())

    def post(self, request, *args, **kwargs):
        form = self.make_form(data=request.POST)
        if form.is_valid():
            try:
                self.save(form)
            except ValidationError as error:
                attach_model_errors(form, error)
            else:
                if self.success_message:
                    messages.success(request, self.success_message)
                return redirect(self.get_success_url())
        return self.render_form(form, status=200)
