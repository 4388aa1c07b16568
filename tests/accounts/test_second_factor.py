"""The second factor: mandatory for admins and system administrators, switched on for everyone
by the organisation's setting, set up with a QR code, asked for after the password, with
recovery codes that work once, and reset only by another admin (recorded)."""

import pytest
from django.test import Client
from django.urls import reverse
from django_otp.plugins.otp_static.models import StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from accounts import second_factor
from accounts.admin_site import SecondFactorAdminSite
from accounts.models import Role, SecondFactorReset
from tests.accounts.factories import TEST_PASSWORD, UserFactory
from tests.accounts.second_factor import app_for, totp_now
from tests.helpers import field_error


def password_sign_in(user, next_url: str = "") -> Client:
    """A browser's session after the password step only."""
    client = Client()
    data = {"username": user.username, "password": TEST_PASSWORD}
    if next_url:
        data["next"] = next_url
    response = client.post(reverse("accounts:login"), data)
    assert response.status_code == 302, response.content.decode()[:400]
    return client


def lands_on(client: Client, url: str) -> str:
    response = client.get(url)
    assert response.status_code == 302
    return response["Location"]


@pytest.fixture
def admin(make_user, own_team):
    return make_user(Role.ADMIN, team=own_team, username="admin.own")


@pytest.fixture
def second_admin(make_user, own_team):
    return make_user(Role.ADMIN, team=own_team, username="admin.two")


# --- who needs it ----------------------------------------------------------------------------
def test_an_admin_must_set_up_an_app_before_seeing_any_page(admin):
    client = password_sign_in(admin)
    setup = reverse("accounts:second_factor_setup")
    for url in (
        reverse("accounts:home"),
        reverse("accounts:team_list"),
        reverse("children:list"),
        reverse("admin:index"),
        reverse("accounts:people_search"),
    ):
        assert lands_on(client, url).startswith(f"{setup}?next="), url
    assert client.get(setup).status_code == 200


def test_a_system_administrator_must_set_up_an_app_too(db):
    superuser = UserFactory(username="root", organisation=None, is_superuser=True, is_staff=True)
    client = password_sign_in(superuser)
    assert lands_on(client, reverse("admin:index")).startswith(
        reverse("accounts:second_factor_setup")
    )


def test_a_social_worker_is_not_asked_unless_the_organisation_asks_everyone(social_worker):
    client = password_sign_in(social_worker)
    assert client.get(reverse("accounts:home")).status_code == 200
    social_worker.organisation.require_second_factor = True
    social_worker.organisation.save()
    assert lands_on(client, reverse("accounts:home")).startswith(
        reverse("accounts:second_factor_setup")
    )


def test_the_organisation_setting_asks_every_role(own_team, make_user):
    own_team.organisation.require_second_factor = True
    own_team.organisation.save()
    for role in Role.values:
        user = make_user(role, team=own_team, username=f"{role}.asked")
        assert second_factor.required_for(user), role


def test_another_organisations_setting_asks_nothing_of_ours(social_worker, other_org):
    other_org.require_second_factor = True
    other_org.save()
    assert not second_factor.required_for(social_worker)


def test_the_django_admin_itself_refuses_an_admin_without_the_second_factor(admin, settings):
    """Even without the middleware, the admin site asks for the verified second factor."""
    from django.contrib import admin as django_admin

    settings.MIDDLEWARE = [
        m for m in settings.MIDDLEWARE if m != "accounts.middleware.SecondFactorRequiredMiddleware"
    ]
    client = password_sign_in(admin)
    response = client.get(reverse("admin:index"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("admin:login"))
    assert isinstance(django_admin.site, SecondFactorAdminSite)


def test_sign_out_works_before_the_second_factor(admin):
    client = password_sign_in(admin)
    assert client.post(reverse("accounts:logout")).status_code == 302
    assert lands_on(client, reverse("accounts:home")).startswith(reverse("accounts:login"))


# --- setting up the app ----------------------------------------------------------------------
def test_the_setup_page_shows_a_qr_code_and_the_key_as_text(admin):
    client = password_sign_in(admin)
    page = client.get(reverse("accounts:second_factor_setup")).content.decode()
    device = TOTPDevice.objects.get(user=admin, confirmed=False)
    assert 'src="data:image/svg+xml;base64,' in page
    assert second_factor.secret_for_manual_entry(device) in page
    # the same key until it is confirmed: reloading does not change what was scanned
    client.get(reverse("accounts:second_factor_setup"))
    assert TOTPDevice.objects.filter(user=admin).count() == 1


def test_a_wrong_code_does_not_confirm_the_app(admin):
    client = password_sign_in(admin)
    client.get(reverse("accounts:second_factor_setup"))
    response = client.post(reverse("accounts:second_factor_setup"), {"code": "000000"})
    html = response.content.decode()
    assert response.status_code == 200
    assert field_error(
        html, "code", "The code is not right. Enter the 6-digit code your app shows now"
    )
    assert 'value="000000"' in html
    assert not TOTPDevice.objects.filter(user=admin, confirmed=True).exists()
    assert not StaticToken.objects.filter(device__user=admin).exists()


def test_a_blank_code_is_named(admin):
    client = password_sign_in(admin)
    response = client.post(reverse("accounts:second_factor_setup"), {"code": ""})
    assert field_error(
        response.content.decode(), "code", "Enter the code from your authenticator app"
    )


def test_setting_up_shows_the_recovery_codes_once_and_opens_the_service(admin):
    client = password_sign_in(admin, next_url=reverse("accounts:team_list"))
    setup = lands_on(client, reverse("accounts:team_list"))
    client.get(setup)
    device = TOTPDevice.objects.get(user=admin, confirmed=False)
    response = client.post(
        reverse("accounts:second_factor_setup"),
        {"code": totp_now(device), "next": reverse("accounts:team_list")},
    )
    assert response.status_code == 302
    page = client.get(response["Location"]).content.decode()
    codes = list(StaticToken.objects.filter(device__user=admin).values_list("token", flat=True))
    assert len(codes) == second_factor.RECOVERY_CODE_COUNT
    assert "You will not see these codes again" in page
    assert all(code in page for code in codes)
    assert f'href="{reverse("accounts:team_list")}"' in page  # continue to what was asked for
    # shown once
    again = client.get(reverse("accounts:second_factor")).content.decode()
    assert not any(code in again for code in codes)
    assert client.get(reverse("accounts:team_list")).status_code == 200


def test_someone_with_an_app_cannot_replace_it_with_only_their_password(admin):
    app_for(admin)
    client = password_sign_in(admin)
    response = client.get(reverse("accounts:second_factor_setup"))
    assert response["Location"].startswith(reverse("accounts:second_factor_verify"))
    assert TOTPDevice.objects.filter(user=admin).count() == 1


# --- the code after the password -------------------------------------------------------------
def test_an_admin_with_an_app_enters_its_code_after_the_password(admin):
    device = app_for(admin)
    client = password_sign_in(admin)
    verify = lands_on(client, reverse("accounts:home"))
    assert verify.startswith(reverse("accounts:second_factor_verify"))
    wrong = client.post(reverse("accounts:second_factor_verify"), {"code": "123456"})
    assert field_error(
        wrong.content.decode(), "code", "The code is not right. Enter the code your app shows now"
    )
    assert lands_on(client, reverse("accounts:home")).startswith(verify.split("?")[0])
    right = client.post(
        reverse("accounts:second_factor_verify"),
        {"code": totp_now(device), "next": reverse("accounts:team_list")},
    )
    assert right["Location"] == reverse("accounts:team_list")
    assert client.get(reverse("accounts:home")).status_code == 200


def test_the_code_page_does_not_send_on_to_another_site(admin):
    device = app_for(admin)
    client = password_sign_in(admin)
    response = client.post(
        reverse("accounts:second_factor_verify"),
        {"code": totp_now(device), "next": "https://elsewhere.example/"},
    )
    assert response["Location"] == reverse("accounts:home")


def test_a_person_who_chose_an_app_is_asked_for_it_too(social_worker):
    app_for(social_worker)
    client = password_sign_in(social_worker)
    assert lands_on(client, reverse("accounts:home")).startswith(
        reverse("accounts:second_factor_verify")
    )


def test_a_recovery_code_works_once(admin):
    app_for(admin)
    codes = second_factor.recovery_codes_regenerate(user=admin)
    client = password_sign_in(admin)
    response = client.post(reverse("accounts:second_factor_verify"), {"code": codes[0]})
    assert response.status_code == 302
    assert client.get(reverse("accounts:home")).status_code == 200
    assert second_factor.recovery_codes_left(admin) == second_factor.RECOVERY_CODE_COUNT - 1
    # the same code again, in a new sign-in, is refused
    again = password_sign_in(admin)
    refused = again.post(reverse("accounts:second_factor_verify"), {"code": codes[0]})
    assert refused.status_code == 200
    assert "The code is not right" in refused.content.decode()
    assert lands_on(again, reverse("accounts:home")).startswith(
        reverse("accounts:second_factor_verify")
    )


def test_new_recovery_codes_replace_the_old_ones(admin, client_for):
    app_for(admin)
    old = second_factor.recovery_codes_regenerate(user=admin)
    client = client_for(admin)
    response = client.post(reverse("accounts:recovery_codes"))
    assert response["Location"] == reverse("accounts:second_factor")
    page = client.get(reverse("accounts:second_factor")).content.decode()
    new = list(StaticToken.objects.filter(device__user=admin).values_list("token", flat=True))
    assert len(new) == second_factor.RECOVERY_CODE_COUNT
    assert all(code in page for code in new)
    assert not set(old) & set(new)
    fresh = password_sign_in(admin)
    assert (
        fresh.post(reverse("accounts:second_factor_verify"), {"code": old[1]}).status_code == 200
    )


def test_recovery_codes_cannot_be_renewed_with_only_the_password(admin):
    app_for(admin)
    client = password_sign_in(admin)
    response = client.post(reverse("accounts:recovery_codes"))
    assert response["Location"].startswith(reverse("accounts:second_factor_verify"))
    assert not StaticToken.objects.filter(device__user=admin).exists()


# --- a lost phone: reset by another admin ----------------------------------------------------
def test_a_user_cannot_reset_their_own_second_factor(admin, client_for):
    app_for(admin)
    client = client_for(admin)
    url = reverse("accounts:second_factor_reset", args=[admin.pk])
    response = client.post(url, {"reason": "Lost my phone"})
    assert response.status_code == 200
    assert "You cannot reset your own second factor" in response.content.decode()
    assert "Lost my phone" in response.content.decode()
    assert TOTPDevice.objects.filter(user=admin, confirmed=True).exists()
    assert not SecondFactorReset.objects.exists()


def test_the_reset_rule_refuses_the_person_themselves():
    person = UserFactory.build(pk=7)
    errors = second_factor.second_factor_reset_errors(user=person, by=person)
    assert "You cannot reset your own second factor" in errors.as_dict()[None]


def test_another_admin_resets_a_lost_app_and_it_is_recorded(admin, second_admin, client_for):
    app_for(admin)
    second_factor.recovery_codes_regenerate(user=admin)
    client = client_for(second_admin)
    url = reverse("accounts:second_factor_reset", args=[admin.pk])
    blank = client.post(url, {"reason": ""})
    assert field_error(
        blank.content.decode(), "reason", "Enter why the second factor is being reset"
    )
    assert TOTPDevice.objects.filter(user=admin).exists()
    response = client.post(url, {"reason": "Phone lost, checked by call back"})
    assert response.status_code == 200
    assert "Second factor reset" in response.content.decode()
    assert not TOTPDevice.objects.filter(user=admin).exists()
    assert not StaticToken.objects.filter(device__user=admin).exists()
    record = SecondFactorReset.objects.get()
    assert (record.user, record.reset_by) == (admin, second_admin)
    assert record.reason == "Phone lost, checked by call back"
    # at the next sign-in the admin sets up a new app
    fresh = password_sign_in(admin)
    assert lands_on(fresh, reverse("accounts:home")).startswith(
        reverse("accounts:second_factor_setup")
    )


def test_a_reset_ends_a_session_verified_by_the_old_app(admin, second_admin, client_for):
    session_of_admin = client_for(admin)
    assert session_of_admin.get(reverse("accounts:home")).status_code == 200
    second_factor.second_factor_reset(user=admin, by=second_admin, reason="Phone stolen")
    assert lands_on(session_of_admin, reverse("accounts:home")).startswith(
        reverse("accounts:second_factor_setup")
    )


def test_only_admins_of_the_organisation_reset(admin, make_user, own_team, other_team, client_for):
    url = reverse("accounts:second_factor_reset", args=[admin.pk])
    manager = make_user(Role.TEAM_MANAGER, team=own_team)
    other_admin = make_user(Role.ADMIN, team=other_team)
    assert client_for(manager).get(url).status_code == 403
    assert client_for(other_admin).get(url).status_code == 404
    assert client_for(other_admin).post(url, {"reason": "x"}).status_code == 404
    root = UserFactory(organisation=None, is_superuser=True, is_staff=True)
    assert client_for(root).get(url).status_code == 200


def test_an_organisation_admin_cannot_reset_a_system_administrator(admin, client_for):
    root = UserFactory(organisation=admin.organisation, is_superuser=True, is_staff=True)
    url = reverse("accounts:second_factor_reset", args=[root.pk])
    assert client_for(admin).get(url).status_code == 404
    errors = second_factor.second_factor_reset_errors(user=root, by=admin)
    assert errors


# --- the organisation's setting, in the Django admin -----------------------------------------
def test_an_organisation_admin_switches_the_second_factor_on_for_everyone(admin, client_for):
    org = admin.organisation
    client = client_for(admin)
    url = reverse("admin:accounts_organisation_change", args=[org.pk])
    page = client.get(url)
    assert page.status_code == 200
    response = client.post(
        url, {"require_second_factor": "on", "name": "Renamed", "code": "999", "kind": "vaa"}
    )
    assert response.status_code == 302
    org.refresh_from_db()
    assert org.require_second_factor is True
    # the rest of the organisation is not theirs to change
    assert (org.name, org.code, org.kind) == ("Northmoor Council", "901", "la")


def test_an_organisation_admin_cannot_change_another_organisation(admin, other_org, client_for):
    url = reverse("admin:accounts_organisation_change", args=[other_org.pk])
    client_for(admin).post(url, {"require_second_factor": "on"})
    other_org.refresh_from_db()
    assert other_org.require_second_factor is False


def test_the_admin_shows_resets_to_the_organisations_admins_only(
    admin, second_admin, make_user, other_team, client_for
):
    second_factor.second_factor_reset(user=admin, by=second_admin, reason="Phone lost")
    url = reverse("admin:accounts_secondfactorreset_changelist")
    assert "Phone lost" in client_for(second_admin).get(url).content.decode()
    other_admin = make_user(Role.ADMIN, team=other_team)
    assert "Phone lost" not in client_for(other_admin).get(url).content.decode()


def test_the_admins_user_page_shows_the_second_factor_and_the_way_to_reset_it(
    admin, second_admin, client_for
):
    app_for(admin)
    url = reverse("admin:accounts_user_change", args=[admin.pk])
    page = client_for(second_admin).get(url).content.decode()
    assert "Authenticator app set up" in page
    assert reverse("accounts:second_factor_reset", args=[admin.pk]) in page


def test_the_home_page_leads_to_the_second_factor_page(client_for, social_worker):
    page = client_for(social_worker).get(reverse("accounts:home")).content.decode()
    assert reverse("accounts:second_factor") in page
