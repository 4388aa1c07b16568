"""The twin-track plan (Standards 2.6, 2.7, 5.1): versions, validation, who may set it."""

from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from accounts.models import Role
from children import selectors, services
from children.models import EPType, FfaBasis, PlanningMeeting, Track, TwinTrackPlan
from tests.children.factories import ChildFactory, TwinTrackPlanFactory
from tests.helpers import TODAY, checked_value, date_fields, error_summary, input_value

pytestmark = pytest.mark.usefixtures("_frozen_today")


@pytest.fixture
def child(own_team):
    return ChildFactory(responsible_authority=own_team.organisation, team=own_team)


def plan_data(**overrides) -> dict:
    data = {
        "primary": Track.PARENTS,
        "parents_who": "Birth mother, with maternal grandmother's support",
        "parents_conditions": "Complete the residential parenting assessment by March",
        "parents_interventions": "Parenting course; substance misuse support",
        "ep_type": "ffa",
        "ffa_basis": "9A_a",
        "adoption_summary": "Fostering for adoption with the Ash household",
        "meeting": PlanningMeeting.LEGAL_GATEWAY,
        "reason": "",
        **date_fields("meeting_on", TODAY - timedelta(days=2)),
    }
    data.update(overrides)
    return data


def test_setting_the_first_plan_needs_no_reason_and_records_who_set_it(
    client_for, social_worker, child
):
    response = client_for(social_worker).post(
        reverse("children:plan_set", args=[child.pk]), plan_data()
    )
    assert response.status_code == 302
    assert response["Location"] == reverse("children:record", args=[child.pk]) + "#plan"
    plan = TwinTrackPlan.objects.get(child=child)
    assert plan.primary == Track.PARENTS
    assert plan.meeting_on == TODAY - timedelta(days=2)
    assert plan.created_by == social_worker
    assert plan.history.first().history_user == social_worker


def test_changing_the_plan_makes_a_new_version_and_keeps_every_old_one(
    client_for, social_worker, child, make_user, own_team
):
    manager = make_user(Role.TEAM_MANAGER, team=own_team, first_name="Tara", last_name="Manager")
    first = TwinTrackPlanFactory(
        child=child, meeting_on=TODAY - timedelta(days=40), created_by=manager
    )
    client = client_for(social_worker)
    response = client.post(
        reverse("children:plan_set", args=[child.pk]),
        plan_data(
            primary=Track.ADOPTION,
            meeting=PlanningMeeting.LOOKED_AFTER_REVIEW,
            reason="Mother left the residential assessment",
        ),
    )
    assert response.status_code == 302
    versions = list(TwinTrackPlan.objects.filter(child=child).order_by("created_at"))
    assert len(versions) == 2
    first.refresh_from_db()
    assert first.primary == Track.PARENTS  # the old version is never edited
    assert versions[1].primary == Track.ADOPTION
    assert versions[1].reason == "Mother left the residential assessment"
    assert selectors.child_summary(child=child, user=social_worker).plan == versions[1]

    page = client.get(reverse("children:record", args=[child.pk])).content.decode()
    header = page[: page.index('class="govuk-tabs"')]
    assert "Adoption through early permanence" in header
    history = page[page.index("History of the plan") :]
    assert history.index("Mother left the residential assessment") < history.index("First plan")
    assert str(social_worker) in history
    assert "Tara Manager" in history


def test_the_plan_form_starts_from_the_current_plan(client_for, social_worker, child):
    TwinTrackPlanFactory(child=child, primary=Track.ADOPTION, parents_who="Paternal aunt")
    page = client_for(social_worker).get(reverse("children:plan_set", args=[child.pk]))
    html = page.content.decode()
    assert "Change the twin-track plan" in html
    assert input_value(html, "parents_who") == "Paternal aunt"
    assert checked_value(html, "primary") == Track.ADOPTION
    assert input_value(html, "meeting_on_0") == ""  # a new decision: its meeting is new too


def test_a_change_needs_a_reason_and_keeps_what_was_typed(client_for, social_worker, child):
    TwinTrackPlanFactory(child=child, meeting_on=TODAY - timedelta(days=30))
    response = client_for(social_worker).post(
        reverse("children:plan_set", args=[child.pk]), plan_data(parents_who="Kept as typed")
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "Enter why the plan is changing" in error_summary(html)
    assert input_value(html, "parents_who") == "Kept as typed"
    assert TwinTrackPlan.objects.filter(child=child).count() == 1


@pytest.mark.parametrize(
    ("meeting_on", "message"),
    [
        (TODAY + timedelta(days=1), "Date of the meeting must be today or in the past"),
        (
            TODAY - timedelta(days=32),
            "Date of the meeting must be on or after the date of the meeting that set the "
            "current plan (23 October 2026)",
        ),
        (None, "Enter the date of the meeting"),
    ],
)
def test_a_meeting_date_in_the_future_or_before_the_current_plan_is_refused(
    client_for, social_worker, child, meeting_on, message
):
    TwinTrackPlanFactory(child=child, meeting_on=TODAY - timedelta(days=31))
    response = client_for(social_worker).post(
        reverse("children:plan_set", args=[child.pk]),
        plan_data(reason="Kept reason", **date_fields("meeting_on", meeting_on)),
    )
    html = response.content.decode()
    assert message in error_summary(html)
    assert "Kept reason" in html
    assert TwinTrackPlan.objects.filter(child=child).count() == 1


def test_the_first_plan_cannot_be_set_at_a_future_meeting(client_for, social_worker, child):
    response = client_for(social_worker).post(
        reverse("children:plan_set", args=[child.pk]),
        plan_data(**date_fields("meeting_on", TODAY + timedelta(days=3))),
    )
    assert "Date of the meeting must be today or in the past" in response.content.decode()
    assert not TwinTrackPlan.objects.exists()


def test_an_empty_plan_form_names_every_missing_answer(client_for, social_worker, child):
    response = client_for(social_worker).post(
        reverse("children:plan_set", args=[child.pk]),
        {"reason": "", **date_fields("meeting_on", None)},
    )
    summary = error_summary(response.content.decode())
    for message in (
        # issue 9 item 4: tracks, each optional but the preferred one (tests/children/
        # test_plan_tracks.py); the preferred track and the deciding meeting are required
        "Select the preferred track",
        "Select the meeting that decided the plan",
        "Enter the date of the meeting",
    ):
        assert message in summary


def test_plan_set_service_refuses_a_change_without_a_reason(social_worker, child):
    TwinTrackPlanFactory(child=child)
    with pytest.raises(ValidationError) as error:
        services.plan_set(
            child=child,
            primary=Track.ADOPTION,
            parents_who="Mother",
            parents_conditions="Abstinence",
            ep_type=EPType.FFA,
            ffa_basis=FfaBasis.CONSIDERING,
            adoption_summary="FFA",
            meeting=PlanningMeeting.OTHER,
            meeting_on=TODAY,
            by=social_worker,
        )
    assert error.value.message_dict == {"reason": ["Enter why the plan is changing"]}


def test_an_iro_may_read_the_plan_but_not_change_it(client_for, make_user, own_team, child):
    iro = make_user(Role.IRO, team=own_team)
    TwinTrackPlanFactory(child=child)
    client = client_for(iro)
    page = client.get(reverse("children:record", args=[child.pk])).content.decode()
    assert "Current plan" in page
    assert reverse("children:plan_set", args=[child.pk]) not in page
    assert client.get(reverse("children:plan_set", args=[child.pk])).status_code == 403
    response = client.post(reverse("children:plan_set", args=[child.pk]), plan_data())
    assert response.status_code == 403
    assert not TwinTrackPlan.objects.filter(child=child, created_by=iro).exists()
    with pytest.raises(PermissionDenied):
        services.plan_set(child=child, by=iro, reason="x", **_service_fields())


def test_another_authority_cannot_see_or_set_the_plan(client_for, make_user, other_team, child):
    stranger = make_user(Role.SOCIAL_WORKER, team=other_team)
    response = client_for(stranger).post(
        reverse("children:plan_set", args=[child.pk]), plan_data()
    )
    assert response.status_code == 404
    assert not TwinTrackPlan.objects.exists()


def _service_fields() -> dict:
    return {
        "primary": Track.PARENTS,
        "parents_who": "Mother",
        "parents_conditions": "Abstinence",
        "adoption_summary": "FFA",
        "meeting": PlanningMeeting.OTHER,
        "meeting_on": TODAY,
    }
