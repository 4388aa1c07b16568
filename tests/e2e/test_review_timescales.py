"""Issue 9's acceptance, in a real browser: an IRO opens a child looked after for three months
with no review held, sees the first review overdue (on the home page and the record), records it
as held today, and sees when the second review is due (CPR reg 33)."""

from datetime import date, timedelta

import pytest

from accounts.dates import add_months
from accounts.models import Role
from accounts.working_days import add_working_days
from tests.accounts.factories import TEST_PASSWORD, TeamFactory, UserFactory
from tests.children.factories import ChildFactory, LookedAfterReviewFactory
from tests.e2e.test_child_journey import fill_date, submit

T = date.today()
LOOKED_AFTER = T - timedelta(days=91)


def long_date(day: date) -> str:
    return f"{day.day} {day:%B %Y}"


@pytest.fixture
def iro(transactional_db):
    team = TeamFactory(name="Independent Reviewing Team")
    return UserFactory(
        username="iro.e2e",
        first_name="Ivy",
        last_name="Reviewer",
        organisation=team.organisation,
        role=Role.IRO,
        role__team=team,
    )


@pytest.fixture
def child(iro):
    child = ChildFactory(
        legal_name="Rowan Test",
        responsible_authority=iro.organisation,
        team=TeamFactory(organisation=iro.organisation, name="Early Permanence Team"),
        iro=iro,
        date_of_birth=T - timedelta(days=120),
        looked_after_on=LOOKED_AFTER,
    )
    LookedAfterReviewFactory(child=child, scheduled_on=T - timedelta(days=7))  # never recorded
    return child


def test_an_iro_sees_the_overdue_first_review_and_the_second_reviews_due_date(
    page, sign_in, iro, child
):
    first_due = add_working_days(LOOKED_AFTER, 20)
    sign_in("iro.e2e", TEST_PASSWORD)

    # the home page: never "None due" for a child looked after three months with no review
    home = page.locator("main")
    assert "None due" not in home.inner_text()
    entry = home.locator("li", has_text="Rowan Test")
    assert f"First review due by {long_date(first_due)}" in entry.inner_text()
    assert "Overdue" in entry.inner_text()

    # the record: the same, in the header and on the reviews tab
    entry.get_by_role("link", name="Rowan Test").click()
    page.wait_for_load_state()
    reviews = page.locator("#review-due")
    assert f"First review due by {long_date(first_due)}" in reviews.inner_text()
    assert "Overdue" in reviews.inner_text()

    # record the first review as held today: out of timescale, and the second is due in 3 months
    page.get_by_role("link", name="Record the outcome").first.click()
    page.wait_for_load_state()
    fill_date(page, "held_on", T)  # the IRO recording it is offered as the chair, chosen
    page.get_by_label("Mother").check()
    page.get_by_label("Children's guardian").check()
    page.get_by_label("Recommendations").fill("Complete the parenting assessment")
    page.locator("input[name='plan_endorsed'][value='yes']").check()
    page.locator("input[name='permanence_plan_confirmed'][value='no']").check()
    page.locator("input[name='ep_considered'][value='yes']").check()
    submit(page)
    second_due = add_months(T, 3)
    assert (
        f"Second review due by {long_date(second_due)}" in page.locator("#review-due").inner_text()
    )
    table = page.locator("#reviews table").first.inner_text()
    assert "Out of timescale" in table
    assert "Attended: Mother, Children's guardian" in table
