"""The journey in the Django admin: read-only, scoped to the children the user may see; the
stage is never editable there (nor in any form: it is protected)."""

import pytest
from django.contrib.auth.models import Permission
from django.forms import modelform_factory
from django.urls import reverse

from accounts.models import Role
from journey.models import Journey, Stage
from tests.accounts.factories import UserFactory
from tests.children.factories import ChildFactory

pytestmark = pytest.mark.usefixtures("_frozen_today")


def _staff(team):
    user = UserFactory(organisation=team.organisation, role=Role.TEAM_MANAGER, role__team=team)
    user.is_staff = True
    user.save()
    user.user_permissions.set(
        Permission.objects.filter(content_type__app_label="journey", codename__startswith="view_")
    )
    return user


@pytest.fixture
def journeys(own_team, other_team):
    own = ChildFactory(responsible_authority=own_team.organisation, team=own_team)
    other = ChildFactory(responsible_authority=other_team.organisation, team=other_team)
    return own.journey, other.journey


def test_staff_see_only_their_childrens_journeys_read_only(client_for, own_team, journeys):
    own, other = journeys
    client = client_for(_staff(own_team))
    response = client.get(reverse("admin:journey_journey_changelist"))
    assert response.status_code == 200
    assert response.context["cl"].result_count == 1
    page = client.get(reverse("admin:journey_journey_change", args=[own.pk]))
    assert page.status_code == 200
    assert 'name="stage"' not in page.content.decode()
    posted = client.post(
        reverse("admin:journey_journey_change", args=[own.pk]), {"stage": Stage.ADOPTED}
    )
    assert posted.status_code == 403
    assert Journey.objects.get(pk=own.pk).stage == Stage.IDENTIFIED
    assert client.get(reverse("admin:journey_journey_add")).status_code == 403
    missing = client.get(reverse("admin:journey_journey_change", args=[other.pk]), follow=True)
    assert "doesn’t exist" in missing.content.decode()


def test_a_superuser_with_no_organisation_sees_no_journey(client_for, journeys):
    superuser = UserFactory(organisation=None, is_superuser=True, is_staff=True)
    response = client_for(superuser).get(reverse("admin:journey_journey_changelist"))
    assert response.context["cl"].result_count == 0


def test_a_form_cannot_change_the_stage(journeys):
    own, _ = journeys
    form_class = modelform_factory(Journey, fields=["stage", "close_detail"])
    form = form_class({"stage": Stage.ADOPTED, "close_detail": "x"}, instance=own)
    with pytest.raises(AttributeError, match="Direct stage modification is not allowed"):
        form.is_valid()
    assert Journey.objects.get(pk=own.pk).stage == Stage.IDENTIFIED
