"""Issue 8 (part B), in a real browser: on the court tab a social worker records who holds
parental responsibility, a mother's consent to placement for adoption (witnessed before the baby
was six weeks old: recorded, flagged, never authority; then again at six weeks) and a Part 19
application for the court's guidance."""

from datetime import date, timedelta

import pytest

from accounts.models import Role
from tests.accounts.factories import TEST_PASSWORD, TeamFactory, UserFactory
from tests.children import factories as f
from tests.e2e.test_child_journey import fill_date, open_section_link, submit

T = date.today()
BORN = T - timedelta(days=50)


@pytest.fixture
def child(transactional_db):
    team = TeamFactory(name="Early Permanence Team")
    sw = UserFactory(
        username="sw.consent",
        organisation=team.organisation,
        role=Role.SOCIAL_WORKER,
        role__team=team,
    )
    child = f.ChildFactory(
        responsible_authority=team.organisation,
        team=team,
        social_worker=sw,
        legal_name="Morgan Example",
        date_of_birth=BORN,
    )
    f.FamilyMemberFactory(child=child, name="Robin Example", relationship="mother")
    f.FamilyMemberFactory(
        child=child,
        name="Drew Example",
        relationship="alleged_father",
        parental_responsibility="unknown",
    )
    return child


def test_the_court_tab_shows_who_holds_pr_the_consent_records_and_the_part_19_application(
    page, sign_in, live_server, child
):
    sign_in("sw.consent", TEST_PASSWORD)
    record_url = f"{live_server.url}/children/{child.pk}/"
    page.goto(record_url)
    page.get_by_role("tab", name="Court").click()
    holders = page.locator("#pr-holders").inner_text()
    assert "Robin Example" in holders
    assert "Mother: from the birth" in holders
    assert "Drew Example" not in holders

    # the alleged father: no parental responsibility, so not asked to consent
    page.get_by_text("Record parental responsibility of a family member").click()
    open_section_link(page, "Drew Example (alleged or possible father)")
    page.get_by_label("Does not have parental responsibility").check()
    submit(page)

    # consent witnessed at five weeks: recorded as a fact, flagged, never authority
    page.goto(record_url)
    page.get_by_role("tab", name="Court").click()
    open_section_link(page, "Record consent to placement for adoption")
    assert page.get_by_label("Drew Example (alleged or possible father)").count() == 0
    page.get_by_label("Robin Example (mother)").check()
    page.get_by_label("Consent given and witnessed by Cafcass").check()
    page.get_by_label("To placement with any prospective adopters").check()
    fill_date(page, "considered_on", BORN + timedelta(days=30))
    fill_date(page, "witnessed_on", BORN + timedelta(days=35))
    submit(page)
    page.goto(record_url)
    page.get_by_role("tab", name="Court").click()
    authority = page.locator("#consent-authority").inner_text()
    assert "Not authorised to place by consent" in authority
    assert "before the baby was six weeks old" in page.locator("#court").inner_text()

    # consent again at six weeks: the agency is authorised, and holds PR (ACA s.25)
    open_section_link(page, "Record consent to placement for adoption")
    page.get_by_label("Robin Example (mother)").check()
    page.get_by_label("Consent given and witnessed by Cafcass").check()
    page.get_by_label("To placement with any prospective adopters").check()
    fill_date(page, "considered_on", BORN + timedelta(days=40))
    fill_date(page, "witnessed_on", BORN + timedelta(days=42))
    submit(page)
    page.goto(record_url)
    page.get_by_role("tab", name="Court").click()
    assert "Authorised to place by consent" in page.locator("#consent-authority").inner_text()
    assert "The adoption agency" in page.locator("#pr-holders").inner_text()

    # a Part 19 application for the court's guidance: its own record, not consent
    open_section_link(page, "Record a Part 19 application")
    page.get_by_label("What the court is asked").fill("Whether the father must be told")
    fill_date(page, "applied_on", T - timedelta(days=5))
    submit(page)
    page.goto(record_url)
    page.get_by_role("tab", name="Court").click()
    court = page.locator("#court").inner_text()
    assert "Whether the father must be told" in court
    assert "Not decided yet" in court
    assert "Section 19" not in court
