"""Start node's oidc-provider (tests/oidc/provider.mjs) on a free loopback port, and walk a
person through its sign-in pages as a browser would.

Not a mock: the service discovers the provider, is sent to its authorisation endpoint, swaps the
code for tokens at its token endpoint and checks the ID token's signature with its keys.
"""

import html
import json
import re
import shutil
import subprocess
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urljoin

import pytest
import requests

SCRIPT = Path(__file__).with_name("provider.mjs")
ROOT = SCRIPT.parent.parent.parent
CLIENT_ID = "ep-tracker-test"
CLIENT_SECRET = "a-test-client-secret-for-loopback-only"


@dataclass
class RunningProvider:
    issuer: str

    def settings_for(self, code: str, label: str = "Northmoor Council account") -> dict:
        """EP_OIDC_PROVIDERS for an organisation that signs in through this provider."""
        return {
            code: {
                "issuer": self.issuer,
                "client_id": CLIENT_ID,
                "client_secret": CLIENT_SECRET,
                "label": label,
            }
        }


@contextmanager
def running_provider(*, redirect_uris: list[str], accounts: dict[str, dict]):
    """The provider with one client (these redirect URIs) and these accounts (login → claims)."""
    node = shutil.which("node")
    if node is None or not (ROOT / "node_modules" / "oidc-provider").exists():
        pytest.fail("node and the oidc-provider package are needed: run npm install")
    config = {
        "client_id": CLIENT_ID,
        "client_secret": CLIENT_SECRET,
        "redirect_uris": redirect_uris,
        "accounts": accounts,
    }
    process = subprocess.Popen(
        [node, str(SCRIPT), json.dumps(config)],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    try:
        line = process.stdout.readline()
        if not line:
            pytest.fail("the OpenID provider did not start")
        yield RunningProvider(issuer=json.loads(line)["issuer"])
    finally:
        process.terminate()
        process.wait(timeout=10)


def sign_in_at_provider(authorisation_url: str, *, login: str, back_to: str) -> str:
    """Follow the provider's pages (its login form, then its consent form) as the person
    ``login``, until it sends the browser back to ``back_to``; return that address."""
    session = requests.Session()
    url = authorisation_url
    for _ in range(12):
        if url.startswith(back_to):
            return url
        response = session.get(url, allow_redirects=False, timeout=10)
        if response.is_redirect:
            url = urljoin(url, response.headers["Location"])
            continue
        action = re.search(r'<form[^>]*action="([^"]+)"', response.text)
        prompt = re.search(r'name="prompt" value="(\w+)"', response.text)
        assert action, f"unexpected page from the provider: {response.text[:500]}"
        assert prompt, f"unexpected page from the provider: {response.text[:500]}"
        data = {"prompt": prompt.group(1)}
        if data["prompt"] == "login":
            data |= {"login": login, "password": "not-checked-by-the-test-provider"}
        response = session.post(
            urljoin(url, html.unescape(action.group(1))),
            data=data,
            allow_redirects=False,
            timeout=10,
        )
        assert response.is_redirect, response.text[:500]
        url = urljoin(url, response.headers["Location"])
    raise AssertionError("the provider never sent the browser back")
