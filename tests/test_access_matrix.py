"""Run every cell of the access matrix, and fail when a URL of the project is not in it."""

from dataclasses import dataclass, field

import pytest
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from accounts.models import Organisation, Role, Team
from children.models import (
    Child,
    Direction,
    FamilyMember,
    Hearing,
    IROConcern,
    LookedAfterReview,
    PaternityTest,
    PracticeStandardItem,
    Proceedings,
    Relationship,
    Section19Consent,
    ViabilityAssessment,
)
from tests.access_matrix import ADMIN_NAMESPACE, MATRIX, ROLES, SCOPES
from tests.accounts.factories import OrganisationFactory, TeamFactory, UserFactory
from tests.children.factories import (
    ChildFactory,
    ChildStandardRecordFactory,
    DirectionFactory,
    FamilyMemberFactory,
    HearingFactory,
    IROConcernFactory,
    LookedAfterReviewFactory,
    PaternityTestFactory,
    PracticeStandardItemFactory,
    ProceedingsFactory,
    Section19ConsentFactory,
    UnbornChildFactory,
    ViabilityAssessmentFactory,
)


@dataclass
class World:
    own_org: Organisation
    other_org: Organisation
    own_team: Team
    other_team: Team
    own_child: Child
    own_unborn: Child
    # the regional adoption agency the own children are referred to
    agency_team: Team | None = field(default=None, kw_only=True)
    # the own child's birth family network (set by the fixture once the child exists)
    own_family_member: FamilyMember | None = field(default=None, kw_only=True)
    own_viability: ViabilityAssessment | None = field(default=None, kw_only=True)
    own_paternity: PaternityTest | None = field(default=None, kw_only=True)
    # the own child's court record
    own_proceedings: Proceedings | None = field(default=None, kw_only=True)
    own_hearing: Hearing | None = field(default=None, kw_only=True)
    own_direction: Direction | None = field(default=None, kw_only=True)
    own_consent: Section19Consent | None = field(default=None, kw_only=True)
    # the own child's reviews, IRO concerns and a practice standard marked met for it
    own_review: LookedAfterReview | None = field(default=None, kw_only=True)
    own_concern: IROConcern | None = field(default=None, kw_only=True)
    own_standard_item: PracticeStandardItem | None = field(default=None, kw_only=True)


@pytest.fixture
def world(db):
    own_org = OrganisationFactory(name="Northmoor Council", code="901")
    other_org = OrganisationFactory(name="Eastbridge Borough Council", code="902")
    own_team = TeamFactory(organisation=own_org)
    agency = OrganisationFactory(name="Fenvale Adoption Partnership", code="RAA1", kind="raa")
    world = World(
        own_org=own_org,
        other_org=other_org,
        own_team=own_team,
        other_team=TeamFactory(organisation=other_org),
        own_child=ChildFactory(responsible_authority=own_org, team=own_team, referred_to=agency),
        own_unborn=UnbornChildFactory(
            responsible_authority=own_org, team=own_team, referred_to=agency
        ),
        agency_team=TeamFactory(organisation=agency),
    )
    world.own_family_member = FamilyMemberFactory(
        child=world.own_child, relationship=Relationship.ALLEGED_FATHER
    )
    world.own_viability = ViabilityAssessmentFactory(
        child=world.own_child, family_member=world.own_family_member
    )
    world.own_paternity = PaternityTestFactory(
        child=world.own_child, alleged_father=world.own_family_member
    )
    world.own_proceedings = ProceedingsFactory(child=world.own_child)
    world.own_hearing = HearingFactory(proceedings=world.own_proceedings)
    world.own_direction = DirectionFactory(hearing=world.own_hearing)
    world.own_consent = Section19ConsentFactory(child=world.own_child)
    world.own_review = LookedAfterReviewFactory(child=world.own_child)
    world.own_concern = IROConcernFactory(child=world.own_child)
    world.own_standard_item = PracticeStandardItemFactory()
    ChildStandardRecordFactory(child=world.own_child, item=world.own_standard_item)
    return world


def _user_for(world: World, role: str, scope: str):
    if role == "superuser":
        return UserFactory(organisation=None, is_superuser=True, is_staff=True)
    team = {"own": world.own_team, "other": world.other_team, "referred": world.agency_team}[scope]
    return UserFactory(organisation=team.organisation, role=Role(role), role__team=team)


def _named_patterns(resolver=None, namespace=None):
    """Every (full name, pattern) of the project's URLconf, each tagged with its namespace."""
    resolver = resolver or get_resolver()
    for entry in resolver.url_patterns:
        if isinstance(entry, URLResolver):
            inner = entry.namespace or namespace
            if namespace and entry.namespace:
                inner = f"{namespace}:{entry.namespace}"
            yield from _named_patterns(entry, inner)
        elif isinstance(entry, URLPattern):
            name = f"{namespace}:{entry.name}" if namespace and entry.name else entry.name
            entry.ep_namespace = namespace
            yield name, entry


def _in_admin(pattern) -> bool:
    """Admin URLs beyond those listed in the matrix are left to the admin's own checks."""
    return (pattern.ep_namespace or "").split(":")[0] == ADMIN_NAMESPACE


CELLS = [(name, role, scope) for name in MATRIX for role in ROLES for scope in SCOPES]


@pytest.mark.parametrize(("url_name", "role", "scope"), CELLS)
def test_access(client, world, url_name, role, scope):
    page = MATRIX[url_name]
    url = reverse(url_name, kwargs=page.kwargs(world) if page.kwargs else None)
    if role != "anonymous":
        client.force_login(_user_for(world, role, scope))
    response = getattr(client, page.method)(url)
    expected = page.expected(role, scope)
    assert response.status_code == expected, (
        f"{url_name} as {role} ({scope} organisation): "
        f"expected {expected}, got {response.status_code}"
    )


def test_every_url_of_the_project_is_in_the_matrix():
    missing, unnamed = [], []
    for name, pattern in _named_patterns():
        if _in_admin(pattern):
            continue  # the admin site's own patterns: Django's permission checks guard them
        if name is None:
            unnamed.append(str(pattern.pattern))
        elif name not in MATRIX:
            missing.append(name)
    assert not unnamed, f"URL patterns without a name cannot be in the access matrix: {unnamed}"
    assert not missing, f"add these URLs to tests/access_matrix.py: {sorted(missing)}"


def test_matrix_names_only_urls_that_exist():
    names = {name for name, _ in _named_patterns()}
    assert set(MATRIX) <= names, sorted(set(MATRIX) - names)
