"""The client's address for sign-in lockouts, behind a known number of trusted proxies.

A proxy appends the address it received the request from to ``X-Forwarded-For``; the proxy
nearest the app is the one in ``REMOTE_ADDR``. So the full chain is ``X-Forwarded-For`` followed
by ``REMOTE_ADDR``, and with N trusted hops the client is the (N+1)th address from the right.
Everything further left was written by the client and is never believed.

django-ipware's ``get_client_ip`` (what django-axes calls when it is installed) reads the header
alone and in strict mode: with ``AXES_IPWARE_PROXY_COUNT = 1`` and one proxy that appends, it
would take the client-supplied left-hand entry (a different address on every attempt, never
locked), and with 0 any client-supplied entry would send the attempt to the proxy's own address.
So axes calls this function (``AXES_CLIENT_IP_CALLABLE``), which hands python-ipware (django-
ipware's engine) the whole chain with the same ``AXES_IPWARE_*`` settings.
"""

from django.conf import settings
from django.http import HttpRequest
from python_ipware import IpWare


def client_ip_address(request: HttpRequest) -> str | None:
    """The address the outermost trusted proxy saw, or the peer's address without a proxy."""
    remote = request.META.get("REMOTE_ADDR") or None
    count = settings.AXES_IPWARE_PROXY_COUNT
    trusted = settings.AXES_IPWARE_PROXY_TRUSTED_IPS or None
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
    if not (count or trusted) or not forwarded or remote is None:
        return remote
    chain = {"HTTP_X_FORWARDED_FOR": f"{forwarded}, {remote}"}
    ipware = IpWare(
        precedence=("HTTP_X_FORWARDED_FOR",),
        leftmost=True,
        proxy_count=count,
        proxy_list=list(trusted) if trusted else None,
    )
    # not strict: the client may have put anything on the left; only the trusted hops count
    address, _trusted_route = ipware.get_client_ip(chain, strict=False)
    # a chain too short for the trusted hops (or not through the trusted proxy): the peer itself
    return str(address) if address is not None else remote
