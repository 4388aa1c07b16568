"""Signing test clients in as people who need a second factor.

``force_login`` gives a session that has shown a password only: for an admin or a system
administrator (or anyone in an organisation that asks for a second factor) every page then
sends them to the code page, as it should. The access matrix, the axe check and most tests are
about what a fully signed-in person sees, so their clients also show the second factor, as
django-otp records it: a confirmed authenticator app of the user's, named in the session.
The second factor's own tests use a plain ``django.test.Client``.
"""

from django.test import Client
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

from accounts import second_factor


def app_for(user) -> TOTPDevice:
    """The user's confirmed authenticator app (made if they have none)."""
    device = TOTPDevice.objects.filter(user=user, confirmed=True).first()
    return device or TOTPDevice.objects.create(
        user=user, name=second_factor.APP_DEVICE_NAME, confirmed=True
    )


def totp_now(device: TOTPDevice) -> str:
    """The code the person's authenticator app shows now (RFC 6238), computed from the key."""
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    return f"{totp.token():0{device.digits}d}"


def show_second_factor(client: Client, user) -> None:
    """Mark the client's session as having shown the user's authenticator app."""
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = app_for(user).persistent_id
    session[second_factor.SIGN_IN_METHOD_KEY] = second_factor.PASSWORD
    session.save()


class SignedInClient(Client):
    """A test client whose ``force_login`` is a full sign-in: password and, for those who need
    one, the second factor."""

    def force_login(self, user, backend=None):
        super().force_login(user, backend)
        # asked of a fresh copy: the test's own user object keeps the caches it had (its roles,
        # its organisation), so that a test counting queries around a sign-in counts the same
        # in every round
        fresh = type(user).objects.get(pk=user.pk)
        if second_factor.required_for(fresh):
            show_second_factor(self, fresh)
