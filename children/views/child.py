import copy
import csv

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import content_disposition_header
from django.views.decorators.http import require_http_methods, require_safe

from accounts import clock
from accounts.govuk import attach_model_errors
from accounts.permissions import can

from .. import chronology, extensions, history, selectors, services
from ..forms import ArchiveForm, BirthForm, ChildEditForm, ChildFilterForm, ChildForm
from ..rules import works_with_children
from .base import ChildRecordFormView, child_viewed

PAGE_SIZE = 25


def _cursor(value: str | None) -> int | None:
    """A page cursor from the query string: a child's pk, or None when absent or not a number."""
    return int(value) if value and value.isdigit() and len(value) < 19 else None


def child_list(request):
    """My caseload, my team's children or all I can see; searchable, filterable, paginated.

    It opens on what the user's role works with (``child_list_default_scope``).
    """
    if not works_with_children.test(request.user):
        raise PermissionDenied
    form = ChildFilterForm(
        request.GET or None, organisation_id=request.user.organisation_id, user=request.user
    )
    filters = {}
    if form.is_bound:
        form.is_valid()  # the valid filters apply even when one is not (a name matching several)
        filters = form.cleaned_data
    scope = filters.get("scope") or selectors.child_list_default_scope(user=request.user)
    children = selectors.child_list(
        user=request.user,
        scope=scope,
        search=(filters.get("q") or "").strip(),
        route=filters.get("route") or "",
        team_id=filters["team"].pk if filters.get("team") else None,
        worker_id=filters["worker"].pk if filters.get("worker") else None,
    )
    # keyset pagination (why: selectors.child_list_page): ?after=<pk>, ?before=<pk>, ?page=last
    page = selectors.child_list_page(
        children,
        after=_cursor(request.GET.get("after")),
        before=_cursor(request.GET.get("before")),
        last=request.GET.get("page") == "last",
        size=PAGE_SIZE,
    )
    query = request.GET.copy()
    for cursor in ("page", "after", "before"):
        query.pop(cursor, None)
    return render(
        request,
        "children/list.html",
        {
            "form": form,
            "selects": form.selects(scope=scope),
            "page": page,
            "scope": scope,
            "query": query.urlencode(),
            "can_add": can(request.user, "children.add_child"),
            "today": clock.today(),
        },
    )


def child_form_arguments(form: ChildForm) -> dict:
    """The child form's answers, named as ``child_create`` and ``child_update`` take them."""
    # the service takes each answer by name; the form asks exactly the service's fields (the
    # edit form also the date of death, which child_update takes and child_create does not)
    return {name: form.cleaned_data[name] for name in form._meta.fields}


@require_http_methods(["GET", "POST"])
def child_create(request):
    if not can(request.user, "children.add_child"):
        raise PermissionDenied
    initial = {"social_worker": request.user.pk}
    # the user's team when they are in one only; the date identified has no default (the form)
    teams = {
        membership.team_id
        for membership in request.user.memberships.select_related("team")
        if membership.team.organisation_id == request.user.organisation_id
    }
    if len(teams) == 1:
        initial["team"] = teams.pop()
    form = ChildForm(
        request.POST or None, organisation_id=request.user.organisation_id, initial=initial
    )
    if request.method == "POST" and form.is_valid():
        try:
            child = services.child_create(by=request.user, **child_form_arguments(form))
        except ValidationError as error:
            attach_model_errors(form, error)
        else:
            messages.success(request, f"{child.legal_name} has been added")
            return redirect("children:record", pk=child.pk)
    return render(
        request,
        "children/record_form.html",
        {
            "form": form,
            "title": "Add a child",
            "submit_label": "Add child",
            "cancel_url": reverse("children:list"),
        },
    )


# a read: GET and HEAD only, so no other method writes a view in the user's name
@require_safe
def child_record(request, pk: int):
    """The child's record: a summary header, then a tab for each kind of record.

    The header's facts and the tabs are the extension points' (``children.extensions``): the
    child's own (``views.sections``) and those of the apps above.
    """
    child = selectors.child_with_records(user=request.user, pk=pk)
    child_viewed(request, child)
    user = request.user
    summary = selectors.child_summary(child=child, user=user)
    return render(
        request,
        "children/record.html",
        {
            "child": child,
            "summary": summary,
            "header": extensions.header_for(child, user, summary),
            "sections": extensions.sections_for(child, user),
            "can_edit": can(user, "children.change_child", child),
            "can_archive": can(user, "children.archive_child", child),
            "today": clock.today(),
        },
    )


class ChildEditView(ChildRecordFormView):
    form_class = ChildEditForm
    title = "Change the child's details"
    success_message = "The child's details have been updated"

    def get_instance(self):
        # a copy: a refused form must not change the name in the page's heading. Copied, not
        # read again: the page had the child's row already (a Django model's copy has its own
        # state and cache of related objects)
        return copy.copy(self.child)

    def get_form_kwargs(self):
        return {"organisation_id": self.child.responsible_authority_id}

    def save(self, form):
        return services.child_update(
            child=self.child, by=self.request.user, **child_form_arguments(form)
        )


class ChildBirthView(ChildRecordFormView):
    form_class = BirthForm
    title = "Record the birth"
    submit_label = "Record the birth"
    success_message = "The birth has been recorded"

    def get(self, request, *args, **kwargs):
        if not self.child.is_unborn:
            messages.info(request, "The birth has already been recorded")
            return redirect(self.get_success_url())
        return super().get(request, *args, **kwargs)

    def save(self, form):
        data = form.cleaned_data
        return services.child_record_birth(
            child=self.child,
            by=self.request.user,
            date_of_birth=data["date_of_birth"],
            sex=data["sex"],
            legal_name=data["legal_name"],
        )


class ChildArchiveView(ChildRecordFormView):
    form_class = ArchiveForm
    perm = "children.archive_child"
    title = "Archive this record"
    submit_label = "Archive the record"
    success_message = "The record has been archived"

    def get(self, request, *args, **kwargs):
        if self.child.archived_at:
            messages.info(request, "This record is already archived")
            return redirect(self.get_success_url())
        return super().get(request, *args, **kwargs)

    def save(self, form):
        return services.child_archive(
            child=self.child, reason=form.cleaned_data["reason"], by=self.request.user
        )


# a read: GET and HEAD only, so no other method writes a view in the user's name
@require_safe
def child_chronology(request, pk: int):
    """Every dated event of the child that has happened, oldest first, and apart from them
    what is upcoming (hearings listed, directions due); printable."""
    child = selectors.child_for_user(user=request.user, pk=pk)
    child_viewed(request, child)
    happened, upcoming = chronology.split_upcoming(
        chronology.events_for(child, request.user), clock.today()
    )
    return render(
        request,
        "children/chronology.html",
        {"child": child, "events": happened, "upcoming": upcoming},
    )


# a read: GET and HEAD only, so no other method writes a view in the user's name
@require_safe
def child_history(request, pk: int):
    """Every change to the child's record: who, when and what changed."""
    child = selectors.child_for_user(user=request.user, pk=pk)
    child_viewed(request, child)
    changes = history.changes_for(child, viewer=request.user)
    page = Paginator(changes, 50).get_page(request.GET.get("page"))
    page.object_list = history.shortened(history.describe(page.object_list, among=changes))
    return render(request, "children/history.html", {"child": child, "page": page, "query": ""})


def _csv_safe(text: str) -> str:
    """Free text that a spreadsheet would run as a formula (=, +, -, @) is kept as text."""
    return "'" + text if text and text[0] in "=+-@\t\r" else text


# a read: GET and HEAD only, so no other method writes a view in the user's name
@require_safe
def child_chronology_csv(request, pk: int):
    child = selectors.child_for_user(user=request.user, pk=pk)
    child_viewed(request, child)
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    # Django quotes and encodes the name: an ID saved before the character rule (or by a
    # script) can never break the header (issue 15 item 8)
    response["Content-Disposition"] = content_disposition_header(
        as_attachment=True, filename=f"chronology-{child.la_child_id}.csv"
    )
    writer = csv.writer(response)
    writer.writerow(["Date", "Category", "Event", "Detail", "By", "Upcoming"])
    today = clock.today()
    for event in chronology.events_for(child, request.user):
        writer.writerow(
            [event.date.strftime("%d/%m/%Y")]
            + [_csv_safe(text) for text in (event.category, event.title, event.detail, event.by)]
            + ["Yes" if event.date > today else "No"]
        )
    return response
