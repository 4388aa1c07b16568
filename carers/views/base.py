"""The pattern every page that adds or changes a record of a household follows (as
``children.views.base``): the household found for the user (404 for another organisation's),
the rule checked (403), the view logged, an error summary, what was typed kept, and a service's
ValidationError put on the fields."""

import copy

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views import View

from accounts.govuk import attach_model_errors
from accounts.permissions import can

from .. import selectors, services


class HouseholdFormView(View):
    form_class = None
    perm = "carers.change_household"
    title = ""
    section = "details"
    submit_label = "Save"
    success_message = ""
    template_name = "carers/record_form.html"

    def get_instance(self):
        return None

    def get_form_kwargs(self) -> dict:
        return {"household": self.household}

    def get_title(self) -> str:
        return self.title

    def get_intro(self) -> list[str]:
        return []

    def save(self, form):
        raise NotImplementedError

    def get_success_url(self) -> str:
        return reverse("carers:record", args=[self.household.pk]) + f"#{self.section}"

    def dispatch(self, request, *args, **kwargs):
        self.household = selectors.household_for_form(user=request.user, pk=kwargs["pk"])
        if not can(request.user, self.perm, self.household):
            raise PermissionDenied
        self.instance = self.get_instance()
        if request.method == "GET":
            services.household_access_log_record(
                household=self.household, user=request.user, path=request.path
            )
        return super().dispatch(request, *args, **kwargs)

    def make_form(self, data=None):
        kwargs = self.get_form_kwargs()
        if self.instance is not None and hasattr(self.form_class, "_meta"):
            # a copy: a refused edit must not change the record the page shows
            kwargs["instance"] = copy.copy(self.instance)
        return self.form_class(data=data, **kwargs)

    def render_form(self, form):
        return render(
            self.request,
            self.template_name,
            {
                "household": self.household,
                "form": form,
                "title": self.get_title(),
                "intro": self.get_intro(),
                "submit_label": self.submit_label,
                "cancel_url": self.get_success_url(),
            },
        )

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
        return self.render_form(form)
