"""Issue 10's acceptance, in a real browser: a supervising social worker records a household from
assessment to dual approval with early permanence preparation and what they can offer, and it
appears as available in the carer list and on the sufficiency page; opted out, it disappears."""

from datetime import date, timedelta

import pytest

from accounts.models import OrganisationKind, Role
from tests.accounts.factories import TEST_PASSWORD, OrganisationFactory, TeamFactory, UserFactory
from tests.carers.factories import build_household

T = date.today()


def fill_date(page, name: str, day: date) -> None:
    page.locator(f"input[name='{name}_0']").fill(str(day.day))
    page.locator(f"input[name='{name}_1']").fill(str(day.month))
    page.locator(f"input[name='{name}_2']").fill(str(day.year))


def submit(page) -> None:
    page.locator("main form button.govuk-button").first.click()
    page.wait_for_load_state()
    summary = page.locator(".govuk-error-summary")
    assert not summary.count(), summary.inner_text()


def follow(page, text: str) -> None:
    page.get_by_role("link", name=text).first.click()
    page.wait_for_load_state()


@pytest.fixture
def ssw(transactional_db):
    agency = OrganisationFactory(
        name="Fenvale Adoption Partnership",
        code="RAA9",
        kind=OrganisationKind.REGIONAL_ADOPTION_AGENCY,
    )
    team = TeamFactory(organisation=agency, name="Recruitment and Assessment Team")
    return UserFactory(
        username="ssw.e2e",
        first_name="Kit",
        last_name="Hollins",
        organisation=agency,
        role=Role.SUPERVISING_SOCIAL_WORKER,
        role__team=team,
    )


def available_in_list_and_sufficiency(page, name: str) -> tuple[bool, str]:
    page.goto("/carers/?availability=available")
    listed = page.get_by_role("link", name=name).count() > 0
    page.goto("/carers/sufficiency/")
    return listed, page.locator("main").inner_text()


def approve(page, kind_words: str, *, panel: date, decision: date, terms: bool = False) -> None:
    follow(page, f"Start an assessment as {kind_words}")
    fill_date(page, "changed_on", T - timedelta(days=300))
    fill_date(page, "panel_on", panel)
    fill_date(page, "decision_on", decision)
    if terms:
        page.locator("input[name='terms_age_from_months']").fill("0")
        page.locator("input[name='terms_age_to_months']").fill("24")
        page.locator("input[name='terms_number']").fill("1")
    submit(page)
    page.get_by_role("tab", name="Approvals").click()
    follow(page, f"Change the status of the approval as {kind_words}")
    page.locator("input[name='status'][value='approved']").check()
    fill_date(page, "changed_on", decision)
    submit(page)
    page.get_by_role("tab", name="Approvals").click()


def test_household_recorded_to_dual_approval_appears_available(page, sign_in, ssw):
    sign_in("ssw.e2e", TEST_PASSWORD)
    page.get_by_role("link", name="Carers").first.click()
    follow(page, "Add a household")
    page.get_by_label("Household name").fill("The Wrenfield household")
    page.get_by_label("Married couple", exact=True).check()
    page.get_by_label("Postcode district (optional)").fill("fv3")
    submit(page)
    assert page.get_by_role("heading", level=1).inner_text() == "The Wrenfield household"

    for first, born, sex in (
        ("Ari", date(1985, 3, 2), "Female"),
        ("Lee", date(1983, 7, 9), "Male"),
    ):
        follow(page, "Add an applicant")
        page.get_by_label("First name").fill(first)
        page.get_by_label("Last name").fill("Wrenfield")
        fill_date(page, "date_of_birth", born)
        page.get_by_label(sex, exact=True).check()
        page.get_by_label("Ethnicity").select_option("WBRI")
        submit(page)

    # not yet approved: not available
    assert "Unavailable" in page.locator("main").inner_text()

    page.get_by_role("tab", name="Approvals").click()
    approve(
        page, "prospective adopters", panel=T - timedelta(days=40), decision=T - timedelta(days=35)
    )
    approve(
        page,
        "foster carers",
        panel=T - timedelta(days=30),
        decision=T - timedelta(days=28),
        terms=True,
    )
    assert (
        "Dual approved (prospective adopters and foster carers)"
        in page.locator("main").inner_text()
    )

    # early permanence preparation (Std 3.4)
    page.get_by_role("tab", name="Preparation").click()
    follow(page, "Add preparation or training")
    page.get_by_label("Early permanence preparation").check()
    fill_date(page, "completed_on", T - timedelta(days=60))
    submit(page)

    # what they can offer (Std 4.4, 4.5)
    page.get_by_role("tab", name="What they can offer").click()
    follow(page, "Record what they can offer")
    page.get_by_label("They can be linked with a baby before the birth").check()
    page.get_by_label("Youngest age in months").fill("0")
    page.get_by_label("Oldest age in months").fill("12")
    page.get_by_label("Largest group of brothers and sisters").fill("2")
    page.get_by_label("Prenatal alcohol exposure").check()
    page.locator("textarea[name='identity']").fill("Would keep the child's first language alive.")
    submit(page)
    main = page.locator("main").inner_text()
    assert "Available" in main
    assert "Prenatal alcohol exposure" in main

    listed, sufficiency = available_in_list_and_sufficiency(page, "The Wrenfield household")
    assert listed
    assert "1\navailable households" in sufficiency or "1 available households" in sufficiency
    rows = page.locator("table").first.inner_text()
    assert "Before birth\t1" in rows


def test_opted_out_household_disappears(page, sign_in, ssw):
    build_household(by=ssw, name="The Hollowmere household")
    sign_in("ssw.e2e", TEST_PASSWORD)
    listed, sufficiency = available_in_list_and_sufficiency(page, "The Hollowmere household")
    assert listed
    assert "1 available households" in sufficiency.replace("\n", " ")

    page.goto("/carers/")
    follow(page, "The Hollowmere household")
    follow(page, "Record that they opted out of early permanence")
    fill_date(page, "opted_out_on", T)
    page.get_by_label("Why they opted out").fill("They wish to adopt a child already placed.")
    submit(page)
    assert "Opted out of early permanence" in page.locator("main").inner_text()

    listed, sufficiency = available_in_list_and_sufficiency(page, "The Hollowmere household")
    assert not listed
    assert "0 available households" in sufficiency.replace("\n", " ")
    assert "100% opt-out rate" in sufficiency.replace("\n", " ")
