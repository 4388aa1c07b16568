"""The second factor: a time-based one-time password (TOTP) from an authenticator app, with
single-use recovery codes (django-otp's TOTP and static-token plugins; docs/sign-in.md).

Who needs one: every admin and system administrator, and everyone in an organisation that asks
for it (``Organisation.require_second_factor``), plus anyone who chose to set one up. A person
who signed in through their organisation's identity provider has used its multi-factor
authentication instead, and is not asked again.
"""

import base64
import logging
from io import BytesIO

import qrcode
import qrcode.image.svg
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp import login as otp_login
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from .errors import Errors
from .models import Role, SecondFactorReset, User

logger = logging.getLogger(__name__)

# How the session was signed in: a password (then a second factor may be due) or the
# organisation's identity provider (its multi-factor authentication counts).
SIGN_IN_METHOD_KEY = "_ep_sign_in_method"
PASSWORD = "password"
SSO = "oidc"
# Set at a password sign-in for someone who set up a second factor without being asked to.
CHOSEN_KEY = "_ep_second_factor_chosen"
# Recovery codes just made, shown once on the next page and then forgotten.
NEW_CODES_KEY = "_ep_new_recovery_codes"
RECOVERY_CODE_COUNT = 10
APP_DEVICE_NAME = "Authenticator app"
RECOVERY_DEVICE_NAME = "Recovery codes"


def required_for(user: User) -> bool:
    """The organisation's rules ask this person for a second factor (ASVS 4.0 2.8, level 2)."""
    if user.is_superuser or user.has_role(Role.ADMIN):
        return True
    organisation = user.organisation
    return bool(organisation is not None and organisation.require_second_factor)


def needed(request) -> bool:
    """This session must show a second factor before it may open the service's pages."""
    return required_for(request.user) or bool(request.session.get(CHOSEN_KEY))


def satisfied(request) -> bool:
    """The session has shown a second factor, or came through the identity provider's MFA."""
    if request.session.get(SIGN_IN_METHOD_KEY) == SSO:
        return True
    is_verified = getattr(request.user, "is_verified", None)
    return bool(is_verified and is_verified())


# --- reads -----------------------------------------------------------------------------------
def app_device(user: User) -> TOTPDevice | None:
    """The person's confirmed authenticator app, if they have set one up."""
    return TOTPDevice.objects.filter(user=user, confirmed=True).first()


def has_app(user: User) -> bool:
    return TOTPDevice.objects.filter(user=user, confirmed=True).exists()


def recovery_codes_left(user: User) -> int:
    return StaticToken.objects.filter(device__user=user, device__confirmed=True).count()


def secret_for_manual_entry(device: TOTPDevice) -> str:
    """The key as authenticator apps ask for it: base32, in groups of four."""
    text = base64.b32encode(device.bin_key).decode().rstrip("=")
    return " ".join(text[i : i + 4] for i in range(0, len(text), 4))


def qr_code_data_uri(device: TOTPDevice) -> str:
    """The ``otpauth://`` address as an SVG QR code, drawn on the server (no JavaScript)."""
    image = qrcode.make(
        device.config_url, image_factory=qrcode.image.svg.SvgPathImage, box_size=8, border=2
    )
    buffer = BytesIO()
    image.save(buffer)
    return "data:image/svg+xml;base64," + base64.b64encode(buffer.getvalue()).decode()


# --- writes ----------------------------------------------------------------------------------
@transaction.atomic
def app_device_start(*, user: User) -> TOTPDevice:
    """The authenticator app being set up: the same key until it is confirmed with a code."""
    if has_app(user):
        raise PermissionDenied("already has an authenticator app")
    device = TOTPDevice.objects.filter(user=user, confirmed=False).first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name=APP_DEVICE_NAME, confirmed=False)
    return device


def app_device_confirm_errors(*, device: TOTPDevice, code: str) -> Errors:
    """The code from the app must match the key being set up."""
    errors = Errors()
    if not device.verify_token(_digits(code)):
        errors.add("code", "The code is not right. Enter the 6-digit code your app shows now")
    return errors


@transaction.atomic
def app_device_confirm(*, request, device: TOTPDevice, code: str) -> list[str]:
    """Confirm the app with a code from it, count the session as verified, and return a fresh
    set of recovery codes (to be shown once)."""
    app_device_confirm_errors(device=device, code=code).raise_any()
    device.confirmed = True
    device.save(update_fields=["confirmed"])
    otp_login(request, device)
    logger.info("second factor set up: user %s", device.user_id)
    return recovery_codes_regenerate(user=device.user)


@transaction.atomic
def recovery_codes_regenerate(*, user: User) -> list[str]:
    """Replace the person's recovery codes with new ones; each works once."""
    device, _ = StaticDevice.objects.get_or_create(
        user=user, name=RECOVERY_DEVICE_NAME, defaults={"confirmed": True}
    )
    device.token_set.all().delete()
    codes = [StaticToken.random_token() for _ in range(RECOVERY_CODE_COUNT)]
    StaticToken.objects.bulk_create([StaticToken(device=device, token=c) for c in codes])
    logger.info("recovery codes made: user %s", user.pk)
    return codes


def verify_errors(*, user: User, code: str) -> tuple[Errors, object | None]:
    """A code from the app, or one of the recovery codes (used up by this), proves the second
    factor. Wrong codes slow down: django-otp's throttling doubles the wait after each."""
    errors = Errors()
    token = code.strip().replace(" ", "").replace("-", "").lower()
    if not token:
        errors.add("code", "Enter the code from your authenticator app, or a recovery code")
        return errors, None
    device = None
    app = app_device(user)
    if app is not None and token.isdigit():
        allowed, _ = app.verify_is_allowed()
        if not allowed:
            errors.add("code", "Too many wrong codes. Wait a minute, then try again")
            return errors, None
        if app.verify_token(token):
            device = app
    if device is None:
        for static in StaticDevice.objects.filter(user=user, confirmed=True):
            allowed, _ = static.verify_is_allowed()
            if allowed and static.verify_token(token):  # deletes the code: it works once
                device = static
                break
    if device is None:
        errors.add("code", "The code is not right. Enter the code your app shows now")
    return errors, device


@transaction.atomic
def second_factor_verify(*, request, code: str) -> object:
    """Check the code and count the session as verified by the device that matched."""
    errors, device = verify_errors(user=request.user, code=code)
    errors.raise_any()
    otp_login(request, device)
    logger.info("second factor verified: user %s", request.user.pk)
    return device


def second_factor_reset_errors(*, user: User, by: User) -> Errors:
    """Only another admin of the person's organisation, or a system administrator, resets a
    second factor: never the person themselves (their password alone would then be enough)."""
    errors = Errors()
    if user.pk == by.pk:
        errors.add(
            None,
            "You cannot reset your own second factor. Ask another admin of your organisation",
        )
    elif user.is_superuser and not by.is_superuser:
        errors.add(None, "Only a system administrator can reset a system administrator's")
    elif not (
        by.is_superuser or (by.has_role(Role.ADMIN) and by.organisation_id == user.organisation_id)
    ):
        errors.add(
            None, "Only an admin of the person's organisation can reset their second factor"
        )
    return errors


@transaction.atomic
def second_factor_reset(*, user: User, by: User, reason: str) -> SecondFactorReset:
    """Remove the person's authenticator app and recovery codes, so that they set up a new
    app at their next sign-in; recorded with who did it and why."""
    errors = second_factor_reset_errors(user=user, by=by)
    if not reason.strip():
        errors.add("reason", "Enter why the second factor is being reset")
    errors.raise_any()
    TOTPDevice.objects.filter(user=user).delete()
    StaticDevice.objects.filter(user=user).delete()
    record = SecondFactorReset.objects.create(user=user, reset_by=by, reason=reason.strip())
    logger.info("second factor reset: user %s by %s", user.pk, by.pk)
    return record


def mark_signed_in(request, *, method: str) -> None:
    """Remember how this session signed in (after ``django.contrib.auth.login``)."""
    request.session[SIGN_IN_METHOD_KEY] = method
    request.session.pop(DEVICE_ID_SESSION_KEY, None)
    request.session.pop(CHOSEN_KEY, None)
    if method == PASSWORD and has_app(request.user):
        request.session[CHOSEN_KEY] = True


def _digits(code: str) -> str:
    return code.strip().replace(" ", "").replace("-", "")
