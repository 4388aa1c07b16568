"""The access matrix: every URL of the project × every role × own/other/referred scope → status.

Each app declares its own pages in ``tests/<app>/access.py``:

* ``PAGES: dict[str, Page]``: URL name → the ``Page`` it answers (statuses by role and scope);
* optionally ``build(world)``: adds the objects its pages are about to the shared ``World``
  (e.g. ``world.own_child``), after the apps below it on the floors have added theirs.

``all_pages()`` collects ``PAGES`` of every app in ``INSTALLED_APPS`` that has such a module, and
``build_world()`` builds one world from every ``build``. ``tests/test_access_matrix.py`` runs every
cell against it and fails when a URL pattern of the project is not declared; the axe page list of
``tests/e2e/test_accessibility.py`` is generated from the same declarations. Statuses:

* ``anonymous`` is the signed-out visitor;
* each role is a user holding only that role, in the organisation that owns the object
  (``own``), in another organisation (``other``), or in the regional adoption agency the
  child is referred to (``referred``: it reads the child's record but never changes it);
* ``superuser`` is a system administrator with no organisation.

For a page that is not about one object, ``own`` and ``other`` expect the same. For an object
page, a user of another organisation gets 404, never the object.
"""

import importlib
import importlib.util
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from types import ModuleType, SimpleNamespace

from accounts.models import Role

ROOT = Path(__file__).resolve().parent.parent
ROLES = ["anonymous", *Role.values, "superuser"]
SCOPES = ["own", "other", "referred"]
# Who the visitor is does not depend on a scope: these roles run once per page.
UNSCOPED = {"anonymous", "superuser"}


@dataclass(frozen=True)
class Page:
    """Expected status by role; ``other`` overrides for users of another organisation."""

    default: int
    anonymous: int = 302
    by_role: dict = field(default_factory=dict)
    other: int | None = None  # object pages: status for users of another organisation
    other_by_role: dict = field(default_factory=dict)
    kwargs: Callable | None = None  # (world) -> URL kwargs, for object pages
    method: str = "get"
    # users of the agency the child is referred to; unset, they are treated as "other"
    referred: int | None = None
    referred_by_role: dict = field(default_factory=dict)
    # --- the axe check (tests/e2e/test_accessibility.py) ---
    # why the page is not checked in the browser (not HTML: a CSV, JSON); "" = it is checked
    no_axe: str = ""
    # the POST data that shows the page's form with its errors ({} posts it empty); None when
    # the page has no form, or says in ``no_errors`` why its form has no error state
    errors: dict | None = None
    no_errors: str = ""  # e.g. "a confirmation: posting it does the thing"

    def expected(self, role: str, scope: str) -> int:
        if role == "anonymous":
            return self.anonymous
        if scope == "referred" and role != "superuser":
            if role in self.referred_by_role:
                return self.referred_by_role[role]
            if self.referred is not None:
                return self.referred
            scope = "other" if self.other is not None or self.other_by_role else "own"
        if scope == "other" and role != "superuser":
            if role in self.other_by_role:
                return self.other_by_role[role]
            if self.other is not None:
                return self.other
        return self.by_role.get(role, self.default)


class World(SimpleNamespace):
    """The shared test world: three organisations with a team each, a user of every role in
    each (``world.user(role, scope)``), a superuser, and whatever each app's ``build`` adds.

    * ``own_org`` / ``own_team``: the local authority that owns the objects of the pages;
    * ``other_org`` / ``other_team``: another local authority;
    * ``agency`` / ``agency_team``: the regional adoption agency the own children are referred to.
    """

    def user(self, role: str, scope: str = "own"):
        if role == "anonymous":
            return None
        if role == "superuser":
            return self.superuser
        return self.users[role, scope]


# Admin URLs the matrix leaves to Django's admin (its own permission checks, tested in
# tests/accounts/test_admin.py): every pattern under the "admin" namespace that no app declares.
ADMIN_NAMESPACE = "admin"


def project_apps() -> list:
    """The app configs of INSTALLED_APPS that are this project's own (ground floor first)."""
    from django.apps import apps

    return [config for config in apps.get_app_configs() if Path(config.path).parent == ROOT]


def access_modules() -> list[ModuleType]:
    """``tests.<app>.access`` of every project app that declares its pages, in INSTALLED_APPS
    order (so an app's ``build`` runs after those of the floors below it)."""
    modules = []
    for config in project_apps():
        name = f"tests.{config.label}.access"
        try:
            found = importlib.util.find_spec(name)
        except ModuleNotFoundError:  # no tests/<app>/ package yet
            found = None
        if found is not None:
            modules.append(importlib.import_module(name))
    return modules


def all_pages() -> dict[str, Page]:
    """Every declared page of every app: URL name → Page."""
    pages: dict[str, Page] = {}
    for module in access_modules():
        for name, page in module.PAGES.items():
            assert name not in pages, f"{name} is declared twice (again in {module.__name__})"
            pages[name] = page
    return pages


def build_world() -> World:
    """The shared world: organisations, teams and users here, then each app's ``build``."""
    from tests.accounts.factories import OrganisationFactory, TeamFactory, UserFactory

    own_org = OrganisationFactory(name="Northmoor Council", code="901")
    other_org = OrganisationFactory(name="Eastbridge Borough Council", code="902")
    agency = OrganisationFactory(name="Fenvale Adoption Partnership", code="RAA1", kind="raa")
    world = World(
        own_org=own_org,
        other_org=other_org,
        agency=agency,
        own_team=TeamFactory(organisation=own_org),
        other_team=TeamFactory(organisation=other_org),
        agency_team=TeamFactory(organisation=agency),
    )
    teams = {"own": world.own_team, "other": world.other_team, "referred": world.agency_team}
    world.users = {
        (role, scope): UserFactory(
            username=f"{role}.{scope}",
            organisation=team.organisation,
            role=Role(role),
            role__team=team,
        )
        for role in Role.values
        for scope, team in teams.items()
    }
    world.superuser = UserFactory(
        username="superuser", organisation=None, is_superuser=True, is_staff=True
    )
    for module in access_modules():
        if hasattr(module, "build"):
            module.build(world)
    return world


def cells(pages: dict[str, Page]) -> list[tuple[str, str, str]]:
    """(URL name, role, scope) for every cell that can differ: the visitor and the superuser
    once per page (their status does not depend on a scope), each role in every scope."""
    return [
        (name, role, "-" if role in UNSCOPED else scope)
        for name in pages
        for role in ROLES
        for scope in (["-"] if role in UNSCOPED else SCOPES)
    ]


# The role the axe check signs in as, in this order of preference: the first that opens the
# page (200) in its own organisation.
AXE_ROLES = ["social_worker", "team_manager", "iro", *Role.values, "superuser", "anonymous"]


def axe_role(page: Page) -> str | None:
    """The role that opens the page in the browser for the axe check (None if none can)."""
    for role in AXE_ROLES:
        if page.expected(role, "own") == 200:
            return role
    return None


def axe_pages(pages: dict[str, Page] | None = None) -> dict[str, Page]:
    """The pages the axe check opens: every GET page that some role opens, unless it says why
    not (``no_axe``)."""
    pages = all_pages() if pages is None else pages
    return {
        name: page
        for name, page in pages.items()
        if page.method == "get" and not page.no_axe and axe_role(page) is not None
    }
