from django.conf import settings
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_not_required
from django.core.exceptions import PermissionDenied
from django.http import JsonResponse
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_GET

from . import clock, second_factor, selectors, sso
from .autocomplete import LIMIT, search_text
from .forms import SignInForm
from .home import panels_for
from .models import Role


class SignInView(auth_views.LoginView):
    form_class = SignInForm
    template_name = "registration/login.html"
    redirect_authenticated_user = True

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["sso_providers"] = list(sso.providers().values())
        return context

    def form_valid(self, form):
        response = super().form_valid(form)
        # the next page asks for the second factor when this person needs one
        second_factor.mark_signed_in(self.request, method=second_factor.PASSWORD)
        return response


class SignOutView(auth_views.LogoutView):
    # someone asked for a second factor they cannot give can still sign out
    second_factor_exempt = True


ROLE_SUMMARIES = {
    Role.SOCIAL_WORKER: "Log each child's progress: records, notes, hearings, assessments and "
    "family time, and move children through their early permanence journey.",
    Role.TEAM_MANAGER: "Review who is stuck and what is overdue, carer sufficiency, timeliness "
    "and outcomes, and agree early permanence plans.",
    Role.IRO: "Check plan status before and at looked-after reviews, record review outcomes and "
    "raise concerns.",
    Role.NOMINATED_OFFICER: "Authorise early permanence placements and record Regulation 25A "
    "temporary approvals.",
    Role.AGENCY_DECISION_MAKER: "Record the formal adoption match decision after the adoption "
    "panel's recommendation.",
    Role.SUPERVISING_SOCIAL_WORKER: "Support early permanence carer households: approval, "
    "training, preferences, support and reviews.",
    Role.FAMILY_TIME_WORKER: "Run family time sessions, attendance and handover notes.",
    Role.ADMIN: "Configure deadline rules, reference data, users and teams in the admin.",
}


def home(request):
    """The home page: who you are, what you do here, and your way in to it."""
    memberships = list(selectors.memberships_for_user(user=request.user))
    roles = []
    for membership in memberships:
        if membership.role not in {r["value"] for r in roles}:
            roles.append(
                {
                    "value": membership.role,
                    "label": membership.get_role_display(),
                    "summary": ROLE_SUMMARIES.get(membership.role, ""),
                    "teams": [m.team for m in memberships if m.role == membership.role],
                }
            )
    return render(
        request,
        "accounts/home.html",
        {"roles": roles, "panels": panels_for(request.user), "today": clock.today()},
    )


def team_list(request):
    return render(
        request,
        "accounts/team_list.html",
        {"teams": selectors.team_links_for_user(user=request.user)},
    )


def team_detail(request, pk: int):
    # Another organisation's team answers 404: the selector only holds the user's own.
    team = get_object_or_404(selectors.team_detail_for_user(user=request.user), pk=pk)
    return render(request, "accounts/team_detail.html", {"team": team})


# The two pages every user (and every visitor of the sign-in page) must be able to read: the
# accessibility statement (Public Sector Bodies (Websites and Mobile Applications) (No. 2)
# Accessibility Regulations 2018, reg 8) and the privacy notice (UK GDPR Articles 13 and 14).
@login_not_required
def accessibility_statement(request):
    """The accessibility statement, in the structure of the GOV.UK model statement."""
    return render(
        request,
        "accounts/accessibility.html",
        {"contact_email": settings.EP_ACCESSIBILITY_CONTACT},
    )


@login_not_required
def privacy_notice(request):
    """How the service uses personal data: of its staff users and of the people in its records."""
    return render(
        request, "accounts/privacy.html", {"contact_email": settings.EP_DATA_PROTECTION_CONTACT}
    )


@require_GET
def people_search(request):
    """JSON for the person chooser: up to 10 active people of the user's own organisation.

    ``?q=`` part of a name, ``&role=`` the role they must hold; the user's own teams first.
    A user without an organisation (a system administrator) has no staff to choose from.
    """
    if request.user.organisation_id is None:
        raise PermissionDenied
    role = request.GET.get("role", "")
    if role and role not in Role.values:
        return JsonResponse({"error": "Unknown role"}, status=400)
    people = selectors.people_search(
        user=request.user, text=search_text(request.GET.get("q")), role=role, limit=LIMIT
    )
    return JsonResponse(
        {
            "results": [
                {
                    "id": person.pk,
                    "name": selectors.person_label(person),
                    "hint": selectors.person_hint(person),
                }
                for person in people
            ]
        }
    )
