"""Choosing a social worker by typing part of a name (accounts/autocomplete.py,
static/js/autocomplete.js): with JavaScript through alphagov's accessible-autocomplete, and the
same form without JavaScript through the search step."""

import re

import pytest
from playwright.sync_api import expect

from accounts.models import Role
from tests.accounts.factories import TEST_PASSWORD, TeamFactory, UserFactory
from tests.children.factories import ChildFactory


@pytest.fixture
def child(transactional_db):
    team = TeamFactory(name="Early Permanence Team")
    org = team.organisation
    worker = UserFactory(
        username="sw.chooser",
        first_name="Alex",
        last_name="Example",
        role=Role.SOCIAL_WORKER,
        role__team=team,
        organisation=org,
    )
    other_team = TeamFactory(name="Court Team", organisation=org)
    for first, last, in_team in [("Sam", "Quill", other_team), ("Sam", "Quigley", team)]:
        UserFactory(
            first_name=first,
            last_name=last,
            role=Role.SOCIAL_WORKER,
            role__team=in_team,
            organisation=org,
        )
    return ChildFactory(
        responsible_authority=org, team=team, social_worker=worker, legal_name="Ash Wren"
    )


def test_a_social_worker_is_chosen_by_typing_part_of_their_name(page, sign_in, axe_check, child):
    sign_in("sw.chooser", TEST_PASSWORD)
    page.goto(f"/children/{child.pk}/edit/")
    box = page.get_by_role("combobox", name="Social worker")
    expect(box).to_have_value("Alex Example")
    box.fill("")
    box.press_sequentially("qui", delay=50)
    options = page.locator("#id_social_worker__listbox").get_by_role("option")
    expect(options).to_have_count(2)
    # the user's own team first, each with their team to tell them apart
    expect(options.first).to_contain_text("Sam Quigley")
    expect(options.nth(1)).to_contain_text("Sam Quill")
    expect(options.nth(1)).to_contain_text("Court Team")
    axe_check(page)  # with the list of suggestions open
    options.nth(1).click()
    expect(box).to_have_value("Sam Quill")
    page.get_by_role("button", name="Save").click()
    page.wait_for_load_state()
    expect(page).to_have_url(re.compile(rf"/children/{child.pk}/"))
    child.refresh_from_db()
    assert str(child.social_worker) == "Sam Quill"
    expect(page.get_by_text("Sam Quill").first).to_be_visible()


def test_the_same_form_works_without_javascript(browser, live_server, child):
    context = browser.new_context(
        base_url=live_server.url, locale="en-GB", java_script_enabled=False
    )
    page = context.new_page()
    page.set_default_timeout(15_000)
    try:
        page.goto("/sign-in/")
        page.get_by_label("Username").fill("sw.chooser")
        page.get_by_label("Password").fill(TEST_PASSWORD)
        page.get_by_role("button", name="Sign in").click()
        page.goto(f"/children/{child.pk}/edit/")
        page.get_by_label("Or search for another social worker by name").fill("Sam Qui")
        page.get_by_role("button", name="Save").click()
        summary = page.locator(".govuk-error-summary")
        expect(summary).to_contain_text(
            'More than one social worker matches "Sam Qui": choose one'
        )
        expect(page.get_by_label("Or search again")).to_have_value("Sam Qui")
        page.get_by_label("Social worker", exact=True).select_option(
            label="Sam Quill – Court Team"
        )
        page.get_by_role("button", name="Save").click()
        expect(page).to_have_url(re.compile(rf"/children/{child.pk}/"))
        child.refresh_from_db()
        assert str(child.social_worker) == "Sam Quill"
    finally:
        context.close()


def test_the_search_step_is_accessible(page, sign_in, axe_check, child):
    """The markup a browser without JavaScript gets (axe itself needs JavaScript to run, so the
    enhancement is blocked instead)."""
    page.route("**/js/autocomplete.js", lambda route: route.abort())
    sign_in("sw.chooser", TEST_PASSWORD)
    page.goto(f"/children/{child.pk}/edit/")
    axe_check(page)
    page.get_by_label("Or search for another social worker by name").fill("Sam Qui")
    page.get_by_role("button", name="Save").click()
    expect(page.locator(".govuk-error-summary")).to_be_visible()
    axe_check(page)
