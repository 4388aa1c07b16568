from datetime import date

from django.contrib.auth import views as auth_views
from django.shortcuts import get_object_or_404, render

from . import selectors
from .forms import SignInForm
from .home import panels_for
from .models import Role


class SignInView(auth_views.LoginView):
    form_class = SignInForm
    template_name = "registration/login.html"
    redirect_authenticated_user = True


class SignOutView(auth_views.LogoutView):
    pass


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
        {"roles": roles, "panels": panels_for(request.user), "today": date.today()},
    )


def team_list(request):
    teams = selectors.team_list_for_user(user=request.user)
    return render(request, "accounts/team_list.html", {"teams": teams})


def team_detail(request, pk: int):
    # Another organisation's team answers 404: the selector only holds the user's own.
    team = get_object_or_404(selectors.team_detail_for_user(user=request.user), pk=pk)
    return render(request, "accounts/team_detail.html", {"team": team})
