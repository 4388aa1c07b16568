"""Who opened what, and who was refused (issue 15 item 6): a view is logged for GET only, the
record's read pages answer GET and HEAD only, each log row keeps Sec-Fetch-Site, and a 403 or
404 on a record URL is written down with the user, the path and the outcome (ids only)."""

import pytest
from django.urls import reverse

from accounts.models import FetchSite, RefusedAccess, Role
from children.models import ChildAccessLog
from tests.children.factories import ChildFactory, HearingFactory, ProceedingsFactory

pytestmark = pytest.mark.django_db

READ_PAGES = [
    "children:record",
    "children:chronology",
    "children:history",
    "children:chronology_csv",
]


@pytest.fixture
def child(own_team, social_worker):
    return ChildFactory(
        responsible_authority=own_team.organisation,
        team=own_team,
        social_worker=social_worker,
        legal_name="Sky Auditchild",
    )


@pytest.mark.parametrize("page", READ_PAGES)
@pytest.mark.parametrize("method", ["post", "put", "patch", "delete"])
def test_the_read_pages_answer_only_get_and_head(client_for, social_worker, child, page, method):
    response = getattr(client_for(social_worker), method)(reverse(page, args=[child.pk]))
    assert response.status_code == 405
    assert not ChildAccessLog.objects.exists()


@pytest.mark.parametrize("page", READ_PAGES)
def test_a_head_request_answers_but_is_not_a_view(client_for, social_worker, child, page):
    assert client_for(social_worker).head(reverse(page, args=[child.pk])).status_code == 200
    assert not ChildAccessLog.objects.exists()


def test_a_form_posted_back_is_not_logged_as_a_view(client_for, social_worker, child):
    client_for(social_worker).post(reverse("children:note_add", args=[child.pk]), {})
    assert not ChildAccessLog.objects.exists()


@pytest.mark.parametrize(
    ("header", "kept"),
    [
        ("cross-site", FetchSite.CROSS_SITE),
        ("same-origin", FetchSite.SAME_ORIGIN),
        ("none", FetchSite.NONE),
        (None, FetchSite.UNKNOWN),
        ("<script>", FetchSite.UNKNOWN),  # not a value browsers send: not kept
    ],
)
def test_each_view_keeps_where_it_came_from(client_for, social_worker, child, header, kept):
    extra = {} if header is None else {"HTTP_SEC_FETCH_SITE": header}
    client_for(social_worker).get(reverse("children:record", args=[child.pk]), **extra)
    assert ChildAccessLog.objects.get().fetch_site == kept


def test_a_cross_site_link_to_a_form_page_is_logged_as_cross_site(
    client_for, social_worker, child
):
    client_for(social_worker).get(
        reverse("children:note_add", args=[child.pk]), HTTP_SEC_FETCH_SITE="cross-site"
    )
    assert ChildAccessLog.objects.get().fetch_site == FetchSite.CROSS_SITE


def test_another_organisations_record_is_refused_and_written_down(
    client_for, make_user, other_team, child
):
    stranger = make_user(Role.SOCIAL_WORKER, team=other_team)
    url = reverse("children:record", args=[child.pk])
    response = client_for(stranger).get(url + "?q=Sky", HTTP_SEC_FETCH_SITE="same-origin")
    assert response.status_code == 404
    refusal = RefusedAccess.objects.get()
    assert (refusal.user, refusal.method, refusal.path, refusal.outcome) == (
        stranger,
        "GET",
        url,  # the path only: a query string may hold a search for a name
        404,
    )
    assert refusal.fetch_site == FetchSite.SAME_ORIGIN
    assert not ChildAccessLog.objects.exists()
    _assert_no_names(refusal, child)


def test_a_form_the_role_may_not_use_is_refused_and_written_down(
    client_for, make_user, own_team, child
):
    iro = make_user(Role.IRO, team=own_team)
    url = reverse("children:edit", args=[child.pk])
    assert client_for(iro).post(url, {"legal_name": "x"}).status_code == 403
    refusal = RefusedAccess.objects.get()
    assert (refusal.user, refusal.method, refusal.path, refusal.outcome) == (iro, "POST", url, 403)
    _assert_no_names(refusal, child)


def test_a_record_of_another_child_under_this_childs_url_is_refused_and_written_down(
    client_for, social_worker, own_team, child
):
    other = ChildFactory(responsible_authority=own_team.organisation, team=own_team)
    hearing = HearingFactory(proceedings=ProceedingsFactory(child=other))
    url = reverse("children:hearing_edit", args=[child.pk, hearing.pk])
    assert client_for(social_worker).get(url).status_code == 404
    assert RefusedAccess.objects.get().path == url


def test_pages_that_are_not_about_a_record_write_no_refusal(client_for, make_user, own_team):
    admin = make_user(Role.ADMIN, team=own_team)
    assert client_for(admin).get(reverse("children:list")).status_code == 403
    assert client_for(admin).get("/no-such-page/").status_code == 404
    assert not RefusedAccess.objects.exists()


def test_an_allowed_view_writes_no_refusal(client_for, social_worker, child):
    client_for(social_worker).get(reverse("children:record", args=[child.pk]))
    assert not RefusedAccess.objects.exists()


def _assert_no_names(refusal, child):
    text = " ".join(str(getattr(refusal, f.attname)) for f in RefusedAccess._meta.fields)
    for name in (child.legal_name, refusal.user.first_name, refusal.user.last_name):
        assert name not in text


def test_an_organisations_admins_see_their_own_peoples_refusals_only(
    client_for, make_user, own_team, other_team, child
):
    mine = make_user(Role.SOCIAL_WORKER, team=other_team, username="prober.other")
    theirs = make_user(Role.IRO, team=own_team, username="iro.own")
    client_for(mine).get(reverse("children:record", args=[child.pk]))
    client_for(theirs).post(reverse("children:edit", args=[child.pk]), {})
    admin_other = make_user(Role.ADMIN, team=other_team, username="admin.other")
    page = client_for(admin_other).get(reverse("admin:accounts_refusedaccess_changelist"))
    assert page.status_code == 200
    assert "prober.other" in page.content.decode()
    assert "iro.own" not in page.content.decode()
    worker = make_user(Role.SOCIAL_WORKER, team=own_team)
    assert (
        client_for(worker).get(reverse("admin:accounts_refusedaccess_changelist")).status_code
        == 302
    )
