"""Single sign-on through an organisation's own identity provider (OpenID Connect, with
Authlib's Django client; docs/sign-in.md).

Each provider belongs to one organisation and is configured in ``settings.EP_OIDC_PROVIDERS``
by the organisation's code. Whoever signs in is mapped to an EXISTING active user of that
organisation by email; no account is ever created here, and a person of another organisation
with the same email is never matched. The provider's own multi-factor authentication stands in
for the service's second factor.
"""

import logging
from dataclasses import dataclass
from functools import lru_cache

from authlib.integrations.django_client import OAuth
from django.conf import settings

from .models import Organisation, User

logger = logging.getLogger(__name__)

SCOPE = "openid email profile"


@dataclass(frozen=True)
class Provider:
    organisation_code: str
    issuer: str
    client_id: str
    client_secret: str
    label: str

    @property
    def name(self) -> str:
        return f"org-{self.organisation_code}"


def providers() -> dict[str, Provider]:
    """Configured providers by organisation code."""
    found = {}
    for code, config in (settings.EP_OIDC_PROVIDERS or {}).items():
        found[str(code)] = Provider(
            organisation_code=str(code),
            issuer=config["issuer"].rstrip("/"),
            client_id=config["client_id"],
            client_secret=config["client_secret"],
            label=config.get("label") or "your organisation's account",
        )
    return found


def provider_for(code: str) -> Provider | None:
    return providers().get(code)


def organisation_uses_sso(organisation_id: int | None) -> Provider | None:
    """The provider of a user's organisation, if it signs in through one."""
    if organisation_id is None or not settings.EP_OIDC_PROVIDERS:
        return None
    code = Organisation.objects.filter(pk=organisation_id).values_list("code", flat=True).first()
    return provider_for(code) if code else None


@lru_cache(maxsize=32)
def client_for(provider: Provider):
    """Authlib's client for the provider: discovery from the issuer, PKCE, and the ID token
    checked (signature from the provider's keys, issuer, audience, expiry, nonce)."""
    registry = OAuth()
    return registry.register(
        name=provider.name,
        client_id=provider.client_id,
        client_secret=provider.client_secret,
        server_metadata_url=f"{provider.issuer}/.well-known/openid-configuration",
        client_kwargs={"scope": SCOPE, "code_challenge_method": "S256", "timeout": 10},
    )


def user_for_claims(*, organisation: Organisation, claims: dict) -> User | None:
    """The one active user of this organisation whose email the provider vouches for; None when
    there is no such user (or, ambiguous, more than one). Never a user of another organisation,
    never a system administrator."""
    email = (claims.get("email") or "").strip()
    if not email or claims.get("email_verified") is False:
        return None
    matches = list(
        User.objects.filter(
            organisation=organisation,
            email__iexact=email,
            is_active=True,
            is_superuser=False,
        )[:2]
    )
    return matches[0] if len(matches) == 1 else None
