"""Looked-after reviews and IRO concerns: scheduling, outcomes, escalation, who may do what."""

from datetime import date, timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from accounts.models import Role
from children import services
from children.models import EscalationStage, IROConcern, LookedAfterReview
from tests.children.factories import (
    CarePeriodFactory,
    ChildFactory,
    IROConcernFactory,
    LookedAfterReviewFactory,
)
from tests.helpers import (
    TODAY,
    checked_value,
    date_fields,
    error_summary,
    textarea_value,
)

LOOKED_AFTER = date(2026, 10, 1)
pytestmark = pytest.mark.usefixtures("_frozen_today")


@pytest.fixture
def iro(make_user, own_team):
    return make_user(Role.IRO, team=own_team, first_name="Ivy", last_name="Reviewer")


@pytest.fixture
def manager(make_user, own_team):
    return make_user(Role.TEAM_MANAGER, team=own_team)


@pytest.fixture
def child(own_team, iro):
    return ChildFactory(
        responsible_authority=own_team.organisation,
        team=own_team,
        looked_after_on=LOOKED_AFTER,
        iro=iro,
    )


@pytest.fixture
def review(child):
    return LookedAfterReviewFactory(child=child, scheduled_on=TODAY - timedelta(days=1))


def held_data(iro, **overrides) -> dict:
    data = {
        "chair": str(iro.pk),
        "recommendations": "Kept recommendations: complete the parenting assessment",
        "plan_endorsed": "yes",
        "permanence_plan_confirmed": "yes",
        "ep_considered": "yes",
        "attendees": ["mother", "guardian"],
        **date_fields("held_on", TODAY - timedelta(days=1)),
    }
    data.update(overrides)
    return data


# --- reviews ---------------------------------------------------------------------------------


def test_a_social_worker_schedules_a_review(client_for, social_worker, child):
    client = client_for(social_worker)
    response = client.post(
        reverse("children:review_schedule", args=[child.pk]),
        date_fields("scheduled_on", TODAY + timedelta(days=14)),
    )
    assert response.status_code == 302
    assert response["Location"].endswith("#reviews")
    review = LookedAfterReview.objects.get(child=child)
    assert review.scheduled_on == TODAY + timedelta(days=14)
    assert review.created_by == social_worker
    page = client.get(reverse("children:record", args=[child.pk])).content.decode()
    assert "Scheduled for 7 December 2026" in page


def test_a_review_cannot_be_scheduled_before_the_child_became_looked_after(
    client_for, social_worker, child
):
    response = client_for(social_worker).post(
        reverse("children:review_schedule", args=[child.pk]),
        date_fields("scheduled_on", LOOKED_AFTER - timedelta(days=1)),
    )
    assert (
        "Date of the review must be on or after the date the child became looked after "
        "(1 October 2026)" in error_summary(response.content.decode())
    )


def test_the_iro_records_a_review_held(client_for, iro, child, review):
    client = client_for(iro)
    url = reverse("children:review_record", args=[child.pk, review.pk])
    assert checked_value(client.get(url).content.decode(), "chair") == str(iro.pk)
    response = client.post(url, held_data(iro))
    assert response.status_code == 302
    review.refresh_from_db()
    assert review.held_on == TODAY - timedelta(days=1)
    assert review.chair == iro
    assert review.plan_endorsed is True
    assert review.permanence_plan_confirmed is True
    assert review.ep_considered is True
    assert review.attendees == ["mother", "guardian"]
    assert review.history.first().history_user == iro
    page = client.get(reverse("children:record", args=[child.pk])).content.decode()
    assert "Held 22 November 2026" in page
    assert "Ivy Reviewer" in page
    assert "Attended: Mother, Children&#x27;s guardian" in page
    assert "Kept recommendations" in page


def test_the_form_shows_a_held_review_as_recorded(client_for, iro, child, review):
    services.review_record_held(
        review=review,
        held_on=TODAY,
        chair=iro,
        recommendations="Twin-track plan endorsed",
        plan_endorsed=False,
        permanence_plan_confirmed=False,
        ep_considered=True,
        attendees=["carers"],
        by=iro,
    )
    html = (
        client_for(iro)
        .get(reverse("children:review_record", args=[child.pk, review.pk]))
        .content.decode()
    )
    assert "Change the outcome of the review" in html
    assert checked_value(html, "plan_endorsed") == "no"
    assert checked_value(html, "permanence_plan_confirmed") == "no"
    assert checked_value(html, "ep_considered") == "yes"
    assert checked_value(html, "attendees") == "carers"
    assert textarea_value(html, "recommendations") == "Twin-track plan endorsed"


@pytest.mark.parametrize(
    ("looked_after_on", "held_on", "message"),
    [
        (
            LOOKED_AFTER,
            LOOKED_AFTER - timedelta(days=1),
            "Date held must be on or after the date the child became looked after "
            "(1 October 2026)",
        ),
        (
            None,
            TODAY - timedelta(days=1),
            "The child is not looked after: record the period of care first",
        ),
        (LOOKED_AFTER, TODAY + timedelta(days=1), "Date held must be today or in the past"),
        (LOOKED_AFTER, None, "Enter the date held"),
    ],
)
def test_a_review_held_on_an_impossible_date_is_refused_and_the_input_kept(
    client_for, iro, child, review, looked_after_on, held_on, message
):
    child.care_periods.all().delete()
    if looked_after_on:
        CarePeriodFactory(child=child, started_on=looked_after_on)
    response = client_for(iro).post(
        reverse("children:review_record", args=[child.pk, review.pk]),
        held_data(iro, **date_fields("held_on", held_on)),
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert message in error_summary(html)
    assert textarea_value(html, "recommendations").startswith("Kept recommendations")
    assert checked_value(html, "plan_endorsed") == "yes"
    review.refresh_from_db()
    assert review.held_on is None


def test_the_chair_must_be_an_iro_of_the_authority(client_for, iro, social_worker, child, review):
    response = client_for(iro).post(
        reverse("children:review_record", args=[child.pk, review.pk]),
        held_data(iro, chair=str(social_worker.pk)),
    )
    assert "Select the IRO who chaired the review" in error_summary(response.content.decode())
    with pytest.raises(ValidationError) as error:
        services.review_record_held(
            review=review,
            held_on=TODAY,
            chair=social_worker,
            recommendations="x",
            plan_endorsed=True,
            permanence_plan_confirmed=True,
            ep_considered=True,
            by=iro,
        )
    assert error.value.message_dict == {"chair": ["Select the IRO who chaired the review"]}


def test_an_empty_review_outcome_names_every_missing_answer(client_for, iro, child, review):
    response = client_for(iro).post(
        reverse("children:review_record", args=[child.pk, review.pk]),
        {"chair": "", "recommendations": "", **date_fields("held_on", None)},
    )
    summary = error_summary(response.content.decode())
    for message in (
        "Enter the date held",
        "Select the IRO who chaired the review",
        "Enter the recommendations of the review",
        "Select yes if the IRO endorsed the twin-track plan",
        "Select yes if the review confirmed the permanence plan",
        "Select yes if early permanence was considered",
    ):
        assert message in summary


def test_another_childs_review_answers_404(client_for, iro, child, own_team):
    other_child = ChildFactory(responsible_authority=own_team.organisation, team=own_team)
    others_review = LookedAfterReviewFactory(child=other_child)
    response = client_for(iro).get(
        reverse("children:review_record", args=[child.pk, others_review.pk])
    )
    assert response.status_code == 404


# --- IRO concerns ------------------------------------------------------------------------------


def test_the_iro_raises_a_concern_at_a_review_and_escalates_it(client_for, iro, child, review):
    client = client_for(iro)
    response = client.post(
        reverse("children:concern_raise", args=[child.pk]),
        {
            "concern": "No timeframe for the parenting assessment",
            "review": str(review.pk),
            "stage": EscalationStage.INFORMAL,
            **date_fields("raised_on", TODAY - timedelta(days=1)),
        },
    )
    assert response.status_code == 302
    concern = IROConcern.objects.get(child=child)
    assert concern.review == review
    assert concern.created_by == iro
    response = client.post(
        reverse("children:concern_update", args=[child.pk, concern.pk]),
        {"stage": EscalationStage.SERVICE_MANAGER, **date_fields("escalated_on", TODAY)},
    )
    assert response.status_code == 302
    concern.refresh_from_db()
    assert concern.stage == EscalationStage.SERVICE_MANAGER
    assert concern.escalations.get().escalated_on == TODAY
    page = client.get(reverse("children:record", args=[child.pk])).content.decode()
    assert "Formal: service manager" in page
    assert "Raised by Ivy Reviewer" in page


def test_a_concern_raised_in_the_future_is_refused(client_for, iro, child):
    response = client_for(iro).post(
        reverse("children:concern_raise", args=[child.pk]),
        {
            "concern": "Kept concern",
            "review": "",
            "stage": EscalationStage.INFORMAL,
            **date_fields("raised_on", TODAY + timedelta(days=1)),
        },
    )
    html = response.content.decode()
    assert "Date the concern was raised must be today or in the past" in error_summary(html)
    assert textarea_value(html, "concern") == "Kept concern"
    assert not IROConcern.objects.exists()


def test_only_the_iro_resolves_a_concern_a_manager_responds(client_for, iro, manager, child):
    # CA 1989 s.25B; the IRO Handbook: managers respond, the IRO decides it is resolved
    concern = IROConcernFactory(child=child, raised_on=TODAY - timedelta(days=10))
    resolve = reverse("children:concern_resolve", args=[child.pk, concern.pk])
    resolution = {"resolution": "Timeframe agreed", **date_fields("resolved_on", TODAY)}
    assert client_for(manager).post(resolve, resolution).status_code == 403
    with pytest.raises(PermissionDenied):
        services.iro_concern_resolve(
            concern=concern, resolved_on=TODAY, resolution="Closed by a manager", by=manager
        )
    response = client_for(manager).post(
        reverse("children:concern_respond", args=[child.pk, concern.pk]),
        {"response": "Assessment booked for 1 December", **date_fields("responded_on", TODAY)},
    )
    assert response.status_code == 302
    concern.refresh_from_db()
    assert concern.resolved_on is None  # a response does not close it
    assert concern.responses.get().created_by == manager
    page = client_for(iro).get(reverse("children:record", args=[child.pk])).content.decode()
    assert "Assessment booked for 1 December" in page
    response = client_for(iro).post(resolve, resolution)
    assert response.status_code == 302
    concern.refresh_from_db()
    assert concern.resolved_on == TODAY
    assert concern.resolution == "Timeframe agreed"
    assert concern.updated_by == iro


def test_a_manager_cannot_respond_before_the_concern_was_raised(client_for, manager, child):
    concern = IROConcernFactory(child=child, raised_on=TODAY - timedelta(days=10))
    response = client_for(manager).post(
        reverse("children:concern_respond", args=[child.pk, concern.pk]),
        {"response": "Kept response", **date_fields("responded_on", TODAY - timedelta(days=11))},
    )
    html = response.content.decode()
    assert (
        "Date of the response must be on or after the date the concern was raised "
        "(13 November 2026)" in error_summary(html)
    )
    assert textarea_value(html, "response") == "Kept response"
    assert not concern.responses.exists()


def test_a_concern_cannot_be_resolved_before_it_was_raised(client_for, iro, child):
    concern = IROConcernFactory(child=child, raised_on=TODAY - timedelta(days=10))
    response = client_for(iro).post(
        reverse("children:concern_resolve", args=[child.pk, concern.pk]),
        {
            "resolution": "Kept resolution",
            **date_fields("resolved_on", TODAY - timedelta(days=11)),
        },
    )
    html = response.content.decode()
    assert (
        "Date the concern was resolved must be on or after the date it was raised "
        "(13 November 2026)" in error_summary(html)
    )
    assert textarea_value(html, "resolution") == "Kept resolution"
    concern.refresh_from_db()
    assert concern.resolved_on is None


def test_a_resolved_concern_cannot_be_resolved_or_escalated_again(client_for, iro, child):
    concern = IROConcernFactory(
        child=child, raised_on=TODAY - timedelta(days=10), resolved_on=TODAY, resolution="Done"
    )
    client = client_for(iro)
    response = client.get(reverse("children:concern_update", args=[child.pk, concern.pk]))
    assert response.status_code == 302
    with pytest.raises(ValidationError):
        services.iro_concern_update(
            concern=concern, stage=EscalationStage.DIRECTOR, escalated_on=TODAY, by=iro
        )
    with pytest.raises(ValidationError):
        services.iro_concern_resolve(concern=concern, resolved_on=TODAY, resolution="x", by=iro)


def test_open_concerns_are_listed_before_resolved_ones(client_for, iro, child):
    IROConcernFactory(
        child=child,
        raised_on=TODAY - timedelta(days=2),
        concern="Newer but resolved",
        resolved_on=TODAY,
        resolution="Agreed",
    )
    IROConcernFactory(child=child, raised_on=TODAY - timedelta(days=30), concern="Older, open")
    page = client_for(iro).get(reverse("children:record", args=[child.pk])).content.decode()
    assert (
        page.index("Older, open")
        < page.index("Resolved concerns")
        < page.index("Newer but resolved")
    )


@pytest.mark.parametrize(
    ("role", "raise_status", "resolve_status", "review_status"),
    [
        (Role.IRO, 200, 200, 200),
        # the outcome of a review is the IRO's to record (DESIGN "Who uses it")
        (Role.SOCIAL_WORKER, 403, 403, 403),
        # only the IRO resolves a concern (CA 1989 s.25B)
        (Role.TEAM_MANAGER, 403, 403, 403),
        # a family time worker sees only the children whose family time they supervise
        # (issue 12 item 4): this child does not exist for them
        (Role.FAMILY_TIME_WORKER, 404, 404, 404),
    ],
)
def test_who_may_raise_resolve_and_record_reviews(
    client_for,
    make_user,
    own_team,
    child,
    review,
    role,
    raise_status,
    resolve_status,
    review_status,
):
    concern = IROConcernFactory(child=child)
    client = client_for(make_user(role, team=own_team))
    assert client.get(reverse("children:concern_raise", args=[child.pk])).status_code == (
        raise_status
    )
    assert (
        client.get(reverse("children:concern_resolve", args=[child.pk, concern.pk])).status_code
        == resolve_status
    )
    assert (
        client.get(reverse("children:review_record", args=[child.pk, review.pk])).status_code
        == review_status
    )


def test_a_social_worker_cannot_raise_a_concern_through_the_service(social_worker, child):
    with pytest.raises(PermissionDenied):
        services.iro_concern_raise(
            child=child, raised_on=TODAY, concern="Not theirs to raise", by=social_worker
        )


def test_an_iro_of_another_authority_gets_404(client_for, make_user, other_team, child, review):
    stranger = make_user(Role.IRO, team=other_team)
    client = client_for(stranger)
    assert client.get(reverse("children:concern_raise", args=[child.pk])).status_code == 404
    response = client.post(
        reverse("children:review_record", args=[child.pk, review.pk]), held_data(stranger)
    )
    assert response.status_code == 404
    review.refresh_from_db()
    assert review.held_on is None
