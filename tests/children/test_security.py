"""The child's record and what leaves the server (issue 15 items 7 and 8): flash messages never
ride in a cookie, the child ID keeps to letters, digits and / _ -, and the chronology download's
filename is built by Django whatever the ID holds."""

import io
import zlib
from datetime import timedelta

import pytest
import time_machine
from django.core import signing
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.urls import reverse

from children import services
from children.models import CHILD_ID_CHARACTERS, Child, Route
from tests.children.factories import ChildFactory
from tests.helpers import TODAY, date_fields, field_error, input_value

pytestmark = pytest.mark.django_db

NAME = "Rowan Testchild"


@pytest.fixture
def add_child_data(own_team, social_worker):
    def make(**overrides):
        data = {
            "legal_name": NAME,
            "known_as": "Ro",
            "sex": "",
            "ethnicity": "WBRI",
            "religion": "",
            "first_language": "English",
            "disability": "unknown",
            "health_needs": "",
            "la_child_id": "NM-10001",
            "route": Route.PRE_BIRTH,
            "legal_status": "",
            "team": str(own_team.pk),
            "social_worker": str(social_worker.pk),
            "iro": "",
            "referred_to": "",
            **date_fields("expected_delivery_date", TODAY + timedelta(days=100)),
            **date_fields("date_of_birth", None),
            **date_fields("looked_after_on", None),
            **date_fields("identified_on", TODAY - timedelta(days=3)),
        }
        data.update(overrides)
        return data

    return make


# --- item 7: flash messages ---------------------------------------------------------------------


def _readable(value: str) -> str:
    """A cookie's value as anyone holding it can read it: signed values are only base64 (and
    maybe zlib-compressed) JSON, so decode each part before looking for a name."""
    texts = [value]
    for part in value.split(":"):
        compressed = part.startswith(".")
        try:
            raw = signing.b64_decode(part.lstrip(".").encode())
            texts.append((zlib.decompress(raw) if compressed else raw).decode("utf-8", "replace"))
        except (ValueError, zlib.error):
            continue
    return "\n".join(texts)


@time_machine.travel(TODAY, tick=False)
def test_no_name_is_sent_in_a_cookie_after_adding_a_child(
    client_for, social_worker, add_child_data
):
    client = client_for(social_worker)
    added = client.post(reverse("children:create"), add_child_data())
    assert added.status_code == 302
    record = client.get(added["Location"])
    # the message is shown, from the session...
    assert f"{NAME} has been added" in record.content.decode()
    # ...and no response set a cookie carrying the name (or any messages cookie at all)
    for response in (added, record):
        for cookie in response.cookies.values():
            assert cookie.key != "messages"
            for part in (NAME, "Rowan", "Testchild", "Ro"):
                assert part not in cookie.value, (cookie.key, part)
        assert "Rowan" not in str(response.get("Set-Cookie", ""))
    assert "messages" not in client.cookies


# --- item 8: the child ID and the chronology download -------------------------------------------

BAD_IDS = ['NM "1"', "NM-1\nX-Injected: yes", "NM 1", "NM;1", "NM-1é"]


@time_machine.travel(TODAY, tick=False)
@pytest.mark.parametrize("bad_id", BAD_IDS)
def test_adding_a_child_refuses_an_id_with_other_characters_and_keeps_it(
    client_for, social_worker, add_child_data, bad_id
):
    response = client_for(social_worker).post(
        reverse("children:create"), add_child_data(la_child_id=bad_id, religion="Kept")
    )
    page = response.content.decode()
    assert response.status_code == 200
    assert field_error(page, "la_child_id", CHILD_ID_CHARACTERS)
    assert input_value(page, "religion") == "Kept"
    assert not Child.objects.exists()


@time_machine.travel(TODAY, tick=False)
@pytest.mark.parametrize("good_id", ["NM-40112", "EB/2001", "a_b-C/9", "123456"])
def test_child_ids_of_letters_digits_and_separators_are_accepted(
    client_for, social_worker, add_child_data, good_id
):
    response = client_for(social_worker).post(
        reverse("children:create"), add_child_data(la_child_id=good_id)
    )
    assert response.status_code == 302
    assert Child.objects.get().la_child_id == good_id


@time_machine.travel(TODAY, tick=False)
def test_the_services_refuse_an_id_with_other_characters(social_worker, own_team):
    with pytest.raises(ValidationError) as refused:
        services.child_create(
            by=social_worker,
            legal_name=NAME,
            la_child_id='NM"1',
            route=Route.PRE_BIRTH,
            team=own_team,
            identified_on=TODAY,
            expected_delivery_date=TODAY + timedelta(days=30),
        )
    assert refused.value.message_dict["la_child_id"] == [CHILD_ID_CHARACTERS]
    assert not Child.objects.exists()
    child = ChildFactory(responsible_authority=own_team.organisation, team=own_team)
    with pytest.raises(ValidationError):
        services.child_update(child=child, by=social_worker, la_child_id="NM\r\n1")
    child.refresh_from_db()
    assert "\n" not in child.la_child_id


@pytest.mark.parametrize(
    ("stored", "expected"),
    [
        ("NM-40112", 'attachment; filename="chronology-NM-40112.csv"'),
        # saved before the rule (or by a script): quoted and encoded, never a broken header
        ('NM"1', 'attachment; filename="chronology-NM\\"1.csv"'),
        ("NM\n1", "attachment; filename*=utf-8''chronology-NM%0A1.csv"),
    ],
)
def test_the_chronology_download_builds_its_filename_safely(
    client_for, social_worker, own_team, stored, expected
):
    child = ChildFactory(responsible_authority=own_team.organisation, team=own_team)
    Child.objects.filter(pk=child.pk).update(la_child_id=stored)
    response = client_for(social_worker).get(reverse("children:chronology_csv", args=[child.pk]))
    assert response.status_code == 200
    assert response["Content-Disposition"] == expected


def test_every_demo_child_id_keeps_to_the_allowed_characters():
    call_command("load_demo", stdout=io.StringIO())
    ids = list(Child.objects.values_list("la_child_id", flat=True))
    assert ids
    for child_id in ids:
        Child._meta.get_field("la_child_id").run_validators(child_id)


def test_the_demo_shows_the_audit_records():
    from accounts.models import FetchSite, RefusedAccess, RoleChange
    from children.models import ChildAccessLog

    call_command("load_demo", stdout=io.StringIO())
    kai = Child.objects.get(la_child_id="EB-2001")
    assert ChildAccessLog.objects.filter(child=kai, fetch_site=FetchSite.CROSS_SITE).exists()
    refusal = RefusedAccess.objects.get()
    assert refusal.outcome == 404
    assert refusal.path == reverse("children:record", args=[kai.pk])
    assert refusal.user.organisation != kai.responsible_authority
    assert RoleChange.objects.filter(action=RoleChange.Action.GRANTED).exists()
