"""Headers on every response and the embedded mode's private files (issue 15 item 9)."""

import stat

import pytest
from django.urls import reverse

from tests.production import SETTINGS

POLICY = "camera=(), microphone=(), geolocation=(), payment=(), usb=()"


def _assert_headers(response):
    assert response["Permissions-Policy"] == POLICY
    assert response["Cross-Origin-Resource-Policy"] == "same-origin"


@pytest.mark.parametrize(
    "url",
    [
        reverse("accounts:login"),  # a page anyone opens
        reverse("accounts:home"),  # a redirect to sign in
        "/no-such-page/",
        "/static/build/app.css",  # WhiteNoise
    ],
)
def test_every_response_turns_off_browser_features_and_cross_origin_loading(client, db, url):
    _assert_headers(client.get(url))


def test_signed_in_pages_and_downloads_carry_the_headers(client_for, social_worker):
    _assert_headers(client_for(social_worker).get(reverse("accounts:team_list")))


def test_embedded_mode_keeps_var_and_the_sqlite_file_private(tmp_path):
    """The settings, read as `make run` reads them, create var/ 0700 and the database 0600."""
    import os
    import runpy
    from unittest import mock

    var = tmp_path / "var"
    environ = {"DJANGO_ENV": "embedded", "EP_VAR_DIR": str(var)}
    with mock.patch.dict(os.environ, environ):
        os.environ.pop("DATABASE_URL", None)
        os.environ.pop("DJANGO_SECRET_KEY", None)
        os.environ.pop("CELERY_BROKER_URL", None)
        previous = os.umask(0o022)
        try:
            values = runpy.run_path(str(SETTINGS))
        finally:
            os.umask(previous)
    database = var / "ep_tracker.sqlite3"
    assert values["DATABASES"]["default"]["NAME"] == str(database)
    assert stat.S_IMODE(var.stat().st_mode) == 0o700
    assert stat.S_IMODE(database.stat().st_mode) == 0o600
    assert stat.S_IMODE((var / "secret_key").stat().st_mode) == 0o600
