"""Issue 12's family time acceptance, in a real browser: a social worker sets up a family time
plan, sessions are generated, the family time worker sees only their sessions, records
attendance and a handover note, and the attendance chart shows the rate."""

import re
from datetime import date, datetime, timedelta

import pytest
import time_machine
from playwright.sync_api import expect

from accounts.models import Role
from children.models import Relationship
from family_time.models import Session, SessionStatus
from tests.accounts.factories import TEST_PASSWORD, OrganisationFactory, TeamFactory, UserFactory
from tests.children.factories import ChildFactory, FamilyMemberFactory
from tests.family_time.factories import make_plan

# a Wednesday morning: the plan's Monday and Wednesday sessions of this week have started
NOW = datetime(2026, 11, 25, 12, 0)
TODAY = NOW.date()


def fill_date(page, name: str, day: date) -> None:
    page.locator(f"input[name='{name}_0']").fill(str(day.day))
    page.locator(f"input[name='{name}_1']").fill(str(day.month))
    page.locator(f"input[name='{name}_2']").fill(str(day.year))


def submit(page) -> None:
    page.locator("main form button.govuk-button").first.click()
    page.wait_for_load_state()
    summary = page.locator(".govuk-error-summary")
    assert not summary.count(), summary.inner_text()


@pytest.fixture
def world(transactional_db):
    with time_machine.travel(NOW, tick=True):
        council = OrganisationFactory(name="Northmoor Council", code="931")
        team = TeamFactory(organisation=council, name="Early Permanence Team")
        sw = UserFactory(
            username="sw.ft",
            first_name="Sam",
            last_name="Quill",
            organisation=council,
            role=Role.SOCIAL_WORKER,
            role__team=team,
        )
        ftw = UserFactory(
            username="ftw.ft",
            first_name="Riley",
            last_name="Elsworth",
            organisation=council,
            role=Role.FAMILY_TIME_WORKER,
            role__team=team,
        )
        other_ftw = UserFactory(
            username="ftw.other",
            first_name="Robin",
            last_name="Dale",
            organisation=council,
            role=Role.FAMILY_TIME_WORKER,
            role__team=team,
        )
        child = ChildFactory(
            responsible_authority=council, team=team, social_worker=sw, legal_name="Ivy Browser"
        )
        mother = FamilyMemberFactory(
            child=child, name="Rosa Browser", relationship=Relationship.MOTHER
        )
        other = ChildFactory(responsible_authority=council, team=team, legal_name="Otto Hidden")
        make_plan(
            child=other,
            by=sw,
            members=[FamilyMemberFactory(child=other, name="Someone Else")],
            supervisor=other_ftw,
            starts_on=TODAY - timedelta(days=2),
        )
        from family_time import services

        services.sessions_generate(
            plan=other.family_time_plans.get(),
            by=sw,
            from_on=TODAY - timedelta(days=2),
            to_on=TODAY + timedelta(days=4),
        )
    return {"child": child, "mother": mother, "ftw": ftw, "other": other}


def test_a_plan_its_sessions_and_the_family_time_workers_record(page, sign_in, world):
    child = world["child"]
    monday = TODAY - timedelta(days=TODAY.weekday())
    with time_machine.travel(NOW, tick=True):
        # the social worker sets up the plan
        sign_in("sw.ft", TEST_PASSWORD)
        page.goto(f"/children/{child.pk}/")
        page.get_by_role("tab", name="Family time").click()
        page.get_by_role("link", name="Set up a family time plan").click()
        page.get_by_label("Rosa Browser (mother)").check()
        page.get_by_label("Monday").check()
        page.get_by_label("Wednesday").check()
        page.locator("input[name='every_weeks']").fill("1")
        page.locator("input[name='start_time']").fill("10:00")
        page.locator("input[name='duration_minutes']").fill("90")
        page.locator("textarea[name='frequency_reasons']").fill(
            "Between Ivy's 9am and 1pm feeds; 20 minutes' drive each way"
        )
        page.get_by_label("Observed for assessment").check()
        box = page.get_by_role("combobox", name=re.compile("Who supervises family time"))
        box.press_sequentially("Riley", delay=50)
        page.get_by_role("option", name=re.compile("Riley Elsworth")).first.click()
        page.locator("input[name='venue']").fill("Northmoor Family Centre")
        page.get_by_label(re.compile("Children Act 1989 s.34")).check()
        fill_date(page, "starts_on", monday)
        submit(page)
        expect(page.locator("main")).to_contain_text("Between Ivy's 9am and 1pm feeds")

        # sessions generated for two weeks, twice: the second adds nothing
        page.get_by_role("tab", name="Family time").click()
        page.get_by_role("link", name=re.compile("Generate sessions")).click()
        fill_date(page, "from_on", monday)
        fill_date(page, "to_on", monday + timedelta(days=13))
        submit(page)
        expect(page.locator(".govuk-notification-banner")).to_contain_text("4 sessions added")
        assert Session.objects.filter(plan__child=child).count() == 4
        page.get_by_role("tab", name="Family time").click()
        page.get_by_role("link", name=re.compile("Generate sessions")).click()
        fill_date(page, "from_on", monday)
        fill_date(page, "to_on", monday + timedelta(days=13))
        submit(page)
        expect(page.locator(".govuk-notification-banner")).to_contain_text("0 sessions added")
        assert Session.objects.filter(plan__child=child).count() == 4
        page.get_by_role("button", name="Sign out").click()
        page.wait_for_load_state()

        # the family time worker sees only their own sessions
        sign_in("ftw.ft", TEST_PASSWORD)
        page.get_by_role("link", name="Family time").first.click()
        page.wait_for_load_state()
        main = page.locator("main")
        expect(main).to_contain_text("Ivy Browser")
        expect(main).not_to_contain_text("Otto Hidden")
        # records Monday's session: attendance and a handover note
        page.get_by_role(
            "link", name=re.compile(r"Record the session with Ivy Browser")
        ).first.click()
        page.get_by_label("Rosa Browser (mother)").select_option("late")
        page.locator("textarea[name='handover_notes']").fill("Calm handover with the carers")
        submit(page)
        expect(page.locator(".govuk-notification-banner")).to_contain_text("has been recorded")
        expect(page).to_have_url(re.compile(r"/family-time/$"))
        session = Session.objects.get(
            plan__child=child, handover_notes="Calm handover with the carers"
        )
        assert session.status == SessionStatus.HELD
        assert session.attendance.get().outcome == "late"
        # and Wednesday's: did not come
        page.get_by_role("link", name=re.compile(r"Record the session with Ivy Browser")).nth(
            1
        ).click()
        page.get_by_label("Rosa Browser (mother)").select_option("no_show")
        submit(page)
        expect(page.locator(".govuk-notification-banner")).to_contain_text("has been recorded")

        # the attendance chart shows the rate, with its numbers beside it
        page.goto(f"/children/{child.pk}/family-time/attendance/")
        expect(page.locator("svg title").first).to_contain_text("attendance rate")
        table = page.get_by_test_id("attendance-table")
        expect(table).to_contain_text("Rosa Browser")
        expect(table).to_contain_text("50%")
        # the other worker's child does not exist for this worker
        response = page.goto(f"/children/{world['other'].pk}/")
        assert response.status == 404
