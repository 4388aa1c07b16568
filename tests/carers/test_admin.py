"""The carers' records in the Django admin follow the platform's admin rules: read-only, scoped
to the households the user may see through the pages, and opening one is logged."""

import pytest
from django.contrib.auth.models import Permission
from django.urls import reverse

from accounts.models import Role
from carers.models import HouseholdAccessLog
from tests.accounts.factories import TeamFactory, UserFactory
from tests.carers.factories import build_household

CHANGELISTS = [
    "admin:carers_household_changelist",
    "admin:carers_applicant_changelist",
    "admin:carers_adopterapproval_changelist",
    "admin:carers_fosterapproval_changelist",
    "admin:carers_approvalstatuschange_changelist",
    "admin:carers_training_changelist",
    "admin:carers_offer_changelist",
    "admin:carers_support_changelist",
]


def _staff(team):
    user = UserFactory(
        organisation=team.organisation, role=Role.SUPERVISING_SOCIAL_WORKER, role__team=team
    )
    user.is_staff = True
    user.save()
    user.user_permissions.set(
        Permission.objects.filter(content_type__app_label="carers", codename__startswith="view_")
    )
    return user


@pytest.fixture
def households(ssw, make_user):
    own = build_household(by=ssw, name="The Own household", extras=True)
    stranger = make_user(Role.SUPERVISING_SOCIAL_WORKER)
    other = build_household(by=stranger, name="The Other household", extras=True)
    return own, other


def test_staff_see_only_their_agencys_households_read_only(client_for, agency_team, households):
    client = client_for(_staff(agency_team))
    for name in CHANGELISTS:
        response = client.get(reverse(name))
        assert response.status_code == 200, name
        assert response.context["cl"].result_count >= 1, name
        assert "The Other household" not in response.content.decode(), name
    assert client.get(reverse("admin:carers_household_add")).status_code == 403


def test_opening_a_household_is_logged_and_another_agencys_does_not_exist(
    client_for, agency_team, households
):
    own, other = households
    client = client_for(_staff(agency_team))
    before = HouseholdAccessLog.objects.count()
    assert client.get(reverse("admin:carers_household_change", args=[own.pk])).status_code == 200
    assert HouseholdAccessLog.objects.count() == before + 1
    response = client.get(reverse("admin:carers_household_change", args=[other.pk]), follow=True)
    assert "doesn’t exist" in response.content.decode()
    assert HouseholdAccessLog.objects.count() == before + 1


def test_a_superuser_with_no_organisation_sees_no_household(client_for, households):
    superuser = UserFactory(organisation=None, is_superuser=True, is_staff=True)
    client = client_for(superuser)
    for name in CHANGELISTS:
        assert client.get(reverse(name)).context["cl"].result_count == 0, name


def test_family_time_workers_given_view_permissions_see_no_household(
    client_for, agency, households
):
    team = TeamFactory(organisation=agency)
    worker = UserFactory(organisation=agency, role=Role.FAMILY_TIME_WORKER, role__team=team)
    worker.is_staff = True
    worker.save()
    worker.user_permissions.set(
        Permission.objects.filter(content_type__app_label="carers", codename__startswith="view_")
    )
    response = client_for(worker).get(reverse("admin:carers_household_changelist"))
    assert response.context["cl"].result_count == 0
