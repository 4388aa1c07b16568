"""Run every cell of the access matrix, and fail when a URL of the project is not in it.

The pages are declared by each app in ``tests/<app>/access.py`` (see tests/access_matrix.py).
The world they are about is built once for this module (per test worker) inside a transaction
that is rolled back at the end, and each cell runs in a savepoint rolled back after it (the
``db`` fixture), so a POST cannot leak into the next cell and nothing is left for other tests.
"""

import re

import pytest
from django.db import transaction
from django.test.utils import override_settings
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from tests.access_matrix import (
    ADMIN_NAMESPACE,
    all_pages,
    axe_pages,
    axe_role,
    build_world,
    cells,
)

PAGES = all_pages()
FAST_HASHER = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(scope="module")
def world(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock(), override_settings(PASSWORD_HASHERS=FAST_HASHER):
        with transaction.atomic():
            yield build_world()
            transaction.set_rollback(True)


@pytest.fixture
def cell_world(world, db):
    """The world, for one cell: pytest-django's ``db`` runs the cell in a savepoint of the
    world's transaction, rolled back after it."""
    return world


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
    """Admin URLs beyond those declared are left to the admin's own checks."""
    return (pattern.ep_namespace or "").split(":")[0] == ADMIN_NAMESPACE


@pytest.mark.parametrize(("url_name", "role", "scope"), cells(PAGES))
def test_access(client, cell_world, url_name, role, scope):
    world = cell_world
    page = PAGES[url_name]
    url = reverse(url_name, kwargs=page.kwargs(world) if page.kwargs else None)
    user = world.user(role, scope if scope != "-" else "own")
    if user is not None:
        client.force_login(user)
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
        elif name not in PAGES:
            missing.append(name)
    assert not unnamed, f"URL patterns without a name cannot be in the access matrix: {unnamed}"
    assert not missing, f"declare these URLs in tests/<app>/access.py (PAGES): {sorted(missing)}"


def test_matrix_names_only_urls_that_exist():
    names = {name for name, _ in _named_patterns()}
    assert set(PAGES) <= names, sorted(set(PAGES) - names)


def test_every_app_declares_its_pages_in_its_own_module():
    """An app's pages are declared by the app whose namespace they are in (the admin's by
    accounts): a page declared by another app's module would escape its owner's review."""
    from tests.access_matrix import access_modules

    for module in access_modules():
        app = module.__name__.split(".")[1]
        for name in module.PAGES:
            namespace = name.split(":")[0]
            assert namespace == app or (namespace == ADMIN_NAMESPACE and app == "accounts"), (
                f"{name} is declared in {module.__name__}"
            )


def test_anonymous_and_superuser_cells_run_once_per_page():
    runs = cells(PAGES)
    for role in ("anonymous", "superuser"):
        assert sorted(name for name, r, _ in runs if r == role) == sorted(PAGES)


# --- the axe page list (tests/e2e/test_accessibility.py) comes from the same declarations ---

AXE_PAGES = axe_pages(PAGES)
MAIN = re.compile(r"<main\b.*?</main>", re.S)


def test_every_get_page_is_checked_by_axe_or_says_why():
    unchecked = [
        name
        for name, page in PAGES.items()
        if page.method == "get" and name not in AXE_PAGES and not page.no_axe
    ]
    assert not unchecked, f"no role opens these pages for the axe check: {unchecked}"


@pytest.mark.parametrize(
    "url_name",
    [
        "children:proceedings_edit",
        "children:proceedings_conclude",
        "children:hearing_edit",
        "children:direction_complied",
        "children:consent_edit",
        "children:siblings",
        "children:sibling_link",
    ],
)
def test_pages_once_left_out_are_checked_with_their_errors(url_name):
    assert url_name in AXE_PAGES
    assert AXE_PAGES[url_name].errors is not None


@pytest.mark.parametrize("url_name", sorted(AXE_PAGES))
def test_each_form_of_the_axe_list_is_checked_with_its_errors(client, cell_world, url_name):
    """A page with a form declares the data that shows its errors (or why it has none), and
    posting that data answers the form again with its error summary."""
    world, page = cell_world, AXE_PAGES[url_name]
    role = axe_role(page)
    url = reverse(url_name, kwargs=page.kwargs(world) if page.kwargs else None)
    if role != "anonymous":
        client.force_login(world.user(role))
    response = client.get(url)
    assert response.status_code == 200
    main = MAIN.search(response.content.decode())
    has_form = main is not None and re.search(r'<form[^>]*method="post"', main.group(0), re.I)
    if not has_form:
        assert page.errors is None, f"{url_name} has no form to post"
        return
    assert page.errors is not None or page.no_errors, (
        f"{url_name} has a form: declare errors={{}} (or no_errors='why') in its access.py"
    )
    if page.errors is not None:
        response = client.post(url, page.errors)
        assert response.status_code == 200, f"{url_name} posted {page.errors}"
        assert 'class="govuk-error-summary"' in response.content.decode()
