import time

import pytest
from django.urls import reverse

from accounts.middleware import SESSION_STARTED_KEY
from accounts.models import Role
from tests.accounts.factories import TEST_PASSWORD


@pytest.fixture
def sign_in(client):
    def post(username, password):
        return client.post(reverse("accounts:login"), {"username": username, "password": password})

    return post


def test_every_page_needs_login(client, db):
    response = client.get(reverse("accounts:team_list"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:login"))


def test_sign_in_takes_the_user_home_greeted_by_role(client, sign_in, social_worker):
    response = sign_in("sw.own", TEST_PASSWORD)
    assert response.status_code == 302
    assert response["Location"] == reverse("accounts:home")
    page = client.get(reverse("accounts:home")).content.decode()
    assert f"Welcome, {social_worker.first_name}" in page
    assert "Social worker" in page
    assert "Early Permanence Team" in page


def test_wrong_password_shows_a_specific_error_and_keeps_the_username(sign_in, social_worker):
    response = sign_in("sw.own", "not-the-password")
    page = response.content.decode()
    assert response.status_code == 200
    assert "There is a problem" in page
    assert "Enter a correct username and password" in page
    assert 'value="sw.own"' in page


def test_blank_fields_are_named_in_the_error_summary(sign_in, db):
    page = sign_in("", "").content.decode()
    assert "Enter your username" in page
    assert "Enter your password" in page


def test_repeated_failures_lock_the_account_even_with_the_right_password(
    sign_in, social_worker, settings
):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        sign_in("sw.own", "wrong-password-attempt")
    response = sign_in("sw.own", TEST_PASSWORD)
    assert response.status_code == 429
    assert "Your account is locked" in response.content.decode()


def test_other_usernames_are_not_locked_by_someone_elses_failures(
    sign_in, social_worker, make_user, own_team, settings
):
    make_user(Role.TEAM_MANAGER, team=own_team, username="tm.own")
    for _ in range(settings.AXES_FAILURE_LIMIT):
        sign_in("sw.own", "wrong-password-attempt")
    assert sign_in("tm.own", TEST_PASSWORD).status_code == 302


def test_session_has_a_thirty_minute_idle_timeout(settings):
    assert settings.SESSION_COOKIE_AGE == 30 * 60
    assert settings.SESSION_SAVE_EVERY_REQUEST is True


def test_session_ends_after_its_absolute_lifetime_however_active(client, sign_in, social_worker):
    sign_in("sw.own", TEST_PASSWORD)
    assert client.get(reverse("accounts:home")).status_code == 200
    session = client.session
    session[SESSION_STARTED_KEY] = time.time() - 12 * 3600 - 1
    session.save()
    response = client.get(reverse("accounts:team_list"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:login"))
    # and the session is gone, not just redirected once
    assert client.get(reverse("accounts:home")).status_code == 302


def test_session_within_its_lifetime_continues(client, sign_in, social_worker):
    sign_in("sw.own", TEST_PASSWORD)
    session = client.session
    session[SESSION_STARTED_KEY] = time.time() - 11 * 3600
    session.save()
    assert client.get(reverse("accounts:home")).status_code == 200


def test_pages_are_not_stored_by_browsers(client_for, social_worker):
    response = client_for(social_worker).get(reverse("accounts:home"))
    assert response["Cache-Control"] == "no-store"


def test_pages_carry_a_content_security_policy_with_a_nonce_for_the_inline_script(
    client_for, social_worker
):
    response = client_for(social_worker).get(reverse("accounts:home"))
    policy = response["Content-Security-Policy"]
    assert "default-src 'self'" in policy
    assert "'unsafe-inline'" not in policy
    nonce = policy.split("'nonce-")[1].split("'")[0]
    assert f'<script nonce="{nonce}">' in response.content.decode()


def test_sign_out_ends_the_session(client, sign_in, social_worker):
    sign_in("sw.own", TEST_PASSWORD)
    assert client.post(reverse("accounts:logout")).status_code == 302
    assert client.get(reverse("accounts:home")).status_code == 302


def test_passwords_must_be_long_and_not_common(settings):
    from django.contrib.auth.password_validation import validate_password
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError):
        validate_password("password123")
    with pytest.raises(ValidationError):
        validate_password("short1!A")
    validate_password("a-long-unusual-passphrase")
