"""The carer list, adding a household, the household record, anonymised profiles and the
sufficiency page."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods

from accounts.govuk import attach_model_errors
from accounts.permissions import can

from .. import chart, forms, selectors, services
from ..availability import Availability
from ..extensions import AGE_BANDS


def _require(user, perm: str) -> None:
    if not can(user, perm):
        raise PermissionDenied


def household_list(request):
    """Households of the user's agency with their derived availability, filtered, paginated."""
    _require(request.user, "carers.view_profiles")
    form = forms.HouseholdFilterForm(request.GET or None)
    filters = selectors.ListFilters()
    if form.is_valid():
        data = form.cleaned_data
        filters = selectors.ListFilters(
            availability=data["availability"],
            agency=data["agency"].pk if data["agency"] else None,
            age_band=data["age_band"],
            siblings=data["siblings"],
            dual_only=data["dual_only"],
        )
    page = selectors.household_list_page(
        user=request.user, filters=filters, page=request.GET.get("page", 1)
    )
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "carers/list.html",
        {
            "form": form,
            "page": page,
            "query": query.urlencode(),
            "can_add": can(request.user, "carers.add_household"),
        },
    )


@require_http_methods(["GET", "POST"])
def household_create(request):
    _require(request.user, "carers.add_household")
    form = forms.HouseholdForm(request.POST or None, organisation_id=request.user.organisation_id)
    if request.method == "POST" and form.is_valid():
        try:
            household = services.household_create(
                by=request.user,
                **{name: form.cleaned_data[name] for name in forms.HouseholdForm.Meta.fields},
            )
        except ValidationError as error:
            attach_model_errors(form, error)
        else:
            messages.success(request, f"{household.name} has been added")
            return redirect("carers:record", household.pk)
    return render(
        request,
        "carers/record_form.html",
        {
            "form": form,
            "title": "Add a household",
            "submit_label": "Add household",
            "cancel_url": reverse("carers:list"),
        },
    )


def household_record(request, pk: int):
    household = selectors.household_for_record(user=request.user, pk=pk)
    services.household_access_log_record(household=household, user=request.user, path=request.path)
    applicants = list(household.applicants.all())
    return render(
        request,
        "carers/record.html",
        {
            "household": household,
            "applicants": applicants,
            "ad1": household.ad1_codes(applicants),
            "history": selectors.household_history(household),
            "can_edit": can(request.user, "carers.change_household", household),
            "Availability": Availability,
        },
    )


def profile_list(request):
    """Anonymised profiles of available households, for family finders of any organisation."""
    _require(request.user, "carers.view_profiles")
    page = selectors.profile_page(user=request.user, page=request.GET.get("page", 1))
    return render(request, "carers/profiles.html", {"page": page, "query": ""})


def profile_detail(request, pk: int):
    _require(request.user, "carers.view_profiles")
    household = selectors.profile_for(user=request.user, pk=pk)
    return render(request, "carers/profile.html", {"profile": household})


def sufficiency(request):
    """Std 3.3: available EP households by what they offer, beside the children waiting."""
    _require(request.user, "carers.view_sufficiency")
    result = selectors.sufficiency_for(user=request.user)
    return render(
        request,
        "carers/sufficiency.html",
        {
            "result": result,
            "chart": chart.bar_chart(result.rows),
            "bands": AGE_BANDS,
        },
    )
