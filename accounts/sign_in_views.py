"""Pages of the second factor and of single sign-on (docs/sign-in.md)."""

import logging

from authlib.integrations.base_client import OAuthError
from django.conf import settings
from django.contrib.auth import login
from django.contrib.auth.decorators import login_not_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme, urlencode
from django.views.decorators.http import require_POST
from requests import RequestException

from . import second_factor, selectors, sso
from .forms import SecondFactorCodeForm, SecondFactorResetForm
from .govuk import attach_model_errors
from .middleware import second_factor_exempt
from .models import Organisation
from .permissions import can

logger = logging.getLogger(__name__)


def _next_url(request) -> str:
    """Where to go after this step: the page the person asked for, if it is ours."""
    target = request.POST.get("next") or request.GET.get("next") or ""
    if target and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return reverse(settings.LOGIN_REDIRECT_URL)


# --- the second factor -----------------------------------------------------------------------
@second_factor_exempt
def second_factor_verify(request):
    """After the password: a code from the authenticator app, or a recovery code."""
    if not second_factor.needed(request) or second_factor.satisfied(request):
        return redirect(_next_url(request))
    if not second_factor.has_app(request.user):
        return redirect(f"{reverse('accounts:second_factor_setup')}?{request.GET.urlencode()}")
    form = SecondFactorCodeForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            second_factor.second_factor_verify(request=request, code=form.cleaned_data["code"])
        except ValidationError as error:
            attach_model_errors(form, error)
        else:
            return redirect(_next_url(request))
    return render(
        request,
        "registration/second_factor_verify.html",
        {"form": form, "next": request.POST.get("next") or request.GET.get("next", "")},
    )


@second_factor_exempt
def second_factor_setup(request):
    """Set up an authenticator app: a QR code and the key as text, then a code to confirm."""
    if second_factor.has_app(request.user):
        if second_factor.needed(request) and not second_factor.satisfied(request):
            return redirect(
                f"{reverse('accounts:second_factor_verify')}?{request.GET.urlencode()}"
            )
        return redirect("accounts:second_factor")
    device = second_factor.app_device_start(user=request.user)
    form = SecondFactorCodeForm(request.POST if request.method == "POST" else None, recovery=False)
    if request.method == "POST" and form.is_valid():
        try:
            codes = second_factor.app_device_confirm(
                request=request, device=device, code=form.cleaned_data["code"]
            )
        except ValidationError as error:
            attach_model_errors(form, error)
        else:
            request.session[second_factor.NEW_CODES_KEY] = codes
            target = reverse("accounts:second_factor")
            nxt = request.POST.get("next", "")
            return redirect(f"{target}?{urlencode({'next': nxt})}" if nxt else target)
    return render(
        request,
        "registration/second_factor_setup.html",
        {
            "form": form,
            "qr_code": second_factor.qr_code_data_uri(device),
            "secret": second_factor.secret_for_manual_entry(device),
            "issuer": settings.OTP_TOTP_ISSUER,
            "required": second_factor.required_for(request.user),
            "next": request.POST.get("next") or request.GET.get("next", ""),
        },
    )


def second_factor_overview(request):
    """The person's second factor: set up or not, recovery codes left (new ones shown once)."""
    new_codes = request.session.pop(second_factor.NEW_CODES_KEY, None)
    return render(
        request,
        "accounts/second_factor.html",
        {
            "has_app": second_factor.has_app(request.user),
            "required": second_factor.required_for(request.user),
            "signed_in_with_sso": request.session.get(second_factor.SIGN_IN_METHOD_KEY)
            == second_factor.SSO,
            "codes_left": second_factor.recovery_codes_left(request.user),
            "new_codes": new_codes,
            "next": _next_url(request) if request.GET.get("next") else "",
        },
    )


@require_POST
def recovery_codes_regenerate(request):
    """New recovery codes replace the old ones; shown once on the next page."""
    if not second_factor.has_app(request.user):
        return redirect("accounts:second_factor_setup")
    codes = second_factor.recovery_codes_regenerate(user=request.user)
    request.session[second_factor.NEW_CODES_KEY] = codes
    return redirect("accounts:second_factor")


def second_factor_reset(request, pk: int):
    """Another admin of the organisation (or a system administrator) resets a lost app."""
    target = get_object_or_404(selectors.users_for_admin(user=request.user), pk=pk)
    if not can(request.user, "accounts.change_user", target):
        raise PermissionDenied
    form = SecondFactorResetForm(
        request.POST if request.method == "POST" else None, target=target, by=request.user
    )
    if request.method == "POST" and form.is_valid():
        try:
            second_factor.second_factor_reset(
                user=target, by=request.user, reason=form.cleaned_data["reason"]
            )
        except ValidationError as error:
            attach_model_errors(form, error)
        else:
            return render(request, "accounts/second_factor_reset_done.html", {"target": target})
    return render(
        request,
        "accounts/second_factor_reset.html",
        {
            "form": form,
            "target": target,
            "has_app": second_factor.has_app(target),
            "codes_left": second_factor.recovery_codes_left(target),
            "resets": target.second_factor_resets.select_related("reset_by")[:10],
        },
    )


# --- single sign-on --------------------------------------------------------------------------
def _provider_or_404(code: str) -> sso.Provider:
    provider = sso.provider_for(code)
    if provider is None:
        raise Http404("No identity provider for this organisation")
    return provider


def _refused(request, *, title: str, status: int, provider=None, reason: str = ""):
    return render(
        request,
        "registration/sso_refused.html",
        {"title": title, "provider": provider, "reason": reason},
        status=status,
    )


@login_not_required
def sso_start(request, code: str):
    """Send the person to their organisation's identity provider."""
    provider = _provider_or_404(code)
    if request.user.is_authenticated:
        return redirect(settings.LOGIN_REDIRECT_URL)
    callback = request.build_absolute_uri(reverse("accounts:sso_callback", args=[code]))
    try:
        return sso.client_for(provider).authorize_redirect(request, callback)
    except (OAuthError, RequestException, ValueError, KeyError):
        logger.warning("identity provider unreachable: organisation %s", code)
        return _refused(request, title="unavailable", status=503, provider=provider)


@login_not_required
def sso_callback(request, code: str):
    """Back from the identity provider: map to an existing user by email and organisation."""
    provider = _provider_or_404(code)
    if request.user.is_authenticated:
        return redirect(settings.LOGIN_REDIRECT_URL)
    try:
        token = sso.client_for(provider).authorize_access_token(request)
    except (OAuthError, RequestException, ValueError, KeyError) as error:
        logger.warning("single sign-on failed: organisation %s (%s)", code, type(error).__name__)
        return _refused(request, title="failed", status=400, provider=provider)
    organisation = get_object_or_404(Organisation, code=code)
    user = sso.user_for_claims(organisation=organisation, claims=token.get("userinfo") or {})
    if user is None:
        # ids only in the log: no email address or name (special category service)
        logger.info("single sign-on refused, no matching user: organisation %s", organisation.pk)
        return _refused(request, title="no_match", status=403, provider=provider)
    login(request, user, backend="django.contrib.auth.backends.ModelBackend")
    second_factor.mark_signed_in(request, method=second_factor.SSO)
    logger.info("single sign-on: user %s", user.pk)
    return redirect(settings.LOGIN_REDIRECT_URL)
