"""A form never owns a rule: each rule that compares records is one ``<entity>_<action>_errors``
function that the form's ``clean()`` and the service both call, so its message shows on the first
submit beside the form's own (here, always together with a missing answer), and the service
refuses the same without the form. Rules about a record's own fields are the model's."""

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse

from accounts.dates import format_date
from accounts.models import Role
from children import services
from children.models import (
    CHILD_ID_TAKEN,
    Child,
    ConsentStatus,
    Hearing,
    HearingKind,
    OrderKind,
    Proceedings,
    Route,
    SiblingPlacement,
)
from tests.children.factories import (
    ChildFactory,
    DirectionFactory,
    FamilyMemberFactory,
    HearingFactory,
    ProceedingsFactory,
)
from tests.helpers import TODAY, date_fields, field_error

pytestmark = pytest.mark.usefixtures("_frozen_today")

BORN = TODAY - timedelta(days=90)
ISSUED = TODAY - timedelta(days=60)
HEARD = TODAY - timedelta(days=30)


@pytest.fixture
def child(own_team):
    return ChildFactory(
        responsible_authority=own_team.organisation,
        team=own_team,
        date_of_birth=BORN,
        identified_on=BORN,
        la_child_id="NM-1",
    )


@pytest.fixture
def proceedings(child):
    return ProceedingsFactory(child=child, issued_on=ISSUED, case_number="NM26C00001")


@pytest.fixture
def hearing(proceedings):
    return HearingFactory(proceedings=proceedings, listed_on=HEARD, kind=HearingKind.CMH)


@pytest.fixture
def post(client_for, social_worker):
    client = client_for(social_worker)

    def send(url_name, args, data):
        response = client.post(reverse(url_name, args=args), data)
        assert response.status_code == 200, "the form should have been refused"
        return response.content.decode()

    return send


def _before_issue(subject: str) -> str:
    return (
        f"{subject} must be on or after the date proceedings were issued ({format_date(ISSUED)})"
    )


# --- the court forms -----------------------------------------------------------------------------


def test_pre_proceedings_shows_the_meeting_before_the_letter_with_a_date_not_real(child, post):
    page = post(
        "children:pre_proceedings_add",
        [child.pk],
        {
            **date_fields("letter_before_proceedings_on", HEARD),
            **date_fields("meeting_on", HEARD - timedelta(days=1)),
            "parents_represented": "unknown",
            "notes": "x" * 5,
        },
    )
    assert field_error(
        page,
        "meeting_on",
        f"Date of the pre-proceedings meeting must be on or after the date of the letter "
        f"before proceedings ({format_date(HEARD)})",
    )


def test_proceedings_issued_before_the_birth_shows_with_a_missing_court(child, post):
    page = post(
        "children:proceedings_add",
        [child.pk],
        {
            "court": "",
            "case_number": "NM26C00002",
            **date_fields("issued_on", BORN - timedelta(1)),
        },
    )
    assert field_error(page, "court", "Enter the court")
    assert field_error(
        page,
        "issued_on",
        "Date proceedings were issued must be on or after the date of birth "
        f"({format_date(BORN)})",
    )
    assert not Proceedings.objects.filter(child=child).exists()


def test_proceedings_issued_after_their_first_hearing_shows_with_a_missing_case_number(
    child, proceedings, hearing, post
):
    page = post(
        "children:proceedings_edit",
        [child.pk, proceedings.pk],
        {"court": "Court", "case_number": "", **date_fields("issued_on", HEARD + timedelta(1))},
    )
    assert field_error(page, "case_number", "Enter the case number")
    assert field_error(
        page,
        "issued_on",
        f"Date proceedings were issued must be on or before the first hearing "
        f"({format_date(HEARD)})",
    )
    proceedings.refresh_from_db()
    assert proceedings.issued_on == ISSUED


def test_proceedings_concluded_before_the_last_hearing_is_refused_by_the_form(
    child, proceedings, hearing, post
):
    page = post(
        "children:proceedings_conclude",
        [child.pk, proceedings.pk],
        date_fields("concluded_on", HEARD - timedelta(1)),
    )
    assert field_error(
        page,
        "concluded_on",
        f"Date proceedings concluded must be on or after the last hearing ({format_date(HEARD)})",
    )


def test_an_extension_before_the_issue_date_shows_with_a_missing_reason(child, proceedings, post):
    page = post(
        "children:extension_add",
        [child.pk, proceedings.pk],
        {"weeks": "4", "reason": "", **date_fields("granted_on", ISSUED - timedelta(1))},
    )
    assert field_error(page, "reason", "Enter the reason the court gave for the extension")
    assert field_error(page, "granted_on", _before_issue("Date the extension was granted"))


def test_a_hearing_before_the_issue_date_shows_with_a_missing_kind(child, proceedings, post):
    page = post(
        "children:hearing_add",
        [child.pk, proceedings.pk],
        {"kind": "", "outcome": "", **date_fields("listed_on", ISSUED - timedelta(1))},
    )
    assert field_error(page, "kind", "Select the kind of hearing")
    assert field_error(page, "listed_on", _before_issue("Date of the hearing"))
    assert not Hearing.objects.filter(proceedings=proceedings).exists()


def test_a_hearing_moved_after_its_first_direction_shows_with_a_missing_kind(child, hearing, post):
    DirectionFactory(hearing=hearing, due_on=HEARD + timedelta(days=7))
    page = post(
        "children:hearing_edit",
        [child.pk, hearing.pk],
        {"kind": "", "outcome": "", **date_fields("listed_on", HEARD + timedelta(days=8))},
    )
    assert field_error(page, "kind", "Select the kind of hearing")
    assert field_error(
        page,
        "listed_on",
        "Date of the hearing must be on or before the date its first direction is due "
        f"({format_date(HEARD + timedelta(days=7))})",
    )


def test_a_direction_due_before_its_hearing_shows_with_a_missing_text(child, hearing, post):
    page = post(
        "children:direction_add",
        [child.pk, hearing.pk],
        {"text": "", **date_fields("due_on", HEARD - timedelta(1))},
    )
    assert field_error(page, "text", "Enter the direction")
    assert field_error(
        page,
        "due_on",
        f"Date the direction is due must be on or after the date of the hearing "
        f"({format_date(HEARD)})",
    )


def test_a_direction_complied_with_before_its_hearing_is_refused_by_the_form(child, hearing, post):
    direction = DirectionFactory(hearing=hearing, due_on=HEARD + timedelta(days=7))
    page = post(
        "children:direction_complied",
        [child.pk, direction.pk],
        date_fields("complied_on", HEARD - timedelta(1)),
    )
    assert field_error(
        page,
        "complied_on",
        f"Date the direction was complied with must be on or after the date of the hearing "
        f"({format_date(HEARD)})",
    )


def test_an_order_on_another_day_than_its_hearing_shows_with_a_missing_kind(child, hearing, post):
    page = post(
        "children:order_add",
        [child.pk],
        {
            "kind": "",
            "hearing": str(hearing.pk),
            "notes": "",
            **date_fields("made_on", HEARD + timedelta(1)),
        },
    )
    assert field_error(page, "kind", "Select the kind of order")
    assert field_error(
        page,
        "made_on",
        f"Date the order was made must be the date of the hearing ({format_date(HEARD)})",
    )


def test_consent_witnessed_before_it_was_discussed_shows_with_a_missing_status(child, post):
    mother = FamilyMemberFactory(child=child, relationship="mother")
    page = post(
        "children:consent_add",
        [child.pk],
        {
            "parent": str(mother.pk),
            "status": "",
            "notes": "",
            **date_fields("considered_on", HEARD),
            **date_fields("witnessed_on", HEARD - timedelta(1)),
            **date_fields("withdrawn_on", None),
            **date_fields("advance_consent_on", None),
            **date_fields("no_notice_statement_on", None),
        },
    )
    assert field_error(page, "status", "Select where consent stands")
    assert field_error(
        page,
        "witnessed_on",
        f"Date Cafcass witnessed consent must be on or after the date consent was first discussed "
        f"({format_date(HEARD)})",
    )


def test_the_court_services_refuse_the_same_without_a_form(
    child, proceedings, hearing, social_worker
):
    by = social_worker
    with pytest.raises(ValidationError) as error:
        services.hearing_add(
            proceedings=proceedings,
            kind=HearingKind.IRH,
            listed_on=ISSUED - timedelta(1),
            by=by,
        )
    assert error.value.message_dict == {"listed_on": [_before_issue("Date of the hearing")]}
    with pytest.raises(ValidationError) as error:
        services.order_record(
            child=child,
            kind=OrderKind.INTERIM_CARE,
            made_on=HEARD + timedelta(1),
            hearing=hearing,
            by=by,
        )
    assert "made_on" in error.value.message_dict
    mother = FamilyMemberFactory(child=child, relationship="mother")
    with pytest.raises(ValidationError) as error:
        services.consent_record(
            child=child,
            parent=mother,
            status=ConsentStatus.GIVEN,
            kind="any",
            considered_on=HEARD,
            witnessed_on=HEARD - timedelta(1),
            by=by,
        )
    assert "witnessed_on" in error.value.message_dict


# --- the child's details -----------------------------------------------------------------------


def _child_data(child, **overrides):
    data = {
        "legal_name": child.legal_name,
        "known_as": "",
        "sex": "",
        "ethnicity": child.ethnicity,
        "religion": "",
        "first_language": "",
        "disability": child.disability,
        "health_needs": "",
        "la_child_id": child.la_child_id,
        "route": child.route,
        "legal_status": "",
        "team": str(child.team_id),
        "social_worker": str(child.social_worker_id or ""),
        "iro": "",
        "referred_to": "",
        **date_fields("expected_delivery_date", None),
        **date_fields("date_of_birth", child.date_of_birth),
        **date_fields("looked_after_on", None),
        **date_fields("identified_on", child.identified_on),
    }
    data.update(overrides)
    return data


def test_a_date_of_birth_after_the_proceedings_shows_with_a_missing_name(child, proceedings, post):
    page = post(
        "children:edit",
        [child.pk],
        _child_data(child, legal_name="", **date_fields("date_of_birth", ISSUED + timedelta(1))),
    )
    assert field_error(page, "legal_name", "Enter the child's legal name")
    assert field_error(
        page,
        "date_of_birth",
        f"Date of birth must be on or before the date proceedings were issued "
        f"({format_date(ISSUED)})",
    )


def test_a_child_id_taken_in_another_case_shows_with_a_missing_name(child, own_team, post):
    other = ChildFactory(responsible_authority=own_team.organisation, team=own_team)
    page = post("children:edit", [other.pk], _child_data(other, legal_name="", la_child_id="nm-1"))
    assert field_error(page, "legal_name", "Enter the child's legal name")
    assert field_error(page, "la_child_id", CHILD_ID_TAKEN)


def test_the_child_id_is_unique_in_the_authority_whatever_its_case_in_the_database(child):
    with pytest.raises(IntegrityError), transaction.atomic():
        Child.objects.create(
            legal_name="Copy",
            date_of_birth=BORN,
            la_child_id="nm-1",
            route=Route.PROCEEDINGS_ISSUED,
            responsible_authority=child.responsible_authority,
            team=child.team,
        )


def test_another_authority_may_use_the_same_child_id(child, other_team, make_user):
    worker = make_user(Role.SOCIAL_WORKER, team=other_team)
    services.child_create(
        by=worker,
        legal_name="Same ID elsewhere",
        la_child_id="nm-1",
        route=Route.PROCEEDINGS_ISSUED,
        team=other_team,
        identified_on=TODAY,
        date_of_birth=BORN,
    )


def test_the_service_refuses_a_child_id_taken_in_another_case(child, own_team, social_worker):
    with pytest.raises(ValidationError) as error:
        services.child_create(
            by=social_worker,
            legal_name="Second record",
            la_child_id="nm-1",
            route=Route.PROCEEDINGS_ISSUED,
            team=own_team,
            identified_on=TODAY,
            date_of_birth=BORN,
        )
    assert error.value.message_dict == {"la_child_id": [CHILD_ID_TAKEN]}


# --- siblings ------------------------------------------------------------------------------------


def test_siblings_placed_apart_without_a_reason_shows_with_a_missing_name(child, post):
    page = post(
        "children:siblings",
        [child.pk],
        {"name": "", "placement": SiblingPlacement.APART, "reason": "", "other_siblings": ""},
    )
    assert field_error(page, "name", "Enter a name for the sibling group")
    assert field_error(page, "reason", "Enter why the brothers and sisters are placed apart")


@pytest.mark.parametrize("placement", [SiblingPlacement.APART, SiblingPlacement.PARTLY])
def test_the_service_refuses_siblings_placed_apart_without_a_reason(
    child, social_worker, placement
):
    with pytest.raises(ValidationError) as error:
        services.sibling_group_set(
            child=child, by=social_worker, name="Wren family", placement=placement, reason=" "
        )
    assert error.value.message_dict == {
        "reason": ["Enter why the brothers and sisters are placed apart"]
    }
    child.refresh_from_db()
    assert child.sibling_group is None
