"""Bad input tried as a new user would (issue 9, item 14): an expected date of delivery in the
past, a case note dated before the pregnancy."""

from datetime import timedelta

import pytest
from django.urls import reverse

from children.models import CaseNote, Child
from tests.children.factories import UnbornChildFactory
from tests.helpers import TODAY, date_fields, error_summary, input_value, textarea_value

pytestmark = pytest.mark.usefixtures("_frozen_today")


def test_an_expected_date_of_delivery_years_ago_is_refused_and_the_input_kept(
    client_for, social_worker, own_team
):
    response = client_for(social_worker).post(
        reverse("children:create"),
        {
            "legal_name": "Unborn baby of Kept Name",
            "la_child_id": "NM-9001",
            "route": "pre_birth",
            "team": str(own_team.pk),
            "ethnicity": "NOBT",
            "disability": "unknown",
            **date_fields("expected_delivery_date", TODAY.replace(year=2020, month=1, day=1)),
            **date_fields("identified_on", TODAY),
        },
    )
    html = response.content.decode()
    assert (
        "Expected date of delivery must be in the future, or no more than 4 weeks ago: if the "
        "baby has been born, enter the date of birth" in error_summary(html)
    )
    assert input_value(html, "legal_name") == "Unborn baby of Kept Name"
    assert not Child.objects.filter(la_child_id="NM-9001").exists()


def test_a_baby_a_little_overdue_is_still_unborn(social_worker, own_team):
    child = UnbornChildFactory(
        responsible_authority=own_team.organisation,
        team=own_team,
        expected_delivery_date=TODAY - timedelta(days=10),
    )
    child.full_clean()  # no error: induction is usually offered by 42 weeks


def test_a_case_note_dated_years_before_an_unborn_babys_due_date_is_refused(
    client_for, social_worker, own_team
):
    child = UnbornChildFactory(
        responsible_authority=own_team.organisation,
        team=own_team,
        expected_delivery_date=TODAY + timedelta(days=60),
    )
    response = client_for(social_worker).post(
        reverse("children:note_add", args=[child.pk]),
        {
            "kind": "visit",
            "summary": "Kept summary",
            "text": "Kept text",
            **date_fields("happened_on", TODAY.replace(year=2019)),
        },
    )
    html = response.content.decode()
    assert (
        "Date of the note must be on or after 22 March 2026 (10 months before the baby is due)"
        in error_summary(html)
    )
    assert textarea_value(html, "text") == "Kept text"
    assert not CaseNote.objects.filter(child=child).exists()
