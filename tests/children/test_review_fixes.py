"""Rules found in review: who sees what, archived records, dates that must stay consistent."""

import io
from datetime import date, timedelta

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse

from accounts.models import OrganisationKind, Role
from children import services
from children.models import Child, ChildAccessLog, SiblingGroup
from tests.accounts.factories import OrganisationFactory, TeamFactory
from tests.children.factories import (
    ChildFactory,
    FamilyMemberFactory,
    HearingFactory,
    ProceedingsFactory,
)


@pytest.fixture
def raa_worker(make_user):
    raa = OrganisationFactory(kind=OrganisationKind.REGIONAL_ADOPTION_AGENCY, code="RAA7")
    return make_user(Role.SOCIAL_WORKER, team=TeamFactory(organisation=raa))


def test_history_hides_family_contact_details_from_people_outside_the_childs_team(
    client_for, social_worker, own_team, raa_worker
):
    child = ChildFactory(
        responsible_authority=own_team.organisation,
        team=own_team,
        referred_to=raa_worker.organisation,
    )
    services.family_member_add(
        child=child,
        by=social_worker,
        name="Example Mother",
        relationship="mother",
        address="1 Secret Lane",
        phone="01632 960999",
    )
    url = reverse("children:history", args=[child.pk])
    outsider = client_for(raa_worker).get(url).content.decode()
    assert "Example Mother" in outsider
    assert "1 Secret Lane" not in outsider
    assert "01632 960999" not in outsider
    assert "1 Secret Lane" in client_for(social_worker).get(url).content.decode()


def test_siblings_the_viewer_cannot_open_are_not_named(
    client_for, social_worker, own_team, raa_worker
):
    org = own_team.organisation
    group = SiblingGroup.objects.create(responsible_authority=org, name="Group")
    referred = ChildFactory(
        responsible_authority=org,
        team=own_team,
        sibling_group=group,
        referred_to=raa_worker.organisation,
    )
    ChildFactory(
        responsible_authority=org,
        team=own_team,
        sibling_group=group,
        legal_name="Unreferred Sibling",
    )
    page = client_for(raa_worker).get(reverse("children:record", args=[referred.pk]))
    assert "Unreferred Sibling" not in page.content.decode()
    page = client_for(social_worker).get(reverse("children:record", args=[referred.pk]))
    assert "Unreferred Sibling" in page.content.decode()


def test_an_agency_cannot_add_a_child(client_for, raa_worker):
    client = client_for(raa_worker)
    assert client.get(reverse("children:create")).status_code == 403
    assert "Add a child" not in client.get(reverse("children:list")).content.decode()


def test_an_archived_record_can_be_read_but_not_changed(
    client_for, social_worker, own_team, make_user
):
    manager = make_user(Role.TEAM_MANAGER, team=own_team)
    child = ChildFactory(responsible_authority=own_team.organisation, team=own_team)
    services.child_archive(child=child, reason="Moved away", by=manager)
    client = client_for(social_worker)
    assert client.get(reverse("children:record", args=[child.pk])).status_code == 200
    assert client.get(reverse("children:edit", args=[child.pk])).status_code == 403
    assert client.get(reverse("children:note_add", args=[child.pk])).status_code == 403
    assert (
        client_for(manager)
        .post(reverse("children:archive", args=[child.pk]), {"reason": "Again"})
        .status_code
        == 403
    )
    child.refresh_from_db()
    assert child.archived_reason == "Moved away"


def test_recording_the_birth_twice_is_refused(client_for, social_worker, own_team):
    child = ChildFactory(
        responsible_authority=own_team.organisation, team=own_team, legal_name="Kept Name"
    )
    born = child.date_of_birth
    day = date.today() - timedelta(days=1)
    response = client_for(social_worker).post(
        reverse("children:birth", args=[child.pk]),
        {
            "date_of_birth_0": day.day,
            "date_of_birth_1": day.month,
            "date_of_birth_2": day.year,
            "sex": "",
            "legal_name": "Overwritten Name",
        },
    )
    assert "The birth has already been recorded" in response.content.decode()
    child.refresh_from_db()
    assert child.legal_name == "Kept Name"
    assert child.date_of_birth == born


def test_date_of_birth_cannot_move_after_the_proceedings(social_worker, own_team):
    from django.core.exceptions import ValidationError

    child = ChildFactory(
        responsible_authority=own_team.organisation,
        team=own_team,
        date_of_birth=date.today() - timedelta(days=60),
    )
    ProceedingsFactory(child=child, issued_on=date.today() - timedelta(days=50))
    with pytest.raises(ValidationError) as error:
        services.child_update(
            child=child, by=social_worker, date_of_birth=date.today() - timedelta(days=40)
        )
    assert "Date of birth must be on or before the date proceedings were issued" in str(
        error.value
    )
    with pytest.raises(ValidationError):
        services.child_update(
            child=child,
            by=social_worker,
            date_of_birth=None,
            expected_delivery_date=date.today() + timedelta(days=30),
        )
    child.refresh_from_db()
    assert child.date_of_birth == date.today() - timedelta(days=60)


def test_proceedings_cannot_conclude_before_their_last_hearing(social_worker, own_team):
    from django.core.exceptions import ValidationError

    child = ChildFactory(
        responsible_authority=own_team.organisation,
        team=own_team,
        date_of_birth=date.today() - timedelta(days=90),
    )
    proceedings = ProceedingsFactory(child=child, issued_on=date.today() - timedelta(days=60))
    HearingFactory(proceedings=proceedings, listed_on=date.today() - timedelta(days=10))
    with pytest.raises(ValidationError) as error:
        services.proceedings_conclude(
            proceedings=proceedings,
            by=social_worker,
            concluded_on=date.today() - timedelta(days=20),
        )
    assert "must be on or after the last hearing" in str(error.value)


def test_form_pages_are_in_the_access_log(client_for, social_worker, own_team):
    child = ChildFactory(responsible_authority=own_team.organisation, team=own_team)
    member = FamilyMemberFactory(child=child)
    client_for(social_worker).get(
        reverse("children:family_member_edit", args=[child.pk, member.pk])
    )
    assert ChildAccessLog.objects.filter(child=child, user=social_worker).exists()


def test_chronology_csv_keeps_formulas_as_text(client_for, social_worker, own_team):
    child = ChildFactory(responsible_authority=own_team.organisation, team=own_team)
    services.case_note_add(
        child=child,
        by=social_worker,
        kind="other",
        happened_on=date.today(),
        summary='=HYPERLINK("http://x","Open")',
        text="",
    )
    csv = client_for(social_worker).get(reverse("children:chronology_csv", args=[child.pk]))
    assert "'=HYPERLINK" in csv.content.decode()


def test_a_departed_social_worker_stays_allocated_when_other_details_change(
    client_for, own_team, make_user
):
    manager = make_user(Role.TEAM_MANAGER, team=own_team)
    leaver = make_user(Role.SOCIAL_WORKER, team=own_team)
    child = ChildFactory(
        responsible_authority=own_team.organisation, team=own_team, social_worker=leaver
    )
    leaver.is_active = False
    leaver.save()
    page = client_for(manager).get(reverse("children:edit", args=[child.pk])).content.decode()
    assert f'value="{leaver.pk}" selected' in page


def test_demo_data_is_refused_in_production(settings, db):
    settings.PRODUCTION = True
    with pytest.raises(CommandError):
        call_command("load_demo", stdout=io.StringIO())
    assert not Child.objects.exists()
