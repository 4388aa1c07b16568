"""The reunification tab and its forms: shown when there is a decision, every rule's message on
the page with the input kept and nothing saved, another decision's record answers 404, the
return-to-care figure, the chronology and the history, and a constant query count."""

from datetime import date, timedelta

import pytest
import time_machine
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from accounts.models import Role
from children.models import OrderKind, Relationship
from reunification import services
from reunification.models import (
    AfterReturnKind,
    DecidedBy,
    EpisodeCeased,
    LeavingCareBasis,
    Outcome,
    ReunificationPlan,
    ReunificationRoute,
    StepKind,
    SupportFor,
    SupportKind,
    TransitionStep,
)
from reunification.selectors import return_to_care
from tests.children.factories import CarePeriodFactory, CourtOrderFactory, FamilyMemberFactory
from tests.helpers import date_fields
from tests.reunification.factories import child_in_care, decide

TODAY = date(2027, 2, 1)
BORN = date(2026, 9, 1)

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _today():
    with time_machine.travel(TODAY, tick=False):
        yield


@pytest.fixture
def case(own_team):
    return child_in_care(team=own_team, born=BORN, order_on=date(2026, 9, 4))


@pytest.fixture
def nominated_officer(make_user, own_team):
    return make_user(Role.NOMINATED_OFFICER, team=own_team, username="no.own")


def _url(name, decision, **extra):
    return reverse(
        f"reunification:{name}",
        kwargs={"pk": decision.child_id, "decision_pk": decision.pk, **extra},
    )


def _moved(child, sw, nominated_officer, interim):
    decision = decide(child, by=sw, on=date(2027, 1, 11))
    return services.reunification_complete(
        decision=decision,
        moved_on=date(2027, 1, 18),
        outcome=Outcome.STAYS_LOOKED_AFTER_WITH_PARENTS,
        care_order=interim,
        assessment_completed_on=date(2027, 1, 13),
        placement_plan_on=date(2027, 1, 14),
        nominated_officer_approved_on=date(2027, 1, 15),
        nominated_officer=nominated_officer,
        by=sw,
    )


def test_the_tab_is_hidden_without_a_decision_and_shown_with_one(case, social_worker, client_for):
    child, _, _ = case
    client = client_for(social_worker)
    record = reverse("children:record", args=[child.pk])
    assert 'id="reunification"' not in client.get(record).content.decode()
    decision = decide(child, by=social_worker, on=date(2027, 1, 11))
    page = client.get(record).content.decode()
    assert "Decided 11 January 2027" in page
    assert _url("plan", decision) in page


def test_a_step_after_the_move_is_refused_on_the_page_with_the_input_kept(
    case, social_worker, nominated_officer, client_for
):
    child, interim, _ = case
    decision = _moved(child, social_worker, nominated_officer, interim)
    response = client_for(social_worker).post(
        _url("step_add", decision),
        {
            "kind": StepKind.OVERNIGHT_STAY,
            **date_fields("planned_on", date(2027, 1, 19)),
            **date_fields("happened_on", None),
            "participants": "Mother and baby",
        },
    )
    assert response.status_code == 200
    page = response.content.decode()
    assert (
        "A transition step comes before the child moves: the date must be on or before the date "
        "the child moved (18 January 2027)"
    ) in page
    assert 'value="Mother and baby"' in page
    assert not TransitionStep.objects.exists()


def test_the_plan_is_agreed_with_parents_and_carers(case, social_worker, client_for):
    child, _, _ = case
    decision = decide(child, by=social_worker, on=date(2027, 1, 11))
    client = client_for(social_worker)
    data = {
        "childs_needs": "",
        **date_fields("agreed_on", date(2027, 1, 12)),
        "agreed_with_parents": "on",
        **date_fields("final_hearing_on", None),
    }
    page = client.post(_url("plan", decision), data).content.decode()
    assert "Enter the child&#x27;s needs the plan puts first" in page
    assert "The plan is agreed with the parents and the carers (Standard 7.3)" in page
    assert not ReunificationPlan.objects.exists()
    data.update(childs_needs="A settled routine", agreed_with_carers="on")
    assert client.post(_url("plan", decision), data).status_code == 302
    assert ReunificationPlan.objects.get().agreed_on == date(2027, 1, 12)


def test_a_record_of_another_decision_answers_404(case, social_worker, client_for, own_team):
    child, _, _ = case
    decision = decide(child, by=social_worker, on=date(2027, 1, 11))
    step = services.step_save(
        decision=decision,
        by=social_worker,
        kind=StepKind.INTRODUCTION,
        planned_on=date(2027, 1, 12),
    )
    other_child, _, _ = child_in_care(team=own_team, born=BORN, order_on=date(2026, 9, 4))
    other = decide(other_child, by=social_worker, on=date(2027, 1, 11))
    client = client_for(social_worker)
    assert client.get(_url("step_edit", other, step_pk=step.pk)).status_code == 404
    # a decision of another child under this child's URL
    url = reverse("reunification:plan", kwargs={"pk": child.pk, "decision_pk": other.pk})
    assert client.get(url).status_code == 404


def test_after_return_needs_the_move(case, social_worker):
    child, _, _ = case
    decision = decide(child, by=social_worker, on=date(2027, 1, 11))
    errors = services.after_return_errors(
        decision=decision, kind=AfterReturnKind.VISIT, held_on=date(2027, 1, 12)
    )
    assert errors == {None: "Record the child's move home first"}


def test_support_on_hold_is_for_the_ep_carers_only(case, social_worker):
    child, _, _ = case
    decision = decide(child, by=social_worker, on=date(2027, 1, 11))
    errors = services.support_errors(
        decision=decision,
        for_whom=SupportFor.PARENTS,
        kind=SupportKind.COUNSELLING,
        offered_on=date(2027, 1, 12),
        taken_up_on=date(2027, 1, 11),
        declined=True,
        on_hold_from=date(2027, 1, 20),
    )
    assert errors == {
        "taken_up_on": "Date taken up must be on or after the date offered",
        "declined": "The offer was taken up: it cannot also be declined",
        "on_hold_from": "Only the early permanence carers' household is put on hold",
    }


def test_an_abandoned_reunification_keeps_its_plan_as_it_was(case, social_worker):
    child, _, _ = case
    decision = decide(child, by=social_worker, on=date(2027, 1, 11))
    services.plan_save(decision=decision, by=social_worker, childs_needs="Routine")
    services.reunification_abandon(
        decision=decision, abandoned_on=date(2027, 1, 14), reason="Relapse", by=social_worker
    )
    decision.refresh_from_db()
    errors = services.plan_errors(
        decision=decision,
        agreed_on=None,
        agreed_with_parents=False,
        agreed_with_carers=False,
        childs_needs="Changed",
    )
    assert errors == {None: "This reunification was abandoned: its records are kept as they were"}


# --- the return-to-care figure ---------------------------------------------------------------


def _left_care(child, sw, moved_on):
    gran = FamilyMemberFactory(
        child=child, name="Pat Fenwick", relationship=Relationship.GRANDPARENT
    )
    sgo = CourtOrderFactory(child=child, kind=OrderKind.SPECIAL_GUARDIANSHIP, made_on=moved_on)
    decision = decide(
        child,
        by=sw,
        on=moved_on,
        route=ReunificationRoute.FAMILY_NETWORK_MEMBER,
        family_member=gran,
        decided_by_kind=DecidedBy.COURT,
        order=sgo,
    )
    return services.reunification_complete(
        decision=decision,
        moved_on=moved_on,
        outcome=Outcome.LEFT_CARE,
        leaving_basis=LeavingCareBasis.SPECIAL_GUARDIANSHIP,
        leaving_order=sgo,
        episode_ceased=EpisodeCeased.E44,
        by=sw,
    )


def test_return_to_care_within_12_and_24_months(case, social_worker):
    child, _, _ = case
    decision = _left_care(child, social_worker, date(2026, 10, 1))
    figure = return_to_care(decision)
    assert figure.measured
    assert figure.returned_on is None
    # back into care 12 months to the day after the move: within 12 months
    CarePeriodFactory(child=child, started_on=date(2027, 10, 1))
    with time_machine.travel(date(2029, 1, 1), tick=False):
        figure = return_to_care(decision)
    assert figure.returned_on == date(2027, 10, 1)
    assert figure.within_12_months
    assert figure.within_24_months


def test_return_to_care_after_12_but_within_24_months(case, social_worker):
    child, _, _ = case
    decision = _left_care(child, social_worker, date(2026, 10, 1))
    CarePeriodFactory(child=child, started_on=date(2027, 10, 2))
    figure = return_to_care(decision)
    assert not figure.within_12_months
    assert figure.within_24_months


def test_a_child_who_stays_looked_after_at_home_is_not_measured(
    case, social_worker, nominated_officer
):
    child, interim, _ = case
    decision = _moved(child, social_worker, nominated_officer, interim)
    assert not return_to_care(decision).measured


def test_the_chronology_and_history_show_the_reunification(
    case, social_worker, nominated_officer, client_for
):
    child, interim, _ = case
    decision = _moved(child, social_worker, nominated_officer, interim)
    client = client_for(social_worker)
    chronology = client.get(reverse("children:chronology", args=[child.pk])).content.decode()
    assert "Reunification decided" in chronology
    assert "Moved home" in chronology
    history = client.get(reverse("children:history", args=[child.pk])).content.decode()
    assert "Reunification decision" in history
    assert decision.history.count() == 2


# --- the record page's query count -------------------------------------------------------------


def _grow(decision, sw, n):
    for i in range(n):
        services.step_save(
            decision=decision,
            by=sw,
            kind=StepKind.DAYTIME_VISIT,
            planned_on=date(2027, 1, 12) + timedelta(days=i % 3),
            happened_on=date(2027, 1, 12),
        )
        services.support_save(
            decision=decision, by=sw, for_whom=SupportFor.PARENTS, kind=SupportKind.PARENTING
        )
        services.life_story_save(
            decision=decision, by=sw, given_on=date(2027, 1, 12), description=f"Photos {i}"
        )
        services.after_return_save(
            decision=decision, by=sw, kind=AfterReturnKind.VISIT, held_on=date(2027, 1, 20)
        )


def _count(client, url) -> int:
    client.get(url)
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


@pytest.mark.parametrize("page", ["children:record", "children:chronology", "children:history"])
def test_the_childs_pages_keep_a_constant_query_count(
    case, social_worker, nominated_officer, client_for, page
):
    child, interim, _ = case
    decision = _moved(child, social_worker, nominated_officer, interim)
    services.plan_save(decision=decision, by=social_worker, childs_needs="Routine")
    client = client_for(social_worker)
    url = reverse(page, args=[child.pk])
    _grow(decision, social_worker, 1)
    once = _count(client, url)
    _grow(decision, social_worker, 3)
    assert _count(client, url) == once


# --- the EP carers' household on hold (Std 7.7), through the carers' own service ---------------


def test_the_ep_carers_household_is_put_on_hold_through_the_carers_service(
    case, make_user, own_team, social_worker
):
    from carers.availability import with_availability
    from carers.models import Household
    from carers.models import SupportKind as CarerSupportKind
    from tests.carers.factories import build_household

    child, _, _ = case
    # a local authority's own fostering service: its team manager changes the child's record
    # and the household it recruited
    manager = make_user(Role.TEAM_MANAGER, team=own_team, username="tm.own")
    household = build_household(by=manager, name="The Hollins household")
    decision = decide(child, by=manager, on=date(2027, 1, 11))
    support = services.support_save(
        decision=decision,
        by=manager,
        for_whom=SupportFor.EP_CARERS,
        kind=SupportKind.LOSS_SUPPORT,
        household=household,
        offered_on=date(2027, 1, 20),
        on_hold_from=date(2027, 1, 25),
        on_hold_to=date(2027, 4, 25),
    )
    assert support.household_support.kind == CarerSupportKind.AFTER_CHILD_WENT_HOME
    found = with_availability(Household.objects.filter(pk=household.pk), today=TODAY).get()
    assert found.availability == "on_hold"
    # the child's social worker may not change the household: refused, nothing saved
    with pytest.raises(ValidationError) as caught:
        services.support_save(
            decision=decision,
            by=social_worker,
            for_whom=SupportFor.EP_CARERS,
            kind=SupportKind.COUNSELLING,
            household=household,
            on_hold_from=date(2027, 1, 25),
        )
    assert caught.value.message_dict["on_hold_from"] == [
        "Only the carers' supervising social worker can put their household on hold: ask them "
        "to record it"
    ]
    assert decision.support.count() == 1
