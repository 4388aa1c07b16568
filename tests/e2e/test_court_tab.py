"""Issue 8 (part A) in a real browser: the court tab shows the 26 weeks' end apart from an
extension's, the orders in force, and the legal status history; recording an interim care
order proposes legal status C1, which the social worker accepts."""

from datetime import date, timedelta

import pytest

from accounts.models import Role
from children.models import HearingKind, HearingStatus
from tests.accounts.factories import TEST_PASSWORD, TeamFactory, UserFactory
from tests.children.factories import (
    CarePeriodFactory,
    ChildFactory,
    ExtensionFactory,
    HearingFactory,
    ProceedingsFactory,
)
from tests.e2e.test_child_journey import fill_date, submit

T = date.today()


@pytest.fixture
def social_worker(transactional_db):
    team = TeamFactory(name="Early Permanence Team")
    return UserFactory(
        username="sw.court",
        organisation=team.organisation,
        role=Role.SOCIAL_WORKER,
        role__team=team,
    )


def test_the_court_tab_shows_the_26_weeks_extension_orders_in_force_and_legal_status(
    page, sign_in, social_worker
):
    team = social_worker.memberships.get().team
    child = ChildFactory(
        responsible_authority=team.organisation,
        team=team,
        social_worker=social_worker,
        legal_name="Court Example",
        date_of_birth=T - timedelta(days=200),
    )
    issued = T - timedelta(days=190)
    proceedings = ProceedingsFactory(child=child, issued_on=issued, case_number="TF26C00900")
    first = HearingFactory(
        proceedings=proceedings,
        kind=HearingKind.FIRST_ICO,
        listed_on=issued + timedelta(days=1),
        status=HearingStatus.EFFECTIVE,
    )
    irh = HearingFactory(
        proceedings=proceedings,
        kind=HearingKind.IRH,
        listed_on=T - timedelta(days=20),
        status=HearingStatus.EFFECTIVE,
    )
    end = proceedings.statutory_end()
    ExtensionFactory(
        proceedings=proceedings,
        granted_on=irh.listed_on,
        hearing=irh,
        ends_on=end + timedelta(weeks=8),
    )
    CarePeriodFactory(child=child, started_on=first.listed_on)

    sign_in("sw.court", TEST_PASSWORD)
    page.goto(f"/children/{child.pk}/")
    page.get_by_role("tab", name="Court").click()
    page.get_by_role("link", name="Record an order").first.click()
    page.locator("input[name='kind'][value='interim_care']").check()
    page.locator(f"input[name='hearing'][value='{first.pk}']").check()
    fill_date(page, "made_on", first.listed_on)
    submit(page, "Record order")
    # the order proposes legal status C1 from the day it was made, on that order
    assert "proposes legal status C1" in page.locator("main").inner_text()
    assert page.locator("input[name='code'][value='C1']").is_checked()
    assert page.locator("input[name='basis'][value='order']").is_checked()
    submit(page, "Save")

    page.goto(f"/children/{child.pk}/")
    header = page.locator(".app-record-header").inner_text()
    assert "Week 28 of 34" in header
    assert f"extended to {(end + timedelta(weeks=8)):%-d %B %Y}" in header
    page.get_by_role("tab", name="Court").click()
    court = page.locator("#court").inner_text()
    assert (
        f"26 weeks end {end:%-d %B %Y}; extended to {(end + timedelta(weeks=8)):%-d %B %Y} "
        f"(8 weeks, at the IRH on {irh.listed_on:%-d %B %Y})" in court
    )
    in_force = page.locator("#orders-in-force").inner_text()
    assert f"Interim care order, made {first.listed_on:%-d %B %Y}" in in_force
    history = page.locator("#legal-status-history").inner_text()
    assert "C1: interim care order" in history
    assert "Now" in history
    assert f"Looked after from {first.listed_on:%-d %B %Y}" in court
