"""Case notes (children.services.notes): adding them, who may, their dates."""

from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from accounts.models import Role
from children import services
from children.models import CaseNote, NoteKind
from tests.children.factories import (
    CaseNoteFactory,
    ChildFactory,
)
from tests.helpers import TODAY, date_fields, error_summary, input_value, textarea_value

pytestmark = pytest.mark.usefixtures("_frozen_today")


@pytest.fixture
def child(own_team):
    return ChildFactory(responsible_authority=own_team.organisation, team=own_team)


# --- case notes --------------------------------------------------------------------------------


def note_data(**overrides) -> dict:
    data = {
        "kind": NoteKind.VISIT,
        "summary": "Kept summary: home visit",
        "text": "Baby settled with the carers.",
        **date_fields("happened_on", TODAY - timedelta(days=1)),
    }
    data.update(overrides)
    return data


def test_a_social_worker_adds_a_note_and_is_its_author(client_for, social_worker, child):
    client = client_for(social_worker)
    response = client.post(reverse("children:note_add", args=[child.pk]), note_data())
    assert response.status_code == 302
    assert response["Location"].endswith("#notes")
    note = CaseNote.objects.get(child=child)
    assert note.created_by == social_worker
    assert note.history.first().history_user == social_worker
    page = client.get(reverse("children:record", args=[child.pk])).content.decode()
    assert f"Written by {social_worker}" in page


def test_notes_are_listed_newest_first(client_for, social_worker, child):
    CaseNoteFactory(child=child, summary="Older note", happened_on=TODAY - timedelta(days=9))
    CaseNoteFactory(child=child, summary="Newer note", happened_on=TODAY - timedelta(days=1))
    page = client_for(social_worker).get(reverse("children:record", args=[child.pk]))
    html = page.content.decode()
    assert html.index("Newer note") < html.index("Older note")


def test_a_note_dated_in_the_future_is_refused_and_the_input_kept(
    client_for, social_worker, child
):
    response = client_for(social_worker).post(
        reverse("children:note_add", args=[child.pk]),
        note_data(**date_fields("happened_on", TODAY + timedelta(days=1))),
    )
    html = response.content.decode()
    assert "Date of the note must be today or in the past" in error_summary(html)
    assert input_value(html, "summary") == "Kept summary: home visit"
    assert textarea_value(html, "text") == "Baby settled with the carers."
    assert not CaseNote.objects.exists()


def test_an_empty_note_names_what_is_missing(client_for, social_worker, child):
    response = client_for(social_worker).post(
        reverse("children:note_add", args=[child.pk]),
        {"summary": "", "text": "", **date_fields("happened_on", None)},
    )
    summary = error_summary(response.content.decode())
    for message in (
        "Select what kind of note it is",
        "Enter the date of the note",
        "Enter a summary of the note",
    ):
        assert message in summary


@pytest.mark.parametrize(
    ("role", "status"),
    [
        (Role.IRO, 302),
        (Role.TEAM_MANAGER, 302),
        # sees only the children of the family time they supervise (issue 12 item 4)
        (Role.FAMILY_TIME_WORKER, 404),
        (Role.NOMINATED_OFFICER, 403),
    ],
)
def test_who_may_add_a_note(client_for, make_user, own_team, child, role, status):
    client = client_for(make_user(role, team=own_team))
    response = client.post(reverse("children:note_add", args=[child.pk]), note_data())
    assert response.status_code == status
    assert CaseNote.objects.exists() is (status == 302)


def test_the_note_service_checks_the_date_and_the_rules(social_worker, make_user, other_team):
    child = ChildFactory(responsible_authority=social_worker.organisation)
    with pytest.raises(ValidationError) as error:
        services.case_note_add(
            child=child,
            kind=NoteKind.PHONE,
            happened_on=TODAY + timedelta(days=1),
            summary="Call",
            by=social_worker,
        )
    assert error.value.message_dict == {
        "happened_on": ["Date of the note must be today or in the past"]
    }
    with pytest.raises(PermissionDenied):
        services.case_note_add(
            child=child,
            kind=NoteKind.PHONE,
            happened_on=TODAY,
            summary="Call",
            by=make_user(Role.SOCIAL_WORKER, team=other_team),
        )
