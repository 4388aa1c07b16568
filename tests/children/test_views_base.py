"""children.views.base.ChildRecordFormView: the form works on a copy of the record, so a refused
edit never changes the record the page (and the view) holds."""

from datetime import timedelta

import pytest
from django.urls import reverse

from children.models import ChildAccessLog, HearingKind
from children.views.court import HearingEditView
from tests.children.factories import (
    ChildFactory,
    FamilyMemberFactory,
    HearingFactory,
    ProceedingsFactory,
)
from tests.helpers import TODAY, date_fields, field_error

pytestmark = pytest.mark.usefixtures("_frozen_today")

ISSUED = TODAY - timedelta(days=60)
HEARD = TODAY - timedelta(days=30)


@pytest.fixture
def hearing(own_team):
    child = ChildFactory(responsible_authority=own_team.organisation, team=own_team)
    proceedings = ProceedingsFactory(child=child, issued_on=ISSUED)
    return HearingFactory(
        proceedings=proceedings, kind=HearingKind.CMH, listed_on=HEARD, outcome="Adjourned"
    )


def test_a_refused_edit_leaves_the_views_record_as_it_was_saved(rf, hearing, social_worker):
    request = rf.post("/")
    request.user = social_worker
    view = HearingEditView()
    view.setup(request, pk=hearing.proceedings.child_id, hearing_pk=hearing.pk)
    view.child = hearing.proceedings.child
    view.instance = view.get_instance()
    form = view.make_form(
        data={
            "kind": HearingKind.IRH,
            "outcome": "Typed but refused",
            **date_fields("listed_on", ISSUED - timedelta(days=1)),
        }
    )
    assert not form.is_valid()
    assert form.instance is not view.instance
    assert view.instance.kind == HearingKind.CMH
    assert view.instance.outcome == "Adjourned"
    assert view.instance.listed_on == HEARD


def test_after_a_refused_edit_the_page_shows_the_childs_name_as_saved(
    client_for, social_worker, own_team
):
    child = ChildFactory(
        responsible_authority=own_team.organisation, team=own_team, legal_name="Saved Name"
    )
    data = {
        "legal_name": "Typed Name",
        "known_as": "",
        "sex": "",
        "ethnicity": child.ethnicity,
        "religion": "",
        "first_language": "",
        "disability": child.disability,
        "health_needs": "",
        "la_child_id": child.la_child_id,
        "route": "",  # missing: the edit is refused
        "legal_status": "",
        "team": str(own_team.pk),
        "social_worker": "",
        "iro": "",
        "referred_to": "",
        **date_fields("expected_delivery_date", None),
        **date_fields("date_of_birth", child.date_of_birth),
        **date_fields("looked_after_on", None),
        **date_fields("identified_on", child.identified_on),
    }
    page = client_for(social_worker).post(reverse("children:edit", args=[child.pk]), data)
    text = page.content.decode()
    assert field_error(text, "route", "Select the route into early permanence")
    assert '<span class="govuk-caption-l">Saved Name</span>' in text
    assert 'value="Typed Name"' in text  # what was typed is kept in the form


def test_form_pages_are_in_the_access_log(client_for, social_worker, own_team):
    child = ChildFactory(responsible_authority=own_team.organisation, team=own_team)
    member = FamilyMemberFactory(child=child)
    client_for(social_worker).get(
        reverse("children:family_member_edit", args=[child.pk, member.pk])
    )
    assert ChildAccessLog.objects.filter(child=child, user=social_worker).exists()
