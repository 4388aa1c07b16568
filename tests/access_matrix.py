"""The access matrix: every URL of the project × every role × own/other organisation → status.

Each app adds its URLs here as it grows; ``tests/test_access_matrix.py`` runs every cell and
fails when a URL pattern of the project is missing. Statuses:

* ``anonymous`` is the signed-out visitor;
* each role is a user holding only that role, in the organisation that owns the object
  (``own``), in another organisation (``other``), or in the regional adoption agency the
  child is referred to (``referred``: it reads the child's record but never changes it);
* ``superuser`` is a system administrator with no organisation.

For a page that is not about one object, ``own`` and ``other`` expect the same. For an object
page, a user of another organisation gets 404, never the object.
"""

from collections.abc import Callable
from dataclasses import dataclass, field

from accounts.models import Role

ROLES = ["anonymous", *Role.values, "superuser"]
SCOPES = ["own", "other", "referred"]


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


ADMIN_ONLY = {"admin": 200, "superuser": 200}

MATRIX: dict[str, Page] = {
    "accounts:home": Page(default=200),
    "accounts:login": Page(default=302, anonymous=200),  # signed-in users go home
    "accounts:logout": Page(default=302, anonymous=302, method="post"),
    "accounts:team_list": Page(default=200),
    "accounts:team_detail": Page(
        default=200, other=404, kwargs=lambda world: {"pk": world.own_team.pk}
    ),
    "dashboards:healthz": Page(default=200, anonymous=200),
    # The admin site sends non-staff to its own sign-in page.
    "admin:index": Page(default=302, by_role=ADMIN_ONLY),
    "admin:accounts_user_changelist": Page(default=302, by_role=ADMIN_ONLY),
    "admin:accounts_team_change": Page(
        default=302,
        by_role=ADMIN_ONLY,
        # another organisation's admin: the team is outside their list, so the admin
        # redirects to its index with a "does not exist" message, showing nothing of it
        other_by_role={"admin": 302},
        kwargs=lambda world: {"object_id": world.own_team.pk},
    ),
}

# --- children ------------------------------------------------------------------------------
# Case roles of the responsible authority see the child; users of another organisation, users
# who only administer the service and system superusers get 404 (the child does not exist for
# them). Only social workers and team managers change the record (403 for other case roles).
NOT_CASE = {"admin": 404, "superuser": 404}
EDITORS = {"social_worker": 200, "team_manager": 200, **NOT_CASE}


def child_page(default=200, by_role=None, kwargs=lambda world: {"pk": world.own_child.pk}):
    """A page about the own child. The referred agency's case roles read (200) but never
    change (403); its admins, like the responsible authority's, get 404."""
    return Page(
        default=default,
        by_role=by_role or NOT_CASE,
        other=404,
        kwargs=kwargs,
        referred=200 if default == 200 else 403,
        referred_by_role={"admin": 404},
    )


def _family(world, record: str) -> dict:
    """URL kwargs of a birth family record of the own child (see World in the test)."""
    pk = {
        "member_pk": world.own_family_member,
        "assessment_pk": world.own_viability,
        "test_pk": world.own_paternity,
    }[record].pk
    return {"pk": world.own_child.pk, record: pk}


MATRIX.update(
    {
        "children:list": Page(default=200, by_role={"admin": 403, "superuser": 403}),
        "children:create": Page(
            default=403,
            by_role={"social_worker": 200, "team_manager": 200},
            # only a local authority is responsible for a child
            referred_by_role={"social_worker": 403, "team_manager": 403},
        ),
        "children:record": child_page(),
        "children:edit": child_page(default=403, by_role=EDITORS),
        "children:birth": child_page(
            default=403, by_role=EDITORS, kwargs=lambda world: {"pk": world.own_unborn.pk}
        ),
        # the birth family network: editors only; another child's record answers 404
        "children:family_member_add": child_page(default=403, by_role=EDITORS),
        "children:family_member_edit": child_page(
            default=403, by_role=EDITORS, kwargs=lambda world: _family(world, "member_pk")
        ),
        "children:family_member_archive": child_page(
            default=403, by_role=EDITORS, kwargs=lambda world: _family(world, "member_pk")
        ),
        "children:viability_add": child_page(default=403, by_role=EDITORS),
        "children:viability_edit": child_page(
            default=403, by_role=EDITORS, kwargs=lambda world: _family(world, "assessment_pk")
        ),
        "children:paternity_add": child_page(default=403, by_role=EDITORS),
        "children:paternity_edit": child_page(
            default=403, by_role=EDITORS, kwargs=lambda world: _family(world, "test_pk")
        ),
        "children:chronology": child_page(),
        "children:chronology_csv": child_page(),
        "children:history": child_page(),
        "children:siblings": child_page(default=403, by_role=EDITORS),
        "children:sibling_link": child_page(default=403, by_role=EDITORS),
        "children:archive": child_page(default=403, by_role={"team_manager": 200, **NOT_CASE}),
    }
)

# --- children: twin-track plan, reviews and IRO concerns, case notes, practice standards ----
# The plan and the standards checklist are the editors'. Reviews are scheduled and recorded by
# the IRO, the social worker and the team manager; only the IRO raises and escalates a concern;
# the IRO or the team manager records its resolution; the same three add case notes.
REVIEWERS = {"iro": 200, **EDITORS}
IRO_ONLY = {"iro": 200, **NOT_CASE}
RESOLVERS = {"iro": 200, "team_manager": 200, **NOT_CASE}


def _own(world, **records) -> dict:
    """URL kwargs of the own child and records of it (see World in the test)."""
    return {
        "pk": world.own_child.pk,
        **{name: getattr(world, attr).pk for name, attr in records.items()},
    }


MATRIX.update(
    {
        "children:plan_set": child_page(default=403, by_role=EDITORS),
        "children:review_schedule": child_page(default=403, by_role=REVIEWERS),
        "children:review_record": child_page(
            default=403,
            by_role=IRO_ONLY,
            kwargs=lambda world: _own(world, review_pk="own_review"),
        ),
        "children:concern_raise": child_page(default=403, by_role=IRO_ONLY),
        "children:concern_update": child_page(
            default=403,
            by_role=IRO_ONLY,
            kwargs=lambda world: _own(world, concern_pk="own_concern"),
        ),
        "children:concern_resolve": child_page(
            default=403,
            by_role=RESOLVERS,
            kwargs=lambda world: _own(world, concern_pk="own_concern"),
        ),
        "children:note_add": child_page(default=403, by_role=REVIEWERS),
        "children:standard_mark": child_page(
            default=403,
            by_role=EDITORS,
            kwargs=lambda world: _own(world, item_pk="own_standard_item"),
        ),
        "children:standard_unmark": child_page(
            default=403,
            by_role=EDITORS,
            kwargs=lambda world: _own(world, item_pk="own_standard_item"),
        ),
    }
)

# --- children: the court record -------------------------------------------------------------
# Editors only (IROs, family time workers and the rest read it, 403 on its forms); a record of
# another child named in the URL answers 404 (tested in tests/children/test_court.py).


def court_page(**records) -> Page:
    """An editors-only form of the own child, e.g. court_page(hearing_pk="own_hearing")."""
    return child_page(default=403, by_role=EDITORS, kwargs=lambda world: _own(world, **records))


MATRIX.update(
    {
        "children:pre_proceedings": court_page(),
        "children:proceedings_add": court_page(),
        "children:proceedings_edit": court_page(proceedings_pk="own_proceedings"),
        "children:proceedings_conclude": court_page(proceedings_pk="own_proceedings"),
        "children:extension_add": court_page(proceedings_pk="own_proceedings"),
        "children:hearing_add": court_page(proceedings_pk="own_proceedings"),
        "children:hearing_edit": court_page(hearing_pk="own_hearing"),
        "children:direction_add": court_page(hearing_pk="own_hearing"),
        "children:direction_complied": court_page(direction_pk="own_direction"),
        "children:order_add": court_page(),
        "children:section19_add": court_page(),
        "children:section19_edit": court_page(consent_pk="own_consent"),
    }
)

# Admin URLs the matrix leaves to Django's admin (its own permission checks, tested in
# tests/accounts/test_admin.py): every other pattern under the "admin" namespace.
ADMIN_NAMESPACE = "admin"
