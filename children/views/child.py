import csv
from datetime import date

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods

from accounts.govuk import attach_model_errors

from .. import chronology, history, selectors, services
from ..forms import ArchiveForm, BirthForm, ChildFilterForm, ChildForm
from ..models import Child
from ..rules import works_with_children
from ..services import can
from .base import ChildRecordFormView

PAGE_SIZE = 25

# The record page's sections, in order: (anchor, tab label, template). Each area's template
# lists its records and links to its forms.
RECORD_SECTIONS = [
    ("details", "Details", "children/record/_details.html"),
    ("family", "Birth family", "children/record/_family.html"),
    ("plan", "Twin-track plan", "children/record/_plan.html"),
    ("court", "Court", "children/record/_court.html"),
    ("reviews", "Reviews", "children/record/_reviews.html"),
    ("notes", "Case notes", "children/record/_notes.html"),
    ("standards", "Practice standards", "children/record/_standards.html"),
]


def child_list(request):
    """My caseload, my team's children or all I can see; searchable, filterable, paginated."""
    if not works_with_children.test(request.user):
        raise PermissionDenied
    form = ChildFilterForm(request.GET or None, organisation_id=request.user.organisation_id)
    filters = form.cleaned_data if form.is_valid() else {}
    scope = filters.get("scope") or "mine"
    children = selectors.child_list(
        user=request.user,
        scope=scope,
        search=(filters.get("q") or "").strip(),
        route=filters.get("route") or "",
        team_id=filters["team"].pk if filters.get("team") else None,
        worker_id=filters["worker"].pk if filters.get("worker") else None,
    )
    page = Paginator(children, PAGE_SIZE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "children/list.html",
        {
            "form": form,
            "page": page,
            "scope": scope,
            "query": query.urlencode(),
            "can_add": can(request.user, "children.add_child"),
            "today": date.today(),
        },
    )


@require_http_methods(["GET", "POST"])
def child_create(request):
    if not can(request.user, "children.add_child"):
        raise PermissionDenied
    form = ChildForm(
        request.POST or None,
        organisation_id=request.user.organisation_id,
        initial={"social_worker": request.user.pk, "identified_on": date.today()},
    )
    if request.method == "POST" and form.is_valid():
        try:
            child = services.child_create(by=request.user, **form.cleaned_data)
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


def child_record(request, pk: int):
    """The child's record: a summary header, then a section for each kind of record."""
    child = selectors.child_with_records(user=request.user, pk=pk)
    services.child_access_log_record(child=child, user=request.user, path=request.path)
    user = request.user
    return render(
        request,
        "children/record.html",
        {
            "child": child,
            "summary": selectors.child_summary(child=child, user=user),
            "sections": RECORD_SECTIONS,
            "can_edit": can(user, "children.change_child", child),
            "can_archive": can(user, "children.archive_child", child),
            "can_review": can(user, "children.record_review", child),
            "can_record_outcome": can(user, "children.record_review_outcome", child),
            "can_raise_concern": can(user, "children.raise_iro_concern", child),
            "can_resolve_concern": can(user, "children.resolve_iro_concern", child),
            "can_add_note": can(user, "children.add_case_note", child),
            "can_see_contacts": can(user, "children.view_family_contact_details", child),
            "today": date.today(),
            # the reviews and practice standards sections
            "iro_concerns": selectors.iro_concerns_open_first(child=child),
            "standard_checklist": selectors.standard_checklist(child=child),
        },
    )


class ChildEditView(ChildRecordFormView):
    form_class = ChildForm
    title = "Change the child's details"
    success_message = "The child's details have been updated"

    def get_instance(self):
        # a copy: a refused form must not change the name in the page's heading
        return Child.objects.get(pk=self.child.pk)

    def get_form_kwargs(self):
        return {"organisation_id": self.child.responsible_authority_id}

    def save(self, form):
        return services.child_update(child=self.child, by=self.request.user, **form.cleaned_data)


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
        return services.child_record_birth(
            child=self.child, by=self.request.user, **form.cleaned_data
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


def child_chronology(request, pk: int):
    """Every dated event of the child, oldest first; printable."""
    child = selectors.child_for_user(user=request.user, pk=pk)
    services.child_access_log_record(child=child, user=request.user, path=request.path)
    return render(
        request,
        "children/chronology.html",
        {"child": child, "events": chronology.events_for(child)},
    )


def child_history(request, pk: int):
    """Every change to the child's record: who, when and what changed."""
    child = selectors.child_for_user(user=request.user, pk=pk)
    services.child_access_log_record(child=child, user=request.user, path=request.path)
    changes = history.changes_for(
        child,
        contact_details=can(request.user, "children.view_family_contact_details", child),
    )
    page = Paginator(changes, 50).get_page(request.GET.get("page"))
    return render(request, "children/history.html", {"child": child, "page": page, "query": ""})


def _csv_safe(text: str) -> str:
    """Free text that a spreadsheet would run as a formula (=, +, -, @) is kept as text."""
    return "'" + text if text and text[0] in "=+-@\t\r" else text


def child_chronology_csv(request, pk: int):
    child = selectors.child_for_user(user=request.user, pk=pk)
    services.child_access_log_record(child=child, user=request.user, path=request.path)
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="chronology-{child.la_child_id}.csv"'
    writer = csv.writer(response)
    writer.writerow(["Date", "Category", "Event", "Detail", "By"])
    for event in chronology.events_for(child):
        writer.writerow(
            [event.date.strftime("%d/%m/%Y")]
            + [_csv_safe(text) for text in (event.category, event.title, event.detail, event.by)]
        )
    return response
