"""Every page reachable so far passes axe-core's WCAG 2.2 AA rules (no serious or critical)."""

import pytest

from accounts.models import Role
from tests.accounts.factories import TEST_PASSWORD, TeamFactory, UserFactory


@pytest.fixture
def people(transactional_db):
    team = TeamFactory(name="Early Permanence Team")
    UserFactory(
        username="tm.axe", role=Role.TEAM_MANAGER, role__team=team, organisation=team.organisation
    )
    return {"team": team}


def test_sign_in_page_and_its_errors_are_accessible(page, sign_in, axe_check, transactional_db):
    page.goto("/sign-in/")
    axe_check(page)
    sign_in("nobody", "")
    assert page.locator(".govuk-error-summary").is_visible()
    axe_check(page)


def test_signed_in_pages_are_accessible(page, sign_in, axe_check, people):
    sign_in("tm.axe", TEST_PASSWORD)
    for path in ["/", "/teams/", f"/teams/{people['team'].pk}/", "/no-such-page/"]:
        page.goto(path)
        axe_check(page)


def test_birth_family_network_pages_are_accessible(page, sign_in, axe_check, transactional_db):
    from datetime import date, timedelta

    from children.models import Relationship
    from tests.children.factories import (
        ChildFactory,
        FamilyMemberFactory,
        PaternityTestFactory,
        ViabilityAssessmentFactory,
    )

    team = TeamFactory(name="Birth Family Team")
    worker = UserFactory(
        username="sw.family",
        role=Role.SOCIAL_WORKER,
        role__team=team,
        organisation=team.organisation,
    )
    child = ChildFactory(responsible_authority=team.organisation, team=team, social_worker=worker)
    father = FamilyMemberFactory(
        child=child, name="Ben Other", relationship=Relationship.ALLEGED_FATHER, address="1 Road"
    )
    assessment = ViabilityAssessmentFactory(  # overdue, so the red tag is checked too
        family_member=father,
        requested_on=date.today() - timedelta(days=40),
        due_on=date.today() - timedelta(days=2),
    )
    test = PaternityTestFactory(alleged_father=father)
    sign_in("sw.family", TEST_PASSWORD)

    record = f"/children/{child.pk}/"
    page.goto(f"{record}#family")
    assert page.get_by_role("heading", name="Birth family network").is_visible()
    axe_check(page)
    for path in [
        "family/members/new/",
        f"family/members/{father.pk}/edit/",
        f"family/members/{father.pk}/archive/",
        "family/viability/new/",
        f"family/viability/{assessment.pk}/edit/",
        "family/paternity/new/",
        f"family/paternity/{test.pk}/edit/",
    ]:
        page.goto(record + path)
        axe_check(page)

    page.goto(f"{record}family/members/new/")
    page.get_by_role("button", name="Add family member").click()
    page.wait_for_load_state()
    assert page.locator(".govuk-error-summary").is_visible()
    axe_check(page)


def test_plan_reviews_notes_and_standards_pages_are_accessible(
    page, sign_in, axe_check, transactional_db
):
    from datetime import date, timedelta

    from tests.children.factories import (
        CaseNoteFactory,
        ChildFactory,
        ChildStandardRecordFactory,
        IROConcernFactory,
        LookedAfterReviewFactory,
        PracticeStandardItemFactory,
        TwinTrackPlanFactory,
    )

    team = TeamFactory(name="Twin Track Team")
    org = team.organisation
    worker = UserFactory(
        username="sw.plan", role=Role.SOCIAL_WORKER, role__team=team, organisation=org
    )
    iro = UserFactory(username="iro.plan", role=Role.IRO, role__team=team, organisation=org)
    child = ChildFactory(
        responsible_authority=org,
        team=team,
        social_worker=worker,
        iro=iro,
        looked_after_on=date.today() - timedelta(days=40),
    )
    TwinTrackPlanFactory(child=child, created_by=worker)
    TwinTrackPlanFactory(
        child=child,
        meeting_on=date.today() - timedelta(days=5),
        reason="Mother left the assessment",
        created_by=worker,
    )
    review = LookedAfterReviewFactory(child=child, scheduled_on=date.today() - timedelta(days=1))
    LookedAfterReviewFactory(
        child=child,
        scheduled_on=date.today() - timedelta(days=30),
        held_on=date.today() - timedelta(days=30),
        chair=iro,
        recommendations="Proceed with twin-track planning",
        plan_endorsed=True,
    )
    concern = IROConcernFactory(child=child, created_by=iro)
    IROConcernFactory(
        child=child,
        raised_on=date.today() - timedelta(days=20),
        resolved_on=date.today() - timedelta(days=10),
        resolution="Timeframe agreed",
        created_by=iro,
    )
    CaseNoteFactory(child=child, text="Baby settled.", created_by=worker)
    item = PracticeStandardItemFactory(code="2.5", text="EP information given to parents")
    marked = PracticeStandardItemFactory(code="2.6", text="Twin-track outcomes explained")
    ChildStandardRecordFactory(child=child, item=marked, note="At the PLO meeting")
    record = f"/children/{child.pk}/"

    def submit_empty(path: str):
        page.goto(record + path)
        axe_check(page)
        page.locator("#main-content form button.govuk-button").click()
        page.wait_for_load_state()
        assert page.locator(".govuk-error-summary").is_visible(), path
        axe_check(page)

    sign_in("sw.plan", TEST_PASSWORD)
    for anchor, heading in [
        ("plan", "Twin-track plan"),
        ("reviews", "Looked-after reviews"),
        ("notes", "Case notes"),
        ("standards", "Practice standards"),
    ]:
        page.goto(f"{record}#{anchor}")
        assert page.get_by_role("heading", name=heading, exact=True).is_visible()
        axe_check(page)
    for path in ["plan/", "reviews/new/", "notes/new/", f"standards/{item.pk}/"]:
        submit_empty(path)
    page.goto(f"{record}standards/{marked.pk}/remove/")
    axe_check(page)

    page.context.clear_cookies()
    sign_in("iro.plan", TEST_PASSWORD)
    for path in [
        "concerns/new/",
        f"reviews/{review.pk}/outcome/",
        f"concerns/{concern.pk}/resolve/",
    ]:
        submit_empty(path)
    page.goto(f"{record}concerns/{concern.pk}/stage/")
    axe_check(page)


def test_court_record_pages_are_accessible(page, sign_in, axe_check, transactional_db):
    from datetime import date, timedelta

    from children.models import Relationship
    from tests.children.factories import (
        ChildFactory,
        CourtOrderFactory,
        DirectionFactory,
        ExtensionFactory,
        FamilyMemberFactory,
        HearingFactory,
        ProceedingsFactory,
        Section19ConsentFactory,
    )

    team = TeamFactory(name="Court Team")
    worker = UserFactory(
        username="sw.court",
        role=Role.SOCIAL_WORKER,
        role__team=team,
        organisation=team.organisation,
    )
    child = ChildFactory(responsible_authority=team.organisation, team=team, social_worker=worker)
    proceedings = ProceedingsFactory(child=child)
    ExtensionFactory(proceedings=proceedings, weeks=4, granted_on=date.today())
    hearing = HearingFactory(proceedings=proceedings)
    DirectionFactory(hearing=hearing, due_on=date.today() - timedelta(days=1))  # overdue tag
    CourtOrderFactory(child=child, hearing=hearing, made_on=hearing.listed_on)
    mother = FamilyMemberFactory(child=child, name="Amy Parent", relationship=Relationship.MOTHER)
    Section19ConsentFactory(child=child, parent=mother)
    sign_in("sw.court", TEST_PASSWORD)

    record = f"/children/{child.pk}/"
    page.goto(f"{record}#court")
    assert page.get_by_role("heading", name="Court", exact=True).is_visible()
    axe_check(page)
    for path in [
        "court/pre-proceedings/",
        "court/proceedings/new/",
        f"court/proceedings/{proceedings.pk}/extensions/new/",
        f"court/proceedings/{proceedings.pk}/hearings/new/",
        f"court/hearings/{hearing.pk}/directions/new/",
        "court/orders/new/",
        "court/section-19/new/",
    ]:
        page.goto(record + path)
        axe_check(page)

    page.goto(f"{record}court/proceedings/{proceedings.pk}/hearings/new/")
    page.get_by_role("button", name="Add hearing").click()
    page.wait_for_load_state()
    assert page.locator(".govuk-error-summary").is_visible()
    axe_check(page)


def test_child_record_pages_are_accessible(page, sign_in, axe_check, transactional_db):
    from datetime import date, timedelta

    from tests.children.factories import ChildFactory, TwinTrackPlanFactory, UnbornChildFactory

    team = TeamFactory(name="Early Permanence Team")
    org = team.organisation
    UserFactory(username="sw.axe", role=Role.SOCIAL_WORKER, role__team=team, organisation=org)
    UserFactory(username="tm.axe2", role=Role.TEAM_MANAGER, role__team=team, organisation=org)
    child = ChildFactory(
        responsible_authority=org, team=team, looked_after_on=date.today() - timedelta(days=20)
    )
    TwinTrackPlanFactory(child=child)
    unborn = UnbornChildFactory(responsible_authority=org, team=team)
    sign_in("sw.axe", TEST_PASSWORD)
    for path in [
        "/",
        "/children/?scope=all",
        "/children/new/",
        f"/children/{child.pk}/",
        f"/children/{child.pk}/edit/",
        f"/children/{unborn.pk}/birth/",
        f"/children/{child.pk}/chronology/",
        f"/children/{child.pk}/history/",
    ]:
        page.goto(path)
        axe_check(page)
    page.goto("/children/new/")
    page.locator("main form button.govuk-button").first.click()
    page.wait_for_load_state()
    assert page.locator(".govuk-error-summary").is_visible()
    axe_check(page)
    page.get_by_role("button", name="Sign out").click()
    sign_in("tm.axe2", TEST_PASSWORD)
    page.goto(f"/children/{child.pk}/archive/")
    axe_check(page)
