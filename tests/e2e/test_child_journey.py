"""Issue 3's acceptance, in a real browser: a social worker records an unborn child's early
permanence case from identification to the first hearing, and sees it all in the chronology."""

from datetime import date, timedelta

import pytest

from accounts.models import Role
from tests.accounts.factories import TEST_PASSWORD, TeamFactory, UserFactory

T = date.today()


def fill_date(page, name: str, day: date) -> None:
    page.locator(f"input[name='{name}_0']").fill(str(day.day))
    page.locator(f"input[name='{name}_1']").fill(str(day.month))
    page.locator(f"input[name='{name}_2']").fill(str(day.year))


def submit(page, name: str | None = None) -> None:
    """Press the form's button (each form names its own: "Add family member", "Save"…)."""
    buttons = page.locator("main form button.govuk-button")
    (buttons.filter(has_text=name) if name else buttons).first.click()
    page.wait_for_load_state()
    summary = page.locator(".govuk-error-summary")
    assert not summary.count(), summary.inner_text()


def open_section_link(page, text: str) -> None:
    page.get_by_role("link", name=text).first.click()
    page.wait_for_load_state()


@pytest.fixture
def social_worker(transactional_db):
    team = TeamFactory(name="Early Permanence Team")
    return UserFactory(
        username="sw.journey",
        first_name="Robin",
        last_name="Ashdown",
        organisation=team.organisation,
        role=Role.SOCIAL_WORKER,
        role__team=team,
    )


def test_social_worker_records_an_unborn_childs_case_and_sees_it_in_the_chronology(
    page, sign_in, social_worker
):
    sign_in("sw.journey", TEST_PASSWORD)

    # identify an unborn baby for early permanence
    page.get_by_role("link", name="Children").first.click()
    page.get_by_role("link", name="Add a child").click()
    page.get_by_label("Legal name").fill("Unborn baby of Test Parent")
    fill_date(page, "expected_delivery_date", T + timedelta(days=20))
    fill_date(page, "identified_on", T - timedelta(days=60))
    page.get_by_label("Local authority child ID").fill("NM-E2E-1")
    page.get_by_label("Pre-birth planning").check()
    page.get_by_label("Team", exact=True).select_option(label="Early Permanence Team")
    submit(page, "Add child")
    assert (
        page.get_by_role("heading", level=1).inner_text().startswith("Unborn baby of Test Parent")
    )
    assert "Unborn, due" in page.locator(".app-record-header").inner_text()

    # the parents, with early permanence information given to the mother (Standard 2.5)
    record_url = page.url.split("#")[0]
    page.get_by_role("tab", name="Family network").click()
    open_section_link(page, "Add a family member")
    page.get_by_label("Full name").fill("Test Parent")
    page.get_by_label("Mother", exact=True).check()
    # not yet: the mother has parental responsibility from the birth, not before (CA 1989 s.2)
    page.locator("input[name='parental_responsibility'][value='no']").check()
    fill_date(page, "ep_information_given_on", T - timedelta(days=45))
    submit(page)
    page.goto(record_url)
    page.get_by_role("tab", name="Family network").click()
    open_section_link(page, "Add a family member")
    page.get_by_label("Full name").fill("Possible Father")
    page.get_by_label("Alleged or possible father").check()
    submit(page)
    page.goto(record_url)
    page.get_by_role("tab", name="Family network").click()
    open_section_link(page, "Add a family member")
    page.get_by_label("Full name").fill("Grand Parent")
    page.get_by_label("Grandparent").check()
    submit(page)

    # a viability assessment of the grandmother (Standard 2.2)
    page.goto(record_url)
    page.get_by_role("tab", name="Family network").click()
    open_section_link(page, "Add a viability assessment")
    page.get_by_label("Grand Parent").check()
    fill_date(page, "requested_on", T - timedelta(days=40))
    fill_date(page, "due_on", T - timedelta(days=10))
    submit(page)

    # the PLO meeting
    page.goto(record_url)
    page.get_by_role("tab", name="Court").click()
    open_section_link(page, "Record pre-proceedings")
    fill_date(page, "meeting_on", T - timedelta(days=50))
    submit(page)

    # the twin-track plan, set at the pre-birth conference
    page.goto(record_url)
    page.get_by_role("tab", name="Twin-track plan").click()
    open_section_link(page, "Set the twin-track plan")
    page.get_by_label("Return to parents", exact=True).check()
    page.get_by_label("Return to parents: which parent or parents (optional)").fill(
        "Test Parent (mother)"
    )
    page.get_by_label("Return to parents: what needs to change for a safe return?").fill(
        "Residential parenting assessment"
    )
    page.get_by_label("Fostering for adoption", exact=True).check()
    page.get_by_label("s.22C(9A)(a): the local authority is considering adoption").check()
    page.get_by_role(
        "textbox", name="Adoption through early permanence: the plan (optional)"
    ).fill("Fostering for adoption with dually approved carers")
    page.get_by_label("Pre-birth conference").check()
    fill_date(page, "meeting_on", T - timedelta(days=35))
    submit(page)

    # the baby is born
    page.goto(record_url)
    page.get_by_role("link", name="Record the birth").click()
    fill_date(page, "date_of_birth", T - timedelta(days=14))
    page.get_by_label("Female").check()
    submit(page, "Record the birth")
    assert "2 weeks old" in page.locator(".app-record-header").inner_text()

    # proceedings are issued, and the case management hearing listed
    page.get_by_role("tab", name="Court").click()
    open_section_link(page, "Record that proceedings were issued")
    page.get_by_label("Court").fill("Family Court sitting at Testford")
    page.get_by_label("Case number").fill("TF26C00001")
    fill_date(page, "issued_on", T - timedelta(days=12))
    submit(page)
    page.goto(record_url)
    assert "Week 2 of 26" in page.locator(".app-record-header").inner_text()
    page.get_by_role("tab", name="Court").click()
    open_section_link(page, "Add a hearing")
    page.locator("input[name='kind'][value='cmh']").check()
    fill_date(page, "listed_on", T + timedelta(days=2))
    submit(page)
    page.goto(record_url)
    assert "Case management hearing" in page.locator(".app-record-header").inner_text()

    # everything that happened, in date order, in the chronology; the hearing still to come is
    # listed apart, as upcoming (issue 9, item 12)
    page.get_by_role("link", name="Chronology").click()
    upcoming = page.locator("#upcoming tbody tr").all_inner_texts()
    assert any("Case management hearing" in row for row in upcoming), upcoming
    rows = page.locator("#happened tbody tr").all_inner_texts()
    assert not any("Case management hearing" in row for row in rows), rows
    expected = [
        "Identified for early permanence",
        "Pre-proceedings meeting",
        "Early permanence information given",
        "Viability assessment requested",
        "Twin-track plan set",
        "Born",
        "Care proceedings issued",
    ]
    positions = []
    for title in expected:
        matches = [i for i, row in enumerate(rows) if title in row]
        assert matches, f"{title!r} is not in the chronology: {rows}"
        positions.append(matches[0])
    assert positions == sorted(positions), rows

    # printable: the print stylesheet leaves the chronology and drops the service's chrome
    page.emulate_media(media="print")
    assert not page.locator(".govuk-header").is_visible()
    assert not page.locator(".govuk-service-navigation").is_visible()
    assert not page.get_by_role("link", name="Download as CSV").is_visible()
    assert page.locator("table.app-chronology").first.is_visible()
    assert page.locator("#happened").is_visible()
