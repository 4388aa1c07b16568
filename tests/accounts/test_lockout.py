"""Sign-in lockouts behind the production proxy (issue 15 item 3): the address counted is the one
the trusted proxy saw, a client-written X-Forwarded-For does not evade the lock, the lock is on
the username and address together, and the page says the configured cool-off."""

from datetime import timedelta

import pytest
import time_machine
from django.urls import reverse
from django.utils import timezone

from accounts.client_ip import client_ip_address
from tests.accounts.factories import TEST_PASSWORD
from tests.production import production_settings

PROXY = "10.0.0.2"  # the TLS proxy in front of gunicorn: every request arrives from it
ATTACKER = "203.0.113.5"
COLLEAGUE = "198.51.100.7"


@pytest.fixture
def production_axes(settings):
    """The production settings' lockout configuration, applied to this test."""
    production = production_settings()
    for name, value in production.items():
        if name.startswith("AXES_"):
            setattr(settings, name, value)
    return production


def _sign_in(client, password, *, address, forwarded=""):
    """A sign-in as it reaches the app through the proxy: the proxy appends the address it
    received the request from to whatever X-Forwarded-For the client sent."""
    header = f"{forwarded}, {address}" if forwarded else address
    return client.post(
        reverse("accounts:login"),
        {"username": "sw.own", "password": password},
        REMOTE_ADDR=PROXY,
        HTTP_X_FORWARDED_FOR=header,
    )


def test_production_trusts_exactly_one_proxy_hop(production_axes):
    assert production_axes["AXES_IPWARE_PROXY_COUNT"] == 1
    assert production_axes["AXES_CLIENT_IP_CALLABLE"] == "accounts.client_ip.client_ip_address"
    assert production_axes["AXES_LOCKOUT_PARAMETERS"] == [["username", "ip_address"]]


def test_django_ipware_is_installed_so_the_ipware_settings_are_not_ignored():
    import ipware  # noqa: F401  (django-ipware; axes reads AXES_IPWARE_* only when it is)
    from axes import helpers

    assert helpers.IPWARE_INSTALLED


def test_the_client_is_the_address_the_trusted_proxy_appended(rf, production_axes):
    def address(forwarded):
        return client_ip_address(rf.get("/", REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR=forwarded))

    assert address(ATTACKER) == ATTACKER
    # whatever the client wrote before the proxy's entry is never believed
    assert address(f"1.2.3.4, {ATTACKER}") == ATTACKER
    assert address(f"not-an-address, 8.8.8.8, {ATTACKER}") == ATTACKER
    # reached without the proxy (no header): the peer itself
    assert client_ip_address(rf.get("/", REMOTE_ADDR=ATTACKER)) == ATTACKER


def test_embedded_mode_has_no_proxy_and_ignores_the_header(rf, settings):
    settings.AXES_IPWARE_PROXY_COUNT = 0
    settings.AXES_IPWARE_PROXY_TRUSTED_IPS = []
    request = rf.get("/", REMOTE_ADDR="127.0.0.1", HTTP_X_FORWARDED_FOR="1.2.3.4")
    assert client_ip_address(request) == "127.0.0.1"


def test_a_trusted_proxy_list_believes_the_header_only_from_that_proxy(rf, settings):
    settings.AXES_IPWARE_PROXY_COUNT = None
    settings.AXES_IPWARE_PROXY_TRUSTED_IPS = [PROXY]
    through_proxy = rf.get("/", REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR=f"1.2.3.4, {ATTACKER}")
    assert client_ip_address(through_proxy) == ATTACKER
    around_proxy = rf.get("/", REMOTE_ADDR=ATTACKER, HTTP_X_FORWARDED_FOR="1.2.3.4")
    assert client_ip_address(around_proxy) == ATTACKER


def test_a_forged_forwarded_address_does_not_evade_the_lock(
    client, social_worker, production_axes
):
    for attempt in range(production_axes["AXES_FAILURE_LIMIT"]):
        # a different forged address on every attempt: each is still the attacker's
        _sign_in(client, "wrong-password", address=ATTACKER, forwarded=f"192.0.2.{attempt}")
    response = _sign_in(client, TEST_PASSWORD, address=ATTACKER, forwarded="192.0.2.200")
    assert response.status_code == 429
    assert "Your account is locked" in response.content.decode()


def test_locking_one_address_does_not_lock_the_user_from_another(
    client, social_worker, production_axes
):
    for _ in range(production_axes["AXES_FAILURE_LIMIT"]):
        _sign_in(client, "wrong-password", address=ATTACKER)
    assert _sign_in(client, TEST_PASSWORD, address=ATTACKER).status_code == 429
    # the same user from their own desk: not locked (nor by forging the attacker's address)
    assert (
        _sign_in(client, TEST_PASSWORD, address=COLLEAGUE, forwarded=ATTACKER).status_code == 302
    )


def test_the_lockout_page_says_the_configured_cool_off(
    client, social_worker, production_axes, settings
):
    settings.AXES_COOLOFF_TIME = 0.5
    for _ in range(settings.AXES_FAILURE_LIMIT):
        _sign_in(client, "wrong-password", address=ATTACKER)
    page = _sign_in(client, TEST_PASSWORD, address=ATTACKER).content.decode()
    assert "Try again in 30 minutes" in page
    assert "1 hour" not in page


def test_failures_during_a_lockout_do_not_restart_the_cool_off(
    client, social_worker, production_axes, settings
):
    start = timezone.now()
    with time_machine.travel(start, tick=False):
        for _ in range(settings.AXES_FAILURE_LIMIT):
            _sign_in(client, "wrong-password", address=ATTACKER)
    with time_machine.travel(start + timedelta(minutes=50), tick=False):
        assert _sign_in(client, "wrong-password", address=ATTACKER).status_code == 429
    with time_machine.travel(start + timedelta(minutes=61), tick=False):
        assert _sign_in(client, TEST_PASSWORD, address=ATTACKER).status_code == 302
