"""Family time records in the Django admin follow the platform's admin rules: read-only, scoped
to the children the user may see through the pages, and opening one is logged."""

from datetime import timedelta

import pytest
from django.contrib.auth.models import Permission
from django.urls import reverse

from accounts.models import Role
from children.models import ChildAccessLog
from family_time import services
from tests.accounts.factories import TeamFactory, UserFactory
from tests.children.factories import ChildFactory
from tests.family_time.factories import make_plan
from tests.helpers import TODAY

pytestmark = pytest.mark.usefixtures("_frozen_today")

CHANGELISTS = [
    "admin:family_time_familytimeplan_changelist",
    "admin:family_time_session_changelist",
    "admin:family_time_attendance_changelist",
]


def _staff(team, role=Role.SOCIAL_WORKER):
    user = UserFactory(organisation=team.organisation, role=role, role__team=team)
    user.is_staff = True
    user.save()
    user.user_permissions.set(
        Permission.objects.filter(
            content_type__app_label="family_time", codename__startswith="view_"
        )
    )
    return user


@pytest.fixture
def plans(social_worker, child, mother, ftw, make_user):
    own = make_plan(child=child, by=social_worker, members=[mother], supervisor=ftw)
    (session, *_rest) = services.sessions_generate(
        plan=own,
        by=social_worker,
        from_on=TODAY - timedelta(days=7),
        to_on=TODAY - timedelta(days=1),
    )
    services.session_record(session=session, by=ftw, attendance={mother.pk: "attended"})
    other_team = TeamFactory()
    other_sw = make_user(Role.SOCIAL_WORKER, team=other_team)
    other_child = ChildFactory(
        responsible_authority=other_team.organisation, team=other_team, legal_name="Otto Other"
    )
    other = make_plan(child=other_child, by=other_sw)
    return own, other


def test_staff_see_only_their_childrens_family_time_read_only(client_for, own_team, plans):
    client = client_for(_staff(own_team))
    for name in CHANGELISTS:
        response = client.get(reverse(name))
        assert response.status_code == 200, name
        assert response.context["cl"].result_count >= 1, name
        assert "Otto Other" not in response.content.decode(), name
    assert client.get(reverse("admin:family_time_familytimeplan_add")).status_code == 403


def test_opening_a_plan_is_logged_and_another_authoritys_does_not_exist(
    client_for, own_team, plans
):
    own, other = plans
    client = client_for(_staff(own_team))
    before = ChildAccessLog.objects.count()
    url = reverse("admin:family_time_familytimeplan_change", args=[own.pk])
    assert client.get(url).status_code == 200
    assert ChildAccessLog.objects.count() == before + 1
    response = client.get(
        reverse("admin:family_time_familytimeplan_change", args=[other.pk]), follow=True
    )
    assert "doesn’t exist" in response.content.decode()


def test_a_family_time_worker_in_the_admin_sees_only_the_family_time_they_supervise(
    client_for, own_team, plans, social_worker
):
    unrelated = make_plan(
        child=ChildFactory(
            responsible_authority=own_team.organisation, team=own_team, legal_name="Una Same LA"
        ),
        by=social_worker,
    )
    client = client_for(_staff(own_team, Role.FAMILY_TIME_WORKER))
    response = client.get(reverse("admin:family_time_familytimeplan_changelist"))
    assert response.context["cl"].result_count == 0  # this worker supervises nothing
    assert unrelated.pk
