"""Before showing their second factor, an admin or a system administrator sees no page of the
service, the Django admin's included: every page of the access matrix that needs a signed-in
person sends them to set up their authenticator app, and a POST changes nothing."""

import pytest
from django.db import transaction
from django.test import Client
from django.test.utils import override_settings
from django.urls import reverse

from tests.access_matrix import all_pages, build_world

PAGES = all_pages()
# the pages that ask for the second factor, and sign-out, are open before it
OPEN_BEFORE = {
    "accounts:logout",
    "accounts:second_factor_setup",
    "accounts:second_factor_verify",
}
GUARDED = sorted(
    name for name, page in PAGES.items() if page.anonymous == 302 and name not in OPEN_BEFORE
)


@pytest.fixture(scope="module")
def world(django_db_setup, django_db_blocker):
    hasher = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    with django_db_blocker.unblock(), override_settings(PASSWORD_HASHERS=hasher):
        with transaction.atomic():
            yield build_world()
            transaction.set_rollback(True)


def test_the_guarded_list_is_most_of_the_service():
    assert len(GUARDED) > 30
    assert "admin:index" in GUARDED


@pytest.mark.parametrize("role", ["admin", "superuser"])
def test_every_page_sends_them_to_set_up_the_second_factor_first(world, db, role):
    user = world.user(role)
    client = Client()  # a password-only session: no second factor shown
    client.force_login(user)
    setup = reverse("accounts:second_factor_setup")
    wrong = []
    for name in GUARDED:
        page = PAGES[name]
        url = reverse(name, kwargs=page.kwargs(world) if page.kwargs else None)
        with transaction.atomic():
            response = getattr(client, page.method)(url)
            transaction.set_rollback(True)
        if response.status_code != 302 or not response["Location"].startswith(setup):
            wrong.append(f"{name}: {response.status_code} {response.get('Location', '')}")
    assert not wrong, "\n".join(wrong)
