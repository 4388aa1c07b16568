"""The accounts app's pages in the access matrix (see tests/access_matrix.py), with the Django
admin's pages that the matrix checks (the rest of the admin is left to its own checks)."""

from tests.access_matrix import Page

ADMIN_ONLY = {"admin": 200, "superuser": 200}
# Django's own admin markup, not the service's templates: axe finds serious violations in it
DJANGO_ADMIN = "Django's admin markup fails axe"

PAGES: dict[str, Page] = {
    "accounts:home": Page(default=200),
    # signed-in users go home; posted empty, the form shows its errors
    "accounts:login": Page(default=302, anonymous=200, errors={}),
    "accounts:logout": Page(default=302, anonymous=302, method="post"),
    "accounts:team_list": Page(default=200),
    "accounts:team_detail": Page(
        default=200, other=404, kwargs=lambda world: {"pk": world.own_team.pk}
    ),
    # the person chooser's search (JSON): anyone of an organisation finds its active staff; a
    # system administrator has no organisation, so no staff to choose from
    "accounts:people_search": Page(
        default=200, by_role={"superuser": 403}, no_axe="JSON for the person chooser"
    ),
    # the accessibility statement and the privacy notice are open to everyone
    "accounts:accessibility": Page(default=200, anonymous=200),
    "accounts:privacy": Page(default=200, anonymous=200),
    # --- the second factor and single sign-on (tests/accounts/test_second_factor.py) ---
    # the code page sends on whoever has shown their second factor or needs none (the matrix
    # signs admins in with theirs); its page and errors are checked in
    # tests/e2e/test_second_factor.py
    "accounts:second_factor_verify": Page(
        default=302,
        no_axe="opened only between the password and the code: checked with its errors in "
        "tests/e2e/test_second_factor.py",
    ),
    "accounts:second_factor": Page(default=200),
    # admins here have their app already: the set-up page sends them to their second factor
    "accounts:second_factor_setup": Page(
        default=200, by_role={"admin": 302, "superuser": 302}, errors={}
    ),
    "accounts:recovery_codes": Page(default=302, method="post"),
    # another person's second factor: their organisation's admins (404 for anyone else's)
    "accounts:second_factor_reset": Page(
        default=403,
        by_role=ADMIN_ONLY,
        other=404,
        kwargs=lambda world: {"pk": world.user("social_worker").pk},
        errors={},
    ),
    # no organisation of the world signs in through an identity provider: there is none to go to
    # (tests/accounts/test_sso.py signs in through a real one)
    "accounts:sso_start": Page(
        default=404,
        anonymous=404,
        kwargs=lambda world: {"code": world.own_org.code},
        no_axe="a redirect to the identity provider",
    ),
    "accounts:sso_callback": Page(
        default=404,
        anonymous=404,
        kwargs=lambda world: {"code": world.own_org.code},
        no_axe="its refusal page is checked in tests/e2e/test_second_factor.py",
    ),
    # The admin site sends non-staff to its own sign-in page.
    "admin:index": Page(default=302, by_role=ADMIN_ONLY),
    "admin:accounts_user_changelist": Page(
        default=302, by_role=ADMIN_ONLY, no_axe=DJANGO_ADMIN + " (filter links: target-size)"
    ),
    "admin:accounts_team_change": Page(
        default=302,
        by_role=ADMIN_ONLY,
        # another organisation's admin: the team is outside their list, so the admin
        # redirects to its index with a "does not exist" message, showing nothing of it
        other_by_role={"admin": 302},
        kwargs=lambda world: {"object_id": world.own_team.pk},
        no_axe=DJANGO_ADMIN + " (breadcrumbs: link-in-text-block)",
    ),
}
