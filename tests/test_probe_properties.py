"""The properties a security probe confirmed, kept under test for every page there is and will
be (issue 15 "Done when"): the pages come from the apps' access declarations
(``tests/<app>/access.py``, ``all_pages()``), so a new app's forms and nested URLs are covered as
soon as they are declared.

* CSRF: every POST form (a page declared with a form: ``errors``/``no_errors``, or
  ``method="post"``) answers 403 to a POST without the token and changes nothing; with the token
  the same POST is not refused (so the 403 is the CSRF check's, not the access rules').
* IDOR: every nested URL (an object and a record of it, e.g. a hearing of a child) answers 404
  and changes nothing when the record belongs to another object — of the same organisation, or
  the record of one organisation under another organisation's object.
* Injection and reflection: the search boxes answer normally to SQL metacharacters, find
  nothing through them, and show what was typed escaped.
"""

import pytest
from django.apps import apps
from django.db import transaction
from django.middleware.csrf import _get_new_csrf_string
from django.test import Client
from django.test.utils import override_settings
from django.urls import reverse

from accounts.models import RefusedAccess
from tests.access_matrix import AXE_ROLES, all_pages, axe_role, build_world

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
    """The world for one test, in a savepoint rolled back after it (see test_access_matrix)."""
    return world


def snapshot() -> dict[str, int]:
    """The number of rows of every model (their history tables included), but the refusals'
    own log: a refused request writes nothing else."""
    return {
        model._meta.label: model._default_manager.count()
        for model in apps.get_models()
        if model is not RefusedAccess and not model._meta.proxy
    }


def _client_as(user, **kwargs) -> Client:
    client = Client(**kwargs)
    if user is not None:
        client.force_login(user)
    return client


# --- CSRF ---------------------------------------------------------------------------------------


def is_post_form(page) -> bool:
    return page.method == "post" or page.errors is not None or bool(page.no_errors)


POST_FORMS = sorted(name for name, page in PAGES.items() if is_post_form(page))


def post_role(page) -> str:
    """Who posts the form: the role that opens it, or (a POST-only page) one it answers."""
    role = axe_role(page)
    if role is not None:
        return role
    return next(r for r in AXE_ROLES if page.expected(r, "own") in (200, 302))


def test_the_csrf_list_holds_every_kind_of_form():
    assert "accounts:login" in POST_FORMS
    assert "accounts:logout" in POST_FORMS
    assert "children:create" in POST_FORMS
    assert "children:hearing_edit" in POST_FORMS
    assert "children:standard_unmark" in POST_FORMS  # a confirmation, no error state
    assert "children:record" not in POST_FORMS


@pytest.mark.parametrize("url_name", POST_FORMS)
def test_a_post_without_the_csrf_token_is_refused_and_changes_nothing(cell_world, url_name):
    world = cell_world
    page = PAGES[url_name]
    role = post_role(page)
    user = world.user(role, "own")
    url = reverse(url_name, kwargs=page.kwargs(world) if page.kwargs else None)
    data = dict(page.errors or {})

    client = _client_as(user, enforce_csrf_checks=True)
    before = snapshot()
    refused = client.post(url, data)
    assert refused.status_code == 403, f"{url_name} as {role}: {refused.status_code}"
    assert snapshot() == before, f"{url_name}: a POST without the token changed something"

    # the same POST with the token is not refused: the 403 above was the CSRF check's
    token = _get_new_csrf_string()
    client.cookies["csrftoken"] = token
    allowed = client.post(url, {**data, "csrfmiddlewaretoken": token})
    assert allowed.status_code != 403, f"{url_name} as {role} refused even with the token"


# --- IDOR: swapped nested ids -------------------------------------------------------------------

# A URL kwarg of a nested page that names reference data, not a record of the parent: the
# same item under another child's URL is that child's item, not a swapped id.
_STANDARD_ITEM = "item_pk is a Practice Standards checklist item (reference data)"
NOT_RECORDS_OF_THE_PARENT = {
    "children:standard_mark": _STANDARD_ITEM,
    "children:standard_unmark": _STANDARD_ITEM,
    "children:standard_not_applicable": _STANDARD_ITEM,
    "children:standard_verify": _STANDARD_ITEM,
    "carers:approval_add": "kind names the kind of approval (adopter or foster), not a record",
    "matching:match_propose": "household_pk names a candidate household, not a child's record",
}


def _twin_child(world, scope: str):
    """Another child that the scope's users see as fully as the world's own child."""
    from tests.children.factories import ChildFactory

    org, team = {
        "own": (world.own_org, world.own_team),
        "other": (world.other_org, world.other_team),
    }[scope]
    return ChildFactory(
        responsible_authority=org,
        team=team,
        social_worker=world.user("social_worker", scope),
        iro=world.user("iro", scope),
    )


def _twin_household(world, scope: str):
    """Another carer household, recruited by the scope's supervising social worker's agency."""
    from tests.carers.factories import build_household

    return build_household(
        by=world.user("supervising_social_worker", scope), name="The Twin household"
    )


# the parent of a nested URL, by namespace: how to make another one of it, and the page that
# shows it (a new app with nested URLs adds its own, or the completeness test below fails)
TWINS = {
    "children": (_twin_child, "children:record"),
    "carers": (_twin_household, "carers:record"),
    # reunification's pages hang under the child's URL (pk is the child)
    "reunification": (_twin_child, "children:record"),
    # family time's pages are nested under the child (children/<pk>/family-time/…)
    "family_time": (_twin_child, "children:record"),
    "matching": (_twin_child, "children:record"),
}


def _nested(name: str, page) -> bool:
    return (
        page.kwargs is not None
        and name not in NOT_RECORDS_OF_THE_PARENT
        and name.split(":")[0] != "admin"
    )


NESTED = sorted(
    name
    for name, page in PAGES.items()
    if _nested(name, page) and axe_role(page) not in (None, "anonymous", "superuser")
)


def test_every_nested_url_has_a_way_to_swap_its_parent(world):
    nested = [name for name in NESTED if len(PAGES[name].kwargs(world)) > 1]
    assert nested, "no nested URL found: the declarations changed shape"
    for name in nested:
        assert name.split(":")[0] in TWINS, f"{name}: add a twin maker to TWINS"


@pytest.mark.parametrize("scope", ["own", "other"])
@pytest.mark.parametrize("method", ["get", "post"])
@pytest.mark.parametrize("url_name", NESTED)
def test_a_record_under_another_parents_url_answers_404_and_changes_nothing(
    cell_world, url_name, method, scope
):
    world = cell_world
    page = PAGES[url_name]
    kwargs = page.kwargs(world)
    if len(kwargs) < 2:
        pytest.skip("not nested: the access matrix covers a single object's URL")
    role = axe_role(page)
    user = world.user(role, scope)
    make_twin, twin_page = TWINS[url_name.split(":")[0]]
    twin = make_twin(world, scope)
    # the parent is the user's own (a child they work with), the record is the world's child's
    url = reverse(url_name, kwargs={**kwargs, "pk": twin.pk})
    client = _client_as(user)
    before = snapshot()
    refusals = RefusedAccess.objects.count()
    response = getattr(client, method)(url, dict(page.errors or {}) if method == "post" else {})
    assert response.status_code == 404, (
        f"{url_name} {method.upper()} as {role} ({scope}): {response.status_code}"
    )
    assert snapshot() == before, f"{url_name}: a swapped id changed something"
    assert RefusedAccess.objects.count() == refusals + 1  # and the attempt is written down
    # the twin's own page opens for the same user: the 404 is the swap's, not the parent's
    assert client.get(reverse(twin_page, args=[twin.pk])).status_code == 200


# --- injection and reflection -------------------------------------------------------------------

METACHARACTERS = [
    "' OR '1'='1",
    "'; DROP TABLE children_child; --",
    '" OR ""="',
    "%",
    "_",
    "\\",
    "1) OR (1=1",
    "NM-%' UNION SELECT password FROM accounts_user --",
]
SEARCHES = ["children:list", "children:search", "accounts:people_search"]


@pytest.mark.parametrize("text", METACHARACTERS)
@pytest.mark.parametrize("url_name", SEARCHES)
def test_search_boxes_answer_sql_metacharacters_normally_and_find_nothing_through_them(
    cell_world, url_name, text
):
    world = cell_world
    client = _client_as(world.user("social_worker", "own"))
    everyone = client.get(reverse(url_name))
    response = client.get(reverse(url_name), {"q": text})
    assert response.status_code == 200, f"{url_name} q={text!r}: {response.status_code}"
    if response["Content-Type"].startswith("application/json") and text not in ("%", "_"):
        # nothing matches the text itself: the metacharacters did not widen the search
        assert response.json()["results"] == [], response.json()
    if url_name == "children:list":
        assert world.own_child.legal_name not in response.content.decode() or text in ("%", "_")
        assert everyone.status_code == 200


@pytest.mark.parametrize("url_name", ["children:list"])
def test_what_was_typed_is_shown_escaped(cell_world, url_name):
    client = _client_as(cell_world.user("social_worker", "own"))
    page = client.get(reverse(url_name), {"q": '<script>alert("x")</script>'}).content.decode()
    assert '<script>alert("x")</script>' not in page
    assert "&lt;script&gt;" in page


@pytest.mark.parametrize("url_name", SEARCHES)
def test_a_nul_character_in_a_search_is_not_a_server_error(cell_world, url_name):
    client = _client_as(cell_world.user("social_worker", "own"))
    assert client.get(reverse(url_name), {"q": "NM\x00-1"}).status_code in (200, 400)


def test_a_nul_character_typed_in_a_chooser_is_not_a_server_error(cell_world):
    """Without JavaScript a chooser's typed text is searched on submit (accounts.autocomplete)."""
    world = cell_world
    client = _client_as(world.user("social_worker", "own"))
    response = client.post(
        reverse("children:create"),
        {"legal_name": "A", "social_worker_search": "Tes\x00ter", "iro_search": "\x00"},
    )
    assert response.status_code == 200
