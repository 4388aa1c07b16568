"""The baby's birth (issue 9 items 6–8): the pre-birth and discharge plan (Std 2.8), the baby's
health at birth (Std 4.5) and the assessments of the parents (Std 5.1; FPR Part 25)."""

from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from accounts.models import Role
from children import chronology, history
from children.models import (
    AssessmentKind,
    AssessmentOutcome,
    BabyHealth,
    BirthPlan,
    Exposure,
    ParentAssessment,
    Relationship,
    nhs_number_is_valid,
)
from children.services import birth as services
from tests.children.factories import ChildFactory, FamilyMemberFactory, UnbornChildFactory
from tests.helpers import TODAY, checked_value, date_fields, field_error, input_value

pytestmark = pytest.mark.usefixtures("_frozen_today")

BORN = TODAY - timedelta(days=20)


@pytest.fixture
def child(own_org, own_team, social_worker):
    return ChildFactory(
        responsible_authority=own_org,
        team=own_team,
        social_worker=social_worker,
        date_of_birth=BORN,
    )


@pytest.fixture
def unborn(own_org, own_team, social_worker):
    return UnbornChildFactory(
        responsible_authority=own_org, team=own_team, social_worker=social_worker
    )


@pytest.fixture
def mother(child):
    return FamilyMemberFactory(child=child, name="Amy Parent", relationship=Relationship.MOTHER)


# --- the NHS number ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("number", "valid"),
    [
        ("9434765919", True),
        ("943 476 5919", True),
        ("943-476-5919", True),
        ("4010232137", True),
        ("9434765918", False),  # wrong check digit
        ("943476591", False),  # nine digits
        ("94347659190", False),  # eleven
        ("943476591A", False),
        ("1000000010", False),  # the check digit would be 10: never issued
    ],
)
def test_nhs_number_check_digit_is_modulus_11(number, valid):
    assert nhs_number_is_valid(number) is valid


# --- the baby's health ---------------------------------------------------------------------


def test_baby_health_record_keeps_the_ten_digits_and_changes_in_place(child, social_worker):
    health = services.baby_health_record(
        child=child,
        nhs_number="943 476 5919",
        gestation_weeks=36,
        birth_weight_grams=2450,
        neonatal_unit_days=6,
        prenatal_exposure=Exposure.DRUGS,
        exposure_detail="Opiates in the third trimester",
        discharged_on=BORN + timedelta(days=6),
        by=social_worker,
    )
    assert health.nhs_number == "9434765919"
    again = services.baby_health_record(
        child=child,
        nhs_number="9434765919",
        initial_health_assessment_on=TODAY,
        by=social_worker,
    )
    assert again.pk == health.pk
    assert BabyHealth.objects.get().initial_health_assessment_on == TODAY


@pytest.mark.parametrize(
    ("fields", "field", "message"),
    [
        (
            {"nhs_number": "9434765918"},
            "nhs_number",
            "Enter a valid NHS number, like 943 476 5919",
        ),
        (
            {"discharged_on": BORN - timedelta(days=1)},
            "discharged_on",
            f"Date discharged must be on or after the birth ({BORN.day} {BORN:%B %Y})",
        ),
        (
            {"discharged_on": TODAY + timedelta(days=1)},
            "discharged_on",
            "Date discharged from hospital must be today or in the past",
        ),
        (
            {"initial_health_assessment_on": TODAY + timedelta(days=1)},
            "initial_health_assessment_on",
            "Date of the initial health assessment must be today or in the past",
        ),
        (
            {"prenatal_exposure": Exposure.ALCOHOL},
            "exposure_detail",
            "Enter what is known about the exposure",
        ),
    ],
)
def test_baby_health_record_refuses(child, social_worker, fields, field, message):
    with pytest.raises(ValidationError) as error:
        services.baby_health_record(child=child, by=social_worker, **fields)
    assert error.value.message_dict[field] == [message]
    assert not BabyHealth.objects.exists()


def test_an_unborn_baby_has_no_health_at_birth(unborn, social_worker):
    with pytest.raises(ValidationError) as error:
        services.baby_health_record(child=unborn, gestation_weeks=38, by=social_worker)
    assert error.value.messages == ["Record the baby's birth before their health at birth"]


def test_an_iro_may_not_record_health(child, make_user, own_team):
    iro = make_user(Role.IRO, team=own_team)
    with pytest.raises(PermissionDenied):
        services.baby_health_record(child=child, gestation_weeks=38, by=iro)


def test_the_health_form_refuses_a_bad_nhs_number_and_keeps_what_was_typed(
    client_for, child, social_worker
):
    response = client_for(social_worker).post(
        reverse("children:baby_health", args=[child.pk]),
        {
            "nhs_number": "943 476 5918",
            "gestation_weeks": "19",
            "birth_weight_grams": "heavy",
            "neonatal_unit_days": "",
            "withdrawal_monitoring": "yes",
            "prenatal_exposure": "none",
            "exposure_detail": "",
            **date_fields("discharged_on", None),
            "family_health_history": "Maternal grandmother: diabetes",
            **date_fields("initial_health_assessment_on", None),
        },
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert field_error(html, "nhs_number", "Enter a valid NHS number, like 943 476 5919")
    assert field_error(html, "gestation_weeks", "Gestation in weeks must be between 20 and 45")
    assert field_error(
        html, "birth_weight_grams", "Birth weight in grams must be a number, like 3200"
    )
    assert input_value(html, "nhs_number") == "943 476 5918"
    assert checked_value(html, "withdrawal_monitoring") == "yes"
    assert "Maternal grandmother: diabetes" in html
    assert not BabyHealth.objects.exists()


def test_the_health_form_saves_and_the_record_shows_it(client_for, child, social_worker):
    response = client_for(social_worker).post(
        reverse("children:baby_health", args=[child.pk]),
        {
            "nhs_number": "943 476 5919",
            "gestation_weeks": "37",
            "birth_weight_grams": "2900",
            "neonatal_unit_days": "0",
            "withdrawal_monitoring": "no",
            "prenatal_exposure": "none",
            "exposure_detail": "",
            **date_fields("discharged_on", BORN + timedelta(days=2)),
            "family_health_history": "",
            **date_fields("initial_health_assessment_on", None),
        },
    )
    assert response.status_code == 302
    assert response["Location"].endswith("#birth")
    html = client_for(social_worker).get(reverse("children:record", args=[child.pk])).content
    html = html.decode()
    assert "943 476 5919" in html
    assert "2900 grams" in html
    assert "Not admitted" in html


def test_health_is_not_shown_to_a_viewer_without_the_health_rule(client_for, child, social_worker):
    import rules

    BabyHealth.objects.create(child=child, nhs_number="9434765919")
    rules.remove_perm("children.view_health")
    rules.add_perm("children.view_health", rules.always_deny)
    try:
        html = client_for(social_worker).get(reverse("children:record", args=[child.pk]))
        assert "943 476 5919" not in html.content.decode()
        events = chronology.events_for(child, social_worker)
        assert not [e for e in events if e.category == "Health"]
        labels = {c.record for c in history.changes_for(child, viewer=social_worker)}
        assert "Health at birth" not in labels
    finally:
        from children.rules import can_view_child

        rules.remove_perm("children.view_health")
        rules.add_perm("children.view_health", can_view_child)


# --- the pre-birth and discharge plan (Std 2.8) ----------------------------------------------


def test_birth_plan_records_the_conference_and_the_day_of_discharge(unborn, social_worker):
    plan = services.birth_plan_record(
        child=unborn,
        conference_on=TODAY - timedelta(days=3),
        hospital="Northmoor General",
        hospital_visitors="Mother, supervised; maternal grandmother",
        carers_collect="yes",
        discharge_plan="Mother says goodbye on the ward; carers collect at 2pm.",
        by=social_worker,
    )
    assert plan.conference_on == TODAY - timedelta(days=3)
    events = chronology.events_for(unborn, social_worker)
    assert [e.title for e in events if e.category == "Birth"] == ["Pre-birth conference held"]


def test_the_pre_birth_conference_is_before_the_birth(child, social_worker):
    with pytest.raises(ValidationError) as error:
        services.birth_plan_record(
            child=child, conference_on=BORN + timedelta(days=1), by=social_worker
        )
    assert error.value.message_dict["conference_on"] == [
        f"Date of the pre-birth conference must be before the birth ({BORN.day} {BORN:%B %Y})"
    ]


def test_the_birth_plan_form_shows_errors_and_keeps_input(client_for, unborn, social_worker):
    response = client_for(social_worker).post(
        reverse("children:birth_plan", args=[unborn.pk]),
        {
            **date_fields("conference_on", TODAY + timedelta(days=5)),
            "hospital": "x" * 201,
            "hospital_visitors": "Mother only",
            "carers_collect": "yes",
            "discharge_plan": "",
        },
    )
    html = response.content.decode()
    assert field_error(
        html, "conference_on", "Date of the pre-birth conference must be today or in the past"
    )
    assert field_error(html, "hospital", "Hospital must be 200 characters or fewer")
    assert "Mother only" in html
    assert checked_value(html, "carers_collect") == "yes"
    assert not BirthPlan.objects.exists()


# --- assessments of the parents --------------------------------------------------------------


def assessment_data(parent, **overrides) -> dict:
    data = {
        "parent": str(parent.pk),
        "kind": AssessmentKind.PAMS,
        "assessor": "Independent social worker",
        **date_fields("requested_on", TODAY - timedelta(days=10)),
        **date_fields("due_on", TODAY + timedelta(days=30)),
        **date_fields("filed_on", None),
        "outcome": AssessmentOutcome.PENDING,
        "summary": "",
    }
    data.update(overrides)
    return data


@pytest.mark.parametrize(
    ("fields", "field", "message"),
    [
        (
            {"kind": AssessmentKind.EXPERT},
            "directed_by_court",
            services.EXPERT_NEEDS_COURT,
        ),
        (
            {"due_on": TODAY - timedelta(days=11)},
            "due_on",
            "Date due must be on or after the date requested",
        ),
        (
            {"outcome": AssessmentOutcome.NEGATIVE},
            "filed_on",
            "Enter the date the assessment was filed",
        ),
        ({"filed_on": TODAY}, "outcome", "Select the outcome of the filed assessment"),
        (
            {"filed_on": TODAY + timedelta(days=1), "outcome": AssessmentOutcome.POSITIVE},
            "filed_on",
            "Date filed must be today or in the past",
        ),
    ],
)
def test_parent_assessment_add_refuses(child, mother, social_worker, fields, field, message):
    arguments = {
        "kind": AssessmentKind.PAMS,
        "requested_on": TODAY - timedelta(days=10),
        "due_on": TODAY + timedelta(days=20),
        **fields,
    }
    with pytest.raises(ValidationError) as error:
        services.parent_assessment_add(child=child, parent=mother, by=social_worker, **arguments)
    assert error.value.message_dict[field] == [message]
    assert not ParentAssessment.objects.exists()


def test_an_assessment_names_a_parent_of_this_child(child, social_worker, own_org, own_team):
    other = FamilyMemberFactory(child=ChildFactory(responsible_authority=own_org, team=own_team))
    with pytest.raises(ValidationError):
        services.parent_assessment_add(
            child=child,
            parent=other,
            kind=AssessmentKind.PARENTING,
            requested_on=TODAY,
            due_on=TODAY,
            by=social_worker,
        )


def test_an_expert_assessment_directed_by_the_court_is_filed_with_its_outcome(
    child, mother, social_worker
):
    assessment = services.parent_assessment_add(
        child=child,
        parent=mother,
        kind=AssessmentKind.EXPERT,
        directed_by_court=True,
        requested_on=TODAY - timedelta(days=40),
        due_on=TODAY - timedelta(days=5),
        by=social_worker,
    )
    services.parent_assessment_update(
        assessment=assessment,
        filed_on=TODAY - timedelta(days=2),
        outcome=AssessmentOutcome.MIXED,
        summary="Can meet basic care with support",
        by=social_worker,
    )
    titles = [e.title for e in chronology.events_for(child, social_worker)]
    assert "Expert assessment directed by the court (FPR Part 25) requested" in titles
    assert "Expert assessment directed by the court (FPR Part 25) filed" in titles


def test_the_assessment_form_offers_only_parents_and_keeps_input(
    client_for, child, mother, social_worker
):
    grandmother = FamilyMemberFactory(child=child, relationship=Relationship.GRANDPARENT)
    url = reverse("children:parent_assessment_add", args=[child.pk])
    page = client_for(social_worker).get(url).content.decode()
    assert f'value="{mother.pk}"' in page
    assert f'value="{grandmother.pk}"' not in page
    response = client_for(social_worker).post(
        url, assessment_data(mother, kind=AssessmentKind.EXPERT, assessor="Dr A Example")
    )
    html = response.content.decode()
    assert field_error(
        html, "directed_by_court", services.EXPERT_NEEDS_COURT.replace("'", "&#x27;")
    )
    assert input_value(html, "assessor") == "Dr A Example"
    assert checked_value(html, "kind") == AssessmentKind.EXPERT
    assert not ParentAssessment.objects.exists()
    response = client_for(social_worker).post(url, assessment_data(mother))
    assert response.status_code == 302
    assessment = ParentAssessment.objects.get()
    edit = reverse("children:parent_assessment_edit", args=[child.pk, assessment.pk])
    response = client_for(social_worker).post(
        edit,
        assessment_data(
            mother,
            outcome=AssessmentOutcome.POSITIVE,
            **date_fields("filed_on", TODAY),
        ),
    )
    assert response.status_code == 302
    assessment.refresh_from_db()
    assert assessment.outcome == AssessmentOutcome.POSITIVE


def test_another_childs_assessment_answers_404(client_for, child, social_worker, own_org):
    other_child = ChildFactory(responsible_authority=own_org, team=child.team)
    other = ParentAssessment.objects.create(
        child=other_child,
        parent=FamilyMemberFactory(child=other_child),
        kind=AssessmentKind.PARENTING,
        requested_on=TODAY,
        due_on=TODAY,
    )
    response = client_for(social_worker).get(
        reverse("children:parent_assessment_edit", args=[child.pk, other.pk])
    )
    assert response.status_code == 404


# --- the record, the chronology and the history keep their query counts --------------------


def _grow(child, n: int) -> None:
    parent = FamilyMemberFactory(child=child, relationship=Relationship.FATHER)
    for i in range(n):
        ParentAssessment.objects.create(
            child=child,
            parent=parent,
            kind=AssessmentKind.DRUG_ALCOHOL,
            requested_on=TODAY - timedelta(days=i + 1),
            due_on=TODAY,
            filed_on=TODAY,
            outcome=AssessmentOutcome.NEGATIVE,
        )


@pytest.mark.parametrize("page", ["children:record", "children:chronology", "children:history"])
def test_birth_records_keep_the_pages_query_count(client_for, child, social_worker, page):
    BirthPlan.objects.create(child=child, conference_on=BORN - timedelta(days=10))
    BabyHealth.objects.create(child=child, discharged_on=BORN)
    client = client_for(social_worker)
    url = reverse(page, args=[child.pk])
    _grow(child, 1)
    with CaptureQueriesContext(connection) as once:
        assert client.get(url).status_code == 200
    _grow(child, 4)
    with CaptureQueriesContext(connection) as later:
        assert client.get(url).status_code == 200
    assert len(later) == len(once)


# --- family finding: the referral to the agency and the siblings (issue 9 item 9) -----------


def test_family_finding_records_the_referral_and_the_sibling_counts(child, social_worker):
    from children.models import FamilyFinding

    services.family_finding_record(
        child=child,
        referred_on=TODAY - timedelta(days=5),
        agency_social_worker="A Worker",
        siblings=3,
        siblings_together=1,
        siblings_apart=2,
        with_siblings_adopters=True,
        by=social_worker,
    )
    finding = FamilyFinding.objects.get(child=child)
    assert (finding.siblings, finding.siblings_together, finding.siblings_apart) == (3, 1, 2)
    titles = [e.title for e in chronology.events_for(child, social_worker)]
    assert "Referred to the adoption agency" in titles


@pytest.mark.parametrize(
    ("fields", "field", "message"),
    [
        (
            {"siblings": 2, "siblings_together": 2, "siblings_apart": 1},
            "siblings_apart",
            "Brothers and sisters placed together and apart must add up to 2 or fewer",
        ),
        (
            {"siblings_together": 1},
            "siblings",
            "Enter how many brothers and sisters the child has",
        ),
        (
            {"with_siblings_adopters": True},
            "with_siblings_adopters",
            "Enter how many brothers and sisters the child has, including the older one",
        ),
        (
            {"referred_on": TODAY + timedelta(days=1)},
            "referred_on",
            "Date referred to the agency must be today or in the past",
        ),
    ],
)
def test_family_finding_refuses(child, social_worker, fields, field, message):
    with pytest.raises(ValidationError) as error:
        services.family_finding_record(child=child, by=social_worker, **fields)
    assert error.value.message_dict[field] == [message]


def test_the_family_finding_form_keeps_input_and_the_record_shows_it(
    client_for, child, social_worker
):
    url = reverse("children:family_finding", args=[child.pk])
    response = client_for(social_worker).post(
        url,
        {
            **date_fields("referred_on", TODAY),
            "agency_social_worker": "Sam Agency",
            "siblings": "1",
            "siblings_together": "2",
            "siblings_apart": "",
        },
    )
    html = response.content.decode()
    assert field_error(
        html,
        "siblings_apart",
        "Brothers and sisters placed together and apart must add up to 1 or fewer",
    )
    assert input_value(html, "agency_social_worker") == "Sam Agency"
    response = client_for(social_worker).post(
        url,
        {
            **date_fields("referred_on", TODAY),
            "agency_social_worker": "Sam Agency",
            "siblings": "2",
            "siblings_together": "1",
            "siblings_apart": "1",
            "with_siblings_adopters": "on",
        },
    )
    assert response.status_code == 302
    page = client_for(social_worker).get(reverse("children:record", args=[child.pk]))
    html = page.content.decode()
    assert "1 placed together with this child, 1 apart" in html
    assert "Placed with the adopters of an older brother or sister" in html
