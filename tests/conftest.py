"""Shared fixtures: two organisations, a user for every role in each, and a signed-in client."""

import pytest
import time_machine
from django.test import Client

from accounts.models import OrganisationKind, Role
from tests.accounts.factories import OrganisationFactory, TeamFactory, UserFactory


@pytest.fixture(autouse=True)
def _fast_password_hasher(settings):
    # Hashing cost is not what these tests are about; PBKDF2 would dominate the run time.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def _reference_data(request):
    """Reference data installed by data migrations, present in every database test.

    Tests on a live server (``transactional_db``) flush every table when they end, the seeded
    rows included; without this a later test on the same worker would find them gone.
    """
    names = set(request.fixturenames)
    if "transactional_db" in names:
        request.getfixturevalue("transactional_db")
    elif "db" in names or request.node.get_closest_marker("django_db"):
        request.getfixturevalue("db")
    else:
        return
    from importlib import import_module

    from django.apps import apps

    from children.models import PracticeStandardItem

    if not PracticeStandardItem.objects.exists():
        import_module("children.migrations.0002_practice_standard_items").install(apps, None)


@pytest.fixture
def _frozen_today():
    """Freeze the clock on tests.helpers.TODAY: ``pytestmark =
    pytest.mark.usefixtures("_frozen_today")`` in a module whose dates are relative to it."""
    from tests.helpers import TODAY

    with time_machine.travel(TODAY, tick=False):
        yield


@pytest.fixture
def own_org(db):
    return OrganisationFactory(name="Northmoor Council", code="901")


@pytest.fixture
def other_org(db):
    return OrganisationFactory(name="Eastbridge Borough Council", code="902")


@pytest.fixture
def own_team(own_org):
    return TeamFactory(organisation=own_org, name="Early Permanence Team")


@pytest.fixture
def other_team(other_org):
    return TeamFactory(organisation=other_org, name="Children in Care Team")


@pytest.fixture
def make_user(db):
    """make_user(role, organisation=..., team=...) → a user holding that role."""

    def make(role: Role | None = None, *, organisation=None, team=None, **kwargs):
        if team is not None:
            organisation = team.organisation
        organisation = organisation or OrganisationFactory()
        user = UserFactory(organisation=organisation, **kwargs)
        if role:
            from accounts.services import membership_grant

            membership_grant(
                user=user, team=team or TeamFactory(organisation=organisation), role=role
            )
        return user

    return make


@pytest.fixture
def social_worker(make_user, own_team):
    return make_user(Role.SOCIAL_WORKER, team=own_team, username="sw.own")


@pytest.fixture
def raa_worker(make_user):
    """A social worker of a regional adoption agency (children may be referred to it)."""
    raa = OrganisationFactory(kind=OrganisationKind.REGIONAL_ADOPTION_AGENCY, code="RAA7")
    return make_user(Role.SOCIAL_WORKER, team=TeamFactory(organisation=raa))


@pytest.fixture
def client():
    """pytest-django's client, whose force_login also shows the second factor of those who need
    one (tests/accounts/second_factor.py); the second factor's own tests use a plain Client."""
    from tests.accounts.second_factor import SignedInClient

    return SignedInClient()


@pytest.fixture
def client_for():
    """client_for(user) → a test client signed in as that user (password and, for those who
    need one, the second factor)."""
    from tests.accounts.second_factor import SignedInClient

    def make(user) -> Client:
        client = SignedInClient()
        client.force_login(user)
        return client

    return make


def pytest_configure(config):
    from django.conf import settings

    engine = settings.DATABASES["default"]["ENGINE"]
    if "postgresql" not in engine:
        raise pytest.UsageError(
            "The tests run against PostgreSQL: use `make test` (it starts a throwaway PostgreSQL "
            "and Redis), or set DATABASE_URL and CELERY_BROKER_URL to your own."
        )
