"""Every page passes axe-core's WCAG 2.2 AA rules (no serious or critical violation), and so
does every form shown with its errors.

The page list is generated from the access matrix's declarations (``tests/<app>/access.py``,
see tests/access_matrix.py): every GET page that some role opens, as that role, about the
shared world; each page that declares ``errors`` is then posted with that data (its fields
emptied first) and checked again with its error summary showing. That the list is complete is
tested without a browser in tests/test_access_matrix.py.
"""

import pytest
from django.conf import settings
from django.urls import reverse

from tests.access_matrix import axe_pages, axe_role, build_world
from tests.accounts.second_factor import SignedInClient

# Empties the page's form (its CSRF token kept), fills in the declared data and posts it.
POST_WITH_ERRORS = """(data) => {
  const form = document.querySelector("#main-content form[method='post' i]");
  for (const field of form.elements) {
    if (field.name === "csrfmiddlewaretoken" || !field.name) continue;
    if (field.type === "checkbox" || field.type === "radio") field.checked = false;
    else if (field.tagName === "SELECT") field.selectedIndex = -1;
    else if (field.type !== "submit" && field.type !== "button" && field.type !== "hidden")
      field.value = "";
  }
  for (const [name, value] of Object.entries(data)) form.elements[name].value = value;
  HTMLFormElement.prototype.submit.call(form);  // a field named "submit" hides form.submit
}"""


@pytest.fixture
def world(transactional_db):
    return build_world()


@pytest.fixture
def sign_in_as(page, live_server):
    """sign_in_as(user): the browser carries a session of that user (None: signed out)."""

    def sign_in(user):
        page.context.clear_cookies()
        if user is None:
            return
        client = SignedInClient()  # the second factor too, for those who need one
        client.force_login(user)
        cookie = client.cookies[settings.SESSION_COOKIE_NAME].value
        page.context.add_cookies(
            [{"name": settings.SESSION_COOKIE_NAME, "value": cookie, "url": live_server.url}]
        )

    return sign_in


def test_sign_in_page_and_its_errors_are_accessible(page, sign_in, axe_check, transactional_db):
    page.goto("/sign-in/")
    axe_check(page)
    sign_in("nobody", "")
    assert page.locator(".govuk-error-summary").is_visible()
    axe_check(page)


def test_every_declared_page_and_its_errors_are_accessible(page, axe_check, world, sign_in_as):
    pages = axe_pages()
    failures = []
    signed_in_as = object()
    # grouped by role, so each role signs in once
    for url_name, declared in sorted(pages.items(), key=lambda item: axe_role(item[1])):
        role = axe_role(declared)
        if role != signed_in_as:
            sign_in_as(world.user(role))
            signed_in_as = role
        url = reverse(url_name, kwargs=declared.kwargs(world) if declared.kwargs else None)
        try:
            response = page.goto(url)
            assert response.status == 200, f"{url} answered {response.status}"
            axe_check(page)
            if declared.errors is not None:
                with page.expect_navigation():
                    page.evaluate(POST_WITH_ERRORS, declared.errors)
                assert page.locator(".govuk-error-summary").is_visible(), (
                    f"{url} posted {declared.errors} shows no error summary"
                )
                axe_check(page)
        except Exception as error:  # noqa: BLE001 - report every failing page at once
            failures.append(f"{url_name} as {role}: {error}")
    assert not failures, "\n\n".join(failures)


def test_record_sections_and_the_not_found_page_are_accessible(page, axe_check, world, sign_in_as):
    sign_in_as(world.user("social_worker"))
    record = reverse("children:record", args=[world.own_child.pk])
    for anchor, heading in [
        ("family", "Family network"),
        ("plan", "Twin-track plan"),
        ("reviews", "Looked-after reviews"),
        ("notes", "Case notes"),
        ("standards", "Practice standards"),
        ("court", "Court"),
    ]:
        page.goto(f"{record}#{anchor}")
        assert page.get_by_role("heading", name=heading, exact=True).is_visible(), anchor
        axe_check(page)
    page.goto("/no-such-page/")
    axe_check(page)
    page.goto("/children/?scope=all")
    axe_check(page)
